"""Figures for the history around the cable: the region's map and the recognitions of Kosovo.

Each figure has a text twin (``describe_…``) that says the same in words, for a
screen reader and for anyone who wants the numbers rather than the picture.
"""

from __future__ import annotations

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


@takes(PLACES)
def context_map_figure(places: tuple[ContextPlace, ...] | list[ContextPlace]) -> Any:
    """The region of the two conflicts, from The Hague to Baku: one trace per kind of place.

    Display ``IPython.display.Javascript(plots.offline_geo_script())`` before it, so
    plotly.js reads the shipped map data instead of fetching it.
    """
    figure = JSONFigure()
    kinds = list(dict.fromkeys(p.kind for p in places))
    for kind in kinds:
        chosen = [p for p in places if p.kind == kind]
        colour, symbol = PLACE_KINDS.get(kind, _OTHER_KIND)
        figure.add_trace(
            trace(
                "scattergeo",
                lat=[p.lat for p in chosen],
                lon=[p.lon for p in chosen],
                text=[p.place for p in chosen],
                hovertext=[f"<b>{escape(p.place)}</b><br>{escape(p.why)}" for p in chosen],
                hoverinfo="text",
                mode="markers+text",
                textposition="top center",
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
        lataxis_range=[35, 58],
        lonaxis_range=[0, 54],
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
