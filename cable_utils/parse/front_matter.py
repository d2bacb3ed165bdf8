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
from .patterns import BANNER, BANNER_ANYWHERE, FIELD
from .references import label_at, next_label, ref_labels
from .scan import search_after_breaks

__all__ = ["Banner", "find_banner", "find_banner_anywhere", "read_front_matter"]

_WHITESPACE = re.compile(r"\s+")  # compiled once: it runs for every field

# Every field keyword starts at "(" ("(U) Classified By") or at a word start
# with one of the keywords' first letters; only the office line ("STATE FOR
# EUR/CARC") may start with any letter, and then at a line start or after two
# blanks. Trying the pattern only there is what finditer would find, at a
# fraction of the cost of trying it at every character.
# The REF keyword may also be glued to the word before it (``PRIMEREF:``), and
# the colon-less SUBJECT is matched from its line's start, blanks included
# (``"  SUBJECT SAG AGREES"``), so a line that opens with a blank is a candidate too.
# (The word-start test comes first, once: most characters are inside a word.)
_FIELD_CANDIDATES = re.compile(
    r"\b(?:[SNELFTRC]|^\w|(?<=\s\s)\w)|^[ \t]|\(|(?-i:R(?=EF:))|(?-i:A(?=GS:))",
    re.IGNORECASE | re.MULTILINE,
)


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
# may start with any capital) that begins the level's word: up to four letters
# and spaces of damage (``SS E C R E T``: a stray capital and the word's own
# first letter, each perhaps followed by a space), then the word's core (O N F,
# E C R, N C L, perhaps letter-spaced), or TOP, or LIMITED: what every
# alternative of ``patterns._LEVEL`` needs. Ruling out the other header lines
# in the one C scan spares trying the whole banner pattern at each of them.
_BANNER_CANDIDATE = re.compile(
    r"[\n\t][ \t]{0,20}(?i:(?=[A-Z ]{0,4}(?:O ?N ?F|E ?C ?R|N ?C ?L)|T ?O ?P|LIMITED)[A-Z])"
)  # (?i): "ſ" is an "s"


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


def _squeezed(value: str) -> str:
    """``_WHITESPACE.sub(" ", value).strip()``: the value's words joined by single
    spaces. ``str.split()`` splits at the characters ``\\s`` matches (both use
    ``str.isspace``), and on a short value it costs a fraction of a regex call."""
    return " ".join(value.split())


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
        if kind == "office" and hits and _wraps_subject(text, hits[-1], match.start()):
            continue  # "SUBJECT: … STRATEGIC REVIEW IDEAS\nFOR USD/P FLOURNOY" (09KABUL376)
        if (
            kind == "ref"
            and hits
            and hits[-1][0] == "ref"
            and _only_a_label(text, hits[-1][2], match.start())
        ):
            continue  # "REF: A. REF: KATHMANDU 2282": the keyword repeated after the label
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
        if index + 1 < len(hits) and hits[index + 1][0] == kind:
            between = text[value_start:limit]
            if not between.strip():
                continue  # "SUBJECT: SUBJECT: …": the keyword written twice is one
            if kind == "classified_by" and "\n" not in between:
                continue  # "Classified By: This message classified by Econ Minister …"
        value_end = _value_end(text, kind, value_start, limit)
        context.add_segment(kind, field_start, value_end)
        if kind == "ref":
            context.fields.setdefault("ref_spans", []).append((value_start, value_end))
        elif kind == "office":
            context.fields.setdefault("office", _squeezed(text[field_start:value_end]))
        elif kind == "eo":
            context.fields.setdefault("eo", _squeezed(text[field_start:value_end]))
            context.fields.setdefault("eo_span", (value_start, value_end))
        else:
            value = _squeezed(text[value_start:value_end]).strip(" :;")
            if kind == "classified_by" and _NO_OFFICIAL.fullmatch(value):
                continue  # a later Classified By line names the official
            context.fields.setdefault(kind, value)
            context.fields.setdefault(f"{kind}_span", (value_start, value_end))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# A Classified By line that names no official: a list of cables (``Classified By: ADANA
# 222 ADANA 216 …``) or a corrected copy's notice (``CLASSIFIED BY LINE ADDED``).
_NO_OFFICIAL = re.compile(r"(?:[A-Z][A-Z .]{1,30}\s\d{1,7}[\s,;]*){1,20}|LINE\s+ADDED\b.{0,200}")


# A serial of the entry before the blank line (``(B) Rio de Janeiro\n\n00723``),
# not a paragraph number (``1. (U)``).
_SERIAL_AHEAD = re.compile(r"\d{2,6}\b(?![ \t]{0,8}\.)")


# The end of a page marker cut by a blank line from its post and serial (08TRIPOLI402).
_PAGE_MARKER_END = re.compile(r"\d{3}(?:\.\d)?[ \t]{1,4}OF[ \t]{1,4}\d{3}\b")


def _ref_goes_on(before: str, after: str) -> bool:
    """Whether a REF list goes on after a blank line: its next label follows (``-  (B)
    State 240035``; not a marking such as ``(U) THIS CABLE …``), or the blank line cut an
    entry (``D) \n\nTaipei 03196``, ``(B) Rio de Janeiro \n\n00723``)."""
    following = after.lstrip(" \t\n-")
    if label_at(following) == next_label(before):
        return True
    if _PAGE_MARKER_END.match(following):
        return True  # "TRIPOLI 00000402 \n\n001.2 OF 003": the page marker is cut out later
    labels = ref_labels(before)
    if labels and not before[labels[-1][2] :].strip():
        return True  # a label with nothing after it yet
    if labels and not any(c.isdigit() for c in before[labels[-1][2] :]):
        return True  # "C) RIO \n \nDE JANEIRO 1291": an entry with no serial yet
    return before.rstrip()[-1:].isalpha() and _SERIAL_AHEAD.match(following) is not None


def _only_a_label(text: str, start: int, end: int) -> bool:
    between = text[start:end].strip()
    return bool(between) and label_at(between) is not None and len(between) <= 4


def _wraps_subject(text: str, previous: tuple[str, int, int], start: int) -> bool:
    """Whether a line at ``start`` continues the SUBJECT hit ``previous`` (no blank line
    between them): the subject wrapped onto a line that reads like an office line."""
    kind, _, value_start = previous
    return kind == "subject" and _BLANK_LINE.search(text, value_start, start) is None


# A line of dashes ends a subject: "ZIM NOTES 11-09-2009\n-----------\n¶1. SUMMARY".
_RULE_LINE = re.compile(r"\n[ \t]{0,20}-{3,}")


def _prose_line_after_capitals(text: str, value_start: int, limit: int) -> int:
    """Where a subject written in capitals runs into a line of prose ("… AT U.S.-EU
    SUMMIT\nThis is an Action request. Please see para 2."): that line's start, else ``limit``."""
    first_end = text.find("\n", value_start, limit)
    if first_end == -1 or not text[value_start:first_end].isupper():
        return limit  # one line, or not written in capitals (str.isupper: no lower-case letter)
    position = first_end
    while position < limit:
        line_end = text.find("\n", position + 1, limit)
        line_end = limit if line_end == -1 else line_end
        line = text[position + 1 : line_end]
        if (
            not line.isupper()
            and sum(map(str.islower, line)) * 2 >= sum(map(str.isalpha, line)) > 0
        ):
            return position
        position = line_end
    return limit


def _value_end(text: str, kind: str, value_start: int, limit: int) -> int:
    """Where a field's value stops: a blank line (REF: unless a lettered item follows) or ``limit``."""
    if kind == "subject" and (rule := _RULE_LINE.search(text, value_start, limit)):
        limit = rule.start()
    if kind == "subject":
        end = _blank_line_end(text, kind, value_start, limit)
        return _prose_line_after_capitals(text, value_start, end)
    return _blank_line_end(text, kind, value_start, limit)


def _blank_line_end(text: str, kind: str, value_start: int, limit: int) -> int:
    position = value_start
    while True:
        blank_match = _BLANK_LINE.search(text, position, limit)
        if blank_match is None:
            return limit
        blank = blank_match.start()
        if kind == "ref" and _ref_goes_on(text[value_start:blank], text[blank:limit]):
            position = blank_match.end() - 1
            continue
        if (
            kind in ("subject", "classified_by", "tags", "ref")
            and text[value_start:blank].strip() == ""
        ):
            position = blank_match.end() - 1  # the value starts after a blank line
            continue
        return blank
