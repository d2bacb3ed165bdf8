"""Figures of lesson 05: the REF trail of a cable as a graph.

Layout is deterministic and meaningful: x is the date, y is the sending post
(one lane per post). Colour *and* marker symbol mark the post, every node
carries its ID as a text label, a hollow marker means the date is unknown, and
the cable in focus is drawn larger with a black outline. Arrows point from the
citing cable to the cable it cites. :func:`describe_thread` is the text summary
that goes beside the figure.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from datetime import date, timedelta
from html import escape
from typing import Any

from ..._arguments import CABLE_ID, THREAD, takes
from ...corpus.thread import ThreadCable, load_thread, thread_edges, thread_summary
from ._style import (
    MARKER_SYMBOLS,
    OKABE_ITO_SEQUENCE,
    JSONFigure,
    accessible_layout,
    stagger_labels,
    trace,
)

__all__ = ["describe_thread", "thread_figure", "thread_layout"]

_UNKNOWN_OFFSET = timedelta(days=4)


def _origin(cable_id: str) -> str:
    from ...source.paths import CABLE_ID_PATTERN

    match = CABLE_ID_PATTERN.match(cable_id)
    return match.group("origin") if match else "other"


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def thread_layout(
    cables: list[ThreadCable], edges: list[tuple[str, str]]
) -> dict[str, tuple[date, float, bool]]:
    """Node → (x date, y lane position, date known?). The same input always gives the same layout.
    Nodes without a date (a cited cable that was not located, or one outside
    the table) are put a few days before the earliest cable that cites them,
    and spread a little within their lane so labels do not overlap.
    """
    by_id = {c.id: c for c in cables}
    ids = list(dict.fromkeys([*by_id, *(i for pair in edges for i in pair)]))
    lanes = sorted({_origin(i) for i in ids})
    lane_y = {lane: float(index) for index, lane in enumerate(lanes)}
    dates = {i: _parse_date(by_id[i].date) if i in by_id else None for i in ids}
    known = [d for d in dates.values() if d is not None]
    fallback = (min(known) if known else date(2000, 1, 1)) - _UNKNOWN_OFFSET
    layout: dict[str, tuple[date, float, bool]] = {}
    stacked: dict[str, int] = defaultdict(int)
    for node in sorted(ids, key=lambda i: (dates[i] is None, dates[i] or fallback, i)):
        when = dates[node]
        lane = _origin(node)
        if when is not None:
            layout[node] = (when, lane_y[lane], True)
            continue
        citers = [dates[a] for a, b in edges if b == node and dates[a] is not None]
        x = (min(citers) - _UNKNOWN_OFFSET) if citers else fallback
        offset = 0.12 * ((stacked[lane] % 3) + 1) * (1 if stacked[lane] % 2 == 0 else -1)
        stacked[lane] += 1
        layout[node] = (x, lane_y[lane] + offset, False)
    return layout


@takes(THREAD.or_none(), focus=CABLE_ID)
def thread_figure(
    cables: list[ThreadCable] | None = None,
    *,
    focus: str = "08BAKU151",
    title: str | None = None,
) -> Any:
    """The REF trail as a plotly figure (dates across, sending posts down)."""
    items = list(cables) if cables is not None else load_thread()
    edges = thread_edges(items)
    layout = thread_layout(items, edges)
    by_id = {c.id: c for c in items}
    lanes = sorted({_origin(i) for i in layout})
    figure = JSONFigure()

    arrows = []  # set at once: plotly re-validates every annotation on each add_annotation
    for citing, cited in edges:
        (x0, y0, _), (x1, y1, _) = layout[citing], layout[cited]
        arrows.append(dict(
            x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
            showarrow=True, arrowhead=2, arrowsize=1.2, arrowwidth=1.3,
            arrowcolor="#555555", standoff=9, startstandoff=9, text="",
        ))  # fmt: skip
    figure.update_layout(annotations=arrows)

    days_per_px = _days_per_pixel(layout)
    for index, lane in enumerate(lanes):
        colour = OKABE_ITO_SEQUENCE[index % len(OKABE_ITO_SEQUENCE)]
        symbol = MARKER_SYMBOLS[index % len(MARKER_SYMBOLS)]
        nodes = [n for n in layout if _origin(n) == lane]
        symbols, sizes, lines, labels, plain, hovers = [], [], [], [], [], []
        for node in nodes:
            when, _, date_known = layout[node]
            row = by_id.get(node)
            hollow = not date_known
            symbols.append(f"{symbol}-open" if hollow else symbol)
            sizes.append(22 if node == focus else 14)
            lines.append(3 if node == focus else 1)
            suffix = "" if row is not None else " (not in the table)"
            suffix = suffix or ("" if date_known else " (date unknown)")
            labels.append(f"<b>{escape(node)}</b>" if node == focus else escape(node) + suffix)
            plain.append(node + ("" if node == focus else suffix))
            hovers.append(_hover(node, row, date_known))
        # Labels of cables a few days apart take turns above, below and beside their
        # markers, so that none covers another (at the lesson's width, about 700 px).
        positions = stagger_labels(
            [layout[n][0].toordinal() for n in nodes],
            [len(text) * _CHAR_PX * days_per_px for text in plain],
            gap=2 * days_per_px,
            marker=12 * days_per_px,
        )
        figure.add_trace(
            trace(
                "scatter",
                x=[layout[n][0] for n in nodes],
                y=[layout[n][1] for n in nodes],
                mode="markers+text",
                name=f"sent by {lane}",
                text=labels,
                textposition=positions,
                textfont={"size": 12},
                cliponaxis=False,
                hovertext=hovers,
                hoverinfo="text",
                marker={
                    "color": colour,
                    "symbol": symbols,
                    "size": sizes,
                    "line": {"color": "#000000", "width": lines},
                },
            )
        )
    figure.update_yaxes(
        tickmode="array",
        tickvals=list(range(len(lanes))),
        ticktext=lanes,
        range=[-0.8, len(lanes) - 0.2],
    )
    accessible_layout(
        figure,
        title=title or f"The REF trail around {focus}: which cable cites which (arrow: cites)",
        x_title="Date (date-time group or meeting date; hollow marker: date unknown)",
        y_title="Sending post",
    )
    # The legend goes under the plot: beside it, it took a quarter of the lesson's width
    # from the dates, and labels placed for a wider plot ran into each other.
    figure.update_layout(
        height=240 + 90 * len(lanes),
        legend={
            "title": {"text": "Post"},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.2,
            "yanchor": "top",
        },
        margin={"l": 60, "r": 20, "t": 60, "b": 110},
    )
    if (step := _day_step([when for when, _, _ in layout.values()])) is not None:
        figure.update_xaxes(dtick=step * _DAY_MS)
    return figure


_DAY_MS = 86_400_000  # plotly's date axes count in milliseconds


def _day_step(dates: list[date]) -> int | None:
    """Days between ticks for a short trail, about six ticks (None: plotly chooses).

    The trail's dates are days (a DTG's day, a meeting's day); for a span of a few
    days plotly put ticks every 12 hours, "00:00 / 12:00 Feb 15", as if times were known.
    """
    if not dates:
        return None
    span = (max(dates) - min(dates)).days
    return None if span > 30 else max(1, -(-span // 6))


#: About how wide a character of a 12 px label is, and the plot's width, in pixels
#: (a lesson's output is about 850 px wide at a 1280 px window; the post names and
#: the margins take the rest).
_CHAR_PX = 6.8
_PLOT_PX = 620


def _days_per_pixel(layout: dict[str, tuple[date, float, bool]]) -> float:
    days = [when.toordinal() for when, _, _ in layout.values()] or [0]
    return (max(days) - min(days) + 6) / _PLOT_PX


def _hover(node: str, row: ThreadCable | None, date_known: bool) -> str:
    if row is None:
        return f"{escape(node)}<br>cited in a REF line; not in the table"
    subject = "<br>".join(escape(line) for line in textwrap.wrap(row.subject or "unknown", 60))
    where = escape(row.url) if row.url else "no published copy recorded"
    when = escape(row.date) if date_known else "date unknown"
    level = escape(row.classification or "classification not recorded")
    return (
        f"<b>{escape(node)}</b> · {when} · {level}"
        f"<br>{subject}<br>published copy: {where}"
        f"<br>text in this collection: {'yes' if row.text_included else 'no'}"
    )


@takes(THREAD.or_none(), focus=CABLE_ID)
def describe_thread(cables: list[ThreadCable] | None = None, *, focus: str = "08BAKU151") -> str:
    """The text summary shown beside :func:`thread_figure`."""
    return thread_summary(cables, focus=focus)
