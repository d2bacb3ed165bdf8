"""HTML views of search results: the results table and keyword-in-context lines.

Every piece of cable text (subjects, IDs, contexts, matches) and of user text
(the query) is escaped: a corpus is as untrusted as a pasted cable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from .._arguments import table_from, takes
from .._words import counted

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..corpus.index import Hit, SearchResults

__all__ = [
    "concordance_html",
    "filters_text",
    "hit_kwic_html",
    "hit_lines",
    "kwic_html",
    "results_html",
]

_SPACE = re.compile(r"\s+")
_TABLE = "border-collapse:collapse;font-size:13px"
_CELL = "padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"
_MARK = "background:#F0E442;border-bottom:2px solid #000;font-weight:bold"


_FILTER_NAMES = {"post": "post", "date_from": "from", "date_to": "to",
                 "classification": "classification", "tags": "TAGS"}  # fmt: skip


def filters_text(filters: dict[str, Any]) -> str:
    """The filters of a search in words ("post BAKU, from 2009-01-01"), or ""."""
    parts = []
    for key, name in _FILTER_NAMES.items():
        value = filters.get(key)
        if value:
            shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
            parts.append(f"{name} {shown}")
    return ", ".join(parts)


def results_html(results: SearchResults, *, selected: str | None = None) -> str:
    """The hits as a table: rank, ID, date, post, classification, subject (the selected row marked).

    The caption names the filters in use, so a count read on its own is not taken
    for the whole corpus's, and a search that finds nothing says what to loosen.
    """
    filtered = filters_text(results.filters)
    caption = escape(str(results) + (f" with the filters {filtered}" if filtered else ""))
    if not results.hits:
        advice = "Try fewer words, a prefix (Karab*) or OR" + (
            ", or fewer filters" if filtered else ""
        )
        notes = "".join(f" {escape(note[:1].upper() + note[1:])}." for note in results.notes)
        return f"<p role='status'>{caption}.{notes} {advice}.</p>"
    rows = []
    for number, hit in enumerate(results, start=1):
        chosen = hit.id == selected
        style = _CELL + (";background:#E8F4FA;font-weight:bold" if chosen else "")
        date = escape((hit.date or "undated")[:10])
        if hit.date_from == "catalogue":
            date += " <span title='date from the catalogue: the text has no date-time group'>(cat.)</span>"
        marked = " aria-selected='true'" if chosen else ""
        rows.append(
            f"<tr{marked}>"
            f"<td style='{style}'>{number}</td><td style='{style}'>{escape(hit.id or '(no id)')}</td>"
            f"<td style='{style};white-space:nowrap'>{date}</td>"
            f"<td style='{style}'>{escape(hit.post or '?')}</td>"
            f"<td style='{style}'>{escape(hit.classification or '?')}</td>"
            f"<td style='{style}'>{escape(hit.subject or '(no subject)')}</td></tr>"
        )
    header = "".join(
        f"<th scope='col' style='{_CELL}'>{name}</th>"
        for name in ("#", "ID", "date", "post", "classification", "subject")
    )
    return (
        f"<table class='search-results' style='{_TABLE}'>"
        f"<caption style='text-align:left;font-weight:bold'>{caption}</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def hit_lines(
    text: str, spans: Iterable[tuple[int, int]], width: int = 60
) -> list[tuple[str, str, str]]:
    """(left, match, right) for each span, with line breaks shown as spaces."""
    lines = []
    for start, end in spans:
        left = _SPACE.sub(" ", text[max(0, start - 3 * width) : start])[-width:]
        right = _SPACE.sub(" ", text[end : end + 3 * width])[:width]
        lines.append((left, _SPACE.sub(" ", text[start:end]), right))
    return lines


# The two contexts share the width the other columns leave, and each is cut at its far
# end: a table as wide as its 60-character contexts ran off a lesson's column (about
# 850 px at a 1280 px window), so the right context and the raw offsets needed a
# sideways scroll, hidden on many screens. ``max-width:0`` lets a cell of an auto-layout
# table shrink below its text; the left context is laid out right to left (its inner
# text stays left to right), so that it is cut, with an ellipsis, at its start.
_FIT_TABLE = _TABLE + ";width:100%;table-layout:auto"  # JupyterLab sets fixed
_CONTEXT = (
    _CELL + ";max-width:0;width:50%;overflow:hidden;text-overflow:ellipsis;"
    "white-space:pre;font-family:monospace"
)
_LEFT = _CONTEXT + ";direction:rtl;text-align:right"
_TIGHT = _CELL + ";white-space:nowrap;width:1%"  # as narrow as its text


def _left_context(text: str) -> str:
    return (
        f"<td style='{_LEFT}' title='{escape(text)}'>"
        f"<span dir='ltr' style='unicode-bidi:embed'>{escape(text)}</span></td>"
    )


def kwic_html(
    lines: Sequence[tuple[str, str, str]],
    *,
    caption: str,
    meta: Sequence[Sequence[str]] | None = None,
    meta_names: Sequence[str] = (),
    offsets: Sequence[tuple[int, int]] | None = None,
) -> str:
    """Keyword-in-context lines: the left context right-aligned, the match marked, the right context.

    ``meta`` adds leading columns per line (e.g. ID, date, post) named by
    ``meta_names``; ``offsets`` adds each match's raw ``start–end``. The table
    fits the width it is shown in: the contexts are cut at their far ends (the
    whole of each is its cell's tooltip), never the match, the meta columns or
    the offsets.
    """
    if not lines:
        return f"<p role='status'>{escape(caption)}: no matches.</p>"
    head = [escape(name) for name in meta_names] + ["left context", "match", "right context"]
    if offsets is not None:
        head.append("raw offsets")
    rows = []
    for index, (left, match, right) in enumerate(lines):
        cells = [escape(value) for value in (meta[index] if meta else ())]
        cells_html = "".join(f"<td style='{_TIGHT}'>{c}</td>" for c in cells)
        where = (
            f"<td style='{_TIGHT}'>{offsets[index][0]}–{offsets[index][1]}</td>"
            if offsets is not None
            else ""
        )
        rows.append(
            f"<tr>{cells_html}{_left_context(left)}"
            f"<td style='{_TIGHT};white-space:pre;font-family:monospace'><mark style='{_MARK}'>{escape(match)}</mark></td>"
            f"<td style='{_CONTEXT}' title='{escape(right)}'>{escape(right)}</td>{where}</tr>"
        )
    header = "".join(f"<th scope='col' style='{_TIGHT}'>{name}</th>" for name in head)
    return (
        f"<div style='overflow-x:auto'><table class='kwic' style='{_FIT_TABLE}'>"
        f"<caption style='text-align:left;font-weight:bold'>{escape(caption)}</caption>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def hit_kwic_html(hit: Hit, text: str, *, width: int = 60) -> str:
    """Every match in one cable, in context, with its raw offsets."""
    lines = hit_lines(text, hit.spans, width)
    caption = f"{hit.id}: {len(lines)} match{'es' if len(lines) != 1 else ''} in context"
    return kwic_html(lines, caption=caption, offsets=list(hit.spans))


#: A concordance as cable_utils.corpus.overview.concordance returns it.
_CONCORDANCE = table_from(
    "concordance(index, query)",
    ["id", "date", "post", "left", "match", "right"],
    name="lines",
)


@takes(_CONCORDANCE)
def concordance_html(frame: pd.DataFrame, *, caption: str | None = None) -> str:
    """A :func:`~cable_utils.corpus.overview.concordance` table as keyword-in-context HTML."""
    total = frame.attrs.get("total_cables")
    read = frame.attrs.get("cables_read")
    query = frame.attrs.get("query", "")
    default = f"{counted(len(frame), 'line')} for {query!r}"
    if total is not None:
        matching = counted(total, "matching cable")
        default += f" in the {matching}" if read == total else f" in {read:,} of the {matching}"
    for note in frame.attrs.get("notes", ()):  # why nothing matched, when a filter says why
        default += f" ({note})"
    lines = list(zip(frame["left"], frame["match"], frame["right"], strict=True))
    meta: list[Sequence[Any]] = [
        (str(i), str(d), str(p))
        for i, d, p in zip(frame["id"], frame["date"], frame["post"], strict=True)
    ]
    return kwic_html(
        lines, caption=caption or default, meta=meta, meta_names=("ID", "date", "post")
    )
