"""The state shared by the header and body readers while one cable is parsed.

Readers work on the *normalised* text and record what they find through this
object, which maps every span back to the raw text. Keeping that mapping in one
place is what guarantees that every segment of the model points into ``raw``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import Defect, Segment
from ..source.normalise import NormalisedText

__all__ = ["ParseContext"]


@dataclass
class ParseContext:
    source: NormalisedText
    segments: list[Segment] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    #: Reading a corpus row (``parser.parse_row``): readers skip segments, raw
    #: offsets, addressees, header fields and paragraph texts, which a row lacks.
    row: bool = False
    _starts: list[int] | None = field(default=None, repr=False)
    _messages: set[str] = field(default_factory=set, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the raw text, trimming whitespace."""
        text = self.source.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        raw_start, raw_end = self.source.to_raw(start, end)
        return self._widen_over_artifacts(raw_start, raw_end)

    def _widen_over_artifacts(self, start: int, end: int) -> tuple[int, int]:
        """Include a link artifact that a span boundary would cut (``[AJ](#)``)."""
        if start == end:
            return start, end
        starts = self._artifact_starts()
        artifacts = self.source.artifacts
        index = bisect_right(starts, start) - 1
        if index >= 0 and artifacts[index].start < start < artifacts[index].end:
            start = artifacts[index].start
        index = bisect_right(starts, end - 1) - 1
        if index >= 0 and artifacts[index].start < end < artifacts[index].end:
            end = artifacts[index].end
        return start, end

    def _artifact_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [artifact.start for artifact in self.source.artifacts]
        return self._starts

    def add_segment(self, kind: str, start: int, end: int, label: str = "") -> Segment | None:
        if self.row:
            return None
        raw_start, raw_end = self.raw_span(start, end)
        segment = Segment(kind, raw_start, raw_end, label)
        self.segments.append(segment)
        return segment

    def defect(
        self, kind: str, message: str, start: int | None = None, end: int | None = None
    ) -> None:
        """Record a defect; ``start``/``end`` are offsets of the *normalised* text, or None.

        The same message is recorded once.
        """
        if message in self._messages:
            return
        self._messages.add(message)
        if start is None or end is None or self.row:  # (a row keeps the messages only)
            self.defects.append(Defect(kind, None, None, message))
            return
        raw_start, raw_end = (
            self.raw_span(start, end) if end > start else self.source.to_raw(start, end)
        )
        self.defects.append(Defect(kind, raw_start, raw_end, message))

    def defect_at_raw(self, kind: str, message: str, start: int, end: int) -> None:
        """Record a defect whose place is already in raw offsets (a paragraph's)."""
        if message not in self._messages:
            self._messages.add(message)
            self.defects.append(Defect(kind, start, end, message))
