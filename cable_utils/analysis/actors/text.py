"""The cable's text as the actor finders read it: normalised, folded, mapped back to raw.

Mentions and statements search the normalised text (artifacts removed, lines
joined) and its folded twin; every offset they report goes back to
``cable.raw`` through the maps kept here, so this is the only module of the
package that knows how the normalised text relates to the raw one.

A :class:`~cable_utils.model.Cable` that keeps its offset map
(``cable.to_raw(start, end)``, ``cable.to_clean(raw_position)``) is read through
it; for a Cable without one the raw text is normalised here, once per
:class:`CableText`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from ...model import Cable, Segment
from ...source.normalise import NormalisedText, normalise
from .folding import fold_with_map

__all__ = ["CableText", "remembered", "sentence_bounds"]


class CableText:
    """The normalised text, its folded twin, and the maps back to the raw text."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self._own_map = callable(getattr(cable, "to_clean", None))
        if self._own_map:  # the Cable keeps its offset map: nothing to normalise again
            self.clean: NormalisedText | None = None
            self.text = cable.text  # type: ignore[attr-defined]
            self.folded, self._index = _folded(self.text)
        else:
            self.clean, self.folded, self._index = _normalised_and_folded(cable.raw)
            self.text = self.clean.text
        self._parts: list[Segment] = [
            s for s in cable.segments if s.kind != "artifact" and not s.kind.startswith("seg")
        ]

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets → normalised-text offsets."""
        clean_start = self._index[start] if start < len(self._index) else len(self.text)
        clean_end = self._index[end - 1] + 1 if end > start else clean_start
        return clean_start, clean_end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets → raw offsets."""
        return self.clean_to_raw(*self.clean_span(start, end))

    def clean_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Normalised-text offsets → raw offsets."""
        if self.clean is None:
            return self.cable.to_raw(start, end)  # type: ignore[attr-defined]
        return self.clean.to_raw(start, end)

    def clean_index(self, raw_position: int) -> int:
        """The first normalised-text offset at or after a raw offset."""
        if self.clean is None:
            return self.cable.to_clean(raw_position)  # type: ignore[attr-defined]
        return bisect.bisect_left(_raw_starts(self.cable.raw), raw_position)

    def part_of(self, raw_start: int) -> tuple[str, int | None]:
        """The innermost segment kind at a raw offset, and its paragraph number if any."""
        covering = [s for s in self._parts if s.start <= raw_start < s.end]
        if not covering:
            return "other", None
        innermost = min(covering, key=lambda s: s.end - s.start)
        paragraph = None
        if innermost.kind in ("paragraph", "text"):
            for p in self.cable.paragraphs:
                if p.start <= raw_start < p.end:
                    paragraph = p.number
                    break
        return innermost.kind, paragraph


# Mentions, statements, the actor table and lesson 03's self-checks all read the same
# cable: normalising and folding it once per text, not once per call, is part of what
# made lesson 03 run in half the time (benchmarks/README.md). Keyed by the raw text, so
# an edited text is never served a stale map; the results are never mutated.
@lru_cache(maxsize=8)
def _normalised_and_folded(raw: str) -> tuple[NormalisedText, str, list[int]]:
    clean = normalise(raw)
    folded, index = fold_with_map(clean.text)
    return clean, folded, index


@lru_cache(maxsize=8)
def _folded(text: str) -> tuple[str, list[int]]:
    return fold_with_map(text)


@lru_cache(maxsize=8)
def _raw_starts(raw: str) -> tuple[int, ...]:
    """For each normalised character its raw offset (a property that rebuilds the tuple)."""
    return _normalised_and_folded(raw)[0].raw_starts


# The table of actors, the explorer, the voice sorter, the figures and the self-checks
# of lesson 03 all ask for the same mentions and statements: finding them once per
# (text, gazetteer) instead of once per call made the lesson about twice as fast.
# Keyed by the raw text and the frozen gazetteer, so a changed text or list is found
# afresh; the results are tuples of frozen records, and callers get a fresh list.
_REMEMBERED: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_REMEMBER_AT_MOST = 16


def remembered(key: tuple[Any, ...], compute: Callable[[], Sequence[Any]]) -> tuple[Any, ...]:
    """``compute()`` as a tuple, computed once per ``key`` (the 16 latest are kept)."""
    found = _REMEMBERED.get(key)
    if found is None:
        found = tuple(compute())
        if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
            _REMEMBERED.pop(next(iter(_REMEMBERED)))  # the oldest
        _REMEMBERED[key] = found
    return found


# A sentence ends at . ! ? (or a paragraph break) followed by space and a capital
# or quote, except after abbreviations such as U.S. or Mr.
_SENTENCE_END = re.compile(
    r"(?<!\bU\.S)(?<!\bU\.K)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)"
    r"(?<![A-Z]\.[A-Z])[.!?][\"”')]*(?=\s+[\"“(]?[A-Z0-9¶\[])|\n\s*\n"
)


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence around ``position`` (the start keeps the space before it).

    >>> text = "Mr. Aliyev spoke. The U.S. listened."
    >>> text[slice(*sentence_bounds(text, 20))]
    ' The U.S. listened.'
    """
    starts, ends = _sentence_marks(text)
    start = starts[bisect.bisect_right(starts, position) - 1]
    later = bisect.bisect_left(ends, position + 1)
    return start, ends[later] if later < len(ends) else len(text)


@lru_cache(maxsize=16)
def _sentence_marks(text: str) -> tuple[list[int], list[int]]:
    """Sentence starts (0 and after each end mark) and ends (one past the mark), found once.

    Scanning the whole text for every word looked up was two thirds of lesson 03's
    run time. A position at a word never lies inside an end mark (marks are
    punctuation and blank lines), so "the first mark after the position" is the
    same as a scan that starts there (tests/test_actors_memo.py checks both agree).
    """
    marks = list(_SENTENCE_END.finditer(text))
    return [0] + [m.end() for m in marks], [m.start() + 1 for m in marks]
