"""What a lesson says about the cable it reads: header, boxes about 08BAKU151, notes, timeline."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis import notes as notes_module
from cable_utils.analysis.argument import load_timeline
from cable_utils.analysis.notes import load_notes, timeline_for
from cable_utils.lessons.chosen import choose_cable
from cable_utils.lessons.page import cable_box, cable_questions, lesson_header, worked_example
from cable_utils.parse import parse_text

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
    # On 08BAKU151, a line that says where its questions are, not an empty output.
    assert "its questions are in the box above" in str(cable_questions(baku))
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


def test_the_citation_is_read_from_the_cables_own_header(baku, moscow) -> None:
    from cable_utils.lessons.page import cable_citation, how_to_cite

    assert cable_citation(baku) == (
        "AMEMBASSY BAKU, \u201cAzerbaijani Reaction To Kosovo's Independence,\u201d cable "
        "08BAKU151, 19 February 2008, CONFIDENTIAL, as published by WikiLeaks"
    )
    shown = str(how_to_cite(moscow))
    assert "cable 10MOSCOW228, 1 February 2010" in shown and "AMEMBASSY MOSCOW" in shown
    assert "08BAKU151" not in shown and "10MOSCOW228.txt" in shown  # the copy used
    pasted = parse_text("SUBJECT: <b>NOTES</b>\n\n1. (C) Text.\n")
    cited = str(how_to_cite(pasted))
    assert "<b>" not in cited and "no FM line" in cited  # escaped, and what is missing is said


def test_lesson_times_are_read_from_the_lessons_headers(tmp_path: Path) -> None:
    import json

    from cable_utils.lessons.page import lesson_times

    def lesson(name: str, header: str) -> None:
        cells = [{"cell_type": "markdown", "metadata": {}, "source": header}]
        (tmp_path / name).write_text(json.dumps({"cells": cells}), encoding="utf-8")

    lesson(
        "01_one.ipynb", "# Lesson one\n\n| | |\n|---|---|\n| **Estimated time** | 12 minutes |\n"
    )
    lesson("02_two.ipynb", "# Lesson <two>\n\nNo card.")
    (tmp_path / "03_broken.ipynb").write_text("{not json", encoding="utf-8")
    table = str(lesson_times(tmp_path)).splitlines()
    assert table[2] == "| 01\\_one | Lesson one | 12 minutes |"
    assert table[3] == "| 02\\_two | Lesson &lt;two&gt; | not stated |"
    assert len(table) == 4  # the unreadable notebook is left out, not an error
    assert "No lessons found" in str(lesson_times(tmp_path / "nowhere"))
    # The lesson's own Markdown stays Markdown (lesson 00 showed "\\`benchmarks/…\\`"),
    # and its HTML stays text.
    lesson(
        "04_four.ipynb",
        "# Four\n\n| | |\n|---|---|\n| **Estimated time** | 9 minutes (`times.md` <b>says</b>) |\n",
    )
    assert str(lesson_times(tmp_path)).splitlines()[-1] == (
        "| 04\\_four | Four | 9 minutes (`times.md` &lt;b&gt;says&lt;/b&gt;) |"
    )


def test_the_shipped_lessons_state_their_times(baku) -> None:
    from cable_utils.lessons.page import lesson_times

    rows = str(lesson_times()).splitlines()[2:]
    assert any(row.startswith("| 01\\_anatomy") and "minutes" in row for row in rows)


def test_the_primer_says_it_stays_about_08baku151_on_another_cable(
    work: Path, baku, moscow
) -> None:
    from cable_utils.lessons.page import primer_header

    assert str(primer_header(baku)).startswith("**This primer is about 08BAKU151**")
    other = str(primer_header(moscow))
    assert other.startswith("**You are reading 10MOSCOW228**")
    assert "stays about **08BAKU151**" in other and "not the history of 10MOSCOW228" in other
    assert load_notes("10MOSCOW228").intro.split(".")[0] in other  # the teacher's intro
    assert "No teacher has written" in str(primer_header(load_cable("72TEHRAN1164")))


def test_a_worked_example_is_made_on_08baku151_only(baku, moscow) -> None:
    made = []

    def make(until: str) -> str:
        made.append(until)
        return f"the record until {until}"

    shown = worked_example(baku, make, "March", what="The record of recognitions.")
    assert str(shown) == "the record until March" and made == ["March"]
    folded = worked_example(moscow, make, "March", what="The record of recognitions.")
    assert made == ["March"]  # nothing computed for another cable
    assert folded.kind == "folded box"
    assert str(folded).startswith("<details><summary>In 08BAKU151")
    assert "The record of recognitions." in str(folded) and 'CABLE_ID = "08BAKU151"' in str(folded)


def test_the_close_up_is_the_weeks_around_the_cables_own_day(baku, moscow) -> None:
    from datetime import date

    from cable_utils.views.plots.argument import timeline_close_up

    close = timeline_close_up(load_timeline(), baku)
    assert "(10 Feb 2008 – 20 Mar 2008)" in close.layout.title.text
    moscow_close = timeline_close_up(timeline_for("10MOSCOW228"), moscow)
    assert "(23 Jan 2010 – 03 Mar 2010)" in moscow_close.layout.title.text
    assert moscow.date.date() == date(2010, 2, 1)
    undated = dataclasses.replace(moscow, date=None)
    assert "no date to zoom in on" in timeline_close_up([], undated).layout.title.text


def test_a_worked_example_that_is_a_sentence_is_shown_as_text(baku) -> None:
    """Lesson 05's thread summary showed as 'This thread has 11 cables …' in quote marks."""
    from cable_utils.lessons.page import worked_example

    shown = worked_example(baku, lambda: "This thread has 3 cables.", what="The thread.")
    assert shown._repr_markdown_() == "This thread has 3 cables."
    assert worked_example(baku, lambda: 3, what="A number.") == 3  # anything else as it is
