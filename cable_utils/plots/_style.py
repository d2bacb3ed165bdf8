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
    "offline_geo_script",
    "world_topojson",
]

#: Okabe–Ito colours in their usual order (black left out: it is reserved for text).
OKABE_ITO_SEQUENCE = list(OKABE_ITO.values())
#: Bar patterns: a second cue beside colour (plotly ``marker.pattern.shape``).
PATTERN_SHAPES = ["", "/", ".", "x", "\\", "+", "-", "|"]
#: Marker symbols: a second cue for scatter and map points.
MARKER_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]


def accessible_layout(figure: Any, *, title: str, x_title: str | None, y_title: str | None) -> Any:
    """Give a figure a title, axis titles, a readable font and the palette; return it."""
    figure.update_layout(
        title={"text": title, "x": 0},
        font={"size": 14},
        colorway=OKABE_ITO_SEQUENCE,
        template="plotly_white",
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
    )
    if x_title is not None:
        figure.update_xaxes(title_text=x_title)
    if y_title is not None:
        figure.update_yaxes(title_text=y_title)
    return figure


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
