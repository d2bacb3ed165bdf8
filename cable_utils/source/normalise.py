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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Artifact", "NormalisedText", "normalise"]

# Page markers of printed or multi-section copies. Both patterns are anchored
# at line starts and use bounded repeats only, so a long line without newlines
# cannot make them backtrack. 1) "PAGE 02   CAPE T  00097  01 OF 03  182017Z",
# optionally preceded by the classification footer/header lines of the page
# break; 2) "BAKU 00001835  001.2 OF 003" on a line of its own (the serial padded
# to eight digits: "STATE 00120288  002 OF 008" has two zeros only). Blank lines that
# follow a marker go with it, so a paragraph split by a page break joins up.
_CLASSIFICATION_LINE = r"[ \t]{0,20}(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)[ \t]{0,20}\n"
_PAGE_PATTERN = re.compile(
    rf"""
      ^(?:{_CLASSIFICATION_LINE}(?:[ \t]{{0,20}}\n){{0,3}}){{0,2}}
       [ \t]{{0,20}}PAGE[ \t]{{1,20}}\d{{2,3}}[ \t]{{1,20}}[^\n]{{0,120}}(?:\n(?:[ \t]{{0,20}}\n){{0,4}}|\Z)
    | ^[ \t]{{0,20}}[A-Z][A-Z .]{{0,30}}?[ \t]{{1,4}}(?:0{{3,}}\d{{1,6}}|0\d{{7}})[ \t]{{1,4}}\d{{3}}(?:\.\d)?[ \t]{{1,4}}OF[ \t]{{1,4}}\d{{3}}
       [ \t]{{0,20}}(?:\n(?:[ \t]{{0,20}}\n){{0,4}}|\Z)
    | (?<=[ \t])[A-Z][A-Z .]{{0,30}}?[ \t]{{1,4}}0{{4,}}\d{{1,6}}[ \t]{{1,4}}\d{{3}}(?:\.\d)?[ \t]{{1,4}}OF[ \t]{{1,4}}\d{{3}}[ \t]{{0,20}}(?=\S)
    """,
    re.VERBOSE | re.MULTILINE,
)
# Cheap literal hints: the page pattern only runs in small windows around them,
# so a long cable without page markers costs two fast scans.
_PAGE_HINTS = (re.compile(r"PAGE[ \t]{1,20}\d"), re.compile(r"OF[ \t]{1,4}\d{3}"))
_PADDED_SERIAL = re.compile(r"000|[ \t]0\d{7}[ \t]")


def _page_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page headers and page markers in ``text`` (sorted, disjoint)."""
    hints = sorted(m.start() for pattern in _PAGE_HINTS for m in pattern.finditer(text))
    spans: list[tuple[int, int]] = []
    covered = 0
    for hint in hints:
        if hint < covered:
            continue
        window_start = text.rfind("\n", max(0, hint - 400), hint) + 1
        if text.startswith("PAGE", hint):
            if text[window_start:hint].strip():
                continue  # a PAGE header starts its line
        elif not _PADDED_SERIAL.search(text, max(0, hint - 40), hint):
            continue  # a page marker has a zero-padded serial before "OF"
        window_start = hint_line_start = text.rfind("\n", 0, hint) + 1
        hint_line_end = text.find("\n", hint)
        if "PAGE" in text[hint_line_start : len(text) if hint_line_end == -1 else hint_line_end]:
            for _ in range(6):  # classification and blank lines before a PAGE header
                if window_start == 0:
                    break
                window_start = text.rfind("\n", 0, window_start - 1) + 1
        # Else only a marker on the hint's own line can end after the hint, and no
        # match from the lines above reaches into that line: start the scan there.
        window_start = max(window_start, covered, hint - 400)
        line_end = text.find("\n", hint, hint + 200)
        window_end = min(len(text), (hint + 200 if line_end == -1 else line_end) + 200)
        for match in _PAGE_PATTERN.finditer(text, window_start, window_end):
            if match.end() > match.start() and match.start() >= covered and match.end() > hint:
                spans.append((match.start(), match.end()))
                covered = match.end()
                break
    return spans


# One alternation, scanned once. The order matters: a link marker must win over
# a bare bracket, CRLF over CR.
_ARTIFACT_PATTERN = re.compile(
    r"""
    (?=[\[\u00b6\\\r\ufeff&<]|(?<![ \t])[ \t]+\\?\r?\n)     # fail fast on ordinary characters
    (?:
      (?P<marker>\[\d{1,3}\]\(\#[^)\n]{0,40}\))              # [1](#): paragraph link marker
    | \[(?P<linktext>[^\]\n]{1,60})\]\(\#[^)\n]{0,40}\)       # [PREL](#): a link around a word
    | (?P<pilcrow>\u00b6)                                      # pilcrow left from an HTML anchor
    | (?<![ \t])(?P<hardbreak>[ \t]{2,}(?=\r?\n))              # markdown hard line break
    | (?<![ \t])(?P<continuation>[ \t]*\\(?=\r?\n))            # backslash-continued line
    | (?P<crlf>\r(?=\n))                                       # CRLF line ending
    | (?P<cr>\r)                                               # old Mac line ending
    | (?P<bom>\ufeff)                                          # byte-order mark
    | (?P<entity>&(?:\#[xX][0-9a-fA-F]{1,6}|\#\d{1,7}|[A-Za-z]{2,8});)
    | (?P<tag></?(?:a|code|pre|br|span|div|p|b|i|em|strong|font|tt|html|body|head)\b[^<>\n]{0,300}>)
    )
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
    "page": "a page header or page marker of a printed or multi-section copy",
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


# A run maps clean[clean_start:clean_start+length] (before page headers were
# cut) to the raw text it was read from. An exact run copies
# raw[start:start+length]; a rewritten run (a decoded entity, a lone CR) maps
# every clean character to the whole raw span raw[start:end].
_Run = tuple[int, int, int, int, bool]  # clean_start, length, raw start, raw end, exact
_ArtifactSpan = tuple[str, int, int]  # kind, start, end (an Artifact's fields)


class NormalisedText:
    """Clean text plus, for every clean character, the raw span it came from.

    The map is stored in two layers that are cheap to build: runs (one per
    stretch of copied text) from the text before page headers were cut to the
    raw text, and a shift table for the cut page headers. Lookup lists and the
    :attr:`artifacts` are built on first use; ``raw_starts``/``raw_ends`` expand
    the map per character when asked. Made by :func:`normalise`.
    """

    __slots__ = (
        "raw",
        "text",
        "_artifact_spans",
        "_artifacts",
        "_runs",
        "_run_starts",
        "_cut_starts",
        "_cut_shifts",
        "_raw_starts",
    )

    def __init__(
        self,
        raw: str,
        text: str,
        runs: list[_Run],
        artifact_spans: list[_ArtifactSpan],
        cuts: list[tuple[int, int]] | None = None,
    ) -> None:
        self.raw = raw
        self.text = text
        # ``runs`` map the text as it was before ``cuts`` (page headers, sorted
        # and disjoint) were removed from it: a position in ``text`` is first
        # moved past the cuts before it. The lookup lists and the artifacts are
        # built on first use.
        self._runs = runs
        self._run_starts: list[int] | None = None
        self._artifact_spans = artifact_spans
        self._artifacts: tuple[Artifact, ...] | None = None
        self._cut_starts: list[int] = []  # where each cut was, in ``text``
        self._cut_shifts: list[int] = []  # characters cut up to and including each
        removed = 0
        for start, end in cuts or ():
            self._cut_starts.append(start - removed)
            removed += end - start
            self._cut_shifts.append(removed)
        self._raw_starts: tuple[int, ...] | None = None

    @property
    def artifacts(self) -> tuple[Artifact, ...]:
        """What was removed or rewritten, in raw-text order."""
        if self._artifacts is None:
            self._artifacts = tuple(Artifact(*span) for span in self._artifact_spans)
        return self._artifacts

    def _raw_of(self, position: int) -> tuple[int, int]:
        """The raw span of clean character ``position`` (0 <= position < len(text))."""
        if self._cut_starts:
            cuts_before = bisect_right(self._cut_starts, position)
            if cuts_before:
                position += self._cut_shifts[cuts_before - 1]
        if self._run_starts is None:
            self._run_starts = [run[0] for run in self._runs]
        run = self._runs[bisect_right(self._run_starts, position) - 1]
        clean_start, _, raw_start, raw_end, exact = run
        if exact:
            offset = raw_start + position - clean_start
            return offset, offset + 1
        return raw_start, raw_end

    def line_number(self, position: int) -> int:
        """The line (1-based) of the raw text that clean offset ``position`` is on."""
        position = min(max(position, 0), len(self.text))
        raw_position = self._raw_of(position)[0] if position < len(self.text) else len(self.raw)
        return self.raw.count("\n", 0, raw_position) + 1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the clean text to the raw text."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        if start == end:
            raw_pos = self._raw_of(start)[0] if start < len(self.text) else len(self.raw)
            return raw_pos, raw_pos
        return self._raw_of(start)[0], self._raw_of(end - 1)[1]

    def to_clean(self, raw_position: int) -> int:
        """The clean offset of the first character read from ``raw`` at or after ``raw_position``.

        ``len(text)`` when no clean character comes from there (the end of the text).
        """
        return bisect_left(self.raw_starts, raw_position)

    @property
    def raw_starts(self) -> tuple[int, ...]:
        """The raw start of every clean character (non-decreasing), built once."""
        if self._raw_starts is None:
            self._raw_starts = tuple(self._raw_of(i)[0] for i in range(len(self.text)))
        return self._raw_starts

    @property
    def raw_ends(self) -> tuple[int, ...]:
        return tuple(self._raw_of(i)[1] for i in range(len(self.text)))

    def __repr__(self) -> str:
        return f"NormalisedText({len(self.raw)} raw → {len(self.text)} clean characters, {len(self.artifacts)} artifacts)"


# Every artifact starts at one of these characters, or at the start of a run of
# spaces or tabs that ends a line. Finding them is a few ``str.find`` scans
# (memchr speed); the full pattern is then tried only there (a plain finditer
# tries it at every character, which was three quarters of a corpus parse).
_ARTIFACT_STARTS = ("[", "\u00b6", "\\", "\r", "\ufeff", "&", "<")
# A hard break is two or more blanks before a newline, so it ends in one of these
# pairs; the newline is the candidate and the run is found back from it. (A
# single blank before a newline is no artifact: looking for pairs skips the many
# lines that end in one space.)
_LINE_END_AFTER_BLANKS = ("  \n", "\t \n", "\t\n")


def _candidate_positions(raw: str) -> list[int]:
    positions: list[int] = []
    find = raw.find
    append = positions.append
    # A one-character search runs at memchr speed, a longer one twenty times
    # slower: the TAB pairs are looked for only in texts with a TAB.
    needles = _ARTIFACT_STARTS + (
        _LINE_END_AFTER_BLANKS if "\t" in raw else _LINE_END_AFTER_BLANKS[:1]
    )
    for needle in needles:
        if needle not in raw:
            continue  # one C scan settles the common case of no such character
        shift = len(needle) - 1
        found = find(needle)
        while found != -1:
            append(found + shift)
            found = find(needle, found + 1 + shift)
    positions.sort()
    return positions


_Found = tuple[str, int, int, "re.Match[str] | None"]  # kind, start, end, match


def _artifact_matches(raw: str) -> Iterator[_Found]:
    """What ``_ARTIFACT_PATTERN.finditer(raw)`` finds, found faster.

    A match can only start at a candidate character or where a run of blanks
    before a line end (a backslash, a carriage return or a newline) starts; the
    pattern is tried at those positions in order, skipping what a match already
    covered, which is what ``finditer`` does (checked against it in
    ``tests/test_corpus_fast.py``). Blanks before a newline need no pattern: two
    or more are a hard break, one is nothing; a backslash before a newline is a
    continuation; a pilcrow is a pilcrow. Those are found without the pattern
    (the match is then ``None``).
    """
    position = 0
    match_at = _ARTIFACT_PATTERN.match
    for candidate in _candidate_positions(raw):
        character = raw[candidate]
        if character == "\u00b6" and candidate >= position:
            # A pilcrow is always an artifact of its own (no other alternative
            # starts with it): the most common artifact of the web copies.
            yield "pilcrow", candidate, candidate + 1, None
            position = candidate + 1
            continue
        if character == "\\" and candidate >= position:
            # A backslash at a line end, after a whole run of blanks (or none),
            # is a continuation: decided without the pattern, as some exports
            # end most lines so. Anything else goes the general way below.
            run_start = candidate
            while run_start > position and raw[run_start - 1] in " \t":
                run_start -= 1
            if (run_start == 0 or raw[run_start - 1] not in " \t") and raw.startswith(
                ("\n", "\r\n"), candidate + 1
            ):
                yield "continuation", run_start, candidate + 1, None
                position = candidate + 1
                continue
        if character in "\\\r\n" and candidate > position and raw[candidate - 1] in " \t":
            run_start = candidate - 1
            while run_start > position and raw[run_start - 1] in " \t":
                run_start -= 1
            if character == "\n":
                whole_run = run_start == 0 or raw[run_start - 1] not in " \t"
                if whole_run and candidate - run_start >= 2:
                    yield "hardbreak", run_start, candidate, None
                    position = candidate
                continue
            match = match_at(raw, run_start)
            if match is not None:
                yield match.lastgroup or "", match.start(), match.end(), match
                position = match.end()
        if character == "\n" or candidate < position:
            continue
        match = match_at(raw, candidate)
        if match is not None:
            yield match.lastgroup or "", match.start(), match.end(), match
            position = match.end()


def _first_pass(raw: str) -> tuple[list[str], list[_Run], list[_ArtifactSpan]]:
    """Pieces of the clean text, their runs and the artifacts of ``raw``."""
    pieces: list[str] = []
    runs: list[_Run] = []
    found: list[_ArtifactSpan] = []
    position = 0
    clean_length = 0
    for kind, start, end, match in _artifact_matches(raw):
        if start > position:  # keep the text before the artifact (inlined: this loop is hot)
            pieces.append(raw[position:start])
            runs.append((clean_length, start - position, position, start, True))
            clean_length += start - position
        position = end
        found.append((kind, start, end))
        if match is None:  # a hard break, a continuation or a pilcrow, removed
            continue
        if kind == "linktext":
            kept_start, kept_end = match.span("linktext")
            pieces.append(raw[kept_start:kept_end])
            runs.append((clean_length, kept_end - kept_start, kept_start, kept_end, True))
            clean_length += kept_end - kept_start
        elif kind in ("cr", "entity"):
            # A rewritten character is new: map it to the whole raw span.
            decoded = "\n" if kind == "cr" else html.unescape(match.group())
            if decoded:
                pieces.append(decoded)
                runs.append((clean_length, len(decoded), start, end, False))
                clean_length += len(decoded)
    if len(raw) > position:
        pieces.append(raw[position:])
        runs.append((clean_length, len(raw) - position, position, len(raw), True))
    return pieces, runs, found


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without ``spans`` (sorted, disjoint)."""
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def normalise(raw: str) -> NormalisedText:
    """Return the clean text of ``raw`` with an offset map back to it.

    >>> clean = normalise("TAGS: [PREL](#) AJ\\n[1](#)1. Text")
    >>> clean.text
    'TAGS: PREL AJ\\n1. Text'
    >>> [artifact.kind for artifact in clean.artifacts]
    ['linktext', 'marker']
    """
    pieces, runs, found = _first_pass(raw)
    text = pieces[0] if len(pieces) == 1 else "".join(pieces)
    if not runs:
        runs = [(0, 0, 0, 0, True)]
    cuts = _page_spans(text) if "OF " in text or "PAGE" in text else []
    if cuts:
        probe = NormalisedText(raw, text, runs, [])
        for start, end in cuts:
            raw_start, raw_end = probe.to_raw(start, end)
            found.append(("page", raw_start, raw_end))
        found.sort(key=lambda span: span[1])
        text = _cut(text, cuts)
    return NormalisedText(raw, text, runs, found, cuts)
