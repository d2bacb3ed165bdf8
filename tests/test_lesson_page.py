"""What a lesson says about the cable it reads: header, boxes about 08BAKU151, notes, timeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis import notes as notes_module
from cable_utils.analysis.argument import load_timeline
from cable_utils.analysis.notes import load_notes, timeline_for
from cable_utils.lessons.chosen import choose_cable
from cable_utils.lessons.page import cable_box, cable_questions, lesson_header

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def baku():
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def moscow():
    return load_cable("10MOSCOW228")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    return tmp_path / "work"


def test_the_shipped_notes_of_10moscow228_are_complete() -> None:
    notes = load_notes("10MOSCOW228")
    assert notes.exists and not notes.problems
    assert notes.intro and notes.questions and notes.timeline
    assert set(notes.answers) <= set(range(1, len(notes.questions) + 1))
    assert {"01", "02", "03", "04"} <= set(notes.lessons)


def test_the_header_on_08baku151_is_one_line(work: Path, baku) -> None:
    header = lesson_header(baku, "01")
    assert str(header).startswith("**This lesson reads 08BAKU151.**")
    assert "lesson 05" in str(header) and "\n" not in str(header)


def test_the_header_on_another_cable_says_so_and_shows_the_teachers_notes(
    work: Path, moscow
) -> None:
    header = str(lesson_header(moscow, "02"))
    assert header.startswith("**This lesson reads 10MOSCOW228** (AMEMBASSY MOSCOW, 01 Feb 2010")
    assert "folded under *In 08BAKU151*" in header
    notes = load_notes("10MOSCOW228")
    assert notes.intro.split("\n")[0][:60] in header
    assert notes.for_lesson("02")[:50] in header
    assert notes.for_lesson("03")[:50] not in header  # only this lesson's notes


def test_the_header_says_why_the_lesson_reads_its_cable(work: Path, moscow) -> None:
    choose_cable("10MOSCOW228")
    assert "You chose it (chosen by ID" in str(lesson_header(moscow, "01"))
    other = load_cable("72TEHRAN1164")
    text = str(lesson_header(other, "01"))
    assert "CABLE\\_ID cell" in text and "10MOSCOW228" in text
    assert "No teacher has written notes on 72TEHRAN1164 yet" in text


def test_a_box_about_08baku151_is_shown_there_and_folded_elsewhere(baku, moscow) -> None:
    text = "Read 08BAKU151's first lines: `VZCZCXYZ0145`."
    box = cable_box(baku, text)
    assert box.kind == "box" and str(box).startswith("> **In 08BAKU151:**")
    assert "> Read 08BAKU151's first lines" in str(box)
    folded = cable_box(moscow, text)
    assert folded.kind == "folded box"
    assert str(folded).startswith("<details><summary>In 08BAKU151, the collection's cable")
    assert "this lesson reads 10MOSCOW228" in str(folded)
    assert str(folded).rstrip().endswith("</details>")


def test_questions_on_another_cable_come_from_the_notes(baku, moscow) -> None:
    assert str(cable_questions(baku)) == ""
    questions = str(cable_questions(moscow))
    notes = load_notes("10MOSCOW228")
    for number, question in enumerate(notes.questions, start=1):
        assert f"{number}. {question[:40]}" in questions
    assert questions.count("<details>") == len(notes.answers)
    none = str(cable_questions(load_cable("72TEHRAN1164")))
    assert "No teacher has written discussion questions on 72TEHRAN1164" in none


def test_teacher_notes_are_shown_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "cables", data / "cables")
    folder = data / "annotations" / "72TEHRAN1164"
    folder.mkdir(parents=True)
    (folder / "notes.md").write_text(
        "## Intro\n<script>alert('x')</script> and <b>bold</b>\n\n## Questions\n1. <img src=x onerror=alert(1)>?\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(notes_module, "DATA_DIR", data)
    cable = load_cable("72TEHRAN1164")
    header = str(lesson_header(cable, "01"))
    assert "<script>" not in header and "&lt;script&gt;" in header
    questions = str(cable_questions(cable))
    assert "<img" not in questions and "&lt;img" in questions


def test_timeline_for_08baku151_is_the_collections_and_never_another_cables() -> None:
    assert timeline_for("08BAKU151") == load_timeline()
    moscow = timeline_for("10MOSCOW228")
    assert [e.start.isoformat() for e in moscow] == ["2010-01-22", "2010-01-27", "2010-02-01"]
    assert all("Kosovo" not in e.event for e in moscow)
    assert timeline_for("72TEHRAN1164") == []  # no notes: no timeline, not Kosovo's
    assert timeline_for("") == [] and timeline_for(None) == []


def test_an_empty_timeline_draws_and_says_so(moscow) -> None:
    from datetime import date

    from cable_utils.views.plots.argument import describe_timeline, timeline_figure

    figure = timeline_figure([], moscow, start=date(2010, 1, 1), end=date(2010, 3, 1))
    assert "no sourced events for this cable yet" in figure.layout.title.text
    assert describe_timeline([], moscow) == "No sourced events for 10MOSCOW228 yet."
