"""Proves the browser harness: JupyterLab runs a notebook offline in Chromium,
plotly bars and an offline map render, a widget callback round-trips, and the
harness's own checks (errors, offline guard) can fail."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HARNESS_NOTEBOOK = "fixtures/harness_check.ipynb"
ERROR_NOTEBOOK = "fixtures/error_check.ipynb"


def test_harness_notebook_renders_offline(lab_page) -> None:
    started = time.perf_counter()
    lab_page.open(HARNESS_NOTEBOOK)
    lab_page.run_all(timeout=120)

    figures = lab_page.plotly_figures()
    expect(figures).to_have_count(2, timeout=30_000)
    bars = lab_page.locator(".barlayer .point")
    expect(bars).to_have_count(3, timeout=30_000)
    # Land and coastlines are drawn only if plotly.js found world_110m without the CDN.
    for layer in ("land", "coastlines"):
        path = lab_page.locator(f".geo .layer.{layer} path").first
        expect(path).to_be_attached(timeout=30_000)
        assert len(path.get_attribute("d") or "") > 1000, f"{layer} outline is empty"
    expect(lab_page.locator(".geo .scattergeo .point")).to_have_count(2)

    html = lab_page.locator(".widget-html").last
    expect(html).to_contain_text("Selected: Baku")
    before = html.inner_text()
    round_trip = time.perf_counter()
    lab_page.locator(".widget-dropdown select").first.select_option("Washington")
    expect(html).to_contain_text("Selected: Washington")
    round_trip = time.perf_counter() - round_trip
    assert html.inner_text() != before

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    assert any("/api/kernels" in url for url in lab_page.guard.requests), "guard saw no traffic"
    lab_page.screenshot("harness_check")
    timings = ", ".join(f"{step} {seconds:.1f}s" for step, seconds in lab_page.timings.items())
    print(
        f"\n[harness] {timings}, widget round-trip {round_trip:.2f}s, "
        f"whole test {time.perf_counter() - started:.1f}s"
    )


def test_assert_no_errors_reports_a_failing_cell(lab_page) -> None:
    lab_page.open(ERROR_NOTEBOOK)
    lab_page.run_all(timeout=60)
    with pytest.raises(AssertionError, match="ValueError: deliberate failure"):
        lab_page.assert_no_errors()


def test_offline_guard_blocks_and_reports_external_requests(lab_page) -> None:
    # about:blank has no Content-Security-Policy (Jupyter's API pages would block the fetch
    # themselves), so the request reaches the guard just as a CDN fetch from plotly.js would.
    lab_page.page.goto("about:blank")
    outcome = lab_page.page.evaluate(
        """() => fetch('https://cdn.plot.ly/un/world_110m.json')
                    .then(() => 'fetched', () => 'blocked')"""
    )
    assert outcome == "blocked"
    with pytest.raises(AssertionError, match="cdn.plot.ly"):
        lab_page.assert_offline()
    lab_page.guard.external.clear()  # expected leak; keep the fixture's final check green
