"""The printable worksheet in Debian's Chromium: it prints to PDF, a lesson per page, offline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def worksheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("classset")
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_student.py"), str(REPO / "notebooks"),
         str(out), "--cable", "10MOSCOW228"],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / "worksheet.html"


def test_the_worksheet_prints_to_pdf_a_lesson_per_page(browser, worksheet: Path) -> None:
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(worksheet.as_uri())
    sections = page.locator("section.lesson").count()
    assert sections >= 6  # lessons 00-05, then the discussion questions
    assert page.is_visible(".print-hint")  # on screen: how to print
    page.emulate_media(media="print")
    assert not page.is_visible(".print-hint")  # on paper: not printed
    # every answer box is whole on its page, and ruled
    assert page.locator(".exercise .answer .line").count() >= 2 * page.locator(".exercise").count()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= sections, (pages, sections)  # each lesson starts a page
    assert all(url.startswith("file:") for url in requests), requests
    page.close()
