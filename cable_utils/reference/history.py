"""The collection's tables about the history around 08BAKU151.

- ``data/recognitions.csv``: recognitions of Kosovo, 17 Feb – 31 Oct 2008, each with
  its date, whether the state is a UN member, its sources and how far the date was
  checked. The record against which the cable's "16 states in one day" is read.
- ``data/geo/context_places.csv``: the places of the context primer's map.

Both are read strictly: a malformed row is reported with its line, never skipped
silently, because a count computed from a table with a dropped row would be wrong
without anyone noticing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .._arguments import items_of, path_to, takes
from ..errors import CableError
from ..source.paths import DATA_DIR
from ._frames import full_text_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ContextPlace",
    "HistoryTableError",
    "Recognition",
    "load_context_places",
    "load_recognitions",
    "recognitions_table",
]

RECOGNITION_COLUMNS = (
    "date", "state", "un_member", "sources", "checked", "reported_rank", "note",
)  # fmt: skip
PLACE_COLUMNS = ("place", "kind", "country", "lat", "lon", "why", "source", "note")


class HistoryTableError(CableError):
    """A history table is missing, unreadable or has malformed rows (all are listed)."""


@dataclass(frozen=True, slots=True)
class Recognition:
    """One state's recognition of Kosovo."""

    date: date
    state: str
    un_member: bool
    sources: tuple[str, ...]
    checked: str  # yes / partly / no: how far the date was read in a source
    reported_rank: int | None  # "the Nth", as a source of the time put it
    note: str


@dataclass(frozen=True, slots=True)
class ContextPlace:
    """A place on the context primer's map."""

    place: str
    kind: str
    country: str
    lat: float
    lon: float
    why: str
    source: str
    note: str


def _rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise HistoryTableError(f"{path} is missing: the history lessons need it")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise HistoryTableError(f"{path} lacks the columns {', '.join(missing)}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (UnicodeDecodeError, csv.Error) as error:
        raise HistoryTableError(f"{path} cannot be read as a UTF-8 CSV table ({error})") from error


def _raise_if(problems: list[str], path: Path) -> None:
    if problems:
        listed = "\n- ".join(problems)
        raise HistoryTableError(f"{path} has {len(problems)} problem(s):\n- {listed}")


@cache
def load_recognitions(path: Path | None = None) -> tuple[Recognition, ...]:
    """The recognitions in date order (ties keep the file's order)."""
    target = path or Path(DATA_DIR) / "recognitions.csv"
    problems: list[str] = []
    found = []
    for line, row in enumerate(_rows(target, RECOGNITION_COLUMNS), start=2):
        where = f"line {line}"
        try:
            when = date.fromisoformat(row["date"])
        except ValueError:
            problems.append(f"{where}: date {row['date']!r} is not YYYY-MM-DD")
            continue
        if row["un_member"] not in {"yes", "no"}:
            problems.append(f"{where}: un_member must be yes or no, not {row['un_member']!r}")
        if not row["state"]:
            problems.append(f"{where}: no state")
        rank = row["reported_rank"]
        if rank and not rank.isdigit():
            problems.append(f"{where}: reported_rank {rank!r} is not a number")
        found.append(
            Recognition(
                when,
                row["state"],
                row["un_member"] == "yes",
                tuple(p.strip() for p in row["sources"].split(";") if p.strip()),
                row["checked"],
                int(rank) if rank.isdigit() else None,
                row["note"],
            )
        )
    _raise_if(problems, target)
    return tuple(sorted(found, key=lambda r: r.date))


_PLACES_FILE = path_to(
    "the path of a places file (or nothing)", "places = load_context_places()"
).or_none()


@takes(_PLACES_FILE)
@cache
def load_context_places(path: Path | None = None) -> tuple[ContextPlace, ...]:
    """The places of the primer's map, as listed."""
    target = Path(path) if path is not None else Path(DATA_DIR) / "geo" / "context_places.csv"
    problems: list[str] = []
    places = []
    for line, row in enumerate(_rows(target, PLACE_COLUMNS), start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            problems.append(f"line {line}: {row['place']!r} has no usable coordinates")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"line {line}: {row['place']!r} lies outside the globe")
            continue
        places.append(
            ContextPlace(
                row["place"],
                row["kind"],
                row["country"],
                lat,
                lon,
                row["why"],
                row["source"],
                row["note"],
            )  # fmt: skip
        )
    _raise_if(problems, target)
    return tuple(places)


_RECOGNITIONS = items_of(
    "cable_utils.reference.history:Recognition",
    what="the recognitions",
    how="recognitions = load_recognitions()",
).or_none()


@takes(_RECOGNITIONS)
def recognitions_table(
    recognitions: tuple[Recognition, ...] | None = None,
    *,
    until: date | None = None,
    un_only: bool = False,
) -> pd.DataFrame:
    """The recognitions as a table a student can count from: one row per state.

    Columns: ``date`` (a ``datetime.date``), ``state``, ``un_member`` (bool),
    ``sources`` (cited as *outlet, date [id]*), ``checked`` and ``note``. It holds no
    per-day or running totals: computing them is the exercise (lesson 04).
    ``until`` keeps the rows up to that day; ``un_only`` the UN members.
    """
    import pandas as pd

    from .sources import cite

    rows = [
        (r.date, r.state, r.un_member, cite(r.sources), r.checked, r.note)
        for r in (load_recognitions() if recognitions is None else recognitions)
        if (until is None or r.date <= until) and (r.un_member or not un_only)
    ]
    return full_text_frame(
        pd.DataFrame(rows, columns=["date", "state", "un_member", "sources", "checked", "note"])
    )
