"""Self-checks of the context primer (``00b_history_around_the_cable``).

The primer is about the history of 08BAKU151 as a whole. 00b.1 is a history question
that does not read the cable, checked against the sourced record (the OSCE Minsk
Group's co-chairs in February 2008: ``osce-mg-background`` and ``osce-mg-20091201`` in
``data/sources.csv``). 00b.2–00b.3 are open questions about 08BAKU151 (they quote it),
saved and compared with a model answer; on another cable they say so. The open
feedback checks what can be checked: source ids that really are in
``data/sources.csv``, dated events, and the points the model answer makes.
"""

from __future__ import annotations

import re
from typing import Any

from . import HOME_CABLE, exercise, solution
from .answers import fold
from .checking import same_set
from .feedback import Feedback, ModelAnswer, Point
from .reading import Concept, compare_open

__all__ = ["MINSK_GROUP_CO_CHAIRS", "cited_source_ids"]

#: The co-chairs of the OSCE Minsk Group from 1997 to the cable (and after):
#: osce-mg-background, osce-mg-20091201 in data/sources.csv.
MINSK_GROUP_CO_CHAIRS = ("France", "Russia", "United States")
_CO_CHAIR_ALIASES = {
    "russian federation": "russia",
    "the russian federation": "russia",
    "usa": "united states",
    "us": "united states",
    "u.s.": "united states",
    "u.s.a.": "united states",
    "the united states": "united states",
    "united states of america": "united states",
    "the united states of america": "united states",
    "america": "united states",
    "french republic": "france",
}
_PRIMER_INSTEAD = (
    'The primer is about 08BAKU151\'s history: set CABLE_ID = "08BAKU151" in its first cell '
    "and run it again. For your own cable, ask the same question of its history."
)
_SOURCE_ID = re.compile(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b")
_YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")


def cited_source_ids(answer: Any) -> tuple[list[str], list[str]]:
    """(ids of ``data/sources.csv`` an answer cites, id-like words that are not in it)."""
    from ...reference.sources import load_sources

    known = load_sources()
    found, unknown = [], []
    for word in _SOURCE_ID.findall(str(answer)):
        if word in known:
            if word not in found:
                found.append(word)
        elif any(ch.isdigit() for ch in word) and word not in unknown:
            unknown.append(word)  # looks like an id (un-ga10693), is not one
    return found, unknown


def _source_points(answer: Any, *, want: int) -> tuple[list[Point], list[Point]]:
    does: list[Point] = []
    misses: list[Point] = []
    found, unknown = cited_source_ids(answer)
    if len(found) >= want:
        does.append(Point("sources", f"cites sources of data/sources.csv: {', '.join(found[:5])}."))
    else:
        misses.append(
            Point(
                "sources",
                f"cites {len(found)} source id(s) of data/sources.csv; the model cites {want} "
                "or more (like icj-ao-2010).",
            )
        )
    if unknown:
        misses.append(
            Point(
                "sources_unknown",
                f"these look like source ids but are not in data/sources.csv: "
                f"{', '.join(unknown[:4])}. Copy them from the timeline's source column.",
            )
        )
    return does, misses


# ------------------------------------------------------------------ 00b.1 (checked)


@exercise(
    "00b.1",
    prompt="Which three states co-chaired the OSCE Minsk Group when 08BAKU151 was sent?",
    level="recall",
    accepts="items",
)
def minsk_co_chairs(answer: Any, cable: Any) -> Feedback:
    given = {fold(item) for item in re.split(r"[,;/\n]|\s+and\s+", str(answer))}
    if "armenia" in given or "azerbaijan" in given:
        return Feedback.not_yet(
            "Armenia and Azerbaijan were the parties to the conflict, not its mediators.",
            "Section 3: the co-chairs are three states from outside the region.",
        )
    return same_set(
        answer,
        MINSK_GROUP_CO_CHAIRS,
        right="France, Russia and the United States co-chaired the Minsk Group from 1997 "
        "(osce-mg-background). Find France and the United States in data/recognitions.csv.",
        hint="Section 3, the paragraph on the OSCE Minsk Group.",
        aliases=_CO_CHAIR_ALIASES,
    )


@solution("00b.1")
def minsk_co_chairs_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "00b.1",
        True,
        ", ".join(MINSK_GROUP_CO_CHAIRS),
        "the OSCE's own background note (osce-mg-background): co-chairs France, Russia and the "
        "United States since 1997.",
        value=list(MINSK_GROUP_CO_CHAIRS),
    )


# ------------------------------------------------------------------ 00b.2 (open)

PRECEDENT_MODEL = (
    "Not in the sense Baku feared. Russia did invoke Kosovo when it recognised Abkhazia and "
    "South Ossetia on 26 Aug 2008 (rferl-20080826), so the argument travelled; but no UN member "
    "recognised Nagorno-Karabakh (ponars-20201002), the ICJ answered only about Kosovo's "
    "declaration in 2010 (icj-ao-2010), and Karabakh's republic ended after the 2023 offensive, "
    "dissolved from 1 Jan 2024 (ocmedia-20230928). A precedent was argued, not followed."
)
_PRECEDENT_CONCEPTS = (
    Concept(
        "position",
        "takes a position on 'precedent' (was it one, in what sense)",
        ("precedent", "analogy", "example", "model for"),
    ),
    Concept(
        "after",
        "uses what happened after the cable (2008 Georgia war, the ICJ, 2020, 2023–2024)",
        ("abkhaz", "ossetia", "icj", "court", "2020", "2023", "2024", "offensive", "dissol"),
    ),
)


@exercise(
    "00b.2",
    prompt="Was Kosovo a precedent for Nagorno-Karabakh? Argue in three to five sentences, "
    "with at least two dated events and their source ids.",
    level="open",
    only_for=HOME_CABLE,
    instead=_PRIMER_INSTEAD,
)
def precedent_essay(answer: Any, cable: Any) -> Feedback:
    does, misses = compare_open(
        answer, cable, concepts=_PRECEDENT_CONCEPTS, want_quote=False, min_words=40
    )
    years = sorted(set(_YEAR.findall(str(answer))))
    if len(years) >= 2:
        does.append(Point("dates", f"dates its events: {', '.join(years)}."))
    else:
        misses.append(Point("dates", "the model dates at least two events (years or days)."))
    cited, uncited = _source_points(answer, want=2)
    return Feedback.saved(
        "compare with the model answer: does yours separate who argued a precedent from whether "
        "anyone acted on it?",
        does=does + cited,
        misses=misses + uncited,
    )


@solution("00b.2")
def precedent_essay_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "00b.2",
        True,
        PRECEDENT_MODEL,
        "it separates the argument (Russia cited Kosovo in 2008) from its outcome (no "
        "recognition of Nagorno-Karabakh; the conflict ended by force), and every event has a "
        "source id of data/sources.csv.",
        written_for=HOME_CABLE,
    )


# ------------------------------------------------------------------ 00b.3 (open)

NAMING_MODEL = (
    "I would describe Ismailzade by role (the cable's 'MFA Diplomatic Academy officer'): he "
    "'told us' in a conversation he did not expect to be published. For Mammadov the cable does "
    "not say whether he spoke to the Embassy or in public, so I would first look for a public "
    "statement of the same view in February 2008; if I find one I cite that and name him, "
    "since he was a public figure whose later prosecution is public record (echr-ilgar-2014). "
    "If I do not, I describe him and say why."
)
_NAMING_CONCEPTS = (
    Concept(
        "confidence",
        "asks on what terms each spoke (in confidence, 'told us', or in public)",
        ("confiden", "told us", "private", "conversation", "in public", "publicly", "consent"),
    ),
    Concept(
        "harm",
        "weighs what naming might cost a person",
        ("risk", "harm", "danger", "safety", "prosecut", "arrest", "prison", "cost", "endanger"),
    ),
    Concept(
        "alternative",
        "considers describing a person by role instead of naming",
        ("describe", "role", "anonym", "commentator", "withhold", "without naming", "not name"),
    ),
)


@exercise(
    "00b.3",
    prompt="You quote ¶2 of 08BAKU151 in an essay. Do you name Ilgar Mammadov and Fariz "
    "Ismailzade, or describe them? Argue in three to five sentences.",
    level="open",
    only_for=HOME_CABLE,
    instead=_PRIMER_INSTEAD,
)
def naming_essay(answer: Any, cable: Any) -> Feedback:
    does, misses = compare_open(
        answer, cable, concepts=_NAMING_CONCEPTS, want_quote=False, min_words=40
    )
    text = fold(answer)
    named = [n for n in ("mammadov", "ismailzade") if n in text]
    if len(named) == 2:
        does.append(Point("both", "decides for each person separately."))
    else:
        misses.append(Point("both", "the model decides for Mammadov and Ismailzade separately."))
    return Feedback.saved(
        "there is no single right answer: compare your reasons with the model answer's, and "
        "discuss them with a classmate or your teacher.",
        does=does,
        misses=misses,
    )


@solution("00b.3")
def naming_essay_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "00b.3",
        True,
        NAMING_MODEL,
        "one defensible position: it separates a conversation from a public statement, looks for "
        "a public source before naming, and weighs the person's later history.",
        written_for=HOME_CABLE,
    )
