"""pandas views of a :class:`~cable_utils.model.Cable`.

Every table that shows something read from the text keeps ``start``/``end``
columns (raw offsets), so a reader can go from a row back to the source.
"""

from __future__ import annotations

import pandas as pd

from ..model import SEGMENT_KINDS, Cable

__all__ = [
    "addressees_table",
    "paragraphs_table",
    "references_table",
    "segments_table",
    "summary_table",
    "tags_table",
]


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


def references_table(cable: Cable) -> pd.DataFrame:
    """The REF entries: label, text as written, canonical ID."""
    rows = [
        {"label": r.label, "text": r.text, "id": r.id, "start": r.start, "end": r.end}
        for r in cable.references
    ]
    return pd.DataFrame(rows, columns=["label", "text", "id", "start", "end"])


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


def summary_table(cable: Cable) -> pd.DataFrame:
    """The cable at a glance, as a two-column table (the text twin of the summary card)."""
    from .render import summary_fields

    return pd.DataFrame(summary_fields(cable), columns=["field", "value"])
