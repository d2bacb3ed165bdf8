"""Checks on the committed data files: the cable copies and the CSV tables.

These tests read only files inside the repository (data/ and tools/); they do
not need /work/shared. The data folder is the library's own (``CABLE_CLASSROOM_DATA``
moves it), so the same checks run on a copy after ``python -m cable_utils add``.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from cable_utils.corpus.collection import provenance_rows, repository_collection
from cable_utils.source.paths import DATA_DIR

REPO = Path(__file__).resolve().parent.parent
DATA = Path(DATA_DIR)
EXPECTED_SAMPLES = REPO / "tests" / "expected" / "samples.json"
CABLES = DATA / "cables"
REFERENCE = DATA / "reference"

CANONICAL_ID = re.compile(r"^\d{2}[A-Z]+[1-9]\d*$")


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a CSV as strict UTF-8 and return (header, rows)."""
    text = path.read_bytes().decode("utf-8")  # raises on anything but UTF-8
    reader = csv.DictReader(text.splitlines())
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def load_builder():
    spec = importlib.util.spec_from_file_location(
        "build_reference_tables", REPO / "tools" / "build_reference_tables.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


# table -> (required columns, columns that must never be empty, key columns that must be
# unique together)
TABLES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "reference/tags.csv": (
        ["code", "description", "kind", "source"],
        ["code", "description", "kind", "source"],
        ["code"],
    ),
    "reference/routing_indicators.csv": (
        ["indicator", "name", "source"],
        ["indicator", "name", "source"],
        ["indicator"],
    ),
    "reference/markings.csv": (
        ["marking", "level", "caveat", "meaning", "kind", "source"],
        ["marking", "meaning", "kind", "source"],
        ["marking"],
    ),
    "reference/classification_levels.csv": (
        ["rank", "level", "source"],
        ["rank", "level", "source"],
        ["rank"],
    ),
    "reference/reasons.csv": (
        ["order", "section", "letter", "meaning", "source"],
        ["order", "section", "letter", "meaning", "source"],
        ["order", "section", "letter"],
    ),
    "reference/precedence.csv": (
        ["prosign", "name", "meaning", "source"],
        ["name", "meaning", "source"],
        ["name"],
    ),
    "reference/executive_orders.csv": (
        ["order", "in_force_from", "in_force_to", "declassification_line", "source"],
        ["order", "in_force_from", "declassification_line", "source"],
        ["order"],
    ),
    "reference/operating_signals.csv": (
        ["signal", "meaning", "source"],
        ["signal", "meaning", "source"],
        ["signal"],
    ),
    "glossary.csv": (
        ["term", "definition", "see_also", "source"],
        ["term", "definition", "source"],
        ["term"],
    ),
    "timeline.csv": (
        ["start_date", "end_date", "precision", "event", "category", "source"],
        ["start_date", "precision", "event", "category", "source"],
        ["start_date", "event"],
    ),
    "related/thread.csv": (
        [
            "id",
            "date",
            "classification",
            "subject",
            "ref_line",
            "refs",
            "url",
            "text_included",
            "note",
        ],
        ["id", "text_included"],
        ["id"],
    ),
    "geo/places.csv": (
        ["place", "city", "country", "lat", "lon", "source", "note"],
        ["place", "kind", "source"],
        ["place"],
    ),
}


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    return {name: read_table(DATA / name)[1] for name in TABLES}


def lookup(rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    return {row[key]: row for row in rows}


# ----------------------------------------------------------------- generic shape


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_has_required_columns_and_rows(name: str) -> None:
    header, rows = read_table(DATA / name)
    required, _, _ = TABLES[name]
    missing = [column for column in required if column not in header]
    assert not missing, f"{name} lacks columns {missing}"
    assert rows, f"{name} has no rows"
    assert all(None not in row for row in rows), f"{name} has rows with more cells than the header"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_required_cells_are_filled(name: str) -> None:
    _, rows = read_table(DATA / name)
    _, non_empty, _ = TABLES[name]
    empty = [
        (i + 2, column)
        for i, row in enumerate(rows)
        for column in non_empty
        if not (row[column] or "").strip()
    ]
    assert not empty, f"{name}: empty required cells at (line, column) {empty[:10]}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_keys_are_unique(name: str) -> None:
    _, rows = read_table(DATA / name)
    _, _, keys = TABLES[name]
    seen: dict[tuple[str, ...], int] = {}
    duplicates = []
    for i, row in enumerate(rows):
        key = tuple(row[k] for k in keys)
        if key in seen:
            duplicates.append(key)
        seen[key] = i
    assert not duplicates, f"{name}: duplicate keys {duplicates[:10]}"


# ------------------------------------------------------------------------ cables


def checksum_entries() -> dict[str, str]:
    entries = {}
    for line in (CABLES / "CHECKSUMS.sha256").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        assert re.fullmatch(r"[0-9a-f]{64}", digest), f"bad checksum line {line!r}"
        entries[name] = digest
    return entries


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_cable_matches_its_checksum() -> None:
    entries = checksum_entries()
    assert "08BAKU151.txt" in entries
    assert sha256(CABLES / "08BAKU151.txt") == entries["08BAKU151.txt"]


def test_every_file_under_data_cables_is_listed_and_holds() -> None:
    entries = checksum_entries()
    on_disk = {
        p.relative_to(CABLES).as_posix()
        for p in CABLES.rglob("*")
        if p.is_file() and p.name != "CHECKSUMS.sha256"
    }
    assert on_disk == set(entries), (
        f"unlisted: {on_disk - set(entries)}, missing: {set(entries) - on_disk}"
    )
    wrong = [name for name, digest in entries.items() if sha256(CABLES / name) != digest]
    assert not wrong, f"checksum mismatch: {wrong}"


def sample_files() -> list[str]:
    return sorted(p.name for p in (CABLES / "samples").glob("*.txt"))


def test_the_shipped_samples_are_all_still_there() -> None:
    # Adding a cable never removes one: the samples described in tests/expected stay.
    described = {
        key for key in json.loads(EXPECTED_SAMPLES.read_text(encoding="utf-8")) if key[0] != "_"
    }
    assert described, "tests/expected/samples.json lists no sample"
    assert described <= {name.removesuffix(".txt") for name in sample_files()}
    assert (CABLES / "samples" / "raw_html" / "09ABUDHABI1151.pre.html").is_file()


def test_every_sample_has_one_provenance_row_that_matches_its_bytes() -> None:
    rows = provenance_rows(repository_collection(DATA))
    listed = [row.file for row in rows]
    assert len(listed) == len(set(listed)), f"files listed twice: {sorted(listed)}"
    assert sorted(listed) == sample_files(), (
        f"without a row: {set(sample_files()) - set(listed)}; "
        f"rows without a file: {set(listed) - set(sample_files())}"
    )
    for row in rows:
        digest = sha256(CABLES / "samples" / row.file)
        assert row.sha256_prefix and digest.startswith(row.sha256_prefix), (row.file, row.line)
        assert row.cells[0].strip(), f"{row.file}: the row does not say where the copy came from"


def test_cp1252_sample_is_kept_as_bytes() -> None:
    raw = (CABLES / "samples" / "07KINGSTON382.txt").read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


# ------------------------------------------------------------------ decoding keys


@pytest.mark.parametrize(
    ("code", "description", "kind"),
    [
        ("AJ", "Azerbaijan", "geographic"),
        ("KV", "Kosovo", "geographic"),
        ("PREL", "External Political Relations", "subject"),
        ("PGOV", "Internal Governmental Affairs", "subject"),
        ("PBTS", "National Boundaries, Territories, and Sovereignty", "subject"),
        ("KPAO", "Public Affairs Office", "program"),
    ],
)
def test_tags_of_the_cable_decode(tables, code: str, description: str, kind: str) -> None:
    row = lookup(tables["reference/tags.csv"], "code")[code]
    assert row["description"] == description
    assert row["kind"] == kind


def test_tag_kinds_and_preferences(tables) -> None:
    tags = lookup(tables["reference/tags.csv"], "code")
    assert {row["kind"] for row in tags.values()} == {
        "subject",
        "program",
        "geographic",
        "organisation",
    }
    assert tags["AL"]["kind"] == "geographic" and "Arab League" in tags["AL"]["other_descriptions"]
    assert tags["FR"]["description"] == "France"
    assert all("\r" not in row["description"] for row in tags.values())


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("RUEHKB", "AMEMBASSY BAKU"),
        ("RUEHC", "DEPT OF STATE WASHINGTON DC"),
        ("RUEHAK", "AMEMBASSY ANKARA"),
        ("RUEHFR", "AMEMBASSY PARIS"),
        ("RUEHPS", "PRINSTINA"),
        ("RUEHVEN", "USOSCE"),
        ("RUEAIIA", "CIA WASHINGTON DC"),
        ("RUEKJCS", "JOINT STAFF"),
        ("RUCNCIS", "CIS COLLECTIVE"),
    ],
)
def test_routing_indicators_resolve(tables, indicator: str, expected: str) -> None:
    row = lookup(tables["reference/routing_indicators.csv"], "indicator")[indicator]
    assert expected in row["name"]


def test_routing_special_rows_are_not_invented(tables) -> None:
    rows = lookup(tables["reference/routing_indicators.csv"], "indicator")
    assert "not in the ACP 117 tables" in rows["RUEHWEB"]["name"]
    assert rows["RUCNCIS"]["source"].startswith("observed in the cables")
    assert "ZEN" not in rows  # an operating signal, not a routing indicator
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]{3,7}", i) for i in rows), "malformed indicator"


def test_every_routing_indicator_of_the_cable_is_known(tables) -> None:
    text = (CABLES / "08BAKU151.txt").read_text(encoding="utf-8")
    indicators = set(re.findall(r"^(?:TO |INFO )?([A-Z]{5,8})/", text, flags=re.MULTILINE))
    indicators |= set(re.findall(r"^DE ([A-Z]+) ", text, flags=re.MULTILINE))
    assert len(indicators) >= 10
    known = lookup(tables["reference/routing_indicators.csv"], "indicator")
    assert indicators <= set(known), f"unknown: {indicators - set(known)}"


# -------------------------------------------------------------- notes-based tables


def test_markings_levels_exist(tables) -> None:
    levels = {row["level"] for row in tables["reference/classification_levels.csv"]}
    for row in tables["reference/markings.csv"]:
        assert row["level"] in levels | {""}, row
        assert row["kind"] in {"portion mark", "banner", "caveat"}, row
    marks = lookup(tables["reference/markings.csv"], "marking")
    for needed in [
        "C",
        "U",
        "S",
        "SBU",
        "NF",
        "C/NF",
        "S/NF",
        "C - ENTIRE TEXT",
        "CONFIDENTIAL - ENTIRE TEXT",
        "TS",
        "FOUO",
    ]:
        assert needed in marks, needed


def test_classification_levels_are_ordered(tables) -> None:
    ranks = {
        row["level"]: int(row["rank"]) for row in tables["reference/classification_levels.csv"]
    }
    assert ranks == {"UNCLASSIFIED": 0, "CONFIDENTIAL": 1, "SECRET": 2, "TOP SECRET": 3}


def test_reasons_of_the_cable(tables) -> None:
    rows = tables["reference/reasons.csv"]
    by_key = {(r["order"], r["section"], r["letter"]): r["meaning"] for r in rows}
    amended = [k for k in by_key if k[1] == "1.4" and "13292" in k[0]]
    assert len(amended) == 8
    b = next(m for k, m in by_key.items() if k[1] == "1.4" and "13292" in k[0] and k[2] == "b")
    d = next(m for k, m in by_key.items() if k[1] == "1.4" and "13292" in k[0] and k[2] == "d")
    assert b == "foreign government information"
    assert d.startswith("foreign relations or foreign activities of the United States")
    assert not any(k[1] == "1.5" and k[2] == "h" for k in by_key), "1995 list has no (h)"
    assert {r["letter"] for r in rows} <= set("abcdefgh")


def test_precedence_table(tables) -> None:
    rows = tables["reference/precedence.csv"]
    by_prosign = {r["prosign"]: r["name"] for r in rows if r["prosign"]}
    assert by_prosign == {
        "Z": "FLASH",
        "O": "IMMEDIATE",
        "P": "PRIORITY",
        "R": "ROUTINE",
        "Y": "EMERGENCY COMMAND PRECEDENCE",
    }
    niact = [r for r in rows if r["name"] == "NIACT IMMEDIATE"]
    assert len(niact) == 1 and niact[0]["prosign"] == ""


def test_executive_orders_years(tables) -> None:
    rows = lookup(tables["reference/executive_orders.csv"], "order")
    assert set(rows) == {"11652", "12065", "12356", "12958", "13292", "13526"}
    for row in rows.values():
        start = int(row["in_force_from"])
        assert 1970 <= start <= 2010
        if row["in_force_to"]:
            assert int(row["in_force_to"]) >= start
    assert "OADR" in rows["12356"]["declassification_line"]
    assert "GDS" in rows["11652"]["declassification_line"]


def test_operating_signals_present(tables) -> None:
    signals = {r["signal"] for r in tables["reference/operating_signals.csv"]}
    needed = {
        "ZNY",
        "ZNR",
        "ZZH",
        "ZFD",
        "ZZK",
        "ZOC",
        "ZUI",
        "ZFR",
        "ZOJ",
        "ZEL",
        "ZEX",
        "ZEN",
        "NNNN",
        "VZCZC",
    }
    assert needed <= signals, needed - signals


def test_notes_tables_match_the_builder(tmp_path: Path) -> None:
    """The committed note-based CSVs are what the script writes today."""
    builder = load_builder()
    for name, build in [
        ("markings.csv", builder.build_markings),
        ("reasons.csv", builder.build_reasons),
        ("precedence.csv", builder.build_precedence),
        ("executive_orders.csv", builder.build_executive_orders),
        ("operating_signals.csv", builder.build_operating_signals),
        ("classification_levels.csv", builder.build_classification_levels),
    ]:
        builder.write_csv(tmp_path / name, build())
        assert (tmp_path / name).read_bytes() == (REFERENCE / name).read_bytes(), name


def test_builder_parsers_on_small_inputs(tmp_path: Path) -> None:
    builder = load_builder()
    tag_file = tmp_path / "tags.txt"
    tag_file.write_bytes(b"AJ:Azerbaijan\r\nKV:Kosovo\r\n\r\n")
    entries = builder.read_tag_list(tag_file, "geographic", "test")
    assert [(e.code, e.description) for e in entries] == [("AJ", "Azerbaijan"), ("KV", "Kosovo")]
    routes = tmp_path / "route2name.csv"
    routes.write_text(
        "RUEHKB,AMEMBASSY BAKU\nRHFJAAA THRU RHFJAAZ,NAVCOMTELSTA JACKSONVILLE FL\n",
        encoding="utf-8",
    )
    parsed = builder.parse_route2name(routes)
    assert (parsed[1].indicator, parsed[1].range_end) == ("RHFJAAA", "RHFJAAZ")
    codes = tmp_path / "routing.codes"
    codes.write_text(
        "RUCNDT  USMISSION USUN NEW YORK NY\nRHFJAAA     HRU RHFJAAZ NAVCOMTELSTA X\n",
        encoding="utf-8",
    )
    parsed = builder.parse_cable2graph(codes)
    assert parsed[0].name == "USMISSION USUN NEW YORK NY"
    assert (parsed[1].range_end, parsed[1].name) == ("RHFJAAZ", "NAVCOMTELSTA X")


# ------------------------------------------------------------ glossary / timeline

GLOSSARY_TERMS = [
    "DTG",
    "routing indicator",
    "PLAD",
    "precedence",
    "NIACT",
    "VZCZC",
    "DE line",
    "ZNY/ZNR line",
    "action addressee",
    "information addressee",
    "collective",
    "serial number",
    "classification banner",
    "portion marking",
    "SIPDIS",
    "NOFORN",
    "SBU",
    "E.O. 12958",
    "declassification date",
    "OADR",
    "TAGS",
    "REF",
    "Classified By",
    "classification reasons 1.4 (b)/(d)",
    "DCM",
    "GOAJ",
    "MFA",
    "emboff",
    "Comment section",
    "septel",
    "Minsk Group",
    "Nagorno-Karabakh",
    "precedent",
    "territorial integrity",
    "self-determination",
    "sui generis",
    "CAMEO",
    "stance",
    "argument map",
    "scrape artifact",
    "canonical ID",
    "Cablegate",
    "PlusD",
]


def test_glossary_covers_the_terms_and_cites_sources(tables) -> None:
    rows = lookup(tables["glossary.csv"], "term")
    missing = [t for t in GLOSSARY_TERMS if t not in rows]
    assert not missing, missing
    assert all(row["source"].strip() for row in rows.values())
    assert "not verified" in rows["EUR/CARC"]["definition"].lower()


def parse_partial_date(value: str, precision: str) -> date:
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    assert precision in formats, precision
    return datetime.strptime(value, formats[precision]).date()


def test_timeline_dates_parse_and_rows_are_sourced(tables) -> None:
    rows = tables["timeline.csv"]
    categories = {
        "conflict", "diplomacy", "status", "recognition", "law",
        "this cable", "cable thread", "publication", "people",
    }  # fmt: skip
    for row in rows:
        start = parse_partial_date(row["start_date"], row["precision"])
        if row["end_date"]:
            assert parse_partial_date(row["end_date"], row["precision"]) >= start, row
        assert row["category"] in categories, row
        assert row["source"].strip(), row
    cable_rows = [
        r for r in rows if r["start_date"] == "2008-02-19" and r["category"] == "this cable"
    ]
    assert len(cable_rows) == 1 and "08BAKU151" in cable_rows[0]["event"]
    assert any(r["start_date"] == "2008-03-14" and "62/243" in r["event"] for r in rows)


# ------------------------------------------------------------------ thread / geo


def test_thread_ids_and_refs_are_canonical(tables) -> None:
    rows = lookup(tables["related/thread.csv"], "id")
    for row in rows.values():
        assert CANONICAL_ID.match(row["id"]), row["id"]
        assert row["text_included"] == "no"
        for ref in filter(None, row["refs"].split(";")):
            assert CANONICAL_ID.match(ref), ref
        if row["date"]:
            datetime.strptime(row["date"], "%Y-%m-%d")
    assert rows["08BAKU151"]["refs"] == "08BAKU146;08BAKU129"
    assert rows["08STATE21209"]["refs"].split(";")[-1] == "08BAKU129"


def address_names(text: str) -> set[str]:
    """Addressee names of the FM/TO/INFO block of a plain-text cable."""
    block = text.split("\nFM ", 1)[1].split("\n\n", 1)[0]
    names = set()
    for line in ("FM " + block).splitlines():
        line = re.sub(r"^(FM|TO|INFO)\s+", "", line.strip())
        line = line.split("/", 1)[1] if re.match(r"^[A-Z]{3,8}/", line) else line
        names.add(
            re.sub(
                r"(\s+(NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE))?(\s+[\d-]+)?$", "", line
            ).strip()
        )
    return names


def test_places_cover_the_cable_and_coordinates_are_sane(tables) -> None:
    rows = tables["geo/places.csv"]
    spellings = {s for row in rows for s in [row["place"], *row["spellings"].split("|")] if s}
    names = address_names((CABLES / "08BAKU151.txt").read_text(encoding="utf-8"))
    assert len(names) == 11
    assert names <= spellings, names - spellings
    for row in rows:
        if row["kind"] in ("collective", "not an address") or not row["lat"]:
            assert row["lat"] == row["lon"] == "", row
            assert row["note"].startswith(("not placed:", "a collective address")), row
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        assert round(lat, 2) == lat and round(lon, 2) == lon, row
        assert row["city"] and row["country"], row
        assert row["source"].startswith("GeoNames (geonames.org, CC BY 4.0)"), row
        assert "geonameid" in row["source"], row
    baku = next(row for row in rows if row["place"] == "AMEMBASSY BAKU")
    assert baku["country"] == "Azerbaijan" and abs(float(baku["lat"]) - 40.4) < 0.2
