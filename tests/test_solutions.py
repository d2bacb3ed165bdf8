"""Solutions as disclosures: the model answer appears only on request and nothing is written."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cable_utils import Cable, load_cable
from cable_utils.lessons.solutions import STATIC_EDITION_ENV, StaticSolution
from cable_utils.widgets.checks import solution

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    monkeypatch.delenv(STATIC_EDITION_ENV, raising=False)
    return folder


def all_html(widget) -> str:
    text = getattr(widget, "value", "") if isinstance(getattr(widget, "value", ""), str) else ""
    text += getattr(widget, "description", "") or ""
    return text + "".join(all_html(child) for child in getattr(widget, "children", ()))


def test_the_toggle_shows_the_answer_only_when_pressed(work_folder: Path) -> None:
    panel = solution("04.1", load_cable("08BAKU151"))
    toggle = panel.controls["toggle"]
    assert toggle.description == "Show the solution to 04.1" and toggle.value is False
    folded = all_html(panel)
    assert "16" not in folded and "Seyidov" not in folded  # nothing of the answer while folded
    toggle.value = True
    assert "16" in panel.view.value and "Model answer" in panel.view.value
    assert toggle.description == "Hide the solution to 04.1"
    toggle.value = False
    assert panel.view.value == "" and "16" not in all_html(panel)
    assert not work_folder.exists()  # a solution never writes


def test_the_solution_follows_the_cable() -> None:
    panel = solution("01.2", load_cable("10MOSCOW228"))
    panel.controls["toggle"].value = True
    assert ">5<" in panel.view.value and "computed from 10MOSCOW228" in panel.view.value
    other = solution("04.1", load_cable("10MOSCOW228"))
    other.controls["toggle"].value = True
    assert "No model answer for this cable" in other.view.value
    assert "written for 08BAKU151" in other.view.value


def test_a_solution_on_a_cable_without_a_date_explains(work_folder: Path) -> None:
    raw = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    headless = Cable.from_text(raw[raw.index("E.O. 12958") :])
    panel = solution("01.3", headless)
    panel.controls["toggle"].value = True  # the old solution crashed here (strftime on None)
    assert "date-time group" in panel.view.value


def test_unknown_exercise_fails_at_once() -> None:
    with pytest.raises(KeyError, match="known exercises"):
        solution("99.9", load_cable("08BAKU151"))


def test_the_static_edition_renders_a_closed_details(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STATIC_EDITION_ENV, "1")
    static = solution("04.4", load_cable("08BAKU151"))
    assert isinstance(static, StaticSolution)
    html = static._repr_html_()
    assert html.startswith('<details class="cable-solution"') and " open" not in html.split(">")[0]
    assert "<summary>Show the solution to 04.4</summary>" in html and "16" in html
    assert "16" not in repr(static)  # the plain-text form names the disclosure only


def _make_student():
    spec = importlib.util.spec_from_file_location(
        "make_student", REPO / "tools" / "make_student.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_student_drops_solution_cells_tagged_or_not() -> None:
    make_student = _make_student()
    tagged = nbformat.v4.new_code_cell('solution("04.1", cable)')
    tagged.metadata["tags"] = ["solution"]
    untagged = nbformat.v4.new_code_cell('solution("04.2", cable)')
    kept = nbformat.v4.new_code_cell('check("04.1", ..., cable)')
    cells, removed = make_student.student_cells([kept, tagged, untagged])
    assert [c.source for c in cells] == ['check("04.1", ..., cable)'] and removed == 2


def test_strip_keeps_solution_buttons_visible(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('solution("04.1", cable)')
    cell.metadata["tags"] = ["solution"]
    cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
    nb.cells = [cell]
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "strip_notebooks.py"), str(path)], check=True
    )
    stripped = nbformat.read(path, as_version=4)
    assert "jupyter" not in stripped.cells[0].metadata
    assert re.fullmatch(r'solution\("04\.1", cable\)', stripped.cells[0].source)
