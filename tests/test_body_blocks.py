"""The body's blocks against their definition, on awkward whitespace.

``parse.body`` finds a body's blocks (runs of non-blank lines) and the lines that
may start a paragraph with one regex search instead of reading line by line.
The definition is the plain line-by-line reading below: a line is blank when
``str.isspace()`` says so (or it is empty), whatever Unicode whitespace it
holds, and the body may start in the middle of a line. Lines after the first
that start with blanks and a decimal digit are where a paragraph may start.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cable_utils.parse.body import _body_blocks


def _plain_blocks(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Blocks and digit-led lines (after the first) read one line at a time."""
    blocks: list[tuple[int, int]] = []
    digit_lines: list[int] = []
    current: tuple[int, int] | None = None
    line_start = start
    for number, line in enumerate(text[start:end].split("\n")):
        line_end = line_start + len(line)
        if number > 0 and line.lstrip(" \t")[:1].isdecimal():  # (what \d matches)
            digit_lines.append(line_start)
        if line and not line.isspace():
            current = (current[0] if current else line_start, line_end)
        elif current:
            blocks.append(current)
            current = None
        line_start = line_end + 1
    if current:
        blocks.append(current)
    return blocks, digit_lines


_PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", "  \n", "\u00a0", "\x0c", "\u2028", "\x1c", "\u3000", "x",
     "1. (C) Text", " 2.", "\t3", "\u0663", "-----", "END", "\n \t\n"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.data())
def test_blocks_are_the_runs_of_non_blank_lines(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _body_blocks(text, start, end) == _plain_blocks(text, start, end)


def test_a_body_starting_mid_line_or_on_blank_lines() -> None:
    text = "SUBJECT: X\n  \n\u00a0\n1. (C) One\ntwo\n\n2. Three \n \x0c \n"
    start = text.index("X")
    assert _body_blocks(text, start, len(text)) == _plain_blocks(text, start, len(text))
    blank_start = text.index("  \n")
    blocks, digit_lines = _body_blocks(text, blank_start, len(text))
    assert [text[a:b] for a, b in blocks] == ["1. (C) One\ntwo", "2. Three "]
    assert [text[at : at + 2] for at in digit_lines] == ["1.", "2."]
