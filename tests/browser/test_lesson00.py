"""Lesson 00 in JupyterLab: run all, the summary card shows, the self-check responds."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/00_start_here.ipynb"


def test_lesson00_runs_and_the_self_check_answers(lab_page) -> None:
    started = time.perf_counter()
    lab_page.open(NOTEBOOK)
    lab_page.run_all(timeout=120)
    lab_page.assert_no_errors()
    prompts = lab_page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
    assert prompts and all("[ ]" not in p for p in prompts), prompts

    card = lab_page.locator(".cable-card").first
    expect(card).to_contain_text("08BAKU151")
    expect(card).to_contain_text("AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE")
    expect(card).to_contain_text("19 February 2008, 13:47 UTC")

    checker = lab_page.panel("Self-check 00.1")
    feedback = checker.locator(".widget-html").last
    expect(feedback).to_contain_text("Type an answer")

    # Keyboard alone: type a wrong answer and press Enter, then the right one.
    answer = checker.locator("input[type=text]")
    answer.focus()
    lab_page.page.keyboard.type("Ankara")
    lab_page.page.keyboard.press("Enter")
    expect(feedback.locator(".self-check")).to_contain_text("Not yet")
    expect(feedback.locator(".self-check")).to_contain_text("Hint")
    answer.fill("")
    answer.focus()
    round_trip = time.perf_counter()
    lab_page.page.keyboard.type("AMEMBASSY BAKU")
    lab_page.page.keyboard.press("Tab")
    lab_page.page.keyboard.press("Space")
    expect(feedback.locator(".self-check")).to_contain_text("Correct")
    round_trip = time.perf_counter() - round_trip

    # The verdict is said in words and marked up for assistive technology.
    verdict = feedback.locator(".self-check")
    expect(verdict).to_have_attribute("role", "status")
    expect(verdict).to_have_attribute("data-verdict", "correct")

    # Solutions: folded, the cell shows nothing of the answer (neither its source nor an
    # output); "Show the solution" reveals the model answer, pressing again hides it.
    model_text = "why Baku fears a precedent for Nagorno-Karabakh"
    solution_cells = lab_page.cells().filter(has_text='solution("00.3", cable)')
    expect(solution_cells).to_have_count(1)
    expect(lab_page.notebook).not_to_contain_text(model_text)
    show = lab_page.panel("Solution 00.3").locator("button", has_text="Show the solution to 00.3")
    show.focus()
    lab_page.page.keyboard.press("Space")
    revealed = lab_page.panel("Solution 00.3").locator(".model-answer")
    expect(revealed).to_contain_text(model_text)
    expect(revealed).to_contain_text("written for 08BAKU151")
    lab_page.page.keyboard.press("Space")
    expect(lab_page.notebook).not_to_contain_text(model_text)

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson00")
    timings = ", ".join(f"{k} {v:.1f}s" for k, v in lab_page.timings.items())
    print(
        f"\n[lesson00] {timings}, self-check round-trip {round_trip:.2f}s, "
        f"whole test {time.perf_counter() - started:.1f}s"
    )
