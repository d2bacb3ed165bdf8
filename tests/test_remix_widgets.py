"""Lesson 05 widgets driven in-kernel: chooser, tour, gazetteer editor, stance template."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.remix import example_claims, load_claims, save_claims
from cable_utils.widgets import Panel, cable_chooser, gazetteer_editor, remix_tour, stance_template

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>window.__pwned=1</script>"


@pytest.fixture(autouse=True)
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from cable_utils.widgets.remix import forget_shown

    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    forget_shown()  # each test starts in a "new kernel": its chooser showed nothing
    yield tmp_path
    forget_shown()


def test_chooser_loads_the_initial_sample_and_follows_the_dropdown() -> None:
    panel = cable_chooser("08BAKU151")
    assert panel.state["cable"].id == "08BAKU151"
    assert "AZERBAIJANI REACTION" in panel.view.value
    panel.controls["sample"].value = "10MOSCOW228"
    assert panel.state["cable"].id == "10MOSCOW228"
    assert "RUSSIAN DRAFT BILL" in panel.view.value
    assert "AZERBAIJANI REACTION" not in panel.view.value


def test_a_bad_upload_keeps_the_previous_cable_and_says_why() -> None:
    panel = cable_chooser("10MOSCOW228")
    panel.controls["upload"].value = (
        {"name": "x.png", "type": "image/png", "size": 9, "content": memoryview(b"\x89PNG\x00\x00\x00\x00\x01"), "last_modified": datetime(2026, 1, 1)},
    )  # fmt: skip
    assert panel.state["cable"].id == "10MOSCOW228"
    assert "binary" in panel.view.value
    assert "still chosen" in panel.view.value
    assert panel.state["history"][-1] == ("upload", False)


def test_pasted_script_is_escaped_in_the_card() -> None:
    text = (REPO_ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace(
        "SUBJECT: AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE", f"SUBJECT: {SCRIPT}"
    )
    panel = cable_chooser()
    panel.controls["paste"].value = text
    panel.controls["load"].click()
    assert panel.state["source"] == "paste"
    assert panel.state["cable"].subject == SCRIPT
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in panel.view.value
    assert "<script>" not in panel.view.value


@pytest.mark.parametrize("cable_id", ["08BAKU151", "72TEHRAN1164", "09ABUDHABI1151", "10MOSCOW228"])
def test_tour_has_every_piece(cable_id: str) -> None:
    tour = remix_tour(load_cable(cable_id))
    pieces = tour.state["pieces"]
    assert list(pieces) == [
        "Summary", "Segments", "Paragraphs", "Redaction", "Actors (draft)", "Argument template",
    ]  # fmt: skip
    built = dict(pieces)  # every tab built, as if each were opened
    assert tour.state["missing"] == {}
    assert list(tour.view.children) == list(built.values())  # each in its own tab
    assert tour.controls == {}  # the tabs are the one control (no menu repeating them)
    assert list(tour.view.titles)[3] == "Redaction"


def test_tour_degrades_when_a_lesson_module_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import cable_utils.widgets.remix as remix_widgets

    original = remix_widgets._pieces

    def without_segments():
        pieces = original()

        def missing(_cable):
            raise ImportError("No module named 'cable_utils.widgets.anatomy'")

        return [(t, o, missing if t == "Segments" else b) for t, o, b in pieces]

    monkeypatch.setattr(remix_widgets, "_pieces", without_segments)
    tour = remix_tour(load_cable("10MOSCOW228"))
    assert "lesson 01" in tour.state["pieces"]["Segments"].value  # built when opened
    dict(tour.state["pieces"])
    assert set(tour.state["missing"]) == {"Segments"}
    assert "lesson 01" in tour.state["missing"]["Segments"]
    assert "lesson 01" in tour.view.children[1].value


def test_tour_builds_a_tab_when_it_is_first_opened() -> None:
    tour = remix_tour(load_cable("08BAKU151"))
    pieces, tabs = tour.state["pieces"], tour.view
    assert pieces.built() == ["Summary"]  # the tab shown first, and no other yet
    assert "It is built when you open this tab" in tabs.children[2].value
    tabs.selected_index = 2  # what clicking the tab does
    assert pieces.built() == ["Summary", "Paragraphs"]
    paragraphs = tabs.children[2]
    assert isinstance(paragraphs, Panel) and "Paragraph browser" in paragraphs.heading.value
    tabs.selected_index = 0
    tabs.selected_index = 2  # opened again: the same widget, not built twice
    assert tabs.children[2] is paragraphs is pieces["Paragraphs"]
    assert tour.state["missing"] == {}


def test_the_static_edition_draws_every_tab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_STATIC_EDITION", "1")  # no kernel answers a click there
    tour = remix_tour(load_cable("08BAKU151"))
    assert tour.state["pieces"].built() == list(tour.state["pieces"])
    assert not any(
        "It is built when you open" in getattr(c, "value", "") for c in tour.view.children
    )


def test_gazetteer_editor_refuses_a_broken_list_and_saves_a_good_one(work: Path) -> None:
    cable = load_cable("10MOSCOW228")
    editor = gazetteer_editor(cable)
    assert "matthias_mitman" in editor.controls["csv"].value
    editor.controls["csv"].value = "id,name\nx_1,\n"
    editor.controls["save"].click()
    assert "has no name" in editor.view.value
    assert not (work / "10MOSCOW228" / "actors.csv").exists()
    editor.controls["csv"].value = "id,name,type\nminfin,Ministry of Finance,government body\n"
    editor.controls["save"].click()
    saved = (work / "10MOSCOW228" / "actors.csv").read_text(encoding="utf-8")
    assert "minfin,Ministry of Finance" in saved
    # reopened, the editor starts from the saved list
    assert "minfin" in gazetteer_editor(cable).controls["csv"].value


def test_stance_template_saves_each_change(work: Path) -> None:
    cable = load_cable("09ABUDHABI1151")
    save_claims(example_claims(cable), cable)
    claims = load_claims("09ABUDHABI1151")
    assert len(claims) == 3
    panel = stance_template(cable, claims, [("Daniel Poneman", "daniel_poneman")])
    panel.controls["stance:S-2"].value = "AGAINST"
    panel.controls["justification:S-2"].value = "he rejects it"
    status = panel.state["status"].value  # feedback right under the rows
    assert "Saved Daniel Poneman × S-2" in status and "role='status'" in status
    text = (work / "09ABUDHABI1151_stances.csv").read_text(encoding="utf-8")
    assert "daniel_poneman,S-2,AGAINST,he rejects it" in text
    again = stance_template(cable, claims, [("Daniel Poneman", "daniel_poneman")])
    assert again.controls["stance:S-2"].value == "AGAINST"


def test_stance_template_without_claims_explains() -> None:
    panel = stance_template(load_cable("10MOSCOW228"), [], [])
    assert "Write and save your claims" in panel.state["status"].value


def test_a_tab_whose_part_fails_says_so_instead_of_staying_a_placeholder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Tabs after the first are built on a click, inside a widget callback: an error raised
    # there would only reach the browser's log, and the tab would keep its placeholder.
    from cable_utils.widgets import remix

    pieces = remix._pieces()

    def broken(_cable):
        raise RuntimeError("a bug")

    monkeypatch.setattr(
        remix,
        "_pieces",
        lambda: [(t, o, broken if i == 1 else b) for i, (t, o, b) in enumerate(pieces)],
    )
    tour = remix.remix_tour(load_cable("08BAKU151"))
    second = pieces[1][0]
    assert second not in tour.state["missing"]  # not built yet
    tour.state["pieces"].open(second)
    assert "RuntimeError: a bug" in tour.state["missing"][second]
    assert "report it" in tour.state["missing"][second]
