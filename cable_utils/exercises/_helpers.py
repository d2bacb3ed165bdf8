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
