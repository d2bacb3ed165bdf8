"""The shared look of every figure: palette, second cues, titles, offline maps."""

from __future__ import annotations

import json
import math
import textwrap
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from ..render import OKABE_ITO

__all__ = [
    "JSONFigure",
    "MARKER_SYMBOLS",
    "OKABE_ITO_SEQUENCE",
    "PATTERN_SHAPES",
    "accessible_layout",
    "as_lesson_figure",
    "PLOTLY_CONFIG",
    "figure_scale",
    "mark_day",
    "plotly_bundle",
    "scaled_for_display",
    "set_figure_scale",
    "spread_labels",
    "stagger_labels",
    "trace",
    "offline_geo_script",
    "world_topojson",
]

#: Okabe–Ito colours in their usual order (black left out: it is reserved for text).
OKABE_ITO_SEQUENCE = list(OKABE_ITO.values())
#: Bar patterns: a second cue beside colour (plotly ``marker.pattern.shape``).
PATTERN_SHAPES = ["", "/", ".", "x", "\\", "+", "-", "|"]
#: The toolbar of every figure: no plotly logo, and no button that uploads a chart to
#: a cloud service in an offline tool. plotly.js 4 shows "Share chart..."
#: (``sendChartToCloud``) unless ``showSendToCloud`` is off; older names are removed too.
PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "plotlyServerURL": "",
    "modeBarButtonsToRemove": ["sendChartToCloud", "sendDataToCloud", "editInChartStudio"],
}
#: Marker symbols: a second cue for scatter and map points.
MARKER_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]


#: A small white template. ``template="plotly_white"`` copies and validates plotly's
#: whole template on every figure (14–33 ms each, measured in benchmarks/results.md),
#: which made widget callbacks slow; these few settings give the same look.
_AXIS_STYLE = {
    "gridcolor": "#E5E5E5",
    "linecolor": "#444444",
    "ticks": "outside",
    "zeroline": False,
    "automargin": True,
}
LIGHT_TEMPLATE: dict[str, Any] = {
    "layout": {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": _AXIS_STYLE,
        "yaxis": _AXIS_STYLE,
        "hoverlabel": {"font": {"size": 14}},
    }
}


def _json_value(value: Any) -> Any:
    """What plotly's JSON encoder writes for the non-JSON values figures hold."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy arrays and scalars, pandas Series
        return value.tolist()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"a figure holds a {type(value).__name__}, which is not JSON: {value!r}")


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float (also in numpy arrays) made None."""
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [_finite(v) for v in items] if isinstance(items, list) else _finite(items)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _merge(target: dict[str, Any], updates: dict[str, Any]) -> None:
    """plotly's ``update``: dicts merge key by key, anything else replaces.

    A key with underscores is a path, as in plotly (``title_text`` is
    ``title.text``): no layout property has an underscore in its name.
    """
    for key, value in updates.items():
        *parents, last = key.split("_")
        node = target
        for parent in parents:
            node = node.setdefault(parent, {})
        if isinstance(value, dict) and isinstance(node.get(last), dict):
            _merge(node[last], value)
        else:
            node[last] = _copied(value)


def _copied(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    return value


_UPDATE_METHOD = {"xaxis": "update_xaxes", "yaxis": "update_yaxes", "geo": "update_geos"}


def trace(kind: str, **properties: Any) -> dict[str, Any]:
    """A plotly trace as JSON: ``trace("bar", x=…, y=…)`` is ``go.Bar(x=…, y=…)`` unchecked."""
    return {"type": kind, **properties}


class JSONFigure:
    """A lesson figure kept as plotly JSON, shown without importing ``plotly.graph_objects``.

    The first ``go.Figure`` of a kernel costs about 60 ms (plotly loads its
    validators and narwhals), and every figure is validated property by property
    as it is built (the argument map: 20–75 ms); that was a tenth of a lesson's
    run (benchmarks/README.md, lesson speed). Builders fill a JSONFigure with the
    few ``go.Figure`` calls they use (``add_trace`` with a :func:`trace`,
    ``add_annotation``, ``add_shape``, ``update_layout``, ``update_xaxes``,
    ``update_yaxes``, ``update_geos``) and a notebook displays the JSON as it is.

    Anything else (``.data``, ``.layout``, ``to_json``, ``write_html``, …) turns it into a
    real, validated ``go.Figure`` once, which it stays from then on: a learner or a
    test uses it as any plotly figure. ``tests/test_json_figures.py`` validates every
    lesson figure that way, so a misspelt property still fails a test.
    """

    def __init__(self, data: dict[str, Any] | list[dict[str, Any]] | None = None) -> None:
        traces = [data] if isinstance(data, dict) else list(data or [])
        self._spec: dict[str, Any] = {"data": traces, "layout": {}}
        self._figure: Any = None

    # -- building (on the JSON until the figure has become a go.Figure)

    def add_trace(self, new_trace: dict[str, Any]) -> JSONFigure:
        if self._figure is not None:
            self._figure.add_trace(new_trace)
        else:
            self._spec["data"].append(new_trace)
        return self

    def add_annotation(self, **properties: Any) -> JSONFigure:
        return self._append("annotations", properties)

    def add_shape(self, **properties: Any) -> JSONFigure:
        return self._append("shapes", properties)

    def update_layout(self, layout: dict[str, Any] | None = None, **properties: Any) -> JSONFigure:
        if self._figure is not None:
            self._figure.update_layout(layout, **properties)
        else:
            _merge(self._spec["layout"], {**(layout or {}), **properties})
        return self

    def update_xaxes(self, **properties: Any) -> JSONFigure:
        return self._update_all("xaxis", properties)

    def update_yaxes(self, **properties: Any) -> JSONFigure:
        return self._update_all("yaxis", properties)

    def update_geos(self, **properties: Any) -> JSONFigure:
        return self._update_all("geo", properties)

    def _append(self, kind: str, properties: dict[str, Any]) -> JSONFigure:
        if self._figure is not None:
            getattr(self._figure, f"add_{kind[:-1]}")(**properties)
        else:
            entry: dict[str, Any] = {}
            _merge(entry, properties)
            self._spec["layout"].setdefault(kind, []).append(entry)
        return self

    def _update_all(self, kind: str, properties: dict[str, Any]) -> JSONFigure:
        """Update every ``xaxis``/``xaxis2``… of the layout, as plotly's ``update_xaxes``."""
        if self._figure is not None:
            getattr(self._figure, _UPDATE_METHOD[kind])(**properties)
            return self
        layout = self._spec["layout"]
        names = [
            k for k in layout if k == kind or (k.startswith(kind) and k[len(kind) :].isdigit())
        ]
        for name in names or [kind]:
            _merge(layout.setdefault(name, {}), properties)
        return self

    # -- showing

    def plotly_json(self) -> dict[str, Any]:
        """The figure as plotly JSON: a fresh dict of plain JSON values."""
        if self._figure is not None:
            return json.loads(self._figure.to_json())
        try:
            text = json.dumps(self._spec, default=_json_value, allow_nan=False)
        except ValueError:  # NaN or infinity: null, as plotly writes them
            text = json.dumps(_finite(self._spec), default=_json_value, allow_nan=False)
        return json.loads(text)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any):
        return plotly_bundle(self)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(plotly_bundle(self), raw=True)

    # -- anything else: a real go.Figure

    def as_go_figure(self) -> Any:
        """The validated ``go.Figure`` (made once; the JSON is not used after that)."""
        if self._figure is None:
            import plotly.graph_objects as go

            self._figure = as_lesson_figure(go.Figure(self._spec))
        return self._figure

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # IPython probes _repr_*_ and canary names: no go.Figure
            raise AttributeError(name)
        return getattr(self.as_go_figure(), name)

    def __repr__(self) -> str:
        return f"<JSONFigure {_title_of(self.plotly_json())!r}>"


def _title_of(payload: dict[str, Any]) -> str:
    title = payload.get("layout", {}).get("title")
    text = title.get("text") if isinstance(title, dict) else title
    return text or "a figure"


def accessible_layout(figure: Any, *, title: str, x_title: str | None, y_title: str | None) -> Any:
    """Give a figure a title, axis titles, a readable font and the palette; return it.

    Works on a :class:`JSONFigure` and on a ``go.Figure``; the latter also learns to
    display itself cheaply (see :func:`as_lesson_figure`).
    """
    figure.update_layout(
        title={"text": title, "x": 0},
        font={"size": 14},
        colorway=OKABE_ITO_SEQUENCE,
        template=LIGHT_TEMPLATE,
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
    )
    if x_title is not None:
        figure.update_xaxes(title={"text": x_title})
    if y_title is not None:
        figure.update_yaxes(title={"text": y_title})
    return figure if isinstance(figure, JSONFigure) else as_lesson_figure(figure)


def plotly_bundle(figure: Any) -> dict[str, Any]:
    """The mime bundle JupyterLab renders: plotly JSON plus a text twin (the title)."""
    if isinstance(figure, JSONFigure):
        payload = figure.plotly_json()
    else:
        payload = json.loads(figure.to_json())
    twin = f"[interactive figure] {_title_of(payload)}"
    payload = _wrapped_title(scaled_for_display(payload))
    payload["config"] = {**payload.get("config", {}), **PLOTLY_CONFIG}
    return {"application/vnd.plotly.v1+json": payload, "text/plain": twin}


#: Characters of a title's line. plotly draws a title on one line and cuts it at the
#: figure's edge (the primer's map lost "… and the places in between"); its title font
#: takes about 9.5 px a character, and a lesson's column is about 800 px wide.
_TITLE_LINE_CHARACTERS = 75
_TITLE_LINE_PX = 24  # the room a further line needs above the plot


def _wrapped_title(payload: dict[str, Any]) -> dict[str, Any]:
    """A long title broken into lines at spaces, with room above the plot for them.

    Done where the figure is shown, so the figure's own title stays one string.
    """
    layout = payload.get("layout", {})
    title = layout.get("title")
    text = title.get("text") if isinstance(title, dict) else None
    if not text or len(text) <= _TITLE_LINE_CHARACTERS or "<br" in text:
        return payload
    lines = textwrap.wrap(text, _TITLE_LINE_CHARACTERS, break_long_words=False)
    title["text"] = "<br>".join(lines)
    margin = layout.setdefault("margin", {})
    margin["t"] = margin.get("t", 60) + _TITLE_LINE_PX * (len(lines) - 1)
    return payload


def as_lesson_figure(figure: Any) -> Any:
    """Make a ``go.Figure`` display through :func:`plotly_bundle`; return the same object.

    plotly's own display path imports ``plotly.io._renderers``, which imports
    nbformat and jsonschema's grammar compiler: about 2 s on the first figure of
    every lesson (measured in benchmarks/results.md). The bundle it would send
    is the same JSON, so lesson figures send it directly.
    """
    import plotly.graph_objects as go

    if type(figure) is go.Figure:
        figure.__class__ = _lesson_figure_class()
    return figure


@cache
def _lesson_figure_class() -> type:
    import plotly.graph_objects as go

    class LessonFigure(go.Figure):
        """A ``go.Figure`` that displays without plotly's renderer machinery."""

        def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any):
            return plotly_bundle(self)

        def _ipython_display_(self) -> None:
            from IPython.display import display

            display(plotly_bundle(self), raw=True)

    return LessonFigure


@cache
def _world_topojson_text() -> str:
    """The world_110m map data shipped with the package (plotly.js's own, MIT), as JSON text."""
    return (
        resources.files("cable_utils")
        .joinpath("assets/world_110m.json")
        .read_text(encoding="utf-8")
    )


@cache
def world_topojson() -> dict[str, Any]:
    """The world_110m map data shipped with the package, parsed."""
    return json.loads(_world_topojson_text())


@cache
def offline_geo_script() -> str:
    """JavaScript that hands plotly.js the map data, so no map request leaves the page.

    plotly.js looks for ``window.PlotlyGeoAssets.topojson`` before it fetches
    ``cdn.plot.ly``; display this once before a geo figure. Made once per kernel
    from the shipped file's text (JSON is a JavaScript literal): parsing and
    writing the 280 kB again for each map took about 30 ms in lesson 01
    (tests/test_json_figures.py checks that the script carries the parsed data).
    """
    return (
        "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
        f'Object.assign(window.PlotlyGeoAssets.topojson, {{"world_110m": {_world_topojson_text()}}});'
    )


def mark_day(figure: Any, day: date, label: str) -> None:
    """A dotted vertical line across the plot at ``day``, labelled above it.

    The timeline and the recognitions chart both mark the day the cable was
    sent this way, so a reader learns one sign for "the cable's day". ``label``
    is put into the figure as HTML: escape any cable text in it first.
    """
    figure.add_shape(
        type="line",
        x0=day,
        x1=day,
        xref="x",
        y0=0,
        y1=1,
        yref="paper",
        line={"dash": "dot", "width": 2, "color": "#000000"},
    )
    figure.add_annotation(
        x=day, y=1, xref="x", yref="paper", yanchor="bottom", showarrow=False, text=label
    )


def spread_labels(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions near ``wanted`` (one axis), at least ``gap`` apart, inside [low, high].

    The callout layout of a crowded chart: labels keep the order of their
    points and move as little as needed, and a leader line joins each label
    to its point. The result is in the order of ``wanted``.
    """
    order = sorted(range(len(wanted)), key=lambda i: -wanted[i])
    placed: dict[int, float] = {}
    previous = high + gap
    for i in order:  # top down: never closer than gap to the one above
        previous = min(wanted[i], previous - gap)
        placed[i] = previous
    overflow = low - min(placed.values(), default=low)
    if overflow > 0:  # pushed below the bottom: move the whole column up, keep the gaps
        placed = {i: y + overflow for i, y in placed.items()}
    return [placed[i] for i in range(len(wanted))]


#: The places a point's label can take, tried in this order by :func:`stagger_labels`.
LABEL_SLOTS = ("top center", "bottom center", "middle right", "middle left")


def stagger_labels(
    xs: list[float], widths: list[float], *, gap: float = 0.0, marker: float = 0.0
) -> list[str]:
    """A label position per point (plotly ``textposition``) so that labels in a row never overlap.

    ``xs`` are the points' positions along the row and ``widths`` their labels'
    widths, in the same unit. Each label takes the first of :data:`LABEL_SLOTS`
    where it overlaps no label placed before it (points are taken from left to
    right); when none is free, the one with the least overlap. ``marker`` is the
    room a side label leaves for its point.
    """
    taken: dict[str, list[tuple[float, float]]] = {"top": [], "bottom": [], "middle": []}
    chosen = [""] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        x, w = xs[i], widths[i]
        spans = {
            "top center": ("top", x - w / 2, x + w / 2),
            "bottom center": ("bottom", x - w / 2, x + w / 2),
            "middle right": ("middle", x + marker, x + marker + w),
            "middle left": ("middle", x - marker - w, x - marker),
        }

        overlaps = {
            slot: sum(max(0.0, min(high, b) - max(low, a) + gap) for a, b in taken[band])
            for slot, (band, low, high) in spans.items()
        }
        best = min(LABEL_SLOTS, key=lambda slot: (overlaps[slot] > 0, overlaps[slot]))
        band, low, high = spans[best]
        taken[band].append((low, high))
        if best.startswith("middle"):  # a side label also blocks the point's own column
            taken["top"].append((x - marker, x + marker))
            taken["bottom"].append((x - marker, x + marker))
        chosen[i] = best
    return chosen


# ------------------------------------------------------------------ projector mode

#: How much larger figures are drawn: 1 normally, more in projector mode
#: (:func:`cable_utils.lessons.projector_mode` sets it for the notebook's kernel).
_FIGURE_SCALE = {"value": 1.0}


def set_figure_scale(scale: float) -> None:
    """Draw every figure displayed from now on ``scale`` times larger (fonts and height)."""
    if not 1.0 <= scale <= 3.0:
        raise ValueError(f"the figure scale must be between 1 and 3, not {scale}")
    _FIGURE_SCALE["value"] = float(scale)


def figure_scale() -> float:
    return _FIGURE_SCALE["value"]


def scaled_for_display(payload: dict[str, Any]) -> dict[str, Any]:
    """A plotly JSON figure with its text sizes and height multiplied by :func:`figure_scale`.

    Applied where a figure is sent to the notebook (so a figure built before
    projector mode was switched on is enlarged too when shown again). Explicit
    sizes (a trace's labels, an annotation) grow with the rest.
    """
    scale = figure_scale()
    if scale == 1.0:
        return payload

    def grow(font: dict[str, Any] | None, fallback: float | None = None) -> None:
        if font is None:
            return
        size = font.get("size", fallback)
        if isinstance(size, (int, float)):
            font["size"] = round(size * scale, 1)
        elif isinstance(size, list):
            font["size"] = [round(s * scale, 1) if isinstance(s, (int, float)) else s for s in size]

    layout = payload.setdefault("layout", {})
    grow(layout.setdefault("font", {}), 14)
    title = layout.get("title")
    if isinstance(title, dict):
        grow(title.get("font"))
    grow(layout.get("legend", {}).get("font") if isinstance(layout.get("legend"), dict) else None)
    for note in layout.get("annotations", []):
        grow(note.get("font"))
    for trace in payload.get("data", []):
        grow(trace.get("textfont"))
    if isinstance(layout.get("height"), (int, float)):
        layout["height"] = round(layout["height"] * scale)
    return payload
