"""Lesson 06 in a real JupyterLab: search in the finder, select a hit, see it in context, choose it.

The kernel's work folder and the search index are pointed at temporary paths
before Run All, so the test never touches a real ``my_work/`` or ``.cache/``.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/06_the_cable_among_others.ipynb"


def _kernel_environment(lab_page, **variables: str) -> None:
    code = "import os\n" + "\n".join(
        f"os.environ[{json.dumps(name)}] = {json.dumps(value)}" for name, value in variables.items()
    )
    lab_page.page.evaluate(
        """([path, code]) => {
            const kernel = window.__harness.panel(path).sessionContext.session.kernel;
            return kernel.requestExecute({code, silent: true}).done.then(() => true);
        }""",
        [lab_page.path, code],
    )


def test_lesson_06_finder_search_select_and_choose(lab_page, lab_server) -> None:
    work = lab_server.root / "lesson06_work"
    lab_page.open(NOTEBOOK)
    _kernel_environment(
        lab_page,
        CABLE_CLASSROOM_WORK=str(work),
        CABLE_CLASSROOM_INDEX=str(lab_server.root / "lesson06_index" / "corpus.sqlite"),
    )
    lab_page.run_all(timeout=300)
    lab_page.assert_no_errors()
    assert not (work / "chosen_cable.json").exists()  # Run All chooses nothing

    finder = lab_page.locator(".cable-finder").first
    results = finder.locator(".search-results")
    expect(results).to_contain_text("8 cables match 'Karabakh'")
    card = finder.locator(".cable-card").first
    expect(card).to_contain_text("AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE")
    figures = lab_page.plotly_figures()
    expect(figures.first).to_be_visible(timeout=30_000)

    # What a learner reads fits the lesson's column (1280 px window): every figure label
    # whole and apart from the others; the concordances and the finder's hit list and
    # keyword-in-context table (right context and raw offsets) without a sideways scroll.
    expect(figures).to_have_count(5, timeout=30_000)
    expect(figures.last.locator(".textpoint text").first).to_be_visible()
    assert lab_page.figure_label_problems() == []
    expect(lab_page.locator("table.kwic")).to_have_count(5)  # the finder's and 4 concordances
    assert lab_page.sticking_out("table.kwic") == []
    assert lab_page.sticking_out(".cable-finder .widget-select") == []

    # search a phrase: type it and press Enter
    box = finder.locator(".widget-text input").first
    box.fill('"Armenian Protocols"')
    box.press("Enter")
    expect(results).to_contain_text("2 cables match")

    # select the second hit: the keyword-in-context view and the card change
    hit_list = finder.locator(".widget-select select").first
    expect(hit_list.locator("option")).to_have_count(2)  # the new hits have arrived
    option = hit_list.locator("option", has_text="10ANKARA87")
    hit_list.select_option(value=option.get_attribute("value"))
    kwic = finder.locator("table.kwic").first
    expect(kwic).to_contain_text("10ANKARA87: 2 matches in context")
    expect(kwic.locator("mark").first).to_have_text(re.compile("Armenian protocols", re.I))
    expect(card).to_contain_text("WHAT LIES BENEATH ANKARA'S NEW FOREIGN POLICY")
    expect(card).not_to_contain_text("U/S BURNS")

    # the lesson's filter exercise: Kosovo with the TAGS filter KV, then the filter back to any
    tags = finder.locator(".widget-dropdown:has(> label:text-is('TAGS:')) select")
    box.fill("Kosovo")
    box.press("Enter")
    expect(results).to_contain_text("39 cables match")
    tags.select_option(label="KV (7)")
    finder.locator("button", has_text="Search").click()
    expect(results).to_contain_text("7 cables match 'Kosovo' (all shown) with the filters TAGS KV")
    tags.select_option(label="any")
    finder.locator("button", has_text="Search").click()
    expect(results).to_contain_text("39 cables match")
    assert tags.evaluate("s => s.options[s.selectedIndex]?.text") == "any"  # not a blank box

    # a query the index cannot read gets a plain message
    box.fill('"Minsk Group')
    box.press("Enter")
    expect(finder.locator("[role=alert]").first).to_contain_text("never closed")
    box.fill('"Minsk Group"')
    box.press("Enter")
    expect(results).to_contain_text("1 cable matches")

    # choose it for lessons 01-05: the choice is written in the (temporary) work folder
    finder.locator("button", has_text="Use this cable in lessons 01–05").click()
    expect(finder.locator("[role=status]").last).to_contain_text(
        "10ANKARA302 is now the chosen cable"
    )
    chosen = json.loads((work / "chosen_cable.json").read_text(encoding="utf-8"))
    assert chosen["cable_id"] == "10ANKARA302"

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson06_finder")
