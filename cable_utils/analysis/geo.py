"""Where the addressees are: ``data/geo/places.csv`` joined to a cable's FM/TO/INFO.

The table has one row per post (an embassy, a consulate, a mission, an agency
or command) with every spelling the collection's cables use for it
(``AMEMBASSY KYIV|AMEMBASSY KIEV``), the city's other Latin spellings, the
routing indicators seen with it, and GeoNames coordinates with their source
(``tools/build_places.py`` writes it; ``data/README.md`` describes it).

An address is placed, in this order, by its own spelling, by its kind of post
and city ("AMEMBASSY KIEV": an embassy in the city GeoNames calls Kyiv), or by
its routing indicator. Collective addresses (``CIS COLLECTIVE``) are groups of
posts, not places: they are listed in the table with a note, never put on the
map. Every address that is not on the map says why.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Cable
from ..parse import takes_cable
from ..source.paths import DATA_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["PlacedAddress", "addressee_places", "place_address", "places", "places_table"]

# Address prefixes and the kind of post they name (as in tools/build_places.py).
_PREFIXES = (
    ("AMEMBASSY", "embassy"),
    ("AMCONSULATE", "consulate"),
    ("AMCONSUL", "consulate"),
    ("USINT", "interests section"),
    ("USOFFICE", "office"),
)
_NOT_IN_TABLE = "not in the places table (data/geo/places.csv)"


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name or "").strip().upper()


def _split(cell: str) -> list[str]:
    return [_key(part) for part in (cell or "").split("|") if part.strip()]


@cache
def _rows() -> tuple[dict[str, str], ...]:
    path = Path(DATA_DIR) / "geo" / "places.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(row for row in csv.DictReader(handle) if row.get("place"))


@cache
def places() -> dict[str, dict[str, str]]:
    """Every spelling of an address (upper case) → its row of places.csv."""
    table: dict[str, dict[str, str]] = {}
    for row in _rows():
        for spelling in [row["place"], *_split(row.get("spellings", ""))]:
            table.setdefault(_key(spelling), row)
    return table


@cache
def _by_city() -> dict[tuple[str, str], dict[str, str]]:
    """(kind of post, a spelling of its city) → row, for embassies, consulates and offices."""
    table: dict[tuple[str, str], dict[str, str]] = {}
    for row in _rows():
        if row.get("lat") and row["kind"] in {kind for _, kind in _PREFIXES}:
            for spelling in _split(row.get("city_spellings", "")):
                table.setdefault((row["kind"], spelling), row)
    return table


@cache
def _by_indicator() -> dict[str, dict[str, str]]:
    """Routing indicator → the placed row seen with it in the most cables."""
    table: dict[str, dict[str, str]] = {}
    ranked = sorted(_rows(), key=lambda r: -int(r.get("cables") or 0))
    for row in ranked:
        if row.get("lat"):
            for indicator in _split(row.get("routing_indicators", "")):
                table.setdefault(indicator, row)
    return table


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PlacedAddress:
    """One address of the cable with its place, if it has one."""

    role: str  # "sender", "action (TO)", "information (INFO)"
    name: str
    routing_indicator: str | None
    city: str | None
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None
    note: str

    @property
    def on_map(self) -> bool:
        return self.lat is not None and self.lon is not None


def place_address(
    name: str, indicator: str | None = None, alternatives: tuple[str, ...] = ()
) -> tuple[dict[str, str] | None, str]:
    """The places.csv row for an address, and how it was found ("" for its own spelling)."""
    table = places()
    row = table.get(_key(name)) if name else None
    if row is not None:
        return row, ""
    for candidate in alternatives:  # the routing indicator's name in the routing table
        row = table.get(_key(candidate)) if candidate else None
        if row is not None:
            return row, f"placed by its routing indicator {indicator}, named {candidate} in ACP 117"
    words = _key(name).split()
    for prefix, kind in _PREFIXES:
        if words and words[0] == prefix and len(words) > 1:
            row = _by_city().get((kind, " ".join(words[1:])))
            if row is not None:
                return row, f"placed by its city: {' '.join(words[1:])} is {row['city']}"
    if indicator and indicator in _by_indicator():
        row = _by_indicator()[indicator]
        return row, f"placed by its routing indicator {indicator} ({row['place']})"
    return None, ""


def _place(role: str, name: str, indicator: str | None, alternatives: list[str]) -> PlacedAddress:
    row, how = place_address(name, indicator, tuple(alternatives))
    if row is None:
        why = _NOT_IN_TABLE
        if indicator:
            why += f", and neither is its routing indicator {indicator}"
        return PlacedAddress(
            role, name, indicator, None, None, None, None, None, f"not on the map: {why}"
        )
    lat, lon = _float(row.get("lat")), _float(row.get("lon"))
    note = "; ".join(part for part in (how, (row.get("note") or "").strip()) if part)
    if lat is None or lon is None:
        if row.get("kind") == "collective" and "collective" not in note:
            note = "a collective address, not a place"
        note = f"not on the map: {note or 'no coordinates'}"
    return PlacedAddress(
        role,
        name,
        indicator,
        row.get("city") or None,
        row.get("country") or None,
        lat,
        lon,
        row.get("kind") or None,
        note,
    )


@takes_cable
def addressee_places(cable: Cable) -> list[PlacedAddress]:
    """The sender, then each TO and INFO addressee, with coordinates where known."""
    placed = []
    if cable.origin:
        sender = re.match(r"DE\s+([A-Z]{4,7})\b", cable.de_line or "")
        indicator = sender.group(1) if sender and sender.group(1) != "RUEHWEB" else None
        placed.append(_place("sender", cable.origin, indicator, []))
    for addressee in cable.addressees:
        role = "action (TO)" if addressee.role == "to" else "information (INFO)"
        alternatives = [addressee.routing_name] if addressee.routing_name else []
        placed.append(_place(role, addressee.name, addressee.routing_indicator, alternatives))
    return placed


@takes_cable
def places_table(cable: Cable) -> pd.DataFrame:
    """The addresses of the cable, their places and notes (collectives included)."""
    import pandas as pd

    rows = [
        {
            "role": p.role,
            "address": p.name,
            "routing_indicator": p.routing_indicator or "",
            "city": p.city or "",
            "country": p.country or "",
            "on_map": "yes" if p.on_map else "no",
            "note": p.note,
        }
        for p in addressee_places(cable)
    ]
    columns = ["role", "address", "routing_indicator", "city", "country", "on_map", "note"]
    return pd.DataFrame(rows, columns=columns)
