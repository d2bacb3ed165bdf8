"""Self-checks for lesson 04, the Kosovo–Karabakh precedent argument.

Expected answers come from the cable text and from its curated annotation
(``data/annotations/<ID>/``), so a remixed cable gets a clear "not available
for this cable" instead of a wrong verdict.
"""

from __future__ import annotations

import re
from typing import Any

from . import Feedback, exercise
from ._helpers import fold, same_number

__all__ = ["LARGEST_SINGLE_DAY_RECOGNITIONS", "cable_one_day_count", "precedent_opponents"]

#: The largest number of formal recognitions of Kosovo on any single day (18 Feb
#: 2008: Afghanistan, Albania, France, Turkey, the United Kingdom, the United
#: States). Source: background-facts.md, from Wikipedia revisions of Feb and Nov
#: 2008 and published chronologies (see data/timeline.csv).
LARGEST_SINGLE_DAY_RECOGNITIONS = 6

_ONE_DAY = re.compile(r"in only one day\s+(\d+)\s+states", re.I)


def cable_one_day_count(cable: Any) -> int | None:
    """The cable's "in only one day N states had already recognized" number, if it has one."""
    match = _ONE_DAY.search(cable.text)
    return int(match.group(1)) if match else None


def precedent_opponents(cable: Any) -> set[str] | None:
    """Holders AGAINST claim C3 ("Kosovo is not a precedent for NK"), or None without claims."""
    from ...analysis.argument import has_curated_claims, load_argument

    if not has_curated_claims(cable.id):
        return None
    data = load_argument(cable)
    try:
        claim = data.claim("C3")
    except KeyError:
        return None
    return {e.holder for e in claim.evidence if e.stance == "AGAINST"}


@exercise(
    "04.1",
    prompt="Recall: according to the cable (Vugar Seyidov on Day.Az), how many states had "
    "recognised Kosovo 'in only one day'?",
    level="recall",
)
def one_day_count(answer: Any, cable: Any) -> Feedback:
    expected = cable_one_day_count(cable)
    if expected is None:
        return Feedback(False, "this cable has no 'in only one day … states' sentence.", "")
    return same_number(
        answer,
        expected,
        right=f"the cable reports {expected} states in one day (paragraph 4).",
        hint="Paragraph 4, the last sentence: Seyidov on the news portal Day.Az.",
    )


@exercise(
    "04.2",
    prompt="Analysis: which holders are AGAINST the claim 'Kosovo is not a precedent for "
    "Nagorno-Karabakh' (C3)? Give their names or actor ids, separated by commas.",
    level="analysis",
)
def c3_opponents(answer: Any, cable: Any) -> Feedback:
    expected = precedent_opponents(cable)
    if expected is None:
        return Feedback(False, f"{cable.id} has no curated claim C3, so this check cannot run.", "")
    from ...analysis.argument import load_argument

    data = load_argument(cable)
    accepted = {holder: {fold(holder), fold(data.actor_name(holder))} for holder in expected}
    surnames = {holder: fold(data.actor_name(holder)).split()[-1] for holder in expected}
    parts = [fold(p) for p in re.split(r"[,;]\s*|\s+and\s+", str(answer)) if p.strip()]
    found, unknown = set(), []
    for part in parts:
        match = [h for h in expected if part in accepted[h] or part == surnames[h]]
        if match:
            found.update(match)
        else:
            unknown.append(part)
    if found == expected and not unknown:
        names = ", ".join(sorted(data.actor_name(h) for h in expected))
        return Feedback(
            True, f"{names}: one argues a general precedent, one is reported to expect it."
        )
    missing = len(expected - found)
    message = f"{len(found)} of {len(expected)} found"
    if unknown:
        message += f"; not AGAINST C3 (or not an actor): {', '.join(unknown)}"
    return Feedback(
        False,
        message + ".",
        "Read paragraph 2: who says Kosovo 'sets a clear precedent', and whose 'skeptical that … "
        "will not serve as a precedent' is a double negative?"
        if missing
        else "Someone you named holds C3 in FAVOR, or is only reporting someone else's view.",
    )


@exercise(
    "04.3",
    prompt="Source criticism: the record shows at most 6 formal recognitions of Kosovo on any "
    "single day. By how many does the cable's one-day count exceed that?",
    level="analysis",
)
def recognition_gap(answer: Any, cable: Any) -> Feedback:
    claimed = cable_one_day_count(cable)
    if claimed is None:
        return Feedback(False, "this cable has no one-day recognition count to check.", "")
    gap = claimed - LARGEST_SINGLE_DAY_RECOGNITIONS
    feedback = same_number(
        answer,
        gap,
        right=f"{claimed} − {LARGEST_SINGLE_DAY_RECOGNITIONS} = {gap}. Now explain the gap: "
        "announced intentions counted as recognitions? A commentator's rhetoric relayed unchecked?",
        hint=f"The cable says {claimed}; subtract the largest single-day count of the record.",
    )
    return feedback


_WORRY = ("worr", "fear", "concern", "anxi", "afraid")
_TARGET = ("precedent", "recogni", "karabakh", "nk", "peace process")


@exercise(
    "04.4",
    prompt="Open question: in one or two sentences, what does the Embassy's Comment "
    "(paragraph 5) say about the GOAJ that its official statements do not?",
    level="open",
    needs_cable=False,
)
def comment_reading(answer: Any, cable: Any) -> Feedback:
    text = fold(answer)
    words = len(text.split())
    has_worry = any(stem in text for stem in _WORRY)
    has_target = any(stem in text for stem in _TARGET)
    if words < 10:
        return Feedback(False, f"{words} words: say a little more.", "Aim for 15–40 words.")
    if has_worry and has_target:
        return Feedback(
            True,
            "You name the private worry behind the public denial. Compare your answer with the "
            "solution and discuss: is 'deeply worried' the Embassy's reading or the GOAJ's words?",
        )
    return Feedback(
        False,
        "There is no single right answer, but yours does not yet say what the GOAJ is said to "
        "feel, and about what.",
        "The Comment says the GOAJ is 'deeply worried' that support for Kosovo could lead to "
        "recognition of the 'Nagorno Karabakh Republic'. Officially, Kosovo is 'no precedent'.",
    )
