"""Lesson 04 in a real JupyterLab: figures draw, the explorer and the coder respond, work is saved.

The kernel's work folder is pointed at a temporary folder before Run All, so the
test never touches a real student's ``my_work/``.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

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

    # explorer: choose a claim, its evidence is highlighted
    claim = lab_page.dropdown("Claim:")
    card = lab_page.locator(".widget-html .claim-card").first
    expect(card).to_contain_text("C3: Kosovo is not a precedent")
    expect(card.locator("mark.evidence")).to_have_count(7)
    round_trip = time.perf_counter()
    claim.select_option(value=None, label=claim.locator("option", has_text="C13:").inner_text())
    marks = card.locator("mark.evidence")
    expect(marks).to_have_count(1)  # C3 had seven holders' quotes, C13 has one
    expect(marks).to_contain_text("wait-and-see")
    round_trip = time.perf_counter() - round_trip

    # coder: a stance by mouse, a reason by keyboard alone (Tab from the stance, type, Enter)
    lab_page.dropdown("Actor to code:").select_option(label="Ilgar Mammadov")
    stance = lab_page.dropdown("C3:")
    stance.select_option("AGAINST")
    status = lab_page.locator(".save-status").first
    expect(status).to_contain_text("Saved Ilgar Mammadov × C3")
    stance.focus()
    lab_page.page.keyboard.press("Tab")
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
