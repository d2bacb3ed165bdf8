"""The static edition (tools/build_site.py): a quick build of lesson 00 plus the
browser-harness fixture (a bar chart, a map and a widget), checked without a browser.

The browser checks (figures draw, no request leaves the machine) are in
tests/browser/test_site.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "browser" / "fixtures" / "harness_check.ipynb"
LESSON_00 = REPO / "notebooks" / "00_start_here.ipynb"
BUDGET = 25 * 1024 * 1024


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_site", REPO / "tools" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_site", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build_site = _load_builder()


class _Tags(HTMLParser):
    """Every (tag, attrs) of a page, plus the text of inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        self._in_script = tag == "script" and "src" not in attributes

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_scripts.append(data)


def parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def h1_of(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+?)\s*$", cell.source, re.MULTILINE)
            if match:
                return match.group(1)
    raise AssertionError(f"{notebook} has no H1")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    status = build_site.main(["--out", str(out), "--only", "00", "--notebook", str(FIXTURE)])
    assert status == 0, "build_site reported problems (see captured stderr)"
    return out


pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def test_index_lists_the_built_lessons_with_their_titles(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    hrefs = {attrs.get("href") for tag, attrs in parse(site / "index.html").tags if tag == "a"}
    for notebook in (LESSON_00, FIXTURE):
        assert f"lessons/{notebook.stem}.html" in hrefs
        assert (site / "lessons" / f"{notebook.stem}.html").is_file()
        title = h1_of(notebook)
        assert title.replace("'", "&#x27;") in index or title in index, title
    assert "make lab" in index  # how to get the interactive version
    assert 'href="glossary.html"' in index


def test_index_summary_is_read_from_the_notebook(site: Path) -> None:
    # The first prose paragraph of 00 names the cable; the index must carry it.
    first = build_site.read_lesson(LESSON_00).summary_md
    assert "08BAKU151" in first
    assert "08BAKU151" in (site / "index.html").read_text(encoding="utf-8")


def test_plotly_js_is_served_once_and_never_embedded(site: Path) -> None:
    import plotly

    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    asset = site / "assets" / "plotly.min.js"
    assert asset.read_bytes() == shipped.read_bytes()
    assert len(list(site.rglob("plotly*.js"))) == 1
    for page in (site / "lessons").glob("*.html"):
        tags = parse(page)
        sources = [a["src"] for t, a in tags.tags if t == "script" and "src" in a]
        assert sources.count("../assets/plotly.min.js") == 1, page.name
        assert page.stat().st_size < 1_500_000, f"{page.name}: plotly.js embedded?"
        assert all(len(s) < 200_000 for s in tags.inline_scripts), page.name


def test_figures_become_plotly_calls_and_map_data_is_shared(site: Path) -> None:
    page = site / "lessons" / "harness_check.html"
    text = page.read_text(encoding="utf-8")
    tags = parse(page)
    calls = [s for s in tags.inline_scripts if "Plotly.newPlot(" in s]
    assert len(calls) == 2  # the fixture draws a bar chart and a map
    assert "application/vnd.plotly.v1+json" not in text
    assert any('"scattergeo"' in s for s in calls)
    sources = [a["src"] for t, a in tags.tags if t == "script" and "src" in a]
    assert "../assets/world_110m.js" in sources
    assert "PlotlyGeoAssets.topojson = " not in text.replace("window.PlotlyGeoAssets.topojson", "")
    world = (site / "assets" / "world_110m.js").read_text(encoding="utf-8")
    assert "window.PlotlyGeoAssets" in world and '"type":"Topology"' in world


def test_widgets_are_frozen_with_a_note(site: Path) -> None:
    text = (site / "lessons" / "harness_check.html").read_text(encoding="utf-8")
    assert "needs the interactive version" in text
    plain = re.sub(r"<[^>]+>", "", text)
    assert "Selected: Baku" in plain  # the HTML view as it was after the run
    assert re.search(r"<select disabled[^>]*>\s*<option selected[^>]*>Baku</option>", text)
    assert "application/vnd.jupyter.widget-view+json" not in text
    assert "widget-state+json" not in text


def test_no_remote_script_style_or_image(site: Path) -> None:
    for page in site.rglob("*.html"):
        tags = parse(page)
        for tag, attrs in tags.tags:
            if tag in ("script", "link", "img", "iframe", "source"):
                for name in ("src", "href"):
                    value = attrs.get(name, "")
                    assert not urlsplit(value).netloc and not value.startswith("//"), (
                        f"{page.relative_to(site)}: <{tag} {name}={value}>"
                    )
        text = page.read_text(encoding="utf-8").lower()
        for word in ("require.js", "mathjax", "unpkg.com", "cdn.jsdelivr", "fonts.googleapis"):
            assert word not in text, f"{page.relative_to(site)} mentions {word}"


def test_relative_links_and_sources_resolve(site: Path) -> None:
    for page in site.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            for name in ("href", "src"):
                value = attrs.get(name)
                if not value or tag not in ("a", "script", "link", "img"):
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                assert target.is_file(), f"{page.relative_to(site)}: broken {name}={value}"


def test_docs_and_glossary_are_rendered(site: Path) -> None:
    docs = {p.name for p in (site / "docs").glob("*.html")}
    assert "README.html" in docs
    for name in ("REMIXING.md", "notebooks/INSTRUCTOR_GUIDE.md"):
        if (REPO / name).is_file():
            assert f"{Path(name).stem}.html" in docs
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    import csv

    with (REPO / "data" / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert glossary.count("<tr id=") == len(rows)
    assert "DTG" in glossary


def test_site_fits_the_size_budget(site: Path) -> None:
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert size <= BUDGET, f"{size / 1e6:.1f} MB"


def test_static_widget_text_is_escaped() -> None:
    nb = nbformat.v4.new_notebook()
    state = {
        "a": {"model_name": "LabelModel", "state": {"value": "<b>x</b>"}},
        "b": {
            "model_name": "DropdownModel",
            "state": {"_options_labels": ["<one>", "two"], "index": 1, "description": "D&D"},
        },
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_a", "IPY_MODEL_b"]}},
    }
    nb.metadata["widgets"] = {build_site.WIDGET_STATE_MIME: {"state": state}}
    rendered = build_site.StaticRenderer(nb, "t").frozen_widget("box")
    assert "&lt;b&gt;x&lt;/b&gt;" in rendered and "<b>x</b>" not in rendered
    assert "<option>&lt;one&gt;</option><option selected>two</option>" in rendered
    assert "D&amp;D" in rendered


def test_remote_reference_detector_catches_cdn_tags() -> None:
    page = (
        '<script src="https://cdn.plot.ly/plotly.js"></script>'
        "<link rel=stylesheet href='//fonts.example/x.css'><style>@import url(https://a/b.css)</style>"
        '<a href="https://example.org">fine: a link is not a request</a>'
    )
    found = build_site.remote_references(page)
    assert found == ["https://cdn.plot.ly/plotly.js", "//fonts.example/x.css", "https://a/b.css"]


def test_figure_payload_is_safe_inside_a_script() -> None:
    nb = nbformat.v4.new_notebook()
    renderer = build_site.StaticRenderer(nb, "p")
    snippet = renderer.figure_html({"data": [{"type": "bar", "name": "</script><b>"}]})
    assert "</script><b>" not in snippet
    payload = snippet.split("Plotly.newPlot(", 1)[1]
    assert json.loads(payload.split(", ", 2)[1].replace("<\\/", "</"))[0]["name"] == "</script><b>"


def test_solutions_are_closed_disclosures_with_the_model_answer(site: Path) -> None:
    page = (site / "lessons" / f"{LESSON_00.stem}.html").read_text(encoding="utf-8")
    disclosures = re.findall(
        r"<details\b[^>]*class=\"cable-solution\"[^>]*>(.*?)</details>", page, re.S
    )
    nb = nbformat.read(LESSON_00, as_version=4)
    solved = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert solved and len(disclosures) == len(solved)
    assert not re.search(r"<details\b[^>]*\bopen\b[^>]*class=\"cable-solution\"", page)
    for body in disclosures:
        assert "<summary>Show the solution to 00." in body and "Model answer" in body
    # the 00.2 model answer is inside its disclosure, never outside one
    outside = re.sub(r"<details\b.*?</details>", "", page, flags=re.S)
    assert "the paragraphs are numbered 1, 2, 3, 4, 5" in page
    assert "the paragraphs are numbered" not in outside
    assert "solution(&quot;00." not in page and 'solution("00.' not in page  # no cell source


def test_the_build_prints_no_kernel_transport_warning(tmp_path: Path) -> None:
    """Kernels talk to the build over local sockets: no "running over TCP" warning per lesson."""
    import subprocess

    command = [sys.executable, str(REPO / "tools" / "build_site.py"), "--out",
               str(tmp_path / "site"), "--only", "no-lesson", "--notebook", str(FIXTURE)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    printed = result.stdout + result.stderr
    assert "harness_check" in printed  # the notebook was built: the check means something
    assert "TCP" not in printed and "WARNING" not in printed, printed[-2000:]
