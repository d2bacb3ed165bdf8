"""The collection's sources (``data/sources.csv``): every citation resolves to a row.

Tables and lessons cite sources by short ids (``un-sc6686``, ``cable-08baku151``),
one or several separated by ``;``. :func:`cite` turns such a cell into a citation a
reader can follow; :func:`sources_table` lists the rows with their addresses and
how far each was checked.

A cell that is not made of known ids (a remixer's own annotation, say
"my interview, 2024") is shown as written rather than rejected: the collection's own
tables are held to the ids by ``tests/test_sources.py``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .._arguments import takes, words
from ..errors import CableError
from ..source.paths import DATA_DIR
from ._frames import full_text_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Source",
    "SourceTableError",
    "cite",
    "load_sources",
    "source_ids",
    "sources_table",
]

COLUMNS = (
    "id", "title", "author_or_outlet", "date", "address", "supports",
    "kind", "access", "checked", "note",
)  # fmt: skip

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class SourceTableError(CableError):
    """``data/sources.csv`` is missing a column or cannot be read."""


@dataclass(frozen=True, slots=True)
class Source:
    """One row of ``data/sources.csv``."""

    id: str
    title: str
    author_or_outlet: str
    date: str
    address: str
    supports: str
    kind: str
    access: str
    checked: str
    note: str

    @property
    def when(self) -> str:
        """The date as a reader writes it: ``18 Feb 2008``, ``Feb 2008`` or ``2008``."""
        parts = self.date.split("-")
        try:
            if len(parts) == 3:
                return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
            if len(parts) == 2:
                return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        except (ValueError, IndexError):
            pass
        return self.date

    @property
    def short(self) -> str:
        """``Outlet, date [id]``: who and when, and the id that finds the full row."""
        return f"{self.author_or_outlet}, {self.when} [{self.id}]"

    @property
    def citation(self) -> str:
        """A full reference: outlet, title, date, address."""
        return f"{self.author_or_outlet}, “{self.title}”, {self.when}. {self.address}"


def _read(path: Path) -> dict[str, Source]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceTableError(f"{path} lacks the columns {', '.join(missing)}")
            table = {}
            for row in reader:
                key = (row.get("id") or "").strip()
                if key:
                    table[key] = Source(*((row.get(c) or "").strip() for c in COLUMNS))
            return table
    except (UnicodeDecodeError, csv.Error) as error:
        raise SourceTableError(f"{path} cannot be read as a UTF-8 CSV table ({error})") from error


@cache
def load_sources(path: Path | None = None) -> dict[str, Source]:
    """The sources table by id; an empty table when the collection ships none."""
    target = path or Path(DATA_DIR) / "sources.csv"
    if not target.is_file():
        return {}
    return _read(target)


def source_ids(cell: str | Iterable[str]) -> list[str]:
    """The ids in a citation cell (``"a;b"`` or an iterable of ids), in order."""
    parts = cell.split(";") if isinstance(cell, str) else list(cell)
    return [part.strip() for part in parts if part and part.strip()]


def cite(cell: str | Iterable[str], *, full: bool = False) -> str:
    """A citation for a cell of source ids, ``;``-separated, e.g. ``"un-sc6686;wp-kfor"``.

    Known ids become ``Outlet, date [id]`` (or the full reference with ``full=True``).
    A cell with any part that is not a known id is returned as written, since it is
    somebody's own free-text source, not a citation of this collection's table.
    """
    parts = source_ids(cell)
    table = load_sources()
    if not parts:
        return ""
    if not all(part in table for part in parts):
        return cell if isinstance(cell, str) else "; ".join(parts)
    return "; ".join(table[p].citation if full else table[p].short for p in parts)


@takes(words("a source id or a list of them", 'sources_table(["un-sc6686"])').or_none())
def sources_table(ids: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The sources as a table (all, or the ids given, in that order); unknown ids are listed
    as such rather than dropped, so a reader sees what could not be resolved."""
    import pandas as pd

    table = load_sources()
    wanted = list(table) if ids is None else source_ids(ids)
    rows = []
    for key in wanted:
        found = table.get(key)
        if found is None:
            rows.append((key, "(not in data/sources.csv)", "", "", "", ""))
            continue
        rows.append(
            (key, found.author_or_outlet, found.title, found.when, found.address, found.checked)
        )
    return full_text_frame(
        pd.DataFrame(
            rows, columns=["id", "author_or_outlet", "title", "date", "address", "checked"]
        )
    )
