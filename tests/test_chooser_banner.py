"""Lesson 05's chooser on the chosen-cable contract: the dropdown says what is shown, a
choice made there is recorded and kept when the cell runs again, and a "Cable changed —
re-run below" banner with a button brings the views that follow the choice up to date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cable_utils.lessons.chosen import chosen_source, current_choice, lesson_cable
from cable_utils.widgets.remix import (
    OWN_TEXT,
    cable_chooser,
    current_cable,
    follow_chosen,
    forget_shown,
    remix_tour,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    forget_shown()  # a new kernel: its chooser has shown nothing yet
    yield tmp_path
    forget_shown()


def test_showing_the_lesson_s_cable_records_nothing(fresh: Path) -> None:
    chooser = cable_chooser("72TEHRAN1164")
    assert (
        current_cable().id == "72TEHRAN1164" and chooser.controls["sample"].value == "72TEHRAN1164"
    )
    assert current_choice() is None and not any(fresh.rglob("*"))  # Run All writes nothing


def test_a_choice_in_the_chooser_is_recorded_for_every_lesson() -> None:
    chooser = cable_chooser("08BAKU151")
    chooser.controls["sample"].value = "10MOSCOW228"
    assert current_cable().id == "10MOSCOW228"
    assert lesson_cable().id == "10MOSCOW228" and chosen_source() == "id"


def test_pasted_text_is_chosen_and_the_dropdown_says_so() -> None:
    text = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace("08BAKU151", "08BAKU999").replace("BAKU 000151", "BAKU 000999")
    chooser = cable_chooser("10MOSCOW228")
    chooser.controls["paste"].value = text
    chooser.controls["load"].click()
    assert chosen_source() == "paste" and current_cable().id == lesson_cable().id
    assert current_cable().id not in ("10MOSCOW228", "08BAKU151")
    assert chooser.controls["sample"].label == OWN_TEXT[0]


def test_running_the_chooser_cell_again_keeps_the_choice() -> None:
    first = cable_chooser("08BAKU151")
    first.controls["sample"].value = "10MOSCOW228"
    again = cable_chooser("08BAKU151")  # Run All, or "run below" from the chooser's cell
    assert current_cable().id == "10MOSCOW228"
    assert again.controls["sample"].value == "10MOSCOW228"
    assert "Kept the cable chosen before" in again.view.value
    assert "CABLE_ID above (08BAKU151) is where a new kernel starts" in again.view.value


def test_cable_changed_banner_and_re_run_button() -> None:
    chooser = cable_chooser("08BAKU151")
    tour = follow_chosen(remix_tour)
    assert tour.state["shown"] == "08BAKU151"
    assert chooser.state["banner"].value == ""
    assert chooser.controls["rerun"].layout.display == "none"
    chooser.controls["sample"].value = "10MOSCOW228"
    banner = chooser.state["banner"].value
    assert "Cable changed" in banner and "still show 08BAKU151" in banner
    assert chooser.controls["rerun"].layout.display != "none"
    assert tour.state["shown"] == "08BAKU151"  # nothing redrawn behind the student's back
    chooser.controls["rerun"].click()
    assert tour.state["shown"] == "10MOSCOW228"
    assert tour.state["result"].state["cable"].id == "10MOSCOW228"
    assert "now show 10MOSCOW228" in chooser.state["banner"].value
    assert chooser.controls["rerun"].layout.display == "none"
