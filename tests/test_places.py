"""Every address of every cable in the collection is placed, or says why it is not.

The addresses are read here from the FM/TO/INFO lines of the raw texts with a
regular expression of this test's own (not the parser), then looked up the way
the map looks them up (``place_address``). Posts (AMEMBASSY, AMCONSUL,
USMISSION …) must be on the map; anything else must have a row that says why it
is not. Older and other spellings the issue names are checked one by one.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.geo import addressee_places, place_address, places_table

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    sorted((ROOT / "data" / "cables").glob("*.txt"))
    + sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
    + sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt"))
)
POST = re.compile(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|USEU|USNATO|USINT|USOFFICE)\b")
_LINE = re.compile(r"^(FM|TO|INFO)\s+(.*)$")
_ADDRESS = re.compile(
    r"^(?:[A-Z]{4,7}/)?([A-Z][A-Z .'-]*?[A-Z])(?:\s+(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?:\s+\d+)?\s*$"
)  # noqa: E501


def header_addresses(text: str) -> list[tuple[str, str | None]]:
    """(address, routing indicator) of the FM, TO and INFO lines and their continuations."""
    found: list[tuple[str, str | None]] = []
    in_block = False
    for line in text.splitlines()[:80]:
        line = line.strip()
        if re.match(r"^(?:SUBJECT|TAGS|E\.?O\.?|REF|CLASSIFIED BY)\b", line, re.I):
            break  # the header is over: a "TO ..." line below is prose
        match = _LINE.match(line)
        if match:
            in_block = match.group(1) in ("TO", "INFO")
            line = match.group(2)
        elif not in_block or not re.match(r"^[A-Z]{4,7}/", line):
            in_block = in_block and bool(re.match(r"^[A-Z]{4,7}/", line))
            continue
        address = _ADDRESS.match(line)
        if address:
            indicator = line.split("/", 1)[0] if re.match(r"^[A-Z]{4,7}/", line) else None
            found.append((address.group(1), indicator))
    return found


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def test_the_header_reader_of_this_test_reads_08BAKU151():
    addresses = header_addresses(_text(ROOT / "data" / "cables" / "08BAKU151.txt"))
    assert ("AMEMBASSY BAKU", None) in addresses
    assert ("SECSTATE WASHDC", "RUEHC") in addresses
    assert len(addresses) == 11


def test_every_address_in_the_collection_is_placed_or_explained():
    posts_off_map, unexplained, seen = [], [], 0
    for path in FILES:
        for name, indicator in header_addresses(_text(path)):
            seen += 1
            row, _how = place_address(name, indicator)
            if row is None:
                unexplained.append((path.stem, name, indicator))
            elif POST.match(name) and not row.get("lat"):
                posts_off_map.append((path.stem, name, row.get("note")))
            elif not row.get("lat"):
                assert row.get("note"), (path.stem, name)
    assert seen > 3000
    assert not unexplained, unexplained[:20]
    assert not posts_off_map, posts_off_map[:20]


@pytest.mark.parametrize(
    ("address", "city", "country"),
    [
        ("AMEMBASSY KIEV", "Kyiv", "Ukraine"),
        ("AMEMBASSY KYIV", "Kyiv", "Ukraine"),
        ("AMEMBASSY ROME", "Rome", "Italy"),
        ("AMEMBASSY BONN", "Bonn", "Germany"),
        ("AMEMBASSY TEL AVIV", "Tel Aviv", "Israel"),
        ("AMCONSUL JERUSALEM", "Jerusalem", "Israel"),
        ("AMEMBASSY RABAT", "Rabat", "Morocco"),
        ("AMCONSUL CASABLANCA", "Casablanca", "Morocco"),
        ("AMEMBASSY VATICAN", "Rome", "Italy"),
        ("USMISSION USOSCE", "Vienna", "Austria"),
    ],
)
def test_older_and_other_spellings_are_placed(address, city, country):
    row, _ = place_address(address)
    assert row is not None and row["city"] == city and row["country"] == country
    assert row["source"].startswith("GeoNames")


def test_an_embassy_in_a_known_city_is_placed_by_its_city():
    row, how = place_address("AMEMBASSY KIEW")  # the German spelling, in no cable here
    assert row is not None and row["city"] == "Kyiv" and "by its city" in how


def test_rabat_cables_place_every_post_they_address():
    rabat = [p for p in FILES if "RABAT" in p.stem]
    assert rabat
    for path in rabat:
        for placed in addressee_places(load_cable(_text(path))):
            if POST.match(placed.name):
                assert placed.on_map, (path.stem, placed)
            else:
                assert placed.on_map or placed.note.startswith("not on the map:"), placed


def test_an_unknown_address_says_why_it_is_not_on_the_map():
    text = (ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    cable = load_cable(text.replace("RUEHAK/AMEMBASSY ANKARA", "RUEHXQ/AMEMBASSY ATLANTIS"))
    table = places_table(cable)
    row = table[table.address == "AMEMBASSY ATLANTIS"].iloc[0]
    assert row.on_map == "no"
    assert "not in the places table" in row.note and "RUEHXQ" in row.note


def test_an_unknown_name_with_a_known_routing_indicator_is_placed_by_it():
    text = (ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    cable = load_cable(text.replace("RUEHAK/AMEMBASSY ANKARA", "RUEHAK/AMEMBASSY ANGORA"))
    placed = next(p for p in addressee_places(cable) if p.name == "AMEMBASSY ANGORA")
    assert placed.city == "Ankara" and "routing indicator RUEHAK" in placed.note


def test_a_collective_is_in_the_table_not_on_the_map():
    cable = load_cable("08BAKU151")
    table = places_table(cable)
    row = table[table.address == "CIS COLLECTIVE"].iloc[0]
    assert row.on_map == "no" and "collective address, not a place" in row.note


def test_the_map_summary_names_each_unplaced_address_and_why():
    pytest.importorskip("plotly")
    from cable_utils.views.plots.anatomy import describe_addressee_map

    summary = describe_addressee_map(load_cable("08BAKU151"))
    assert "CIS COLLECTIVE (a collective address, not a place" in summary


def test_places_table_rows_cite_their_sources():
    with (ROOT / "data" / "geo" / "places.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    placed = [r for r in rows if r["lat"]]
    assert len(placed) > 300
    for row in placed:
        assert "geonameid" in row["source"] and row["name_source"], row["place"]
