"""Remove the artifacts of web publication, keeping a map back to the raw text.

The published copy of a cable is not the telegram: scraping the WikiLeaks pages
left markdown link markers (``[1](#)``), links around TAGS (``[PREL](#)``),
pilcrows (``¶``) that were anchors on the web page, markdown hard line breaks
(two trailing spaces), HTML entities (``&#x000A;``) and tags. Parsing reads the
*normalised* text; every offset found there is mapped back to the raw text with
:meth:`NormalisedText.to_raw`, so a reader can always see the characters that
were actually received.

Each kind of artifact that was removed is recorded as an :class:`Artifact` with
its raw span, because the artifacts are themselves evidence of how the source
travelled (lesson 01 teaches them).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["Artifact", "NormalisedText", "normalise"]

# One alternation, scanned once. The order matters: a link marker must win over
# a bare bracket, CRLF over CR.
_ARTIFACT_PATTERN = re.compile(
    r"""
      (?P<marker>\[\d{1,3}\]\(\#[^)\n]{0,40}\))              # [1](#): paragraph link marker
    | \[(?P<linktext>[^\]\n]{1,60})\]\(\#[^)\n]{0,40}\)       # [PREL](#): a link around a word
    | (?P<pilcrow>\u00b6)                                      # pilcrow left from an HTML anchor
    | (?P<hardbreak>[ \t]{2,}(?=\r?\n))                        # markdown hard line break
    | (?P<continuation>[ \t]*\\(?=\r?\n))                      # backslash-continued line
    | (?P<crlf>\r(?=\n))                                       # CRLF line ending
    | (?P<cr>\r)                                               # old Mac line ending
    | (?P<bom>\ufeff)                                          # byte-order mark
    | (?P<entity>&(?:\#[xX][0-9a-fA-F]{1,6}|\#\d{1,7}|[A-Za-z]{2,8});)
    | (?P<tag></?(?:a|code|pre|br|span|div|p|b|i|em|strong|font|tt|html|body|head)\b[^<>\n]{0,300}>)
    """,
    re.VERBOSE,
)

#: What each artifact kind is, in words a student can read.
ARTIFACT_EXPLANATIONS = {
    "marker": "a markdown link marker left where the web page had a paragraph anchor",
    "linktext": "a markdown link around a word (the web page linked each TAG to a search)",
    "pilcrow": "a pilcrow (¶) that was a clickable paragraph anchor on the web page",
    "hardbreak": "trailing spaces: a markdown hard line break added by the scraper",
    "continuation": "a trailing backslash: a line-continuation mark from a database export",
    "crlf": "a Windows line ending (carriage return before the newline)",
    "cr": "a lone carriage return used as a line ending",
    "bom": "a byte-order mark at the start of the file",
    "entity": "an HTML entity (for example &#x000A; for a newline)",
    "tag": "an HTML tag from the web page's markup",
}


@dataclass(frozen=True, slots=True)
class Artifact:
    """One removed or rewritten piece of the raw text."""

    kind: str
    start: int
    end: int

    @property
    def explanation(self) -> str:
        return ARTIFACT_EXPLANATIONS[self.kind]


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Clean text plus, for every clean character, the raw span it came from."""

    raw: str
    text: str
    # raw_starts[i]/raw_ends[i]: the raw span of clean character i. A character
    # that was rewritten (an entity) maps to the whole entity.
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    artifacts: tuple[Artifact, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the clean text to the raw text."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        if start == end:
            raw_pos = self.raw_starts[start] if start < len(self.text) else len(self.raw)
            return raw_pos, raw_pos
        return self.raw_starts[start], self.raw_ends[end - 1]


def normalise(raw: str) -> NormalisedText:
    """Return the clean text of ``raw`` with an offset map back to it."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    artifacts: list[Artifact] = []
    position = 0

    def keep(a: int, b: int) -> None:
        pieces.append(raw[a:b])
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    for match in _ARTIFACT_PATTERN.finditer(raw):
        kind = match.lastgroup or ""
        keep(position, match.start())
        position = match.end()
        artifacts.append(Artifact(kind, match.start(), match.end()))
        if kind == "linktext":
            keep(match.start("linktext"), match.end("linktext"))
        elif kind == "cr":
            pieces.append("\n")
            starts.append(match.start())
            ends.append(match.end())
        elif kind == "entity":
            decoded = html.unescape(match.group())
            # A decoded entity is a new character: map it to the whole entity.
            pieces.append(decoded)
            starts.extend([match.start()] * len(decoded))
            ends.extend([match.end()] * len(decoded))
    keep(position, len(raw))
    text = "".join(pieces)
    return NormalisedText(raw, text, tuple(starts), tuple(ends), tuple(artifacts))
