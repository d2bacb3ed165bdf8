"""Self-checks of lesson 04, the Kosovo–Karabakh precedent argument.

All four exercises ask about 08BAKU151's argument (its one-day count, its claim
C3, its Comment) and say so on any other cable. Expected answers come from the
cable's text and its curated annotation (``data/annotations/08BAKU151/``).
"""

from __future__ import annotations

import re
from typing import Any

from . import HOME_CABLE, exercise, solution
from .answers import fold, read_items, shown
from .checking import same_number
from .feedback import Feedback, ModelAnswer
from .reading import Concept, compare_open

__all__ = ["LARGEST_SINGLE_DAY_RECOGNITIONS", "cable_one_day_count", "precedent_opponents"]

#: The largest number of formal recognitions of Kosovo on any single day (18 Feb
#: 2008: Afghanistan, Albania, France, Turkey, the United Kingdom, the United
#: States). Source: background-facts.md, from Wikipedia revisions of Feb and Nov
#: 2008 and published chronologies (see data/timeline.csv).
LARGEST_SINGLE_DAY_RECOGNITIONS = 6

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
        "Exercise 04.3 checks it against the record.",
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
    "04.2",
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


@solution("04.2")
def c3_opponents_solution(cable: Any) -> ModelAnswer:
    expected = sorted(precedent_opponents(cable) or ())
    names = [_name(cable, h) for h in expected]
    return ModelAnswer(
        "04.2",
        True,
        ", ".join(names),
        "¶2: Ilgar Mammadov says Kosovo 'sets a clear precedent'; the public is 'deeply skeptical "
        "that Kosovo's independence will not serve as a precedent' (a double negative: it expects "
        "one). Ismailzade only reports the public's view, so he is not AGAINST C3 himself.",
        value=expected,
    )


@exercise(
    "04.3",
    prompt="Source criticism: the record shows at most 6 formal recognitions of Kosovo on any "
    "single day. By how many does the cable's one-day count exceed that?",
    level="analysis",
    accepts="number",
    only_for=HOME_CABLE,
    instead=_ARGUMENT_INSTEAD,
)
def recognition_gap(answer: Any, cable: Any) -> Feedback:
    claimed = cable_one_day_count(cable)
    if claimed is None:
        return Feedback.unavailable("this copy has no one-day recognition count to check.")
    gap = claimed - LARGEST_SINGLE_DAY_RECOGNITIONS
    text = str(answer)
    if (
        isinstance(answer, str)
        and re.search(rf"\b{claimed}\b", text)
        and re.search(r"\b6\b|\bsix\b", text)
    ):
        # "16 - 6 = 10": the working shown; read the result
        result = re.findall(r"=\s*(\d+)|\b(\d+)\s*$", text)
        answer = next((a or b for a, b in result), text)
    return same_number(
        answer,
        gap,
        right=f"{claimed} − {LARGEST_SINGLE_DAY_RECOGNITIONS} = {gap}. Now explain the gap: "
        "announced intentions counted as recognitions? A commentator's rhetoric relayed unchecked?",
        hint=f"The cable says {claimed}; subtract the largest single-day count of the record.",
    )


@solution("04.3")
def recognition_gap_solution(cable: Any) -> ModelAnswer:
    claimed = cable_one_day_count(cable) or 0
    gap = claimed - LARGEST_SINGLE_DAY_RECOGNITIONS
    return ModelAnswer(
        "04.3",
        True,
        str(gap),
        f"{claimed} (the cable, ¶4) − {LARGEST_SINGLE_DAY_RECOGNITIONS} (18 Feb 2008, the largest "
        "single day in the record) = "
        f"{gap}. The number may count announced intentions; the cable attributes it to Seyidov "
        "and Day.Az.",
        value=gap,
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
    "04.4",
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


@solution("04.4")
def comment_reading_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "04.4",
        True,
        COMMENT_MODEL_08BAKU151,
        "it sets the public denial (¶3) beside the private worry the Comment attributes to the "
        "GOAJ (¶5).",
        written_for=HOME_CABLE,
    )
