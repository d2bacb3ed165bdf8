"""pandas views of a :class:`~cable_utils.model.Cable`, and the one way lessons show a table.

Every table that shows something read from the text keeps ``start``/``end``
columns (raw offsets), so a reader can go from a row back to the source.

:func:`table_html` draws any DataFrame the way every lesson shows tables: text
whole (never cut with "..."), left-aligned and wrapped, no 0..n index, human
column headers, numbers right-aligned, and a horizontal scroll bar when the
table is wider than the page. :func:`cable_utils.lessons.readable_tables`
makes it the notebook's display of DataFrames.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

import pandas as pd

from .._words import counted
from ..model import SEGMENT_KINDS, Cable
from ..parse import takes_cable

__all__ = [
    "TABLE_MAX_ROWS",
    "addressees_table",
    "human_header",
    "paragraphs_table",
    "references_table",
    "segments_table",
    "summary_table",
    "table_html",
    "tags_table",
]


@takes_cable
def paragraphs_table(cable: Cable) -> pd.DataFrame:
    """One row per paragraph: number, marking, section, words, text, offsets."""
    rows = [
        {
            "number": p.number,
            "marking": p.marking,
            "section": p.section or "(main text)",
            "words": p.word_count,
            "text": p.text,
            "start": p.start,
            "end": p.end,
        }
        for p in cable.paragraphs
    ]
    frame = pd.DataFrame(
        rows, columns=["number", "marking", "section", "words", "text", "start", "end"]
    )
    return frame.astype({"number": "Int64", "words": "int64", "start": "int64", "end": "int64"})


@takes_cable
def addressees_table(cable: Cable) -> pd.DataFrame:
    """Action (TO) and information (INFO) addressees with their routing indicators."""
    rows = [
        {
            "role": "action (TO)" if a.role == "to" else "information (INFO)",
            "routing_indicator": a.routing_indicator,
            "name": a.name,
            "routing_table_name": a.routing_name,
            "precedence": a.precedence,
            "serial": a.serial,
            "start": a.start,
            "end": a.end,
        }
        for a in cable.addressees
    ]
    columns = [
        "role",
        "routing_indicator",
        "name",
        "routing_table_name",
        "precedence",
        "serial",
        "start",
        "end",
    ]
    return pd.DataFrame(rows, columns=columns)


@takes_cable
def segments_table(cable: Cable) -> pd.DataFrame:
    """Every segment with its kind, description, offsets and the raw text it covers."""
    rows = [
        {
            "kind": s.kind,
            "description": SEGMENT_KINDS.get(s.kind, ""),
            "label": s.label,
            "start": s.start,
            "end": s.end,
            "raw_text": cable.raw[s.start : s.end],
        }
        for s in cable.segments
    ]
    return pd.DataFrame(rows, columns=["kind", "description", "label", "start", "end", "raw_text"])


@takes_cable
def references_table(cable: Cable) -> pd.DataFrame:
    """The REF entries: label, text as written, canonical ID."""
    rows = [
        {"label": r.label, "text": r.text, "id": r.id, "start": r.start, "end": r.end}
        for r in cable.references
    ]
    return pd.DataFrame(rows, columns=["label", "text", "id", "start", "end"])


@takes_cable
def tags_table(cable: Cable) -> pd.DataFrame:
    """TAGS with their descriptions and kinds (subject, program, geographic, organisation)."""
    rows = [
        {
            "code": t.code,
            "description": t.description or "not in the TAGS table (a typo, or a rare code)",
            "kind": t.kind or "unknown",
            "start": t.start,
            "end": t.end,
        }
        for t in cable.tags
    ]
    return pd.DataFrame(rows, columns=["code", "description", "kind", "start", "end"])


@takes_cable
def summary_table(cable: Cable) -> pd.DataFrame:
    """The cable at a glance, as a two-column table (the text twin of the summary card)."""
    from .render import summary_fields

    return pd.DataFrame(summary_fields(cable), columns=["field", "value"])


# ------------------------------------------------------------------ the lesson table style

#: Rows drawn before the rest are summarised in a note (pandas' own default is 60).
TABLE_MAX_ROWS = 60
#: Words in headers that are written in capitals (or another way) in the lessons.
_HEADER_WORDS = {
    "id": "ID", "ids": "IDs", "url": "URL", "dtg": "DTG", "eo": "E.O.", "ref": "REF",
    "tags": "TAGS", "cameo": "CAMEO", "mfa": "MFA", "utc": "UTC", "csv": "CSV", "un": "UN",
}  # fmt: skip
#: Offsets columns say what they count.
_HEADER_NAMES = {"start": "Start (raw offset)", "end": "End (raw offset)"}
# "break-word", not "anywhere": with "anywhere" a squeezed table broke every word
# ("FA/VO/R", IDs one character a line); a table whose words do not fit scrolls instead.
_WRAP = "overflow-wrap:break-word;word-break:normal;hyphens:none"
_CELL = "padding:4px 10px;vertical-align:top;border-bottom:1px solid #d0d0d0"
_TEXT_CELL = f"{_CELL};text-align:left;white-space:normal;{_WRAP}"
_SHORT_TEXT_CELL = f"{_CELL};text-align:left;white-space:nowrap"
_NUMBER_CELL = f"{_CELL};text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums"
_HEAD_CELL = (
    "padding:4px 10px;vertical-align:bottom;border-bottom:2px solid #555;background:#f3f3f3"
)
#: A text column wider than this (in characters) wraps inside a bounded width.
_SHORT_TEXT = 24


def human_header(name: Any) -> str:
    """A column name as a reader expects it: ``speaker_name`` → "Speaker name", ``id`` → "ID".

    Names that are already written for people ("C3", "What it means") are kept,
    with a capital first letter.
    """
    text = " · ".join(map(str, name)) if isinstance(name, tuple) else str(name)
    if text in _HEADER_NAMES:
        return _HEADER_NAMES[text]
    words = [_HEADER_WORDS.get(word.lower(), word) for word in text.replace("_", " ").split()]
    if not words:
        return ""
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_cell_text(item) for item in value)
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:g}"
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # arrays and other containers
        pass
    return str(value)


def _is_share(name: Any, column: pd.Series) -> bool:
    """A column of shares (named "share" and holding fractions): shown as percentages.

    Lesson 06's tables showed "0.522", "0.083" beside counts a reader reads as "52 %".
    """
    if not str(name).lower().endswith("share") or not _is_number_column(column):
        return False
    values = column.dropna()
    return bool(len(values)) and bool(((values >= 0) & (values <= 1)).all())


def _share_text(value: Any) -> str:
    """``0.522`` → "52%"; a share under one per cent keeps a decimal ("0.4%", not "0%")."""
    if value is None or pd.isna(value):
        return ""
    return f"{value:.1%}" if 0 < value < 0.01 else f"{value:.0%}"


def _row_numbers_only(index: pd.Index) -> bool:
    """An unnamed index of integers: the row numbers of a filtered or sorted frame, not data."""
    return index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype)


def _is_number_column(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(
        column.dtype
    )


#: A lesson's output column in em of the tables' 14 px font (848 px in a 1,280 px window
#: with JupyterLab's file browser open, as it opens), less a margin: wrapped text columns
#: share what the others leave, so that a table of many columns fits instead of hiding its
#: last ones past the edge (lesson 03's actors table was 2,500 px wide, its Mentions and
#: Statements out of sight).
_TABLE_BUDGET_EM = 56
#: A wrapped text column is never made narrower than this (a few words a line).
_WRAPPED_FLOOR_EM = 7
#: Em a character of the table font takes on average, and a cell's padding.
_EM_PER_CHARACTER = 0.55
_CELL_PADDING_EM = 1.5


def _unwrapped_em(longest: int) -> float:
    """The width of a column that does not wrap (numbers, short text)."""
    return longest * _EM_PER_CHARACTER + _CELL_PADDING_EM


def _wrapped_widths(wanted: dict[Any, int], unwrapped_em: float) -> dict[Any, int]:
    """The minimum widths (em) of the wrapped columns: as wanted if the table fits
    the budget, else an equal share of what the other columns leave (not below the floor)."""
    needed = unwrapped_em + sum(width + _CELL_PADDING_EM for width in wanted.values())
    if not wanted or needed <= _TABLE_BUDGET_EM:
        return wanted
    left = _TABLE_BUDGET_EM - unwrapped_em - _CELL_PADDING_EM * len(wanted)
    share = max(_WRAPPED_FLOOR_EM, math.floor(left / len(wanted)))
    return {column: min(width, share) for column, width in wanted.items()}


def _column_styles(
    columns: list[Any], numbers: list[bool], texts: dict[Any, list[str]]
) -> list[str]:
    """The cell style of each column: numbers right-aligned, short text on one line, long
    text wrapped at a width that leaves the table inside the lesson's column.

    When the columns do not fit on one line each, short text of several words wraps too
    (at spaces; a date, an ID or a level stays whole: "2008-/02-19" read as a slip) and
    the long text columns share what is left (:func:`_wrapped_widths`).
    """
    # A column is at least as wide as its header's longest word (headers wrap at spaces).
    heading = {c: max((len(w) for w in human_header(c).split()), default=0) for c in columns}
    longest = {c: max([heading[c], *(len(t) for t in texts[c])]) for c in columns}
    words = {c: max([heading[c], *(len(w) for t in texts[c] for w in t.split())]) for c in columns}
    text = [c for c, number in zip(columns, numbers, strict=True) if not number]
    long = [c for c in text if longest[c] > _SHORT_TEXT]
    spaced = {c for c in text if any(" " in t for t in texts[c])}
    wanted = {c: min(36, max(14, longest[c] // 6)) for c in long}
    fixed = sum(_unwrapped_em(longest[c]) for c in columns if c not in long)
    short_wraps = fixed + sum(w + _CELL_PADDING_EM for w in wanted.values()) > _TABLE_BUDGET_EM
    if short_wraps:  # (short text then takes its longest word, not its whole line)
        fixed = sum(
            _unwrapped_em(words[c] if c in spaced else longest[c]) for c in columns if c not in long
        )
    widths = _wrapped_widths(wanted, fixed)
    styles = []
    for column, number in zip(columns, numbers, strict=True):
        if number:
            styles.append(_NUMBER_CELL)
        elif column in widths:
            styles.append(f"{_TEXT_CELL};min-width:{widths[column]}em;max-width:40em")
        else:
            styles.append(_TEXT_CELL if short_wraps and column in spaced else _SHORT_TEXT_CELL)
    return styles


def table_html(
    frame: pd.DataFrame, *, caption: str | None = None, max_rows: int = TABLE_MAX_ROWS
) -> str:
    """``frame`` as escaped HTML in the lessons' one table style (see the module docstring).

    A meaningful index (not 0..n) becomes the first column. ``caption``
    (default: ``frame.attrs["caption"]``) is shown above the table. Rows past
    ``max_rows`` are left out and counted in a note under the table; no cell
    is ever shortened.
    """
    shown = frame
    if _row_numbers_only(frame.index):  # (the rows a filter kept: web[web.cited_in_corpus])
        shown = frame.reset_index(drop=True)
    elif not isinstance(frame.index, pd.RangeIndex):
        names = [n if n is not None else "" for n in frame.index.names]
        shown = frame.reset_index(names=names) if any(names) else frame.reset_index(names=[""])
    rows = shown.head(max_rows)
    columns = list(rows.columns)
    shares = {c for i, c in enumerate(columns) if _is_share(c, rows.iloc[:, i])}
    texts = {
        c: [_share_text(v) if c in shares else _cell_text(v) for v in rows.iloc[:, i]]
        for i, c in enumerate(columns)
    }
    numbers = [_is_number_column(shown.iloc[:, i]) for i in range(len(columns))]
    aligns = ["right" if number else "left" for number in numbers]
    styles = _column_styles(columns, numbers, texts)
    head = "".join(
        f'<th scope="col" style="{_HEAD_CELL};text-align:{align}">'
        f"{escape(human_header(column))}</th>"
        for column, align in zip(columns, aligns, strict=True)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="{style}">{escape(texts[column][r])}</td>'
            for column, style in zip(columns, styles, strict=True)
        )
        + "</tr>"
        for r in range(len(rows))
    )
    caption = caption if caption is not None else frame.attrs.get("caption")
    cap = (
        f'<caption style="text-align:left;font-weight:bold;padding:4px 0">{escape(caption)}'
        "</caption>"
        if caption
        else ""
    )
    more = len(shown) - len(rows)
    note = (
        f'<p class="cable-table-note" style="margin:4px 0;color:#333">'
        f"{counted(more, 'more row')} not shown: use <code>.iloc[a:b]</code> or "
        "<code>.query(...)</code> to see them.</p>"
        if more > 0
        else ""
    )
    empty = (
        '<p class="cable-table-note" style="margin:4px 0;color:#333">(no rows)</p>'
        if shown.empty
        else ""
    )
    return (
        '<div class="cable-table-wrap" style="overflow-x:auto;max-width:100%">'
        '<table class="cable-table" style="border-collapse:collapse;table-layout:auto;'
        f'width:auto;margin:4px 0;font-size:14px;line-height:1.4">{cap}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{empty}{note}</div>"
    )
