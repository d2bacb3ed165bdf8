"""Lesson 03 in a real JupyterLab: the three figures draw, the actor explorer and the voice sorter respond.

The kernel's work folder is pointed at a temporary folder before Run All, so a
student's own gazetteer in ``my_work/`` cannot change what the lesson shows.
"""

from __future__ import annotations

import time

import pytest
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

    # voice sorter: one right, one wrong by mouse; then, by keyboard alone, Tab from the
    # last speaker's dropdown to the Check button and press Enter: feedback names the wrong one
    lab_page.dropdown("Khazar Ibrahimov:").select_option(label="official")
    lab_page.dropdown("Ilgar Mammadov:").select_option(label="official")
    lab_page.dropdown("U.S. Embassy Baku:").focus()
    lab_page.page.keyboard.press("Tab")
    lab_page.page.keyboard.press("Enter")
    feedback = lab_page.locator(".voice-feedback").first
    expect(feedback).to_contain_text("1 of 15 right")
    expect(feedback).to_contain_text("Ilgar Mammadov")

    lab_page.assert_offline()
    shot = lab_page.screenshot("lesson_03")
    print(
        f"lesson 03: {time.perf_counter() - started:.1f} s in the browser, "
        f"explorer round-trip {1000 * round_trip:.0f} ms, screenshot {shot}"
    )
