"""Figures for the history around the cable: the region's map and the recognitions of Kosovo.

Each figure has a text twin (``describe_…``) that says the same in words, for a
screen reader and for anyone who wants the numbers rather than the picture.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Any

from ..._arguments import PLACES, takes
from ..._words import counted
from ...analysis.history import (
    cumulative_by_day,
    cumulative_count,
    daily_maximum,
    recognition_claim,
    recognitions_per_day,
)
from ...model import Cable
from ...reference.history import ContextPlace, Recognition
from ._style import (
    MARKER_SYMBOLS,
    OKABE_ITO_SEQUENCE,
    PATTERN_SHAPES,
    JSONFigure,
    accessible_layout,
    mark_day,
    trace,
)

__all__ = [
    "PLACE_KINDS",
    "context_map_figure",
    "describe_context_map",
    "describe_recognitions",
    "recognitions_figure",
]

#: Kind of place → (colour, marker symbol): colour plus shape, so no one needs colour alone.
PLACE_KINDS: dict[str, tuple[str, str]] = {
    "capital": (OKABE_ITO_SEQUENCE[4], MARKER_SYMBOLS[0]),  # blue circle
    "de facto capital": (OKABE_ITO_SEQUENCE[5], MARKER_SYMBOLS[2]),  # vermillion diamond
    "corridor": (OKABE_ITO_SEQUENCE[0], MARKER_SYMBOLS[3]),  # orange triangle
    "seat of an organisation": (OKABE_ITO_SEQUENCE[2], MARKER_SYMBOLS[1]),  # green square
}
_OTHER_KIND = (OKABE_ITO_SEQUENCE[6], MARKER_SYMBOLS[7])


_MAP_LATITUDES = (35.0, 58.0)
_MAP_LONGITUDES = (0.0, 54.0)
#: The map as drawn in a lesson (an 844 px figure beside its legend): pixels a degree of
#: longitude, a character of a label (14 px font), a label's height and a marker's radius.
_PX_PER_DEGREE = 9.8
_PX_PER_CHARACTER = 7.2
_LABEL_PX = 17.0
_MARKER_PX = 7.0
_EDGE_PX = 14.0  # a label keeps this far from the map's edge (the frame clips it)
#: Where a label may go, in order of preference (plotly's textposition): the box each
#: one takes, as (left, top) of the label relative to the marker, in label widths and
#: heights and marker radii.
_MAP_SLOTS = {
    "top center": lambda w, h, r: (-w / 2, -r - h),
    "bottom center": lambda w, h, r: (-w / 2, r),
    "middle right": lambda w, h, r: (r, -h / 2),
    "middle left": lambda w, h, r: (-r - w, -h / 2),
    "top right": lambda w, h, r: (r / 2, -r / 2 - h),
    "bottom right": lambda w, h, r: (r / 2, r / 2),
    "top left": lambda w, h, r: (-r / 2 - w, -r / 2 - h),
    "bottom left": lambda w, h, r: (-r / 2 - w, r / 2),
}

_Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels


def _map_point(lat: float, lon: float) -> tuple[float, float]:
    """Pixels from the map's top-left corner (Mercator, as the figure draws it)."""

    def mercator(latitude: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))

    x = (lon - _MAP_LONGITUDES[0]) * _PX_PER_DEGREE
    y = (mercator(_MAP_LATITUDES[1]) - mercator(lat)) * _PX_PER_DEGREE
    return x, y


def _overlap(a: _Box, b: _Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _map_label_positions(places: tuple[ContextPlace, ...] | list[ContextPlace]) -> dict[str, str]:
    """A label position per place (plotly's ``textposition``) so that no label covers
    another label, another marker, or runs off the map, where that can be had.

    The Caucasus holds seven places within a few degrees: with every label above its
    marker, "Tskhinvali" covered "Tbilisi" and "Yerevan" "Stepanakert / Khankendi",
    which ran off the map's edge. Every label starts above its marker; then, place by
    place, a label moves to the slot of :data:`_MAP_SLOTS` that most lowers the overlap
    of the whole map, until no move lowers it.
    """
    layout = _MapLayout(places)
    slots = {p.place: next(iter(_MAP_SLOTS)) for p in places}
    for _ in range(_MAP_ROUNDS):
        moved = False
        for place in slots:
            best = min(_MAP_SLOTS, key=lambda slot: layout.cost({**slots, place: slot}))
            if layout.cost({**slots, place: best}) < layout.cost(slots):
                slots[place], moved = best, True
        if not moved:
            break
    return slots


_MAP_ROUNDS = 10  # (13 places settle in two or three)


class _MapLayout:
    """The map's labels and markers in pixels, and how much a choice of slots overlaps."""

    def __init__(self, places: tuple[ContextPlace, ...] | list[ContextPlace]) -> None:
        self.points = {p.place: _map_point(p.lat, p.lon) for p in places}
        right, bottom = _map_point(_MAP_LATITUDES[0], _MAP_LONGITUDES[1])
        self.corner = (right - _EDGE_PX, bottom - _EDGE_PX)
        self.markers = {
            name: (x - _MARKER_PX, y - _MARKER_PX, x + _MARKER_PX, y + _MARKER_PX)
            for name, (x, y) in self.points.items()
        }
        self.sizes = {}
        for name in self.points:
            lines = _map_label(name).split("<br>")
            self.sizes[name] = (max(len(line) for line in lines) * _PX_PER_CHARACTER, len(lines))

    def box(self, place: str, slot: str) -> _Box:
        x, y = self.points[place]
        width, lines = self.sizes[place]
        return _label_box(x, y, width, lines, slot)

    def cost(self, slots: dict[str, str]) -> float:
        """Overlap of labels with labels (which makes names unreadable: it counts most)
        and with other markers, and labels off the map."""
        boxes = {place: self.box(place, slot) for place, slot in slots.items()}
        names = list(boxes)
        total = 0.0
        for i, name in enumerate(names):
            labels = [boxes[other] for other in names[i + 1 :]]
            markers = [marker for place, marker in self.markers.items() if place != name]
            total += _LABEL_OVER_LABEL * sum(_overlap(boxes[name], box) for box in labels)
            total += _cost(boxes[name], markers, self.corner)
        return total


_LABEL_OVER_LABEL = 4.0  # a label over a label costs this many times a label over a marker


def _map_label(place: str) -> str:
    """A place's label: two names of one place on two lines ("Stepanakert /<br>Khankendi")."""
    return escape(place).replace(" / ", " /<br>")


def _label_box(x: float, y: float, width: float, lines: int, slot: str) -> _Box:
    height = _LABEL_PX * lines
    dx, dy = _MAP_SLOTS[slot](width, height, _MARKER_PX)
    return x + dx, y + dy, x + dx + width, y + dy + height


def _cost(box: _Box, obstacles: list[_Box], corner: tuple[float, float]) -> float:
    """How much of ``box`` covers the obstacles or lies off the map (0: a free place)."""
    right, bottom = corner
    outside = max(0.0, _EDGE_PX - box[0]) + max(0.0, box[2] - right)
    outside += max(0.0, _EDGE_PX - box[1]) + max(0.0, box[3] - bottom)
    return sum(_overlap(box, other) for other in obstacles) + outside * _LABEL_PX


@takes(PLACES)
def context_map_figure(places: tuple[ContextPlace, ...] | list[ContextPlace]) -> Any:
    """The region of the two conflicts, from The Hague to Baku: one trace per kind of place.

    Display ``IPython.display.Javascript(plots.offline_geo_script())`` before it, so
    plotly.js reads the shipped map data instead of fetching it.
    """
    figure = JSONFigure()
    kinds = list(dict.fromkeys(p.kind for p in places))
    positions = _map_label_positions(places)
    for kind in kinds:
        chosen = [p for p in places if p.kind == kind]
        colour, symbol = PLACE_KINDS.get(kind, _OTHER_KIND)
        figure.add_trace(
            trace(
                "scattergeo",
                lat=[p.lat for p in chosen],
                lon=[p.lon for p in chosen],
                text=[_map_label(p.place) for p in chosen],
                hovertext=[f"<b>{escape(p.place)}</b><br>{escape(p.why)}" for p in chosen],
                hoverinfo="text",
                mode="markers+text",
                textposition=[positions[p.place] for p in chosen],
                marker={
                    "size": 12,
                    "color": colour,
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#000"},
                },
                name=kind,
            )
        )
    figure.update_geos(
        projection_type="mercator",
        showcountries=True,
        countrycolor="#999999",
        showland=True,
        landcolor="#F2F2F2",
        showocean=True,
        oceancolor="#E8F1F8",
        lataxis_range=list(_MAP_LATITUDES),
        lonaxis_range=list(_MAP_LONGITUDES),
    )
    accessible_layout(
        figure,
        title="Where the history around 08BAKU151 happened: Kosovo, the South Caucasus and "
        "the places in between",
        x_title=None,
        y_title=None,
    )
    figure.update_layout(legend_title_text="Kind of place (marker shape)", height=480)
    return figure


@takes(PLACES)
def describe_context_map(places: tuple[ContextPlace, ...] | list[ContextPlace]) -> str:
    """The map in words: every place, what kind it is and why it is on the map."""
    lines = [f"The map shows {counted(len(places), 'place')}:"]
    lines += [f"- {p.place} ({p.country}; {p.kind}): {p.why}." for p in places]
    return "\n".join(lines)


def recognitions_figure(
    recognitions: tuple[Recognition, ...] | list[Recognition],
    cable: Cable | None = None,
    *,
    until: date | None = None,
) -> Any:
    """Recognitions of Kosovo per day (bars) and in all (line), with the cable's claim.

    UN members and other states are separate bar series with their own pattern. When
    ``cable`` makes the "N states in one day" claim (08BAKU151 does), a dashed line
    marks N, and a dotted line the day the cable was sent.
    """
    last = until or max(r.date for r in recognitions)
    shown = [r for r in recognitions if r.date <= last]
    figure = JSONFigure()
    for label, un in [("UN members", True), ("not UN members", False)]:
        per_day = recognitions_per_day([r for r in shown if r.un_member == un], un_only=False)
        if not per_day:
            continue
        figure.add_trace(
            trace(
                "bar",
                x=list(per_day),
                y=list(per_day.values()),
                name=f"recognitions that day: {label}",
                marker={
                    "color": OKABE_ITO_SEQUENCE[4 if un else 0],
                    "pattern": {"shape": PATTERN_SHAPES[0 if un else 2]},
                    "line": {"width": 1, "color": "#000"},
                },
                hovertemplate="%{x|%d %b %Y}: %{y} " + label + "<extra></extra>",
            )
        )
    running = cumulative_by_day(shown)
    figure.add_trace(
        trace(
            "scatter",
            x=[day for day, _ in running],
            y=[total for _, total in running],
            mode="lines+markers",
            line={"shape": "hv", "color": OKABE_ITO_SEQUENCE[5], "width": 2},
            marker={"symbol": MARKER_SYMBOLS[1], "size": 6},
            name="UN members in all (running total)",
            hovertemplate="by %{x|%d %b %Y}: %{y} UN members<extra></extra>",
        )
    )
    claim = recognition_claim(cable) if cable is not None else None
    if claim is not None:
        figure.add_shape(  # a line across the plot at the claimed number (plotly's add_hline)
            type="line",
            xref="x domain",
            x0=0,
            x1=1,
            y0=claim.in_one_day,
            y1=claim.in_one_day,
            line={"dash": "dash", "color": "#000000", "width": 1.5},
        )
        figure.add_annotation(
            xref="x domain",
            x=0,
            y=claim.in_one_day,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            text=f"the cable's claim: {claim.in_one_day} in one day",
        )
    if cable is not None and cable.date is not None:
        when = cable.date.date()
        mark_day(figure, when, f"{escape(cable.id or 'the cable')} sent, {when:%d %b %Y}")
    first = min(r.date for r in shown)
    figure.update_xaxes(range=[first - timedelta(days=1), last + timedelta(days=1)])
    figure.update_layout(barmode="stack", height=420, legend={"orientation": "h", "y": -0.25})
    return accessible_layout(
        figure,
        title=f"Recognitions of Kosovo, {first:%d %b} – {last:%d %b %Y}: per day and in all",
        x_title="Date",
        y_title="Number of states",
    )


def describe_recognitions(
    recognitions: tuple[Recognition, ...] | list[Recognition],
    cable: Cable | None = None,
    *,
    until: date | None = None,
) -> str:
    """The figure in words: each day's count, the maximum, the total on the cable's day."""
    last = until or max(r.date for r in recognitions)
    shown = [r for r in recognitions if r.date <= last]
    per_day = recognitions_per_day(shown)
    days = "; ".join(f"{day:%d %b}: {count}" for day, count in per_day.items())
    top_day, top = daily_maximum(shown)
    lines = [
        f"Recognitions by UN members per day, to {last:%d %b %Y}: {days}.",
        f"The largest number on one day is {top}, on {top_day:%d %b %Y}; "
        f"{cumulative_count(shown, last)} UN members had recognised Kosovo by {last:%d %b %Y}.",
    ]
    others = [r for r in shown if not r.un_member]
    if others:
        names = ", ".join(f"{r.state} ({r.date:%d %b})" for r in others)
        lines.append(f"Not counted above, not being UN members: {names}.")
    claim = recognition_claim(cable) if cable is not None else None
    if cable is not None and cable.date is not None and claim is not None:
        sent = cable.date.date()
        lines.append(
            f"{cable.id} (sent {sent:%d %b %Y}) reports {claim.in_one_day} recognitions in one "
            f"day and {claim.declared_ready} more states 'ready'; by that day "
            f"{cumulative_count(shown, sent)} UN members "
            f"({cumulative_count(shown, sent, un_only=False)} states in all) had recognised."
        )
    return "\n".join(lines)
