"""Figures for lesson 01: where the cable went."""

from __future__ import annotations

from typing import Any

from ...analysis.geo import PlacedAddress, addressee_places
from ...model import Cable
from ._style import MARKER_SYMBOLS, OKABE_ITO_SEQUENCE, accessible_layout

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


def mapped_addresses(cable: Cable, show: str = "everyone") -> list[PlacedAddress]:
    """The addresses ``show`` keeps (see :data:`ROLE_FILTERS`), collectives included."""
    try:
        roles = ROLE_FILTERS[show]
    except KeyError:
        raise ValueError(f"show must be one of {list(ROLE_FILTERS)}, not {show!r}") from None
    return [p for p in addressee_places(cable) if p.role in roles]


def addressee_map_figure(cable: Cable, show: str = "everyone") -> Any:
    """A world map of the sender and addressees: one trace per role, marker + label.

    Display ``IPython.display.Javascript(plots.offline_geo_script())`` before it,
    so plotly.js reads the shipped map data instead of fetching it.
    """
    import plotly.graph_objects as go

    figure = go.Figure()
    for role in ROLE_FILTERS[show]:
        points = [p for p in mapped_addresses(cable, show) if p.role == role and p.on_map]
        if not points:
            continue
        # Addressees in one city (four in Washington) share a point: one label for all.
        by_city: dict[tuple[float, float], list[PlacedAddress]] = {}
        for point in points:
            by_city.setdefault((point.lat, point.lon), []).append(point)  # type: ignore[arg-type]
        colour, symbol = _ROLE_STYLE[role]
        figure.add_trace(
            go.Scattergeo(
                lat=[lat for lat, _ in by_city],
                lon=[lon for _, lon in by_city],
                text=[group[0].city or group[0].name for group in by_city.values()],
                hovertext=["<br>".join(p.name for p in group) for group in by_city.values()],
                hoverinfo="text",
                mode="markers+text",
                textposition="top center",
                marker={
                    "size": 12,
                    "color": colour,
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#000"},
                },
                name=role,
            )
        )
    figure.update_geos(
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#999999",
        showland=True,
        landcolor="#F2F2F2",
    )
    accessible_layout(
        figure,
        title=f"Where did {cable.id or 'the cable'} go? Sender and addressees",
        x_title=None,
        y_title=None,
    )
    figure.update_layout(legend_title_text="Role (marker shape)", height=450)
    return figure


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
    """The reason an address is off the map, in a few words."""
    reason = note.removeprefix("not on the map: ").removeprefix("not placed: ")
    return reason.split(" (")[0] if len(reason) > 80 else reason
