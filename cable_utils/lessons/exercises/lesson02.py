"""Self-checks for lesson 02, reading the body. Answers come from the cable."""

from __future__ import annotations

import re
from typing import Any

from ...analysis.redaction import marking_meaning, simulate
from ...analysis.voices import paragraph_voices
from . import Feedback, exercise
from ._helpers import argued_answer, fold, same_set

__all__: list[str] = []


def _numbers(answer: Any) -> set[str] | None:
    if isinstance(answer, (list, tuple, set)):
        items = [str(item) for item in answer]
    else:
        items = re.split(r"[,;\s]+", str(answer))
    cleaned = {item.strip().lstrip("¶").strip() for item in items if item.strip()}
    if cleaned <= {"none", "no", "-"}:
        return set()
    return cleaned if all(item.isdigit() for item in cleaned) else None


def _same_numbers(answer: Any, expected: list[int], *, right: str, hint: str) -> Feedback:
    given = _numbers(answer)
    if given is None:
        return Feedback(False, f"{answer!r} is not a list of paragraph numbers.", hint)
    wanted = {str(n) for n in expected}
    if given == wanted:
        return Feedback(True, right)
    missing, extra = sorted(wanted - given, key=int), sorted(given - wanted, key=int)
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"¶{', ¶'.join(extra)} should not be there")
    return Feedback(False, "Not quite: " + " and ".join(parts) + ".", hint)


@exercise(
    "02.1",
    prompt="Recall: which portion marking does the first paragraph carry? Give the letters "
    "inside the brackets (for example U), or 'none'.",
    level="recall",
)
def first_marking(answer: Any, cable: Any) -> Feedback:
    if not cable.paragraphs:
        return Feedback(False, "no paragraphs were found in this text.", "")
    marking = cable.paragraphs[0].marking
    given = fold(str(answer).strip().strip("()"))
    if marking is None:
        ok = given in ("none", "no", "-")
        return Feedback(
            ok,
            "the first paragraph has no portion marking."
            if ok
            else "look again: the first paragraph has no marking.",
            "Answer 'none'.",
        )
    if given == fold(marking):
        return Feedback(True, f"({marking}): {marking_meaning(marking)}.")
    return Feedback(
        False,
        f"{answer!r} is not the marking of the first paragraph.",
        "The marking is in brackets right after the paragraph number: 1. (X)",
    )


@exercise(
    "02.2",
    prompt="Recall: which earlier cables does the REF line cite? Give their IDs "
    "(like 08BAKU146), or 'none'.",
    level="recall",
)
def reference_ids(answer: Any, cable: Any) -> Feedback:
    expected = [r.id for r in cable.references if r.id]
    if not expected:
        ok = fold(answer) in ("none", "no", "-")
        return Feedback(
            ok,
            "this cable cites no earlier cable." if ok else "there is no REF line.",
            "Answer 'none'.",
        )
    return same_set(
        [item.upper().replace(" ", "") for item in re.split(r"[,;]\s*|\s+and\s+", str(answer))]
        if isinstance(answer, str)
        else answer,
        expected,
        right=f"REF cites {', '.join(expected)}.",
        hint="An ID is the two-digit year, the post and the serial without leading zeros: "
        "BAKU 00146 in a 2008 cable is 08BAKU146.",
    )


@exercise(
    "02.3",
    prompt="Analysis: which paragraphs would a public release withhold? List their numbers.",
    level="analysis",
)
def public_withheld(answer: Any, cable: Any) -> Feedback:
    expected = simulate(cable, "public release").withheld_numbers
    return _same_numbers(
        answer,
        expected,
        right=f"withheld: ¶{', ¶'.join(map(str, expected))}."
        if expected
        else "nothing is withheld.",
        hint="Every paragraph not marked (U) is withheld from the public: "
        "look at the portion markings.",
    )


@exercise(
    "02.4",
    prompt="Analysis: what percentage of the body's words does a public reader lose? "
    "A whole number.",
    level="analysis",
)
def public_share(answer: Any, cable: Any) -> Feedback:
    result = simulate(cable, "public release")
    expected = round(result.share_lost * 100)
    try:
        given = float(str(answer).strip().rstrip("%"))
    except ValueError:
        return Feedback(False, f"{answer!r} is not a number.", "Give a percentage such as 40.")
    if given <= 1 and expected > 1:
        given *= 100  # a share such as 0.69
    if abs(given - expected) <= 1:
        return Feedback(True, f"{result.words_lost} of {result.words_total} words: {expected}%.")
    return Feedback(
        False,
        f"{given:g}% is {'too high' if given > expected else 'too low'}.",
        "Add up the words of the withheld paragraphs and divide by all the "
        "paragraphs' words (the paragraph browser shows word counts).",
    )


@exercise(
    "02.5",
    prompt="Analysis: which paragraphs give the Embassy's own comment (its "
    "'Comment' section)? List their numbers, or 'none'.",
    level="analysis",
)
def comment_paragraphs(answer: Any, cable: Any) -> Feedback:
    expected = [
        v.paragraph.number
        for v in paragraph_voices(cable)
        if v.voice == "Embassy's own comment" and v.paragraph.number is not None
    ]
    return _same_numbers(
        answer,
        expected,
        right="those paragraphs are the Embassy's own analysis."
        if expected
        else "this cable has no Comment section.",
        hint="Find the heading 'Comment' (or 'COMMENT:' inside a paragraph).",
    )


@exercise(
    "02.6",
    prompt="Open question: the reporting paragraphs quote officials and "
    "commentators; the Comment gives the Embassy's view. Where does the Embassy's own view "
    "already show in the reporting? Argue with quotations.",
    level="open",
)
def embassy_voice(answer: Any, cable: Any) -> Feedback:
    return argued_answer(
        answer,
        right="a case made from the text. There is no single right answer: "
        "compare word choices such as 'respected' or 'fulsome' with a classmate.",
        example="¶2, para 3",
    )
