"""Self-checks of lesson 03, the actors.

03.1 says *Correct* only where the answer can be verified: against the curated
mention counts (``data/annotations/<ID>/mentions_expected.csv``, counted by hand
with the curated gazetteer), whatever list of actors the learner saved. Where a
cable has none, the counts are automatic: with a draft list nobody checked, the
check is not available; with the learner's own list (or a curated list without
hand counts), the answer is saved and compared with what the matcher counts,
flagged as unchecked, never *Correct*. 03.2–03.5 ask about 08BAKU151's words and
say so on any other cable.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from typing import Any

from ..._words import counted
from ...errors import CableError
from ...source.paths import DATA_DIR
from . import HOME_CABLE, exercise, solution
from .answers import fold, shown
from .checking import same_number
from .feedback import Feedback, ModelAnswer, Point
from .reading import Concept, compare_open

__all__ = ["mention_counts"]


def _gazetteer(cable: Any):
    from ...analysis.actors import load_gazetteer

    return load_gazetteer(cable)


def _curated_counts(cable_id: str | None) -> Counter[str] | None:
    path = DATA_DIR / "annotations" / (cable_id or "-") / "mentions_expected.csv"
    if not cable_id or not path.is_file():
        return None
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                counts[row["actor"]] += int(row["count"])
            except (KeyError, ValueError):
                continue
    return counts


def mention_counts(cable: Any) -> tuple[dict[str, int], str, Any]:
    """Mentions per person: ``(counts, where they come from, gazetteer)``.

    The curated counts (with the curated gazetteer) where the cable has them,
    even when the learner saved a list of their own: they are the ones checked
    by hand. Otherwise the matcher's counts with the lesson's gazetteer.
    """
    from ...analysis.actors import find_mentions, load_gazetteer

    curated = _curated_counts(cable.id)
    if curated is not None:
        try:
            gazetteer = load_gazetteer(cable, source="curated")
        except CableError:
            gazetteer = None
        if gazetteer is not None:
            people = {a.id for a in gazetteer.actors if a.type == "person"}
            return {a: curated.get(a, 0) for a in people}, "the curated mention counts", gazetteer
    gazetteer = _gazetteer(cable)
    people = {a.id for a in gazetteer.actors if a.type == "person"}
    found = Counter(m.actor_id for m in find_mentions(cable, gazetteer))
    return (
        {a: found.get(a, 0) for a in people},
        f"mentions found automatically with {gazetteer.described}",
        gazetteer,
    )


def counts_are_checked(where: str) -> bool:
    """True when the counts were made by hand (the only ones a 'Correct' can rest on)."""
    return where == "the curated mention counts"


def needs_people(cable: Any) -> str | None:
    counts, where, gazetteer = mention_counts(cable)
    if not counts_are_checked(where) and gazetteer.source == "draft":
        return (
            "this cable's list of actors is a draft that nobody has checked, so the check cannot "
            "know who the people are (a draft can list a place as a person, or split one person "
            "in two)."
        )
    if not counts or max(counts.values()) == 0:
        return f"no person was found in this cable with {gazetteer.described}."
    return None


def _forms(actor: Any) -> set[str]:
    forms = {fold(actor.id), fold(actor.id.replace("_", " ")), *(fold(n) for n in actor.names)}
    forms |= {f.split()[-1] for f in list(forms) if len(f.split()) > 1}  # the surname alone
    return {re.sub(r"^(?:the|mr|mrs|ms|dr)\.?\s+", "", f) for f in forms}


_MOST_MENTIONED_HINT = (
    "Sort the mentions table by actor, or open the actor explorer: the list is ordered by the "
    "number of mentions (people only: a country is not a person)."
)


def _unchecked_comparison(
    given: str, answer: Any, counts: dict[str, int], where: str, gazetteer: Any
) -> Feedback:
    """With automatic counts: saved and compared, flagged as unchecked, never 'Correct'."""
    best = max(counts.values())
    winners = [gazetteer[a] for a, n in counts.items() if n == best]
    names = " and ".join(a.name for a in winners)
    flag = Point(
        "unchecked",
        f"these counts are automatic ({where}): nobody has checked the list or the matches, so "
        "this is a comparison, not a verdict. Check the mentions table before you trust it.",
    )
    if any(given in _forms(actor) for actor in winners):
        does = [Point("automatic_top", f"names the person the matcher counts most: {names} "
                                       f"({counted(best, 'mention')}).")]  # fmt: skip
        return Feedback.saved("compared with the automatic count.", does=does, misses=[flag])
    named = [a for a in gazetteer.actors if a.type == "person" and given in _forms(a)]
    said = (
        f"{named[0].name} has {counts.get(named[0].id, 0)} automatic mentions"
        if named
        else f"{shown(answer)} is not a person in this list of actors"
    )
    misses = [Point("automatic_top", f"{said}; the matcher counts {names} most ({best})."), flag]
    return Feedback.saved("compared with the automatic count.", misses=misses)


@exercise(
    "03.1",
    prompt="Recall: which person is mentioned most often in this cable (names, titles, "
    "back-references and 'he' all count)? Type the name.",
    level="recall",
    requires=needs_people,
    instead="Correct the draft list of actors and save it as your gazetteer (section 6, or "
    "lesson 05): then this check compares your answer with what the matcher counts with your "
    "list (flagged as unchecked).",
)
def most_mentioned(answer: Any, cable: Any) -> Feedback:
    counts, where, gazetteer = mention_counts(cable)
    given = re.sub(r"^(?:the|mr|mrs|ms|dr)\.?\s+", "", fold(answer).strip(" ."))
    if not counts_are_checked(where):
        return _unchecked_comparison(given, answer, counts, where, gazetteer)
    best = max(counts.values())
    winners = [gazetteer[a] for a, n in counts.items() if n == best]
    if any(given in _forms(actor) for actor in winners):
        names = " and ".join(a.name for a in winners)
        return Feedback.right(f"{names}: {counted(best, 'mention')} ({where}).")
    others = {a.id: a for a in gazetteer.actors if a.type == "person"}
    named = [a for a in others.values() if given in _forms(a)]
    if named:
        return Feedback.not_yet(
            f"{named[0].name} has {counted(counts.get(named[0].id, 0), 'mention')}; someone has more.",
            _MOST_MENTIONED_HINT,
        )
    return Feedback.not_yet(
        f"{shown(answer)} is not a person in this cable's list of actors.", _MOST_MENTIONED_HINT
    )


@solution("03.1")
def most_mentioned_solution(cable: Any) -> ModelAnswer:
    counts, where, gazetteer = mention_counts(cable)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    best = ranked[0][1]
    names = [gazetteer[a].name for a, n in ranked if n == best]
    runners = ", ".join(f"{gazetteer[a].name} {n}" for a, n in ranked[len(names) : len(names) + 3])
    caveat = (
        ""
        if counts_are_checked(where)
        else " Unchecked: automatic counts with a list nobody has checked; verify in the "
        "mentions table."
    )
    return ModelAnswer(
        "03.1",
        True,
        " / ".join(names),
        f"{counted(best, 'mention')} ({where}); next: {runners or 'nobody'}.{caveat}",
    )


def _curated_actor(actor_id: str) -> Any:
    from ...analysis.actors import load_gazetteer

    return load_gazetteer(HOME_CABLE, source="curated")[actor_id]


@exercise(
    "03.2",
    prompt="Recall: how many different spellings or forms of the MFA spokesperson's name does "
    "the cable use (full names and surnames; not titles or 'he')?",
    level="recall",
    accepts="number",
    only_for=HOME_CABLE,
    instead="In your cable, pick a person in the actor explorer and count the forms on the "
    "line 'written as': does a plain text search find them all?",
)
def spokesperson_forms(answer: Any, cable: Any) -> Feedback:
    forms = _spokesperson_forms(cable)
    return same_number(
        answer,
        len(forms),
        right=f"{len(forms)}: {', '.join(sorted(forms))}. A plain string search for one spelling "
        "would miss the others.",
        hint="Pick the spokesperson in the actor explorer and read the line 'written as'.",
    )


def _spokesperson_forms(cable: Any) -> set[str]:
    """Curated: the name forms of khazar_ibrahimov in mentions_expected.csv with a count > 0."""
    path = DATA_DIR / "annotations" / HOME_CABLE / "mentions_expected.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["surface"]
            for row in csv.DictReader(handle)
            if row["actor"] == "khazar_ibrahimov"
            and row["kind"] == "name"
            and int(row["count"]) > 0
        }


@solution("03.2")
def spokesperson_forms_solution(cable: Any) -> ModelAnswer:
    forms = sorted(_spokesperson_forms(cable))
    return ModelAnswer(
        "03.2",
        True,
        str(len(forms)),
        f"the curated mention counts list {', '.join(forms)}: a full name, a second spelling "
        "and the surname.",
        value=len(forms),
    )


def _guluzade_world_order(cable: Any) -> Any | None:
    path = DATA_DIR / "annotations" / HOME_CABLE / "statements.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["speaker"] == "vafa_guluzade" and "world order" in row["quote"]:
                return row
    return None


@exercise(
    "03.3",
    prompt="Analysis: which reporting verb does the cable use for Vafa Guluzade's view that the "
    "U.S., not Russia, determines the world order? Type the verb.",
    level="analysis",
    only_for=HOME_CABLE,
    instead="In your cable's who-said-what table, pick one statement and ask which verb frames "
    "it, and what a different verb would do.",
)
def guluzade_verb(answer: Any, cable: Any) -> Feedback:
    row = _guluzade_world_order(cable)
    verb = row["verb"]
    given = fold(answer).strip(" .'\"")
    if given == fold(verb) or given in (f"he {verb}", f"guluzade {verb}"):
        return Feedback.right(
            f"'{verb}'. Compare 'noted' (Seyidov) or 'said' (Ismailzade): 'claimed' keeps a "
            "distance from what is reported. Is that the Embassy's doubt, or just variety?"
        )
    if given in ("claim", "claims", "claiming"):
        return Feedback.right(
            f"'{verb}' (as written). 'Claimed' keeps a distance from what is reported."
        )
    if given in ("disavowing", "disavowed", "disavow"):
        return Feedback.not_yet(
            "'disavowing' introduces what he denies about Karabakh, not his view of the world order.",
            "Read on in the same sentence of ¶4.",
        )
    return Feedback.not_yet(
        f"{shown(answer)} is not the verb before his words.",
        "Open Vafa Guluzade in the actor explorer; the statements list shows each verb.",
    )


@solution("03.3")
def guluzade_verb_solution(cable: Any) -> ModelAnswer:
    row = _guluzade_world_order(cable)
    return ModelAnswer(
        "03.3",
        True,
        row["verb"],
        f"¶{row['paragraph']}: Vafa Guluzade {row['verb']} that {row['quote']} (curated "
        "statements.csv).",
    )


@exercise(
    "03.4",
    prompt="Analysis: in paragraph 2, 'Baku cannot expect to rely on outside actors'. What does "
    "'Baku' stand for here? Answer: city, government or state.",
    level="analysis",
    only_for=HOME_CABLE,
    instead="Look for a capital city used as an actor in your cable ('Tehran insists …') and "
    "ask what it stands for.",
)
def baku_metonym(answer: Any, cable: Any) -> Feedback:
    given = fold(answer)
    says_city = bool(re.search(r"\bcity\b|\bcapital\b", given))
    says_polity = bool(
        re.search(r"\b(government|goaj|state|azerbaijan|country|authorities)\b", given)
    )
    negated_city = bool(re.search(r"\bnot\s+(?:the\s+)?city\b", given))
    figure = bool(re.search(r"\bstand(?:s|ing)? for\b|\bmetonym", given))
    if says_polity and (not says_city or negated_city or figure):
        return Feedback.right(
            "the city stands for the Azerbaijani state or its government (metonymy). An event "
            "coder must decide which; the gazetteer lists 'Baku' as a metonym of both."
        )
    if says_city and says_polity:
        return Feedback.not_yet(
            "you name both the city and the state: which one is meant here?",
            "A city cannot 'expect to rely on outside actors'.",
        )
    if says_city:
        return Feedback.not_yet(
            "a city cannot 'expect to rely on outside actors'.",
            "Who decides whether to rely on the U.S. or the EU?",
        )
    return Feedback.not_yet(f"{shown(answer)}: answer city, government or state.", "")


@solution("03.4")
def baku_metonym_solution(cable: Any) -> ModelAnswer:
    goaj = _curated_actor("goaj")
    return ModelAnswer(
        "03.4",
        True,
        "the government (the state acting through it)",
        "metonymy: the capital stands for those who decide; the curated gazetteer lists "
        f"'Baku' among the metonym forms of {goaj.name}.",
    )


WHO_SPEAKS_MODEL_08BAKU151 = (
    "Officially the MFA speaks: Ibrahimov \"characterized Kosovo's independence as a "
    '"unilateral" violation" (¶1) and the Foreign Minister told the Ambassador about the '
    'peacekeepers (¶5). Unofficially, commentators the Embassy calls "respected" say Kosovo '
    '"sets a clear precedent" (¶2). A coder would miss "Khazar Ibrahim" as the same man, '
    'read "Baku" as a city, and might code Mammadov\'s "may state" as a U.S. statement.'
)
_WHO_SPEAKS = (
    Concept("official", "names an official voice (the MFA, its spokesperson, a minister)",
            ("mfa", "ministry", "spokes", "ibrahim", "khalafov", "jahangirli", "mammadyarov",
             "official", "goaj", "government")),
    Concept("unofficial", "names an unofficial voice (a commentator, the press)",
            ("commentator", "ismailzade", "mammadov", "guluzade", "musabeyov", "seyidov", "analyst",
             "press", "media", "unofficial")),
    Concept("coder", "says what an event coder would miss (an alias, a metonym, nested speech)",
            ("alias", "spelling", "metonym", "nested", "coder", "ibrahim", "baku", "may state")),
)  # fmt: skip


@exercise(
    "03.5",
    prompt="Open: who speaks for Azerbaijan in this cable? Compare the official voices with the "
    "unofficial ones, and say what an event-data coder would miss (aliases, metonymy, nested "
    "speech). Cite a paragraph or a quotation.",
    level="open",
    only_for=HOME_CABLE,
    instead="Ask the same of your cable: who speaks for the country it reports on? Sort the "
    "speakers with the voice sorter and discuss your answer with a classmate.",
)
def who_speaks(answer: Any, cable: Any) -> Feedback:
    does, misses = compare_open(
        answer, cable, paragraphs=(1, 2, 5), concepts=_WHO_SPEAKS, want_quote=True, min_words=25
    )
    return Feedback.saved(
        "compare with the model answer and the voice sorter's reference.", does=does, misses=misses
    )


@solution("03.5")
def who_speaks_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "03.5",
        True,
        WHO_SPEAKS_MODEL_08BAKU151,
        "it sets official against unofficial voices with quotations and names three coder "
        "pitfalls.",
        written_for=HOME_CABLE,
    )
