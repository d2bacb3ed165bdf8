"""Self-checks of lesson 04, the Kosovo–Karabakh precedent argument.

All six exercises ask about 08BAKU151's argument and say so on any other cable.
Expected answers come from the cable's text, its curated annotation
(``data/annotations/08BAKU151/``) and the sourced record of recognitions
(``data/recognitions.csv``): nothing is typed in here that a table holds.

In the lesson's order: 04.1–04.4 are the source-criticism exercise in the middle
of the lesson (the cable's count; the record's daily maximum and running count;
the written comparison, saved; "over 17 years"), 04.5–04.6 come at the end (who
is AGAINST C3; what the Comment says).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from . import HOME_CABLE, exercise, solution
from .answers import fold, number_word, read_items, shown
from .checking import same_number
from .feedback import Feedback, ModelAnswer
from .reading import Concept, compare_open

__all__ = [
    "cable_one_day_count",
    "precedent_opponents",
    "record_counts",
    "years_since_declaration",
]

_ONE_DAY = re.compile(r"in only one day\s+(\d+)\s+states", re.I)
_ARGUMENT_INSTEAD = (
    "Lesson 04's exercises are about 08BAKU151's argument. On your cable, write your own claims "
    "with the template in section 7 (or lesson 05), then ask who holds each and who attacks it."
)


def cable_one_day_count(cable: Any) -> int | None:
    """The cable's "in only one day N states had already recognized" number, if it has one."""
    match = _ONE_DAY.search(cable.text)
    return int(match.group(1)) if match else None


def precedent_opponents(cable: Any) -> set[str] | None:
    """Holders AGAINST claim C3 ("Kosovo is not a precedent for NK"), or None without claims."""
    from ...analysis.argument import has_curated_claims, load_argument

    if not has_curated_claims(cable.id):
        return None
    data = load_argument(cable, cable.id, folder=_curated_folder(cable.id))
    try:
        claim = data.claim("C3")
    except KeyError:
        return None
    return {e.holder for e in claim.evidence if e.stance == "AGAINST"}


def _curated_folder(cable_id: str):
    from ...analysis.argument import annotation_folder

    return annotation_folder(cable_id)


@exercise(
    "04.1",
    prompt="Recall: according to the cable (Vugar Seyidov on Day.Az), how many states had "
    "recognised Kosovo 'in only one day'?",
    level="recall",
    accepts="number",
    only_for=HOME_CABLE,
    instead=_ARGUMENT_INSTEAD,
)
def one_day_count(answer: Any, cable: Any) -> Feedback:
    expected = cable_one_day_count(cable)
    if expected is None:
        return Feedback.unavailable("this copy has no 'in only one day … states' sentence.")
    value_text = str(answer)
    if re.search(r"\b37\b|thirty[- ]seven", value_text) and not re.search(
        r"\b16\b|sixteen", value_text
    ):
        return Feedback.not_yet(
            "37 is the number said to be ready to recognise, not the number that had.",
            "Paragraph 4, the last sentence: two numbers, read which is which.",
        )
    return same_number(
        re.sub(r"\b(?:37|thirty[- ]seven|17)\b.*", "", value_text)
        if isinstance(answer, str)
        else answer,
        expected,
        right=f"the cable reports {expected} states in one day (paragraph 4). Is that right? "
        "Exercise 04.2 checks it against the record.",
        hint="Paragraph 4, the last sentence: Seyidov on the news portal Day.Az.",
    )


@solution("04.1")
def one_day_count_solution(cable: Any) -> ModelAnswer:
    expected = cable_one_day_count(cable)
    return ModelAnswer(
        "04.1",
        True,
        str(expected),
        "¶4: Seyidov noted that 'in only one day 16 states had already recognized Kosovo's "
        "independence'. The cable reports the number; it does not vouch for it.",
        value=expected,
    )


# ------------------------------------------------ 04.2–04.4: the record against the cable


def record_counts(cable: Any) -> tuple[date, int, int]:
    """(the busiest day, its number of recognitions, how many by the end of the cable's day).

    UN member states only, as the lesson asks, from ``data/recognitions.csv``.
    """
    from ...analysis.history import cumulative_count, daily_maximum
    from ...reference.history import load_recognitions

    recognitions = load_recognitions()
    busiest, most = daily_maximum(recognitions)
    return busiest, most, cumulative_count(recognitions, cable.date.date())


def _not_un_members(cable: Any) -> list[str]:
    """The states of the record by the cable's day that are not UN members (Taiwan)."""
    from ...reference.history import load_recognitions

    day = cable.date.date()
    return [r.state for r in load_recognitions() if r.date <= day and not r.un_member]


def _the_claim(cable: Any) -> Any:
    from ...analysis.history import recognition_claim

    return recognition_claim(cable)


def _needs_claim_and_date(cable: Any) -> str | None:
    if cable.date is None:
        return "this copy has no date, so the count 'by the cable's day' cannot be computed."
    if _the_claim(cable) is None:
        return "this copy has no 'in only one day … states' sentence to check."
    return None


def _numbers(answer: Any) -> list[int]:
    if isinstance(answer, (list, tuple)):
        items = [str(item).strip() for item in answer]
        return [int(item) for item in items if item.isdigit()]
    return [int(item) for item in re.findall(r"\d+", str(answer))]


@exercise(
    "04.2",
    prompt="Source criticism: from the record of recognitions (UN member states), (a) the "
    "largest number that recognised Kosovo on one day, and (b) how many had recognised it by "
    "the end of the cable's day. Give two numbers, like '3, 4'.",
    level="analysis",
    accepts="items",
    only_for=HOME_CABLE,
    requires=_needs_claim_and_date,
    instead=_ARGUMENT_INSTEAD,
)
def record_numbers(answer: Any, cable: Any) -> Feedback:
    busiest, most, by_then = record_counts(cable)
    claim = _the_claim(cable)
    numbers = _numbers(answer)
    hint = (
        "For (a), count the table's rows day by day; for (b), count every row dated on or "
        f"before {cable.date:%d %B %Y} whose un_member is yes."
    )
    if len(numbers) != 2:
        return Feedback.not_yet(f"give two numbers, (a) and (b); found {len(numbers)}.", hint)
    day_max, running = numbers
    if (day_max, running) == (most, by_then):
        return Feedback.right(
            f"(a) {most}, on {busiest:%d %B %Y}; (b) {by_then} by the end of "
            f"{cable.date:%d %B %Y}. The cable: {claim.in_one_day} 'in only one day', "
            f"{claim.declared_ready} more ready. Now write what could explain the gap (04.3)."
        )
    if day_max == claim.in_one_day:
        return Feedback.not_yet(
            f"{day_max} is the cable's number, not the record's.",
            "Compute (a) from the table, not from ¶4.",
        )
    problems = []
    if day_max != most:
        problems.append(f"(a) {day_max} is {'too high' if day_max > most else 'too low'}")
    if running != by_then:
        others = _not_un_members(cable)
        if others and running == by_then + len(others):
            problems.append(
                f"(b) {running} counts {' and '.join(others)}: not a UN member state (see the "
                "un_member column)"
            )
        else:
            problems.append(f"(b) {running} is {'too high' if running > by_then else 'too low'}")
    return Feedback.not_yet("; ".join(problems) + ".", hint)


@solution("04.2")
def record_numbers_solution(cable: Any) -> ModelAnswer:
    busiest, most, by_then = record_counts(cable)
    return ModelAnswer(
        "04.2",
        True,
        f"{most}, {by_then}",
        f"(a) {most} UN member states recognised Kosovo on {busiest:%d %B %Y}, the busiest day; "
        f"(b) {by_then} had by the end of {cable.date:%d %B %Y} (data/recognitions.csv; "
        f"{by_then + len(_not_un_members(cable))} with {' and '.join(_not_un_members(cable)) or 'no other'}"
        "). Sources give Germany's day as 19 or 20 February: "
        "with 19 February, (b) would be one more.",
        value=[most, by_then],
    )


def gap_model(cable: Any) -> str:
    """The model reasoning of 04.3, with the record's numbers and the cable's, computed."""
    _busiest, most, by_then = record_counts(cable)
    claim = _the_claim(cable)
    return (
        f"The record has at most {most} recognitions on any one day and {by_then} UN member "
        f"states by the end of {cable.date:%d %B}, far from the cable's {claim.in_one_day} 'in "
        "only one day'. Seyidov, writing on Day.Az, may have counted announced intentions as "
        "recognitions, or repeated a figure from the press; the Embassy attributes the number "
        "to him ('noted') and relays it unchecked, so it reports what a commentator said, not "
        "a fact it vouches for."
    )


def _gap_concepts(cable: Any) -> tuple[Concept, ...]:
    """What the model reasoning says; the record's own numbers count as comparing with it."""
    _busiest, most, by_then = record_counts(cable)
    numbers = tuple(form for n in (most, by_then) for form in (str(n), number_word(n) or str(n)))
    return (
        Concept(
            "record",
            "compares the cable's number with the record's (the daily maximum, the count by "
            "the cable's day)",
            (*numbers, "record", "recognitions.csv", "table", "at most", "maximum", "largest",
             "busiest"),
        ),
        Concept(
            "intentions",
            "offers an explanation: intentions or announcements counted as recognitions",
            ("intention", "intend", "announc", "ready", "readiness", "plan", "promis", "pledg",
             "statement", "said they would", "declared"),
        ),
        Concept(
            "chain",
            "says who is responsible for the number: Seyidov, Day.Az, and the Embassy that "
            "relays it",
            ("seyidov", "day.az", "day az", "portal", "embassy", "relay", "attribut", "noted"),
        ),
    )  # fmt: skip


@exercise(
    "04.3",
    prompt="Open question: in two or three sentences, what could explain the gap between the "
    "cable's 'in only one day' count and your numbers, and who in the chain (Seyidov, Day.Az, "
    "the Embassy) is responsible for the number?",
    level="open",
    only_for=HOME_CABLE,
    requires=_needs_claim_and_date,
    instead=_ARGUMENT_INSTEAD,
)
def gap_explained(answer: Any, cable: Any) -> Feedback:
    does, misses = compare_open(
        answer,
        cable,
        paragraphs=(4,),
        concepts=_gap_concepts(cable),
        want_quote=False,
        want_hedge=True,
        min_words=25,
    )
    return Feedback.saved(
        "now open the model reasoning below: does yours keep apart what the record shows, what "
        "Seyidov said, and what the Embassy did with it?",
        does=does,
        misses=misses,
    )


@solution("04.3")
def gap_explained_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "04.3",
        True,
        gap_model(cable),
        "it states the record's numbers, marks its explanation as a guess ('may have'), and "
        "separates the commentator who made the claim from the Embassy that reported it (¶4).",
        written_for=HOME_CABLE,
    )


def years_since_declaration(cable: Any) -> tuple[int, float]:
    """(whole years, decimal years) from Nagorno-Karabakh's declaration to the cable's day."""
    from ...analysis.history import NAGORNO_KARABAKH_DECLARED, whole_years_between, years_between

    day = cable.date.date()
    return (
        whole_years_between(NAGORNO_KARABAKH_DECLARED, day),
        years_between(NAGORNO_KARABAKH_DECLARED, day),
    )


def _declaration_sources() -> str:
    from ...analysis.history import NAGORNO_KARABAKH_DECLARED_SOURCES

    return ", ".join(NAGORNO_KARABAKH_DECLARED_SOURCES)


def _needs_years_claim(cable: Any) -> str | None:
    missing = _needs_claim_and_date(cable)
    if missing:
        return missing
    if _the_claim(cable).years is None:
        return "this copy has no 'in over … years' to check."
    return None


@exercise(
    "04.4",
    prompt="Source criticism: the 'Nagorno-Karabakh Republic' was declared on 2 September 1991. "
    "How many whole years had passed by the cable's day? Does 'in over 17 years' (¶4) hold?",
    level="analysis",
    accepts="number",
    only_for=HOME_CABLE,
    requires=_needs_years_claim,
    instead=_ARGUMENT_INSTEAD,
)
def years_check(answer: Any, cable: Any) -> Feedback:
    whole, decimal = years_since_declaration(cable)
    claimed = _the_claim(cable).years
    text = fold(answer) if isinstance(answer, str) else str(answer)
    value = re.findall(r"\d+(?:\.\d+)?", text)
    if value and float(value[0]) == claimed != whole:
        return Feedback.not_yet(
            f"{claimed} is the cable's figure. Count from 2 September 1991 to "
            f"{cable.date:%d %B %Y}.",
            f"Subtract the years, then ask: is {cable.date:%d %B} before or after 2 September?",
        )
    if value and whole <= float(value[0]) < whole + 1:
        verdict = (
            f"'in over {claimed} years' overstates by about {claimed - decimal:.1f} years"
            if decimal < claimed
            else f"'in over {claimed} years' holds"
        )
        return Feedback.right(
            f"{whole} whole years (about {decimal:.1f}): {verdict}. The date 2 September 1991 "
            f"is in two sources ({_declaration_sources()})."
        )
    return same_number(
        answer,
        whole,
        right=f"{whole} whole years (about {decimal:.1f}).",
        hint="Subtract the years, then check whether the cable's day comes before 2 September.",
    )


@solution("04.4")
def years_check_solution(cable: Any) -> ModelAnswer:
    whole, decimal = years_since_declaration(cable)
    claimed = _the_claim(cable).years
    holds = "holds" if decimal > claimed else "does not hold"
    return ModelAnswer(
        "04.4",
        True,
        str(whole),
        f"2 September 1991 ({_declaration_sources()}) to {cable.date:%d %B %Y} is {whole} whole "
        f"years, about {decimal:.1f}: 'in over {claimed} years' {holds}. A small slip; the same "
        "sentence's one-day count is a larger one (exercise 04.2).",
        value=whole,
    )


# ---------------------------------------------------------------- 04.5–04.6: at the end


def _holder_forms(cable: Any, holders: set[str]) -> dict[str, set[str]]:
    from ...analysis.actors import load_gazetteer

    gazetteer = load_gazetteer(cable.id, source="curated")
    forms: dict[str, set[str]] = {}
    for holder in holders:
        actor = gazetteer[holder]
        names = {fold(holder), fold(holder.replace("_", " ")), *(fold(n) for n in actor.names)}
        names |= {fold(t) for t in getattr(actor, "titles", ())}
        names |= {
            n.split()[-1]
            for n in list(names)
            if len(n.split()) > 1 and holder != "azerbaijani_public"
        }
        if holder == "azerbaijani_public":
            names |= {
                "public",
                "the public",
                "azerbaijanis",
                "general public",
                "azerbaijani people",
            }
        forms[holder] = {re.sub(r"^(?:the|mr|dr)\.?\s+", "", n) for n in names}
    return forms


@exercise(
    "04.5",
    prompt="Analysis: which holders are AGAINST the claim 'Kosovo is not a precedent for "
    "Nagorno-Karabakh' (C3)? Give their names or actor ids, separated by commas.",
    level="analysis",
    accepts="items",
    only_for=HOME_CABLE,
    instead=_ARGUMENT_INSTEAD,
)
def c3_opponents(answer: Any, cable: Any) -> Feedback:
    expected = precedent_opponents(cable)
    if not expected:
        return Feedback.unavailable(f"{cable.id} has no curated claim C3.", _ARGUMENT_INSTEAD)
    forms = _holder_forms(cable, expected)
    found, unknown = set(), []
    for item in read_items(answer):
        part = re.sub(r"^(?:the|mr|dr)\.?\s+", "", fold(item).strip(" .'\""))
        match = [h for h in expected if part in forms[h]]
        if match:
            found.update(match)
        elif part:
            unknown.append(item)
    names = ", ".join(sorted(forms[h] and _name(cable, h) for h in expected))
    if found == expected and not unknown:
        return Feedback.right(
            f"{names}: one argues a general precedent, the other (the public, as Ismailzade "
            "reports it) expects one."
        )
    missing = len(expected - found)
    message = f"{len(found)} of {len(expected)} found"
    if unknown:
        message += f"; not AGAINST C3 (or not an actor): {', '.join(shown(u, 40) for u in unknown)}"
    return Feedback.not_yet(
        message + ".",
        "Read paragraph 2: who says Kosovo 'sets a clear precedent', and whose 'skeptical that "
        "… will not serve as a precedent' is a double negative?"
        if missing
        else "Someone you named holds C3 in FAVOR, or only reports someone else's view.",
    )


def _name(cable: Any, actor_id: str) -> str:
    from ...analysis.actors import load_gazetteer

    return load_gazetteer(cable.id, source="curated")[actor_id].name


@solution("04.5")
def c3_opponents_solution(cable: Any) -> ModelAnswer:
    expected = sorted(precedent_opponents(cable) or ())
    names = [_name(cable, h) for h in expected]
    return ModelAnswer(
        "04.5",
        True,
        ", ".join(names),
        "¶2: Ilgar Mammadov says Kosovo 'sets a clear precedent'; the public is 'deeply skeptical "
        "that Kosovo's independence will not serve as a precedent' (a double negative: it expects "
        "one). Ismailzade only reports the public's view, so he is not AGAINST C3 himself.",
        value=expected,
    )


COMMENT_MODEL_08BAKU151 = (
    "Officially Baku denies that Kosovo is a precedent, but the Comment says the GOAJ is "
    '"deeply worried" that international support for Kosovo could lead to recognition of the '
    'so-called "Nagorno Karabakh Republic", so it will wait and see and keep arguing '
    "illegality."
)
_COMMENT_CONCEPTS = (
    Concept("worry", "names the GOAJ's private worry ('deeply worried')",
            ("worr", "fear", "concern", "anxi", "afraid", "nervous")),
    Concept("target", "says what it worries about: recognition of Nagorno-Karabakh, a precedent",
            ("precedent", "recogni", "karabakh", "nk ", "nkr", "peace process")),
    Concept("contrast", "contrasts it with the official line (no precedent, illegal)",
            ("official", "public", "denies", "deny", "denial", "no precedent", "not a precedent",
             "illegal", "officially")),
)  # fmt: skip


@exercise(
    "04.6",
    prompt="Open question: in one or two sentences, what does the Embassy's Comment (paragraph "
    "5) say about the GOAJ that its official statements do not?",
    level="open",
    only_for=HOME_CABLE,
    instead=_ARGUMENT_INSTEAD,
)
def comment_reading(answer: Any, cable: Any) -> Feedback:
    does, misses = compare_open(
        answer, cable, paragraphs=(5,), concepts=_COMMENT_CONCEPTS, want_quote=False, min_words=15
    )
    return Feedback.saved(
        "compare with the model answer, and discuss: is 'deeply worried' the Embassy's reading "
        "or the GOAJ's words?",
        does=does,
        misses=misses,
    )


@solution("04.6")
def comment_reading_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "04.6",
        True,
        COMMENT_MODEL_08BAKU151,
        "it sets the public denial (¶3) beside the private worry the Comment attributes to the "
        "GOAJ (¶5).",
        written_for=HOME_CABLE,
    )
