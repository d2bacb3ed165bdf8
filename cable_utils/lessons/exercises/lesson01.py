"""Self-checks for lesson 01, the anatomy of a cable. Answers come from the cable."""

from __future__ import annotations

import re
from typing import Any

from . import Feedback, exercise
from ._helpers import OPEN_MIN_WORDS, fold, same_number, same_set, same_text

__all__: list[str] = []


@exercise(
    "01.1",
    prompt="Recall: which station sent the cable? Give the FM line's name as written.",
    level="recall",
)
def sender(answer: Any, cable: Any) -> Feedback:
    if not cable.origin:
        return Feedback(False, "this copy has no FM line; read the banner's origin instead.", "")
    return same_text(
        answer,
        cable.origin,
        right=f"the cable comes FM {cable.origin}.",
        hint="Look for the line that starts with FM, just under the date-time group.",
    )


@exercise(
    "01.2",
    prompt="Recall: how many information (INFO) addressees does the cable have?",
    level="recall",
)
def info_count(answer: Any, cable: Any) -> Feedback:
    return same_number(
        answer,
        len(cable.info),
        right=f"{len(cable.info)} addressees receive it for information.",
        hint="Count every line from INFO down to the classification banner: one addressee a line.",
    )


@exercise(
    "01.3",
    prompt="Analysis: decode the date-time group. When was the cable sent? "
    "Answer as YYYY-MM-DD HH:MM (UTC).",
    level="analysis",
)
def sent_at(answer: Any, cable: Any) -> Feedback:
    if cable.date is None:
        return Feedback(False, "this copy has no readable date-time group.", "")
    expected = cable.date.strftime("%Y-%m-%d %H:%M")
    given = re.sub(r"\s+", " ", str(answer).replace("T", " ").replace("Z", "")).strip()
    if given[:16] == expected:
        return Feedback(True, f"{cable.dtg} = {cable.date:%d %B %Y, %H:%M} UTC.")
    if given[:10] == expected[:10]:
        return Feedback(
            False,
            "the day is right; the time is not.",
            "The first six digits are day, hour, minute; Z means UTC.",
        )
    return Feedback(
        False,
        f"{given!r} is not the moment the DTG gives.",
        "DDHHMMZ MON YY: day, hour, minute, Z (UTC), month, two-digit year.",
    )


@exercise(
    "01.4",
    prompt="Analysis: which TAGS are geographic (country) codes? List them.",
    level="analysis",
)
def geographic_tags(answer: Any, cable: Any) -> Feedback:
    expected = [t.code for t in cable.tags if t.kind == "geographic"]
    if not expected:
        ok = fold(answer) in ("none", "no", "-")
        return Feedback(
            ok,
            "this cable has no geographic TAGS we can decode."
            if ok
            else "none of this cable's TAGS is a known country code.",
            "Answer 'none'.",
        )
    return same_set(
        answer,
        expected,
        right=f"{', '.join(expected)}: the country TAGS (not ISO codes!).",
        hint="Use the TAGS decoder table: the 'kind' column says which codes are geographic.",
    )


@exercise(
    "01.5",
    prompt="Open question: pick two INFO addressees and argue why the Embassy "
    "may have sent them the cable. Cite the cable's text.",
    level="open",
)
def why_info(answer: Any, cable: Any) -> Feedback:
    text = str(answer)
    words = len(text.split())
    names = [a.name for a in cable.info]
    mentioned = [n for n in names if fold(n.split()[-1]) in fold(text) or fold(n) in fold(text)]
    if words < OPEN_MIN_WORDS:
        return Feedback(
            False,
            f"{words} words: too short to argue a case.",
            f"Write at least {OPEN_MIN_WORDS} words: name the addressees, quote the "
            "cable, and say what is guesswork.",
        )
    quoted = bool(re.search(r"[\"“”']", text))
    if names and not mentioned and not quoted:
        return Feedback(
            False,
            "your answer neither names an INFO addressee nor quotes the cable.",
            "Name two of: " + ", ".join(names[:6]) + "; quote what in the cable concerns them.",
        )
    return Feedback(
        True,
        "there is no single right answer: no source we hold says why each addressee got it. "
        "Compare with a classmate: whose reasons rest on the cable's text?",
    )
