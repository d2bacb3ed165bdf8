"""The text of the cable after the front matter: numbered paragraphs, headings, signature.

The body is read block by block (a block is a run of non-blank lines): a line
that matches :data:`~cable_utils.parse.patterns.PARAGRAPH_START` starts a
numbered paragraph, other lines continue the one before; short unpunctuated
blocks are headings; the last blocks may be a signature and end markers.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from ..model import Paragraph, Segment
from .context import ParseContext
from .patterns import ENTIRE_TEXT_LINE, PARAGRAPH_START
from .scan import search_after_breaks
from .signature import inline_signer, read_tail

__all__ = ["read_body", "search_paragraph_start"]

_WHITESPACE = re.compile(r"\s+")  # compiled once: it runs for every field

# A paragraph starts a line with a digit after blanks.
_PARAGRAPH_CANDIDATE = re.compile(r"\n[ \t]*\d")


def search_paragraph_start(text: str, start: int, end: int) -> re.Match[str] | None:
    """What ``PARAGRAPH_START.search(text, start, end)`` finds, found faster."""
    return search_after_breaks(PARAGRAPH_START, _PARAGRAPH_CANDIDATE, text, start, end)


_HEADING_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]{1,4}-{3,}){0,3}[ \t]*$")
_INLINE_SECTION_AT = re.compile(
    r"(?P<name>BEGIN SUMMARY|SUMMARY|COMMENT|END COMMENT)\s*[:.]", re.IGNORECASE
)


_TRAILING_RULE = re.compile(r"(?<![ \t])[ \t]{0,40}-{3,}[ \t]{0,40}$")
_LEADING_MARK = re.compile(r"^\((?:U|C|S|SBU|TS|[CS]/NF|S/REL[A-Z ]{0,20})\)[ \t]*")


def _without_trailing_rule(line: str) -> str:
    # The rule ends the line: the check spares a regex scan (and a search for
    # "---") of every long line.
    return _TRAILING_RULE.sub("", line) if line.rstrip(" \t\n").endswith("---") else line


def _without_leading_mark(line: str) -> str:
    # A mark starts with "(": the check spares a regex call for most lines.
    return _LEADING_MARK.sub("", line) if line.startswith("(") else line


_END_WORD = re.compile(r"^END\b", re.I)
_BEGIN_WORD = re.compile(r"^BEGIN\s+", re.I)


def _section_name(heading: str) -> str | None:
    """``COMMENT:`` → ``COMMENT``; ``To Join ---------`` → ``To Join``; END … → ``None``."""
    name = _without_leading_mark(_without_trailing_rule(heading).strip()).rstrip(".:").strip()
    if _END_WORD.match(name):
        return None
    return _BEGIN_WORD.sub("", name).strip() or None


_SECTION_MARK = re.compile(r"(?:END )?(?:COMMENT|SUMMARY)\.", re.I)


def _is_heading(line: str) -> bool:
    """A short, unpunctuated line (``Media Reaction``), perhaps ending in a rule of dashes.

    ``line`` is no rule itself (the callers know which lines are: :func:`_rule_positions`).
    """
    line = _without_leading_mark(_without_trailing_rule(line).strip())
    if not line or len(line) > 60 or PARAGRAPH_START.match(line):
        return False
    if line.endswith((".", ",", ";", ")")) and not _SECTION_MARK.fullmatch(line):
        return False
    return line[0].isupper() and len(line.split()) <= 8


_Line = tuple[str, int, int]  # the line, its start and end offsets in the text
_Block = tuple[int, int]  # a block's start and end offsets in the text

# The lines a body is read by, found from the newline before them: a line
# starting with blanks and a digit, where a paragraph may start, or a blank
# line (nothing but whitespace, as str.isspace() reads it: the two agree on
# every character). Led by a literal newline, the search runs at C speed; the
# possessive runs cannot backtrack, and the blanks both kinds may start with
# are read once.
_LINE_OF_NOTE = re.compile(r"\n[ \t]*+(?:\d|(?P<blank>[^\S\n]*+(?=\n|\Z)))")


def _body_blocks(text: str, start: int, end: int) -> tuple[list[_Block], list[int]]:
    """Split ``text[start:end]`` into blocks of consecutive non-blank lines.

    A block is its span, from the start of its first line to the end of its
    last; :func:`_lines` gives its lines when they are needed (most blocks are
    read without looking at each line). Also returns where the lines after the
    first that start with blanks and a digit start, in order.
    """
    first_end = text.find("\n", start, end)
    first_end = end if first_end == -1 else first_end
    # The first line has no newline before it in the range: test it here.
    line_start = first_end + 1 if text[start:first_end].isspace() or start == first_end else start
    blocks: list[_Block] = []
    digit_lines: list[int] = []
    for found in _LINE_OF_NOTE.finditer(text, start, end):
        if found.lastgroup is None:  # a line starting with a digit
            digit_lines.append(found.start() + 1)
            continue
        if found.start() > line_start:  # the lines before this blank one
            blocks.append((line_start, found.start()))
        line_start = found.end() + 1
    if line_start < end:
        blocks.append((line_start, end))
    return blocks, digit_lines


def _lines(text: str, start: int, end: int) -> list[_Line]:
    """The lines of ``text[start:end]`` with their offsets."""
    lines: list[_Line] = []
    for line in text[start:end].split("\n"):
        line_end = start + len(line)
        lines.append((line, start, line_end))
        start = line_end + 1
    return lines


def _dash_lines(text: str, start: int, end: int) -> list[int]:
    """Where "---" first stands on each line of ``text[start:end]`` that holds it, in order.

    One search over the body instead of one per block: a block holds "---"
    exactly when one of these positions lies in it.
    """
    positions: list[int] = []
    found = text.find("---", start, end)
    while found != -1:
        positions.append(found)
        line_end = text.find("\n", found, end)
        found = text.find("---", line_end, end) if line_end != -1 else -1
    return positions


def read_body(context: ParseContext, start: int, end: int) -> None:
    """Numbered paragraphs, section headings, the signature and end markers."""
    text = context.text
    blocks, digit_lines = _body_blocks(text, start, end)
    blocks, tail_kinds, signer = _split_tail(text, blocks)
    paragraphs: list[dict] = []
    section: str | None = None
    previous_was_heading = False
    whole_text_mark: str | None = None  # an ENTIRE TEXT line waiting for paragraph 1
    details = not context.row  # sections and markings (a corpus row has neither)
    # Most blocks have no rule of dashes; then they need no rule checks.
    dashes = _dash_lines(text, start, end)
    for index, (block_start, block_end) in enumerate(blocks):
        kind = tail_kinds.get(index)
        if kind == "signature":
            context.fields["signer"] = signer
            context.add_segment("signature", block_start, block_end)
            continue
        if kind == "end":
            context.add_segment("end", block_start, block_end)
            continue
        # Without "---" a block has no rules and no inner headings. (A block's
        # lines are consecutive lines of the text, and "---" holds no newline.)
        first_dashes = bisect_left(dashes, block_start)
        has_rule = first_dashes < len(dashes) and dashes[first_dashes] < block_end
        one_line = text.find("\n", block_start, block_end) == -1
        if paragraphs and not has_rule and not one_line:
            # The common block: text that continues the paragraph before (no
            # heading: a heading is one line, or has a rule), where only a line
            # starting with a digit may change anything. (This is not the first
            # block, whose first line is not in digit_lines.)
            previous_was_heading = False
            count = len(paragraphs)
            first = bisect_left(digit_lines, block_start)
            section = _continue_paragraphs(
                text,
                block_start,
                block_end,
                digit_lines[first : bisect_left(digit_lines, block_end, first)],
                paragraphs,
                section,
                whole_text_mark,
                details,
            )
            if len(paragraphs) > count:  # paragraph 1 took the ENTIRE TEXT mark
                whole_text_mark = None
            continue
        block = (
            [(text[block_start:block_end], block_start, block_end)]
            if one_line
            else _lines(text, block_start, block_end)
        )
        rules = _rule_positions(block) if has_rule else _NO_RULES
        if len(rules) == len(block):
            # A rule of dashes under a heading, separated from it by a blank line.
            if previous_was_heading and not context.row:
                heading_segment = context.segments.pop()
                raw_start, raw_end = context.raw_span(block_start, block_end)
                context.segments.append(
                    Segment(
                        "section_heading", heading_segment.start, raw_end, heading_segment.label
                    )
                )
            continue
        # Without a rule, a heading is a single line (see _is_heading_block,
        # which needs exactly one line that is not a rule).
        previous_was_heading = (has_rule or one_line) and _is_heading_block(block, rules)
        if previous_was_heading:
            if details:
                heading = " ".join(
                    line.strip() for line, _, _ in block if not _HEADING_RULE.match(line)
                )
                section = _section_name(heading)
                context.add_segment("section_heading", block_start, block_end, heading)
            continue
        closed = False  # a heading or rule inside the block ends the paragraph before it
        for position, (line_text, line_start, line_end) in enumerate(block):
            if rules:  # (most blocks have none: no rule or inner heading to look for)
                if position in rules:
                    closed = True
                    continue
                if _is_inner_heading(block, position, rules):
                    if details:
                        section = _section_name(line_text)
                        context.add_segment(
                            "section_heading", line_start, line_end, line_text.strip()
                        )
                    closed = True
                    continue
            if match := _paragraph_start(line_text):
                section = _start_paragraph(
                    text, match, line_start, line_end, paragraphs, section, whole_text_mark, details
                )
                whole_text_mark = None
                closed = False
            elif paragraphs and not closed:
                paragraphs[-1]["end"] = line_end
            elif (mark := ENTIRE_TEXT_LINE.match(line_text)) and not any(
                item["number"] is not None for item in paragraphs
            ):
                # "(SECRET - ENTIRE TEXT)" before paragraph 1 marks the whole text: it is
                # given to the first paragraph (and from it to the others), not read as text.
                whole_text_mark = _WHITESPACE.sub(" ", mark.group("mark")).upper()
                closed = True
            else:
                closed = False
                paragraphs.append(_unnumbered(line_start, line_end, section))
    if paragraphs and "signer" not in context.fields:
        _inline_signature(context, paragraphs[-1])
    if not context.row:  # (sections are no row field)
        _close_sections(text, paragraphs)
    if context.row:
        # A row counts paragraphs; only the truncation check reads a text (the
        # last paragraph's, when there is no signature).
        last = len(paragraphs) - 1 if not context.fields.get("signer") else None
        context.fields["paragraphs"] = [
            _make_paragraph(context, item) if index == last else _counted(item["number"])
            for index, item in enumerate(paragraphs)
        ]
    else:
        context.fields["paragraphs"] = [_make_paragraph(context, item) for item in paragraphs]


@functools.cache  # (numbers have one or two digits: a hundred objects at most)
def _counted(number: int | None) -> Paragraph:
    """A paragraph as a corpus row counts it: its number only. Paragraphs are
    immutable, so every row shares one per number."""
    return Paragraph(number, None, None, "", 0, 0)


def _start_paragraph(
    text: str,
    match: re.Match[str],
    line_start: int,
    line_end: int,
    paragraphs: list[dict],
    section: str | None,
    whole_text_mark: str | None,
    details: bool,
) -> str | None:
    """Add the numbered paragraph ``match`` found; return the section it is in.

    ``whole_text_mark`` is the marking of an ENTIRE TEXT line before it, for a
    paragraph that has none of its own. Without ``details`` (a corpus row), the
    section and the marking are not read.
    """
    body_start = line_start + match.end()
    opens = False
    marking = None
    if details:
        if inline := _INLINE_SECTION_AT.match(text, body_start, line_end):
            name = inline.group("name").upper()
            section = None if name.startswith("END") else name.replace("BEGIN ", "").title()
            opens = section is not None
        if written := match.group("mark") or match.group("bare"):
            marking = _WHITESPACE.sub(" ", written).strip().upper()
        else:
            marking = whole_text_mark
    paragraphs.append(
        {
            "number": int(match.group("number")),
            "marking": marking,
            "section": section,
            "opens_section": opens,
            "start": line_start,
            "body_start": body_start,
            "end": line_end,
        }
    )
    return section


def _paragraph_start(line: str) -> re.Match[str] | None:
    """``PARAGRAPH_START.match(line)``, skipping the regex for a line that does not
    start with a digit after blanks (isdigit() accepts every character ``\\d`` does,
    so the cheap test never hides a match)."""
    return PARAGRAPH_START.match(line) if line.lstrip(" \t")[:1].isdigit() else None


def _continue_paragraphs(
    text: str,
    start: int,
    end: int,
    digit_lines: list[int],
    paragraphs: list[dict],
    section: str | None,
    whole_text_mark: str | None,
    details: bool,
) -> str | None:
    """Read a block of lines that continue the last paragraph, unless one starts
    a new paragraph; return the section it ends in (see :func:`_start_paragraph`).

    Only a line starting with blanks and a digit can start a paragraph: those
    are ``digit_lines`` (where they start); every other line just extends the
    paragraph before it.
    """
    for line_start in digit_lines:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        if match := PARAGRAPH_START.match(text[line_start:line_end]):
            if line_start > start:  # the paragraph before ends on the line before
                paragraphs[-1]["end"] = line_start - 1
            section = _start_paragraph(
                text, match, line_start, line_end, paragraphs, section, whole_text_mark, details
            )
            whole_text_mark = None
    paragraphs[-1]["end"] = end
    return section


_SECTION_END = re.compile(
    r"\bEND[ \t\n]{1,8}(?:OF[ \t\n]{1,8})?(?P<name>SUMMARY|COMMENT)\b", re.IGNORECASE
)


def _close_sections(text: str, paragraphs: list[dict]) -> None:
    """A Summary or Comment runs to the paragraph that says ``End summary`` / ``End
    comment``; the paragraphs after it are in no section (until the next heading).

    Without such a line, an inline ``Summary:`` (``1. (C) Summary: …``) covers its own
    paragraph only, while a comment runs on (comments close a cable: 72TEHRAN1164's
    ``6. COMMENT:`` goes on in paragraph 7), as does a heading block (``SUMMARY`` on a
    line of its own) to the next heading. (Every paragraph of 08STATE116392 and of 66 other corpus cables
    was labelled "Summary" before.)
    """
    index = 0
    while index < len(paragraphs):
        name = paragraphs[index]["section"]
        if name not in ("Summary", "Comment"):
            index += 1
            continue
        run_end = index + 1
        while (
            run_end < len(paragraphs)
            and paragraphs[run_end]["section"] == name
            and not paragraphs[run_end]["opens_section"]
        ):
            run_end += 1
        last = next(
            (later for later in range(index, run_end) if _ends(text, paragraphs[later], name)),
            index if paragraphs[index]["opens_section"] and name == "Summary" else run_end - 1,
        )
        for later in range(last + 1, run_end):
            paragraphs[later]["section"] = None
        index = run_end


def _ends(text: str, item: dict, name: str) -> bool:
    """Whether the paragraph says ``End <name>``."""
    return any(
        found.group("name").title() == name
        for found in _SECTION_END.finditer(text, item["body_start"], item["end"])
    )


def _unnumbered(line_start: int, line_end: int, section: str | None) -> dict:
    """Text outside any numbered paragraph, kept as a paragraph without a number."""
    return {
        "number": None,
        "marking": None,
        "section": section,
        "opens_section": False,
        "start": line_start,
        "body_start": line_start,
        "end": line_end,
    }


def _rule_positions(block: list[_Line]) -> frozenset[int]:
    """Which lines of the block are rules of dashes (decided once per line: the
    heading checks look at the lines around each one)."""
    return frozenset(position for position, (line, _, _) in enumerate(block) if _is_rule(line))


_NO_RULES: frozenset[int] = frozenset()


def _is_heading_block(block: list[_Line], rules: frozenset[int]) -> bool:
    """A heading standing as a block: one line that is no rule (``Media Reaction``,
    perhaps underlined), or a short title between two rules."""
    text_lines = [line for position, (line, _, _) in enumerate(block) if position not in rules]
    if len(text_lines) == 1 and _is_heading(text_lines[0]):
        return True
    return (
        len(block) in (3, 4)
        and 0 in rules
        and len(block) - 1 in rules
        and not any(PARAGRAPH_START.match(line) for line, _, _ in block[1:-1])
        and sum(len(line.strip()) for line, _, _ in block[1:-1]) <= 100
    )


def _is_inner_heading(block: list[_Line], position: int, rules: frozenset[int]) -> bool:
    """A heading between rules inside a block (``--------`` / ``SUMMARY`` / ``--------``).

    ``rules`` holds the positions of the block's rule lines (:func:`_rule_positions`).
    """
    ruled_below = position + 1 in rules
    ruled_above = position - 1 in rules
    if not (ruled_above or ruled_below):
        return False  # the common case, decided without any regex
    line = block[position][0]
    if PARAGRAPH_START.match(line):
        return False
    if ruled_above and ruled_below:
        return len(line.strip()) <= 80  # a title between two rules, however long
    if not _is_heading(line):
        return False
    return bool(ruled_below and position == 0) or bool(
        ruled_above and position + 1 < len(block) and PARAGRAPH_START.match(block[position + 1][0])
    )


def _is_rule(line: str) -> bool:
    # A rule starts with "---" after its blanks: the check spares the regex.
    return line.lstrip(" \t").startswith("---") and _HEADING_RULE.match(line) is not None


def _split_tail(text: str, blocks: list[_Block]) -> tuple[list[_Block], dict[int, str], str | None]:
    """Cut the end of the body off its blocks: the signature and the junk after it.

    Returns the blocks (the tail's lines each a block of their own), the kind of
    each tail block (``signature`` or ``end``) and the signer's name
    (:func:`~cable_utils.parse.signature.read_tail` decides).
    """
    window = _last_lines(text, blocks, _TAIL_LINES)
    tail = read_tail([line for line, _, _ in window])
    if tail.first_tail_line >= len(window):
        return blocks, {}, None
    cut_start = window[tail.first_tail_line][1]
    kept = [block for block in blocks if block[1] < cut_start]
    # A block the cut runs through keeps its lines before the cut (the cut is at
    # a line start, so the line before ends one character earlier).
    kept += [(start, cut_start - 1) for start, end in blocks if start < cut_start <= end]
    kinds: dict[int, str] = {}
    for position in range(tail.first_tail_line, len(window)):
        kinds[len(kept)] = "signature" if position == tail.signature_line else "end"
        kept.append(window[position][1:])
    return kept, kinds, tail.name


_TAIL_LINES = 12  # the signature and trailers are among the last lines


def _last_lines(text: str, blocks: list[_Block], count: int) -> list[_Line]:
    """The last ``count`` lines of the blocks (fewer if there are fewer).

    Only the lines needed are split out: the last block is often a long
    paragraph, and every cable's tail is read.
    """
    lines: list[_Line] = []
    for start, end in reversed(blocks):
        needed = count - len(lines)
        # rsplit with at most ``needed`` cuts: the last ``needed`` lines, after
        # one piece holding the block's earlier lines (dropped).
        pieces = text[start:end].rsplit("\n", needed)
        if len(pieces) > needed:
            del pieces[0]
        block_lines: list[_Line] = []
        line_end = end
        for piece in reversed(pieces):
            block_lines.append((piece, line_end - len(piece), line_end))
            line_end -= len(piece) + 1
        block_lines.reverse()
        lines = block_lines + lines
        if len(lines) >= count:
            break
    return lines


def _inline_signature(context: ParseContext, item: dict) -> None:
    """A signature run onto the end of the last paragraph (``…END COMMENT EIKENBERRY``)."""
    text = context.text
    line_start = text.rfind("\n", item["body_start"], item["end"]) + 1
    line_start = max(line_start, item["body_start"])
    found = inline_signer(text[line_start : item["end"]])
    if found is None:
        return
    name, offset = found
    context.fields["signer"] = name
    start = line_start + offset
    context.add_segment("signature", start, start + len(name))
    item["end"] = start


# Starts only where a whitespace run starts, so long runs stay linear.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*")


def _make_paragraph(context: ParseContext, item: dict) -> Paragraph:
    body = _LINE_BREAK.sub(" ", context.text[item["body_start"] : item["end"]]).strip()
    if context.row:
        return Paragraph(item["number"], None, None, body, 0, 0)
    raw_start, raw_end = context.raw_span(item["start"], item["end"])
    label = f"¶{item['number']}" if item["number"] is not None else "unnumbered text"
    kind = "paragraph" if item["number"] is not None else "text"
    context.segments.append(Segment(kind, raw_start, raw_end, label))
    return Paragraph(item["number"], item["marking"], item["section"], body, raw_start, raw_end)
