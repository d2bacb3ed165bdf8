"""Figures for lesson 01: where the cable went."""

from __future__ import annotations

import re
from typing import Any

from ...analysis.geo import PlacedAddress, addressee_places
from ...model import Cable
from ...parse import takes_cable
from ._style import (
    MARKER_SYMBOLS,
    OKABE_ITO_SEQUENCE,
    JSONFigure,
    accessible_layout,
    spread_labels,
    trace,
)

__all__ = ["ROLE_FILTERS", "addressee_map_figure", "describe_addressee_map", "mapped_addresses"]

#: The roles the map can show: a label for the control → roles kept.
ROLE_FILTERS: dict[str, tuple[str, ...]] = {
    "everyone": ("sender", "action (TO)", "information (INFO)"),
    "sender and action (TO)": ("sender", "action (TO)"),
    "information (INFO) only": ("information (INFO)",),
}
# Role → (colour, marker symbol): colour plus shape, so no one needs colour alone.
_ROLE_STYLE = {
    "sender": (OKABE_ITO_SEQUENCE[5], MARKER_SYMBOLS[6]),  # vermillion star
    "action (TO)": (OKABE_ITO_SEQUENCE[4], MARKER_SYMBOLS[1]),  # blue square
    "information (INFO)": (OKABE_ITO_SEQUENCE[0], MARKER_SYMBOLS[0]),  # orange circle
}


@takes_cable
def mapped_addresses(cable: Cable, show: str = "everyone") -> list[PlacedAddress]:
    """The addresses ``show`` keeps (see :data:`ROLE_FILTERS`), collectives included."""
    try:
        roles = ROLE_FILTERS[show]
    except KeyError:
        raise ValueError(f"show must be one of {list(ROLE_FILTERS)}, not {show!r}") from None
    return [p for p in addressee_places(cable) if p.role in roles]


#: Cities closer than this (degrees) to another are labelled in a callout column.
_CROWDED_DEGREES = 10.0
#: Degrees between two callout labels (about 20 px on the lesson's map).
_CALLOUT_GAP = 2.6
#: Degrees of longitude between markers of different roles in one city.
_ROLE_OFFSET = 1.6


@takes_cable
def addressee_map_figure(cable: Cable, show: str = "everyone") -> Any:
    """A map of the sender and addressees: one trace per role, marker + label.
    Where one city holds several roles (in Washington the Secretary of State
    is TO, the CIA and the Secretary of Defense INFO) the roles' markers stand
    side by side instead of on top of each other. Cities crowded together
    (Paris, Brussels, Stuttgart, Vienna) are named in a column beside them,
    each joined to its marker by a leader line, so no two names overlap.

    Display ``IPython.display.Javascript(plots.offline_geo_script())`` before it,
    so plotly.js reads the shipped map data instead of fetching it.
    """
    placed = [p for p in mapped_addresses(cable, show) if p.on_map]
    cities = _cities(placed)
    figure = JSONFigure()
    for role in ROLE_FILTERS[show]:
        points = [p for p in placed if p.role == role]
        if not points:
            continue
        # Addressees of one role in one city (INFO: the CIA and SECDEF) share a marker.
        by_city: dict[tuple[float, float], list[PlacedAddress]] = {}
        for point in points:
            by_city.setdefault((point.lat, point.lon), []).append(point)  # type: ignore[arg-type]
        colour, symbol = _ROLE_STYLE[role]
        figure.add_trace(
            trace(
                "scattergeo",
                lat=[lat for lat, _ in by_city],
                lon=[lon + cities[(lat, lon)].offset(role) for lat, lon in by_city],
                hovertext=[
                    f"{group[0].city or group[0].name} ({role}): "
                    + "; ".join(p.name for p in group)
                    for group in by_city.values()
                ],
                hoverinfo="text",
                mode="markers",
                marker={
                    "size": 12,
                    "color": colour,
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#000"},
                },
                name=role,
            )
        )
    _add_city_labels(figure, list(cities.values()))
    lats = [lat for lat, _ in cities] or [40.0]
    lons = [lon for _, lon in cities] or [0.0]
    figure.update_geos(
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#999999",
        showland=True,
        landcolor="#F2F2F2",
        lataxis_range=[min(lats) - 12, max(lats) + 12],
        lonaxis_range=[min(lons) - 30, max(lons) + 12],  # room for the callout column
    )
    accessible_layout(
        figure,
        title=f"Where did {cable.id or 'the cable'} go? Sender and addressees",
        x_title=None,
        y_title=None,
    )
    figure.update_layout(
        height=480,
        legend={"title": {"text": "Role (marker shape)"}, "orientation": "h", "y": -0.05},
    )
    return figure


class _City:
    """One city on the map: its roles (for side-by-side markers) and where its name goes."""

    def __init__(self, name: str, lat: float, lon: float, roles: list[str]) -> None:
        self.name, self.lat, self.lon, self.roles = name, lat, lon, roles
        self.label_lat, self.label_lon, self.callout = lat, lon, False

    def offset(self, role: str) -> float:
        """Degrees of longitude that keep this role's marker beside the others in the city."""
        index = self.roles.index(role)
        return (index - (len(self.roles) - 1) / 2) * _ROLE_OFFSET


def _cities(placed: list[PlacedAddress]) -> dict[tuple[float, float], _City]:
    cities: dict[tuple[float, float], _City] = {}
    for point in placed:
        key = (point.lat, point.lon)  # type: ignore[assignment]
        city = cities.setdefault(key, _City(point.city or point.name, *key, []))  # type: ignore[arg-type]
        if point.role not in city.roles:
            city.roles.append(point.role)
    crowded = [
        c
        for c in cities.values()
        if any(
            o is not c and abs(o.lat - c.lat) + abs(o.lon - c.lon) < _CROWDED_DEGREES
            for o in cities.values()
        )
    ]
    if crowded:
        column = min(c.lon for c in crowded) - 18
        heights = spread_labels([c.lat for c in crowded], _CALLOUT_GAP, -80, 80)
        for city, height in zip(crowded, heights, strict=True):
            city.label_lat, city.label_lon, city.callout = height, column, True
    return cities


def _add_city_labels(figure: Any, cities: list[_City]) -> None:
    """City names: above an isolated marker, or in the callout column with a leader line."""
    lines_lat: list[float | None] = []
    lines_lon: list[float | None] = []
    for city in (c for c in cities if c.callout):
        lines_lat += [city.label_lat, city.lat, None]
        lines_lon += [city.label_lon + 0.8, city.lon, None]
    if lines_lat:
        figure.add_trace(
            trace(
                "scattergeo",
                lat=lines_lat,
                lon=lines_lon,
                mode="lines",
                line={"width": 1, "color": "#777777"},
                hoverinfo="skip",
                showlegend=False,
                name="leader lines",
            )
        )
    for callout, position in ((False, "top center"), (True, "middle left")):
        chosen = [c for c in cities if c.callout == callout]
        if not chosen:
            continue
        figure.add_trace(
            trace(
                "scattergeo",
                lat=[c.label_lat + (0 if callout else 1.2) for c in chosen],
                lon=[c.label_lon for c in chosen],
                mode="text",
                text=[c.name for c in chosen],
                textposition=position,
                textfont={"size": 13, "color": "#1a1a1a"},
                hoverinfo="skip",
                showlegend=False,
                name="city names",
            )
        )


@takes_cable
def describe_addressee_map(cable: Cable, show: str = "everyone") -> str:
    """One sentence that says what the map shows."""
    chosen = mapped_addresses(cable, show)
    on_map = [p for p in chosen if p.on_map]
    off_map = [p for p in chosen if not p.on_map]
    cities = sorted({p.city for p in on_map if p.city})
    sentence = (
        f"The map shows {len(on_map)} of {len(chosen)} addresses ({show}) in "
        f"{len(cities)} cities: {', '.join(cities) or 'none'}."
    )
    if off_map:
        reasons = "; ".join(f"{p.name} ({_why(p.note)})" for p in off_map)
        sentence += f" Not on the map (the table says more): {reasons}."
    return sentence


def _why(note: str) -> str:
    """The reason an address is off the map, in a few words, with no brackets of its own
    (it is written in brackets: "CIS COLLECTIVE (a collective address, not a place (a
    group of posts))" read as a slip)."""
    reason = note.removeprefix("not on the map: ").removeprefix("not placed: ")
    reason = reason.split(" (")[0] if len(reason) > 80 else reason
    return re.sub(r"\s*\(([^()]*)\)", r" – \1", reason)
