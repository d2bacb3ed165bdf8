"""The reference tables in ``data/reference/``, read once and cached.

Read with the standard ``csv`` module so that parsing a cable never needs pandas.
A missing table is not fatal: decoders then say "not in the reference table"
instead of guessing.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from ..source.paths import DATA_DIR

__all__ = [
    "ReferenceEntry",
    "markings",
    "operating_signals",
    "precedences",
    "reasons",
    "routing_indicators",
    "tags",
]

ReferenceEntry = dict[str, str]


def _read_table(name: str) -> list[ReferenceEntry]:
    path = Path(DATA_DIR) / "reference" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


@cache
def tags() -> dict[str, ReferenceEntry]:
    """TAGS code → row (``description``, ``kind``, ``source``)."""
    return {row["code"].strip().upper(): row for row in _read_table("tags.csv") if row.get("code")}


@cache
def routing_indicators() -> dict[str, ReferenceEntry]:
    """Routing indicator → row (``name``, ``source``)."""
    table = _read_table("routing_indicators.csv")
    return {row["indicator"].strip().upper(): row for row in table if row.get("indicator")}


@cache
def reasons() -> list[ReferenceEntry]:
    """Rows of (order, section, letter, meaning, source)."""
    return _read_table("reasons.csv")


@cache
def precedences() -> dict[str, ReferenceEntry]:
    """Precedence prosign (``P``) → row (``name``, ``meaning``)."""
    return {
        row["prosign"].strip(): row for row in _read_table("precedence.csv") if row.get("prosign")
    }


@cache
def markings() -> dict[str, ReferenceEntry]:
    """Portion marking or banner (``C``, ``S/NF``) → row."""
    return {
        row["marking"].strip().upper(): row
        for row in _read_table("markings.csv")
        if row.get("marking")
    }


@cache
def operating_signals() -> dict[str, ReferenceEntry]:
    """Operating signal (``ZZH``) → row (``meaning``, ``source``)."""
    return {
        row["signal"].strip().upper(): row
        for row in _read_table("operating_signals.csv")
        if row.get("signal")
    }


def reason_meaning(letter: str, section: str | None, order: str | None) -> str | None:
    """The meaning of a classification reason letter, preferring the cable's own order."""
    letter = letter.lower()
    candidates = [row for row in reasons() if row.get("letter", "").strip().lower() == letter]
    if section:
        same_section = [row for row in candidates if row.get("section", "").strip() == section]
        candidates = same_section or candidates
    if order:
        same_order = [row for row in candidates if order in row.get("order", "")]
        candidates = same_order or candidates
    return candidates[0].get("meaning") if candidates else None
