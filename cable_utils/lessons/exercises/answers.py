"""Reading a learner's answer: every sound form accepted, every odd one named in plain words.

Answers arrive as whatever a learner typed into a cell: ``16``, ``"16"``,
``"sixteen states"``, ``"The cable reports 16."``, a list, a dict, ``None``,
10,000 characters of pasted text, or HTML. These helpers turn them into values
a checker can compare, or into a short message saying what could not be read.
They never raise on a learner's input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "MAX_CHECKED_CHARS",
    "MAX_OPEN_CHARS",
    "fold",
    "is_placeholder",
    "read_items",
    "read_number",
    "shape_problem",
    "shown",
]

#: The longest answer a checked exercise reads (a sentence with the answer in it fits easily).
MAX_CHECKED_CHARS = 1_000
#: The longest open answer read and saved (about 600 words).
MAX_OPEN_CHARS = 5_000

_MARKUP = re.compile(r"<\s*[A-Za-z/!][^>]*>")
_PLACEHOLDERS = {"", "...", "…", "your answer", "answer", "todo", "?"}


def fold(text: Any) -> str:
    """Case-, accent- and space-insensitive form of an answer."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain).strip().casefold()


def is_placeholder(answer: Any) -> bool:
    """True for the lesson's ``...`` (and ``None``, blanks, or containers holding only those)."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return fold(answer).strip(" .…") == "" or fold(answer) in _PLACEHOLDERS
    if isinstance(answer, Mapping):
        return all(is_placeholder(value) for value in answer.values())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(is_placeholder(item) for item in answer)
    return False


def shown(answer: Any, limit: int = 60) -> str:
    """A short, quoted form of an answer for a message (never the whole of a long text)."""
    if isinstance(answer, str):
        flat = " ".join(answer.split())
        if len(flat) > limit:
            flat = flat[: limit - 1].rstrip() + "…"
        return f"“{flat}”"
    if isinstance(answer, (list, tuple, set, frozenset)):
        return f"a {type(answer).__name__} of {len(answer)} item(s)"
    if isinstance(answer, Mapping):
        return f"a dict with {len(answer)} key(s)"
    return repr(answer)[:limit]


def _type_name(answer: Any) -> str:
    names = {list: "a list", tuple: "a tuple", set: "a set", dict: "a dict", bool: "True/False"}
    for kind, name in names.items():
        if isinstance(answer, kind):
            return name
    if isinstance(answer, Mapping):
        return "a dict"
    return f"a {type(answer).__name__}"


def shape_problem(answer: Any, accepts: str, *, kind: str) -> str | None:
    """Why ``answer`` cannot be read as the kind of answer an exercise wants, or None.

    ``accepts``: ``"text"``, ``"number"``, ``"items"`` (one or several values:
    a string or a list), ``"claims"`` (a list of dicts) or ``"coding"`` (a
    mapping or a stance coding object).
    """
    limit = MAX_OPEN_CHARS if kind == "open" else MAX_CHECKED_CHARS
    if isinstance(answer, bool):
        return "True or False is not an answer to this question; write the answer itself."
    if isinstance(answer, str):
        if len(answer) > limit:
            return (
                f"your answer is {len(answer):,} characters long; this check reads at most "
                f"{limit:,}. Shorten it to the answer itself."
            )
        if accepts in ("claims", "coding"):
            return (
                "this exercise wants the structure shown in the cell (a list of dicts), not text."
            )
        if kind != "open" and _MARKUP.search(answer):
            return "your answer contains HTML or code (shown here as text); write just the answer."
        return None
    if isinstance(answer, (int, float)):
        if kind == "open":
            return "write your answer as a sentence in quotes, not a number."
        if accepts in ("number", "text", "items"):
            return None
        return f"{_type_name(answer)} is not what this exercise asks for."
    if isinstance(answer, Mapping):
        if accepts in ("coding",):
            return None
        if accepts == "claims":
            return "give a list of claims (each one a dict), not a single dict."
        return f"{_type_name(answer)} is not an answer here: write the answer as text in quotes."
    if isinstance(answer, (list, tuple, set, frozenset)):
        if accepts == "items":
            if len(answer) > 200:
                return f"{len(answer)} items is far more than this question asks for."
            bad = [
                item
                for item in answer
                if not isinstance(item, (str, int)) or isinstance(item, bool)
            ]
            if bad:
                return f"the list holds {_type_name(bad[0])}; give names or numbers only."
            return None
        if accepts == "claims":
            return None
        if accepts == "number":
            return f"{_type_name(answer)} is not a number: give one number."
        return f"{_type_name(answer)} is not an answer here: write the answer as text in quotes."
    if accepts == "coding" and hasattr(answer, "codes"):
        return None
    return f"{_type_name(answer)} is not an answer here."


_UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


def number_word(value: int) -> str | None:
    """How a learner spells a whole number from 0 to 19 ("six"), or None beyond that.

    >>> number_word(6), number_word(16), number_word(40)
    ('six', 'sixteen', None)
    """
    return next(
        (word for word, n in _UNITS.items() if n == value and word not in ("no", "none")), None
    )


_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])|\b("
    + "|".join(sorted(_TENS, key=len, reverse=True))
    + r")(?:[-\s]("
    + "|".join(k for k in _UNITS if k not in ("no", "none", "zero"))
    + r"))?\b|\b("
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def read_number(answer: Any, *, allow_words: tuple[str, ...] = ()) -> tuple[float | None, str]:
    """The one number in an answer (``16``, ``"16"``, ``"sixteen states"``, ``"69%"``).

    Returns ``(value, "")`` or ``(None, why)``. Several different numbers in one
    answer are ambiguous and named as such. ``allow_words`` are number words that
    count even when they are also ordinary words ("no", "none").
    """
    if isinstance(answer, bool):
        return None, "True or False is not a number."
    if isinstance(answer, (int, float)):
        if answer != answer or answer in (float("inf"), float("-inf")):
            return None, "that is not a finite number."
        return float(answer), ""
    if not isinstance(answer, str):
        return None, f"{_type_name(answer)} is not a number."
    found: list[float] = []
    for match in _NUMBER.finditer(answer):
        digits, tens, unit, word = match.groups()
        if digits:
            found.append(float(digits.replace(",", "")))
        elif tens:
            found.append(float(_TENS[tens.lower()] + (_UNITS[unit.lower()] if unit else 0)))
        elif word:
            lowered = word.lower()
            if (
                lowered in ("no", "none", "zero")
                and lowered not in allow_words
                and lowered != "zero"
            ):
                continue
            found.append(float(_UNITS[lowered]))
    distinct = sorted(set(found))
    if not distinct:
        return None, f"{shown(answer)} holds no number."
    if len(distinct) > 1:
        listed = ", ".join(f"{n:g}" for n in distinct[:5])
        return None, f"{shown(answer)} holds several numbers ({listed}); give just one."
    return distinct[0], ""


def read_items(answer: Any) -> list[str]:
    """Items of a list answer: a list/tuple/set, or text split at commas, semicolons and "and"."""
    if isinstance(answer, (list, tuple, set, frozenset)):
        items: Iterable[Any] = answer
    else:
        items = re.split(r"[,;/\n]|\s+and\s+|\s*&\s*", str(answer))
    return [" ".join(str(item).split()) for item in items if str(item).strip()]
