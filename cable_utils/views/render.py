"""HTML views of a cable. Every piece of cable text is escaped.

A remixer's cable is untrusted input: text such as ``<script>`` must show as
text and never run, so every string that came from a cable or a user passes
through :func:`html.escape` before it is put into markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from heapq import heappop, heappush
from html import escape

from ..model import SEGMENT_KINDS, Cable, Segment
from ..parse import takes_cable

__all__ = [
    "CARD_STYLE",
    "EVIDENCE_STYLE",
    "OKABE_ITO",
    "SEGMENT_COLOURS",
    "highlight_html",
    "summary_card_html",
    "summary_fields",
]

#: The Okabe–Ito palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "grey": "#999999",
}

_PALETTE = list(OKABE_ITO.values())

#: The collection's one card style (summary, paragraph, actor and claim cards), inline so
#: that a card looks the same in JupyterLab, in an exported page and in the static site.
CARD_STYLE = (
    "border:1px solid #8c8c8c;border-radius:6px;padding:8px 12px;margin:6px 0;"
    "background:#fff;max-width:62em"
)
#: Quoted cable text: a proportional font, whole words (no break inside a word), a
#: bounded box that scrolls (the panels' script scrolls it to the first highlight).
EVIDENCE_STYLE = (
    "font-family:var(--jp-content-font-family,system-ui,sans-serif);font-size:14px;"
    "line-height:1.5;white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;"
    "hyphens:none;max-height:24em;overflow-y:auto;border:1px solid #8c8c8c;"
    "border-radius:4px;padding:6px 10px;margin:4px 0"
)
#: Monospace for the telegram itself, where columns matter; still no break inside a word.
_CABLE_TEXT_STYLE = (
    "white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;font-size:12px;line-height:1.5"
)

#: A colour and a border style per segment kind: the border is the second cue,
#: so kinds stay distinguishable without colour.
SEGMENT_COLOURS: dict[str, tuple[str, str]] = {
    kind: (
        _PALETTE[index % len(_PALETTE)],
        ("solid", "dashed", "dotted", "double")[index // len(_PALETTE) % 4],
    )
    for index, kind in enumerate(SEGMENT_KINDS)
}


@takes_cable
def summary_fields(cable: Cable) -> list[tuple[str, str]]:
    """The fields of the summary card, as (label, value) text pairs."""
    when = cable.date.strftime("%d %B %Y, %H:%M UTC") if cable.date else "no date found"
    to = "; ".join(a.name for a in cable.to) or "—"
    info = "; ".join(a.name for a in cable.info) or "—"
    tags = (
        ", ".join(f"{t.code} ({t.description})" if t.description else t.code for t in cable.tags)
        or "—"
    )
    return [
        ("Cable", cable.id or "—"),
        ("From", cable.origin or "—"),
        ("To (action)", to),
        ("Info", info),
        ("Date", when),
        # The level alone: SIPDIS and the like are handling markers, not part of the level
        # (lesson 01 teaches the difference; "CONFIDENTIAL / SIPDIS" blurred it).
        ("Classification", cable.classification or "—"),
        ("Handling markers", ", ".join(cable.handling) or "—"),
        ("Subject", cable.subject or "—"),
        ("TAGS", tags),
        ("Paragraphs", str(sum(1 for p in cable.paragraphs if p.number is not None))),
        ("Signed", cable.signer or "—"),
        ("Warnings", str(len(cable.warnings))),
    ]


@takes_cable
def summary_card_html(cable: Cable) -> str:
    """A compact card: from, to, date, classification, subject (escaped)."""
    rows = "".join(
        f'<tr><th scope="row" style="text-align:left;padding:2px 8px;vertical-align:top">{escape(label)}</th>'
        f'<td style="text-align:left;padding:2px 8px">{escape(value)}</td></tr>'
        for label, value in summary_fields(cable)
    )
    warnings = ""
    if cable.warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in cable.warnings)
        warnings = f"<p><strong>What looks wrong in this text:</strong></p><ul>{items}</ul>"
    return (
        f'<div class="cable-card summary-card" role="region" aria-label="Cable summary" '
        f'style="{CARD_STYLE}">'
        f'<table><caption style="text-align:left;font-weight:bold">Cable at a glance</caption>{rows}</table>'
        f"{warnings}</div>"
    )


def _boundaries(segments: Iterable[Segment], length: int) -> list[int]:
    points = {0, length}
    for segment in segments:
        points.add(max(0, min(segment.start, length)))
        points.add(max(0, min(segment.end, length)))
    return sorted(points)


def _innermost_runs(
    segments: Iterable[Segment], length: int
) -> Iterator[tuple[int, int, Segment | None]]:
    """``(left, right, segment)`` for each stretch between segment boundaries, with the
    innermost (shortest) segment covering it, or None; among equally short ones,
    the first in ``(start, -end)`` order.

    A sweep over the boundaries with a heap of the segments open there, keyed
    by length: each segment is pushed and popped once, so the whole text costs
    O((n + b) log n) for n segments and b boundaries, instead of scanning every
    segment for every stretch.
    """
    chosen = sorted(segments, key=lambda s: (s.start, -s.end))
    points = _boundaries(chosen, length)
    open_segments: list[tuple[int, int]] = []  # (length, index in chosen)
    next_index = 0
    for left, right in zip(points, points[1:], strict=False):
        if left == right:
            continue
        while next_index < len(chosen) and chosen[next_index].start <= left:
            segment = chosen[next_index]
            heappush(open_segments, (segment.end - segment.start, next_index))
            next_index += 1
        # Segments that ended at or before this stretch leave when they reach the top.
        while open_segments and chosen[open_segments[0][1]].end < right:
            heappop(open_segments)
        yield left, right, chosen[open_segments[0][1]] if open_segments else None


def highlight_html(
    raw: str,
    segments: Iterable[Segment],
    *,
    colours: Mapping[str, tuple[str, str]] | None = None,
    selected: Segment | None = None,
) -> str:
    """The raw text in a ``<pre>``, with each segment's characters highlighted.

    Where segments nest (an artifact inside the TAGS line), the innermost wins.
    The ``selected`` segment gets a thick outline. Everything is escaped. Linear
    in the text and n log n in the segments (``benchmarks/bench_render.py``).
    """
    colours = colours or SEGMENT_COLOURS
    pieces = []
    for left, right, innermost in _innermost_runs(segments, len(raw)):
        chunk = escape(raw[left:right])
        if innermost is None:
            pieces.append(chunk)
            continue
        colour, border = colours.get(innermost.kind, ("#999999", "solid"))
        outline = (
            "outline:3px solid #000;" if selected is not None and innermost == selected else ""
        )
        pieces.append(
            f'<mark class="seg seg-{escape(innermost.kind)}" title="{escape(innermost.kind)}" '
            f'style="background:{colour}55;border-bottom:2px {border} {colour};{outline}">{chunk}</mark>'
        )
    return f'<pre class="cable-text" style="{_CABLE_TEXT_STYLE}">' + "".join(pieces) + "</pre>"


def legend_html(kinds: Iterable[str], colours: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A legend for :func:`highlight_html`: swatch, kind and description."""
    colours = colours or SEGMENT_COLOURS
    items = []
    for kind in kinds:
        colour, border = colours.get(kind, ("#999999", "solid"))
        items.append(
            f'<li><span style="display:inline-block;width:1.5em;background:{colour}55;'
            f'border-bottom:2px {border} {colour}">&nbsp;</span> <strong>{escape(kind)}</strong>: '
            f"{escape(SEGMENT_KINDS.get(kind, ''))}</li>"
        )
    return f'<ul class="legend" style="list-style:none;padding-left:0">{"".join(items)}</ul>'
