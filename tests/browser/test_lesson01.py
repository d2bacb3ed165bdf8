"""Lesson 01 in JupyterLab: run all, every widget used once, the map drawn offline."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/01_anatomy_of_a_cable.ipynb"


def test_lesson01_runs_renders_and_responds(lab_page) -> None:
    started = time.perf_counter()
    lab_page.open(NOTEBOOK)
    lab_page.run_all(timeout=150)
    lab_page.assert_no_errors()

    # Every code cell ran.
    prompts = lab_page.locator(".jp-CodeCell .jp-InputArea-prompt")
    texts = prompts.all_inner_texts()
    assert texts and all("[" in t and "]" in t and "[ ]" not in t for t in texts), texts

    # The map: countries drawn from the shipped data, with the addressees on it.
    where = lab_page.panel("Where did it go?")
    expect(where.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
    # Borders and land are drawn only if plotly.js found world_110m without the CDN;
    # with showcountries each layer is one long path.
    borders = where.locator(".geo .countries path").first
    expect(borders).to_be_attached(timeout=30_000)
    assert len(borders.get_attribute("d") or "") > 10_000
    assert len(where.locator(".geo .land path").first.get_attribute("d") or "") > 10_000
    expect(where.locator(".geo .scattergeo path.point")).to_have_count(
        9
    )  # 8 cities + Washington twice
    expect(where.locator(".legend .traces")).to_have_count(3)
    expect(where.locator(".widget-html").nth(1)).to_contain_text("CIS COLLECTIVE")
    where.locator(".widget-toggle-buttons button", has_text="sender and action (TO)").click()
    expect(where.locator(".legend .traces")).to_have_count(2)
    expect(where.locator(".widget-html").nth(1)).not_to_contain_text("CIS COLLECTIVE")
    expect(where.locator(".widget-html").nth(1)).to_contain_text("SECSTATE WASHDC")

    # Segment explorer: a toggle adds a highlight; the drop-down explains the DTG.
    explorer = lab_page.panel("Segment explorer")
    view = explorer.locator(".widget-html").last
    expect(view.locator("mark.seg-subject")).to_have_count(0)
    round_trip = time.perf_counter()
    explorer.locator("button.widget-toggle-button", has_text="subject").click()
    expect(view.locator("mark.seg-subject")).to_have_count(1)
    round_trip = time.perf_counter() - round_trip
    select = explorer.locator(".widget-dropdown select")
    labels = select.evaluate("s => Array.from(s.options).map(o => o.text)")
    dtg_label = next((label for label in labels if " dtg: " in label.replace("\xa0", " ")), None)
    assert dtg_label, labels
    select.select_option(label=dtg_label)
    expect(view.locator(".segment-explanation")).to_contain_text("19 February 2008, 13:47 UTC")

    # Header decoder: choose the security line.
    decoder = lab_page.panel("Header decoder")
    decoder_view = decoder.locator(".widget-html").last
    expect(decoder_view).to_contain_text("same moment as the date-time group 191347Z FEB 08")
    decoder.locator(".widget-dropdown select").select_option("ZNY CCCCC ZZH")
    expect(decoder_view).to_contain_text("CONFIDENTIAL (the level's letter repeated five times)")
    expect(decoder_view).not_to_contain_text("day 050")

    # Keyboard alone: a segment toggle by Space, then the self-check by typing, Tab, Space.
    artifact = explorer.locator("button.widget-toggle-button", has_text="artifact")
    expect(view.locator("mark.seg-artifact").first).to_be_attached()
    artifact.focus()
    lab_page.page.keyboard.press("Space")
    expect(view.locator("mark.seg-artifact")).to_have_count(0)
    checker = lab_page.panel("Self-check 01.1")
    checker.locator("input[type=text]").focus()
    lab_page.page.keyboard.type("AMEMBASSY BAKU")
    lab_page.page.keyboard.press("Tab")
    expect(checker.locator("button", has_text="Check")).to_be_focused()
    lab_page.page.keyboard.press("Space")
    expect(checker.locator(".self-check")).to_contain_text("Correct")

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson01")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in lab_page.timings.items())
    print(
        f"\n[lesson01] {timings}, toggle round-trip {round_trip:.2f}s, "
        f"whole test {time.perf_counter() - started:.1f}s"
    )
