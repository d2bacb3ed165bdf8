"""Lesson 02 in JupyterLab: run all, charts render, browser and simulator respond."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/02_reading_the_body.ipynb"


def test_lesson02_runs_renders_and_responds(lab_page) -> None:
    started = time.perf_counter()
    lab_page.open(NOTEBOOK)
    lab_page.run_all(timeout=150)
    lab_page.assert_no_errors()
    texts = lab_page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
    assert texts and all("[ ]" not in t for t in texts), texts

    # Two charts: paragraph lengths (5 bars for 08BAKU151) and the redaction chart.
    expect(lab_page.plotly_figures()).to_have_count(2, timeout=30_000)
    lengths = lab_page.plotly_figures().first
    expect(lengths.locator(".barlayer .point")).to_have_count(5, timeout=30_000)

    # Paragraph browser: by section → Comment → ¶5.
    browser = lab_page.panel("Paragraph browser")
    view = browser.locator(".widget-html").last
    expect(view).to_contain_text("¶1")
    browser.locator(".widget-toggle-buttons button", has_text="section").click()
    browser.locator(".widget-dropdown select").select_option("Comment")
    expect(view.locator(".paragraph-card")).to_have_count(1)
    expect(view).to_contain_text("¶5")
    expect(view).to_contain_text("Embassy's own comment")

    # Redaction simulator: the cleared reader sees everything.
    simulator = lab_page.panel("Redaction simulator")
    sim_view = simulator.locator(".widget-html").nth(1)
    expect(sim_view.locator(".withheld")).to_have_count(3)
    expect(sim_view).to_contain_text("69%")
    round_trip = time.perf_counter()
    simulator.locator(".widget-toggle-buttons button", has_text="CONFIDENTIAL-cleared").click()
    expect(sim_view.locator(".withheld")).to_have_count(0)
    round_trip = time.perf_counter() - round_trip
    expect(sim_view).to_contain_text("MFA spokesperson")
    chart = simulator.locator(".js-plotly-plot")
    expect(chart.locator(".annotation-text", has_text="selected")).to_have_count(1)
    expect(chart.locator(".annotation-text", has_text="withheld")).to_have_count(2)

    # Self-check by keyboard: type into the box, Tab to the Check button, press Space.
    checker = lab_page.panel("Self-check 02.1")
    checker.locator("input[type=text]").focus()
    lab_page.page.keyboard.type("U")
    lab_page.page.keyboard.press("Tab")
    expect(checker.locator("button", has_text="Check")).to_be_focused()
    lab_page.page.keyboard.press("Space")
    expect(checker.locator(".self-check")).to_contain_text("Not yet")
    checker.locator("input[type=text]").focus()
    lab_page.page.keyboard.press("Backspace")
    lab_page.page.keyboard.type("C")
    lab_page.page.keyboard.press("Tab")
    lab_page.page.keyboard.press("Space")
    expect(checker.locator(".self-check")).to_contain_text("Correct")

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson02")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in lab_page.timings.items())
    print(
        f"\n[lesson02] {timings}, reader round-trip {round_trip:.2f}s, "
        f"whole test {time.perf_counter() - started:.1f}s"
    )
