"""Browser round-trip of one widget, measured with the tests/browser harness.

Not a test and not run by pytest's test paths: bench_lessons_all.py runs it as
``pytest -p conftest benchmarks/browser_roundtrip.py`` with tests/browser on the
path, so the harness fixtures (lab_server, lab_page, offline guard) are reused.
Prints one line ``ROUNDTRIP_JSON {...}``.
"""

from __future__ import annotations

import json
import time

from playwright.sync_api import expect

HARNESS_NOTEBOOK = "fixtures/harness_check.ipynb"
CHANGES = 12


def test_widget_round_trip(lab_page) -> None:
    lab_page.open(HARNESS_NOTEBOOK)
    lab_page.run_all(timeout=120)
    shown = lab_page.locator(".widget-html").last
    expect(shown).to_contain_text("Selected: Baku", timeout=30_000)
    select = lab_page.locator(".widget-dropdown select").first
    round_trips = []
    for index in range(CHANGES):
        post = "Washington" if index % 2 == 0 else "Baku"
        started = time.perf_counter()
        select.select_option(post)
        expect(shown).to_contain_text(f"Selected: {post}", timeout=10_000)
        round_trips.append(time.perf_counter() - started)
    lab_page.assert_offline()
    result = {
        "round_trips_s": round_trips,
        "open_s": lab_page.timings.get("open", 0.0),
        "kernel_s": lab_page.timings.get("kernel", 0.0),
        "run_all_s": lab_page.timings.get("run_all", 0.0),
    }
    print("\nROUNDTRIP_JSON " + json.dumps(result))
