"""A chosen cable in a real JupyterLab: lesson 01 reads it, and 08BAKU151's passages are folded.

The choice is recorded in a temporary work folder; the kernel is pointed at it
before Run All, so the test never touches a real student's ``my_work/``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import run_on_chosen_cable

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/01_anatomy_of_a_cable.ipynb"


def test_lesson_01_reads_the_chosen_cable_with_baku_folded(
    lab_page, lab_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_on_chosen_cable(lab_page, lab_server, monkeypatch, NOTEBOOK, "10MOSCOW228")

    outputs = lab_page.outputs()
    expect(outputs.filter(has_text="This lesson reads 10MOSCOW228").first).to_be_visible()
    folded = lab_page.locator(".jp-OutputArea-output details")
    assert folded.count() >= 5
    first = folded.first
    summary = first.locator("summary")
    expect(summary).to_contain_text("In 08BAKU151")
    assert first.get_attribute("open") is None  # folded until opened
    hidden = first.locator("p").first
    expect(hidden).to_be_hidden()
    summary.click()
    expect(hidden).to_be_visible()
    lab_page.screenshot("lesson01_chosen_cable_folded")
    lab_page.assert_offline()
