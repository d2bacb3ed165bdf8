"""The static edition in headless Chromium: every page opened from disk (file://).

Checks that each plotly figure draws (bars as ``.barlayer .point``, maps as
``.geo path`` filled from the shared world_110m asset), that pages raise no
JavaScript error, and that no request leaves the machine: every request the
page makes is recorded and anything that is not file:, data:, blob: or about:
fails the test (and is blocked before it goes out).

The site is built once per session into a temp folder: every lesson in
notebooks/ plus tests/browser/fixtures/harness_check.ipynb, which guarantees a
bar chart, a map and a widget even while lessons change.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "browser" / "fixtures" / "harness_check.ipynb"
LESSONS = sorted(
    p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb")
)  # 00b, the primer, too
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


@pytest.fixture(scope="session")
def built_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("static-site") / "site"
    command = [sys.executable, str(REPO / "tools" / "build_site.py"), "--out", str(out),
               "--notebook", str(FIXTURE)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"build_site failed:\n{result.stdout}\n{result.stderr[-4000:]}"
    return out


class Visit:
    """One page opened in a fresh context, with every request recorded."""

    def __init__(self, browser, path: Path, viewport: dict | None = None) -> None:
        self.requests: list[str] = []
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 1600})
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route(lambda url: urlsplit(url).scheme not in LOCAL_SCHEMES, self._block)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda msg: self.errors.append(msg.text) if msg.type == "error" else None,
        )
        self.page.goto(path.as_uri(), wait_until="load")

    def _block(self, route) -> None:
        self.external.append(route.request.url)
        route.abort("blockedbyclient")

    def close(self) -> None:
        self.context.close()

    def assert_clean(self) -> None:
        assert not self.external, f"requests left the machine: {sorted(set(self.external))}"
        assert self.requests, "the request recorder saw nothing (not even the page)"
        assert all(urlsplit(u).scheme in LOCAL_SCHEMES for u in self.requests)
        assert not self.errors, f"JavaScript errors: {self.errors}"


# Per figure: what plotly drew, read from the figure's own data, so a bar chart must
# show bars and a map must show land.
_FIGURE_REPORT = """() => Array.from(document.querySelectorAll('.cable-plotly')).map(el => {
  const types = (el._fullData || []).map(t => t.type);
  return {
    id: el.id,
    drawn: el.classList.contains('js-plotly-plot') && !!el.querySelector('.main-svg'),
    types: types,
    bars: el.querySelectorAll('.barlayer .point').length,
    geoPaths: el.querySelectorAll('.geo path').length,
    land: Math.max(0, ...Array.from(el.querySelectorAll('.geo .layer.land path'))
                     .map(p => (p.getAttribute('d') || '').length)),
  };
})"""


def check_figures(visit: Visit) -> list[dict]:
    expected = visit.page.locator(".cable-plotly").count()
    if expected:
        visit.page.wait_for_function(
            "n => document.querySelectorAll('.cable-plotly.js-plotly-plot .main-svg').length >= n",
            arg=expected,
            timeout=30_000,
        )
    figures = visit.page.evaluate(_FIGURE_REPORT)
    for figure in figures:
        assert figure["drawn"], f"{figure['id']} did not draw"
        if "bar" in figure["types"]:
            assert figure["bars"] > 0, f"{figure['id']}: bar chart without bars"
        if {"scattergeo", "choropleth"} & set(figure["types"]):
            assert figure["geoPaths"] > 0 and figure["land"] > 1000, (
                f"{figure['id']}: map without land (world_110m not found offline?)"
            )
    return figures


@pytest.mark.parametrize("name", [*LESSONS, "harness_check"])
def test_lesson_page_draws_offline(browser, built_site: Path, name: str) -> None:
    page_path = built_site / "lessons" / f"{name}.html"
    assert page_path.is_file(), f"no page for {name}"
    visit = Visit(browser, page_path)
    try:
        figures = check_figures(visit)
        html = page_path.read_text(encoding="utf-8")
        placeholders = len(re.findall(r'class="cable-plotly"', html))
        assert len(figures) == placeholders
        if "cable-widget-static" in html:
            note = visit.page.locator(".cable-widget-note").first
            assert "interactive version" in note.inner_text()
        assert "Static edition" in visit.page.locator(".site-note").first.inner_text()
        # solutions: closed "Show the solution" disclosures, the answer visible only on request
        solutions = visit.page.locator("details.cable-solution")
        if name != "harness_check":
            assert solutions.count() >= 3, name
            first = solutions.first
            answer = first.locator(".model-answer")
            assert first.get_attribute("open") is None and not answer.is_visible()
            first.locator("summary").click()
            assert answer.is_visible() and "Model answer" in answer.inner_text()
        visit.assert_clean()
        print(f"\n[site] {name}: {len(figures)} figure(s), {len(visit.requests)} local requests")
    finally:
        visit.close()


def test_fixture_page_has_bars_and_a_map(browser, built_site: Path) -> None:
    visit = Visit(browser, built_site / "lessons" / "harness_check.html")
    try:
        figures = check_figures(visit)
        assert sorted(t for f in figures for t in f["types"]) == ["bar", "scattergeo"]
        assert sum(f["bars"] for f in figures) == 3  # Header, Body, Signature
        # the shared scripts were fetched from disk, once each
        for asset in ("assets/plotly.min.js", "assets/world_110m.js"):
            assert sum(url.endswith(asset) for url in visit.requests) == 1, asset
        visit.assert_clean()
    finally:
        visit.close()


def test_index_docs_and_glossary_open_offline(browser, built_site: Path) -> None:
    pages = [built_site / "index.html", built_site / "glossary.html"]
    pages += sorted((built_site / "docs").glob("*.html"))
    for path in pages:
        visit = Visit(browser, path)
        try:
            assert visit.page.locator("h1").count() >= 1, path.name
            visit.assert_clean()
        finally:
            visit.close()
    visit = Visit(browser, built_site / "index.html")
    try:
        for name in LESSONS:
            link = visit.page.locator(f'a[href="lessons/{name}.html"]')
            assert link.count() == 1, f"index does not link {name}"
    finally:
        visit.close()


def test_the_guard_sees_an_external_request(browser, tmp_path: Path) -> None:
    """The recorder can fail: a page that asks a CDN is caught and blocked."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="https://cdn.example.org/x.png"></body></html>')
    visit = Visit(browser, page)
    try:
        visit.page.wait_for_timeout(300)
        with pytest.raises(AssertionError, match="left the machine"):
            visit.assert_clean()
    finally:
        visit.close()


_OVERFLOW = """() => {
  const page = document.documentElement;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > page.clientWidth + 1
                  && !el.closest('[style*="overflow"], .cable-table-wrap, .jp-OutputArea-output, table, pre'))
    .slice(0, 5).map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60));
  return {scroll: page.scrollWidth, width: page.clientWidth, wide};
}"""


def test_every_page_fits_a_1366_px_screen(browser, built_site: Path) -> None:
    """No page of the static edition scrolls sideways at 1366×768 (a classroom laptop);
    wide tables and code scroll inside their own box instead."""
    pages = [built_site / "index.html", built_site / "glossary.html"]
    pages += sorted((built_site / "docs").glob("*.html"))
    pages += sorted((built_site / "lessons").glob("*.html"))
    assert any(p.name == "REMIXING.html" for p in pages)
    too_wide = {}
    for path in pages:
        visit = Visit(browser, path, viewport={"width": 1366, "height": 768})
        try:
            check_figures(visit)
            found = visit.page.evaluate(_OVERFLOW)
            if found["scroll"] > found["width"]:
                too_wide[path.name] = found
        finally:
            visit.close()
    assert not too_wide, too_wide
