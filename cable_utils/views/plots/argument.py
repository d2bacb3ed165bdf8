"""Figures of lesson 04: the argument map, the stance matrix and the timeline.

All three follow the collection's figure rules: a title, axis labels, the
Okabe–Ito palette plus a second cue (marker symbols for holder groups, solid
vs dashed lines *and* a ``+`` / ``−`` label for support vs attack, a letter in
every stance cell), and a plain-text summary function beside each figure.
Layouts are deterministic: the same data always gives the same picture.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from html import escape
from typing import Any

from ..._arguments import ARGUMENT, CABLE, TIMELINE, instance_of, takes
from ..._words import counted
from ...analysis.argument import ArgumentData, TimelineEvent
from ...model import Cable
from ...reference.sources import cite
from ..render import OKABE_ITO
from ._style import JSONFigure, accessible_layout, mark_day, trace

__all__ = [
    "HOLDER_GROUPS",
    "argument_layout",
    "argument_map_figure",
    "argument_map_json",
    "describe_argument_map",
    "describe_stance_matrix",
    "describe_timeline",
    "holder_group",
    "stance_heatmap",
    "timeline_close_up",
    "timeline_figure",
]

#: Holder group (the actor's ``voice`` in actors.csv) → label, colour, marker symbol.
HOLDER_GROUPS: dict[str, tuple[str, str, str]] = {
    "official": ("Officials", OKABE_ITO["orange"], "circle"),
    "unofficial": ("Commentators", OKABE_ITO["sky blue"], "square"),
    "embassy": ("U.S. Embassy", OKABE_ITO["blue"], "diamond"),
    "foreign government": ("Foreign governments", OKABE_ITO["bluish green"], "triangle-up"),
    "media": ("Media", OKABE_ITO["reddish purple"], "hexagon"),
    "none": ("The public / others", OKABE_ITO["grey"], "cross"),
    "mixed": ("Several kinds of holder", OKABE_ITO["yellow"], "star"),
}
STANCE_STYLE = {  # value, colour, letter
    "FAVOR": (1, OKABE_ITO["blue"], "F"),
    "NONE": (0, "#DDDDDD", "N"),
    "AGAINST": (-1, OKABE_ITO["vermillion"], "A"),
}
EDGE_STYLE = {"support": ("solid", "+", "supports"), "attack": ("dash", "−", "attacks")}


@lru_cache(maxsize=4096)
def _wrap(text: str, width: int = 60) -> str:
    """``text`` escaped, in lines of ``width`` for a hover box (cached: the stance matrix
    wraps each claim once per actor, and textwrap was half of its time)."""
    return "<br>".join(escape(line) for line in textwrap.wrap(text, width)) or ""


def holder_group(data: ArgumentData, claim_id: str) -> str:
    """The group of a claim's holders (those in FAVOR, else all): one voice or "mixed"."""
    claim = data.claim(claim_id)
    favour = [e.holder for e in claim.evidence if e.stance == "FAVOR"] or claim.holders
    voices = {data.holder_voice(h) for h in favour}
    voices = {v if v in HOLDER_GROUPS else "none" for v in voices}
    return voices.pop() if len(voices) == 1 else "mixed"


# --------------------------------------------------------------------------- argument map


def argument_layout(data: ArgumentData) -> dict[str, tuple[float, float]]:
    """Deterministic positions: layers left → right along the relations, ordered within a layer.
    A claim's layer is the length of the longest chain of relations leading to
    it, so reasons stand left of what they bear on. Within a layer, claims are
    ordered by the mean position of what points at them (one barycentre pass),
    ties by claim id.
    """
    ids = [c.id for c in data.claims]
    incoming: dict[str, list[str]] = defaultdict(list)
    for relation in data.relations:
        incoming[relation.target].append(relation.source)
    layer: dict[str, int] = {}

    def depth(node: str, seen: frozenset[str] = frozenset()) -> int:
        if node in layer:
            return layer[node]
        if node in seen:  # a cycle: stop here rather than loop
            return 0
        value = max((depth(s, seen | {node}) + 1 for s in incoming[node]), default=0)
        layer[node] = value
        return value

    for node in ids:
        depth(node)
    order = {node: index for index, node in enumerate(sorted(ids, key=_claim_sort_key))}
    positions: dict[str, tuple[float, float]] = {}
    for level in sorted(set(layer.values())):
        members = [n for n in ids if layer[n] == level]

        def key(node: str) -> tuple[float, int]:
            ys = [positions[s][1] for s in incoming[node] if s in positions]
            return (sum(ys) / len(ys) if ys else float(order[node]), order[node])

        members.sort(key=key)
        count = len(members)
        for index, node in enumerate(members):
            y = (count - 1) / 2 - index
            positions[node] = (float(level), float(y))
    return positions


def _claim_sort_key(claim_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in claim_id if ch.isdigit())
    return (int(digits) if digits else 10**6, claim_id)


#: Characters per line of a node's label (two or three short lines fit between layers).
_LABEL_WIDTH = 20
#: How far apart (in layers across, in claims down) a "+"/"−" mark keeps from others.
_MARK_CLEARANCE = (0.09, 0.22)


def _mark_position(
    start: tuple[float, float], end: tuple[float, float], taken: list[tuple[float, float]]
) -> tuple[float, float]:
    """Where an edge's "+"/"−" goes: between two layers (never on one, where it would
    cover a claim the edge passes), at the first place along the edge clear of the
    claims and of the marks already placed."""
    (x0, y0), (x1, y1) = start, end
    gaps = max(1, round(abs(x1 - x0)))
    candidates = [(gap + f) / gaps for gap in range(gaps) for f in (0.5, 0.32, 0.68)]
    points = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in candidates]
    dx, dy = _MARK_CLEARANCE
    for x, y in points:
        if all(abs(x - a) >= dx or abs(y - b) >= dy for a, b in taken):
            return x, y
    return points[0]


def _node_label(data: ArgumentData, claim_id: str) -> str:
    """The ID in bold over the claim's short label, wrapped: the map reads without hovering."""
    lines = textwrap.wrap(data.claim(claim_id).short_label, _LABEL_WIDTH)
    return f"<b>{escape(claim_id)}</b><br>" + "<br>".join(escape(line) for line in lines)


def _claim_hover(data: ArgumentData, claim_id: str) -> str:
    claim = data.claim(claim_id)
    holders = "<br>".join(
        f"• {escape(data.actor_name(e.holder))}: {e.stance} (¶{e.paragraph})"
        for e in claim.evidence
    )
    return (
        f"<b>{escape(claim.id)}</b>: {_wrap(claim.text)}<br><i>{_wrap(claim.question)}</i>"
        f"<br>{holders}"
    )


@takes(ARGUMENT, selected=instance_of(str, what="a claim ID", how='selected="C1"').or_none())
def argument_map_figure(data: ArgumentData, selected: str | None = None) -> Any:
    """Claims as nodes (colour and symbol = holder group), support solid/“+”, attack dashed/“−”."""
    figure = JSONFigure()
    title = (
        f"The argument in {escape(data.cable_id)}:<br>who claims what, what supports or attacks it"
    )
    if not data.claims:
        figure.add_annotation(
            text=f"No curated claims for {escape(data.cable_id)} yet: see the template below.",
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
        )
        return accessible_layout(figure, title=title, x_title="", y_title="")
    positions = argument_layout(data)
    linked = {selected} if selected else set()
    for relation in data.relations:
        if selected in (relation.source, relation.target):
            linked.update((relation.source, relation.target))
    taken: list[tuple[float, float]] = list(positions.values())  # marks keep clear of these
    # Annotations are set once at the end: plotly re-validates the whole list on every
    # add_annotation, which made 33 of them cost 0.5 s (a lesson's slowest cell).
    annotations: list[dict[str, Any]] = []
    for kind, (dash, mark, verb) in EDGE_STYLE.items():
        line_colour = "#333333" if kind == "support" else "#777777"
        xs: list[float | None] = []
        ys: list[float | None] = []
        label_x, label_y, label_text, label_hover = [], [], [], []
        for relation in (r for r in data.relations if r.kind == kind):
            (x0, y0), (x1, y1) = positions[relation.source], positions[relation.target]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            x, y = _mark_position(positions[relation.source], positions[relation.target], taken)
            taken.append((x, y))
            label_x.append(x)
            label_y.append(y)
            label_text.append(mark)
            label_hover.append(
                f"{escape(relation.source)} {verb} {escape(relation.target)}"
                f"<br>{_wrap(relation.note)}"
            )
            emphasised = selected in (relation.source, relation.target)
            annotations.append(
                dict(
                    x=x0 + (x1 - x0) * 0.88,
                    y=y0 + (y1 - y0) * 0.88,
                    ax=x0 + (x1 - x0) * 0.80,
                    ay=y0 + (y1 - y0) * 0.80,
                    xref="x",
                    yref="y",
                    axref="x",
                    ayref="y",
                    text="",
                    showarrow=True,
                    arrowhead=2,
                    arrowsize=1.4,
                    arrowwidth=2.5 if emphasised else 1.5,
                    arrowcolor="#000000" if emphasised else "#555555",
                    name=f"{relation.source}->{relation.target}",
                )
            )
        figure.add_trace(
            trace(
                "scatter",
                x=xs,
                y=ys,
                mode="lines",
                name=f"{verb} ({'solid' if dash == 'solid' else 'dashed'} line, {mark})",
                line={"dash": dash, "width": 2, "color": line_colour},
                hoverinfo="skip",
                legendgroup=kind,
            )
        )
        figure.add_trace(
            trace(
                "scatter",
                x=label_x,
                y=label_y,
                mode="markers+text",
                text=label_text,
                textfont={"size": 16, "color": "#000000"},
                marker={"size": 18, "color": "#FFFFFF", "line": {"width": 1, "color": "#333333"}},
                hovertext=label_hover,
                hoverinfo="text",
                showlegend=False,
                legendgroup=kind,
                name=f"{verb} labels",
            )
        )
    by_group: dict[str, list[str]] = defaultdict(list)
    for claim in data.claims:
        by_group[holder_group(data, claim.id)].append(claim.id)
    for group, (label, colour, symbol) in HOLDER_GROUPS.items():
        members = by_group.get(group)
        if not members:
            continue
        figure.add_trace(
            trace(
                "scatter",
                x=[positions[m][0] for m in members],
                y=[positions[m][1] for m in members],
                mode="markers",
                name=label,
                customdata=members,
                hovertext=[_claim_hover(data, m) for m in members],
                hoverinfo="text",
                marker={
                    "size": [30 if m == selected else 22 for m in members],
                    "color": colour,
                    "symbol": symbol,
                    "line": {"width": [4 if m in linked else 1 for m in members], "color": "#000"},
                },
            )
        )
    for claim in data.claims:  # labels last: drawn over the lines, on a white ground
        x, y = positions[claim.id]
        annotations.append(
            dict(
                x=x,
                y=y,
                yshift=14,
                yanchor="bottom",
                text=_node_label(data, claim.id),
                showarrow=False,
                font={"size": 12, "color": "#1a1a1a"},
                bgcolor="rgba(255,255,255,0.85)",
                borderpad=1,
                name=f"label {claim.id}",
            )
        )
    figure.update_layout(annotations=annotations)
    steps = sorted({x for x, _ in positions.values()})
    ys = [y for _, y in positions.values()]
    figure.update_xaxes(
        showgrid=False,
        zeroline=False,
        tickmode="array",
        tickvals=steps,
        ticktext=[f"step {int(x)}" for x in steps],
        range=[min(steps) - 0.6, max(steps) + 0.6],  # room for the outer labels
    )
    figure.update_yaxes(
        showgrid=False,
        zeroline=False,
        showticklabels=False,
        range=[min(ys) - 0.5, max(ys) + 0.9],  # a label sits above its node
    )
    figure.update_layout(
        height=max(560, 125 * (max(ys) - min(ys) + 1.4)),
        legend={"title": {"text": "Holder group / relation"}, "orientation": "h", "y": -0.12},
    )
    return accessible_layout(
        figure,
        title=title,
        x_title="Reasoning order (reasons on the left, what they bear on to the right)",
        y_title="Claims (spread vertically)",
    )


_BASE_MAPS: dict[int, tuple[ArgumentData, dict[str, Any]]] = {}


def argument_map_json(data: ArgumentData, selected: str | None = None) -> dict[str, Any]:
    """The argument map as a plotly JSON dict, fast: built once per data, then re-highlighted.
    Equal in what it shows to ``argument_map_figure(data, selected)``; the widget
    uses it so that choosing a claim does not rebuild and revalidate the figure.
    """
    import copy

    cached = _BASE_MAPS.get(id(data))
    if cached is None or cached[0] is not data:
        base = argument_map_figure(data).plotly_json()
        _BASE_MAPS.clear()  # one cable at a time; keep memory flat
        _BASE_MAPS[id(data)] = (data, base)
    else:
        base = cached[1]
    figure = copy.deepcopy(base)
    linked = {selected} if selected else set()
    for relation in data.relations:
        if selected in (relation.source, relation.target):
            linked.update((relation.source, relation.target))
    for drawn in figure["data"]:
        members = drawn.get("customdata")
        if not members or drawn.get("mode") != "markers":
            continue
        drawn["marker"]["size"] = [30 if m == selected else 22 for m in members]
        drawn["marker"]["line"]["width"] = [4 if m in linked else 1 for m in members]
    for note in figure["layout"].get("annotations", []):
        source, _, target = note.get("name", "").partition("->")
        if target:
            emphasised = selected in (source, target)
            note["arrowwidth"] = 2.5 if emphasised else 1.5
            note["arrowcolor"] = "#000000" if emphasised else "#555555"
    return figure


@takes(ARGUMENT)
def describe_argument_map(data: ArgumentData) -> str:
    """The argument map in sentences: claims, their holders, and every relation."""
    if not data.claims:
        return f"There are no curated claims for {data.cable_id}, so there is no argument map yet."
    lines = [
        f"{counted(len(data.claims), 'claim')} and {counted(len(data.relations), 'relation')} "
        f"({sum(r.kind == 'support' for r in data.relations)} support, "
        f"{sum(r.kind == 'attack' for r in data.relations)} attack)."
    ]
    for claim in data.claims:
        holders = ", ".join(f"{data.actor_name(e.holder)} ({e.stance})" for e in claim.evidence)
        group = HOLDER_GROUPS[holder_group(data, claim.id)][0]
        lines.append(f"{claim.id} [{group}]: {claim.text}. Held by: {holders}.")
    for relation in data.relations:
        verb = EDGE_STYLE[relation.kind][2]
        lines.append(f"{relation.source} {verb} {relation.target}.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- stance matrix


@takes(ARGUMENT)
def stance_heatmap(data: ArgumentData, *, include_reference: bool = False) -> Any:
    """Actors × claims; colour and a letter (F / A / N) per cell; the evidence on hover."""
    from ...analysis.argument import stance_matrix

    matrix = stance_matrix(data, include_reference=include_reference)
    actors, claims = list(matrix.index), list(matrix.columns)
    cells = matrix.to_dict(orient="index")  # a dict lookup per cell, not .loc (20 µs each)
    z, text, hover = [], [], []
    for actor in actors:
        z_row, text_row, hover_row = [], [], []
        for claim_id in claims:
            stance = cells[actor][claim_id]
            value, _, letter = STANCE_STYLE.get(stance, (None, None, ""))
            evidence = data.evidence_for(actor, claim_id)
            if evidence is not None:
                detail = f"¶{evidence.paragraph}: “{_wrap(evidence.quote)}”"
            elif (actor, claim_id) in data.reference:
                detail = (
                    f"inferred (reference coding): {_wrap(data.reference[(actor, claim_id)][1])}"
                )
                letter = letter.lower()
            else:
                detail = "not coded"
            z_row.append(value)
            text_row.append(letter)
            hover_row.append(
                f"<b>{escape(data.actor_name(actor))}</b> on {escape(claim_id)}: "
                f"{escape(stance or '—')}<br>{_wrap(data.claim(claim_id).text)}<br>{detail}"
            )
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    colours = [STANCE_STYLE["AGAINST"][1], STANCE_STYLE["NONE"][1], STANCE_STYLE["FAVOR"][1]]
    figure = JSONFigure(
        trace(
            "heatmap",
            z=z,
            x=claims,
            y=[data.actor_name(a) for a in actors],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 14},
            hovertext=hover,
            hoverinfo="text",
            zmin=-1,
            zmax=1,
            xgap=2,
            ygap=2,
            colorscale=[
                [0, colours[0]],
                [0.33, colours[0]],
                [0.33, colours[1]],
                [0.66, colours[1]],
                [0.66, colours[2]],
                [1, colours[2]],
            ],
            colorbar={
                "title": {"text": "Stance"},
                "tickvals": [-1, 0, 1],
                "ticktext": ["A = AGAINST", "N = NONE", "F = FAVOR"],
            },
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=max(320, 34 * len(actors) + 140))
    source = " (lower case: inferred in the reference coding)" if include_reference else ""
    return accessible_layout(
        figure,
        title=f"Stance matrix of {data.cable_id}: FAVOR / AGAINST / NONE by actor{source}",
        x_title="Claim",
        y_title="Actor",
    )


@takes(ARGUMENT)
def describe_stance_matrix(data: ArgumentData, *, include_reference: bool = False) -> str:
    """The stance matrix in sentences: the text twin of :func:`stance_heatmap`.
    Call it with the heatmap's ``include_reference``: each claim lists who is
    FAVOR, AGAINST and NONE, and a stance the reference coding inferred (the
    heatmap's lower-case letters) is marked "inferred".
    """
    from ...analysis.argument import stance_matrix

    matrix = stance_matrix(data, include_reference=include_reference)
    if matrix.empty:
        return f"There are no coded stances for {data.cable_id}."
    lines = []
    for claim_id in matrix.columns:
        column = matrix[claim_id]
        parts = []
        for stance in ("FAVOR", "AGAINST", "NONE"):
            who = [
                data.actor_name(a)
                + (" (inferred)" if data.evidence_for(a, claim_id) is None else "")
                for a in column.index
                if column[a] == stance
            ]
            if who:
                parts.append(f"{stance}: {', '.join(who)}")
        coded = "; ".join(parts) if parts else "nobody coded"
        lines.append(f"{claim_id} ({data.claim(claim_id).text}): {coded}.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- timeline

# Category → marker symbol. Symbols are never reused, so the symbol alone tells the
# categories apart even where the eight Okabe–Ito colours repeat.
_CATEGORY_SYMBOLS = [
    "circle", "square", "diamond", "triangle-up", "hexagon", "cross", "star",
    "triangle-down", "pentagon", "x", "star-square", "hourglass",
]  # fmt: skip


def _period_of(event: TimelineEvent) -> tuple[date, date] | None:
    """The span a dated event covers on the axis, or None for a single day.
    A month-precision event ("Dec 1994") covers its month and a year-precision one its
    year: drawing them at the first day would put "by the end of February" on
    1 February, before the events it summarises.
    """
    if event.end is not None:
        return event.start, event.end
    if event.precision == "month":
        following = date(event.start.year + event.start.month // 12, event.start.month % 12 + 1, 1)
        return event.start, following - timedelta(days=1)
    if event.precision == "year":
        return event.start, date(event.start.year, 12, 31)
    return None


@takes(TIMELINE, cable=CABLE.or_none())
def timeline_figure(
    events: list[TimelineEvent],
    cable: Cable | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
) -> Any:
    """Events by category over time (periods as bars), with the cable's date marked.
    ``start``/``end`` zoom in (e.g. the weeks around the cable); events outside
    are left out, periods that overlap are clipped. Events dated to a month or a
    year are drawn across that month or year, with their marker at its start.
    """
    from ..render import OKABE_ITO as palette

    colours = list(palette.values())
    chosen = [
        e
        for e in events
        if (start is None or ((_period_of(e) or (e.start, e.start))[1]) >= start)
        and (end is None or e.start <= end)
    ]
    categories = list(dict.fromkeys(e.category for e in sorted(events, key=lambda e: e.category)))
    figure = JSONFigure()
    for index, category in enumerate(categories):
        colour, symbol = (
            colours[index % len(colours)],
            _CATEGORY_SYMBOLS[index % len(_CATEGORY_SYMBOLS)],
        )
        members = [e for e in chosen if e.category == category]
        for member in members:
            period = _period_of(member)
            if period is None:
                continue
            figure.add_trace(
                trace(
                    "scatter",
                    x=[max(period[0], start or period[0]), min(period[1], end or period[1])],
                    y=[category, category],
                    mode="lines",
                    line={"width": 10, "color": colour},
                    name=f"{category} (period)",
                    hovertext=_event_hover(member),
                    hoverinfo="text",
                    showlegend=False,
                )
            )
        if members:
            figure.add_trace(
                trace(
                    "scatter",
                    x=[max(e.start, start or e.start) for e in members],
                    y=[category] * len(members),
                    mode="markers",
                    name=category,
                    marker={
                        "size": 13,
                        "color": colour,
                        "symbol": symbol,
                        "line": {"width": 1, "color": "#000000"},
                    },
                    hovertext=[_event_hover(e) for e in members],
                    hoverinfo="text",
                )
            )
    if cable is not None and cable.date is not None:
        when = cable.date.date()
        mark_day(figure, when, f"this cable: {escape(cable.id or '')}, {when:%d %b %Y}")
    if (start is not None or end is not None) and events:
        low = start or min(e.start for e in events)
        high = end or max((e.end or e.start) for e in events)
        figure.update_xaxes(range=[low - timedelta(days=2), high + timedelta(days=2)])
    figure.update_layout(
        height=max(380, 60 + 38 * len(categories)),
        legend={"title": {"text": "Category (colour and symbol)"}},
    )
    span = "" if start is None else f" ({start:%d %b %Y} – {(end or start):%d %b %Y})"
    what = "sourced events" if events else "no sourced events for this cable yet"
    return accessible_layout(
        figure,
        title=f"Timeline{span}: {what}; dotted line = this cable",
        x_title="Date",
        y_title="Category",
    )


@takes(TIMELINE, cable=CABLE)
def timeline_close_up(
    events: list[TimelineEvent],
    cable: Cable,
    *,
    days_before: int = 9,
    days_after: int = 30,
) -> Any:
    """The weeks around the cable's own day (``timeline_figure`` zoomed in).
    Computed from the cable's date, so it is the close-up of whichever cable a
    lesson reads; a cable without a date gets the whole timeline, and its title says so.
    """
    if cable.date is None:
        figure = timeline_figure(events, cable)
        title = figure.layout.title.text or "Timeline"
        return figure.update_layout(title_text=f"{title} (this copy has no date to zoom in on)")
    day = cable.date.date()
    return timeline_figure(
        events,
        cable,
        start=day - timedelta(days=days_before),
        end=day + timedelta(days=days_after),
    )


def _event_hover(event: TimelineEvent) -> str:
    from ...analysis.argument import _when_text

    return (
        f"<b>{escape(_when_text(event))}</b><br>{_wrap(event.event)}"
        f"<br><i>Source: {_wrap(cite(event.source))}</i>"
    )


@takes(TIMELINE, cable=CABLE.or_none())
def describe_timeline(events: list[TimelineEvent], cable: Cable | None = None) -> str:
    from ...analysis.argument import _when_text

    if not events:
        name = f" for {cable.id}" if cable is not None and cable.id else ""
        return f"No sourced events{name} yet."
    lines = []
    placed = False
    for event in events:
        if (
            cable is not None
            and cable.date is not None
            and not placed
            and event.start > cable.date.date()
        ):
            lines.append(f"{cable.date:%d %b %Y}: ▶ this cable ({cable.id}) is sent.")
            placed = True
        lines.append(
            f"{_when_text(event)}: {event.event} [{event.category}; source: {cite(event.source)}]"
        )
    return "\n".join(lines)
