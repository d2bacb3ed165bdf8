"""Checking the cable's numbers against the record: recognitions of Kosovo, and years.

¶4 of 08BAKU151 reports Vugar Seyidov's claim that "in only one day 16 states had
already recognized Kosovo's independence and another 37 had declared their readiness
to do so; meanwhile, not a single country had recognized Nagorno-Karabakh's
'independence' in over 17 years". These functions let a student test it:

- :func:`recognitions_per_day`, :func:`daily_maximum` and :func:`cumulative_count`
  count ``data/recognitions.csv`` (UN members only by default; Taiwan, the one
  non-member in the table, is counted with ``un_only=False``);
- :func:`recognition_claim` finds the claim in a cable's text, with raw offsets, so
  a lesson can show exactly what is being checked (``None`` on a cable without it);
- :func:`years_between` and :func:`years_claim_check` compare "over 17 years" with
  the date of Nagorno-Karabakh's declaration.

Nothing here is specific to one cable's layout: a cable that does not make the claim
gets ``None``, and the lessons say the check was written for 08BAKU151.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .._arguments import TIMELINE, instance_of, takes
from ..model import Cable
from ..parse import takes_cable
from ..reference.history import Recognition
from ..source.normalise import normalise
from .argument import TimelineEvent

__all__ = [
    "NAGORNO_KARABAKH_DECLARED",
    "NAGORNO_KARABAKH_DECLARED_SOURCES",
    "RecognitionClaim",
    "YearsCheck",
    "cumulative_count",
    "cumulative_by_day",
    "daily_maximum",
    "events_about",
    "recognition_claim",
    "recognitions_per_day",
    "years_between",
    "whole_years_between",
    "years_claim_check",
]

#: The day the councils of the Nagorno-Karabakh autonomous region proclaimed a
#: "Nagorno-Karabakh Republic". Two sources read for data/sources.csv agree on it
#: (``armenianow-2006``, ``newsam-20210902``); the timeline has the same date.
NAGORNO_KARABAKH_DECLARED = date(1991, 9, 2)
NAGORNO_KARABAKH_DECLARED_SOURCES = ("armenianow-2006", "newsam-20210902")

_DAYS_PER_YEAR = 365.2425  # the Gregorian mean year: leap days included

# "in only one day 16 states had already recognized ... and another 37 had declared
# their readiness ...; meanwhile, not a single country ... in over 17 years"
_ONE_DAY = re.compile(
    r"in\s+only\s+one\s+day\s+(?P<one_day>\d+)\s+states\s+had\s+already\s+recogni[sz]ed"
    r".{0,200}?another\s+(?P<ready>\d+)\s+had\s+declared\s+their\s+readiness",
    re.I | re.S,
)
_YEARS = re.compile(r"in\s+over\s+(?P<years>\d+)\s+years", re.I)


@dataclass(frozen=True, slots=True)
class RecognitionClaim:
    """The numbers a cable claims, with the raw span of the sentence that claims them."""

    in_one_day: int
    declared_ready: int
    years: int | None  # "in over N years", when the same passage says it
    quote: str
    start: int  # raw offsets into cable.raw
    end: int


@dataclass(frozen=True, slots=True)
class YearsCheck:
    """'over N years' against the dates: how long it really was."""

    claimed_over: int
    since: date
    until: date
    actual_years: float

    @property
    def holds(self) -> bool:
        return self.actual_years > self.claimed_over


def _selected(recognitions: Iterable[Recognition], un_only: bool) -> list[Recognition]:
    return [r for r in recognitions if r.un_member or not un_only]


def recognitions_per_day(
    recognitions: Iterable[Recognition], *, un_only: bool = True
) -> dict[date, int]:
    """How many recognitions each day had (days without one are left out), in date order."""
    counts = Counter(r.date for r in _selected(recognitions, un_only))
    return dict(sorted(counts.items()))


def daily_maximum(recognitions: Iterable[Recognition], *, un_only: bool = True) -> tuple[date, int]:
    """The day with the most recognitions and how many (the earliest such day on a tie)."""
    per_day = recognitions_per_day(recognitions, un_only=un_only)
    if not per_day:
        raise ValueError("no recognitions to count")
    most = max(per_day.values())
    return next(day for day, count in per_day.items() if count == most), most


def cumulative_count(recognitions: Iterable[Recognition], on: date, *, un_only: bool = True) -> int:
    """How many had recognised by the end of ``on`` (that day included)."""
    return sum(1 for r in _selected(recognitions, un_only) if r.date <= on)


def cumulative_by_day(
    recognitions: Iterable[Recognition], *, un_only: bool = True
) -> list[tuple[date, int]]:
    """The running total after each day that had a recognition."""
    total = 0
    running = []
    for day, count in recognitions_per_day(recognitions, un_only=un_only).items():
        total += count
        running.append((day, total))
    return running


@takes_cable
def recognition_claim(cable: Cable) -> RecognitionClaim | None:
    """The "N states in one day, M more ready" claim of a cable, or ``None``.

    Searched in the normalised text (scrape artifacts removed) and mapped back to raw
    offsets, so ``cable.raw[claim.start:claim.end]`` is what the cable says.
    """
    clean = normalise(cable.raw)
    found = _ONE_DAY.search(clean.text)
    if found is None:
        return None
    end = found.end()
    years = _YEARS.search(clean.text, found.end(), found.end() + 200)
    if years is not None:
        end = years.end()
    start, raw_end = clean.to_raw(found.start(), end)
    return RecognitionClaim(
        int(found["one_day"]),
        int(found["ready"]),
        int(years["years"]) if years else None,
        " ".join(clean.text[found.start() : end].split()),
        start,
        raw_end,
    )


def years_between(start: date, end: date) -> float:
    """Years from ``start`` to ``end`` as a decimal (mean Gregorian year)."""
    return (end - start).days / _DAYS_PER_YEAR


def whole_years_between(start: date, end: date) -> int:
    """Whole calendar years from ``start`` to ``end`` (an anniversary not yet reached does not count)."""
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years


@takes_cable
def years_claim_check(cable: Cable, since: date = NAGORNO_KARABAKH_DECLARED) -> YearsCheck | None:
    """Compare the cable's "in over N years" with the time since ``since``.

    ``None`` when the cable has no such claim or no date of its own.
    """
    claim = recognition_claim(cable)
    if claim is None or claim.years is None or cable.date is None:
        return None
    until = cable.date.date()
    return YearsCheck(claim.years, since, until, years_between(since, until))


@takes(TIMELINE, topic=instance_of(str, what="a topic", how='events_about(events, "Kosovo")'))
def events_about(events: Iterable[TimelineEvent], topic: str) -> list[TimelineEvent]:
    """The timeline's events of one part of the context primer (its ``topic`` column).

    A topic that no event has (a misspelt "afterward") raises ValueError naming
    the topics there are: an empty timeline would read as "nothing happened".
    """
    events = list(events)
    chosen = [event for event in events if event.topic == topic]
    if events and not chosen:
        topics = sorted({event.topic for event in events if event.topic})
        raise ValueError(
            f"no event in this timeline has the topic {topic!r}; its topics are: "
            + ", ".join(map(repr, topics))
        )
    return chosen
