"""Comparing a checked answer with the expected one: numbers, sets, posts, dates.

Every function returns a :class:`Feedback` of kind *checked*: Correct, or Not
yet with a message that says what is off (too high, two missing, a country
instead of a post) and the exercise's hint. Sound forms are accepted:
"16", "sixteen" and "The cable reports 16 states" are the same number; "Baku",
"Embassy Baku" and "the U.S. Embassy in Baku, Azerbaijan" are the same post;
"19 Feb 2008 13:47" and "2008-02-19T13:47Z" are the same moment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from typing import Any

from .answers import fold, read_items, read_number, shown
from .feedback import Feedback

__all__ = [
    "post_answer",
    "same_moment",
    "same_number",
    "same_paragraph_numbers",
    "same_set",
]


def same_number(
    answer: Any, expected: float, *, right: str, hint: str, tolerance: float = 0
) -> Feedback:
    """One number, in any form ("16", 16, "sixteen", "16 states"), within ``tolerance``."""
    value, problem = read_number(answer, allow_words=("none", "no") if expected == 0 else ())
    if value is None:
        return Feedback.not_yet(problem, hint)
    if abs(value - expected) <= tolerance:
        return Feedback.right(right)
    direction = "too high" if value > expected else "too low"
    return Feedback.not_yet(f"{value:g} is {direction}.", hint)


def same_set(
    answer: Any,
    expected: Iterable[str],
    *,
    right: str,
    hint: str,
    aliases: dict[str, str] | None = None,
    optional: Iterable[str] = (),
) -> Feedback:
    """A set of names or codes, in any order and separator; ``aliases`` map other forms to one.

    ``optional`` items may be given or left out (a code the check cannot decide).
    """
    wanted = {_item_key(item) for item in expected}
    maybe = {_item_key(item) for item in optional}
    names = {_item_key(k): _item_key(v) for k, v in (aliases or {}).items()}
    given: set[str] = set()
    for item in read_items(answer):
        key = _item_key(item)
        if key in ("none", "no", "-", "nothing", ""):
            continue
        given.add(names.get(key, key))
    if given - maybe == wanted:
        return Feedback.right(right)
    missing, extra = wanted - given, given - wanted - maybe
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        shown_extra = ", ".join(sorted(extra)[:5])
        parts.append(f"{len(extra)} that should not be there ({shown_extra})")
    if not wanted and not extra:
        return Feedback.right(right)
    return Feedback.not_yet("Not quite: " + " and ".join(parts) + ".", hint)


def _item_key(item: Any) -> str:
    """One item of a set answer, compared without case, brackets or a leading "the"."""
    key = re.sub(r"\s*\([^)]*\)", "", fold(item)).strip(" .'\"“”")
    return re.sub(r"^(?:the|a|an)\s+", "", key)


def read_paragraph_numbers(answer: Any) -> set[int] | None:
    """Paragraph numbers from "1, 2 and 5", "¶1 ¶2 ¶5", "paragraphs 1-2, 5", [1, 2, 5]; None if unreadable."""
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return {int(answer)} if float(answer).is_integer() else None
    text = (
        " ".join(str(i) for i in answer) if isinstance(answer, (list, tuple, set)) else str(answer)
    )
    text = re.sub(
        r"\b(?:paragraphs?|paras?\.?|numbers?|the|are|is|and|¶)\b|[¶:.]", " ", text, flags=re.I
    )
    numbers: set[int] = set()
    for low, high in re.findall(r"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})", text):
        if int(high) - int(low) > 50:
            return None
        numbers.update(range(int(low), int(high) + 1))
    text = re.sub(r"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})", " ", text)
    for token in re.split(r"[\s,;&/]+", text):
        if not token:
            continue
        if token.isdigit():
            numbers.add(int(token))
        elif fold(token) in ("none", "no", "nothing", "-"):
            continue
        else:
            return None
    return numbers


def same_paragraph_numbers(
    answer: Any, expected: Iterable[int], *, right: str, hint: str
) -> Feedback:
    given = read_paragraph_numbers(answer)
    if given is None:
        return Feedback.not_yet(f"{shown(answer)} is not a list of paragraph numbers.", hint)
    wanted = set(expected)
    if given == wanted:
        return Feedback.right(right)
    missing, extra = sorted(wanted - given), sorted(given - wanted)
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"¶{', ¶'.join(map(str, extra))} should not be there")
    return Feedback.not_yet("Not quite: " + " and ".join(parts) + ".", hint)


# ------------------------------------------------------------------------ posts (FM line)

#: Words on an FM line that name the kind of post, not the place.
_POST_WORDS = {
    "amembassy", "amconsul", "amcongen", "usmission", "usoffice", "secstate", "rpo", "usint",
    "usliaison", "aic", "usdel", "amembassy/consulate",
}  # fmt: skip
#: Words a learner may add around the place: "the U.S. Embassy in Baku".
_FILLERS = {
    "the", "us", "u", "s", "usa", "united", "states", "american", "america", "embassy",
    "embassies", "consulate", "consul", "general", "mission", "office", "post", "in", "at",
    "of", "to", "from", "fm", "line", "sent", "by", "it", "was", "cable", "amembassy",
    "amconsul", "amcongen", "usmission", "usoffice", "regional", "presence", "rpo", "a", "an",
}  # fmt: skip
_PLACE_FORMS = {
    "washdc": ("washington dc", "washington", "washington d c", "washdc"),
}


@cache
def _country_names() -> frozenset[str]:
    from ...reference.codes import tags

    return frozenset(
        _words(entry.get("description") or "")
        for entry in tags().values()
        if entry.get("kind") == "geographic" and entry.get("description")
    )


def _words(text: str) -> str:
    plain = fold(text).replace("u.s.", "us")
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _place_variants(origin: str) -> set[str]:
    tokens = [t for t in _words(origin).split() if t not in _POST_WORDS]
    place = " ".join(tokens)
    variants = {place}
    for token in tokens:
        for form in _PLACE_FORMS.get(token, ()):
            variants.add(place.replace(token, form))
        if token.startswith("us") and len(token) > 4:  # USNATO, USOSCE, USEU
            variants.add(place.replace(token, token[2:]))
    if "secstate" in _words(origin).split():
        variants |= {"department state", "state department", "secretary state", "secstate"}
    return {v for v in variants if v}


def _is_filler_or_country(tokens: list[str]) -> bool:
    """True for words a learner may put around the place: "the U.S. Embassy in", ", Azerbaijan"."""
    if not tokens or all(t in _FILLERS for t in tokens):
        return True
    rest = [t for t in tokens if t not in ("in", "of", "the")]
    return " ".join(rest) in _country_names()


def post_answer(answer: Any, origin: str, *, right: str, hint: str) -> Feedback:
    """The sending post, as written ("AMEMBASSY BAKU") or in plain words ("Embassy Baku", "Baku")."""
    if not isinstance(answer, str):
        return Feedback.not_yet(f"{shown(answer)} is not the name of a post.", hint)
    tokens = _words(answer).split()
    if tokens == _words(origin).split():
        return Feedback.right(right)
    variants = _place_variants(origin)
    for place in variants:
        wanted = place.split()
        for start in range(len(tokens) - len(wanted) + 1):
            if tokens[start : start + len(wanted)] != wanted:
                continue
            before, after = tokens[:start], tokens[start + len(wanted) :]
            if _is_filler_or_country(before) and _is_filler_or_country(after):
                return Feedback.right(right)  # "Baku", "the U.S. Embassy in Baku, Azerbaijan"
    kept = " ".join(t for t in tokens if t not in _FILLERS)
    if kept in _country_names():
        return Feedback.not_yet(
            f"{shown(answer)} is a country; the FM line names a post (an embassy, consulate or "
            "office) by its city.",
            hint,
        )
    if any(all(w in tokens for w in place.split()) for place in variants):
        return Feedback.not_yet(
            f"{shown(answer)} contains the right place but also something else.", hint
        )
    return Feedback.not_yet(f"{shown(answer)} is not the post on the FM line.", hint)


# ------------------------------------------------------------------------ dates and times

_DTG_AS_WRITTEN = re.compile(r"^\s*\d{6}Z\s+[A-Z]{3}\s+\d{2}\s*$", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TIME = re.compile(
    r"(?<![\d:])([01]?\d|2[0-3])\s*[:h.]\s*([0-5]\d)(?![\d])(?:\s*(?:z|utc|gmt|zulu)\b)?"
    r"|(?<![\d])([01]\d|2[0-3])([0-5]\d)\s*(?:z|utc|gmt|zulu|hours|hrs)\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)")
_MONTH_NAME = re.compile(r"\b(" + "|".join(_MONTHS) + r")[a-z]*\.?", re.IGNORECASE)


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        value += 1900 if value > 40 else 2000  # cables run from the 1960s to 2010
    return value


def _read_date(text: str) -> tuple[tuple[int, int, int] | None, str]:
    """(year, month, day) from ISO, day/month/year or a month name; a problem when unsure."""
    iso = _ISO_DATE.search(text)
    if iso:
        return (int(iso[1]), int(iso[2]), int(iso[3])), ""
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), _year(numeric[3])
        if first <= 12 and second <= 12 and first != second:
            return None, (
                f"{numeric[0]} can be read as day/month or as month/day; write the month as a "
                "word or use YYYY-MM-DD."
            )
        day, month = (first, second) if first > 12 else (second, first)
        return (year, month, day), ""
    month_match = _MONTH_NAME.search(text)
    if not month_match:
        return None, "no date could be read from it."
    month = _MONTHS.index(month_match[1].lower()[:3]) + 1
    before, after = text[: month_match.start()], text[month_match.end() :]
    numbers_after = re.findall(r"(?<![\d])(\d{1,4})(?![\d])", after)
    numbers_before = re.findall(r"(?<![\d])(\d{1,4})(?![\d])", before)
    day = year = None
    if numbers_before and len(numbers_before[-1]) <= 2:
        day = int(numbers_before[-1])  # 19 February 2008
        year_text = next((n for n in numbers_after if len(n) in (2, 4)), None)
    elif numbers_after and len(numbers_after[0]) <= 2 and len(numbers_after) > 1:
        day = int(numbers_after[0])  # February 19, 2008
        year_text = next((n for n in numbers_after[1:] if len(n) in (2, 4)), None)
    else:
        year_text = next((n for n in numbers_after + numbers_before if len(n) == 4), None)
    if year_text is not None:
        year = _year(year_text)
    if day is None or year is None:
        return None, "give the whole date: day, month and year."
    return (year, month, day), ""


def _parse_moment(text: str) -> tuple[datetime | None, bool, str]:
    """(moment, has_time, problem) read from free text such as "19 Feb 2008, 13:47 UTC"."""
    date_text, rest = text, text
    for pattern in (_ISO_DATE, _NUMERIC_DATE):
        found = pattern.search(text)
        if found:  # a numeric date first, so that "19.02" is not read as a time
            date_text, rest = found[0], text[: found.start()] + " " + text[found.end() :]
            break
    time_match = _TIME.search(rest)
    hour = minute = 0
    if time_match:
        hour = int(time_match[1] or time_match[3])
        minute = int(time_match[2] or time_match[4])
        if date_text is text:
            date_text = rest[: time_match.start()] + " " + rest[time_match.end() :]
    day, problem = _read_date(date_text)
    if day is None:
        return None, False, problem
    try:
        moment = datetime(day[0], day[1], day[2], hour, minute)
    except ValueError:
        return None, False, "that date does not exist."
    return moment, time_match is not None, ""


def same_moment(answer: Any, expected: datetime, *, right: str, hint: str) -> Feedback:
    """A date and time in any unambiguous format, compared with ``expected`` (UTC) to the minute."""
    if not isinstance(answer, (str, datetime)):
        return Feedback.not_yet(f"{shown(answer)} is not a date and time.", hint)
    target = expected.astimezone(UTC).replace(tzinfo=None) if expected.tzinfo else expected
    if isinstance(answer, datetime):
        moment = answer.astimezone(UTC).replace(tzinfo=None) if answer.tzinfo else answer
        has_time = True
    else:
        if _DTG_AS_WRITTEN.match(answer):
            return Feedback.not_yet(
                "that is the date-time group as written; decode it into a date and a time.", hint
            )
        moment, has_time, problem = _parse_moment(answer)
        if moment is None:
            return Feedback.not_yet(f"{shown(answer)}: {problem}", hint)
    if moment.date() != target.date():
        return Feedback.not_yet(f"{moment:%d %B %Y} is not the day the DTG gives.", hint)
    if not has_time:
        return Feedback.not_yet("the day is right; give the time (UTC) too.", hint)
    if (moment.hour, moment.minute) != (target.hour, target.minute):
        return Feedback.not_yet(
            f"the day is right; the time is not ({moment:%H:%M} given).",
            "The first six digits are day, hour, minute; Z means UTC.",
        )
    return Feedback.right(right)
