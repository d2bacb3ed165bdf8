"""The collection's glossary (``data/glossary.csv``): terms, definitions, sources.

Lessons link a term to the glossary; ``define("DTG")`` shows one entry in a cell
and ``glossary_table()`` the whole list (or the terms a lesson uses).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .._arguments import instance_of, takes, words
from ..errors import CableError
from ..source.paths import DATA_DIR
from ._frames import full_text_frame
from .sources import cite

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Definition", "UnknownTermError", "define", "glossary_entries", "glossary_table"]


@dataclass(frozen=True, slots=True)
class Definition:
    term: str
    definition: str
    see_also: str
    source: str

    def __str__(self) -> str:
        return f"{self.term}: {self.definition} (source: {cite(self.source)})"

    def _repr_html_(self) -> str:
        see = f"<br><em>See also:</em> {escape(self.see_also)}" if self.see_also else ""
        return (
            f'<div class="glossary-entry" style="border-left:4px solid #0072B2;padding:4px 8px">'
            f"<strong>{escape(self.term)}</strong>: {escape(self.definition)}{see}"
            f"<br><small>Source: {escape(cite(self.source))}</small></div>"
        )


@cache
def glossary_entries() -> tuple[Definition, ...]:
    path = Path(DATA_DIR) / "glossary.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Definition(
                row["term"].strip(),
                row.get("definition", "").strip(),
                row.get("see_also", "").strip(),
                row.get("source", "").strip(),
            )
            for row in csv.DictReader(handle)
            if row.get("term")
        )


class UnknownTermError(CableError, KeyError):
    """A term the glossary does not hold (a ``KeyError`` too); the message lists close terms."""

    def __str__(self) -> str:  # KeyError's own would print the message in quotes
        return str(self.args[0]) if self.args else ""


#: One term, several, or None (the whole glossary).
_TERMS = words("a term or a list of terms", 'glossary_table(["TAGS", "REF"])').or_none()


@takes(instance_of(str, what="a term (a string)", how='define("TAGS")'))
def define(term: str) -> Definition:
    """One glossary entry, matched without regard to case; :class:`UnknownTermError` lists close terms."""
    wanted = term.strip().casefold()
    for entry in glossary_entries():
        if entry.term.casefold() == wanted:
            return entry
    close = [e.term for e in glossary_entries() if wanted and wanted in e.term.casefold()]
    if len(close) > 6:  # a short fragment matches half the glossary: name a few
        close = [*close[:6], "…"]
    hint = f"; did you mean {', '.join(close)}?" if close else "; see glossary_table()"
    raise UnknownTermError(f"{term!r} is not in data/glossary.csv{hint}")


@takes(_TERMS)
def glossary_table(terms: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The glossary as a table; ``terms`` (one term, or several) keeps only those, in that order."""
    import pandas as pd

    if isinstance(terms, str):  # "TAGS" is one term, not four letters
        terms = [terms]
    entries = list(glossary_entries()) if terms is None else [define(term) for term in terms]
    # Whole definitions (pandas would cut them at 50 characters), sources as citations.
    return full_text_frame(
        pd.DataFrame(
            [(e.term, e.definition, e.see_also, cite(e.source)) for e in entries],
            columns=["term", "definition", "see_also", "source"],
        )
    )
