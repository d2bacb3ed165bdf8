"""The transmission header: everything the telegraph network added before the text.

``VZCZC…``, the routing line (``PP RUEHWEB``), the ``DE`` line, the security line
(``ZNY CCCCC ZZH``), precedence and date-time group, ``FM``, ``TO`` and ``INFO``.
Many published copies lack some of these lines (older cables start at the DTG,
some start with an office distribution block), so each is optional.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Addressee, HeaderField
from ..reference.codes import routing_indicators
from .context import ParseContext
from .patterns import (
    BARE_DTG_LINE,
    DE_LINE,
    DTG_LINE,
    PRECEDENCE_WORDS,
    ROUTING_CONTINUATION,
    ROUTING_LINE,
    SECURITY_LINE,
    VZCZC_LINE,
)

__all__ = ["HeaderLine", "header_lines", "read_header"]

# The value runs to the last non-blank character (greedy: a lazy ".*?" would
# try the line's end after every character).
_FROM = re.compile(r"^FM\s+(?P<name>\S(?:.*\S)?)\s*$")
_TO = re.compile(r"^TO\s+(?P<rest>\S(?:.*\S)?)\s*$")
_INFO = re.compile(r"^INFO\s+(?P<rest>\S(?:.*\S)?)\s*$")
_DISTRIBUTION = re.compile(r"^\s*(?:INFO|ACTION|ORIGIN)\s+[A-Z]{1,6}-\d{2}\b")
_DISTRIBUTION_CONTINUATION = re.compile(
    r"^[ \t]+(?:[A-Z]{1,6}-\d{2}[ \t]*){1,20}(?:/\d{1,4}[ \t]?W?)?[ \t]*$"
    r"|^[ \t]+/\d{1,4}[ \t]?W?[ \t]*$"
    r"|^[ \t]*-{3,}[ \t]*\d{3,7}[ \t]+\d{6}Z[ \t]+/\d{1,3}[ \t]*$"  # ----352654 200910Z /23
)
# Every header line pattern below can match only a line that starts with its
# keyword (the DTG line: a digit, or a prosign letter in either case and a
# blank). One test of the line start names the only patterns worth trying:
# most header lines are addressees, and each pattern tried costs as much as this.
_LINE_KIND = re.compile(
    r"(?P<vzczc>VZCZC)|(?P<info>INFO)|(?P<distribution>ACTION|ORIGIN)|(?P<routing>ZZ|OO|PP|RR|YY)"
    r"|(?P<de>DE)|(?P<security>ZN)|(?P<fm>FM)|(?P<to>TO)|(?P<dtg>\d|(?i:[ZOPRY])\s)"
)
_BLANKS = re.compile(r"\s+")
_ADDRESSEE = re.compile(
    rf"^(?:(?P<ri>[A-Z]{{3,8}})/)?(?P<name>.*?)(?:\s+(?P<prec>{PRECEDENCE_WORDS}))?"
    r"(?:\s+(?P<serial>\d{1,5}(?:-\d{1,5})?))?\s*$"
)


class HeaderLine(NamedTuple):
    """A line of the normalised text with its offsets (end excludes the newline).

    A named tuple rather than a dataclass: one is made for every header line of
    every cable of a corpus, and a tuple is made several times faster.
    """

    text: str
    start: int
    end: int


def header_lines(text: str, start: int = 0, end: int | None = None) -> list[HeaderLine]:
    """Lines of ``text[start:end]`` with their offsets (no empty line after a final newline)."""
    end = len(text) if end is None else end
    lines = text[start:end].split("\n")
    if not lines[-1]:
        lines.pop()  # the text ends with a newline (or is empty): no line after it
    result = []
    line_start = start
    for line in lines:
        line_end = line_start + len(line)
        result.append(HeaderLine(line, line_start, line_end))
        line_start = line_end + 1
    return result


def _addressee(
    context: ParseContext, role: str, line: HeaderLine, body: str, offset: int
) -> Addressee | None:
    body = body.strip()
    match = _ADDRESSEE.match(body)
    if not body or match is None:
        return None
    ri = match.group("ri")
    if ri == "ZEN":  # ZEN/: an addressee not served by this transmission
        ri = None
    name = _BLANKS.sub(" ", match.group("name")).strip()
    if not name:
        return None
    precedence = match.group("prec")
    precedence = _BLANKS.sub(" ", precedence) if precedence else None
    start = line.start + offset
    raw_start, raw_end = context.raw_span(start, start + len(body))
    known = routing_indicators().get(ri) if ri else None
    return Addressee(
        role=role,
        routing_indicator=ri,
        name=name,
        precedence=precedence,
        serial=match.group("serial"),
        start=raw_start,
        end=raw_end,
        routing_name=known.get("name") if known else None,
    )


def _addressee_parts(keyword: str | None, addressee: Addressee, match_ri: str | None) -> tuple:
    parts = [("keyword", keyword)] if keyword else []
    if match_ri:
        parts.append(("routing_indicator", match_ri))
    parts.append(("name", addressee.name))
    if addressee.precedence:
        parts.append(("precedence", addressee.precedence))
    if addressee.serial:
        parts.append(("serial", addressee.serial))
    return tuple(parts)


def _line_parts(kind: str, match: re.Match[str], stripped: str) -> tuple[tuple[str, str], ...]:
    """The parts of a recognised header line, in the order written (see HeaderField)."""
    if kind == "vzczc":
        parts = [("keyword", "VZCZC"), ("channel", match.group("channel") or "")]
        return (*parts, ("serial", match.group("serial") or ""))
    if kind == "routing":
        prosign = match.groupdict().get("prosign")
        indicators = (match.groupdict().get("indicators") or match.group()).split()
        head = (("prosign", prosign),) if prosign else ()
        return head + tuple(("routing_indicator", ri) for ri in indicators)
    if kind == "de_line":
        parts = [("keyword", "DE"), ("station", match["station"]), ("serial", match["serial"])]
        if match["section"]:
            parts.append(("section", match["section"]))
        return (*parts, ("julian", match["julian"]))
    if kind == "security_line":
        levels = (("signal", match["signal"]), ("level", match["level"]))
        return levels + tuple(("signal", signal) for signal in match["signals"].split())
    if kind == "dtg":
        prosigns = (match.groupdict().get("prec") or "").split()
        return tuple(("prosign", p) for p in prosigns) + (("dtg", _BLANKS.sub(" ", match["dtg"])),)
    if kind == "from":
        return (("keyword", "FM"), ("name", match["name"]))
    return (("text", stripped),)


def read_header(context: ParseContext, end: int, start: int = 0) -> int:
    """Read header lines in ``text[start:end]``; return where the header stopped.

    Fills ``context.fields`` with ``dtg``, ``precedence_prosigns``, ``de``,
    ``from``, ``to``, ``info`` and ``header`` (a :class:`~cable_utils.model.HeaderField`
    per line read).
    """
    to: list[Addressee] = []
    info: list[Addressee] = []
    fields: list[HeaderField] = []
    block: str | None = None  # "to", "info", "routing", "distribution" while a block continues
    block_start = 0
    header_end = start

    def close_block(at: int) -> None:
        nonlocal block
        if block in ("to", "info"):
            context.add_segment(block, block_start, at)
        block = None

    def record(kind: str, line: HeaderLine, match: re.Match[str], stripped: str) -> None:
        if context.row:
            return  # header fields are no row field
        raw_start, raw_end = context.raw_span(line.start, line.end)
        fields.append(HeaderField(kind, _line_parts(kind, match, stripped), raw_start, raw_end))

    def add_addressee(role: str, line: HeaderLine, body: str, keyword: str | None):
        if context.row:
            return  # addressees are no row field
        addressee = _addressee(context, role, line, body, line.text.index(body))
        if addressee is not None:
            (to if role == "to" else info).append(addressee)
            raw_start, raw_end = context.raw_span(line.start, line.end)
            parts = _addressee_parts(keyword, addressee, addressee.routing_indicator)
            fields.append(HeaderField(role, parts, raw_start, raw_end))

    for line in header_lines(context.text, start, end):
        stripped = line.text.strip()
        if not stripped:
            close_block(line.start)
            continue
        if block == "distribution" and _DISTRIBUTION_CONTINUATION.match(line.text):
            context.add_segment("distribution", line.start, line.end)
            header_end = line.end
            continue
        if block == "routing" and (match := ROUTING_CONTINUATION.match(stripped)):
            context.add_segment("routing", line.start, line.end)
            record("routing", line, match, stripped)
            header_end = line.end
            continue
        recognised = True
        kind_match = _LINE_KIND.match(stripped)
        kind = kind_match.lastgroup if kind_match else None
        if kind == "vzczc" and (match := VZCZC_LINE.match(stripped)):
            close_block(line.start)
            context.add_segment("vzczc", line.start, line.end)
            record("vzczc", line, match, stripped)
        elif kind in ("info", "distribution") and _DISTRIBUTION.match(line.text):
            close_block(line.start)
            block = "distribution"
            context.add_segment("distribution", line.start, line.end)
        elif kind == "routing" and (match := ROUTING_LINE.match(stripped)):
            close_block(line.start)
            block = "routing"
            context.add_segment("routing", line.start, line.end)
            record("routing", line, match, stripped)
        elif kind == "de" and (match := DE_LINE.match(stripped)):
            close_block(line.start)
            context.fields["de"] = match.groupdict() | {
                "line": stripped,
                "span": (line.start, line.end),
            }
            context.add_segment("de_line", line.start, line.end)
            record("de_line", line, match, stripped)
        elif kind == "security" and (match := SECURITY_LINE.match(stripped)):
            close_block(line.start)
            context.fields["security_line"] = stripped
            context.add_segment("security_line", line.start, line.end)
            record("security_line", line, match, stripped)
        elif kind == "dtg" and (
            (match := DTG_LINE.match(stripped)) or (match := BARE_DTG_LINE.match(stripped))
        ):
            close_block(line.start)
            if "dtg" not in context.fields:
                context.fields["dtg"] = _BLANKS.sub(" ", match.group("dtg")).upper()
                context.fields["dtg_span"] = (line.start, line.end)
            prosigns = match.groupdict().get("prec")
            if prosigns:
                context.fields.setdefault("precedence_prosigns", prosigns.split())
            context.add_segment("dtg", line.start, line.end)
            record("dtg", line, match, stripped)
        elif kind == "fm" and (match := _FROM.match(stripped)):
            close_block(line.start)
            context.fields.setdefault("from", match.group("name"))
            context.add_segment("from", line.start, line.end)
            record("from", line, match, stripped)
        elif kind == "to" and (match := _TO.match(stripped)):
            close_block(line.start)
            block, block_start = "to", line.start
            add_addressee("to", line, match.group("rest"), "TO")
        elif kind == "info" and (match := _INFO.match(stripped)) and block != "distribution":
            close_block(line.start)
            block, block_start = "info", line.start
            add_addressee("info", line, match.group("rest"), "INFO")
        elif block in ("to", "info"):
            add_addressee(block, line, stripped, None)
        else:
            recognised = False
        if recognised:
            header_end = line.end
    close_block(header_end)
    context.fields["to"] = to
    context.fields["info"] = info
    context.fields["header"] = fields
    return header_end
