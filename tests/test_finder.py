"""The cable finder of lesson 06, driven in-kernel as a student drives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils.corpus.index import build_index, open_index
from cable_utils.corpus.rows import write_cables_csv
from cable_utils.parse import load_cable
from cable_utils.widgets import cable_finder

REPO = Path(__file__).resolve().parents[1]
PAYLOAD = "<script>window.__pwned=1</script>"


class Chooser:
    """Stands in for lessons.chosen.choose_cable and records what the button passed."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, dict]] = []

    def __call__(self, source: object, **options: object):
        self.calls.append((source, options))
        return load_cable(source) if isinstance(source, Path) else load_cable(str(source))


def test_search_select_read_in_context_and_see_the_card(index) -> None:
    panel = cable_finder(index, query="Karabakh", choose=Chooser())
    assert panel.state["results"].total == 8
    assert "8 cables match" in panel.view.value
    first = panel.controls["hit"].value
    assert first == "08BAKU151" and panel.state["cable"].id == "08BAKU151"
    assert "AZERBAIJANI REACTION" in panel.card.value

    panel.controls["hit"].value = "10ANKARA87"
    assert panel.state["hit"].id == "10ANKARA87"
    assert panel.card.value.count("WHAT LIES BENEATH ANKARA") == 1
    assert "AZERBAIJANI REACTION" not in panel.card.value
    assert "10ANKARA87: 1 match in context" in panel.kwic.value
    assert "<mark" in panel.kwic.value and ">Karabakh</mark>" in panel.kwic.value
    start, end = panel.state["hit"].spans[0]
    assert f"{start}–{end}" in panel.kwic.value
    assert index.raw_text("10ANKARA87")[start:end] == "Karabakh"
    assert "aria-selected='true'" in panel.view.value


def test_filters_and_a_phrase(index) -> None:
    panel = cable_finder(index, query="Kosovo", choose=Chooser())
    panel.controls["post"].value = "PRISTINA"
    panel.controls["search"].click()
    assert {hit.id for hit in panel.state["results"]} == {
        "09PRISTINA148", "09PRISTINA183", "09PRISTINA77", "10PRISTINA44", "10PRISTINA84",
    }  # fmt: skip
    panel.controls["year_from"].value = 2010
    panel.controls["search"].click()
    assert {hit.id for hit in panel.state["results"]} == {"10PRISTINA44", "10PRISTINA84"}
    panel.controls["post"].value = ""  # "any"
    panel.controls["year_from"].value = ""
    panel.controls["query"].value = '"Minsk Group"'  # Enter in the box searches
    assert [hit.id for hit in panel.state["results"]] == ["10ANKARA302"]


def test_a_malformed_query_says_so_and_nothing_stays_selected(index) -> None:
    panel = cable_finder(index, choose=Chooser())
    panel.controls["query"].value = '"Minsk Group'
    assert "never closed" in panel.view.value and "role='alert'" in panel.view.value
    assert panel.controls["hit"].options == () and panel.controls["use"].disabled
    assert panel.kwic.value == "" and panel.card.value == ""
    panel.controls["query"].value = "no such word zzyzx"
    assert "0 cables match" in panel.view.value and panel.controls["use"].disabled


def test_the_use_button_chooses_the_selected_cable_by_its_file(index) -> None:
    chooser = Chooser()
    panel = cable_finder(index, query='"Armenian Protocols"', choose=chooser)
    panel.controls["hit"].value = "10ANKARA87"
    panel.controls["use"].click()
    ((source, options),) = chooser.calls
    assert source == REPO / "data" / "corpus" / "cables" / "10ANKARA87.txt" and options == {}
    assert panel.state["chosen"].id == "10ANKARA87"
    assert "10ANKARA87 is now the chosen cable" in panel.status.value


def test_a_cables_csv_cable_is_chosen_by_its_text(tmp_path: Path) -> None:
    text = (REPO / "data" / "cables" / "samples" / "10PRISTINA84.txt").read_text(encoding="utf-8")
    write_cables_csv([["1", "", "10PRISTINA84", "", "", "", "", text]], tmp_path / "cables.csv")
    build_index(tmp_path / "cables.csv", tmp_path / "csv.sqlite")
    chooser = Chooser()
    with open_index(tmp_path / "csv.sqlite") as csv_index:
        panel = cable_finder(csv_index, query="Kosovo", choose=chooser)
        panel.controls["use"].click()
    ((source, options),) = chooser.calls
    assert source == text and options == {"cable_id": "10PRISTINA84"}


def test_a_refused_choice_is_reported(index) -> None:
    def refuse(source: object, **options: object):
        from cable_utils.errors import CableError

        raise CableError("the work folder is read-only")

    panel = cable_finder(index, choose=refuse)
    panel.controls["use"].click()
    assert "was not chosen: the work folder is read-only" in panel.status.value
    assert "chosen" not in panel.state


def test_hostile_cable_text_stays_text(tmp_path: Path) -> None:
    text = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace("AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE", PAYLOAD)
    text = text.replace("Nagorno-Karabakh conflict", f"Nagorno-Karabakh {PAYLOAD} conflict")
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / "08BAKU151.txt").write_text(text, encoding="utf-8")
    build_index(folder, tmp_path / "x.sqlite")
    with open_index(tmp_path / "x.sqlite") as hostile:
        panel = cable_finder(hostile, query="Karabakh", choose=Chooser())
        shown = panel.view.value + panel.kwic.value + panel.card.value
        options = " ".join(label for label, _ in panel.controls["hit"].options)
    assert "<script>" not in shown and "&lt;script&gt;" in panel.view.value
    assert "&lt;script&gt;" in panel.kwic.value and "&lt;script&gt;" in panel.card.value
    assert PAYLOAD in options  # option labels are text, not HTML


def test_the_button_uses_the_lessons_own_chooser(
    index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the real mechanism: choose_cable adds the corpus cable to the work folder (as
    # `python -m cable_utils add` adds a cable) and lesson_cable() then returns it
    from cable_utils.lessons.chosen import current_choice, lesson_cable

    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    panel = cable_finder(index, query='"Minsk Group"')
    assert lesson_cable().id == "08BAKU151"
    panel.controls["use"].click()
    assert "10ANKARA302 is now the chosen cable" in panel.status.value, panel.status.value
    assert current_choice().cable_id == "10ANKARA302"
    chosen = lesson_cable()
    assert chosen.id == "10ANKARA302"
    assert chosen.raw == index.raw_text("10ANKARA302")
    assert (tmp_path / "work" / "cables" / "10ANKARA302.txt").is_file()


FILTERS = ("post", "year_from", "year_to", "classification", "tag")


def test_any_stays_shown_when_a_filter_is_set_back(index) -> None:
    """ipywidgets 8 reads a Dropdown's None value as "nothing selected": a filter set back
    to "any" showed an empty box in the browser."""
    panel = cable_finder(index, query="Kosovo", choose=Chooser())
    assert all(panel.controls[name].index == 0 for name in FILTERS)
    for name in FILTERS:
        control = panel.controls[name]
        control.index = len(control.options) - 1
        control.index = 0  # the learner picks "any" again
        assert control.index == 0 and control.label == "any", name
    panel.controls["search"].click()
    assert panel.state["results"].filters == {}  # "any" filters nothing
    assert panel.state["results"].total == index.search("Kosovo").total


def test_every_tags_code_is_offered(index) -> None:
    """Lesson 06 asks for the TAGS filter KV (7 cables); only the 60 most frequent codes were offered."""
    tag = cable_finder(index, choose=Chooser()).controls["tag"]
    offered = [value for _, value in tag.options][1:]
    assert offered == [code for code, _ in index.tag_counts()]
    assert {"KV", "AJ", "AM"} <= set(offered)


def test_years_the_wrong_way_round_say_so(index) -> None:
    panel = cable_finder(index, query="Kosovo", choose=Chooser())
    panel.controls["year_from"].value = 2010
    panel.controls["year_to"].value = 2005
    panel.controls["search"].click()
    assert "From year (2010) is after To year (2005)" in panel.view.value
    assert "role='alert'" in panel.view.value and panel.state["results"] is None
    assert panel.controls["hit"].options == () and panel.controls["use"].disabled


def test_the_count_names_the_filters_it_was_taken_with(index) -> None:
    panel = cable_finder(index, query="precedent", choose=Chooser())
    panel.controls["post"].value = "BAKU"
    panel.controls["search"].click()
    assert "with the filters post BAKU" in panel.view.value
    panel.controls["year_from"].value = 2010
    panel.controls["search"].click()
    assert "0 cables match" in panel.view.value and "fewer filters" in panel.view.value
