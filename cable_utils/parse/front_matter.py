"""The front matter: the banner, then caveats, office, E.O., TAGS, SUBJECT, REF, Classified By.

Front-matter fields are found by their keywords (:data:`~cable_utils.parse.patterns.FIELD_KEYWORDS`)
rather than by line position, because published copies sometimes run several
of them together on one line. A field's value runs to the next field keyword,
a blank line, or the first numbered paragraph, whichever comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ParseContext
from .patterns import BANNER, BANNER_ANYWHERE, FIELD, REF_ID, REF_LABEL
from .scan import search_after_breaks

__all__ = [
    "Banner",
    "POST_ALIASES",
    "canonical_cable_id",
    "canonical_post",
    "canonical_reference_id",
    "find_banner",
    "find_banner_anywhere",
    "parse_reference_entries",
    "read_front_matter",
]

_WHITESPACE = re.compile(r"\s+")  # compiled once: it runs for every field

# Every field keyword starts at "(" ("(U) Classified By") or at a word start
# with one of the keywords' first letters; only the office line ("STATE FOR
# EUR/CARC") may start with any letter, and then at a line start or after two
# blanks. Trying the pattern only there is what finditer would find, at a
# fraction of the cost of trying it at every character.
_FIELD_CANDIDATES = re.compile(r"\b[SNELFTRC]|\(|^\w|(?<=\s\s)\w", re.IGNORECASE | re.MULTILINE)


def _field_candidates(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` where FIELD may match, in order (a superset)."""
    return [candidate.start() for candidate in _FIELD_CANDIDATES.finditer(text, start, end)]


def _field_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``FIELD.finditer(text, start, end)``."""
    matches = []
    position = start
    match_at = FIELD.match
    for at in _field_candidates(text, start, end):
        if at < position:
            continue
        match = match_at(text, at, end)
        if match is not None:
            matches.append(match)
            position = match.end() if match.end() > at else at + 1
    return matches


# Handling caveats and the office line must stand on a line of their own (or
# be separated by wide spaces): "for" is also an ordinary English word.
_LINE_ONLY_FIELDS = {"handling", "office"}

# REFs without letters, separated by colons or semicolons (TEHRAN 1091: TEHRAN 263).
_REF_SEPARATOR = re.compile(r"(?<![ \t])[ \t]*[:;][ \t\n]*")


@dataclass(frozen=True, slots=True)
class Banner:
    level: str
    garbled: bool  # the level word is damaged (SS E C R E T, UUNCLAS, E C R E T)
    caveat: str | None
    station: str
    serial: str
    section: tuple[int, int] | None
    start: int
    end: int


_WRITTEN_LEVELS = {"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "TOPSECRET"}
# A garbled level word is known by its end (see patterns._garbled).
_LEVEL_ENDINGS = (
    ("ONFIDENTIAL", "CONFIDENTIAL"),
    ("ECRET", "SECRET"),
    ("NCLASSIFIED", "UNCLASSIFIED"),
    ("NCLAS", "UNCLASSIFIED"),
)


def _level_name(raw_level: str) -> tuple[str, bool]:
    """The level a banner's level word names, and whether the word was garbled."""
    compact = _WHITESPACE.sub("", raw_level.upper())
    if compact.startswith("LIMITEDOFFICIAL"):
        return "LIMITED OFFICIAL USE", False
    if compact == "TOPSECRET":
        return "TOP SECRET", False
    for ending, level in _LEVEL_ENDINGS:
        if compact.endswith(ending):
            return level, compact not in _WRITTEN_LEVELS
    return compact, True


# A banner starts a line or follows a TAB, with a letter (a garbled level word
# may start with any capital).
_BANNER_CANDIDATE = re.compile(r"[\n\t][ \t]{0,20}(?i:[A-Z])")  # (?i): "ſ" is an "s"


def _search_banner(text: str, start: int) -> re.Match[str] | None:
    """``BANNER.search(text, start)``: tried only after a newline or TAB that a level
    word's first letter follows (see :func:`~cable_utils.parse.scan.search_after_breaks`)."""
    return search_after_breaks(BANNER, _BANNER_CANDIDATE, text, start, breaks="\n\t")


def find_banner(context: ParseContext, start: int = 0) -> Banner | None:
    """The first classification banner at or after ``start`` (``C O N F I D E N T I A L BAKU 000151``)."""
    match = _search_banner(context.text, start)
    if match is None:
        return None
    section = (
        (int(match.group("section")), int(match.group("of"))) if match.group("section") else None
    )
    return _banner_of(match, section)


def _banner_of(match: re.Match[str], section: tuple[int, int] | None) -> Banner:
    level, garbled = _level_name(match.group("level"))
    return Banner(
        level=level,
        garbled=garbled,
        caveat=(match.group("caveat") or "").upper() or None,
        station=_WHITESPACE.sub(" ", match.group("station")).strip().upper(),
        serial=match.group("serial"),
        section=section,
        start=match.start(),
        end=match.end(),
    )


def find_banner_anywhere(context: ParseContext, start: int, end: int) -> Banner | None:
    """A banner anywhere in ``text[start:end]``, even mid-line (inside an export row)."""
    match = BANNER_ANYWHERE.search(context.text, start, end)
    return None if match is None else _banner_of(match, None)


def _line_only_ok(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.strip() == "":
        return True
    return before.endswith("  ")  # collapsed lines are joined by wide spaces


def read_front_matter(context: ParseContext, start: int, end: int) -> None:
    """Find the front-matter fields in ``text[start:end]`` and record them."""
    text = context.text
    hits = []
    for match in _field_matches(text, start, end):
        kind = match.lastgroup or ""
        if kind in _LINE_ONLY_FIELDS and not _line_only_ok(text, match.start(), match.end()):
            continue
        hits.append((kind, match.start(), match.end()))
    for index, (kind, field_start, value_start) in enumerate(hits):
        if kind in ("handling", "caveat"):
            line_end = text.find("\n", value_start, end)
            line_end = end if line_end == -1 else line_end
            context.fields["front_end"] = max(context.fields.get("front_end", 0), line_end)
            value = _WHITESPACE.sub(" ", text[field_start:value_start]).upper()
            context.fields.setdefault("handling", []).append(value)
            context.add_segment("handling", field_start, value_start)
            continue
        limit = hits[index + 1][1] if index + 1 < len(hits) else end
        if (
            index + 1 < len(hits)
            and hits[index + 1][0] == kind
            and not text[value_start:limit].strip()
        ):
            continue  # "SUBJECT: SUBJECT: …": the keyword written twice is one
        value_end = _value_end(text, kind, value_start, limit)
        context.add_segment(kind, field_start, value_end)
        if kind == "ref":
            context.fields.setdefault("ref_spans", []).append((value_start, value_end))
        elif kind == "office":
            context.fields.setdefault(
                "office", _WHITESPACE.sub(" ", text[field_start:value_end]).strip()
            )
        elif kind == "eo":
            context.fields.setdefault(
                "eo", _WHITESPACE.sub(" ", text[field_start:value_end]).strip()
            )
            context.fields.setdefault("eo_span", (value_start, value_end))
        else:
            value = _WHITESPACE.sub(" ", text[value_start:value_end]).strip(" :;")
            context.fields.setdefault(kind, value)
            context.fields.setdefault(f"{kind}_span", (value_start, value_end))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


_REF_LETTER_AHEAD = re.compile(r"(?:[A-Z]\.\s|\(?[A-Z]\)\s?)")


def _value_end(text: str, kind: str, value_start: int, limit: int) -> int:
    """Where a field's value stops: a blank line (REF: unless a lettered item follows) or ``limit``."""
    position = value_start
    while True:
        blank_match = _BLANK_LINE.search(text, position, limit)
        if blank_match is None:
            return limit
        blank = blank_match.start()
        if kind == "ref":
            following = text[blank:limit].lstrip()
            if _REF_LETTER_AHEAD.match(following):
                position = blank_match.end() - 1
                continue
        if (
            kind in ("subject", "classified_by", "tags", "ref")
            and text[value_start:blank].strip() == ""
        ):
            position = blank_match.end() - 1  # the value starts after a blank line
            continue
        return blank


def parse_reference_entries(value: str) -> list[tuple[str | None, str, int, int]]:
    """Split a REF value into (label, text, start, end) entries (offsets within ``value``)."""
    labels: list[re.Match[str]] = []
    for label in REF_LABEL.finditer(value):
        # "A. (A) PARIS 1784": the same letter written twice is one label.
        if labels and labels[-1].end() == label.start() and label.group("paren"):
            continue
        labels.append(label)
    if not labels:
        return _unlabelled_entries(value)
    entries = []
    if value[: labels[0].start()].strip():
        # Text before the first letter is not an entry of the list: keep it whole.
        entries += _unlabelled_entries(value[: labels[0].start()])
    for index, label in enumerate(labels):
        item_end = labels[index + 1].start() if index + 1 < len(labels) else len(value)
        item = value[label.end() : item_end].rstrip(" \t\n;,.")
        letter = label.group("label") or label.group("paren")
        # "A. (A) PARIS 1784": the letter written twice.
        item = re.sub(rf"^\(?{letter}\)[ \t]*", "", item.strip())
        entries.append(
            (
                letter,
                item,
                label.start(),
                label.end() + len(value[label.end() : item_end].rstrip(" \t\n;,.")),
            )
        )
    return entries


def _unlabelled_entries(value: str) -> list[tuple[str | None, str, int, int]]:
    stripped = value.strip()
    if not stripped:
        return []
    first = value.index(stripped)
    parts = []
    position = first
    for separator in _REF_SEPARATOR.finditer(value, first, first + len(stripped)):
        parts.append((position, separator.start()))
        position = separator.end()
    parts.append((position, first + len(stripped)))
    items = [(value[a:b].strip(), a, b) for a, b in parts if value[a:b].strip()]
    if len(items) > 1 and all(REF_ID.match(item.upper()) for item, _, _ in items):
        return [(None, item, a, b) for item, a, b in items]
    return [(None, stripped, first, first + len(stripped))]


#: Posts as writers spelt them, to the way the Cablegate IDs write them (abbreviations
#: and typos met in REF lines; many are from cablemap's ID tests, heuer/cablemap, BSD).
POST_ALIASES = {
    "RIO": "RIODEJANEIRO", "RIODEJAN": "RIODEJANEIRO", "RIODEJANIERO": "RIODEJANEIRO",
    "PARISFR": "UNESCOPARISFR", "USUNESCOPARISFR": "UNESCOPARISFR", "UNVIE": "UNVIEVIENNA",
    "PAUP": "PORTAUPRINCE", "PAP": "PORTAUPRINCE", "SANJSE": "SANJOSE", "USEU": "USEUBRUSSELS",
    "USUN": "USUNNEWYORK", "USUNNY": "USUNNEWYORK", "USUNNEYORK": "USUNNEWYORK",
    "HALIF": "HALIFAX", "KUALALUMP": "KUALALUMPUR", "BKK": "BANGKOK", "PANANA": "PANAMA",
    "PANAM": "PANAMA", "WELLINGOTN": "WELLINGTON", "MADRIDSP": "MADRID", "KINSTON": "KINGSTON",
    "BISHTEK": "BISHKEK", "VAT": "VATICAN", "SAOPAUO": "SAOPAULO", "SAOPAUL": "SAOPAULO",
    "SECSTATE": "STATE", "SECTSTATE": "STATE", "HAGUE": "THEHAGUE", "PHNOMPEN": "PHNOMPENH",
    "TRIPOLII": "TRIPOLI", "BRASILA": "BRASILIA", "MEXICOCITY": "MEXICO", "TALLIN": "TALLINN",
}  # fmt: skip
_NOT_POSTS = {"EMAIL", "TELCON", "MEMCON", "PARA", "PARAS", "PAGE", "SECTION"}


def canonical_post(post: str) -> str:
    """A post as the Cablegate IDs write it: ``PORT-OF-SPAIN`` → ``PORTOFSPAIN``, ``RIO`` →
    ``RIODEJANEIRO``, ``EMBASSY VIENNA`` → ``VIENNA``."""
    letters = re.sub(r"[^A-Z]", "", post.upper())
    for prefix in ("AMEMBASSY", "EMBASSY"):
        if letters.startswith(prefix) and len(letters) > len(prefix):
            letters = letters[len(prefix) :]
    return POST_ALIASES.get(letters, letters)


def canonical_cable_id(cable_id: str) -> str:
    """A cable ID as Cablegate writes it (``05RIO123`` → ``05RIODEJANEIRO123``).

    >>> canonical_cable_id("06PORT-OF-SPAIN123")
    '06PORTOFSPAIN123'
    """
    match = re.match(r"^(\d\d)(.+?)0*(\d+)$", cable_id.strip())
    if match is None:
        return cable_id
    year, post, serial = match.groups()
    return f"{year}{canonical_post(post)}{int(serial)}"


def canonical_reference_id(text: str, default_year: int | None) -> str | None:
    """``BAKU 00146`` in a 2008 cable → ``08BAKU146``; ``None`` when it is not a cable number."""
    match = REF_ID.match(text.strip().upper())
    if match is None:
        return None
    year = match.group("year") or match.group("year_after")
    if year:
        year = year[-2:]
    elif default_year is not None:
        year = f"{default_year % 100:02d}"
    else:
        return None
    station = match.group("station").replace(" ", "")
    if station in _NOT_POSTS:
        return None
    return f"{year}{canonical_post(station)}{int(match.group('serial'))}"
