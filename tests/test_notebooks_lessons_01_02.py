"""Lessons 01 and 02 run top to bottom, on 08BAKU151 and on two sample cables.

Every solution cell's self-check must answer "Correct" on each cable (the
solutions compute their answers from the cable), and every exercise ID the
lesson asks about must have a solution cell.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbrun import run_notebook

REPO = Path(__file__).resolve().parent.parent
LESSONS = {
    "01": REPO / "notebooks" / "01_anatomy_of_a_cable.ipynb",
    "02": REPO / "notebooks" / "02_reading_the_body.ipynb",
}
# A Baku cable of another year (dual sections, Comment) and a SECRET//NOFORN one
# with no REF line: together they exercise every branch the lessons show.
CABLES = ["08BAKU151", "06BAKU1835", "09ABUDHABI1151"]
CHECK_ID = re.compile(r'check\(\s*"(\d\d\.\d)"')


def _solution_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_every_exercise_has_a_hidden_solution(lesson: str) -> None:
    nb = nbformat.read(LESSONS[lesson], as_version=4)
    asked = {
        m
        for c in nb.cells
        if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
        for m in CHECK_ID.findall(c.source)
    }
    solved = {m for c in _solution_cells(nb) for m in CHECK_ID.findall(c.source)}
    assert asked and asked == solved
    assert {i.split(".")[0] for i in asked} == {lesson}
    for cell in _solution_cells(nb):
        assert cell.metadata["jupyter"]["source_hidden"] is True


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("cable_id", CABLES)
@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_lesson_runs_and_solutions_are_correct(lesson: str, cable_id: str) -> None:
    nb = run_notebook(LESSONS[lesson], cable_id=cable_id)
    verdicts = []
    for cell in _solution_cells(nb):
        text = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        verdicts.append((cell.source.split("\n")[0], text))
    assert verdicts
    wrong = [(source, text) for source, text in verdicts if "Correct" not in text]
    assert not wrong, f"{cable_id}: solutions not 'Correct': {wrong}"
    # The figures and the map were produced (rendering is the browser tests' job).
    mimes = [m for c in nb.cells for o in c.get("outputs", []) for m in o.get("data", {})]
    assert "application/vnd.jupyter.widget-view+json" in mimes
    if lesson == "02":
        assert "application/vnd.plotly.v1+json" in mimes
    else:
        assert "application/javascript" in mimes  # offline map data before the map
