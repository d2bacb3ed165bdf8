"""Self-checks of lesson 05: remix the tour onto your own cable.

Every expected answer is computed from the cable the learner chose, so the
exercises work on any cable. 05.3–05.5 are open: your claims are saved in
``my_work/<ID>/claims.csv`` under ``S-`` ids (so they never collide with
curated or hand-written claim ids), your stances by the coder as you go, and
05.5 in ``my_work/<ID>/answers.csv``; the placeholders are never saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import HOME_CABLE, exercise, solution
from .answers import fold, is_placeholder, read_items, shown
from .feedback import Feedback, ModelAnswer, Point
from .reading import Concept, compare_open, find_quote

__all__ = ["filled_claims", "header_parts_missing"]


@exercise(
    "05.1",
    prompt="Which Executive Order does your cable's E.O. line name? (a number, or 'none')",
    level="recall",
)
def executive_order(answer: Any, cable: Any) -> Feedback:
    given_numbers = re.findall(r"\d{4,5}", str(answer))
    hint = (
        "Find the line that starts with 'E.O.' (or look at the 'era' row of the comparison table)."
    )
    if cable.eo is None:
        if not given_numbers and fold(answer).strip(" .") in (
            "none",
            "no",
            "-",
            "nothing",
            "no e.o. line",
        ):
            return Feedback.right("this copy has no E.O. line.")
        return Feedback.not_yet(f"{shown(answer)}: this copy has no E.O. line.", "Answer 'none'.")
    if given_numbers == [cable.eo] or set(given_numbers) == {cable.eo}:
        return Feedback.right(
            f"E.O. {cable.eo}. Compare its years of force with the cable's date: was the line "
            "written when the cable was sent, or later?"
        )
    if not given_numbers:
        return Feedback.not_yet(f"{shown(answer)} holds no order number.", hint)
    return Feedback.not_yet(f"E.O. {given_numbers[0]} is not what the E.O. line says.", hint)


@solution("05.1")
def executive_order_solution(cable: Any) -> ModelAnswer:
    from ...analysis.remix import era_of

    return ModelAnswer(
        "05.1", True, cable.eo or "none", f"the E.O. line; era: {era_of(cable)}.", value=cable.eo
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
    prompt="Which header parts does 08BAKU151 have that your cable lacks? Give their names "
    "from the comparison table (e.g. vzczc, de_line), or 'none'.",
    level="analysis",
    accepts="items",
)
def missing_parts(answer: Any, cable: Any) -> Feedback:
    expected = {fold(e) for e in header_parts_missing(cable)}
    given = {fold(p).split(":")[0].strip(" .").replace(" ", "_") for p in read_items(answer)}
    given -= {"none", "no", "-", "nothing", ""}
    if given == expected:
        if not expected:
            return Feedback.right("your cable has every header part 08BAKU151 has.")
        return Feedback.right(
            f"{len(expected)} part(s): {', '.join(sorted(expected))}. What does their absence "
            "tell you about how this copy was made or when the cable was sent?"
        )
    missing, extra = expected - given, given - expected
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"{len(extra)} not on the list ({', '.join(sorted(extra)[:5])})")
    return Feedback.not_yet(
        "Not quite: " + " and ".join(parts) + ".",
        "In the comparison table, look at the 'header part' rows where 08BAKU151 says yes and "
        "your cable says no; the name is the word before the colon.",
    )


@solution("05.2")
def missing_parts_solution(cable: Any) -> ModelAnswer:
    missing = sorted(header_parts_missing(cable))
    return ModelAnswer(
        "05.2",
        True,
        ", ".join(missing) or "none",
        "the 'header part' rows of the comparison table where 08BAKU151 says yes and this cable no.",
        value=missing,
    )


# ------------------------------------------------------------------------- 05.3 (open)

#: Student claim ids start with this, so they never collide with curated ids (C1, C2 …).
STUDENT_CLAIM_PREFIX = "S-"


def filled_claims(answer: Any) -> list[Mapping[str, Any]]:
    """The claims a learner actually wrote: a claim text or a quote that is not ``...``."""
    return [
        claim
        for claim in answer
        if isinstance(claim, Mapping)
        and not (is_placeholder(claim.get("claim")) and is_placeholder(claim.get("quote")))
    ]


@exercise(
    "05.3",
    prompt="Write three claims, each with a holder, a stance and an exact quote from the cable.",
    level="analysis",
    kind="open",
    accepts="claims",
    save=lambda answer, cable, feedback: _save_claims(answer, cable),
)
def three_claims(answer: Any, cable: Any) -> Feedback:
    from ...analysis.argument import STANCES

    if not all(isinstance(c, Mapping) for c in answer):
        return Feedback.not_yet(
            "give a list of claims, each a dict with claim, holder, stance and quote.",
            "Copy the shape of the example in the cell above.",
            kind="open",
        )
    claims = filled_claims(answer)
    if not claims:
        return Feedback.no_answer("open")
    does: list[Point] = []
    misses: list[Point] = []
    if len(claims) >= 3:
        does.append(Point("count", f"{len(claims)} claims written."))
    else:
        misses.append(Point("count", f"{len(claims)} claim(s) written; three are asked for."))
    texts = [" ".join(str(c.get("claim") or "").split()) for c in claims]
    quotes = [" ".join(str(c.get("quote") or "").split()) for c in claims]
    if len({fold(t) for t in texts}) < len(texts) or len({fold(q) for q in quotes}) < len(quotes):
        misses.append(
            Point(
                "distinct", "two claims (or two quotes) are the same: each claim should be its own."
            )
        )
    for index, (claim, text, quote) in enumerate(zip(claims, texts, quotes, strict=True), start=1):
        label = f"claim {index}"
        if len(text.split()) < 3:
            misses.append(
                Point(
                    "proposition",
                    f"{label}: {shown(text, 40)} is a topic, not a proposition someone holds.",
                )
            )
        if is_placeholder(quote) or not quote:
            misses.append(Point("quote", f"{label} has no quote."))
        else:
            found = find_quote(cable, quote)
            if not found.found:
                misses.append(
                    Point(
                        "quote_not_found",
                        f"{label}: the quote {shown(quote, 40)} does not occur in the cable.",
                    )
                )
            elif len(quote.split()) < 3:
                misses.append(
                    Point(
                        "quote",
                        f"{label}: the quote {shown(quote, 30)} is too short to be evidence (three words or more).",
                    )
                )
            else:
                where = f" (¶{found.paragraph})" if found.paragraph else ""
                does.append(Point("quote", f"{label}: the quote occurs in the cable{where}."))
        if is_placeholder(claim.get("holder")):
            misses.append(Point("holder", f"{label} has no holder (an actor id from your list)."))
        if str(claim.get("stance") or "").strip().upper() not in STANCES:
            misses.append(Point("stance", f"{label}: the stance must be FAVOR, AGAINST or NONE."))
    return Feedback.saved(
        "your claims are saved for lessons 04 and 05. Ask of each: is it a proposition someone "
        "holds, or only a topic? Whose words are they: the holder's, or the reporter's?",
        does=does,
        misses=misses,
    )


def _save_claims(answer: Any, cable: Any) -> str:
    from ...analysis.remix import save_claims, work_id

    claims = [
        {**claim, "claim_id": claim.get("claim_id") or f"{STUDENT_CLAIM_PREFIX}{index}"}
        for index, claim in enumerate(filled_claims(answer), start=1)
    ]
    return str(save_claims(claims, cable, work_id(cable)).path)


@solution("05.3")
def three_claims_solution(cable: Any) -> ModelAnswer:
    from ...analysis.remix import example_claims

    examples = example_claims(cable)
    if not examples:
        return ModelAnswer(
            "05.3",
            False,
            explanation="no sentence of this cable could serve as an example quote.",
            instead="pick three sentences yourself and copy them exactly.",
        )
    shown_claims = "\n".join(
        f"- claim: {c['claim']}\n  holder: {c['holder']} · stance: {c['stance']}\n  quote: “{c['quote']}”"
        for c in examples
    )
    return ModelAnswer(
        "05.3",
        True,
        shown_claims,
        "the shape of an answer only: a real claim is a proposition in your own words (not "
        "'paragraph N reports'), held by someone, with their exact words as evidence. Nothing "
        "here is saved.",
        value=examples,
    )


# ------------------------------------------------------------------------- 05.4 (open)


def _codes(answer: Any) -> dict[tuple[str, str], tuple[str, str]]:
    codes = getattr(answer, "codes", answer)
    found = {}
    for key, value in (codes or {}).items():
        if isinstance(value, (tuple, list)) and len(value) == 2:
            found[tuple(key) if isinstance(key, (tuple, list)) else (str(key), "")] = (
                str(value[0] or ""),
                str(value[1] or ""),
            )
    return found


@exercise(
    "05.4",
    prompt="Code at least three stances (actor × claim) with a one-line justification each.",
    level="analysis",
    kind="open",
    accepts="coding",
    save=lambda answer, cable, feedback: str(getattr(answer, "path", "") or ""),
)
def stances_coded(answer: Any, cable: Any) -> Feedback:
    codes = _codes(answer)
    coded = {key: value for key, value in codes.items() if value[0]}
    if not coded:
        return Feedback.no_answer(
            "open", "no stance coded yet: choose an actor, then a stance for each claim above."
        )
    justified = [key for key, (_stance, note) in coded.items() if note.strip()]
    does: list[Point] = []
    misses: list[Point] = []
    if len(justified) >= 3:
        does.append(Point("count", f"{len(justified)} stances coded with a justification."))
    else:
        misses.append(
            Point(
                "count",
                f"{len(justified)} stance(s) with a justification so far; three are asked for.",
            )
        )
    bare = [f"{a} × {c}" for (a, c), (_s, note) in coded.items() if not note.strip()]
    if bare:
        misses.append(Point("justification", f"no justification yet for {', '.join(bare[:4])}."))
    if not hasattr(answer, "path"):
        misses.append(
            Point("not_saved", "this coding was not made with the coder, so it is not saved.")
        )
    return Feedback.saved(
        "there is no reference coding for your own claims: compare yours with a classmate's and "
        "discuss each disagreement.",
        does=does,
        misses=misses,
    )


@solution("05.4")
def stances_coded_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "05.4",
        True,
        "For example: actor = the holder of your claim S-1, stance = FAVOR, justification = "
        "“they say it in ¶2: <their words>”. An actor who only reports a view is NONE toward it.",
        "the shape of an answer: a stance, and one line that points to the words it rests on. "
        "Nothing here is saved; code your own with the coder above.",
    )


# ------------------------------------------------------------------------- 05.5 (open)

_FORM_CONCEPTS = {
    "header part": Concept(
        "header",
        "names a difference in the header (VZCZC, DE line, routing, the DTG)",
        ("header", "vzczc", "de line", "routing", "transmission", "dtg", "date-time", "date time"),
    ),
    "portion markings used": Concept(
        "markings",
        "names the portion markings",
        ("marking", "portion", "(c)", "(u)", "(s)", "unmarked", "redact", "withheld", "public"),
    ),
    "era": Concept(
        "era",
        "names the era or the E.O. line",
        ("era", "e.o", "executive order", "declassif", "decade", "period", "older", "newer"),
    ),
    "banner level": Concept(
        "classification",
        "names the classification",
        ("classif", "confidential", "secret", "unclassified", "banner", "noforn"),
    ),
}
_COMPARES = Concept(
    "compares",
    "compares with 08BAKU151",
    ("08baku151", "baku", "unlike", "whereas", "compared", "while"),
)
_HISTORIAN = Concept(
    "evidence",
    "says what a historian can or cannot say with it",
    (
        "historian",
        "cannot",
        "can't",
        "can say",
        "tell",
        "know",
        "evidence",
        "source",
        "date",
        "when",
    ),
)


def needs_other_cable(cable: Any) -> str | None:
    if cable.id == HOME_CABLE:
        return "this question compares your cable with 08BAKU151, and the lesson is reading 08BAKU151 itself."
    return None


def _differences(cable: Any) -> list[str]:
    from ...analysis.remix import compare_structure

    frame = compare_structure(cable)
    different = frame[~frame["same"]]
    keys = []
    for _, row in different.iterrows():
        key = "header part" if row["aspect"] == "header part" else row["feature"]
        if key in _FORM_CONCEPTS and key not in keys:
            keys.append(key)
    return keys


@exercise(
    "05.5",
    prompt="In two or three sentences: how does your cable's form (era, header, markings) "
    "change what a historian can say with it, compared with 08BAKU151?",
    level="open",
    requires=needs_other_cable,
    instead="Choose another cable in the chooser at the top of the lesson, then come back here.",
)
def form_and_evidence(answer: Any, cable: Any) -> Feedback:
    differences = _differences(cable)
    concepts = [_FORM_CONCEPTS[key] for key in differences]
    does, misses = compare_open(
        answer, cable, concepts=(_COMPARES, _HISTORIAN), want_quote=False, min_words=20
    )
    folded = fold(answer)
    named = [c for c in concepts if c.in_text(folded)]
    if named:
        does += [
            Point(c.key, c.description + ": it differs between the two cables.") for c in named
        ]
    else:
        listed = "; ".join(c.description.removeprefix("names ") for c in concepts) or "none"
        misses.append(
            Point(
                "form", f"the model names a feature where the two cables differ (here: {listed})."
            )
        )
    return Feedback.saved(
        "compare with the model answer and with someone who chose another cable.",
        does=does,
        misses=misses,
    )


@solution("05.5")
def form_and_evidence_solution(cable: Any) -> ModelAnswer:
    from ...analysis.remix import compare_structure

    frame = compare_structure(cable)
    rows = frame[~frame["same"] & frame["aspect"].isin(["identity", "classification"])]
    diffs = "; ".join(
        f"{r.feature}: {r.this_cable} (08BAKU151: {r.reference})" for r in rows.itertuples()
    )
    missing = sorted(header_parts_missing(cable))
    return ModelAnswer(
        "05.5",
        True,
        "Name one difference of form and what it changes. For this cable: "
        + (diffs or "the identity and classification rows are the same as 08BAKU151's")
        + (f"; header parts missing here: {', '.join(missing)}." if missing else ".")
        + " Then say what a historian can (or cannot) say because of it: when it was sent, who "
        "saw it, what a public reader would lose.",
        "built from the comparison table; the argument is yours.",
    )
