"""A class set for one cable: ``make student CABLE=ID`` / ``make html CABLE=ID`` and the worksheet."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from cable_utils import load_cable
from cable_utils.analysis.notes import load_notes
from cable_utils.errors import CableError
from cable_utils.lessons.classset import (
    cells_for_cable,
    checked_class_cable,
    set_lesson_cable,
    worksheet_exercises,
    worksheet_html,
)
from cable_utils.lessons.exercises import exercise_ids, get_exercise

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
TOOL = REPO / "tools" / "make_student.py"
LESSONS = sorted(NOTEBOOKS.glob("0*.ipynb"))


def parameters_source(nb) -> str:
    return next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))


def test_set_lesson_cable_rewrites_only_the_cable_line() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("CABLE_ID = None  # the chosen cable\nOTHER = 2"),
    ]
    nb.cells[1].metadata["tags"] = ["parameters"]
    assert set_lesson_cable(nb, "10MOSCOW228")
    assert nb.cells[1].source == 'CABLE_ID = "10MOSCOW228"\nOTHER = 2'
    assert nb.cells[0].source == "x = 1"
    assert not set_lesson_cable(nbformat.v4.new_notebook(), "10MOSCOW228")


def test_cells_about_08baku151_stay_only_in_its_class_set() -> None:
    about = nbformat.v4.new_markdown_cell("In 08BAKU151: …")
    about.metadata["tags"] = ["cable:08BAKU151"]
    general = nbformat.v4.new_markdown_cell("Any cable")
    cells = [general, about]
    assert cells_for_cable(cells, "08BAKU151") == ([general, about], 0)
    assert cells_for_cable(cells, "10MOSCOW228") == ([general], 1)


@pytest.mark.parametrize("bad", ["../x", "", "  ", "99NOWHERE1", "a/b", "x'; rm -rf /"])
def test_a_class_set_needs_a_cable_of_the_collection(bad: str) -> None:
    with pytest.raises(CableError):
        checked_class_cable(bad)


def test_a_class_set_can_be_for_a_corpus_cable_or_an_id_typed_in_lower_case() -> None:
    assert checked_class_cable("10ankara87").id == "10ANKARA87"  # found in lesson 06
    assert checked_class_cable("08baku151").id == "08BAKU151"


# ------------------------------------------------------------------ the worksheet


def test_the_worksheet_holds_every_exercise_that_works_with_space_to_answer() -> None:
    cable = load_cable("10MOSCOW228")
    page = worksheet_html(cable, lesson_titles={"01": "The anatomy of a cable"})
    items = worksheet_exercises(cable)
    assert [i.id for i in items] == exercise_ids()
    for item in items:
        if item.not_here:
            assert f"{item.id} ({item.level})</span>" not in page
            assert f"{item.id} ({item.level}): left out" in page
        else:
            prompt = get_exercise(item.id).prompt
            assert f'<span class="label">{item.id} ({item.level})</span>' in page
            assert re.sub(r"[&<>\"']", "", prompt)[:30] in re.sub(r"&[a-z#0-9]+;", "", page)
    boxes = page.count('class="answer"')
    notes = load_notes("10MOSCOW228")
    assert boxes == sum(1 for i in items if not i.not_here) + len(notes.questions)
    assert "Lesson 01 · The anatomy of a cable" in page
    assert "RUSSIAN DRAFT BILL WOULD REQUIRE ON-SHORE CREDIT CARD PROCESSING" in page
    assert notes.questions[0][:40] in page.replace("&#x27;", "'").replace("&quot;", '"')


def test_the_worksheet_prints_one_lesson_per_page_and_fetches_nothing() -> None:
    page = worksheet_html(load_cable("08BAKU151"))
    assert "@page" in page and "break-before: page" in page and "break-inside: avoid" in page
    assert "@media print" in page and ".print-hint { display: none; }" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", page)
    assert "<script" not in page


def test_the_worksheet_escapes_a_remixers_cable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    from cable_utils.lessons.chosen import choose_cable

    text = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace(
        "SUBJECT: AZERBAIJANI REACTION", "SUBJECT: <script>alert(1)</script> REACTION"
    )
    cable = choose_cable(text, cable_id=None)
    page = worksheet_html(cable)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# ------------------------------------------------------------------ make student CABLE=ID


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def make_student(out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), str(NOTEBOOKS), str(out), *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_make_student_for_another_cable(tmp_path: Path) -> None:
    out = tmp_path / "student"
    result = make_student(out, "--cable", "10MOSCOW228")
    assert result.returncode == 0, result.stderr
    assert "every lesson in" in result.stdout and "10MOSCOW228" in result.stdout
    for source in LESSONS:
        copy = nbformat.read(out / source.name, as_version=4)
        assert re.search(r'^CABLE_ID = "10MOSCOW228"', parameters_source(copy), re.MULTILINE)
        tags = [t for c in copy.cells for t in c.metadata.get("tags", [])]
        assert "cable:08BAKU151" not in tags and "solution" not in tags
        assert copy.metadata["cable_classroom"]["cable"] == "10MOSCOW228"
    page = (out / "worksheet.html").read_text(encoding="utf-8")
    assert "Worksheet: cable 10MOSCOW228" in page


def test_make_student_refuses_a_bad_cable_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "student"
    assert make_student(out).returncode == 0
    before = digest(out)
    for bad in ("../../etc/passwd", "99NOWHERE1"):
        result = make_student(out, "--cable", bad)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr and bad in result.stderr
        assert digest(out) == before
