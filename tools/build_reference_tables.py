"""Build the CSV tables in data/reference/ from the shared reference notes.

Usage (from the repository root)::

    .venv/bin/python tools/build_reference_tables.py [REFERENCE_DIR] [--cables DIR] [--out DIR]

REFERENCE_DIR defaults to ``../shared/reference`` relative to the repository.
The library never reads REFERENCE_DIR: it reads the committed CSVs. Run this
script again only when the reference material changes, then review the diff.

Two kinds of table are produced:

* tables *parsed* from the copied upstream lists (``tags.csv`` from the four
  CableBot TAGS lists, ``routing_indicators.csv`` from the two routing tables
  plus the RI/NAME pairs the collection's own cables print);
* tables *transcribed* from the reference notes (markings, reasons, precedence,
  executive orders, operating signals). Their rows are written out below, each
  with the note it comes from, so a reviewer can check them line by line.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_CABLES = REPO / "data" / "cables"
DEFAULT_OUT = REPO / "data" / "reference"

CABLEBOT = "hamstar/CableBot@2dd3ee9245afa45f83bbf4068fad0e0cd05f1105"
CABLEMAP = "heuer/cablemap@42066c8fc2972d237a2c35578e14525aaf705f38"
CABLE2GRAPH = "wlwardiary/cable2graph@c20c65d8dae7d448af5750f63001b70c6b7512ef"

EO_NOTE = "eo_classification_reasons.md"
PREC_NOTE = "precedence_dtg_header.md"
PLUSD_NOTE = "plusd_cablegate_metadata.md"

Row = dict[str, str]


# --------------------------------------------------------------------------- TAGS

# (file stem, kind), in order of preference when one code is in several lists.
TAG_LISTS: tuple[tuple[str, str], ...] = (
    ("subjecttags", "subject"),
    ("ktags", "program"),
    ("countrytags", "geographic"),
    ("orgtags", "organisation"),
)

# Geographic codes listed several times in CableBot (a country and its islands or
# regions). The country/parent is the sensible decoding; the others go to
# other_descriptions. Each value must be one of the listed descriptions.
PREFERRED_GEOGRAPHIC: dict[str, str] = {
    "AS": "Australia",
    "EK": "Equatorial Guinea",
    "FI": "Finland",
    "FR": "France",
    "GR": "Greece",
    "IN": "India",
    "IO": "British Indian Ocean Territory",
    "JA": "Japan",
    "NZ": "New Zealand",
    "PO": "Portugal",
    "PS": "Palau",
    "RS": "Russia",
    "SH": "Saint Helena",
    "SP": "Spain",
    "US": "United States",
    "XB": "East Asia and Pacific",
}


@dataclass
class TagEntry:
    code: str
    kind: str
    description: str
    source: str


def read_tag_list(path: Path, kind: str, source: str) -> list[TagEntry]:
    """Read one CableBot ``CODE:Description`` list (UTF-8, CRLF line ends)."""
    text = path.read_bytes().decode("utf-8-sig")
    entries = []
    for line in text.splitlines():  # splitlines() drops the \r of CRLF too
        if not line.strip():
            continue
        code, sep, description = line.partition(":")
        if not sep:
            raise ValueError(f"{path.name}: line without ':' {line!r}")
        entries.append(TagEntry(code.strip(), kind, description.strip(), source))
    return entries


def choose_primary(code: str, entries: Sequence[TagEntry]) -> TagEntry:
    """Pick the row that decodes ``code``: best kind first, then preferred name."""
    rank = {kind: i for i, (_, kind) in enumerate(TAG_LISTS)}
    best_rank = min(rank[e.kind] for e in entries)
    candidates = [e for e in entries if rank[e.kind] == best_rank]
    preferred = PREFERRED_GEOGRAPHIC.get(code)
    if best_rank == rank["geographic"] and preferred:
        for entry in candidates:
            if entry.description == preferred:
                return entry
        raise ValueError(f"preferred description {preferred!r} not listed for {code}")
    return candidates[0]  # file order: the first listing wins


def build_tags(reference: Path) -> list[Row]:
    by_code: dict[str, list[TagEntry]] = {}
    for stem, kind in TAG_LISTS:
        source = f"{CABLEBOT}:resources/{stem}.txt"
        for entry in read_tag_list(reference / "tags" / f"cablebot_{stem}.txt", kind, source):
            by_code.setdefault(entry.code, []).append(entry)
    rows = []
    for code, entries in by_code.items():
        primary = choose_primary(code, entries)
        others = []
        for entry in entries:
            if entry is primary or entry.description in others:
                continue
            label = (
                entry.description
                if entry.kind == primary.kind
                else f"{entry.kind}: {entry.description}"
            )
            others.append(label)
        rows.append(
            {
                "code": code,
                "description": primary.description,
                "kind": primary.kind,
                "other_descriptions": "; ".join(others),
                "source": primary.source,
            }
        )
    return rows


# ------------------------------------------------------------- routing indicators

RI_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{3,7}$")
THRU_PATTERN = re.compile(r"^(?P<start>\S+)\s+T?HRU\s+(?P<end>\S+)\s+(?P<name>.+)$")


@dataclass
class RoutingEntry:
    indicator: str
    name: str
    range_end: str = ""


def parse_route2name(path: Path) -> list[RoutingEntry]:
    """cablemap's ``RI,NAME`` CSV; some rows are ranges ``RHFJAAA THRU RHFJAAZ``."""
    entries = []
    with path.open(encoding="utf-8", newline="") as handle:
        for indicator, name in csv.reader(handle):
            start, _, end = indicator.partition(" THRU ")
            entries.append(RoutingEntry(start.strip(), name.strip(), end.strip()))
    return entries


def parse_cable2graph(path: Path) -> list[RoutingEntry]:
    """cable2graph's whitespace-separated list. Its ranges lost the 'T' of THRU
    (``RHFJAAA     HRU RHFJAAZ NAME``); both spellings are accepted."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        match = THRU_PATTERN.match(line.strip())
        if match:
            entries.append(RoutingEntry(match["start"], match["name"].strip(), match["end"]))
            continue
        indicator, _, name = line.strip().partition(" ")
        entries.append(RoutingEntry(indicator, name.strip()))
    return entries


ADDRESS_START = re.compile(r"^(FM|TO|INFO)\s+")
PRECEDENCE_TAIL = re.compile(
    r"(\s+(NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(\s+[\d-]+)?\s*$"
)
BANNER_OR_BODY = re.compile(
    r"^(C O N|S E C|UNCLAS|CONFIDENTIAL|SECRET|BT\b|E\.\s?O\.|\d|"
    r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,)"
)


def decode_cable(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")  # 07KINGSTON382 is cp1252


def address_lines(text: str) -> Iterable[str]:
    """Yield the TO/INFO address lines of every FM … banner block in a cable file.

    The lines are cleaned of CR, the trailing ``\\`` continuation of the cablemap
    test files and anything after a TAB (07BERN881 joins header and body with one).
    """
    inside = False
    for raw_line in text.split("\n"):
        before_tab, tab, _ = raw_line.partition("\t")
        line = before_tab.rstrip("\r").rstrip().rstrip("\\").strip()
        if line.startswith("FM "):
            inside = not tab
            continue
        if not inside:
            continue
        if not line or BANNER_OR_BODY.match(line):
            inside = False
            continue
        yield ADDRESS_START.sub("", line)
        if tab:  # the body follows the TAB: this was the last address line
            inside = False


def observed_pairs(cables_dir: Path) -> dict[str, dict[str, list[str]]]:
    """RI -> addressee name -> cable IDs, from the ``RI/NAME`` address lines."""
    pairs: dict[str, dict[str, list[str]]] = {}
    for path in sorted(cables_dir.rglob("*.txt")):
        cable_id = path.stem
        for line in address_lines(decode_cable(path.read_bytes())):
            head, sep, rest = line.partition("/")
            if not sep or not RI_PATTERN.match(head) or head == "ZEN":
                continue  # ZEN/ is an operating signal, not an RI
            name = PRECEDENCE_TAIL.sub("", rest).strip()
            ids = pairs.setdefault(head, {}).setdefault(name, [])
            if cable_id not in ids:
                ids.append(cable_id)
    return pairs


def cables_with_line(cables_dir: Path, indicator: str) -> list[str]:
    """IDs of cables whose ACP-127 line 2 (``PP RUEHWEB``) names ``indicator``."""
    pattern = re.compile(rf"^(ZZ|OO|PP|RR)\s+{indicator}\b", re.MULTILINE)
    paths = sorted(cables_dir.rglob("*.txt"), key=lambda p: (p.stem != "08BAKU151", p.stem))
    return [p.stem for p in paths if pattern.search(decode_cable(p.read_bytes()).replace("\r", ""))]


def describe_observed(names: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} ({', '.join(ids)})" for name, ids in names.items())


def build_routing(reference: Path, cables_dir: Path) -> list[Row]:
    routing = reference / "routing"
    rows: dict[str, Row] = {}

    def add(entry: RoutingEntry, source: str, kind: str = "station") -> None:
        row = rows.get(entry.indicator)
        if row is None:
            rows[entry.indicator] = {
                "indicator": entry.indicator,
                "name": entry.name,
                "range_end": entry.range_end,
                "other_names": "",
                "kind": kind,
                "source": source,
                "observed_in_cables": "",
                "note": "",
            }
        elif entry.name != row["name"] and entry.name not in row["other_names"]:
            label = entry.name if row["source"] == source else f"{entry.name} [{source}]"
            row["other_names"] = "; ".join(filter(None, [row["other_names"], label]))

    for entry in parse_route2name(routing / "cablemap_route2name.csv"):
        add(entry, f"{CABLEMAP}:data/route2name.csv (ACP 117, 2010)")
    for entry in parse_cable2graph(routing / "cable2graph_routing.codes"):
        add(entry, f"{CABLE2GRAPH}:data/routing.codes")

    for indicator, names in observed_pairs(cables_dir).items():
        seen = describe_observed(names)
        if indicator in rows:
            rows[indicator]["observed_in_cables"] = seen
            continue
        # Not in either table: take the cable's own RI/NAME pair. Prefer the
        # name 08BAKU151 prints, otherwise the first one met.
        ordered = sorted(names.items(), key=lambda item: "08BAKU151" not in item[1])
        name = ordered[0][0]
        rows[indicator] = {
            "indicator": indicator,
            "name": name,
            "range_end": "",
            "other_names": "; ".join(n for n, _ in ordered[1:]),
            "kind": "collective" if "COLLECTIVE" in name else "station",
            "source": "observed in the cables: the cable's own RI/NAME pair",
            "observed_in_cables": seen,
            "note": (
                "paired with different addressees in different cables; read the name "
                "from the cable's own RI/NAME pair"
                if len(names) > 1
                else "not in ACP 117 (2010) nor cable2graph; name as the cable prints it"
            ),
        }

    rows["RUEHWEB"] = {
        "indicator": "RUEHWEB",
        "name": "appears in WikiLeaks-era headers; not in the ACP 117 tables",
        "range_end": "",
        "other_names": "",
        "kind": "special",
        "source": "observed in the cables (e.g. 08BAKU151 'PP RUEHWEB'); "
        f"reference SOURCES.md caveats; {PREC_NOTE}",
        "observed_in_cables": "line 2 of the VZCZCXYZ headers: "
        + ", ".join(cables_with_line(cables_dir, "RUEHWEB")),
        "note": "no expansion is sourced; do not invent one",
    }
    for indicator, note in (
        (
            "RUEHDIR",
            "RIs get reassigned: RPO DUBAI in 2009 cables, AMCONSUL NAGOYA in ACP 117 (2010)",
        ),
        ("RUEHPS", "ACP 117 spells PRINSTINA (sic); 08BAKU151 addresses USOFFICE PRISTINA"),
    ):
        if indicator in rows:
            rows[indicator]["note"] = f"{note} ({PREC_NOTE})"
    return sorted(rows.values(), key=lambda row: row["indicator"])


# ------------------------------------------------------- tables from the notes

OBS = "observed in the cables"


def build_markings() -> list[Row]:
    """Banners, portion marks and caveats. Meanings the notes do not state are
    flagged as such in the source column rather than presented as sourced."""
    std = "standard reading; not stated in the reference notes"
    spec = [
        # marking, level, caveat, kind, meaning, source
        (
            "UNCLASSIFIED",
            "UNCLASSIFIED",
            "",
            "banner",
            "not classified",
            f"{PLUSD_NOTE} (Cablegate Classification values); {OBS}: 72TEHRAN1164",
        ),
        (
            "UNCLAS",
            "UNCLASSIFIED",
            "",
            "banner",
            "short form of UNCLASSIFIED in the banner line",
            f"{OBS}: 07KINGSTON382, 07PARIS1791, 10PRISTINA84",
        ),
        (
            "CONFIDENTIAL",
            "CONFIDENTIAL",
            "",
            "banner",
            "classified at the lowest of the three levels; often spaced out as C O N F I D "
            "E N T I A L",
            f"{PLUSD_NOTE}; {OBS}: 08BAKU151",
        ),
        (
            "SECRET",
            "SECRET",
            "",
            "banner",
            "classified at the middle level; spaced as S E C R E T",
            f"{PLUSD_NOTE}; {OBS}: 07STATE152317, 09ABUDHABI1151",
        ),
        (
            "TOP SECRET",
            "TOP SECRET",
            "",
            "banner",
            "the highest level; not found in any cable of the collection",
            "E.O. 12958 §1.3 levels (order text cited in eo_classification_reasons.md); not "
            "observed in the cables",
        ),
        (
            "CONFIDENTIAL//NOFORN",
            "CONFIDENTIAL",
            "NOFORN",
            "banner",
            "CONFIDENTIAL with the NOFORN caveat",
            f"{PLUSD_NOTE}; {OBS}: 08KABUL3237",
        ),
        (
            "SECRET//NOFORN",
            "SECRET",
            "NOFORN",
            "banner",
            "SECRET with the NOFORN caveat",
            f"{PLUSD_NOTE}; {OBS}: 09ABUDHABI1151, 09DOHA214",
        ),
        (
            "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
            "UNCLASSIFIED",
            "FOUO",
            "banner",
            "unclassified but for official use only",
            f"{PLUSD_NOTE} (Cablegate value for 10PRISTINA84)",
        ),
        (
            "U",
            "UNCLASSIFIED",
            "",
            "portion mark",
            "this paragraph is unclassified",
            f"{OBS}: 08BAKU151 ¶3, ¶4",
        ),
        (
            "C",
            "CONFIDENTIAL",
            "",
            "portion mark",
            "this paragraph is CONFIDENTIAL",
            f"{OBS}: 08BAKU151 ¶1, ¶2, ¶5",
        ),
        (
            "S",
            "SECRET",
            "",
            "portion mark",
            "this paragraph is SECRET",
            f"{OBS}: 07STATE152317, 09DOHA214",
        ),
        (
            "TS",
            "TOP SECRET",
            "",
            "portion mark",
            "this paragraph is TOP SECRET (not found in the collection)",
            "E.O. 12958 §1.3 levels (see TOP SECRET row); abbreviation is the standard "
            "reading; not observed",
        ),
        (
            "SBU",
            "UNCLASSIFIED",
            "SBU",
            "portion mark",
            "Sensitive But Unclassified: unclassified, but to be protected",
            f"{OBS}: 07PARIS1791, 10PRISTINA84",
        ),
        (
            "C/NF",
            "CONFIDENTIAL",
            "NOFORN",
            "portion mark",
            "CONFIDENTIAL paragraph, NOFORN",
            f"{OBS}: 08KABUL3237, 09DOHA214; NF = NOFORN is the {std}",
        ),
        (
            "S/NF",
            "SECRET",
            "NOFORN",
            "portion mark",
            "SECRET paragraph, NOFORN",
            f"{OBS}: 09ABUDHABI1151, 09RPODUBAI177; NF = NOFORN is the {std}",
        ),
        (
            "C/REL LIBYA",
            "CONFIDENTIAL",
            "REL",
            "portion mark",
            "CONFIDENTIAL paragraph marked releasable to the named country",
            f"{OBS}: 10STATE284; REL = releasable is the {std}",
        ),
        (
            "S/REL CHINA",
            "SECRET",
            "REL",
            "portion mark",
            "SECRET paragraph marked releasable to the named country",
            f"{OBS}: 07STATE152317; REL = releasable is the {std}",
        ),
        (
            "C - ENTIRE TEXT",
            "CONFIDENTIAL",
            "",
            "portion mark",
            "one mark for the whole text instead of one per paragraph",
            f"{OBS}: 79TEHRAN8980 '(C - ENTIRE TEXT)'",
        ),
        (
            "CONFIDENTIAL - ENTIRE TEXT",
            "CONFIDENTIAL",
            "",
            "portion mark",
            "the whole text is CONFIDENTIAL (older, spelled-out form)",
            f"{OBS}: 90CAPETOWN97",
        ),
        (
            "SECRET - ENTIRE TEXT",
            "SECRET",
            "",
            "portion mark",
            "the whole text is SECRET: one mark for every paragraph, on a line before "
            "paragraph 1 or opening it",
            "quoted by issue 14 from a Cablegate cable ('(SECRET - ENTIRE TEXT)' on a line "
            "before paragraph 1); the spelled-out form of 90CAPETOWN97's CONFIDENTIAL - ENTIRE TEXT",
        ),
        (
            "UNCLASSIFIED - ENTIRE TEXT",
            "UNCLASSIFIED",
            "",
            "portion mark",
            "the whole text is unclassified (spelled-out form)",
            "the spelled-out form of 90CAPETOWN97's CONFIDENTIAL - ENTIRE TEXT, read by the "
            "parser in the same places; not observed in the collection (07PARIS306 writes "
            "'Sensitive but unclassified - entire text.' inside a sentence)",
        ),
        (
            "NOFORN",
            "",
            "NOFORN",
            "caveat",
            "not releasable to foreign nationals ('no foreign dissemination')",
            f"{PLUSD_NOTE} (values with //NOFORN); {OBS}: 09ABUDHABI1151; expansion is the {std}",
        ),
        (
            "NF",
            "",
            "NOFORN",
            "caveat",
            "abbreviation of NOFORN inside portion marks (C/NF, S/NF)",
            f"{OBS}: 08KABUL3237, 09ABUDHABI1151; {std}",
        ),
        (
            "SENSITIVE BUT UNCLASSIFIED",
            "UNCLASSIFIED",
            "SBU",
            "caveat",
            "handling line of an unclassified cable that still needs protection",
            f"{OBS}: 07PARIS1791, 10PRISTINA84 ('SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT "
            f"ACCORDINGLY')",
        ),
        (
            "FOUO",
            "UNCLASSIFIED",
            "FOUO",
            "caveat",
            "For Official Use Only",
            f"{PLUSD_NOTE} ('UNCLASSIFIED//FOR OFFICIAL USE ONLY')",
        ),
        (
            "SIPDIS",
            "",
            "",
            "caveat",
            "distribution marker line after the banner; its expansion is not given in the "
            "reference notes",
            f"{OBS}: 08BAKU151 (twice), 07KINGSTON382, 10PRISTINA84; meaning not verified here",
        ),
    ]
    return [
        {"marking": m, "level": lv, "caveat": cv, "kind": k, "meaning": mean, "source": src}
        for m, lv, cv, k, mean, src in spec
    ]


def build_classification_levels() -> list[Row]:
    levels = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
    return [
        {
            "rank": str(i),
            "level": level,
            "source": (
                f"{PLUSD_NOTE} (Cablegate values); TOP SECRET: E.O. 12958 §1.3 (see markings.csv)"
            ),
        }
        for i, level in enumerate(levels)
    ]


REASONS_14 = {
    "a": "military plans, weapons systems, or operations",
    "b": "foreign government information",
    "c": "intelligence activities, intelligence sources or methods, or cryptology",
    "d": (
        "foreign relations or foreign activities of the United States, including "
        "confidential sources"
    ),
    "e": "scientific, technological, or economic matters relating to the national security",
    "f": "United States Government programs for safeguarding nuclear materials or facilities",
    "g": "vulnerabilities or capabilities of systems, installations, infrastructures, projects, "
    "plans, or protection services relating to the national security",
    "h": "weapons of mass destruction",
}
TERRORISM = ", which includes defense against transnational terrorism"


def build_reasons() -> list[Row]:
    rows = []
    amended = "E.O. 12958 as amended by E.O. 13292 (2003)"
    fah = f"{EO_NOTE} (5 FAH-3 H-700 via {CABLEMAP} interfaces.py)"
    for letter, meaning in REASONS_14.items():
        if letter in "eg":
            meaning += TERRORISM
        rows.append(
            {
                "order": amended,
                "section": "1.4",
                "letter": letter,
                "meaning": meaning,
                "source": fah,
            }
        )
    for letter, meaning in REASONS_14.items():
        if letter == "c":
            meaning = (
                "intelligence activities (including covert action), intelligence "
                "sources or methods, or cryptology"
            )
        if letter == "h":
            meaning = "the development, production, or use of weapons of mass destruction"
        rows.append(
            {
                "order": "E.O. 13526 (2009)",
                "section": "1.4",
                "letter": letter,
                "meaning": meaning,
                "source": f"{EO_NOTE} (E.O. 13526 wording from public code enumerations)",
            }
        )
    original = dict(REASONS_14)
    del original["h"]
    original["c"] = (
        "intelligence activities (including special activities), intelligence sources or "
        "methods, or cryptology"
    )
    original["g"] = (
        "vulnerabilities or capabilities of systems, installations, projects or plans "
        "relating to the national security"
    )
    for letter, meaning in original.items():
        verbatim = letter in "cg"
        rows.append(
            {
                "order": "E.O. 12958 (1995)",
                "section": "1.5",
                "letter": letter,
                "meaning": meaning,
                "source": f"{EO_NOTE} (1995 list (a)-(g), NITF SCRSN A-G)"
                + (
                    ""
                    if verbatim
                    else "; wording taken from the 1.4 list without the 2003 additions"
                ),
            }
        )
    return rows


def build_precedence() -> list[Row]:
    tpub = f"{PREC_NOTE} (https://tpub.com/ans/31.htm)"
    fah = f"{PREC_NOTE} (5 FAH-2 H-420/421, fam.state.gov)"
    spec = [
        (
            "Z",
            "FLASH",
            "initial enemy contact or operational messages of extreme urgency; brevity mandatory",
            "1",
            tpub,
        ),
        (
            "",
            "NIACT IMMEDIATE",
            "State Department 'night action': the action addressee must act at once, "
            "whatever the hour; "
            "the drafter justifies it in para 1",
            "2",
            fah,
        ),
        (
            "O",
            "IMMEDIATE",
            "situations gravely affecting national forces or populace; immediate delivery",
            "3",
            tpub,
        ),
        (
            "P",
            "PRIORITY",
            "essential information for operations in progress; highest precedence normally "
            "used for administrative "
            "traffic (no longer an authorized State designator today, but ubiquitous in "
            "1960s-2010 cables)",
            "4",
            f"{tpub}; {fah}",
        ),
        (
            "R",
            "ROUTINE",
            "all traffic that justifies electrical transmission but is not urgent",
            "5",
            tpub,
        ),
        (
            "Y",
            "EMERGENCY COMMAND PRECEDENCE",
            "rare; designated emergency action command and control messages",
            "0",
            tpub,
        ),
    ]
    return [
        {"prosign": p, "name": n, "meaning": m, "urgency_rank": r, "source": s}
        for p, n, m, r, s in spec
    ]


def build_executive_orders() -> list[Row]:
    spec = [
        (
            "11652",
            "1972",
            "1978",
            "E.O. 11652: GDS (also NGDS, N/A)",
            "GDS = General Declassification Schedule",
            f"{EO_NOTE}; {OBS}: 73TEHRAN2077",
        ),
        (
            "12065",
            "1978",
            "1982",
            "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
            "date, then classifier name and office in parentheses",
            f"{EO_NOTE}; {OBS}: 79TEHRAN8980",
        ),
        (
            "12356",
            "1982",
            "1995",
            "E.O. 12356: DECL: OADR",
            "OADR = Originating Agency's Determination Required",
            f"{EO_NOTE}; {OBS}: 86MADRID5480, 90CAPETOWN97",
        ),
        (
            "12958",
            "1995",
            "",
            "E.O. 12958: DECL: 02/19/2018 (N/A for unclassified cables)",
            "declassification date, typically 10 years on; reasons cited from section 1.5",
            f"{EO_NOTE} (irp.fas.org eo12958 page); {OBS}: 08BAKU151, 07PARIS1791",
        ),
        (
            "13292",
            "2003",
            "",
            "still written 'E.O. 12958: DECL: <date>' (E.O. 13292 amended 12958)",
            "'12958 as amended'; reasons cited from section 1.4",
            f"{EO_NOTE}; {OBS}: 08BAKU151 'reasons 1.4 (b) and (d)'",
        ),
        (
            "13526",
            "2009",
            "",
            "not seen in the collection's cables (they keep 'E.O. 12958')",
            "section 1.4 (a)-(h) wording",
            f"{EO_NOTE}",
        ),
    ]
    return [
        {
            "order": o,
            "in_force_from": start,
            "in_force_to": end,
            "declassification_line": line,
            "note": note,
            "source": src,
        }
        for o, start, end, line, note, src in spec
    ]


def build_operating_signals() -> list[Row]:
    c2g = f"{PREC_NOTE} ({CABLE2GRAPH}:extract)"
    spec = [
        (
            "VZCZC",
            "start of message (ACP-127 format line 1), followed by a channel designator and "
            "serial, e.g. VZCZCXYZ0145",
            c2g,
        ),
        ("ZNR", "security line of an unclassified message: ZNR UUUUU", PREC_NOTE),
        (
            "ZNY",
            "security line of a classified message: ZNY CCCCC = CONFIDENTIAL, ZNY SSSSS = SECRET",
            PREC_NOTE,
        ),
        (
            # Only a community parser glosses ZZH, and it appears alike on cables sent by
            # embassies and by the Department, so the table must not present it as settled.
            "ZZH",
            "meaning not established: glossed 'from Department of State offices' only by "
            "the community parser cable2graph; it appears on cables sent by embassies and "
            "by the Department alike",
            c2g,
        ),
        ("ZFD", "suspected duplicate", c2g),
        ("ZZK", "NIACT", c2g),
        ("ZDF", "received", c2g),
        ("ZOC", "relay to addressees you are responsible for", c2g),
        ("ZUI", "your attention is invited", c2g),
        ("ZFR", "cancel", c2g),
        ("ZOJ", "corrected version", c2g),
        ("ZEL", "correction", c2g),
        ("ZEX", "book message", c2g),
        (
            "ZEN",
            "replaces the RI for addressees not served by this electrical transmission "
            "(meaning as commonly described; the note says to verify against ACP 131)",
            PREC_NOTE,
        ),
        ("NNNN", "end of message (sometimes NNN)", PREC_NOTE),
    ]
    return [{"signal": s, "meaning": m, "source": src} for s, m, src in spec]


# ---------------------------------------------------------------------- output


def write_csv(path: Path, rows: Sequence[Row]) -> None:
    if not rows:
        raise ValueError(f"refusing to write empty table {path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_all(reference: Path, cables_dir: Path, out: Path) -> dict[str, int]:
    tables = {
        "tags.csv": build_tags(reference),
        "routing_indicators.csv": build_routing(reference, cables_dir),
        "markings.csv": build_markings(),
        "classification_levels.csv": build_classification_levels(),
        "reasons.csv": build_reasons(),
        "precedence.csv": build_precedence(),
        "executive_orders.csv": build_executive_orders(),
        "operating_signals.csv": build_operating_signals(),
    }
    for name, rows in tables.items():
        write_csv(out / name, rows)
    return {name: len(rows) for name, rows in tables.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "reference",
        nargs="?",
        type=Path,
        default=DEFAULT_REFERENCE,
        help="the shared reference directory (default: ../shared/reference)",
    )
    parser.add_argument(
        "--cables",
        type=Path,
        default=DEFAULT_CABLES,
        help="cable texts whose RI/NAME pairs are added (default: data/cables)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default: data/reference)"
    )
    args = parser.parse_args(argv)
    if not (args.reference / "tags").is_dir():
        parser.error(f"{args.reference} does not look like the reference directory (no tags/)")
    for name, count in build_all(args.reference, args.cables, args.out).items():
        print(f"{name}: {count} rows")


if __name__ == "__main__":
    main()
