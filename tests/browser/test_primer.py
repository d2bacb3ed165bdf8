"""The context primer in JupyterLab: run all, the region map drawn offline, the explorer."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/00b_history_around_the_cable.ipynb"


def test_primer_runs_draws_the_map_offline_and_the_explorer_responds(lab_page) -> None:
    started = time.perf_counter()
    lab_page.open(NOTEBOOK)
    lab_page.run_all(timeout=150)
    lab_page.assert_no_errors()

    prompts = lab_page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
    assert prompts and all("[" in t and "]" in t and "[ ]" not in t for t in prompts), prompts

    # The map: land and borders come from the shipped topojson, not the CDN.
    figure = lab_page.plotly_figures().first
    expect(figure).to_be_attached(timeout=30_000)
    borders = figure.locator(".geo .countries path").first
    expect(borders).to_be_attached(timeout=30_000)
    assert len(borders.get_attribute("d") or "") > 10_000
    assert len(figure.locator(".geo .land path").first.get_attribute("d") or "") > 10_000
    assert figure.locator(".geo .scattergeo path.point").count() >= 10  # the places

    # The explorer: another part of the story changes the table and its sources.
    explorer = lab_page.panel("The history around 08BAKU151, part by part")
    table = explorer.locator(".widget-html").last
    expect(table).to_contain_text("Assembly declares independence")
    explorer.locator(".widget-dropdown select").select_option("What happened next, 2008–2024")
    expect(table).to_contain_text("Abkhazia")
    expect(table).not_to_contain_text("Assembly declares independence")
    expect(table.locator("a[href^='https://']").first).to_be_attached()
    expect(explorer.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("primer")
    print(f"\n[primer] whole test {time.perf_counter() - started:.1f}s")
