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

from ...model import Cable, Segment
from ...source.normalise import NormalisedText, normalise
from .folding import fold_with_map

__all__ = ["CableText", "sentence_bounds"]


class CableText:
    """The normalised text, its folded twin, and the maps back to the raw text."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self._own_map = callable(getattr(cable, "to_clean", None))
        self.clean: NormalisedText | None = None if self._own_map else normalise(cable.raw)
        self.text = cable.text if self._own_map else self.clean.text  # type: ignore[union-attr]
        self.folded, self._index = fold_with_map(self.text)
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
        return bisect.bisect_left(self.clean.raw_starts, raw_position)

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
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    start = max(s for s in starts if s <= position)
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text, position)]
    end = min(ends) if ends else len(text)
    return start, end
