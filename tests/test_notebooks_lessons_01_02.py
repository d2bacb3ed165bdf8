"""Lessons 01 and 02 run top to bottom, on 08BAKU151 and on two sample cables.

Run All with the ``...`` placeholders in place: every self-check cell answers "no answer"
(or "not available" where the answer tables say the exercise cannot work on that cable),
every exercise the lesson asks about has a solution cell that only offers a "Show the
solution" button, and nothing is written into the learner's work folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from answer_tables import cell_verdicts, placeholder_verdict
from nbrun import run_notebook

REPO = Path(__file__).resolve().parent.parent
LESSONS = {
    "01": REPO / "notebooks" / "01_anatomy_of_a_cable.ipynb",
    "02": REPO / "notebooks" / "02_reading_the_body.ipynb",
}
# A Baku cable of another year (dual sections, Comment) and a SECRET//NOFORN one
# with no REF line: together they exercise every branch the lessons show.
CABLES = ["08BAKU151", "06BAKU1835", "09ABUDHABI1151"]
CHECK_ID = re.compile(r'^\s*check\(\s*"(\d\d\.\d)"', re.MULTILINE)
SOLUTION = re.compile(r'^solution\("(\d\d\.\d)", cable\)$')


def _solution_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_every_exercise_has_a_solution_disclosure(lesson: str) -> None:
    nb = nbformat.read(LESSONS[lesson], as_version=4)
    asked = {
        m
        for c in nb.cells
        if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
        for m in CHECK_ID.findall(c.source)
    }
    solved = [SOLUTION.match(c.source.strip()) for c in _solution_cells(nb)]
    assert all(solved), [c.source for c in _solution_cells(nb)]
    assert asked and asked == {m.group(1) for m in solved}
    assert {i.split(".")[0] for i in asked} == {lesson}


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("cable_id", CABLES)
@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_lesson_runs_answers_no_answer_and_writes_nothing(
    lesson: str, cable_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(work))
    nb = run_notebook(LESSONS[lesson], cable_id=cable_id)
    verdicts = {}
    for cell in nb.cells:
        found = CHECK_ID.findall(cell.source) if cell.cell_type == "code" else []
        if found and "solution" not in cell.metadata.get("tags", []):
            verdicts[found[0]] = cell_verdicts(cell)
    assert verdicts
    expected = {e: [placeholder_verdict(e, cable_id)] for e in verdicts}
    assert verdicts == expected, cable_id
    for cell in _solution_cells(nb):
        text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
        assert "Model answer" not in text
    assert not work.exists() or not any(p.is_file() for p in work.rglob("*"))
    # The figures and the map were produced (rendering is the browser tests' job).
    mimes = [m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})]
    assert "application/vnd.jupyter.widget-view+json" in mimes
    if lesson == "02":
        assert "application/vnd.plotly.v1+json" in mimes
    else:
        assert "application/javascript" in mimes  # offline map data before the map
