"""The shared look of every figure: palette, second cues, titles, offline maps."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..render import OKABE_ITO

__all__ = [
    "MARKER_SYMBOLS",
    "OKABE_ITO_SEQUENCE",
    "PATTERN_SHAPES",
    "accessible_layout",
    "as_lesson_figure",
    "PLOTLY_CONFIG",
    "figure_scale",
    "plotly_bundle",
    "scaled_for_display",
    "set_figure_scale",
    "spread_labels",
    "stagger_labels",
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


@cache
def _light_template() -> Any:
    """A small white template, built once.

    ``template="plotly_white"`` copies and validates plotly's whole template on
    every figure (14–33 ms each, measured in benchmarks/results.md), which made
    widget callbacks slow; these few settings give the same look.
    """
    import plotly.graph_objects as go

    axis = {
        "gridcolor": "#E5E5E5",
        "linecolor": "#444444",
        "ticks": "outside",
        "zeroline": False,
        "automargin": True,
    }
    return go.layout.Template(
        layout={
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "xaxis": axis,
            "yaxis": axis,
            "hoverlabel": {"font": {"size": 14}},
        }
    )


def accessible_layout(figure: Any, *, title: str, x_title: str | None, y_title: str | None) -> Any:
    """Give a figure a title, axis titles, a readable font and the palette; return it.

    The figure also learns to display itself cheaply (see :class:`LessonFigure`).
    """
    figure.update_layout(
        title={"text": title, "x": 0},
        font={"size": 14},
        colorway=OKABE_ITO_SEQUENCE,
        template=_light_template(),
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
    )
    if x_title is not None:
        figure.update_xaxes(title_text=x_title)
    if y_title is not None:
        figure.update_yaxes(title_text=y_title)
    return as_lesson_figure(figure)


def plotly_bundle(figure: Any) -> dict[str, Any]:
    """The mime bundle JupyterLab renders: plotly JSON plus a text twin (the title)."""
    payload = scaled_for_display(json.loads(figure.to_json()))
    payload["config"] = {**payload.get("config", {}), **PLOTLY_CONFIG}
    title = figure.layout.title.text or "a figure"
    return {
        "application/vnd.plotly.v1+json": payload,
        "text/plain": f"[interactive figure] {title}",
    }


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
def world_topojson() -> dict[str, Any]:
    """The world_110m map data shipped with the package (plotly.js's own, MIT)."""
    text = (
        resources.files("cable_utils")
        .joinpath("assets/world_110m.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def offline_geo_script() -> str:
    """JavaScript that hands plotly.js the map data, so no map request leaves the page.

    plotly.js looks for ``window.PlotlyGeoAssets.topojson`` before it fetches
    ``cdn.plot.ly``; display this once before a geo figure.
    """
    payload = json.dumps({"world_110m": world_topojson()})
    return (
        "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
        f"Object.assign(window.PlotlyGeoAssets.topojson, {payload});"
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
