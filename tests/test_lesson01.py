"""Lesson 01 library: segment explorer, header decoder, addressee map, glossary, self-checks.

Expected values were read from data/cables/08BAKU151.txt by hand.
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from cable_utils import Cable, load_cable
from cable_utils.analysis.explain import explain_segment
from cable_utils.analysis.geo import addressee_places, places_table
from cable_utils.lessons.exercises import check
from cable_utils.reference.glossary import define, glossary_table
from cable_utils.views.plots import addressee_map_figure, describe_addressee_map
from cable_utils.widgets import (
    addressee_map,
    explain_kind,
    header_decoder,
    header_lines,
    segment_explorer,
)

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'
LIVE_TAG = re.compile(r"<\s*(script|img)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def cable() -> Cable:
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def hostile() -> Cable:
    text = (
        load_cable("08BAKU151")
        .raw.replace("AZERBAIJANI REACTION", f"{PAYLOAD_SCRIPT} REACTION")
        .replace("The GOAJ's initial response", f"{PAYLOAD_IMG} The GOAJ's initial response")
        .replace("AMEMBASSY ANKARA", f"AMEMBASSY {PAYLOAD_SCRIPT}")
        .replace("[PREL](#)", f"[PREL{PAYLOAD_IMG}](#)")
    )
    return Cable.from_text(text, cable_id="08BAKU151")


# -- segment explorer ---------------------------------------------------------------


def test_segment_explorer_toggles_change_highlighting(cable: Cable) -> None:
    panel = segment_explorer(cable)
    assert panel.controls["kind:tags"].value is True
    assert 'class="seg seg-tags"' in panel.view.value
    assert 'class="seg seg-subject"' not in panel.view.value
    panel.controls["kind:tags"].value = False
    panel.controls["kind:subject"].value = True
    assert 'class="seg seg-subject"' in panel.view.value
    assert 'class="seg seg-tags"' not in panel.view.value
    assert "subject" in panel.state["shown"] and "tags" not in panel.state["shown"]
    # the legend follows the toggles
    assert "<strong>subject</strong>" in panel.view.value


def test_segment_explorer_explains_the_dtg_and_reasons(cable: Cable) -> None:
    panel = segment_explorer(cable)
    options = dict(panel.controls["segment"].options)
    dtg_label = next(label for label in options if " dtg: " in label)
    panel.controls["segment"].value = options[dtg_label]
    assert panel.state["selected"].kind == "dtg"
    assert "19 February 2008, 13:47 UTC" in panel.view.value
    assert "outline:3px solid #000" in panel.view.value
    reasons_label = next(label for label in options if "classified_by" in label)
    panel.controls["segment"].value = options[reasons_label]
    assert "foreign government information" in panel.view.value
    assert "Deputy Chief of Mission Donald Lu" in panel.view.value


def test_explain_segment_decodes_tags_and_de_line(cable: Cable) -> None:
    tags = dict(explain_segment(cable, cable.segments_of("tags")[0]))
    assert tags["AJ"].startswith("Azerbaijan")
    assert tags["PBTS"].startswith("National Boundaries")
    de = dict(explain_segment(cable, cable.segments_of("de_line")[0]))
    assert "day 050 of the year (19 February 2008), 13:47 UTC" in de["0501347"]
    refs = explain_kind(cable, "ref")
    assert set(refs["what it means"]) >= {"cable ID 08BAKU146", "cable ID 08BAKU129"}


def test_explain_segment_says_what_an_artifact_is(cable: Cable) -> None:
    marker = next(s for s in cable.segments if s.kind == "artifact" and s.label == "marker")
    rows = dict(explain_segment(cable, marker))
    assert "[1](#)" in rows
    assert "not part of the telegram" in rows["[1](#)"]


# -- header decoder --------------------------------------------------------------------


def test_header_lines_are_the_lines_as_written(cable: Cable) -> None:
    lines = header_lines(cable)
    assert lines[0] == "VZCZCXYZ0145"
    assert "DE RUEHKB #0151/01 0501347" in lines
    assert lines[-1] == "RUEKJCS/SECDEF WASHDC PRIORITY"
    assert len(lines) == 16


def test_header_decoder_shows_de_line_is_the_dtg_moment(cable: Cable) -> None:
    panel = header_decoder(cable)
    assert panel.controls["line"].value == "DE RUEHKB #0151/01 0501347"
    view = panel.view.value
    assert "day 050 of the year (19 February 2008), 13:47 UTC" in view
    assert "same moment as the date-time group 191347Z FEB 08" in view
    panel.controls["line"].value = "ZNY CCCCC ZZH"
    assert "CONFIDENTIAL" in panel.view.value
    assert "day 050" not in panel.view.value
    assert [t.text for t in panel.state["tokens"]] == ["ZNY", "CCCCC", "ZZH"]
    panel.controls["line"].value = "TO RUEHC/SECSTATE WASHDC PRIORITY 4798"
    assert "4798" in panel.view.value and "action addressee" in panel.view.value


def test_header_decoder_on_a_cable_without_header() -> None:
    bare = Cable.from_text("CONFIDENTIAL BAKU 000151\n\n1. (C) Text.\n")
    panel = header_decoder(bare)
    assert "without a transmission header" in panel.view.value


# -- where did it go ---------------------------------------------------------------------


def test_places_put_collectives_in_the_table_not_on_the_map(cable: Cable) -> None:
    placed = addressee_places(cable)
    assert placed[0].role == "sender" and placed[0].city == "Baku"
    collective = next(p for p in placed if p.name == "CIS COLLECTIVE")
    assert not collective.on_map and "collective" in collective.note
    table = places_table(cable)
    assert len(table) == 11  # sender + 1 TO + 9 INFO
    assert table.loc[table.address == "CIS COLLECTIVE", "on_map"].item() == "no"


def test_addressee_map_figure_has_markers_labels_and_no_collective(cable: Cable) -> None:
    figure = addressee_map_figure(cable)
    roles = [trace for trace in figure.data if trace.mode == "markers"]
    assert [trace.name for trace in roles] == ["sender", "action (TO)", "information (INFO)"]
    symbols = {trace.marker.symbol for trace in roles}
    assert len(symbols) == 3  # shape is a second cue beside colour
    info = roles[2]
    assert any("Ankara" in h for h in info.hovertext)
    assert all("CIS" not in h for h in info.hovertext)
    names = [name for t in figure.data if t.name == "city names" for name in t.text]
    assert "Ankara" in names and "Stuttgart" in names and sorted(names) == sorted(set(names))
    assert figure.layout.title.text.startswith("Where did 08BAKU151 go?")
    summary = describe_addressee_map(cable)
    assert "10 of 11 addresses" in summary and "CIS COLLECTIVE" in summary
    # no brackets inside the brackets ("(a collective address, not a place (a group of posts))")
    assert not re.search(r"\([^()]*\(", summary), summary


def test_addressee_map_widget_filter_changes_figure_and_table(cable: Cable) -> None:
    panel = addressee_map(cable)
    table = panel.state["table"]
    assert len([t for t in panel.state["figure"].data if t.mode == "markers"]) == 3
    assert "CIS COLLECTIVE" in table.value
    outputs = panel.view.outputs
    assert "application/javascript" in outputs[0]["data"]  # offline map data first
    panel.controls["show"].value = "sender and action (TO)"
    roles = [t.name for t in panel.state["figure"].data if t.mode == "markers"]
    assert roles == ["sender", "action (TO)"]
    assert "CIS COLLECTIVE" not in table.value
    assert "SECSTATE WASHDC" in table.value
    assert len(panel.state["rows"]) == 2
    assert "application/vnd.plotly.v1+json" in panel.view.outputs[-1]["data"]


def test_addressee_map_sits_right_under_its_control(cable: Cable) -> None:
    panel = addressee_map(cable)
    order = list(panel.children)
    assert order.index(panel.view) == order.index(panel.control_box) + 1
    assert isinstance(panel.controls["show"], widgets.ToggleButtons)  # a short choice


# -- glossary ------------------------------------------------------------------------------


def test_glossary_define_and_table() -> None:
    entry = define("dtg")
    assert entry.term == "DTG" and "191347Z FEB 08" in entry.definition and entry.source
    assert "<strong>DTG</strong>" in entry._repr_html_()
    table = glossary_table(["DTG", "SIPDIS"])
    assert list(table["term"]) == ["DTG", "SIPDIS"]
    with pytest.raises(KeyError, match="not in data/glossary.csv"):
        define("no such term")


# -- self-checks ------------------------------------------------------------------------------


def test_lesson01_checks_use_the_cable(cable: Cable) -> None:
    assert check("01.1", "amembassy baku", cable).correct
    assert not check("01.1", "AMEMBASSY ANKARA", cable).correct
    assert check("01.2", "9", cable).correct
    wrong = check("01.2", "10", cable)
    assert not wrong.correct and "too high" in wrong.message
    assert check("01.3", "2008-02-19 13:47", cable).correct
    assert "day is right" in check("01.3", "2008-02-19 12:00", cable).message
    assert check("01.4", "AJ", cable).correct
    assert not check("01.4", "AJ, PREL", cable).correct
    assert not check("01.5", "Because.", cable).correct
    other = load_cable("06BAKU1835")
    assert check("01.3", "2006-12-20 08:07", other).correct
    assert check("01.2", str(len(other.info)), other).correct


# -- untrusted text -------------------------------------------------------------------------


def test_no_live_tags_from_cable_text(hostile: Cable) -> None:
    assert PAYLOAD_SCRIPT in hostile.raw
    panels = [segment_explorer(hostile), header_decoder(hostile), addressee_map(hostile)]
    explorer = panels[0]
    for value in range(len(hostile.segments)):
        explorer.controls["segment"].value = value
        assert not LIVE_TAG.search(explorer.view.value)
    for name, control in explorer.controls.items():
        if name.startswith("kind:"):
            control.value = True  # every kind highlighted at once
    assert set(explorer.state["shown"]) == {s.kind for s in hostile.segments}
    assert not LIVE_TAG.search(explorer.view.value)
    decoder = panels[1]
    for line in decoder.controls["line"].options:
        decoder.controls["line"].value = line
        assert not LIVE_TAG.search(decoder.view.value)
    for panel in panels[:2]:
        assert not LIVE_TAG.search(panel.view.value)
    table = panels[2].state["table"].value
    assert not LIVE_TAG.search(table)
    assert "&lt;script&gt;" in explorer.view.value
    assert "&lt;script&gt;" in table  # the addressee table
