"""Where the addressees are: ``data/geo/places.csv`` joined to a cable's FM/TO/INFO.

Coordinates are approximate city centres written by the project (each row of
places.csv says so in ``source``). Collective addresses (``CIS COLLECTIVE``)
are groups of posts, not places: they have no coordinates and are listed in
the table with a note, never put on the map.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Cable
from ..source.paths import DATA_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["PlacedAddress", "addressee_places", "places", "places_table"]


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name or "").strip().upper()


@cache
def places() -> dict[str, dict[str, str]]:
    """Place as written (upper case) → row of places.csv."""
    path = Path(DATA_DIR) / "geo" / "places.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {_key(row["place"]): row for row in csv.DictReader(handle) if row.get("place")}


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


def _place(role: str, name: str, indicator: str | None, alternatives: list[str]) -> PlacedAddress:
    table = places()
    row = next((table[_key(n)] for n in [name, *alternatives] if n and _key(n) in table), None)
    if row is None:
        return PlacedAddress(
            role,
            name,
            indicator,
            None,
            None,
            None,
            None,
            None,
            "not in data/geo/places.csv: not on the map",
        )
    lat, lon = _float(row.get("lat")), _float(row.get("lon"))
    note = row.get("note", "").strip()
    if lat is None or lon is None:
        note = note or "no coordinates: not on the map"
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


def addressee_places(cable: Cable) -> list[PlacedAddress]:
    """The sender, then each TO and INFO addressee, with coordinates where known."""
    placed = []
    if cable.origin:
        placed.append(_place("sender", cable.origin, None, []))
    for addressee in cable.addressees:
        role = "action (TO)" if addressee.role == "to" else "information (INFO)"
        alternatives = [addressee.routing_name] if addressee.routing_name else []
        placed.append(_place(role, addressee.name, addressee.routing_indicator, alternatives))
    return placed


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
