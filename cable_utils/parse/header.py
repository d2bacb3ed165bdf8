"""The transmission header: everything the telegraph network added before the text.

``VZCZC…``, the routing line (``PP RUEHWEB``), the ``DE`` line, the security line
(``ZNY CCCCC ZZH``), precedence and date-time group, ``FM``, ``TO`` and ``INFO``.
Many published copies lack some of these lines (older cables start at the DTG,
some start with an office distribution block), so each is optional.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Addressee
from ..reference.codes import routing_indicators
from .context import ParseContext

__all__ = ["HeaderLine", "header_lines", "read_header"]

_PRECEDENCE_WORDS = r"FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE"

_VZCZC = re.compile(r"^VZCZC[A-Z0-9]*\s*$")
_ROUTING = re.compile(r"^(?:ZZ|OO|PP|RR|YY)(?:\s+[A-Z]{4,8})+\s*$")
_ROUTING_CONTINUATION = re.compile(r"^(?:[A-Z]{4,8})(?:\s+[A-Z]{4,8})*\s*$")
_DE_LINE = re.compile(
    r"^DE\s+(?P<station>[A-Z]{4,8})\s+#(?P<serial>\d{1,5})(?:/(?P<section>\d{1,3}))?"
    r"\s+(?P<julian>\d{7})\b"
)
_SECURITY = re.compile(r"^ZN[YR]\s+[A-Z]{5}(?:\s+[A-Z0-9]{3,4})*\s*$")
_DTG_LINE = re.compile(
    r"^(?P<prec>[ZOPRY](?:\s+[ZOPRY])?)\s+(?P<dtg>\d{6}Z\s+[A-Z]{3}\s+\d{2})(?:\s+[A-Z0-9]{3,4})*\s*$",
    re.IGNORECASE,
)
_BARE_DTG_LINE = re.compile(r"^(?P<dtg>\d{6}Z\s+[A-Za-z]{3}\s+\d{2})\s*$")
_FROM = re.compile(r"^FM\s+(?P<name>\S.*?)\s*$")
_TO = re.compile(r"^TO\s+(?P<rest>\S.*?)\s*$")
_INFO = re.compile(r"^INFO\s+(?P<rest>\S.*?)\s*$")
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
    rf"^(?:(?P<ri>[A-Z]{{3,8}})/)?(?P<name>.*?)(?:\s+(?P<prec>{_PRECEDENCE_WORDS}))?"
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
    if context.fields_only:
        return None  # addressees are not a corpus field
    body = body.strip()
    match = _ADDRESSEE.match(body)
    if not body or match is None:
        return None
    ri = match.group("ri")
    if ri == "ZEN":  # ZEN/: an addressee not served by this transmission
        ri = None
    name = re.sub(r"\s+", " ", match.group("name")).strip()
    if not name:
        return None
    precedence = match.group("prec")
    precedence = re.sub(r"\s+", " ", precedence) if precedence else None
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


def read_header(context: ParseContext, end: int, start: int = 0) -> int:
    """Read header lines in ``text[start:end]``; return where the header stopped.

    Fills ``context.fields`` with ``dtg``, ``precedence_prosigns``, ``de``,
    ``from``, ``to`` and ``info``.
    """
    to: list[Addressee] = []
    info: list[Addressee] = []
    block: str | None = None  # "to", "info", "routing", "distribution" while a block continues
    block_start = 0
    header_end = start

    def close_block(at: int) -> None:
        nonlocal block
        if block in ("to", "info"):
            context.add_segment(block, block_start, at)
        block = None

    for line in header_lines(context.text, start, end):
        stripped = line.text.strip()
        if not stripped:
            close_block(line.start)
            continue
        if block == "distribution" and _DISTRIBUTION_CONTINUATION.match(line.text):
            context.add_segment("distribution", line.start, line.end)
            header_end = line.end
            continue
        if block == "routing" and _ROUTING_CONTINUATION.match(stripped):
            context.add_segment("routing", line.start, line.end)
            header_end = line.end
            continue
        recognised = True
        kind_match = _LINE_KIND.match(stripped)
        kind = kind_match.lastgroup if kind_match else None
        if kind == "vzczc" and _VZCZC.match(stripped):
            close_block(line.start)
            context.add_segment("vzczc", line.start, line.end)
        elif kind in ("info", "distribution") and _DISTRIBUTION.match(line.text):
            close_block(line.start)
            block = "distribution"
            context.add_segment("distribution", line.start, line.end)
        elif kind == "routing" and _ROUTING.match(stripped):
            close_block(line.start)
            block = "routing"
            context.add_segment("routing", line.start, line.end)
        elif kind == "de" and (match := _DE_LINE.match(stripped)):
            close_block(line.start)
            context.fields["de"] = match.groupdict() | {"line": stripped}
            context.add_segment("de_line", line.start, line.end)
        elif kind == "security" and _SECURITY.match(stripped):
            close_block(line.start)
            context.fields["security_line"] = stripped
            context.add_segment("security_line", line.start, line.end)
        elif kind == "dtg" and (
            (match := _DTG_LINE.match(stripped)) or (match := _BARE_DTG_LINE.match(stripped))
        ):
            close_block(line.start)
            context.fields.setdefault("dtg", _BLANKS.sub(" ", match.group("dtg")).upper())
            prosigns = match.groupdict().get("prec")
            if prosigns:
                context.fields.setdefault("precedence_prosigns", prosigns.split())
            context.add_segment("dtg", line.start, line.end)
        elif kind == "fm" and (match := _FROM.match(stripped)):
            close_block(line.start)
            context.fields.setdefault("from", match.group("name"))
            context.add_segment("from", line.start, line.end)
        elif kind == "to" and (match := _TO.match(stripped)):
            close_block(line.start)
            block, block_start = "to", line.start
            offset = line.text.index(match.group("rest"))
            if addressee := _addressee(context, "to", line, match.group("rest"), offset):
                to.append(addressee)
        elif kind == "info" and (match := _INFO.match(stripped)) and block != "distribution":
            close_block(line.start)
            block, block_start = "info", line.start
            offset = line.text.index(match.group("rest"))
            if addressee := _addressee(context, "info", line, match.group("rest"), offset):
                info.append(addressee)
        elif block in ("to", "info"):
            offset = len(line.text) - len(line.text.lstrip())
            target = to if block == "to" else info
            if addressee := _addressee(context, block, line, stripped, offset):
                target.append(addressee)
        else:
            recognised = False
        if recognised:
            header_end = line.end
    close_block(header_end)
    context.fields["to"] = to
    context.fields["info"] = info
    return header_end
