"""Build the offline static edition of Cable Classroom: ``site/``.

Every lesson (``notebooks/NN_*.ipynb``) is executed headless with nbclient on its
default cable and exported to HTML. The site is read without installing anything
and without a network:

- ``index.html`` lists the lessons (title and first paragraph read from each
  notebook), the guides, the glossary and how to get the interactive version;
- ``lessons/<name>.html``: one page per notebook. Plotly figures stay interactive
  (zoom, hover): each becomes a ``<div>`` plus a ``Plotly.newPlot`` call that uses
  ONE shared ``assets/plotly.min.js`` (copied from the installed plotly package).
  Maps read their shapes from ``assets/world_110m.js`` (the topojson shipped in
  ``cable_utils/assets/``) through ``window.PlotlyGeoAssets``, so plotly.js never
  asks its CDN. Widgets are frozen: their saved state (``store_widget_state``) is
  drawn as plain, disabled HTML (figures inside them included), under a note that
  says they need the interactive version. No require.js, widget renderer, MathJax,
  Mermaid or web font is referenced;
- ``docs/<name>.html``: README and the Markdown guides it links (instructor guide,
  remixing guide, ...), rendered with the mistune that nbconvert bundles;
- ``glossary.html`` from ``data/glossary.csv``.

With ``--cable ID`` (``make html CABLE=ID``) every lesson runs on that cable
(its ``parameters`` cell set to ``CABLE_ID = "ID"``; cells tagged
``cable:08BAKU151`` left out), the banners say so, and the site gets
``worksheet.html``, the printable worksheet of the class set.

Usage::

    python tools/build_site.py --out site                  # every lesson
    python tools/build_site.py --out site --cable 10MOSCOW228   # a class set on another cable
    python tools/build_site.py --out /tmp/s --only 00      # lessons whose name starts with 00
    python tools/build_site.py --notebook tests/browser/fixtures/harness_check.ipynb

Exit status 1 if a notebook raised, a page references a remote script, style or
image, or the site exceeds its size budget (25 MB).
"""

from __future__ import annotations

import argparse
import copy
import csv
import html
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a checkout: use its cable_utils
    sys.path.insert(0, str(REPO))

from cable_utils.views.plots._style import PLOTLY_CONFIG  # noqa: E402
from cable_utils.widgets._common import SCRIPT_MARKER  # noqa: E402

NOTEBOOK_DIR = REPO / "notebooks"
GLOSSARY = REPO / "data" / "glossary.csv"
WORLD_110M = REPO / "cable_utils" / "assets" / "world_110m.json"
ALWAYS_DOCS = ("README.md", "notebooks/INSTRUCTOR_GUIDE.md", "REMIXING.md")
SIZE_BUDGET = 25 * 1024 * 1024
LESSON_PATTERN = re.compile(r"^\d\d[a-z]?_.+\.ipynb$")  # 00, 00b (the context primer), 01 …
SOLUTION_TAG = "solution"
#: Read by cable_utils.lessons.solutions in the kernels this build starts (same name there).
STATIC_EDITION_ENV = "CABLE_CLASSROOM_STATIC_EDITION"

PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
GEO_SCRIPT_MARKER = "PlotlyGeoAssets"
GEO_TRACES = {"scattergeo", "choropleth"}

INTERACTIVE_HOWTO = (
    "To use the widgets, get the repository and run <code>make lab</code>: it "
    "installs everything once and opens JupyterLab. Then open "
    "<code>notebooks/{notebook}</code> and choose <em>Run &rarr; Run All Cells</em>."
)

# A lab-template page with every remote reference taken out: no require.js, no
# widget renderer (widgets are drawn statically), no MathJax, no Mermaid.
PAGE_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}
<script src="{{ resources.site_root }}assets/plotly.min.js"></script>
{%- if resources.needs_geo %}
<script src="{{ resources.site_root }}assets/world_110m.js"></script>
{%- endif %}
{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block extra_css %}
<link rel="stylesheet" href="{{ resources.site_root }}assets/site.css">
{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
{{ resources.banner_html }}
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.footer_html }}
{{ super() }}
{% endblock body_footer %}
"""

SITE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.site-page { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
.site-nav { font-size: 0.95rem; padding: 0.5rem 1rem; border-bottom: 1px solid #ccc;
  background: #f5f5f5; }
.site-nav a { margin-right: 1rem; }
.site-note { border-left: 4px solid #E69F00; background: #fff8e6; padding: 0.5rem 1rem;
  margin: 0.75rem 1rem; }
.site-footer { margin: 2rem 1rem 1rem; font-size: 0.9rem; color: #333; }
.lesson-list li { margin-bottom: 1rem; }
table.glossary { border-collapse: collapse; }
table.glossary th, table.glossary td { border: 1px solid #bbb; padding: 0.3rem 0.5rem;
  vertical-align: top; text-align: left; }
.cable-solution > summary { cursor: pointer; font-weight: bold; margin: 0.3rem 0 0.3rem 1rem; }
.cable-widget-static { border: 1px dashed #0072B2; padding: 0.5rem; margin: 0.25rem 0; }
.cable-widget-note { font-size: 0.9rem; color: #333; margin: 0 0 0.5rem; }
.cable-w-vbox { display: flex; flex-direction: column; gap: 6px; }
.cable-w-hbox { display: flex; flex-flow: row wrap; gap: 8px; align-items: flex-start; }
.cable-w-control { display: inline-flex; gap: 6px; align-items: center; }
.cable-figure-summary { font-size: 0.9rem; color: #333; }
.cable-figure { min-height: 2rem; }
/* Every page fits a 1366 px screen: long code lines wrap, wide tables scroll inside
   themselves, never the page (tests/browser/test_site.py measures it). */
.site-page pre, .jp-RenderedHTMLCommon pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.site-page code { overflow-wrap: anywhere; }
.site-page table { display: block; max-width: 100%; overflow-x: auto; }
.site-page img, .jp-RenderedHTMLCommon img { max-width: 100%; height: auto; }
.jp-OutputArea-output { max-width: 100%; overflow-x: auto; }
.cable-plotly { max-width: 100%; }
.cable-card { border: 1px solid #8c8c8c; border-radius: 6px; padding: 8px 12px; margin: 6px 0; }
"""


# ------------------------------------------------------------------ notebooks


@dataclass
class Lesson:
    """One notebook of the site, as read before execution."""

    path: Path
    title: str
    summary_md: str

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def page(self) -> str:
        return f"lessons/{self.name}.html"


@dataclass
class PageReport:
    name: str
    seconds: float = 0.0
    figures: int = 0
    widgets: int = 0
    geo: bool = False
    errors: list[str] = field(default_factory=list)
    bytes: int = 0


def read_lesson(path: Path) -> Lesson:
    """Title (the H1) and the first prose paragraph of a notebook."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    markdown = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    title, summary = path.stem, ""
    h1 = re.search(r"^#\s+(.+?)\s*$", markdown, re.MULTILINE)
    if h1:
        title = h1.group(1).strip()
        markdown = markdown[h1.end() :]
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if block and not block.startswith(("#", "|", "-", "*   ", ">", "```", "<")):
            summary = block
            break
    return Lesson(path, title, summary)


def local_socket_kernel_manager() -> type:
    """A kernel manager class whose kernels talk over local sockets (IPC), not TCP.

    Over TCP every kernel prints "Kernel is running over TCP without encryption"
    to the build's output, once per lesson; over IPC the messages never leave the
    machine's file system, so the warning does not apply. Windows has no IPC
    transport in ZeroMQ: there the class keeps TCP (and the warning). Passed as
    ``kernel_manager_class``, so nbclient starts and shuts each kernel down itself.
    """
    import uuid

    from jupyter_client.manager import KernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    class LocalSocketKernelManager(KernelManager):
        @default("transport")
        def _local_transport(self) -> str:
            return "tcp" if os.name == "nt" else "ipc"

        @default("connection_file")
        def _absolute_connection_file(self) -> str:
            # Absolute: the sockets are named after it, so the kernel (running in the
            # notebook's folder) and this process open the same files.
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True)
            return str(runtime / f"kernel-{uuid.uuid4()}.json")

    return LocalSocketKernelManager


def execute(path: Path, timeout: int, cable_id: str | None = None) -> Any:
    """Run the notebook in its own folder and keep the widget state.

    With ``cable_id`` the lesson reads that cable, and cells about another cable are left out.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if cable_id is not None:
        from cable_utils.lessons.classset import cells_for_cable, set_lesson_cable

        nb.cells, _ = cells_for_cable(nb.cells, cable_id)
        set_lesson_cable(nb, cable_id)
    client = NotebookClient(
        nb,
        kernel_manager_class=local_socket_kernel_manager(),
        timeout=timeout,
        startup_timeout=60,
        kernel_name="python3",
        allow_errors=True,  # report every broken cell, then fail the build
        store_widget_state=True,
        resources={"metadata": {"path": str(path.resolve().parent)}},
    )
    client.execute()
    return nb


def error_outputs(nb: Any) -> list[str]:
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
    return found


# ------------------------------------------------------------------ static outputs


def _script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element."""
    return json.dumps(value, separators=(",", ":")).replace("</", "<\\/")


def is_geo_figure(payload: dict[str, Any]) -> bool:
    traces = payload.get("data") or []
    return any(str(t.get("type", "")).lower() in GEO_TRACES for t in traces) or any(
        key.startswith("geo") for key in (payload.get("layout") or {})
    )


class StaticRenderer:
    """Turns plotly and widget outputs of one executed notebook into plain HTML."""

    def __init__(self, nb: Any, page_id: str) -> None:
        saved = nb.metadata.get("widgets", {}).get(WIDGET_STATE_MIME, {})
        self.models: dict[str, Any] = saved.get("state", {})
        self.page_id = re.sub(r"[^A-Za-z0-9_-]", "-", page_id)
        self.figures = 0
        self.widgets = 0
        self.needs_geo = False

    # -- figures ------------------------------------------------------------

    def figure_html(self, payload: dict[str, Any], summary: str = "") -> str:
        self.figures += 1
        if is_geo_figure(payload):
            self.needs_geo = True
        div_id = f"{self.page_id}-figure-{self.figures}"
        # The collection's toolbar (no logo, no "Share chart" upload) whatever the figure says.
        config = {"responsive": True, **(payload.get("config") or {}), **PLOTLY_CONFIG}
        caption = (
            f'<p class="cable-figure-summary">{html.escape(summary)}</p>' if summary.strip() else ""
        )
        return (
            f'<div class="cable-figure"><div id="{div_id}" class="cable-plotly"></div>'
            f"<script>Plotly.newPlot({json.dumps(div_id)}, "
            f"{_script_json(payload.get('data', []))}, "
            f"{_script_json(payload.get('layout', {}))}, {_script_json(config)});</script>"
            f"{caption}</div>"
        )

    # -- notebook outputs ---------------------------------------------------

    def convert_outputs(self, outputs: list[Any]) -> list[Any]:
        """Outputs of one cell, with plotly, widget and map-data outputs made static."""
        converted = []
        for output in outputs:
            data = output.get("data")
            if output.get("output_type") not in ("display_data", "execute_result") or not data:
                converted.append(output)
                continue
            if self._is_geo_script(data):
                self.needs_geo = True  # the shared assets/world_110m.js replaces it
                continue
            new_html = None
            if PLOTLY_MIME in data:
                new_html = self.figure_html(data[PLOTLY_MIME], self._summary(data))
            elif WIDGET_VIEW_MIME in data:
                new_html = self.frozen_widget(data[WIDGET_VIEW_MIME].get("model_id", ""))
            if new_html is None:
                converted.append(output)
                continue
            output = copy.deepcopy(output)
            output["data"] = {"text/html": new_html}
            converted.append(output)
        return converted

    @staticmethod
    def _is_classroom_script(data: dict[str, Any]) -> bool:
        """The panels' keyboard helper: it has nothing to do on a static page."""
        script = data.get("application/javascript")
        return isinstance(script, str) and SCRIPT_MARKER in script

    @staticmethod
    def _is_geo_script(data: dict[str, Any]) -> bool:
        script = data.get("application/javascript")
        return isinstance(script, str) and GEO_SCRIPT_MARKER in script

    @staticmethod
    def _summary(data: dict[str, Any]) -> str:
        text = data.get("text/plain", "")
        text = "".join(text) if isinstance(text, list) else str(text)
        return "" if text.startswith(("<", "Figure(")) else text

    # -- widgets ------------------------------------------------------------

    def frozen_widget(self, model_id: str) -> str:
        self.widgets += 1
        note = (
            '<p class="cable-widget-note"><strong>Frozen widget.</strong> This is how the '
            "widget looked when the lesson was run; it does not respond here. "
            "It needs the interactive version (<code>make lab</code>).</p>"
        )
        return f'<div class="cable-widget-static">{note}{self.widget_html(model_id, set())}</div>'

    def _state(self, ref: Any) -> dict[str, Any]:
        model_id = str(ref or "").removeprefix("IPY_MODEL_")
        return self.models.get(model_id, {}).get("state", {})

    def _hidden(self, state: dict[str, Any]) -> bool:
        layout = self._state(state.get("layout"))
        return layout.get("display") == "none" or layout.get("visibility") == "hidden"

    def widget_html(self, ref: Any, seen: set[str]) -> str:
        model_id = str(ref or "").removeprefix("IPY_MODEL_")
        model = self.models.get(model_id)
        if model is None or model_id in seen:
            return '<p class="cable-widget-note">(widget state not saved)</p>'
        seen = seen | {model_id}
        state = model.get("state", {})
        if self._hidden(state):
            return ""
        name = str(model.get("model_name") or state.get("_model_name", ""))
        label = state.get("description") or ""
        label_html = f"<label>{html.escape(str(label))}</label> " if label else ""
        if name in ("VBoxModel", "BoxModel", "GridBoxModel", "HBoxModel"):
            css = "cable-w-hbox" if name == "HBoxModel" or self._is_row(state) else "cable-w-vbox"
            inner = "".join(self.widget_html(c, seen) for c in state.get("children", []))
            return f'<div class="{css}">{inner}</div>'
        if name in ("AccordionModel", "TabModel", "StackModel"):
            titles = list(state.get("titles") or [])
            parts = []
            for index, child in enumerate(state.get("children", [])):
                title = titles[index] if index < len(titles) and titles[index] else ""
                heading = f"<h5>{html.escape(str(title))}</h5>" if title else ""
                parts.append(f"<div>{heading}{self.widget_html(child, seen)}</div>")
            return f'<div class="cable-w-vbox">{"".join(parts)}</div>'
        if name in ("HTMLModel", "HTMLMathModel"):
            # HTML values are built by cable_utils, which escapes cable and user text.
            return f"<div>{label_html}{state.get('value', '')}</div>"
        if name == "LabelModel":
            return f"<span>{html.escape(str(state.get('value', '')))}</span>"
        if name == "OutputModel":
            return f"<div>{self.output_area_html(state.get('outputs', []))}</div>"
        if name == "ButtonModel":
            return f"<button disabled>{html.escape(str(label))}</button>"
        if "_options_labels" in state:
            return self._choice_html(name, state, label_html)
        if name in ("CheckboxModel", "ToggleButtonModel", "ValidModel"):
            checked = " checked" if state.get("value") else ""
            return (
                f'<span class="cable-w-control"><input type="checkbox" disabled{checked}>'
                f"{html.escape(str(label))}</span>"
            )
        if name in ("TextareaModel",):
            return (
                f'<span class="cable-w-control">{label_html}<textarea disabled rows="3" cols="50">'
                f"{html.escape(str(state.get('value', '')))}</textarea></span>"
            )
        if "value" in state:
            value = state.get("value")
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            return (
                f'<span class="cable-w-control">{label_html}<input type="text" disabled '
                f'value="{html.escape(shown)}" size="{max(10, min(60, len(shown) + 2))}"></span>'
            )
        return f"<span>[{html.escape(name.removesuffix('Model') or 'widget')}]</span>"

    def _is_row(self, state: dict[str, Any]) -> bool:
        layout = self._state(state.get("layout"))
        return str(layout.get("flex_flow") or "").startswith("row")

    @staticmethod
    def _choice_html(name: str, state: dict[str, Any], label_html: str) -> str:
        labels = [str(x) for x in state.get("_options_labels", [])]
        index = state.get("index")
        selected = set(index) if isinstance(index, list) else {index}
        if name == "ToggleButtonsModel":
            buttons = "".join(
                f'<button disabled aria-pressed="{"true" if i in selected else "false"}"'
                f"{' style=font-weight:bold' if i in selected else ''}>{html.escape(text)}</button>"
                for i, text in enumerate(labels)
            )
            return f'<span class="cable-w-control">{label_html}{buttons}</span>'
        multiple = " multiple" if name == "SelectMultipleModel" else ""
        options = "".join(
            f"<option{' selected' if i in selected else ''}>{html.escape(text)}</option>"
            for i, text in enumerate(labels)
        )
        select = f"<select disabled{multiple}>{options}</select>"
        return f'<span class="cable-w-control">{label_html}{select}</span>'

    def output_area_html(self, outputs: list[Any]) -> str:
        """The outputs of an Output widget, drawn as plain HTML."""
        parts = []
        for output in outputs:
            kind = output.get("output_type")
            if kind == "stream":
                parts.append(f"<pre>{html.escape(str(output.get('text', '')))}</pre>")
                continue
            if kind == "error":
                text = f"{output.get('ename')}: {output.get('evalue')}"
                parts.append(f"<pre>{html.escape(text)}</pre>")
                continue
            data = output.get("data") or {}
            if self._is_geo_script(data):
                self.needs_geo = True
            elif self._is_classroom_script(data):
                continue
            elif PLOTLY_MIME in data:
                parts.append(self.figure_html(data[PLOTLY_MIME], self._summary(data)))
            elif WIDGET_VIEW_MIME in data:
                parts.append(self.widget_html(data[WIDGET_VIEW_MIME].get("model_id"), set()))
            elif "text/html" in data:
                value = data["text/html"]
                parts.append("".join(value) if isinstance(value, list) else str(value))
            elif "image/png" in data:
                parts.append(f'<img alt="figure" src="data:image/png;base64,{data["image/png"]}">')
            elif "text/markdown" in data:
                parts.append(markdown_html(str(data["text/markdown"])))
            elif "text/plain" in data:
                value = data["text/plain"]
                value = "".join(value) if isinstance(value, list) else str(value)
                parts.append(f"<pre>{html.escape(value)}</pre>")
        return "".join(parts)


# ------------------------------------------------------------------ pages


def markdown_html(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def nav_html(root: str, previous: Lesson | None = None, following: Lesson | None = None) -> str:
    links = [
        f'<a href="{root}index.html">Cable Classroom: all lessons</a>',
        f'<a href="{root}glossary.html">Glossary</a>',
    ]
    if previous:
        links.append(f'<a href="{root}{previous.page}">&larr; {html.escape(previous.name)}</a>')
    if following:
        links.append(f'<a href="{root}{following.page}">{html.escape(following.name)} &rarr;</a>')
    return f'<nav class="site-nav" aria-label="Site">{"".join(links)}</nav>'


def lesson_banner(
    lesson: Lesson, root: str, prev_next: tuple[Any, Any], cable_id: str = "08BAKU151"
) -> str:
    howto = INTERACTIVE_HOWTO.format(notebook=html.escape(lesson.path.name))
    note = (
        '<div class="site-note" role="note"><strong>Static edition.</strong> This page was '
        f"produced by running the notebook on cable {html.escape(cable_id)}. Figures respond "
        "(zoom, hover); "
        "widgets are shown frozen as they were after the run, and self-checks show the "
        f"feedback to the answers written in the notebook. {howto}</div>"
    )
    return nav_html(root, *prev_next) + note


def rewrite_links(page: str, source_dir: Path, page_dir: Path, targets: dict[Path, Path]) -> str:
    """Point links at repository files to their site pages; unlink what the site lacks.

    ``targets`` maps a repository file (resolved) to the site file that shows it.
    Links with a scheme (https:, mailto:) and in-page anchors are left alone.
    """

    def fix(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith(("#", "/")):
            return match.group(0)
        path_part, _, anchor = href.partition("#")
        target = targets.get((source_dir / path_part).resolve())
        if target is None:
            return f'{match.group(1)}title="file in the repository: {html.escape(path_part)}"'
        relative = os.path.relpath(target, page_dir).replace(os.sep, "/")
        return f'{match.group(1)}href="{html.escape(relative + ("#" + anchor if anchor else ""))}"'

    return re.sub(r'(<a\s[^>]*?)href="([^"]*)"', fix, page)


def simple_page(title: str, body: str, root: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}assets/site.css">\n</head>\n<body>\n'
        f'{nav_html(root)}\n<main class="site-page">\n{body}\n</main>\n</body>\n</html>\n'
    )


def index_page(
    lessons: list[Lesson], docs: dict[Path, tuple[str, str]], cable_id: str | None = None
) -> str:
    items = []
    for lesson in lessons:
        summary = markdown_html(lesson.summary_md) if lesson.summary_md else ""
        items.append(
            f'<li><a href="{lesson.page}"><strong>{html.escape(lesson.name)}</strong>: '
            f"{html.escape(lesson.title)}</a>{summary}"
            f"<small>Notebook: <code>notebooks/{html.escape(lesson.path.name)}</code></small></li>"
        )
    doc_items = "".join(
        f'<li><a href="{page}">{html.escape(title)}</a></li>' for page, title in docs.values()
    )
    the_cable = html.escape(cable_id or "08BAKU151")
    doc_items += (
        f'<li><a href="worksheet.html">Worksheet for {the_cable}</a>: the exercises with space '
        "for the answers, to print or save as PDF</li>"
    )
    class_set = (
        f'<div class="site-note" role="note"><strong>A class set for {the_cable}.</strong> '
        f"Every lesson in this edition was run on cable {the_cable}; passages written about "
        "08BAKU151 are left out.</div>"
        if cable_id and cable_id != "08BAKU151"
        else ""
    )
    body = f"""
<h1>Cable Classroom: the static edition</h1>
<p>Lessons that teach how to read a diplomatic cable as a historical source, built
around U.S. Embassy Baku's cable 08BAKU151 (19 February 2008) as published by WikiLeaks.
This edition needs no installation and no network: open any page in a browser.</p>
<div class="site-note" role="note"><strong>What works here and what does not.</strong>
Every page shows a lesson as it looked after running it. Figures are live: zoom, pan
and hover over them. Widgets (dropdowns, buttons, self-check boxes) are frozen and do
not respond: they need the interactive version.</div>
{class_set}
<h2>Lessons</h2>
<ol class="lesson-list">{"".join(items)}</ol>
<h2>Guides</h2>
<ul>{doc_items}<li><a href="glossary.html">Glossary of cable terms</a></li></ul>
<h2>The interactive version</h2>
<p>To run the lessons, change the cable, use the widgets and check your answers:</p>
<ol>
<li>Get the repository (a copy of its folder is enough) on a computer with Python 3.11
or newer and <code>make</code>.</li>
<li>In that folder run <code>make lab</code>. The first run creates <code>.venv</code>
and installs the pinned packages (a few minutes, the only time a network is needed);
then JupyterLab opens on <code>notebooks/00_start_here.ipynb</code>.</li>
<li>Open a lesson and choose <em>Run &rarr; Run All Cells</em>.</li>
</ol>
<p>Rebuild this edition with <code>make html</code>.</p>
"""
    return simple_page("Cable Classroom: the static edition", body, "")


def glossary_page() -> str:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda row: row.get("term", "").lower())
    body_rows = []
    for row in rows:
        term = row.get("term", "")
        anchor = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
        body_rows.append(
            f'<tr id="{html.escape(anchor)}"><th scope="row">{html.escape(term)}</th>'
            f"<td>{html.escape(row.get('definition', ''))}</td>"
            f"<td>{html.escape(row.get('see_also', ''))}</td>"
            f"<td>{html.escape(row.get('source', ''))}</td></tr>"
        )
    body = (
        "<h1>Glossary</h1>\n<p>The terms of cable writing and handling used in the lessons, "
        f"from <code>data/glossary.csv</code> ({len(rows)} terms).</p>\n"
        '<table class="glossary"><thead><tr><th scope="col">Term</th><th scope="col">'
        'Definition</th><th scope="col">See also</th><th scope="col">Source</th></tr></thead>'
        f"<tbody>{''.join(body_rows)}</tbody></table>"
    )
    return simple_page("Glossary: Cable Classroom", body, "")


def linked_docs() -> list[Path]:
    """README, the Markdown files it links, and the guides the site always carries."""
    readme = REPO / "README.md"
    found: list[Path] = []
    names = list(ALWAYS_DOCS)
    if readme.is_file():
        names += re.findall(r"\]\(([^)#\s:]+\.md)(?:#[^)]*)?\)", readme.read_text(encoding="utf-8"))
    for name in names:
        path = (REPO / name).resolve()
        if path.is_file() and REPO in path.parents and path not in found:
            found.append(path)
    return found


def doc_title(text: str, fallback: str) -> str:
    heading = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
    return heading.group(1).strip() if heading else fallback


# ------------------------------------------------------------------ build


def export_lesson(
    nb: Any, lesson: Lesson, prev_next: tuple[Any, Any], cable_id: str = "08BAKU151"
) -> tuple[str, Any]:
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    renderer = StaticRenderer(nb, lesson.name)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = renderer.convert_outputs(cell.get("outputs", []))
            if any(tag.startswith("cable:") for tag in cell.metadata.get("tags", [])):
                # a passage about one cable, rendered by cable_box(): show the passage only
                cell.transient = {"remove_source": True}
    nb.metadata.pop("widgets", None)  # drawn statically above; no widget renderer needed
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"cable_site.html.j2": PAGE_TEMPLATE})],
        template_file="cable_site.html.j2",
    )
    resources = {
        "site_root": "../",
        "needs_geo": renderer.needs_geo,
        "banner_html": lesson_banner(lesson, "../", prev_next, cable_id),
        "footer_html": (
            '<p class="site-footer">Cable Classroom, static edition. '
            + INTERACTIVE_HOWTO.format(notebook=html.escape(lesson.path.name))
            + "</p>"
        ),
        "metadata": {"name": lesson.title},
    }
    # A solution cell's source is only `solution("04.1", cable)`; its output is the
    # closed "Show the solution" <details> (see cable_utils.lessons.solutions).
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_input_tags={SOLUTION_TAG}, enabled=True), enabled=True
    )
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body, renderer


REMOTE_REF = re.compile(
    r"<(script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*[\"']?"
    r"((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)
REMOTE_CSS = re.compile(r"(?:@import\s+(?:url\()?|url\()\s*[\"']?((?:https?:)?//[^\"')\s]+)")


def remote_references(page: str) -> list[str]:
    """URLs that a browser would fetch from another machine when opening ``page``."""
    found = [m.group(2) for m in REMOTE_REF.finditer(page)]
    found += [m.group(1) for m in REMOTE_CSS.finditer(page)]
    return found


def write_assets(out: Path) -> None:
    import plotly

    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                    assets / "plotly.min.js")  # fmt: skip
    world = json.loads(WORLD_110M.read_text(encoding="utf-8"))
    (assets / "world_110m.js").write_text(
        "// world_110m topojson from plotly.js (MIT), shipped in cable_utils/assets/.\n"
        "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};\n"
        "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};\n"
        f"window.PlotlyGeoAssets.topojson.world_110m = {_script_json(world)};\n",
        encoding="utf-8",
    )
    (assets / "site.css").write_text(SITE_CSS.lstrip(), encoding="utf-8")


def select_notebooks(only: list[str], extra: list[str]) -> list[Path]:
    lessons = sorted(p for p in NOTEBOOK_DIR.glob("*.ipynb") if LESSON_PATTERN.match(p.name))
    if only:
        lessons = [p for p in lessons if any(p.stem.startswith(prefix) for prefix in only)]
    return lessons + [Path(p).resolve() for p in extra]


def site_size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def build(
    out: Path, notebooks: list[Path], timeout: int = 300, cable_id: str | None = None
) -> list[PageReport]:
    """Build the whole site into ``out`` (emptied first); return one report per lesson."""
    os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")  # kernels inherit it
    # Kernels started from here render solutions as <details> disclosures, not buttons;
    # the variable is put back afterwards, so a caller's own kernels are not affected.
    previous = os.environ.get(STATIC_EDITION_ENV)
    os.environ[STATIC_EDITION_ENV] = "1"
    try:
        return _build(out, notebooks, timeout, cable_id)
    finally:
        if previous is None:
            os.environ.pop(STATIC_EDITION_ENV, None)
        else:
            os.environ[STATIC_EDITION_ENV] = previous


def _build(
    out: Path, notebooks: list[Path], timeout: int, cable_id: str | None = None
) -> list[PageReport]:
    if out.exists():
        shutil.rmtree(out)
    (out / "lessons").mkdir(parents=True)
    (out / "docs").mkdir()
    write_assets(out)

    lessons = [read_lesson(p) for p in notebooks]
    targets: dict[Path, Path] = {l.path.resolve(): out / l.page for l in lessons}  # noqa: E741
    docs: dict[Path, tuple[str, str]] = {}
    for doc in linked_docs():
        text = doc.read_text(encoding="utf-8")
        page = f"docs/{doc.stem}.html"
        docs[doc] = (page, doc_title(text, doc.stem))
        targets[doc] = out / page
    if GLOSSARY.is_file():
        targets[GLOSSARY.resolve()] = out / "glossary.html"

    reports = []
    for index, lesson in enumerate(lessons):
        report = PageReport(lesson.name)
        started = time.perf_counter()
        nb = execute(lesson.path, timeout, cable_id)
        report.seconds = time.perf_counter() - started
        report.errors = error_outputs(nb)
        prev_next = (
            lessons[index - 1] if index > 0 else None,
            lessons[index + 1] if index + 1 < len(lessons) else None,
        )
        page, renderer = export_lesson(nb, lesson, prev_next, cable_id or "08BAKU151")
        page = rewrite_links(page, lesson.path.parent, out / "lessons", targets)
        target = out / lesson.page
        target.write_text(page, encoding="utf-8")
        report.figures, report.widgets, report.geo = (
            renderer.figures, renderer.widgets, renderer.needs_geo,
        )  # fmt: skip
        report.bytes = target.stat().st_size
        reports.append(report)
        print(
            f"  {lesson.name:32} {report.seconds:5.1f} s  {report.figures:2} figures  "
            f"{report.widgets:2} widgets  {report.bytes / 1024:7.0f} KB"
            + (f"  {len(report.errors)} ERROR(S)" if report.errors else ""),
            flush=True,
        )

    for doc, (page, title) in docs.items():
        body = markdown_html(doc.read_text(encoding="utf-8"))
        body = rewrite_links(body, doc.parent, out / "docs", targets)
        (out / page).write_text(simple_page(title, body, "../"), encoding="utf-8")
    (out / "index.html").write_text(index_page(lessons, docs, cable_id), encoding="utf-8")
    (out / "worksheet.html").write_text(worksheet_page(lessons, cable_id), encoding="utf-8")
    if GLOSSARY.is_file():
        (out / "glossary.html").write_text(glossary_page(), encoding="utf-8")
    return reports


def worksheet_page(lessons: list[Lesson], cable_id: str | None) -> str:
    """The class set's printable worksheet (cable_utils.lessons.classset)."""
    from cable_utils.lessons.classset import checked_class_cable, worksheet_html

    titles = {
        lesson.name[:2]: re.sub(r"^Lesson \d\d\s*·\s*", "", lesson.title)
        for lesson in lessons
        if re.match(r"^\d\d_", lesson.name)
    }
    return worksheet_html(checked_class_cable(cable_id or "08BAKU151"), lesson_titles=titles)


def check_site(out: Path, reports: list[PageReport]) -> list[str]:
    problems = []
    for report in reports:
        shown = report.errors[:3]  # the first errors explain the rest (NameErrors follow)
        problems += [f"{report.name}: {error}" for error in shown]
        if len(report.errors) > len(shown):
            problems.append(f"{report.name}: ... {len(report.errors) - len(shown)} more error(s)")
    for page in sorted(out.rglob("*.html")):
        for url in remote_references(page.read_text(encoding="utf-8")):
            problems.append(f"{page.relative_to(out)} references a remote resource: {url}")
    size = site_size(out)
    if size > SIZE_BUDGET:
        problems.append(f"site is {size / 1e6:.1f} MB, over the {SIZE_BUDGET / 1e6:.1f} MB budget")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "site"), help="output folder (emptied)")
    parser.add_argument(
        "--only", action="append", default=[], metavar="PREFIX",
        help="only lessons whose name starts with PREFIX (repeatable), e.g. --only 00",
    )  # fmt: skip
    parser.add_argument(
        "--notebook", action="append", default=[], metavar="PATH",
        help="also build this notebook (repeatable), e.g. a test fixture",
    )  # fmt: skip
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    parser.add_argument(
        "--cable", default=None, metavar="ID",
        help="run every lesson on this cable: a class set (make html CABLE=ID)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    cable_id = args.cable.strip() if args.cable and args.cable.strip() else None
    if cable_id is not None:
        from cable_utils.errors import CableError
        from cable_utils.lessons.classset import checked_class_cable

        try:  # before the output folder is emptied
            cable_id = checked_class_cable(cable_id).id or cable_id
        except CableError as error:
            parser.error(str(error))

    out = Path(args.out).resolve()
    if out == REPO or out in REPO.parents:
        parser.error(f"refusing to empty {out}")
    notebooks = select_notebooks(args.only, args.notebook)
    if not notebooks:
        parser.error("no notebook selected")
    started = time.perf_counter()
    print(f"building {out} from {len(notebooks)} notebook(s)", flush=True)
    reports = build(out, notebooks, args.timeout, cable_id)
    problems = check_site(out, reports)
    print(
        f"site: {sum(1 for _ in out.rglob('*.html'))} pages, {site_size(out) / 1e6:.1f} MB, "
        f"{time.perf_counter() - started:.1f} s"
    )
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
