"""Small helpers for writing checkers with useful feedback."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from . import Feedback


def fold(text: Any) -> str:
    """Case-, accent- and space-insensitive form of an answer."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain).strip().casefold()


def same_text(answer: Any, expected: str, *, right: str, hint: str) -> Feedback:
    if fold(answer) == fold(expected):
        return Feedback(True, right)
    return Feedback(False, f"{answer!r} is not what the cable says.", hint)


def same_number(answer: Any, expected: int, *, right: str, hint: str) -> Feedback:
    try:
        value = int(str(answer).strip())
    except ValueError:
        return Feedback(False, f"{answer!r} is not a whole number.", hint)
    if value == expected:
        return Feedback(True, right)
    direction = "too high" if value > expected else "too low"
    return Feedback(False, f"{value} is {direction}.", hint)


def same_set(answer: Any, expected: Iterable[str], *, right: str, hint: str) -> Feedback:
    if isinstance(answer, str):
        given = {fold(part) for part in re.split(r"[,;]\s*|\s+and\s+", answer) if part.strip()}
    else:
        given = {fold(part) for part in answer}
    wanted = {fold(item) for item in expected}
    if given == wanted:
        return Feedback(True, right)
    missing, extra = wanted - given, given - wanted
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"{len(extra)} that should not be there ({', '.join(sorted(extra))})")
    return Feedback(False, "Not quite: " + " and ".join(parts) + ".", hint)


#: The shortest answer to an open question that can make a case.
OPEN_MIN_WORDS = 25
_CITATION = re.compile(r"[\"“”']|¶|\bpara")


def short_answer(answer: Any, hint: str, *, minimum: int = OPEN_MIN_WORDS) -> Feedback | None:
    """Feedback when an open answer is too short to argue a case, else ``None``."""
    words = len(str(answer).split())
    if words < minimum:
        return Feedback(False, f"{words} words: too short to make a case.", hint)
    return None


def argued_answer(answer: Any, *, right: str, example: str = "¶2, para 3") -> Feedback:
    """An open answer: long enough, and citing the text (a quotation or a paragraph)."""
    too_short = short_answer(
        answer, f"Write at least {OPEN_MIN_WORDS} words with at least one quotation or ¶ number."
    )
    if too_short is not None:
        return too_short
    if not _CITATION.search(str(answer)):
        return Feedback(
            False,
            f"quote the cable or point to a paragraph ({example}).",
            "An argument about a text cites the text.",
        )
    return Feedback(True, right)
