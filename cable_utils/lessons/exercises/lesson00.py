"""Self-checks of lesson 00: a first look at the cable. Every one works on any cable."""

from __future__ import annotations

import re
from typing import Any

from . import HOME_CABLE, exercise, solution
from .checking import _place_variants, _words, post_answer, same_number
from .feedback import Feedback, ModelAnswer, Point
from .reading import compare_open

__all__: list[str] = []

SENDER_HINT = "Look for the line that starts with FM in the summary card or the header."


def needs_origin(cable: Any) -> str | None:
    if not cable.origin:
        return (
            "this copy has no FM line, so the check cannot know which post sent it "
            "(copies of older cables often lost their transmission header)."
        )
    return None


def numbered_paragraphs(cable: Any) -> list[Any]:
    return [p for p in cable.paragraphs if p.number is not None]


def needs_numbered_paragraphs(cable: Any) -> str | None:
    if not numbered_paragraphs(cable):
        return (
            "the reader found no numbered paragraphs in this copy, so the check has no count "
            "it can trust."
        )
    return None


@exercise(
    "00.1",
    prompt="Which post sent this cable? (as written on the FM line, or in plain words)",
    level="recall",
    requires=needs_origin,
    instead="Read the banner line (C O N F I D E N T I A L BAKU 000151): its place name is "
    "usually the sending post.",
)
def sender(answer: Any, cable: Any) -> Feedback:
    return post_answer(
        answer, cable.origin, right=f"the FM line reads 'FM {cable.origin}'.", hint=SENDER_HINT
    )


@solution("00.1")
def sender_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer("00.1", True, cable.origin, f"the FM line reads 'FM {cable.origin}'.")


@exercise(
    "00.2",
    prompt="How many numbered paragraphs does the cable have?",
    level="recall",
    accepts="number",
    requires=needs_numbered_paragraphs,
    instead="Count the paragraphs that start with a number yourself and compare with a classmate.",
)
def paragraph_count(answer: Any, cable: Any) -> Feedback:
    expected = len(numbered_paragraphs(cable))
    return same_number(
        answer,
        expected,
        right=f"the body has {expected} numbered paragraphs.",
        hint="The summary card has a 'Paragraphs' row; or count the lines that start with a "
        "number and a full stop.",
    )


@solution("00.2")
def paragraph_count_solution(cable: Any) -> ModelAnswer:
    numbers = [p.number for p in numbered_paragraphs(cable)]
    return ModelAnswer(
        "00.2",
        True,
        str(len(numbers)),
        f"the paragraphs are numbered {', '.join(map(str, numbers))}.",
        value=len(numbers),
    )


# ------------------------------------------------------------------------- 00.3 (open)

GIST_MODEL_08BAKU151 = (
    "The U.S. Embassy in Baku reports how Azerbaijan reacted to Kosovo's declaration of "
    "independence and why Baku fears a precedent for Nagorno-Karabakh."
)
_STOPWORDS = {
    "the", "and", "for", "with", "from", "that", "this", "into", "over", "about", "after",
    "before", "their", "its", "his", "her", "our", "your", "will", "would", "could", "should",
    "reaction", "request", "action", "cable", "update", "report",
}  # fmt: skip


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _names_in_cable(cable: Any) -> dict[str, str]:
    """{folded name: name} of places and actors the cable names.

    Its sending post, every country of the TAGS table whose name occurs in the
    text, and words the text capitalises in mid-sentence (Kosovo, Karabakh,
    Ibrahimov). A cable typed in capitals keeps only the first two.
    """
    from ...reference.codes import tags as tag_table

    names: dict[str, str] = {}
    if cable.origin:
        for variant in _place_variants(cable.origin):
            names[variant] = variant.title()
    text = cable.text
    folded_text = " " + " ".join(_words(text).split()) + " "
    for entry in tag_table().values():
        country = entry.get("description") or ""
        if entry.get("kind") == "geographic" and country and f" {_words(country)} " in folded_text:
            names[_words(country)] = country
    lower_words = set(re.findall(r"\b[a-z][a-z-]+\b", text))
    for match in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z]+(?:-[A-Z][a-z]+)?)", text):
        word = match.group(1)
        # a proper name: never written in lower case in this cable, and not a month
        if len(word) >= 4 and word.lower() not in lower_words and word[:3].lower() not in _MONTHS:
            names.setdefault(_words(word), word)
    return names


def _subject_words(cable: Any) -> set[str]:
    words = set(_words(cable.subject or "").split())
    return {w for w in words if len(w) >= 4 and w not in _STOPWORDS}


def needs_subject_or_text(cable: Any) -> str | None:
    if not cable.subject and not cable.paragraphs:
        return "this copy has neither a SUBJECT line nor paragraphs to summarise."
    return None


@exercise(
    "00.3",
    prompt="In one sentence: what is this cable about? Mention at least two places it names.",
    level="open",
    requires=needs_subject_or_text,
)
def gist(answer: Any, cable: Any) -> Feedback:
    text = str(answer)
    does, misses = compare_open(text, cable, want_quote=False, min_words=8)
    words = set(_words(text).split())
    joined = " " + " ".join(_words(text).split()) + " "
    names = _names_in_cable(cable)
    named = sorted({names[n] for n in names if f" {n} " in joined})
    if len(named) >= 2:
        does.append(
            Point("places", f"names places and actors the cable names: {', '.join(named[:6])}.")
        )
    else:
        examples = ", ".join(sorted(set(names.values()))[:6]) or "none"
        misses.append(
            Point(
                "places",
                f"names {'one' if named else 'no'} place or actor the cable names; the model "
                f"names at least two (this cable names, for example, {examples}).",
            )
        )
    sender_words = (
        set().union(*(set(v.split()) for v in _place_variants(cable.origin)))
        if cable.origin
        else set()
    )
    if sender_words & words:
        does.append(Point("sender", f"says who reports: {cable.origin}."))
    else:
        misses.append(
            Point("sender", f"the model says who reports ({cable.origin or 'the post'}).")
        )
    shared = sorted(_subject_words(cable) & words)
    if shared:
        does.append(
            Point("subject", f"picks up the SUBJECT line's words: {', '.join(shared[:5])}.")
        )
    elif cable.subject:
        misses.append(Point("subject", f"compare with the SUBJECT line: {cable.subject}."))
    return Feedback.saved(
        "compare your sentence with the model answer and with the SUBJECT line: what does "
        "each leave out?",
        does=does,
        misses=misses,
    )


@solution("00.3")
def gist_solution(cable: Any) -> ModelAnswer:
    if cable.id == HOME_CABLE:
        return ModelAnswer(
            "00.3",
            True,
            GIST_MODEL_08BAKU151,
            "it says who reports (the Embassy in Baku), on what (Azerbaijan's reaction to "
            "Kosovo) and why it matters (the Nagorno-Karabakh precedent).",
            written_for=HOME_CABLE,
        )
    sender = cable.origin or "the sending post"
    subject = (cable.subject or "").strip().rstrip(".")
    return ModelAnswer(
        "00.3",
        True,
        f"{sender} reports: {subject.capitalize()}." if subject else f"{sender} reports.",
        "built from this cable's FM and SUBJECT lines: a starting point, not a summary. A good "
        "sentence adds who acts and why it matters, in your own words.",
    )
