"""Self-checks of lesson 02, reading the body. Expected answers come from the cable."""

from __future__ import annotations

import re
from typing import Any

from ..._words import counted
from ...analysis.redaction import marking_meaning, simulate
from . import HOME_CABLE, exercise, solution
from .answers import fold, read_items, read_number, shown
from .checking import read_paragraph_numbers, same_paragraph_numbers, same_set
from .feedback import Feedback, ModelAnswer, Point
from .reading import comment_paragraphs, compare_open

__all__ = ["comment_expectation", "first_numbered_paragraph", "reference_id"]


def first_numbered_paragraph(cable: Any) -> Any | None:
    numbered = [p for p in cable.paragraphs if p.number is not None]
    return numbered[0] if numbered else (cable.paragraphs[0] if cable.paragraphs else None)


def needs_paragraphs(cable: Any) -> str | None:
    if not cable.paragraphs:
        return "the reader found no paragraphs in this copy."
    return None


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


@exercise(
    "02.1",
    prompt="Recall: which portion marking does paragraph 1 carry? Give the letters inside the "
    "brackets (for example U), or 'none'.",
    level="recall",
    requires=needs_paragraphs,
)
def first_marking(answer: Any, cable: Any) -> Feedback:
    paragraph = first_numbered_paragraph(cable)
    marking = paragraph.marking
    given = _tokens(str(answer))
    hint = "The marking is in brackets right after the paragraph number: 1. (X)"
    if marking is None:
        if not given or given[0] in ("none", "no", "nothing", "unmarked"):
            return Feedback.right("paragraph 1 has no portion marking.")
        return Feedback.not_yet(f"{shown(answer)}: look again, paragraph 1 has no marking.", hint)
    meaning = marking_meaning(marking) or ""
    if given == _tokens(marking) or given == _tokens(f"({marking})"):
        return Feedback.right(f"({marking}): {meaning}.")
    # "Confidential", "C (Confidential)", "Secret/Noforn": the letters spelled out
    letters = _tokens(marking)
    spelled = {
        "c": "confidential", "s": "secret", "u": "unclassified", "nf": "noforn",
        "sbu": "sensitive", "ts": "top",
    }  # fmt: skip
    expanded = [spelled.get(t, t) for t in letters]
    if (
        given in (expanded, letters + expanded)
        or given[: len(letters)] == letters
        and set(given[len(letters) :]) <= set(_tokens(meaning)) | set(expanded)
    ):
        return Feedback.right(f"({marking}): {meaning}.")
    if given and given[0] in ("none", "no"):
        return Feedback.not_yet("paragraph 1 does carry a marking.", hint)
    return Feedback.not_yet(f"{shown(answer)} is not the marking of paragraph 1.", hint)


@solution("02.1")
def first_marking_solution(cable: Any) -> ModelAnswer:
    paragraph = first_numbered_paragraph(cable)
    if paragraph.marking is None:
        return ModelAnswer("02.1", True, "none", "paragraph 1 starts without a bracketed marking.")
    return ModelAnswer(
        "02.1",
        True,
        paragraph.marking,
        f"paragraph 1 opens with ({paragraph.marking}): {marking_meaning(paragraph.marking)}.",
    )


_REF_ITEM = re.compile(
    r"^(?:[a-z]\s*[.)]\s+)?(?:ref(?:tel)?\s*:?\s*)?(\d{2})?\s*([a-z][a-z ]*?[a-z])\s*0*(\d{1,6})$"
)


def reference_id(item: str, year: int | None) -> str | None:
    """A canonical cable ID from "08BAKU146", "BAKU 00146", "A. BAKU 00146" (year from the cable)."""
    folded = " ".join(fold(item).replace(".", ". ").split())
    match = _REF_ITEM.match(folded)
    if not match:
        return None
    yy = match.group(1) or (f"{year % 100:02d}" if year else None)
    if yy is None:
        return None
    return f"{yy}{match.group(2).replace(' ', '').upper()}{int(match.group(3))}"


def needs_readable_refs(cable: Any) -> str | None:
    if cable.references and not any(r.id for r in cable.references):
        return (
            "none of this copy's REF entries can be turned into a cable ID (without a date, "
            "the year of an entry such as BAKU 00146 is unknown)."
        )
    return None


@exercise(
    "02.2",
    prompt="Recall: which earlier cables does the REF line cite? Give their IDs (like "
    "08BAKU146, or BAKU 00146 as written), or 'none'.",
    level="recall",
    accepts="items",
    requires=needs_readable_refs,
    instead="Read the REF line yourself and write each entry as it stands (BAKU 00146).",
)
def reference_ids(answer: Any, cable: Any) -> Feedback:
    expected = [r.id for r in cable.references if r.id]
    unreadable = [r.text for r in cable.references if not r.id]
    year = cable.date.year if cable.date else None
    hint = (
        "An ID is the two-digit year, the post and the serial without leading zeros: BAKU "
        "00146 in a 2008 cable is 08BAKU146."
    )
    items = read_items(answer)
    if not cable.references:
        if all(fold(i) in ("none", "no", "-", "nothing") for i in items):
            return Feedback.right("this cable has no REF line: it cites no earlier cable.")
        return Feedback.not_yet("this cable has no REF line.", "Answer 'none'.")
    given, odd = [], []
    for item in items:
        canonical = reference_id(item, year)
        (given if canonical else odd).append(canonical or item)
    if unreadable:
        # Items the reader could not turn into an ID (an e-mail, a memo): extra items are not judged.
        missing = sorted(set(expected) - set(given))
        if missing:
            return Feedback.not_yet(f"Not quite: {len(missing)} missing.", hint)
        return Feedback.right(
            f"REF cites {', '.join(expected)}; the check cannot read "
            f"{'; '.join(unreadable)} as a cable ID, so anything else you listed is not judged."
        )
    if odd:
        return Feedback.not_yet(f"{shown(odd[0])} is not a cable ID.", hint)
    return same_set(given, expected, right=f"REF cites {', '.join(expected)}.", hint=hint)


@solution("02.2")
def reference_ids_solution(cable: Any) -> ModelAnswer:
    if not cable.references:
        return ModelAnswer("02.2", True, "none", "the cable has no REF line.")
    rows = [
        f"{r.label or ''} {r.text} = {r.id or '(not a cable ID)'}".strip() for r in cable.references
    ]
    return ModelAnswer(
        "02.2",
        True,
        ", ".join(r.id for r in cable.references if r.id) or "none",
        "the REF line, entry by entry: " + "; ".join(rows) + ".",
    )


def needs_markings(cable: Any) -> str | None:
    if not cable.paragraphs:
        return "the reader found no paragraphs in this copy."
    if cable.classification and "UNCLASSIFIED" in cable.classification.upper():
        return None  # nothing is withheld: an answer the check can verify
    if not any(p.marking for p in cable.paragraphs):
        return (
            "this copy has no portion markings, so the check cannot tell which paragraphs a "
            "public release would withhold."
        )
    return None


@exercise(
    "02.3",
    prompt="Analysis: which paragraphs would a public release withhold? List their numbers, or "
    "'none'.",
    level="analysis",
    accepts="items",
    requires=needs_markings,
)
def public_withheld(answer: Any, cable: Any) -> Feedback:
    expected = simulate(cable, "public release").withheld_numbers
    return same_paragraph_numbers(
        answer,
        expected,
        right=f"withheld: ¶{', ¶'.join(map(str, expected))}."
        if expected
        else "nothing is withheld.",
        hint="Every paragraph not marked (U) is withheld from the public: look at the portion "
        "markings.",
    )


@solution("02.3")
def public_withheld_solution(cable: Any) -> ModelAnswer:
    result = simulate(cable, "public release")
    numbers = result.withheld_numbers
    return ModelAnswer(
        "02.3",
        True,
        ", ".join(map(str, numbers)) or "none",
        "a public release keeps only paragraphs marked (U); the others are withheld.",
        value=numbers,
    )


@exercise(
    "02.4",
    prompt="Analysis: what percentage of the body's words does a public reader lose? A whole "
    "number.",
    level="analysis",
    accepts="number",
    requires=needs_markings,
)
def public_share(answer: Any, cable: Any) -> Feedback:
    result = simulate(cable, "public release")
    expected = round(result.share_lost * 100)
    value, problem = read_number(answer)
    hint = (
        "Add up the words of the withheld paragraphs and divide by all the paragraphs' words "
        "(the paragraph browser shows word counts)."
    )
    if value is None:
        return Feedback.not_yet(problem, "Give a percentage such as 40.")
    is_share = isinstance(answer, float) or bool(re.search(r"(?<!\d)0?\.\d", str(answer)))
    if 0 < value < 1 and is_share and not re.search(r"%|percent", str(answer)):
        value *= 100  # a share such as 0.69
    if value < 0 or value > 100:
        return Feedback.not_yet(f"{value:g}% is not a share of the words (0 to 100).", hint)
    exact = result.share_lost * 100
    if abs(value - exact) < 1:  # rounded or cut off: 68.6 % may be 69 or 68
        return Feedback.right(
            f"{result.words_lost:,} of {counted(result.words_total, 'word')}: {expected}%."
        )
    return Feedback.not_yet(f"{value:g}% is {'too high' if value > expected else 'too low'}.", hint)


@solution("02.4")
def public_share_solution(cable: Any) -> ModelAnswer:
    result = simulate(cable, "public release")
    expected = round(result.share_lost * 100)
    return ModelAnswer(
        "02.4",
        True,
        f"{expected}%",
        f"{result.words_lost:,} of {counted(result.words_total, 'word')} "
        f"{'is' if result.words_lost == 1 else 'are'} in withheld paragraphs.",
        value=expected,
    )


_INLINE_COMMENT_START = re.compile(r"^\W*(?:\([^)]{1,30}\)\s*)?comment\b", re.IGNORECASE)
_INLINE_COMMENT = re.compile(r"\(\s*comment\s*:|\bbegin comment\b", re.IGNORECASE)


def comment_expectation(cable: Any) -> tuple[set[int], set[int]]:
    """(paragraphs surely in the Comment, paragraphs that may be counted either way).

    A Comment under its own heading is certain. A Comment that starts inside a
    paragraph ("6. COMMENT. …") is certain for that paragraph; the paragraphs
    after it are uncertain unless an END COMMENT closes them. A parenthetical
    "(Comment: … End Comment.)" inside a reporting paragraph is uncertain too.
    """
    sure, maybe = set(), set()
    headed = comment_paragraphs(cable)
    inline_run = False
    for paragraph in cable.paragraphs:
        if paragraph.number is None:
            continue
        text = paragraph.text
        if _INLINE_COMMENT_START.match(text):
            sure.add(paragraph.number)
            inline_run = "end comment" not in fold(text)
            continue
        if paragraph.number in headed:
            if inline_run and "end comment" not in fold(text):
                maybe.add(paragraph.number)
            else:
                sure.add(paragraph.number)
            continue
        inline_run = False
        if _INLINE_COMMENT.search(text):
            maybe.add(paragraph.number)
    return sure, maybe


@exercise(
    "02.5",
    prompt="Analysis: which paragraphs give the Embassy's own comment (its 'Comment' section)? "
    "List their numbers, or 'none'.",
    level="analysis",
    accepts="items",
    requires=needs_paragraphs,
)
def comment_section(answer: Any, cable: Any) -> Feedback:
    sure, maybe = comment_expectation(cable)
    hint = "Find the heading 'Comment' (or 'COMMENT:' at the start of a paragraph)."
    numbers = read_paragraph_numbers(answer)
    if numbers is None:
        return Feedback.not_yet(f"{shown(answer)} is not a list of paragraph numbers.", hint)
    if sure <= numbers <= sure | maybe:
        note = (
            f" Where the Comment ends is not marked, so ¶{', ¶'.join(map(str, sorted(maybe)))} "
            "may be counted or not."
            if maybe
            else ""
        )
        base = (
            f"¶{', ¶'.join(map(str, sorted(sure)))}: the Embassy's own analysis."
            if sure
            else "this cable has no Comment section."
        )
        return Feedback.right(base + note)
    missing, extra = sorted(sure - numbers), sorted(numbers - sure - maybe)
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"¶{', ¶'.join(map(str, extra))} should not be there")
    return Feedback.not_yet("Not quite: " + " and ".join(parts) + ".", hint)


@solution("02.5")
def comment_section_solution(cable: Any) -> ModelAnswer:
    sure, maybe = comment_expectation(cable)
    answer = ", ".join(map(str, sorted(sure))) or "none"
    note = (
        f" ¶{', ¶'.join(map(str, sorted(maybe)))} may also be counted: where the Comment ends "
        "is not marked."
        if maybe
        else ""
    )
    return ModelAnswer(
        "02.5",
        True,
        answer,
        ("the paragraphs under the Comment heading (or opening with COMMENT)." if sure else
         "no paragraph is under a Comment heading.") + note,
    )  # fmt: skip


# ------------------------------------------------------------------------- 02.6 (open)

EMBASSY_VOICE_MODEL_08BAKU151 = (
    'In ¶2 the Embassy calls Fariz Ismailzade "a respected local commentator" and Ilgar '
    'Mammadov "Another respected local commentator": the adjective is the Embassy\'s judgment, '
    "and it lends weight to their view that Kosovo sets a precedent. In ¶1 the MFA's promised "
    '"more fulsome reaction" is the Embassy\'s word too, and "the first official reaction" '
    "is its framing."
)
_EVALUATIVE = (
    "respected", "fulsome", "claimed", "characterized", "underscored", "so-called", "popular",
    "adjective", "word choice", "judgment", "judgement", "framing", "verb", "the word", "drafter",
    "wording", "tone",
)  # fmt: skip


@exercise(
    "02.6",
    prompt="Open question: the reporting paragraphs quote officials and commentators; the "
    "Comment gives the Embassy's view. Where does the Embassy's own view already show in the "
    "reporting? Argue with quotations.",
    level="open",
    requires=needs_paragraphs,
)
def embassy_voice(answer: Any, cable: Any) -> Feedback:
    sure, _maybe = comment_expectation(cable)
    reporting = {p.number for p in cable.paragraphs if p.number is not None} - sure
    does, misses = compare_open(answer, cable, paragraphs=reporting, want_quote=True, min_words=25)
    folded = fold(answer)
    cues = [w for w in _EVALUATIVE if w in folded]
    if cues:
        does.append(Point("wording", f"looks at the Embassy's wording ({', '.join(cues[:3])})."))
    else:
        misses.append(
            Point(
                "wording",
                "the model points to a word that judges (an adjective, a reporting verb).",
            )
        )
    return Feedback.saved(
        "there is no single right answer: compare your quotations with the model answer's and a "
        "classmate's.",
        does=does,
        misses=misses,
    )


@solution("02.6")
def embassy_voice_solution(cable: Any) -> ModelAnswer:
    if cable.id == HOME_CABLE:
        return ModelAnswer(
            "02.6",
            True,
            EMBASSY_VOICE_MODEL_08BAKU151,
            "it quotes the Embassy's own words inside the reporting paragraphs and says what "
            "they do.",
            written_for=HOME_CABLE,
        )
    return ModelAnswer(
        "02.6",
        True,
        "A model answer for this cable quotes words in the reporting paragraphs that are the "
        "drafter's, not the speakers' (an adjective such as 'respected', a reporting verb such "
        "as 'claimed'), names the paragraph, and says what each word does to the report.",
        "no answer has been written for this cable; this is the shape one takes.",
    )
