"""Self-checks of lesson 05: remix the tour onto your own cable.

Every expected answer is computed from the cable the student chose, so the
same exercises work on any cable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import Feedback, exercise
from ._helpers import fold


@exercise(
    "05.1",
    prompt="Which Executive Order does your cable's E.O. line name? (a number, or 'none')",
    level="recall",
)
def executive_order(answer: Any, cable: Any) -> Feedback:
    expected = cable.eo or "none"
    given = fold(answer).replace("e.o.", "").replace("eo", "").strip(" :.")
    if given == fold(expected):
        if cable.eo is None:
            return Feedback(True, "right: this copy has no E.O. line.")
        return Feedback(
            True,
            f"E.O. {expected}. Compare its years of force with the cable's date: "
            "was the line written when the cable was sent, or later?",
        )
    return Feedback(
        False,
        f"{answer!r} is not what the E.O. line says.",
        "Find the line that starts with 'E.O.' (or look at the 'era' row of the comparison table).",
    )


def header_parts_missing(cable: Any) -> set[str]:
    """Header parts 08BAKU151 has and this cable lacks (segment kinds)."""
    from ...analysis.remix import compare_structure

    frame = compare_structure(cable)
    parts = frame[(frame["aspect"] == "header part") & (frame["reference"] == "yes")]
    parts = parts[parts["this_cable"] == "no"]
    return {feature.split(":")[0] for feature in parts["feature"]}


@exercise(
    "05.2",
    prompt=(
        "Which header parts does 08BAKU151 have that your cable lacks? "
        "Give their names from the comparison table (e.g. vzczc, de_line), or 'none'."
    ),
    level="analysis",
)
def missing_parts(answer: Any, cable: Any) -> Feedback:
    expected = header_parts_missing(cable)
    if isinstance(answer, str):
        given = {fold(p).strip() for p in answer.replace(";", ",").split(",") if p.strip()}
    else:
        given = {fold(p).strip() for p in answer}
    given = {g.split(":")[0] for g in given} - {"none"}
    if given == {fold(e) for e in expected}:
        if not expected:
            return Feedback(True, "right: your cable has every part 08BAKU151 has.")
        return Feedback(
            True,
            f"{len(expected)} part(s): {', '.join(sorted(expected))}. What does their absence "
            "tell you about how this copy was made or when the cable was sent?",
        )
    missing = {fold(e) for e in expected} - given
    extra = given - {fold(e) for e in expected}
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"{len(extra)} not on the list ({', '.join(sorted(extra))})")
    return Feedback(
        False,
        "Not quite: " + " and ".join(parts) + ".",
        "In the comparison table, look at the 'header part' rows where 08BAKU151 says yes "
        "and your cable says no; the name is the word before the colon.",
    )


@exercise(
    "05.3",
    prompt="Write three claims, each with a holder, a stance and an exact quote from the cable.",
    level="analysis",
)
def three_claims(answer: Any, cable: Any) -> Feedback:
    from ...analysis.argument import STANCES, locate_quote

    if not isinstance(answer, list | tuple) or not all(isinstance(c, Mapping) for c in answer):
        return Feedback(
            False,
            "Give a list of claims, each a dict with claim, holder, stance and quote.",
            "Copy the shape of the example in the cell above.",
        )
    filled = [c for c in answer if str(c.get("claim") or "").strip() not in ("", "...")]
    if len(filled) < 3:
        return Feedback(False, f"{len(filled)} claim(s) written; three are asked for.", "")
    for index, claim in enumerate(filled, start=1):
        quote = " ".join(str(claim.get("quote") or "").split())
        if not quote or locate_quote(cable, quote) is None:
            return Feedback(
                False,
                f"claim {index}: the quote {quote[:40]!r} does not occur in the cable.",
                "Copy the words exactly (spaces and line breaks do not matter); "
                "leave out the paragraph number and marking.",
            )
        if not str(claim.get("holder") or "").strip():
            return Feedback(
                False, f"claim {index} has no holder.", "Use an id from your actor list."
            )
        if str(claim.get("stance") or "").upper() not in STANCES:
            return Feedback(False, f"claim {index}: the stance must be FAVOR, AGAINST or NONE.", "")
    return Feedback(
        True,
        "three claims, each anchored in the text. Now ask: is each one a proposition someone "
        "holds, or only a topic? Whose words are they: the holder's, or the reporter's?",
    )


@exercise(
    "05.4",
    prompt="Code at least three stances (actor × claim) with a one-line justification each.",
    level="analysis",
)
def stances_coded(answer: Any, cable: Any) -> Feedback:
    codes = getattr(answer, "codes", answer)
    if not isinstance(codes, Mapping):
        return Feedback(False, "Pass the coding (panel.state['coding']).", "")
    done = [key for key, (stance, note) in codes.items() if stance and str(note).strip()]
    if len(done) < 3:
        return Feedback(
            False,
            f"{len(done)} stance(s) with a justification so far; three are asked for.",
            "Choose an actor, then a stance for each claim, and type why in the box beside it.",
        )
    return Feedback(True, f"{len(done)} stances coded and saved; lesson 04 can reload them.")


@exercise(
    "05.5",
    prompt=(
        "In two or three sentences: how does your cable's form (era, header, markings) "
        "change what a historian can say with it, compared with 08BAKU151?"
    ),
    level="open",
)
def form_and_evidence(answer: Any, cable: Any) -> Feedback:
    words = fold(answer).split()
    if len(words) < 20:
        return Feedback(
            False,
            "Write two or three full sentences (at least 20 words).",
            "Start from one row of the comparison table where the two cables differ.",
        )
    cues = {"header", "marking", "markings", "era", "date", "classification", "paragraph",
            "paragraphs", "banner", "subject", "ref", "copy", "declassified", "e.o."}  # fmt: skip
    if not cues & set(words):
        return Feedback(
            False,
            "Your answer does not name a feature of the cable's form.",
            "Name at least one: the header, the markings, the date, the E.O. line, the REF line.",
        )
    return Feedback(True, "a workable answer; discuss it with someone who chose another cable.")
