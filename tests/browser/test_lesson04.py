"""Lesson 04 in a real JupyterLab: figures draw, the explorer and the coder respond, work is saved.

The kernel's work folder is pointed at a temporary folder before Run All, so the
test never touches a real student's ``my_work/``.
"""

from __future__ import annotations

import time

import pytest
from browser.keyboard import (
    CLASSROOM,
    SCREENSHOTS,
    assert_no_share_button,
    control_names,
    focus_ring,
    notebook_state,
    truncated_cells,
)
from playwright.sync_api import expect

from .conftest import run_on_chosen_cable

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/04_precedent_argument.ipynb"


def test_lesson_04_map_explorer_and_coder(lab_page, lab_server) -> None:
    started = time.perf_counter()
    work = lab_server.root / "lesson04_work"
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(work))
    lab_page.run_all(timeout=180)
    lab_page.assert_no_errors()

    # map, the explorer's map, stance matrix, two timelines; each drawn with data
    figures = lab_page.plotly_figures()
    expect(figures).to_have_count(5, timeout=30_000)
    for index in (0, 1, 3, 4):
        expect(figures.nth(index).locator(".scatterlayer .point").first).to_be_attached()
    expect(figures.nth(2).locator(".hm").first).to_be_attached()  # the heatmap layer

    # explorer: choose a claim in the list, its evidence is highlighted in the card below it
    explorer = lab_page.panel("Argument map explorer")
    claim = explorer.locator(".widget-select select")
    card = lab_page.locator(".widget-html .claim-card").first
    expect(card).to_contain_text("C3: Kosovo is not a precedent")
    # The explorer's map has room for its labels (beside the list it got 472 px; its labels
    # ran together, legend and title cut), and the claim's card comes between list and map,
    # so a choice shows its effect at once, not under an 800 px figure.
    assert figures.nth(1).bounding_box()["width"] >= 560
    card_top = card.bounding_box()["y"]
    assert claim.bounding_box()["y"] < card_top < figures.nth(1).bounding_box()["y"]
    assert lab_page.figure_label_problems() == []
    expect(card.locator("mark.evidence")).to_have_count(7)
    round_trip = time.perf_counter()
    claim.select_option(value=None, label=claim.locator("option", has_text="C13:").inner_text())
    marks = card.locator("mark.evidence")
    expect(marks).to_have_count(1)  # C3 had seven holders' quotes, C13 has one
    expect(marks).to_contain_text("wait-and-see")
    round_trip = time.perf_counter() - round_trip
    # the evidence box scrolled itself to the quote, which is in view inside it
    box = card.locator(".cable-evidence")
    inside = box.evaluate(
        """box => { const m = box.querySelector('mark').getBoundingClientRect();
                    const b = box.getBoundingClientRect();
                    return box.scrollTop > 0 && m.top >= b.top && m.bottom <= b.bottom; }"""
    )
    assert inside, "the evidence box did not scroll to its first highlight"
    family = box.evaluate("box => getComputedStyle(box).fontFamily")
    assert "mono" not in family.lower(), family  # a proportional font
    assert box.evaluate("box => getComputedStyle(box).wordBreak") == "normal"

    # coder: a stance by mouse, a reason by keyboard alone (Tab from the stance, type, Enter)
    lab_page.dropdown("Actor to code:").select_option(label="Ilgar Mammadov")
    coder = lab_page.panel("Your stance coding")
    stances = coder.locator(".widget-toggle-buttons").filter(has_text="C3:")
    stances.locator("button", has_text="AGAINST").click()
    status = lab_page.locator(".save-status").first
    expect(status).to_contain_text("Saved Ilgar Mammadov × C3")
    stances.locator("button", has_text="AGAINST").focus()
    lab_page.page.keyboard.press("Tab")  # past NONE
    lab_page.page.keyboard.press("Tab")  # into the reason box
    lab_page.page.keyboard.type("sets a clear precedent")
    lab_page.page.keyboard.press("Enter")
    expect(status).to_contain_text("1 of 49 cells coded")
    saved = work / "08BAKU151_stances.csv"
    deadline = time.monotonic() + 10
    while "sets a clear precedent" not in (saved.read_text() if saved.exists() else ""):
        assert time.monotonic() < deadline, "the reason typed by keyboard was not saved"
        time.sleep(0.1)
    assert "ilgar_mammadov,C3,AGAINST,sets a clear precedent" in saved.read_text()

    # compare with the reference: one coded cell, and it agrees
    lab_page.notebook.locator(".widget-button", has_text="Compare with reference").click()
    expect(lab_page.locator(".agreement-summary")).to_contain_text("Agreement 1 of 1 (100%)")

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson_04")
    timings = ", ".join(f"{step} {seconds:.1f}s" for step, seconds in lab_page.timings.items())
    print(
        f"\n[lesson 04] {timings}, explorer round-trip {round_trip:.2f}s, "
        f"whole test {time.perf_counter() - started:.1f}s"
    )


@pytest.mark.viewport(**CLASSROOM)
def test_lesson_04_stance_coder_by_keyboard_alone(lab_page, lab_server) -> None:
    """At 1366×768: one actor coded on every claim with Tab, Space, typing and Enter,
    then compared with the reference; no key reaches JupyterLab's notebook shortcuts."""
    from cable_utils import load_cable
    from cable_utils.analysis.argument import load_argument

    data = load_argument(load_cable("08BAKU151"))
    actor = "ilgar_mammadov"
    answers = {c: data.reference[(actor, c)] for c in data.coding_claims}
    work = lab_server.root / "lesson04_keyboard_work"
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(work))
    lab_page.run_all(timeout=180)
    lab_page.assert_no_errors()
    keys = lab_page.page.keyboard
    coder = lab_page.panel("Your stance coding")

    # the actor, typed into its dropdown
    chooser = lab_page.dropdown("Actor to code:")
    chooser.focus()
    before = notebook_state(lab_page)
    keys.type("Ilgar")
    expect(chooser).to_have_value(data.actor_name(actor))  # ipywidgets: the label

    # each claim: Tab to the stance, Space, Tab to the reason, type it, Enter
    options = ["not coded", "FAVOR", "AGAINST", "NONE"]
    rows = coder.locator(".widget-toggle-buttons")
    expect(rows).to_have_count(len(answers))
    for index, (claim_id, (stance, reason)) in enumerate(answers.items()):
        row = rows.nth(index)
        expect(row.locator(".widget-label")).to_have_text(f"{claim_id}:")
        target = options.index(stance)
        for _ in range(target + 1):
            keys.press("Tab")
        button = row.locator("button").nth(target)
        expect(button).to_be_focused()
        keys.press("Space")
        expect(button).to_have_attribute("aria-pressed", "true")
        for _ in range(len(options) - target):
            keys.press("Tab")
        expect(coder.get_by_role("textbox", name=f"Reason for {claim_id}:")).to_be_focused()
        keys.type(reason[:60])
        keys.press("Enter")
    expect(coder.locator(".save-status")).to_contain_text(f"{len(answers)} of 49 cells coded")
    keys.press("Tab")
    compare = coder.locator("button", has_text="Compare with reference")
    expect(compare).to_be_focused()
    ring = focus_ring(compare)
    assert ring["width"] >= 2 and ring["contrast"] >= 3, ring
    keys.press("Enter")
    expect(coder.locator(".agreement-summary")).to_contain_text(
        f"Agreement {len(answers)} of {len(answers)} (100%)"
    )
    assert notebook_state(lab_page) == before, "a key in the coder reached the notebook"
    saved = (work / "08BAKU151_stances.csv").read_text(encoding="utf-8")
    assert all(f"{actor},{c},{s}," in saved for c, (s, _) in answers.items())

    # every control of the coder has a name of its own
    names = control_names(coder)
    assert all(name for _, name, _ in names), names
    assert len({name for _, name, _ in names}) == len(names), "two controls share a name"
    assert ("textbox", "Reason for C3:", False) in names
    assert ("button", "AGAINST (C3)", True) in names

    assert not truncated_cells(lab_page.notebook), truncated_cells(lab_page.notebook)
    assert_no_share_button(lab_page)
    lab_page.assert_no_errors()
    lab_page.assert_offline()
    coder.screenshot(path=str(SCREENSHOTS / "lesson_04_stance_coder_1366.png"))
    lab_page.panel("Argument map explorer").screenshot(
        path=str(SCREENSHOTS / "lesson_04_argument_map_1366.png")
    )


def test_lesson_04_reads_the_chosen_cable_with_08baku151_folded(
    lab_page, lab_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a cable chosen in lesson 05 (10MOSCOW228): its own header, teacher's timeline and
    empty argument; 08BAKU151's argument, record and questions folded until opened."""
    run_on_chosen_cable(lab_page, lab_server, monkeypatch, NOTEBOOK, "10MOSCOW228")

    outputs = lab_page.outputs()
    expect(outputs.filter(has_text="This lesson reads 10MOSCOW228").first).to_be_visible()
    expect(outputs.filter(has_text="Teacher's notes on 10MOSCOW228").first).to_be_visible()
    # the timelines are the teacher's three rows around 1 Feb 2010, never Kosovo's
    figures = lab_page.plotly_figures()
    timelines = figures.filter(has_text="Timeline")
    expect(timelines).to_have_count(2, timeout=30_000)
    expect(timelines.nth(1)).to_contain_text("(23 Jan 2010 – 03 Mar 2010)")
    expect(timelines.nth(0).locator(".scatterlayer .point")).to_have_count(3)
    shown = lab_page.notebook.evaluate(
        """panel => Array.from(panel.querySelectorAll('.jp-OutputArea-output'))
                        .map(output => output.innerText)
                        .filter(text => !/^\\s*term\\s+definition/i.test(text))
                        .join('\\n')"""
    )  # innerText: what is rendered, so nothing inside a folded <details>; the glossary
    # table is left out (its definitions cite 08BAKU151 as their source, by design)
    assert "This lesson reads 10MOSCOW228" in shown and "Visa" in shown  # read, not empty
    assert "Kosovo" not in shown and "Karabakh" not in shown and "Azerbaij" not in shown
    # 08BAKU151's passages: folded, and the record of recognitions is not computed here
    folded = lab_page.locator(".jp-OutputArea-output details")
    assert folded.count() >= 5
    record = folded.filter(has_text="The record of Kosovo's recognitions")
    expect(record).to_have_count(1)
    assert record.get_attribute("open") is None
    expect(record.locator("summary")).to_contain_text("In 08BAKU151")
    record.locator("summary").click()
    expect(record).to_contain_text('CABLE_ID = "08BAKU151"')
    expect(lab_page.notebook.get_by_text("Costa Rica")).to_have_count(0)
    # every exercise says it was written for 08BAKU151
    expect(outputs.filter(has_text="was written for 08BAKU151")).to_have_count(6)
    lab_page.screenshot("lesson04_chosen_cable_folded")
    lab_page.assert_offline()
