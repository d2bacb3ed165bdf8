"""Self-checks for lesson 03, the actors. Answers are computed from the cable and its gazetteer."""

from __future__ import annotations

import re
from typing import Any

from . import Feedback, exercise
from ._helpers import argued_answer, fold, same_number

__all__: list[str] = []


def _gazetteer_and_mentions(cable: Any):
    from ...analysis.actors import find_mentions, load_gazetteer

    gazetteer = load_gazetteer(cable)
    return gazetteer, find_mentions(cable, gazetteer)


def _most_mentioned_person(cable: Any) -> tuple[str, list[str]] | None:
    gazetteer, mentions = _gazetteer_and_mentions(cable)
    counts = {
        a.id: sum(1 for m in mentions if m.actor_id == a.id)
        for a in gazetteer.actors
        if a.type == "person"
    }
    if not counts or max(counts.values()) == 0:
        return None
    best = max(counts.values())
    winners = [gazetteer[a] for a, n in counts.items() if n == best]
    forms = [fold(form) for actor in winners for form in (*actor.names, actor.id)]
    return winners[0].name, forms


@exercise(
    "03.1",
    prompt="Recall: which person is mentioned most often in this cable (names, titles, "
    "back-references and 'he' all count)? Type the name.",
    level="recall",
)
def most_mentioned(answer: Any, cable: Any) -> Feedback:
    found = _most_mentioned_person(cable)
    if found is None:
        return Feedback(False, "no person was found in this cable's gazetteer.", "")
    name, forms = found
    given = fold(answer)
    if given in forms or any(given and given == form.split()[-1] for form in forms):
        return Feedback(True, f"{name}: the actor explorer's list starts with them.")
    return Feedback(
        False,
        f"{answer!r} is not the most mentioned person.",
        "Sort the mentions table by actor, or open the actor explorer: the list is ordered "
        "by the number of mentions (people only — Kosovo is not a person).",
    )


@exercise(
    "03.2",
    prompt="Recall: how many different spellings or forms of the MFA spokesperson's name "
    "does the cable use (full names and surnames; not titles or 'he')?",
    level="recall",
)
def spokesperson_forms(answer: Any, cable: Any) -> Feedback:
    gazetteer, mentions = _gazetteer_and_mentions(cable)
    if "khazar_ibrahimov" not in gazetteer:
        return Feedback(
            False,
            "this exercise needs the curated gazetteer of 08BAKU151 (the spokesperson is "
            "listed there); on another cable, skip it.",
            "",
        )
    forms = {
        m.surface
        for m in mentions
        if m.actor_id == "khazar_ibrahimov" and m.how not in ("title", "pronoun")
    }
    return same_number(
        answer,
        len(forms),
        right=f"{len(forms)}: {', '.join(sorted(forms))}. A plain string search for one "
        "spelling would miss the others.",
        hint="Pick the spokesperson in the actor explorer and read the line 'written as'.",
    )


_VERB_FAMILIES = {
    "neutral": {"said", "stated", "told", "noted", "commented", "reiterated", "reiterate", "state"},
    "distancing": {"claimed", "characterized", "suggested", "suggesting"},
}


@exercise(
    "03.3",
    prompt="Analysis: which reporting verb does the cable use for Vafa Guluzade's view that "
    "the U.S., not Russia, determines the world order? Type the verb.",
    level="analysis",
)
def guluzade_verb(answer: Any, cable: Any) -> Feedback:
    from ...analysis.actors import find_statements, load_gazetteer

    gazetteer = load_gazetteer(cable)
    said = [s for s in find_statements(cable, gazetteer) if "world order" in s.text]
    if not said:
        return Feedback(
            False, "this cable has no statement about the world order; skip this one.", ""
        )
    verb = said[0].verb
    if fold(answer) == fold(verb):
        return Feedback(
            True,
            f"'{verb}'. Compare 'noted' (Seyidov) or 'said' (Ismailzade): 'claimed' keeps a "
            "distance from what is reported. Is that the Embassy's doubt, or just variety?",
        )
    return Feedback(
        False,
        f"{answer!r} is not the verb before his words.",
        "Open Vafa Guluzade in the actor explorer; the statements list shows each verb.",
    )


@exercise(
    "03.4",
    prompt="Analysis: in paragraph 2, 'Baku cannot expect to rely on outside actors'. What "
    "does 'Baku' stand for here? Answer: city, government or state.",
    level="analysis",
)
def baku_metonym(answer: Any, cable: Any) -> Feedback:
    given = fold(answer)
    if re.search(r"\b(government|goaj|state|azerbaijan|country)\b", given):
        return Feedback(
            True,
            "the city stands for the Azerbaijani state or its government (metonymy). An "
            "event coder must decide which; the gazetteer lists 'Baku' as a metonym of both.",
        )
    if "city" in given:
        return Feedback(
            False,
            "a city cannot 'expect to rely on outside actors'.",
            "Who decides whether to rely on the U.S. or the EU?",
        )
    return Feedback(False, f"{answer!r}: answer city, government or state.", "")


@exercise(
    "03.5",
    prompt="Open: who speaks for Azerbaijan in this cable? Compare the official voices with "
    "the unofficial ones, and say what an event-data coder would miss (aliases, metonymy, "
    "nested speech). At least 25 words, citing a paragraph or a quotation.",
    level="open",
    needs_cable=False,
)
def who_speaks(answer: Any, cable: Any) -> Feedback:
    return argued_answer(
        answer,
        right="a case made from the text. There is no single right answer; compare yours with the "
        "voice sorter's reference and a classmate's.",
        example="¶2, para 4",
    )
