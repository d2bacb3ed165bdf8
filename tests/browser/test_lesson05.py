"""Lesson 05 in a real JupyterLab: choosing a sample changes the card; pasted HTML stays text.

The kernel's work folder is pointed at a temporary folder before Run All, so the
test never touches a real student's ``my_work/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from cable_utils.analysis.remix import sample_options

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/05_remix_your_own_cable.ipynb"
REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'


def xss_cable() -> str:
    text = (REPO_ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace(
        "SUBJECT: AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE", f"SUBJECT: {SCRIPT}"
    )
    return text.replace("(U) The Azerbaijani media", f"(U) {IMG} The Azerbaijani media")


def test_lesson_05_choose_a_sample_and_paste_xss(lab_page, lab_server) -> None:
    lab_page.open(NOTEBOOK)
    lab_page.use_work_folder(str(lab_server.root / "lesson05_work"))
    lab_page.run_all(timeout=240)
    lab_page.assert_no_errors()

    chooser = lab_page.locator(".cable-panel").first
    card = chooser.locator(".widget-html .cable-card").first
    expect(card).to_contain_text("AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE")

    # Controls and labels fit (1280 px window): the upload button's words are whole, the
    # gazetteer's text box ends inside the lesson's column, the REF-trail labels are apart.
    upload = chooser.locator(".widget-upload").first
    assert upload.evaluate("b => b.scrollWidth <= b.clientWidth"), upload.inner_text()
    expect(upload).to_contain_text("Or upload a .txt file")
    assert lab_page.sticking_out(".widget-textarea") == []
    expect(lab_page.plotly_figures().first.locator(".textpoint text").first).to_be_visible(
        timeout=30_000
    )
    assert lab_page.figure_label_problems() == []

    # choose a sample in the dropdown: the card changes
    labels = dict((cable_id, label) for label, cable_id in sample_options())
    chooser.locator(".widget-dropdown select").first.select_option(label=labels["10MOSCOW228"])
    expect(card).to_contain_text("RUSSIAN DRAFT BILL WOULD REQUIRE ON-SHORE CREDIT CARD PROCESSING")
    expect(card).not_to_contain_text("AZERBAIJANI REACTION")

    # paste a cable carrying script and onerror payloads: shown literally, never run
    chooser.locator(".widget-textarea textarea").first.fill(xss_cable())
    chooser.locator("button", has_text="Load pasted text").click()
    expect(card).to_contain_text(SCRIPT)
    assert lab_page.page.evaluate("() => typeof window.__pwned") == "undefined"
    assert chooser.locator("script").count() == 0
    assert lab_page.locator('img[src="x"]').count() == 0
    lab_page.page.wait_for_timeout(500)  # give an injected onerror a chance to fire
    assert lab_page.page.evaluate("() => typeof window.__pwned") == "undefined"
    lab_page.assert_no_errors()
    lab_page.screenshot("lesson05_xss_pasted")

    # The tour: choosing a tab shows that lesson's explorer.
    tour = (
        lab_page.locator(".cable-panel")
        .filter(has=lab_page.page.locator("h4", has_text="The tour on"))
        .first
    )
    tour.get_by_role("tab", name="Paragraphs").click()
    expect(tour.locator(".cable-panel h4", has_text="Paragraph browser")).to_be_visible()
    # a tab with a table wider than the column: the table scrolls, the sentences wrap
    tour.get_by_role("tab", name="Actors (draft)").click()
    expect(tour.locator(".cable-table-wrap").first).to_be_visible()
    assert lab_page.sticking_out(".widget-html-content > p") == []

    # The gazetteer editor saves the actor list into the (temporary) work folder.
    editor = (
        lab_page.locator(".cable-panel")
        .filter(has=lab_page.page.locator("h4", has_text="Your gazetteer for"))
        .first
    )
    editor.locator("button", has_text="Save my actor list").click()
    expect(editor.locator("[role=status]")).to_contain_text("Saved")
    saved = list((lab_server.root / "lesson05_work").rglob("actors.csv"))
    assert saved, "the gazetteer was not written to the work folder"

    lab_page.assert_no_errors()
    lab_page.assert_offline()
    lab_page.screenshot("lesson05")
