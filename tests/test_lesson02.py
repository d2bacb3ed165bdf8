"""Lesson 02 library: paragraph browser, redaction model and simulator, voices, REF trail.

Expected values were read from data/cables/08BAKU151.txt by hand: ¶1, ¶2, ¶5 are (C)
with 148 + 152 + 172 words; ¶3, ¶4 are (U) with 85 + 131 words; ¶3–¶4 sit under
"Media Reaction", ¶5 under "Comment".
"""

from __future__ import annotations

import re

import pytest

from cable_utils import Cable, load_cable
from cable_utils.analysis.redaction import READERS, portion_levels, redaction_table, simulate
from cable_utils.analysis.voices import paragraph_voices, ref_trail, voices_table
from cable_utils.lessons.exercises import check
from cable_utils.views.plots import (
    describe_paragraph_lengths,
    describe_redaction,
    paragraph_length_figure,
    redaction_figure,
)
from cable_utils.widgets import paragraph_browser, redaction_simulator

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'
LIVE_TAG = re.compile(r"<\s*(script|img)\b", re.IGNORECASE)
CONFIDENTIAL_WORDS = 148 + 152 + 172
ALL_WORDS = CONFIDENTIAL_WORDS + 85 + 131


@pytest.fixture(scope="module")
def cable() -> Cable:
    return load_cable("08BAKU151")


def body(*paragraphs: str, banner: str = "CONFIDENTIAL") -> Cable:
    text = f"{banner} BAKU 000151\n\nSUBJECT: TEST\n\n" + "\n\n".join(paragraphs) + "\n"
    return Cable.from_text(text)


# -- redaction model ------------------------------------------------------------------------


def test_three_readers_on_08baku151(cable: Cable) -> None:
    public = simulate(cable, "public release")
    assert public.withheld_numbers == [1, 2, 5]
    assert public.kept_numbers == [3, 4]
    assert public.words_lost == CONFIDENTIAL_WORDS and public.words_total == ALL_WORDS
    assert public.share_lost == pytest.approx(CONFIDENTIAL_WORDS / ALL_WORDS)
    assert simulate(cable, "uncleared reader").withheld_numbers == [1, 2, 5]
    cleared = simulate(cable, "CONFIDENTIAL-cleared reader")
    assert cleared.withheld_numbers == [] and cleared.share_lost == 0


def test_sbu_separates_public_from_uncleared() -> None:
    cable = body("1. (SBU) Protected words here.", "2. (U) Open words.", banner="UNCLASSIFIED")
    assert simulate(cable, "public release").withheld_numbers == [1]
    assert simulate(cable, "uncleared reader").withheld_numbers == []


def test_secret_and_noforn_and_unknown_markings() -> None:
    cable = body(
        "1. (S/NF) Secret.", "2. (C/NF) Conf.", "3. (S/REL TO UKRAINE) Odd.", banner="SECRET"
    )
    cleared = simulate(cable, "CONFIDENTIAL-cleared reader")
    assert cleared.withheld_numbers == [1, 3]  # NOFORN does not stop a U.S. reader
    third = portion_levels(cable)[2]
    assert third.level == "SECRET" and "read by its letter" in third.basis


def test_unmarked_paragraphs_take_entire_text_or_banner() -> None:
    entire = body("1. (C - ENTIRE TEXT) First.", "2. Second.")
    assert [p.level for p in portion_levels(entire)] == ["CONFIDENTIAL", "CONFIDENTIAL"]
    assert "ENTIRE TEXT" in portion_levels(entire)[1].basis
    unmarked = body("1. First.", banner="SECRET")
    assert portion_levels(unmarked)[0].level == "SECRET"
    assert simulate(unmarked, "CONFIDENTIAL-cleared reader").withheld_numbers == [1]


def test_unknown_reader_is_a_clear_error(cable: Cable) -> None:
    with pytest.raises(ValueError, match="choose one of"):
        simulate(cable, "the ambassador")


def test_redaction_table(cable: Cable) -> None:
    table = redaction_table(cable)
    assert list(table["public release"]) == ["withheld", "withheld", "sees", "sees", "withheld"]
    assert set(READERS) <= set(table.columns)


# -- figures -------------------------------------------------------------------------------


def test_paragraph_length_figure(cable: Cable) -> None:
    figure = paragraph_length_figure(cable)
    bars = {x: y for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)}
    assert bars == {"¶1": 148, "¶2": 152, "¶3": 85, "¶4": 131, "¶5": 172}
    patterns = {trace.marker.pattern.shape for trace in figure.data}
    assert len(patterns) == 3  # one per section: the second cue
    assert figure.layout.xaxis.title.text == "Paragraph"
    assert figure.layout.yaxis.title.text == "Words"
    summary = describe_paragraph_lengths(cable)
    assert "5 paragraphs, 688 words" in summary and "¶5 (172 words" in summary


def test_redaction_figure_and_summary(cable: Cable) -> None:
    figure = redaction_figure(cable, selected="public release")
    seen, lost = figure.data
    assert list(lost.y) == [CONFIDENTIAL_WORDS, CONFIDENTIAL_WORDS, 0]
    assert list(seen.y) == [ALL_WORDS - CONFIDENTIAL_WORDS] * 2 + [ALL_WORDS]
    assert lost.marker.pattern.shape == "x"
    notes = {a.text: a for a in figure.layout.annotations}
    assert notes["▼ selected"].x == "public release"
    # the shares stand on white labels, never in white on the hatch
    withheld = [a for a in figure.layout.annotations if a.text == "69% withheld"]
    assert len(withheld) == 2
    assert all(
        a.bgcolor.startswith("rgba(255,255,255") and a.font.color == "#000" for a in withheld
    )
    assert not any(trace.text for trace in figure.data)
    assert "Public release: 69% of the words withheld" in describe_redaction(cable)


# -- widgets ---------------------------------------------------------------------------------


def test_paragraph_browser_by_number_section_marking(cable: Cable) -> None:
    panel = paragraph_browser(cable)
    assert [p.number for p in panel.state["paragraphs"]] == [1]
    panel.controls["choice"].value = "4"  # index of ¶5
    assert [p.number for p in panel.state["paragraphs"]] == [5]
    assert "Comment" in panel.view.value and "172" in panel.view.value
    panel.controls["mode"].value = "section"
    assert [label for label, _ in panel.controls["choice"].options] == [
        "(main text)",
        "Media Reaction",
        "Comment",
    ]
    panel.controls["choice"].value = "Media Reaction"
    assert [p.number for p in panel.state["paragraphs"]] == [3, 4]
    panel.controls["mode"].value = "marking"
    panel.controls["choice"].value = "C"
    assert [p.number for p in panel.state["paragraphs"]] == [1, 2, 5]
    assert "3 paragraphs</strong>, 472 words" in panel.view.value


def test_redaction_simulator_changes_view_and_chart(cable: Cable) -> None:
    panel = redaction_simulator(cable)
    assert panel.view.value.count('class="withheld"') == 3
    assert "69%" in panel.view.value
    assert "MFA spokesperson" not in panel.view.value  # ¶1 is withheld
    panel.controls["reader"].value = "CONFIDENTIAL-cleared reader"
    assert panel.view.value.count('class="withheld"') == 0
    assert "MFA spokesperson" in panel.view.value
    assert panel.state["result"].share_lost == 0
    selected = [a for a in panel.state["figure"].layout.annotations if a.text == "▼ selected"]
    assert [a.x for a in selected] == ["CONFIDENTIAL-cleared reader"]


# -- voices and REF trail ------------------------------------------------------------------


def test_voices_first_look(cable: Cable) -> None:
    voices = {v.paragraph.number: v for v in paragraph_voices(cable)}
    assert voices[5].voice == "Embassy's own comment"
    assert voices[3].voice == "reporting" and "stated" in voices[3].reporting_cues
    assert "claimed" in voices[4].reporting_cues
    assert list(voices_table(cable)["number"]) == [1, 2, 3, 4, 5]


def test_ref_trail_joins_thread_metadata(cable: Cable) -> None:
    trail = ref_trail(cable).set_index("id")
    assert trail.loc["08BAKU129", "date"] == "2008-02-12"
    assert "DEMARCHE DELIVERED" in trail.loc["08BAKU129", "subject"]
    assert "not located" in trail.loc["08BAKU146", "note"]


# -- self-checks --------------------------------------------------------------------------------


def test_lesson02_checks(cable: Cable) -> None:
    assert check("02.1", "(C)", cable).correct
    assert check("02.2", "08BAKU129, 08baku146", cable).correct
    assert not check("02.2", "08BAKU146", cable).correct
    assert check("02.3", "1, 2, 5", cable).correct
    assert check("02.3", "¶5 ¶1 ¶2", cable).correct
    assert "missing" in check("02.3", "1, 2", cable).message
    assert check("02.4", "69", cable).correct and check("02.4", "0.69", cable).correct
    assert "too low" in check("02.4", "50", cable).message
    assert check("02.5", "5", cable).correct
    assert not check("02.6", "short", cable).correct
    other = load_cable("06BAKU1835")
    assert check("02.5", "8", other).correct  # "...Anti-Azerbaijan Comments" is not a Comment


# -- untrusted text ---------------------------------------------------------------------------


def test_no_live_tags_from_cable_text() -> None:
    hostile = body(
        f"1. (C) {PAYLOAD_SCRIPT} first.",
        f"2. (U) {PAYLOAD_IMG} second.",
        f"{PAYLOAD_SCRIPT}\n\n3. (U) third.",
    )
    browser = paragraph_browser(hostile)
    for mode in ("number", "section", "marking"):
        browser.controls["mode"].value = mode
        for _, value in browser.controls["choice"].options:
            browser.controls["choice"].value = value
            assert not LIVE_TAG.search(browser.view.value)
    simulator = redaction_simulator(hostile)
    for reader in READERS:
        simulator.controls["reader"].value = reader
        assert not LIVE_TAG.search(simulator.view.value)
    assert "&lt;script&gt;" in simulator.view.value


def test_a_declassified_banner_is_not_passed_off_as_the_level_when_sent() -> None:
    declassified = load_cable("72TEHRAN1164")  # "DECLASSIFIED JUNE 21, 2006", banner UNCLASSIFIED
    basis = portion_levels(declassified)[0].basis
    assert "after declassification" in basis and "JUNE 21, 2006" in basis
    assert "unknown" in basis
    still_secret = body("1. First.", banner="SECRET")
    assert "declassification" not in portion_levels(still_secret)[0].basis
