"""The text of the cable: banner, front matter, numbered paragraphs, signature.

Front-matter fields (handling caveats, office line, E.O., TAGS, SUBJECT, REF,
Classified By) are found by their keywords rather than by line position,
because published copies sometimes run several of them together on one line.
A field's value runs to the next field keyword, a blank line, or the first
numbered paragraph, whichever comes first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ParseContext
from .header import iter_lines
from .model import Paragraph, Segment

__all__ = ["BANNER", "find_banner", "read_body", "read_front_matter"]


def _spaced(word: str) -> str:
    """A pattern for a word that may be letter-spaced (``C O N F I D E N T I A L``)."""
    return r"[ ]?".join(re.escape(letter) for letter in word)


_LEVELS = (
    rf"(?P<level>{_spaced('TOP')}\s+{_spaced('SECRET')}|{_spaced('CONFIDENTIAL')}|{_spaced('SECRET')}"
    rf"|{_spaced('UNCLASSIFIED')}|{_spaced('UNCLAS')}|LIMITED\s+OFFICIAL\s+USE)"
)
BANNER = re.compile(
    rf"^[ \t]*{_LEVELS}(?:[ \t]*//?[ \t]*(?P<caveat>NOFORN|SBU|FOUO|EXDIS|NODIS))?"
    r"(?:[ \t]+(?:SECTION[ \t]+(?P<section>\d{1,3})[ \t]+OF[ \t]+(?P<of>\d{1,3})))?"
    r"[ \t]+(?P<station>[A-Z][A-Z. ]{1,30}?)[ \t]+(?P<serial>\d{2,7})\b",
    re.MULTILINE | re.IGNORECASE,
)

_FIELD_STARTS = {
    "handling": r"\b(?:SIPDIS|NOFORN|SENSITIVE(?: BUT UNCLASSIFIED)?|EXDIS|NODIS|LIMDIS|STADIS|"
    r"FOR OFFICIAL USE ONLY)\b",
    "office": r"(?:^|(?<=\s\s))(?:[A-Z]{2,12}\s+)?FOR\s+(?=[A-Z/,. -]*\b[A-Z]{2,}/)",
    "eo": r"\bE\.?\s?O\.?\s?\d{5}\b",
    "tags": r"\bTAGS\b:?",
    "subject": r"\bSUBJ(?:ECT)?\s*:",
    "ref": r"\bREFS?\s*:|\bREFTEL\b",
    "classified_by": r"(?:\(U\)\s*)?\bClassified\s+By\b:?",
}
_FIELD_PATTERN = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in _FIELD_STARTS.items()),
    re.MULTILINE | re.IGNORECASE,
)
# Handling caveats and the office line must stand on a line of their own (or
# be separated by wide spaces): "for" is also an ordinary English word.
_LINE_ONLY_FIELDS = {"handling", "office"}

PARAGRAPH_START = re.compile(
    r"^[ \t]*(?P<number>\d{1,2})[ \t]*\.[ \t]*"
    r"(?:\((?P<mark>[A-Za-z/ -]{1,24})\)[ \t.]*|(?P<bare>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)"
    r"[ \t]*-[ \t]*ENTIRE TEXT)\.?[ \t]*)?(?=\S)",
    re.MULTILINE,
)
_REF_LABEL = re.compile(r"(?:^|(?<=\s))(?P<label>[A-Z])\.\s+(?=\S)")
_REF_ID = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s+)?(?P<station>[A-Z][A-Z ]*?[A-Z])\s+0*(?P<serial>\d{1,6})\b"
)
_HEADING_RULE = re.compile(r"^\s*-{3,}\s*$")
_END_MARKERS = re.compile(
    r"^\s*(?:NNNN|NNN|END CABLE TEXT|BT|"
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)(?:\s*//\s*NOFORN)?)\s*\.?\s*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^\s*[A-Z][A-Z'.-]+(?:[ ][A-Z][A-Z'.-]+){0,2}\s*$")
_INLINE_SECTION = re.compile(
    r"^(?P<name>BEGIN SUMMARY|SUMMARY|COMMENT|END COMMENT)\s*[:.]", re.IGNORECASE
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
    level = re.sub(r"\s+", " ", raw_level.upper().replace(" ", "")).strip()
    level = {"UNCLAS": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET"}.get(level, level)
    if level.startswith("LIMITEDOFFICIAL"):
        return "LIMITED OFFICIAL USE"
    return level


def find_banner(context: ParseContext, start: int = 0) -> Banner | None:
    """The first classification banner at or after ``start`` (``C O N F I D E N T I A L BAKU 000151``)."""
    match = BANNER.search(context.text, start)
    if match is None:
        return None
    section = (
        (int(match.group("section")), int(match.group("of"))) if match.group("section") else None
    )
    return Banner(
        level=_level_name(match.group("level")),
        caveat=(match.group("caveat") or "").upper() or None,
        station=re.sub(r"\s+", " ", match.group("station")).strip().upper(),
        serial=match.group("serial"),
        section=section,
        start=match.start(),
        end=match.end(),
    )


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
    for match in _FIELD_PATTERN.finditer(text, start, end):
        kind = match.lastgroup or ""
        if kind in _LINE_ONLY_FIELDS and not _line_only_ok(text, match.start(), match.end()):
            continue
        hits.append((kind, match.start(), match.end()))
    for index, (kind, field_start, value_start) in enumerate(hits):
        limit = hits[index + 1][1] if index + 1 < len(hits) else end
        value_end = _value_end(text, kind, value_start, limit)
        value = re.sub(r"\s+", " ", text[value_start:value_end]).strip(" :;")
        if kind == "handling":
            value = re.sub(r"\s+", " ", text[field_start:value_start]).upper()
            context.fields.setdefault("handling", []).append(value)
            context.add_segment("handling", field_start, value_start)
            continue
        context.add_segment(kind, field_start, value_end)
        if kind == "ref":
            context.fields.setdefault("ref_spans", []).append((value_start, value_end))
        elif kind == "office":
            context.fields.setdefault(
                "office", re.sub(r"\s+", " ", text[field_start:value_end]).strip()
            )
        elif kind == "eo":
            context.fields.setdefault(
                "eo", re.sub(r"\s+", " ", text[field_start:value_end]).strip()
            )
            context.fields.setdefault("eo_span", (value_start, value_end))
        else:
            context.fields.setdefault(kind, value)
            context.fields.setdefault(f"{kind}_span", (value_start, value_end))


def _value_end(text: str, kind: str, value_start: int, limit: int) -> int:
    """Where a field's value stops: a blank line (REF: unless a lettered item follows) or ``limit``."""
    position = value_start
    while True:
        blank = text.find("\n\n", position, limit)
        if blank == -1:
            return limit
        if kind == "ref":
            following = text[blank:limit].lstrip()
            if re.match(r"[A-Z]\.\s", following):
                position = blank + 2
                continue
        if kind in ("subject", "classified_by", "tags") and text[value_start:blank].strip() == "":
            position = blank + 2  # the value starts after a blank line
            continue
        return blank


def parse_reference_entries(value: str) -> list[tuple[str | None, str, int, int]]:
    """Split a REF value into (label, text, start, end) entries (offsets within ``value``)."""
    labels = list(_REF_LABEL.finditer(value))
    if not labels:
        stripped = value.strip()
        if not stripped:
            return []
        first = value.index(stripped)
        return [(None, stripped, first, first + len(stripped))]
    entries = []
    for index, label in enumerate(labels):
        item_end = labels[index + 1].start() if index + 1 < len(labels) else len(value)
        item = value[label.end() : item_end].rstrip(" \n;,")
        entries.append((label.group("label"), item.strip(), label.start(), label.end() + len(item)))
    return entries


def canonical_reference_id(text: str, default_year: int | None) -> str | None:
    """``BAKU 00146`` in a 2008 cable → ``08BAKU146``; ``None`` when it is not a cable number."""
    match = _REF_ID.match(text.strip().upper())
    if match is None:
        return None
    year = match.group("year")
    if year:
        year = year[-2:]
    elif default_year is not None:
        year = f"{default_year % 100:02d}"
    else:
        return None
    station = match.group("station").replace(" ", "")
    if station in {"EMAIL", "TELCON", "MEMCON", "PARA", "PARAS"}:
        return None
    return f"{year}{station}{int(match.group('serial'))}"


def _is_heading(lines: list[str]) -> bool:
    """A short, unpunctuated block (``Media Reaction``), possibly underlined with dashes."""
    content = [line for line in lines if not _HEADING_RULE.match(line)]
    if len(content) != 1:
        return False
    line = content[0].strip()
    if PARAGRAPH_START.match(line) or len(line) > 60 or not line:
        return False
    if line.endswith((".", ",", ";", ")")) and not re.match(
        r"^(?:END )?(?:COMMENT|SUMMARY)\.$", line, re.I
    ):
        return False
    return line[0].isupper() and len(line.split()) <= 8


def _blocks(text: str, start: int, end: int) -> list[list[tuple[str, int, int]]]:
    """Groups of consecutive non-blank lines in ``text[start:end]``."""
    blocks: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for line in iter_lines(text, start, end):
        if line.text.strip():
            current.append((line.text, line.start, line.end))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def read_body(context: ParseContext, start: int, end: int) -> None:
    """Numbered paragraphs, section headings, the signature and end markers."""
    text = context.text
    blocks = _blocks(text, start, end)
    tail_kinds = _classify_tail(blocks)
    paragraphs: list[dict] = []
    section: str | None = None
    previous_was_heading = False
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
        if all(_HEADING_RULE.match(line) for line, _, _ in block):
            # A rule of dashes under a heading, separated from it by a blank line.
            if previous_was_heading:
                heading_segment = context.segments.pop()
                raw_start, raw_end = context.raw_span(block_start, block_end)
                context.segments.append(
                    Segment(
                        "section_heading", heading_segment.start, raw_end, heading_segment.label
                    )
                )
            continue
        previous_was_heading = _is_heading([line for line, _, _ in block])
        if previous_was_heading:
            heading = next(line for line, _, _ in block if not _HEADING_RULE.match(line)).strip()
            section = heading.rstrip(".").strip()
            if re.match(r"^END\b", section, re.I):
                section = None
            context.add_segment("section_heading", block_start, block_end, heading)
            continue
        for line_text, line_start, line_end in block:
            match = PARAGRAPH_START.match(line_text)
            if match:
                body_start = line_start + match.end()
                inline = _INLINE_SECTION.match(text[body_start:line_end])
                if inline:
                    name = inline.group("name").upper()
                    section = None if name.startswith("END") else name.replace("BEGIN ", "").title()
                marking = match.group("mark") or match.group("bare")
                paragraphs.append(
                    {
                        "number": int(match.group("number")),
                        "marking": re.sub(r"\s+", " ", marking).strip().upper()
                        if marking
                        else None,
                        "section": section,
                        "start": line_start,
                        "body_start": body_start,
                        "end": line_end,
                    }
                )
            elif paragraphs:
                paragraphs[-1]["end"] = line_end
            else:
                paragraphs.append(
                    {
                        "number": None,
                        "marking": None,
                        "section": section,
                        "start": line_start,
                        "body_start": line_start,
                        "end": line_end,
                    }
                )
    context.fields["paragraphs"] = [_make_paragraph(context, item) for item in paragraphs]


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


def _is_section_word(line: str) -> bool:
    return bool(re.match(r"^\s*(?:END\s+)?(?:COMMENT|SUMMARY|NOTE)\.?\s*$", line, re.I))


def _make_paragraph(context: ParseContext, item: dict) -> Paragraph:
    raw_start, raw_end = context.raw_span(item["start"], item["end"])
    body = re.sub(r"[ \t]*\n[ \t]*", " ", context.text[item["body_start"] : item["end"]]).strip()
    label = f"¶{item['number']}" if item["number"] is not None else "unnumbered text"
    kind = "paragraph" if item["number"] is not None else "text"
    context.segments.append(Segment(kind, raw_start, raw_end, label))
    return Paragraph(item["number"], item["marking"], item["section"], body, raw_start, raw_end)
