"""Figures for lesson 03: who is mentioned, where, and with whom.

Every figure has a text twin (``describe_*``) so the information is also
available as words, and a second cue beside colour (bar patterns, marker
symbols, text labels).
"""

from __future__ import annotations

import math
import textwrap
from itertools import combinations
from typing import Any

from ..._arguments import GAZETTEER, MENTIONS, takes
from ..._words import counted
from ...analysis.actors import ACTOR_TYPES, Gazetteer, Mention
from ._style import (
    MARKER_SYMBOLS,
    OKABE_ITO_SEQUENCE,
    PATTERN_SHAPES,
    JSONFigure,
    accessible_layout,
    spread_labels,
    trace,
)

__all__ = [
    "actor_paragraph_heatmap",
    "co_mention_edges",
    "co_mention_network",
    "describe_co_mentions",
    "describe_mentions",
    "mentions_by_actor_figure",
]

_TYPES = (*ACTOR_TYPES, "")
_TYPE_COLOUR = {t: OKABE_ITO_SEQUENCE[i % len(OKABE_ITO_SEQUENCE)] for i, t in enumerate(_TYPES)}
_TYPE_PATTERN = {t: PATTERN_SHAPES[i % len(PATTERN_SHAPES)] for i, t in enumerate(_TYPES)}
_TYPE_SYMBOL = {t: MARKER_SYMBOLS[i % len(MARKER_SYMBOLS)] for i, t in enumerate(_TYPES)}


def _counts(gazetteer: Gazetteer, mentions: list[Mention]) -> list[tuple[str, str, str, int]]:
    rows = []
    for actor in gazetteer.actors:
        count = sum(1 for m in mentions if m.actor_id == actor.id)
        if count:
            rows.append((actor.id, actor.name, actor.type, count))
    return sorted(rows, key=lambda r: (r[3], r[1]))


@takes(GAZETTEER, mentions=MENTIONS)
def mentions_by_actor_figure(
    gazetteer: Gazetteer, mentions: list[Mention], *, top: int = 25
) -> Any:
    """Horizontal bars: mentions per actor, colour and pattern by actor type.

    At most ``top`` actors, the most mentioned; the title says so when some are left out.
    """
    counted_rows = _counts(gazetteer, mentions)
    rows = counted_rows[-top:]
    figure = JSONFigure()
    for kind in _TYPES:
        chosen = [r for r in rows if r[2] == kind]
        if not chosen:
            continue
        figure.add_trace(
            trace(
                "bar",
                x=[r[3] for r in chosen],
                y=[r[1] for r in chosen],
                orientation="h",
                name=kind or "type not given",
                text=[str(r[3]) for r in chosen],
                textposition="outside",
                marker={
                    "color": _TYPE_COLOUR[kind],
                    "pattern": {"shape": _TYPE_PATTERN[kind]},
                    "line": {"color": "#000", "width": 0.5},
                },
                hovertemplate="%{y}: %{x} mentions<extra>" + (kind or "?") + "</extra>",
            )
        )
    figure.update_yaxes(categoryorder="array", categoryarray=[r[1] for r in rows])
    figure.update_layout(height=max(320, 22 * len(rows) + 120), legend_title_text="actor type")
    title = "Who is mentioned, and how often"
    if len(rows) < len(counted_rows):  # (a cut inside a tie keeps the names first in order)
        title += (
            f" (the {len(rows)} most mentioned of {len(counted_rows)} actors; ties cut by name)"
        )
    return accessible_layout(figure, title=title, x_title="mentions", y_title="actor")


@takes(GAZETTEER, mentions=MENTIONS)
def describe_mentions(gazetteer: Gazetteer, mentions: list[Mention], *, top: int = 8) -> str:
    rows = list(reversed(_counts(gazetteer, mentions)))
    if not rows:
        return "No actor of this gazetteer is mentioned in the cable."
    head = ", ".join(f"{name} ({count})" for _, name, _, count in rows[:top])
    people = [r for r in rows if r[2] == "person"]
    return (
        f"{counted(len(mentions), 'mention')} of {counted(len(rows), 'actor')}. "
        f"Most mentioned: {head}. {len(people)} of the actors "
        f"{'is a person' if len(people) == 1 else 'are people'}"
        + (f"; the most mentioned person is {people[0][1]} ({people[0][3]})." if people else ".")
    )


@takes(GAZETTEER, mentions=MENTIONS)
def actor_paragraph_heatmap(gazetteer: Gazetteer, mentions: list[Mention]) -> Any:
    """Actors × paragraphs: mentions of each actor in each paragraph (numbers printed)."""
    paragraphs = sorted({m.paragraph for m in mentions if m.paragraph is not None})
    rows = list(reversed(_counts(gazetteer, mentions)))
    names = [r[1] for r in rows]
    z = [
        [sum(1 for m in mentions if m.actor_id == r[0] and m.paragraph == p) for p in paragraphs]
        for r in rows
    ]
    figure = JSONFigure(
        trace(
            "heatmap",
            z=z,
            x=[f"¶{p}" for p in paragraphs],
            y=names,
            text=[[str(v) if v else "" for v in row] for row in z],
            texttemplate="%{text}",
            colorscale=[[0, "#FFFFFF"], [1, OKABE_ITO_SEQUENCE[4]]],
            colorbar={"title": {"text": "mentions"}},
            hovertemplate="%{y} in %{x}: %{z}<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=max(320, 20 * len(names) + 140))
    return accessible_layout(
        figure,
        title="Where each actor appears (mentions per paragraph)",
        x_title="paragraph",
        y_title="actor",
    )


def co_mention_edges(mentions: list[Mention]) -> list[tuple[str, str, int]]:
    """Pairs of actors mentioned in the same paragraph, with the number of paragraphs they share."""
    by_paragraph: dict[int, set[str]] = {}
    for m in mentions:
        if m.paragraph is not None:
            by_paragraph.setdefault(m.paragraph, set()).add(m.actor_id)
    weights: dict[tuple[str, str], int] = {}
    for actors in by_paragraph.values():
        for a, b in combinations(sorted(actors), 2):
            weights[(a, b)] = weights.get((a, b), 0) + 1
    return sorted(((a, b, w) for (a, b), w in weights.items()), key=lambda e: (-e[2], e[0], e[1]))


def _circle_layout(ids: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in a fixed order: the same picture on every run, no library needed."""
    count = max(len(ids), 1)
    return {
        node: (math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count))
        for i, node in enumerate(ids)
    }


def _type_list(types: str | tuple[str, ...] | None) -> tuple[str, ...] | None:
    """``types`` as a tuple: ``("person")``, the classic missing comma, is one type.

    (A string would otherwise be matched by substring and listed letter by letter.)
    """
    return (types,) if isinstance(types, str) else types


def _network(
    gazetteer: Gazetteer, mentions: list[Mention], types: str | tuple[str, ...] | None
) -> tuple[list[Any], list[tuple[str, str, int]]]:
    """The actors and links the network draws: the figure and its description share them."""
    types = _type_list(types)
    present = {m.actor_id for m in mentions if m.paragraph is not None}
    actors = [a for a in gazetteer.actors if a.id in present and (types is None or a.type in types)]
    actors.sort(key=lambda a: (_TYPES.index(a.type) if a.type in _TYPES else 99, a.name))
    ids = {a.id for a in actors}
    edges = [e for e in co_mention_edges(mentions) if e[0] in ids and e[1] in ids]
    return actors, edges


#: Where the callout labels of the network stand, left and right of the circle.
_LABEL_X = 1.3
_NETWORK_HEIGHT = 640
#: A name longer than this goes on two lines or more: at a lesson's width (about 850 px)
#: a column of labels has some 220 px, and "Azerbaijani political commentators (as a
#: group)" in one 12 px line ran past the figure's edge, cut off.
_LABEL_CHARS = 28


def _label_lines(name: str) -> list[str]:
    return textwrap.wrap(name, _LABEL_CHARS) or [name]


@takes(GAZETTEER, mentions=MENTIONS)
def co_mention_network(
    gazetteer: Gazetteer, mentions: list[Mention], *, types: str | tuple[str, ...] | None = None
) -> Any:
    """Actors linked when mentioned in the same paragraph; a deterministic circular layout.
    Nodes are ordered by type then name, so people sit together on the circle;
    marker symbol and colour both show the type. Every node is named in a
    column of labels beside the circle, joined to it by a thin leader line, so
    that no two names overlap however many actors there are.
    :func:`describe_co_mentions` with the same ``types`` describes this picture.
    """
    actors, edges = _network(gazetteer, mentions, types)
    position = _circle_layout([a.id for a in actors])
    lines = {a.id: _label_lines(a.name) for a in actors}
    label_y = _callouts(position, {i: len(parts) for i, parts in lines.items()})
    figure = JSONFigure()
    for a, b, weight in edges:
        (x0, y0), (x1, y1) = position[a], position[b]
        figure.add_trace(
            trace(
                "scatter",
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                line={"width": 0.5 + weight, "color": "#999999"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    leaders_x: list[float | None] = []
    leaders_y: list[float | None] = []
    for actor_id, (x, y) in position.items():
        side = _LABEL_X if x >= 0 else -_LABEL_X
        leaders_x += [x, side * 0.93, side, None]
        leaders_y += [y, label_y[actor_id], label_y[actor_id], None]
    figure.add_trace(
        trace(
            "scatter",
            x=leaders_x,
            y=leaders_y,
            mode="lines",
            line={"width": 0.6, "color": "#BBBBBB", "dash": "dot"},
            hoverinfo="skip",
            showlegend=False,
            name="leader lines",
        )
    )
    for kind in _TYPES:
        chosen = [a for a in actors if a.type == kind]
        if not chosen:
            continue
        figure.add_trace(
            trace(
                "scatter",
                x=[position[a.id][0] for a in chosen],
                y=[position[a.id][1] for a in chosen],
                mode="markers",
                text=[a.name for a in chosen],
                name=kind or "type not given",
                marker={
                    "size": 14,
                    "color": _TYPE_COLOUR[kind],
                    "symbol": _TYPE_SYMBOL[kind],
                    "line": {"color": "#000", "width": 1},
                },
                hovertemplate="%{text}<extra>" + (kind or "?") + "</extra>",
            )
        )
    for side, anchor in ((1, "middle right"), (-1, "middle left")):
        named = [a for a in actors if (position[a.id][0] >= 0) == (side > 0)]
        figure.add_trace(
            trace(
                "scatter",
                x=[side * _LABEL_X] * len(named),
                y=[label_y[a.id] for a in named],
                mode="text",
                text=["<br>".join(lines[a.id]) for a in named],
                textposition=anchor,
                textfont={"size": 12, "color": "#1a1a1a"},
                cliponaxis=False,  # a long name may run past the axis, never cut
                hoverinfo="skip",
                showlegend=False,
                name="names",
            )
        )
    figure.update_xaxes(visible=False, range=[-3.1, 3.1])
    figure.update_yaxes(visible=False, range=[-1.25, 1.25])
    figure.update_layout(
        height=_NETWORK_HEIGHT,
        legend={"title": {"text": "actor type"}, "orientation": "h", "y": -0.02},
    )
    return accessible_layout(
        figure,
        title="Who is mentioned with whom (same paragraph; thicker = more paragraphs)",
        x_title=None,
        y_title=None,
    )


def _callouts(
    position: dict[str, tuple[float, float]], lines: dict[str, int] | None = None
) -> dict[str, float]:
    """The height of each node's label in its column (left or right of the circle).

    ``lines``: how many lines each label takes (1 if not given); a column with a
    label of two lines spaces all its labels for two.
    """
    # 18 px between one-line labels, in data units: the plot is the figure minus its margins.
    unit = 18 / ((_NETWORK_HEIGHT - 120) / 2.5)
    heights: dict[str, float] = {}
    for right in (True, False):
        ids = [i for i, (x, _) in position.items() if (x >= 0) == right]
        tallest = max(((lines or {}).get(i, 1) for i in ids), default=1)
        wanted = [position[i][1] for i in ids]
        gap = unit * (1 + 0.8 * (tallest - 1))  # a 12 px line is about 15 px high
        heights.update(zip(ids, spread_labels(wanted, gap, -1.2, 1.2), strict=True))
    return heights


@takes(GAZETTEER, mentions=MENTIONS)
def describe_co_mentions(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    *,
    types: str | tuple[str, ...] | None = None,
    top: int = 6,
) -> str:
    """The network in words: what :func:`co_mention_network` with the same ``types`` draws.

    A type no actor of the gazetteer has (a typo, "persn") is named, with the types there are.
    """
    types = _type_list(types)
    actors, edges = _network(gazetteer, mentions, types)
    shown = f" among {len(actors)} actors of these types: {', '.join(types)}" if types else ""
    known = sorted({a.type for a in gazetteer.actors})
    unknown = [t for t in types or () if t not in known]
    if unknown:
        shown += (
            f" (no actor in this list has the type {', '.join(map(repr, unknown))}; "
            f"the types are: {', '.join(known)})"
        )
    if not edges:
        return f"No two actors share a paragraph{shown}."
    names = {a.id: a.name for a in gazetteer.actors}
    pairs = "; ".join(f"{names[a]} – {names[b]} ({w} ¶)" for a, b, w in edges[:top])
    alone = [a.name for a in actors if not any(a.id in e[:2] for e in edges)]
    lonely = f" Drawn with no link: {', '.join(alone)}." if alone else ""
    return (
        f"{len(edges)} pairs of actors share at least one paragraph{shown}. "
        f"Most often together: {pairs}.{lonely}"
    )
