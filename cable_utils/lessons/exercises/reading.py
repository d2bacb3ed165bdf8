"""Reading an open answer against the cable: quotes that really occur, paragraphs named, hedging.

An open answer is never graded right or wrong. These helpers find what can be
verified in it: a quoted phrase is looked up in the cable with the library's
quote locator (:func:`cable_utils.analysis.argument.locate_quote`, then a
case-insensitive pass over the same normalised text), a paragraph reference
("¶2", "para 2", "paragraph 2", "the second paragraph", "the Comment") is read
as a number, and hedging words ("may", "perhaps", "the cable does not say")
are noticed. :func:`compare_open` turns them into the points an open feedback
lists: what the answer does that the model answer does, and what it misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..._words import counted
from .answers import fold
from .feedback import Point

__all__ = [
    "Concept",
    "FoundQuote",
    "compare_open",
    "find_quote",
    "hedges",
    "paragraphs_named",
    "quoted_phrases",
    "word_count",
]

# "…", “…”, «…», and ‘…’ or '…' when the single quote opens after a space or bracket
# and closes before a space or punctuation (so "Kosovo's" is not a quote).
_DOUBLE = re.compile(r"[\"“”«»„]([^\"“”«»„]{1,400}?)[\"“”«»„]")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘]([^'‘’\n]{2,400}?)['’](?=$|[\s.,;:!?)\]—–-])")

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
}  # fmt: skip
_PARAGRAPH_REF = re.compile(
    r"(?:¶|\bparas?\.?|\bparagraphs?|\bpar\.|\bpp?\.)\s*(\d{1,2}(?:\s*(?:[-–,&]|and|to)\s*¶?\s*\d{1,2})*)",
    re.IGNORECASE,
)
_ORDINAL_REF = re.compile(
    r"\b(" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+paragraph\b", re.IGNORECASE
)
_HEDGES = (
    "may", "might", "perhaps", "possibly", "probably", "likely", "seems", "seem", "appears",
    "could", "suggests", "suggest", "guess", "hypothesis", "presumably", "plausibly",
    "not clear", "unclear", "does not say", "doesn't say", "never says", "cannot know",
    "can't know", "we do not know", "we don't know", "no source", "speculat", "i think",
    "arguably", "maybe",
)  # fmt: skip


def word_count(text: Any) -> int:
    return len(str(text).split())


def quoted_phrases(answer: Any) -> list[str]:
    """The phrases an answer puts in quotation marks, in order, without duplicates."""
    text = str(answer)
    found: list[str] = []
    for pattern in (_DOUBLE, _SINGLE):
        for match in pattern.finditer(text):
            phrase = " ".join(match.group(1).split()).strip(" ,.;:")
            # a quotation is evidence when it is two words or more, or one long word
            # ("fulsome"); a quoted letter or short word could occur anywhere
            if not phrase or (len(phrase.split()) < 2 and len(phrase) < 5):
                continue
            if phrase not in found:
                found.append(phrase)
    return found


@dataclass(frozen=True)
class FoundQuote:
    """A phrase of the answer and where it occurs in the cable (None when it does not)."""

    phrase: str
    start: int | None
    paragraph: int | None

    @property
    def found(self) -> bool:
        return self.start is not None


def _paragraph_at(cable: Any, raw_start: int) -> int | None:
    for paragraph in getattr(cable, "paragraphs", ()):
        if paragraph.start <= raw_start < paragraph.end and paragraph.number is not None:
            return paragraph.number
    return None


def find_quote(cable: Any, phrase: str) -> FoundQuote:
    """Where ``phrase`` occurs in the cable: exactly first, then ignoring case."""
    from ...analysis.argument import locate_quote

    where = locate_quote(cable, phrase)
    if where is None:
        words = phrase.split()
        if words:
            pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
            match = pattern.search(cable.text)
            if match is not None:
                where = locate_quote(cable, match.group(0))
    if where is None:
        return FoundQuote(phrase, None, None)
    return FoundQuote(phrase, where[0], _paragraph_at(cable, where[0]))


def paragraphs_named(answer: Any, cable: Any | None = None) -> set[int]:
    """Paragraph numbers an answer points to; "the Comment" counts as the Comment's paragraphs."""
    text = str(answer)
    numbers: set[int] = set()
    for match in _PARAGRAPH_REF.finditer(text):
        spec = match.group(1)
        for low, high in re.findall(r"(\d{1,2})\s*(?:[-–]|to)\s*¶?\s*(\d{1,2})", spec):
            numbers.update(range(int(low), int(high) + 1))
        numbers.update(int(n) for n in re.findall(r"\d{1,2}", spec))
    last = max((p.number for p in getattr(cable, "paragraphs", ()) if p.number), default=None)
    for match in _ORDINAL_REF.finditer(text):
        word = match.group(1).lower()
        value = _ORDINALS.get(word) or int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]
        if value == -1:
            if last is not None:
                numbers.add(last)
        else:
            numbers.add(value)
    if cable is not None and re.search(r"\b(?:the|its|embassy'?s?)\s+comment\b", text, re.I):
        numbers.update(comment_paragraphs(cable))
    return numbers


def comment_paragraphs(cable: Any) -> set[int]:
    """Numbers of the paragraphs in the cable's Comment section (by section heading)."""
    found = set()
    for paragraph in getattr(cable, "paragraphs", ()):
        section = (paragraph.section or "").strip(" -:.").lower()
        if paragraph.number is not None and section == "comment":
            found.add(paragraph.number)
    return found


def hedges(answer: Any) -> list[str]:
    """Hedging words and phrases in an answer ("may", "perhaps", "the cable does not say")."""
    text = fold(answer)
    return [h for h in _HEDGES if re.search(rf"(?<![\w]){re.escape(h)}", text)]


@dataclass(frozen=True)
class Concept:
    """Something a model answer says, recognised by word stems (any one of them)."""

    key: str
    description: str  # "names the GOAJ's worry (the Comment's 'deeply worried')"
    stems: tuple[str, ...]

    def in_text(self, folded: str) -> bool:
        return any(re.search(rf"(?<![\w]){re.escape(fold(stem))}", folded) for stem in self.stems)


def compare_open(
    answer: Any,
    cable: Any,
    *,
    paragraphs: Iterable[int] = (),
    concepts: Sequence[Concept] = (),
    want_quote: bool = True,
    want_hedge: bool = False,
    min_words: int = 0,
) -> tuple[list[Point], list[Point]]:
    """What an open answer does that the model answer does, and what it misses.

    ``paragraphs``: the paragraphs the model answer points to (empty: any).
    ``concepts``: what the model answer says. ``want_quote``: the model quotes
    the cable. ``want_hedge``: the model marks a guess as a guess.
    """
    does: list[Point] = []
    misses: list[Point] = []
    text = str(answer)
    folded = fold(text)

    if min_words:
        words = word_count(text)
        if words < min_words:
            misses.append(
                Point(
                    "length",
                    f"{counted(words, 'word')}: the model answer takes about {min_words} or more.",
                )
            )
        else:
            does.append(Point("length", f"{words} words: room to make a case."))

    quotes = [find_quote(cable, phrase) for phrase in quoted_phrases(text)]
    found = [q for q in quotes if q.found]
    missing = [q for q in quotes if not q.found]
    if found:
        listed = "; ".join(
            f"“{q.phrase}”" + (f" (¶{q.paragraph})" if q.paragraph else "") for q in found[:4]
        )
        does.append(
            Point("quote", f"quotes the cable, and the words really occur in it: {listed}.")
        )
    elif want_quote:
        misses.append(
            Point(
                "quote",
                "no quotation found in the cable: quote its exact words in quotation marks.",
            )
        )
    if missing:
        listed = "; ".join(f"“{q.phrase[:60]}”" for q in missing[:4])
        misses.append(
            Point(
                "quote_not_found",
                f"these quoted words do not occur in this cable: {listed}. Copy them exactly.",
            )
        )

    wanted = set(paragraphs)
    named = paragraphs_named(text, cable) | {q.paragraph for q in found if q.paragraph}
    if wanted:
        right = sorted(named & wanted)
        if right:
            does.append(
                Point(
                    "paragraph",
                    f"points to the paragraph the model answer uses: ¶{', ¶'.join(map(str, right))}.",
                )
            )
        else:
            misses.append(
                Point(
                    "paragraph",
                    f"the model answer rests on ¶{', ¶'.join(map(str, sorted(wanted)))}; "
                    + ("yours points elsewhere." if named else "name or quote that paragraph."),
                )
            )

    if want_hedge:
        hedging = hedges(text)
        if hedging:
            does.append(
                Point(
                    "hedge",
                    f"marks a guess as a guess ({', '.join(repr(h) for h in hedging[:3])}).",
                )
            )
        else:
            misses.append(
                Point(
                    "hedge",
                    "the model answer says what is guesswork (may, perhaps, the cable does not say).",
                )
            )

    for concept in concepts:
        if concept.in_text(folded):
            does.append(Point(concept.key, concept.description + "."))
        else:
            misses.append(Point(concept.key, "the model answer " + concept.description + "."))
    return does, misses
