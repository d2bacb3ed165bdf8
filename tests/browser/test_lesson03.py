"""Lesson 03 in a real JupyterLab: the three figures draw, the actor explorer and the voice sorter respond.

The kernel's work folder is pointed at a temporary folder before Run All, so a
student's own gazetteer in ``my_work/`` cannot change what the lesson shows.
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

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/03_actors.ipynb"


def test_lesson_03_figures_explorer_and_voice_sorter(lab_page, lab_server) -> None:
    started = time.perf_counter()
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(lab_server.root / "lesson03_work"))
    lab_page.run_all(timeout=180)
    lab_page.assert_no_errors()

    # bars per actor, actor × paragraph heatmap, co-mention network: each drawn with data
    figures = lab_page.plotly_figures()
    expect(figures).to_have_count(3, timeout=30_000)
    expect(figures.nth(0).locator(".barlayer .point").first).to_be_attached()
    expect(figures.nth(1).locator(".hm").first).to_be_attached()
    expect(figures.nth(2).locator(".scatterlayer .point").first).to_be_attached()
    # every name of the network whole at a 1280 px window (a long one was cut at the edge)
    expect(figures.nth(2).locator(".textpoint text").first).to_be_attached()
    assert lab_page.figure_label_problems() == []

    # actor explorer: the most mentioned actor first, then Vafa Guluzade by mouse
    actor = lab_page.dropdown("Actor:")
    profile = lab_page.locator(".widget-html .actor-profile").first
    expect(profile.locator("h5")).to_have_text("Kosovo")
    explorer = lab_page.locator(".widget-html:has(.actor-profile)").first
    round_trip = time.perf_counter()
    actor.select_option(label=actor.locator("option", has_text="Vafa Guluzade").inner_text())
    expect(profile.locator("h5")).to_have_text("Vafa Guluzade")
    round_trip = time.perf_counter() - round_trip
    # background with its source, cited from data/sources.csv as "outlet, date [id]"
    expect(profile).to_contain_text("Carnegie Endowment for International Peace")
    expect(profile.locator("ol.statements li")).to_have_count(3)
    expect(explorer.locator("mark.seg-said")).to_have_count(3)
    expect(explorer.locator("mark.seg-alias, mark.seg-title")).to_have_count(2)
    expect(explorer.locator("mark.seg-alias").first).to_have_text("Vafa Guluzade")

    # voice sorter by mouse: one right, one wrong, Check
    sorter = lab_page.panel("Voice sorter: who speaks for whom?")
    row = sorter.locator(".widget-toggle-buttons")
    row.filter(has_text="Khazar Ibrahimov").locator("button", has_text="official").first.click()
    row.filter(has_text="Ilgar Mammadov").locator("button", has_text="official").first.click()
    sorter.locator("button", has_text="Check my sorting").click()
    feedback = lab_page.locator(".voice-feedback").first
    expect(feedback).to_contain_text("1 of 15 right")
    expect(feedback).to_contain_text("Ilgar Mammadov")

    lab_page.assert_offline()
    shot = lab_page.screenshot("lesson_03")
    print(
        f"lesson 03: {time.perf_counter() - started:.1f} s in the browser, "
        f"explorer round-trip {1000 * round_trip:.0f} ms, screenshot {shot}"
    )


@pytest.mark.viewport(**CLASSROOM)
def test_lesson_03_voice_sorter_by_keyboard_alone(lab_page, lab_server) -> None:
    """At 1366×768: the whole voice sorter done with Tab, Space and Enter, and no key
    pressed in a control reaches JupyterLab's notebook shortcuts."""
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(lab_server.root / "lesson03_keyboard_work"))
    lab_page.run_all(timeout=180)
    lab_page.assert_no_errors()
    keys = lab_page.page.keyboard

    # The actor dropdown: typing letters and arrows change the choice, not the notebook
    # ("a" inserted a cell above, ↓ moved the active cell: ipywidgets #3912).
    actor = lab_page.dropdown("Actor:")
    profile = lab_page.locator(".widget-html .actor-profile").first
    actor.focus()  # focus makes the widget's cell the active one; then no key may move it
    before = notebook_state(lab_page)
    keys.type("Vafa")
    expect(profile.locator("h5")).to_have_text("Vafa Guluzade")
    keys.press("ArrowDown")
    expect(profile.locator("h5")).not_to_have_text("Vafa Guluzade")
    for key in ("a", "b", "m", "d", "d", "x", "ArrowUp", "ArrowDown"):
        keys.press(key)
    assert notebook_state(lab_page) == before, "a key in the dropdown reached the notebook"
    ring = focus_ring(actor)
    assert ring["focused"] and ring["width"] >= 2 and ring["style"] != "none", ring
    assert ring["contrast"] >= 3, ring

    # The sorter: every speaker's voice pressed with Tab and Space, from the reference.
    from cable_utils import load_cable
    from cable_utils.analysis.actors import load_gazetteer
    from cable_utils.widgets.actors import _VOICE_CHOICES, voice_reference

    cable = load_cable("08BAKU151")
    gazetteer = load_gazetteer(cable)
    reference = {k: v for k, v in voice_reference(cable, gazetteer).items() if v != "none"}
    sorter = lab_page.panel("Voice sorter: who speaks for whom?")
    rows = sorter.locator(".widget-toggle-buttons")
    expect(rows).to_have_count(len(reference))
    rows.first.locator("button").first.focus()
    before = notebook_state(lab_page)
    for index, (speaker, voice) in enumerate(reference.items()):
        row = rows.nth(index)
        expect(row.locator(".widget-label")).to_have_text(f"{gazetteer[speaker].name}:")
        target = _VOICE_CHOICES.index(voice)
        for _ in range(target):
            keys.press("Tab")
        expect(row.locator("button").nth(target)).to_be_focused()
        if index == 0:  # the focus ring of a toggle button, and Space does not scroll away
            ring = focus_ring(row.locator("button").nth(target))
            assert ring["width"] >= 2 and ring["contrast"] >= 3, ring
        keys.press("Space")
        expect(row.locator("button").nth(target)).to_have_attribute("aria-pressed", "true")
        for _ in range(len(_VOICE_CHOICES) - target):
            keys.press("Tab")
    check = sorter.locator("button", has_text="Check my sorting")
    expect(check).to_be_focused()
    keys.press("Enter")
    feedback = sorter.locator(".voice-feedback")
    expect(feedback).to_contain_text(f"{len(reference)} of {len(reference)} right")
    assert notebook_state(lab_page) == before, "a key in the sorter reached the notebook"

    # What a screen reader hears: pressed states and a unique name for every button.
    names = control_names(sorter)
    buttons = [(name, pressed) for role, name, pressed in names if role == "button"]
    assert len(buttons) == len(reference) * len(_VOICE_CHOICES) + 1
    assert len({name for name, _ in buttons}) == len(buttons), "two buttons share a name"
    assert ("official (Khazar Ibrahimov)", True) in buttons
    assert ("media (Khazar Ibrahimov)", False) in buttons
    assert sum(pressed for _, pressed in buttons) == len(reference)
    pressed = sorter.locator(".widget-toggle-button.mod-active").first
    unpressed = sorter.locator(".widget-toggle-button:not(.mod-active)").first
    assert pressed.get_attribute("aria-pressed") == "true"
    assert unpressed.get_attribute("aria-pressed") == "false"

    # No table in the lesson is cut with "...", and no chart offers to upload itself.
    assert not truncated_cells(lab_page.notebook), truncated_cells(lab_page.notebook)
    assert_no_share_button(lab_page)
    lab_page.assert_no_errors()
    lab_page.assert_offline()
    sorter.screenshot(path=str(SCREENSHOTS / "lesson_03_voice_sorter_1366.png"))
