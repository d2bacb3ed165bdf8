"""``make corpus-check``: the parser on the 615 real cables of ``data/corpus``, against the catalogue.

Parses every file listed in ``data/corpus/metadata.csv`` and prints, per field,
agreement with the catalogue's metadata (classification level, NOFORN, origin,
date where the text has a DTG) and coverage (subject and TAGS where the text has
the line, paragraphs, signer where the last lines carry a name), the REF entries
(found, naming a cable and given a canonical ID, IDs built from non-cable
references), then every disagreement with its reason. Disagreements that are the release's own errors
are listed once, with the defect that explains each, in
``data/corpus/known_release_errors.csv`` (a reviewed file): they are reported
as explained, never "fixed". Exit status 1 when a cable crashes the parser or
an ID is built from a non-cable reference.

    python tools/corpus_check.py [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cable_utils import load_cable  # noqa: E402
from cable_utils.model import Cable  # noqa: E402
from cable_utils.parse.signature import is_end_junk  # noqa: E402

CORPUS = ROOT / "data" / "corpus"
KNOWN = CORPUS / "known_release_errors.csv"
ROUTING = ROOT / "data" / "reference" / "routing_indicators.csv"

# The catalogue writes the origin as "Embassy Paris", "Consulate Sao Paulo",
# "Secretary of State", "Mission USNATO", "USEU Brussels", "Iran RPO Dubai":
# the post is what is left after the kind of office.
_OFFICE_WORDS = re.compile(r"^(?:Embassy|Consulate|Mission)\s+", re.I)
_SPECIAL_POSTS = {
    "SECRETARY OF STATE": "STATE",
    "IRAN RPO DUBAI": "RPODUBAI",
    "USEU BRUSSELS": "USEUBRUSSELS",
}
_PLAIN = re.compile(r"[^A-Z]")
# Our origin is the FM line ("AMEMBASSY PARIS", "SECSTATE WASHDC") or the banner's post.
_SENDER_WORDS = re.compile(
    r"^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USMISSION|US MISSION|USDEL|AMEMB|EMBASSY|CONSULATE)\s+"
)
_LAST_LINES = 8
_NAME_LINE = re.compile(r"^\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2}\s*\.?\s*$")


def post_key(text: str) -> str:
    """``Embassy Tel Aviv`` and ``AMEMBASSY TEL AVIV`` → ``TELAVIV``; ``SECSTATE WASHDC`` → ``STATE``."""
    upper = text.strip().upper()
    if upper in _SPECIAL_POSTS:
        return _SPECIAL_POSTS[upper]
    if upper.startswith("SECSTATE") or upper == "STATE":
        return "STATE"
    upper = _SENDER_WORDS.sub("", _OFFICE_WORDS.sub("", upper).upper())
    return _PLAIN.sub("", upper)


def origin_agrees(catalogue: str, cable: Cable) -> bool:
    expected, found = post_key(catalogue), post_key(cable.origin or "")
    return bool(found) and (found.startswith(expected) or expected.startswith(found))


def has_line(cable: Cable, keyword: str) -> bool:
    """Whether the text has a line starting with ``keyword`` (what the field reader looks for)."""
    return re.search(rf"^\s*{keyword}", cable.text, re.M | re.I) is not None


def last_lines_carry_a_name(cable: Cable) -> bool:
    """Whether one of the last lines of the text is a name alone (the reference for the
    signer: a capitalised word or two on a line of its own, not an end marker)."""
    lines = [line for line in cable.text.splitlines() if line.strip()][-_LAST_LINES:]
    junk = re.compile(
        r"^\s*(?:NNNN|END CABLE TEXT|BT|SIPDIS|NOFORN|CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|"
        r"END (?:SUMMARY|COMMENT|NOTE)|COMMENT|SUMMARY|NOTE)\b",
        re.I,
    )
    return any(
        _NAME_LINE.match(line)
        and not junk.match(line)
        and not is_end_junk(line)
        and not set(line.strip().upper()) <= {"X"}  # a redacted name is no name
        for line in lines
    )


# -- references ---------------------------------------------------------------------------
# Judged here independently of the parser's REF reader (its word lists are not reused):
# an entry names a cable when it holds a post and a serial and none of the marks of a
# non-cable reference below; an ID is canonical when its post is a State post, as the
# routing table (State's RUEH indicators) or the catalogue's own IDs write it.
_NON_CABLE = re.compile(
    r"@|\bE-?MAILS?\b|\bIIRS?\b|\bTD-?\d|\bOSC\b|\bPOINTS?\b|\bDAILY\b|\bTELCON\b|"
    r"\bMEMCON\b|\bLETTER\b|\bV?SVTC\b|\bDVC\b|\bDTG\b|\bMSG\b|\bFBI\b|\bDOC\b|\bPOC\b|"
    r"\bREPORTS?\b|\bNON-?PAPER\b|\bO/I\b|\bDESK\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\bWHITE\s+HOUSE\b|\bNSC\b|"  # messages outside State's system: no Cablegate ID
    r"\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s\d{1,2}\b|"
    r"\b\d{1,2}\s(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)",
    re.I,
)
_NAMES_A_CABLE = re.compile(
    r"(?:^|[\s(])(?:\d{2}(?:\d{2})?\s+)?[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,3}\s*,?\s+#?\d{1,6}\b"
    r"|^\(?\d{1,6}\)?$|^\d{2,4}\s*[A-Z]+\d+"
)
_ID = re.compile(r"^(\d\d)([A-Z]+)([1-9]\d{0,5})$")
_STATE_OFFICES = re.compile(
    r"^(?:AMEMBASSY|AMCONSUL|AMCONSULATE|USINT|USMISSION|USOFFICE|REO|AIT|USLO|AMEMB)\s+"
)


# State posts whose RUEH indicator is missing from the routing table's ACP 117 (2010) extract.
_POSTS_NOT_IN_THE_ROUTING_TABLE = {"COLOMBO"}  # Embassy Colombo, Sri Lanka


def state_posts(catalogue_ids: list[str]) -> frozenset[str]:
    """The posts of State cables as Cablegate IDs write them: the catalogue's own IDs'
    posts, and the State posts of the routing table (``AMCONSUL CASABLANCA`` →
    ``CASABLANCA``, ``USMISSION USOSCE VIENNA AU`` → ``USOSCE`` and ``USOSCEVIENNAAU``)."""
    posts = {match.group(2) for cable_id in catalogue_ids if (match := _ID.match(cable_id))}
    posts.add("STATE")
    with ROUTING.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].upper()
            if not row["indicator"].startswith("RUEH") or not _STATE_OFFICES.match(name):
                continue
            words = _STATE_OFFICES.sub("", name).split()
            posts.add(_PLAIN.sub("", "".join(words)))
            posts.add(_PLAIN.sub("", words[0]) if words else "")
    posts.update(_POSTS_NOT_IN_THE_ROUTING_TABLE)
    return frozenset(post for post in posts if post)


@dataclass
class ReferenceTally:
    """REF entries over the corpus: found, naming a cable, given a canonical ID, and IDs
    built from what is no cable (which must be none)."""

    found: int = 0
    cables: int = 0
    canonical: int = 0
    from_non_cables: int = 0
    disagreements: list[tuple[str, str]] = field(default_factory=list)

    def add(self, cable_id: str, text: str, ref_id: str | None, posts: frozenset[str]) -> None:
        self.found += 1
        if _NON_CABLE.search(text):
            if ref_id is not None:
                self.from_non_cables += 1
                self.disagreements.append((cable_id, f"ID {ref_id} built from {text!r}"))
            return
        if ref_id is None and not _NAMES_A_CABLE.search(text):
            return  # no cable named ("FREETOWN", a sentence)
        self.cables += 1
        match = _ID.match(ref_id or "")
        if match is not None and match.group(2) in posts:
            self.canonical += 1
        elif ref_id is None:
            self.disagreements.append((cable_id, f"{text!r} names a cable, no ID given"))
        else:
            self.disagreements.append(
                (cable_id, f"{text!r} gives {ref_id}, whose post is no State post we know")
            )


@dataclass
class Tally:
    agree: int = 0
    checked: int = 0
    disagreements: list[tuple[str, str]] = field(default_factory=list)

    def add(self, ok: bool, cable_id: str, reason: str) -> None:
        self.checked += 1
        if ok:
            self.agree += 1
        else:
            self.disagreements.append((cable_id, reason))

    @property
    def percent(self) -> float:
        return 100.0 * self.agree / self.checked if self.checked else 100.0


def known_errors() -> dict[tuple[str, str], tuple[str, str]]:
    """(cable ID, field) → (defect kind that explains it, note) from the reviewed file."""
    if not KNOWN.is_file():
        return {}
    with KNOWN.open(encoding="utf-8", newline="") as handle:
        return {
            (row["id"], row["field"]): (row["defect"], row["note"])
            for row in csv.DictReader(handle)
        }


def check() -> tuple[dict[str, Tally], list[str], int, ReferenceTally]:
    tallies = {
        name: Tally()
        for name in (
            "classification level",
            "NOFORN",
            "origin",
            "date (text has a DTG)",
            "subject (text has the line)",
            "TAGS (text has the line)",
            "paragraphs (text has a numbered line)",
            "signer (last lines carry a name)",
        )
    }
    crashes: list[str] = []
    with (CORPUS / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    posts = state_posts([row["reference_id"] for row in rows])
    references = ReferenceTally()
    for row in rows:
        cable_id = row["reference_id"]
        try:
            cable = load_cable(CORPUS / row["file"])
        except Exception as error:  # noqa: BLE001 - a crash is what this check counts
            crashes.append(f"{cable_id}: {type(error).__name__}: {error}")
            continue
        level, _, caveats = row["classification"].partition("//")
        tallies["classification level"].add(
            cable.classification == level,
            cable_id,
            f"catalogue {level}, parsed {cable.classification}",
        )
        noforn = "NOFORN" in caveats
        tallies["NOFORN"].add(
            noforn == ("NOFORN" in cable.handling),
            cable_id,
            f"catalogue {'NOFORN' if noforn else 'no NOFORN'}, parsed handling {list(cable.handling)}",
        )
        tallies["origin"].add(
            origin_agrees(row["origin"], cable),
            cable_id,
            f"catalogue {row['origin']!r}, parsed {cable.origin!r}",
        )
        if cable.dtg is not None or re.search(r"\b\d{6}Z\s+[A-Z]{3}\s+\d{2}\b", cable.text):
            # The catalogue's time is when the cable was filed, minutes off the
            # DTG's: the day is what both say.
            created = row["created"][:10]  # "2004-12-30 05:05"
            parsed = cable.date.strftime("%Y-%m-%d") if cable.date else None
            tallies["date (text has a DTG)"].add(
                parsed == created, cable_id, f"catalogue {created}, parsed {parsed}"
            )
        if has_line(cable, r"SUBJ(?:ECT)?\s*:"):
            tallies["subject (text has the line)"].add(
                bool(cable.subject), cable_id, "SUBJECT line present, no subject read"
            )
        if has_line(cable, r"TAGS?\b"):
            tallies["TAGS (text has the line)"].add(
                bool(cable.tags), cable_id, "TAGS line present, no TAGS read"
            )
        if re.search(r"^[ \t]*\d{1,2}[ \t]*\.", cable.text, re.M):
            tallies["paragraphs (text has a numbered line)"].add(
                any(p.number is not None for p in cable.paragraphs),
                cable_id,
                "a numbered line, no numbered paragraph",
            )
        if last_lines_carry_a_name(cable):
            tallies["signer (last lines carry a name)"].add(
                cable.signer is not None, cable_id, "a name in the last lines, no signer read"
            )
        for reference in cable.references:
            references.add(cable_id, reference.text, reference.id, posts)
    return tallies, crashes, len(rows), references


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quiet", action="store_true", help="numbers only, no disagreements")
    args = parser.parse_args()
    tallies, crashes, total, references = check()
    known = known_errors()
    print(f"corpus-check: {total} cables in data/corpus, {len(crashes)} crashes\n")
    print(f"{'field':36} {'agree':>7} {'of':>5} {'%':>7} {'explained':>10}")
    unexplained = 0
    for name, tally in tallies.items():
        field_name = name.split(" (")[0]
        explained = sum(1 for cable_id, _ in tally.disagreements if (cable_id, field_name) in known)
        unexplained += len(tally.disagreements) - explained
        print(f"{name:36} {tally.agree:7} {tally.checked:5} {tally.percent:6.1f}% {explained:10}")
    cable_percent = 100.0 * references.canonical / references.cables if references.cables else 100.0
    print(
        f"{'REF cables given a canonical ID':36} {references.canonical:7} "
        f"{references.cables:5} {cable_percent:6.1f}%"
    )
    print(
        f"references: {references.found} REF entries found, {references.cables} name a cable, "
        f"{references.from_non_cables} IDs built from non-cable references (must be 0)"
    )
    for crash in crashes:
        print(f"CRASH {crash}")
    if not args.quiet:
        for name, tally in tallies.items():
            if not tally.disagreements:
                continue
            field_name = name.split(" (")[0]
            print(f"\n## {name}: {len(tally.disagreements)} disagreements")
            for cable_id, reason in tally.disagreements:
                explanation = known.get((cable_id, field_name))
                suffix = (
                    f"  [release error: {explanation[0]}: {explanation[1]}]" if explanation else ""
                )
                print(f"- {cable_id}: {reason}{suffix}")
        if references.disagreements:
            print(f"\n## references: {len(references.disagreements)} disagreements")
            for cable_id, reason in references.disagreements:
                print(f"- {cable_id}: {reason}")
    return 1 if crashes or references.from_non_cables else 0


if __name__ == "__main__":
    sys.exit(main())
