"""A chosen cable in a real JupyterLab: lesson 01 reads it, and 08BAKU151's passages are folded.

The choice is recorded in a temporary work folder; the kernel is pointed at it
before Run All, so the test never touches a real student's ``my_work/``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/01_anatomy_of_a_cable.ipynb"


def test_lesson_01_reads_the_chosen_cable_with_baku_folded(
    lab_page, lab_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cable_utils.lessons.chosen import choose_cable

    work = lab_server.root / "chosen_work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(work))
    choose_cable("10MOSCOW228")  # the explicit choice, as lesson 05 makes it
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(work))
    lab_page.run_all(timeout=240)
    lab_page.assert_no_errors()

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
