"""The text of the cable: banner, front matter, numbered paragraphs, signature.

Front-matter fields (handling caveats, office line, E.O., TAGS, SUBJECT, REF,
Classified By) are found by their keywords rather than by line position,
because published copies sometimes run several of them together on one line.
A field's value runs to the next field keyword, a blank line, or the first
numbered paragraph, whichever comes first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..model import Paragraph, Segment
from .context import ParseContext

__all__ = [
    "BANNER",
    "find_banner",
    "read_body",
    "read_front_matter",
    "search_after_breaks",
    "search_paragraph_start",
]

_WHITESPACE = re.compile(r"\s+")  # compiled once: it runs for every field


def _spaced(word: str) -> str:
    """A pattern for a word that may be letter-spaced (``C O N F I D E N T I A L``)."""
    return r"[ ]?".join(re.escape(letter) for letter in word)


_LEVELS = (
    rf"(?P<level>{_spaced('TOP')}[ \t]{1, 4}{_spaced('SECRET')}|{_spaced('CONFIDENTIAL')}|{_spaced('SECRET')}"
    rf"|{_spaced('UNCLASSIFIED')}|{_spaced('UNCLAS')}|LIMITED[ \t]{1, 4}OFFICIAL[ \t]{1, 4}USE)"
)
# Bounded repeats only: a line of 200,000 tabs or spaces must not make the
# search quadratic.
_BANNER_BODY = (
    rf"{_LEVELS}(?:[ \t]{{0,8}}//?[ \t]{{0,8}}(?P<caveat>NOFORN|SBU|FOUO|EXDIS|NODIS))?"
    r"(?:[ \t]{1,8}(?:SECTION[ \t]{1,8}(?P<section>\d{1,3})[ \t]{1,8}OF[ \t]{1,8}(?P<of>\d{1,3})))?"
    r"[ \t]{1,8}(?P<station>[A-Z][A-Z. ]{1,30}?)[ \t]{1,8}(?P<serial>\d{2,7})\b"
)
BANNER = re.compile(rf"(?:^[ \t]{{0,20}}|(?<=\t)){_BANNER_BODY}", re.MULTILINE | re.IGNORECASE)

_FIELD_STARTS = {
    "caveat": r"\b(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS|STADIS)\b",
    "handling": r"\b(?:SENSITIVE(?: BUT UNCLASSIFIED)?|FOR OFFICIAL USE ONLY)\b",
    "office": r"(?:^|(?<=\s\s))(?:[A-Z]{2,12}[ \t]{1,8})?FOR[ \t]{1,8}(?=[A-Z/,. -]{0,80}\b[A-Z]{2,}/)",
    "eo": r"\bE\.?\s?O\.?\s?\d{5}\b",
    "tags": r"\bTAGS?\b:?",
    "subject": r"\bSUBJ(?:ECT)?\s*:",
    "ref": r"\bREFS?\s*:|\bREFTEL\b",
    "classified_by": r"(?:\(U\)\s*)?\bClassified\s+By\b:?",
}
_FIELD_PATTERN = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in _FIELD_STARTS.items()),
    re.MULTILINE | re.IGNORECASE,
)
# Every field keyword starts at "(" ("(U) Classified By") or at a word start
# with one of the keywords' first letters; only the office line ("STATE FOR
# EUR/CARC") may start with any letter, and then at a line start or after two
# blanks. Trying the pattern only there is what finditer would find, at a
# fraction of the cost of trying it at every character.
_FIELD_CANDIDATES = re.compile(r"\b[SNELFTRC]|\(|^\w|(?<=\s\s)\w", re.IGNORECASE | re.MULTILINE)


# In ASCII text a field can only start where one of these words is (upper-cased),
# at the "E" of "E.O." (_EO_START), or at the word before "FOR" on an office
# line: finding them with str.find is several times faster than the candidate
# pattern above, which tries every character (it still serves other text, where
# case folding goes beyond ASCII: "ſ" is an "s", "K" (Kelvin) a "k").
_FIELD_WORDS = (
    "SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "STADIS", "SENSITIVE", "FOR", "TAG",
    "SUBJ", "REF", "CLASSIFIED", "(U)",
)  # fmt: skip
_EO_START = re.compile(r"E\.?\s?O")


def _field_candidates(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` where _FIELD_PATTERN may match, in order (a superset)."""
    window = text[start:end]
    if not window.isascii():
        return [candidate.start() for candidate in _FIELD_CANDIDATES.finditer(text, start, end)]
    upper = window.upper()  # in ASCII, what IGNORECASE matches is what upper() equates
    found = {match.start() for match in _EO_START.finditer(upper)}
    for word in _FIELD_WORDS:
        at = upper.find(word)
        while at != -1:
            found.add(at)
            if word == "FOR":  # an office line may start one word earlier ("STATE FOR")
                before = at
                while before > 0 and upper[before - 1] in " \t":
                    before -= 1
                while before > 0 and upper[before - 1].isalpha():
                    before -= 1
                found.add(before)
            at = upper.find(word, at + 1)
    return [start + at for at in sorted(found)]


def _field_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``_FIELD_PATTERN.finditer(text, start, end)``."""
    matches = []
    position = start
    match_at = _FIELD_PATTERN.match
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

PARAGRAPH_START = re.compile(
    r"^[ \t]*(?P<number>\d{1,2})[ \t]*\.[ \t]*"
    r"(?:\((?P<mark>[A-Za-z/ -]{1,24})\)[ \t.]*|(?P<bare>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)"
    r"[ \t]*-[ \t]*ENTIRE TEXT)\.?[ \t]*)?(?=\S|$)",
    re.MULTILINE,
)


def search_after_breaks(
    pattern: re.Pattern[str],
    candidates: re.Pattern[str],
    text: str,
    start: int,
    end: int | None = None,
    breaks: str = "\n",
) -> re.Match[str] | None:
    """What ``pattern.search(text, start, end)`` finds, for a pattern that can
    only match at the start of the text or just after one of the ``breaks``
    characters (a newline; for the banner, a TAB too).

    The pattern is tried at ``start`` when ``start`` is such a place, then one
    past each break that ``candidates`` finds after it (a break followed by
    what the pattern needs first), in order, instead of at every character.
    ``candidates`` may look for fewer breaks than ``breaks`` names when the text
    after ``start`` holds no other (a scan led by a literal newline runs at C
    speed, one led by a character class about three times slower). The tests
    check each use against the plain search.
    """
    start = min(max(start, 0), len(text))  # as re clamps it
    end = len(text) if end is None else end
    if (start == 0 or text[start - 1] in breaks) and (match := pattern.match(text, start, end)):
        return match
    position = start
    while candidate := candidates.search(text, position, end):
        if match := pattern.match(text, candidate.start() + 1, end):
            return match
        position = candidate.start() + 1
    return None


# A paragraph starts a line with a digit after blanks.
_PARAGRAPH_CANDIDATE = re.compile(r"\n[ \t]*\d")


def search_paragraph_start(text: str, start: int, end: int) -> re.Match[str] | None:
    """What ``PARAGRAPH_START.search(text, start, end)`` finds, found faster."""
    return search_after_breaks(PARAGRAPH_START, _PARAGRAPH_CANDIDATE, text, start, end)


_REF_LABEL = re.compile(
    r"(?:^|(?<=[\s,;:]))(?:\((?P<paren>[A-Z])\)[ \t]*|(?P<label>[A-Z])(?:\.[ \t\n]+|\)[ \t]+))(?=\S)"
)
# REFs without letters, separated by colons or semicolons (TEHRAN 1091: TEHRAN 263).
_REF_SEPARATOR = re.compile(r"(?<![ \t])[ \t]*[:;][ \t\n]*")
_REF_ID = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s{1,4})?(?P<station>[A-Z][A-Z ]{0,30}?[A-Z])\s{1,4}0*(?P<serial>\d{1,6})\b"
    r"(?:\s{0,4}\((?P<year_after>\d{2}|\d{4})\))?"
)
_HEADING_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]{1,4}-{3,}){0,3}[ \t]*$")
_END_MARKERS = re.compile(
    r"^[ \t]*(?:NNNN|NNN|END CABLE TEXT|BT|"
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)(?:[ \t]{0,8}//[ \t]{0,8}NOFORN)?)"
    r"[ \t]*(?:\.[ \t]*)?$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*[A-Z][A-Z'.-]+(?:[ ][A-Z][A-Z'.-]+){0,2}\s*$")
# Used as .match(text, start, end): no "^", which would not match at start.
_INLINE_SECTION_AT = re.compile(
    r"(?P<name>BEGIN SUMMARY|SUMMARY|COMMENT|END COMMENT)\s*[:.]", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Banner:
    level: str
    caveat: str | None
    station: str
    serial: str
    section: tuple[int, int] | None
    start: int
    end: int


def _level_name(raw_level: str) -> str:
    level = _WHITESPACE.sub(" ", raw_level.upper().replace(" ", "")).strip()
    level = {"UNCLAS": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET"}.get(level, level)
    if level.startswith("LIMITEDOFFICIAL"):
        return "LIMITED OFFICIAL USE"
    return level


# A banner starts a line or follows a TAB, and its level word starts with one of
# these letters. When no TAB follows ``start``, the faster scan led by a
# newline finds every later place (``start`` itself may still follow a TAB).
_BANNER_CANDIDATE_AFTER_NEWLINE = re.compile(r"\n[ \t]{0,20}(?i:[CSTUL])")
_BANNER_CANDIDATE = re.compile(r"[\n\t][ \t]{0,20}(?i:[CSTUL])")


def _search_banner(text: str, start: int) -> re.Match[str] | None:
    """What ``BANNER.search(text, start)`` finds, found faster."""
    no_tab_after = text.find("\t", start) == -1
    candidates = _BANNER_CANDIDATE_AFTER_NEWLINE if no_tab_after else _BANNER_CANDIDATE
    return search_after_breaks(BANNER, candidates, text, start, breaks="\n\t")


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
    return Banner(
        level=_level_name(match.group("level")),
        caveat=(match.group("caveat") or "").upper() or None,
        station=_WHITESPACE.sub(" ", match.group("station")).strip().upper(),
        serial=match.group("serial"),
        section=section,
        start=match.start(),
        end=match.end(),
    )


_BANNER_ANYWHERE = re.compile(rf"(?<![A-Za-z]){_BANNER_BODY}", re.IGNORECASE)


def find_banner_anywhere(context: ParseContext, start: int, end: int) -> Banner | None:
    """A banner anywhere in ``text[start:end]``, even mid-line (inside an export row)."""
    match = _BANNER_ANYWHERE.search(context.text, start, end)
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
    for label in _REF_LABEL.finditer(value):
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
    if len(items) > 1 and all(_REF_ID.match(item.upper()) for item, _, _ in items):
        return [(None, item, a, b) for item, a, b in items]
    return [(None, stripped, first, first + len(stripped))]


def canonical_reference_id(text: str, default_year: int | None) -> str | None:
    """``BAKU 00146`` in a 2008 cable → ``08BAKU146``; ``None`` when it is not a cable number."""
    match = _REF_ID.match(text.strip().upper())
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
    station = {"SECSTATE": "STATE"}.get(station, station)
    if station in {"EMAIL", "TELCON", "MEMCON", "PARA", "PARAS", "PAGE", "SECTION"}:
        return None
    return f"{year}{station}{int(match.group('serial'))}"


_TRAILING_RULE = re.compile(r"(?<![ \t])[ \t]{0,40}-{3,}[ \t]{0,40}$")
_LEADING_MARK = re.compile(r"^\((?:U|C|S|SBU|TS|[CS]/NF|S/REL[A-Z ]{0,20})\)[ \t]*")


def _without_trailing_rule(line: str) -> str:
    # A rule needs "---": the check spares a regex scan of every long line.
    return _TRAILING_RULE.sub("", line) if "---" in line else line


_END_WORD = re.compile(r"^END\b", re.I)
_BEGIN_WORD = re.compile(r"^BEGIN\s+", re.I)


def _section_name(heading: str) -> str | None:
    """``COMMENT:`` → ``COMMENT``; ``To Join ---------`` → ``To Join``; END … → ``None``."""
    name = _LEADING_MARK.sub("", _without_trailing_rule(heading).strip()).rstrip(".:").strip()
    if _END_WORD.match(name):
        return None
    return _BEGIN_WORD.sub("", name).strip() or None


def _is_heading(lines: list[str]) -> bool:
    """A short, unpunctuated block (``Media Reaction``), possibly underlined with dashes."""
    content = [line for line in lines if not _is_rule(line)]
    if len(content) != 1:
        return False
    line = _LEADING_MARK.sub("", _without_trailing_rule(content[0]).strip())
    if not line or len(line) > 60 or PARAGRAPH_START.match(line):
        return False
    if line.endswith((".", ",", ";", ")")) and not re.match(
        r"^(?:END )?(?:COMMENT|SUMMARY)\.$", line, re.I
    ):
        return False
    return line[0].isupper() and len(line.split()) <= 8


_Line = tuple[str, int, int]  # the line, its start and end offsets in the text


@dataclass(frozen=True, slots=True)
class _BodyLines:
    """The lines of a body grouped into blocks, plus where paragraphs may start.

    ``digit_starts`` (sorted) are the starts of the lines whose first character
    after blanks is a digit; ``digit_lines`` maps each of them to its line. Only
    those lines can start a numbered paragraph (:data:`PARAGRAPH_START` needs a
    digit there, and ``str.isdigit`` accepts every character ``\\d`` does).
    """

    blocks: list[list[_Line]]
    digit_starts: list[int]
    digit_lines: dict[int, _Line]


def _body_lines(text: str, start: int, end: int) -> _BodyLines:
    """Split ``text[start:end]`` into blocks of consecutive non-blank lines."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    digit_starts: list[int] = []
    digit_lines: dict[int, _Line] = {}
    line_start = start
    for line in text[start:end].split("\n"):  # as header.header_lines, without objects
        line_end = line_start + len(line)
        if line and not line.isspace():  # not blank (as line.strip(), without a copy)
            current.append((line, line_start, line_end))
            first = line[0]
            if first.isdigit() or (first in " \t" and line.lstrip(" \t")[:1].isdigit()):
                digit_starts.append(line_start)
                digit_lines[line_start] = current[-1]
        elif current:
            blocks.append(current)
            current = []
        line_start = line_end + 1
    if current:
        blocks.append(current)
    return _BodyLines(blocks, digit_starts, digit_lines)


def read_body(context: ParseContext, start: int, end: int) -> None:
    """Numbered paragraphs, section headings, the signature and end markers."""
    text = context.text
    body_lines = _body_lines(text, start, end)
    blocks = body_lines.blocks
    tail_kinds = _classify_tail(blocks)
    if "signature" not in tail_kinds.values():
        blocks, tail_kinds = _split_signature_line(blocks, tail_kinds)
    paragraphs: list[dict] = []
    section: str | None = None
    previous_was_heading = False
    details = not context.fields_only  # markings and sections, which rows do not use
    # Most bodies have no rule of dashes at all; then no block needs the rule checks.
    body_has_rules = text.find("---", start, end) != -1  # (find: no copy of the body)
    for index, block in enumerate(blocks):
        kind = tail_kinds.get(index)
        block_start, block_end = block[0][1], block[-1][2]
        if kind == "signature":
            context.fields["signer"] = block[0][0].strip()
            context.add_segment("signature", block_start, block_end)
            continue
        if kind == "end":
            context.add_segment("end", block_start, block_end)
            continue
        # Without "---" a block has no rules and no inner headings. (A block's
        # lines are consecutive lines of the text, and "---" holds no newline.)
        has_rule = body_has_rules and text.find("---", block_start, block_end) != -1
        if not has_rule and (len(block) > 1 or _starts_paragraph(block[0][0])):
            # The common case: several lines, or a numbered paragraph on one
            # line, so no heading (see below); only the line loop is left.
            previous_was_heading = False
            section = _read_plain_block(text, block, body_lines, paragraphs, section, details)
            continue
        lines_only = [line for line, _, _ in block]
        # Which lines are rules, decided once per line (the heading checks look
        # at the lines around each one).
        rules = [_is_rule(line) for line in lines_only] if has_rule else [False] * len(block)
        if has_rule and all(rules):
            # A rule of dashes under a heading, separated from it by a blank line.
            if previous_was_heading and not context.fields_only:
                heading_segment = context.segments.pop()
                raw_start, raw_end = context.raw_span(block_start, block_end)
                context.segments.append(
                    Segment(
                        "section_heading", heading_segment.start, raw_end, heading_segment.label
                    )
                )
            continue
        # Without a rule, a heading is a single line (see _is_heading, which
        # needs exactly one line that is not a rule).
        previous_was_heading = (has_rule or len(lines_only) == 1) and (
            (rules.count(False) == 1 and _is_heading(lines_only))
            or (
                len(lines_only) in (3, 4)
                and _HEADING_RULE.match(lines_only[0]) is not None
                and _HEADING_RULE.match(lines_only[-1]) is not None
                and not any(PARAGRAPH_START.match(line) for line in lines_only[1:-1])
                and sum(len(line.strip()) for line in lines_only[1:-1]) <= 100
            )
        )
        if previous_was_heading:
            if details:  # section names are no corpus field
                heading = " ".join(
                    line.strip() for line, _, _ in block if not _HEADING_RULE.match(line)
                )
                section = _section_name(heading)
                context.add_segment("section_heading", block_start, block_end, heading)
            continue
        closed = False  # a heading or rule inside the block ends the paragraph before it
        # An inner heading has a rule above or below it (see _is_inner_heading).
        next_to_rule = [
            above or below
            for above, below in zip([False, *rules[:-1]], [*rules[1:], False], strict=True)
        ]
        for position, (line_text, line_start, line_end) in enumerate(block):
            if rules[position]:
                closed = True
                continue
            if next_to_rule[position] and _is_inner_heading(block, position, rules):
                if details:
                    section = _section_name(line_text)
                    context.add_segment("section_heading", line_start, line_end, line_text.strip())
                closed = True
                continue
            match = _paragraph_start(line_text)
            if match:
                section = _start_paragraph(
                    text, match, line_start, line_end, paragraphs, section, details
                )
                closed = False
            elif paragraphs and not closed:
                paragraphs[-1]["end"] = line_end
            else:
                closed = False
                paragraphs.append(_unnumbered(line_start, line_end, section))
    if paragraphs and "signer" not in context.fields:
        _inline_signature(context, paragraphs[-1])
    if context.fields_only:
        # Only the last paragraph's text is read again, by the truncation check,
        # and only when there is no signature.
        text_needed_at = len(paragraphs) - 1 if not context.fields.get("signer") else None
        context.fields["paragraphs"] = [
            _make_paragraph(context, item)
            if index == text_needed_at
            else Paragraph(item["number"], item["marking"], item["section"], "", 0, 0)
            for index, item in enumerate(paragraphs)
        ]
    else:
        context.fields["paragraphs"] = [_make_paragraph(context, item) for item in paragraphs]


def _read_plain_block(
    text: str,
    block: list[_Line],
    body_lines: _BodyLines,
    paragraphs: list[dict],
    section: str | None,
    details: bool,
) -> str | None:
    """The lines of a block with no rule: each starts a paragraph or continues one.

    Only the lines that may start a paragraph are looked at (found by bisecting
    ``body_lines.digit_starts``); the lines between them continue the paragraph
    before, which then ends one character (the newline) before the next start.
    This is what the line loop of :func:`read_body` does, without visiting
    every line. Returns the section in force after the block.
    """
    block_start, block_end = block[0][1], block[-1][2]
    digit_starts = body_lines.digit_starts
    first = bisect_left(digit_starts, block_start)
    last = bisect_right(digit_starts, block_end)
    unread = block_start  # the start of the first line not yet given to a paragraph
    for line_start in digit_starts[first:last]:
        line_text, _, line_end = body_lines.digit_lines[line_start]
        match = PARAGRAPH_START.match(line_text)
        if match is None:
            continue
        if line_start > unread:
            _continue_paragraph(paragraphs, unread, line_start - 1, section)
        section = _start_paragraph(text, match, line_start, line_end, paragraphs, section, details)
        unread = line_end + 1
    if unread <= block_end:
        _continue_paragraph(paragraphs, unread, block_end, section)
    return section


def _continue_paragraph(paragraphs: list[dict], start: int, end: int, section: str | None) -> None:
    """Lines that start no paragraph: the last paragraph goes on, or unnumbered text begins."""
    if paragraphs:
        paragraphs[-1]["end"] = end
    else:
        paragraphs.append(_unnumbered(start, end, section))


def _paragraph_start(line: str) -> re.Match[str] | None:
    """``PARAGRAPH_START.match(line)``, skipped when the line cannot start a paragraph."""
    # A paragraph starts with a digit after blanks, and isdigit() accepts every
    # character \d does: the cheap test never hides a match.
    return PARAGRAPH_START.match(line) if line.lstrip(" \t")[:1].isdigit() else None


def _starts_paragraph(line: str) -> bool:
    return _paragraph_start(line) is not None


def _start_paragraph(
    text: str,
    match: re.Match[str],
    line_start: int,
    line_end: int,
    paragraphs: list[dict],
    section: str | None,
    details: bool = True,
) -> str | None:
    """Add the numbered paragraph ``match`` found; return the section it is in.

    Without ``details`` (a corpus row) the marking and section are not read.
    """
    body_start = line_start + match.end()
    if not details:
        paragraphs.append(
            {
                "number": int(match.group("number")),
                "marking": None,
                "section": None,
                "start": line_start,
                "body_start": body_start,
                "end": line_end,
            }
        )
        return None
    inline = _INLINE_SECTION_AT.match(text, body_start, line_end)
    if inline:
        name = inline.group("name").upper()
        section = None if name.startswith("END") else name.replace("BEGIN ", "").title()
    marking = match.group("mark") or match.group("bare")
    paragraphs.append(
        {
            "number": int(match.group("number")),
            "marking": _WHITESPACE.sub(" ", marking).strip().upper() if marking else None,
            "section": section,
            "start": line_start,
            "body_start": body_start,
            "end": line_end,
        }
    )
    return section


def _unnumbered(line_start: int, line_end: int, section: str | None) -> dict:
    """Text outside any numbered paragraph, kept as a paragraph without a number."""
    return {
        "number": None,
        "marking": None,
        "section": section,
        "start": line_start,
        "body_start": line_start,
        "end": line_end,
    }


def _is_inner_heading(block: list[tuple[str, int, int]], position: int, rules: list[bool]) -> bool:
    """A heading between rules inside a block (``--------`` / ``SUMMARY`` / ``--------``).

    ``rules[i]`` says whether line ``i`` of the block is a rule (:func:`_is_rule`).
    """
    ruled_below = position + 1 < len(block) and rules[position + 1]
    ruled_above = position > 0 and rules[position - 1]
    if not (ruled_above or ruled_below):
        return False  # the common case, decided without any regex
    line = block[position][0]
    if PARAGRAPH_START.match(line):
        return False
    if ruled_above and ruled_below:
        return len(line.strip()) <= 80  # a title between two rules, however long
    if not _is_heading([line]):
        return False
    return bool(ruled_below and position == 0) or bool(
        ruled_above and position + 1 < len(block) and PARAGRAPH_START.match(block[position + 1][0])
    )


def _is_rule(line: str) -> bool:
    return "---" in line and _HEADING_RULE.match(line) is not None


_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_INLINE_SIGNATURE = re.compile(
    r"(?P<before>[.!?\"”’)\]])[ \t]{1,8}(?P<name>[A-Z][A-Za-z'’-]{2,24})[ \t]*$"
)


def _split_signature_line(
    blocks: list[list[tuple[str, int, int]]], kinds: dict[int, str]
) -> tuple[list[list[tuple[str, int, int]]], dict[int, str]]:
    """A signature on the last line of the last paragraph's block (``…requested.\nHYLAND``)."""
    index = max((i for i in range(len(blocks)) if i not in kinds), default=None)
    if index is None or len(blocks[index]) < 2:
        return blocks, kinds
    block = blocks[index]
    last, previous = block[-1][0], block[-2][0]
    if not _SIGNATURE.match(last) or _is_section_word(last) or last.rstrip().endswith("."):
        return blocks, kinds
    if not (_SENTENCE_END.search(previous) or _is_section_word(previous)):
        return blocks, kinds
    blocks = blocks[:index] + [block[:-1], [block[-1]]] + blocks[index + 1 :]
    kinds = {(i + 1 if i > index else i): kind for i, kind in kinds.items()}
    kinds[index + 1] = "signature"
    return blocks, kinds


def _inline_signature(context: ParseContext, item: dict) -> None:
    """A signature run onto the end of the last paragraph (``…travel. RICHARDSON``)."""
    text = context.text
    tail_start = max(item["body_start"], item["end"] - 200)
    match = _INLINE_SIGNATURE.search(text, tail_start, item["end"])
    if match is None:
        return
    name = match.group("name")
    paragraph_text = text[item["body_start"] : match.start("name")]
    official = (context.fields.get("classified_by") or "").lower()
    official_words = set(re.findall(r"[a-z'’-]{3,}", official))
    after_comment = re.search(r"END\s+COMMENT\.?\s*$", paragraph_text, re.I) is not None
    shouting = name.isupper() and any(c.islower() for c in paragraph_text)
    if not (shouting or after_comment or name.lower() in official_words):
        return
    context.fields["signer"] = name
    context.add_segment("signature", match.start("name"), match.end("name"))
    item["end"] = match.start("name")


def _classify_tail(blocks: list[list[tuple[str, int, int]]]) -> dict[int, str]:
    """Mark the signature and end-of-message blocks at the end of the body."""
    kinds: dict[int, str] = {}
    for index in range(len(blocks) - 1, -1, -1):
        lines = [line for line, _, _ in blocks[index]]
        if all(_END_MARKERS.match(line) for line in lines):
            kinds[index] = "end"
            continue
        if len(lines) == 1 and _SIGNATURE.match(lines[0]) and not _is_section_word(lines[0]):
            kinds[index] = "signature"
        break
    return kinds


_SECTION_WORD = re.compile(r"^\s*(?:END\s+)?(?:COMMENT|SUMMARY|NOTE)\.?\s*$", re.I)


def _is_section_word(line: str) -> bool:
    return _SECTION_WORD.match(line) is not None


# Starts only where a whitespace run starts, so long runs stay linear.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*")


def _make_paragraph(context: ParseContext, item: dict) -> Paragraph:
    body = _LINE_BREAK.sub(" ", context.text[item["body_start"] : item["end"]]).strip()
    if context.fields_only:
        return Paragraph(item["number"], item["marking"], item["section"], body, 0, 0)
    raw_start, raw_end = context.raw_span(item["start"], item["end"])
    label = f"¶{item['number']}" if item["number"] is not None else "unnumbered text"
    kind = "paragraph" if item["number"] is not None else "text"
    context.segments.append(Segment(kind, raw_start, raw_end, label))
    return Paragraph(item["number"], item["marking"], item["section"], body, raw_start, raw_end)
