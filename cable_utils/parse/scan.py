"""Searching for a pattern that can only match at a line start, at C speed.

:func:`search_after_breaks` is a fast path with its plain specification in its
docstring (``pattern.search``); ``tests/test_corpus_fast.py`` checks it against that
(the banner, paragraph and DTG searches that use it, on every sample and on generated soups).
"""

from __future__ import annotations

import re

__all__ = ["search_after_breaks"]


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
