"""Mentions: every place a gazetteer actor is named, titled, stood for or referred to.

Matching is case- and diacritic-folded and whole-word, and every mention says
*how* it matched (:data:`HOW`). Offsets point into ``cable.raw``:
``cable.raw[m.start:m.end] == m.surface``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..._arguments import GAZETTEER, takes
from ...model import Cable
from ...parse import takes_cable
from .folding import fold, form_pattern
from .gazetteer import Actor, Gazetteer, load_gazetteer
from .text import CableText, remembered, sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["HOW", "Mention", "find_mentions", "mentions_table"]

#: How a mention matched (the ``how`` column).
HOW = {
    "alias": "the name or one of its listed aliases",
    "title": "a title or role the gazetteer lists for the actor",
    "surname back-reference": "a surname alone, after the full name appeared earlier",
    "possessive": "a name or surname followed by 's",
    "metonym": "a word that can stand for the actor (Baku, Azerbaijani) — a judgement call",
    "pronoun": "he/she resolved to the nearest person before it; we/us/our to the reporting embassy",  # noqa: E501
}


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int  # raw offsets
    end: int
    surface: str
    how: str
    form: str  # the gazetteer form that matched
    paragraph: int | None
    part: str  # which part of the cable: paragraph, subject, classified_by, signature …
    possessive: bool = False
    may_stand_for: tuple[str, ...] = ()
    clean_start: int = field(default=0, compare=False)
    clean_end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class _Candidate:
    actor: Actor
    form: str
    kind: str  # alias / title / metonym
    start: int  # folded-text offsets
    end: int


_METONYM_PARTS = ("paragraph", "text", "subject")


def _candidates(text: CableText, gazetteer: Gazetteer) -> list[_Candidate]:
    found: list[_Candidate] = []
    alias_owner = {fold(name): actor.id for actor in gazetteer.actors for name in actor.names}
    # A metonym form listed for several actors ("Baku": the state and its
    # government) is searched once, for the state; the others become "may stand for".
    metonym_owner: dict[str, str] = {}
    for actor in sorted(gazetteer.actors, key=lambda a: a.type != "state"):
        for form in actor.metonym_forms:
            metonym_owner.setdefault(fold(form), actor.id)
    for actor in gazetteer.actors:
        forms = [(name, "alias") for name in actor.names]
        forms += [(title, "title") for title in actor.titles]
        # A metonym form that is another actor's name stays that actor's mention
        # (with a "may stand for" note); only free forms become metonym mentions.
        forms += [
            (form, "metonym")
            for form in actor.metonym_forms
            if fold(form) not in alias_owner and metonym_owner.get(fold(form)) == actor.id
        ]
        for form, kind in forms:
            if not fold(form).strip():
                continue
            for match in form_pattern(form).finditer(text.folded):
                found.append(_Candidate(actor, form, kind, match.start(), match.end()))
    return found


def _is_modifier_use(text: CableText, candidate: _Candidate) -> bool:
    """A lower-case one-word form used as an adjective after a possessive ("Ibrahimov's public statement")."""  # noqa: E501
    form = candidate.form
    if " " in form or not form.islower():
        return False
    before = text.folded[max(0, candidate.start - 4) : candidate.start]
    return bool(re.search(r"['’]s\s+$", before))


def _resolve_overlaps(text: CableText, candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest form wins within an actor; a nested form of another actor survives only as a modifier.  # noqa: E501

    "MFA" inside "MFA spokesperson" is kept (the ministry is named); "Foreign
    Minister" inside "Deputy Foreign Minister" and "Department" inside "MFA
    Security Affairs Department" are dropped: they end where the longer name
    ends, so they are its head noun, not a second actor.
    """
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if _is_modifier_use(text, candidate):
            continue
        drop = False
        for other in kept:
            if not (candidate.start < other.end and other.start < candidate.end):
                continue
            contained = other.start <= candidate.start and candidate.end <= other.end
            same_actor = other.actor.id == candidate.actor.id
            if same_actor or not contained or candidate.end == other.end:
                drop = True
                break
            if candidate.kind == other.kind == "title" or (
                candidate.start == other.start and candidate.end == other.end
            ):
                drop = True
                break
        if not drop:
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _resolve_shared_titles(
    text: CableText, candidates: list[_Candidate], gazetteer: Gazetteer
) -> list[_Candidate]:
    """A title listed for several actors goes to the one named nearest to it in its sentence."""
    owners: dict[str, list[str]] = {}
    for actor in gazetteer.actors:
        for title in actor.titles:
            owners.setdefault(fold(title), []).append(actor.id)
    result = []
    names = [c for c in candidates if c.kind == "alias"]
    for candidate in candidates:
        shared = owners.get(fold(candidate.form), [])
        if candidate.kind != "title" or len(shared) < 2:
            result.append(candidate)
            continue
        low, high = sentence_bounds(text.folded, candidate.start)
        nearby = [
            (min(abs(n.start - candidate.end), abs(candidate.start - n.end)), n.actor.id)
            for n in names
            if n.actor.id in shared and low <= n.start < high
        ]
        if not nearby:
            continue  # no way to tell whose title it is: better no mention than a wrong one
        chosen = min(nearby)[1]
        if chosen == candidate.actor.id:
            result.append(candidate)
    # a shared title yields one candidate per owner; keep one per span
    unique: dict[tuple[int, int], _Candidate] = {}
    for candidate in result:
        unique.setdefault((candidate.start, candidate.end), candidate)
    return sorted(unique.values(), key=lambda c: (c.start, c.end))


_PRONOUNS_PERSON = re.compile(r"(?<!\w)(he|she|him|her)(?!\w)")
_PRONOUNS_EMBASSY = re.compile(r"(?<!\w)(we|us|our)(?!\w)")


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def find_mentions(
    cable: Cable, gazetteer: Gazetteer | None = None, *, pronouns: bool = True
) -> list[Mention]:
    """Every mention of a gazetteer actor in the cable, in text order.

    Matching is case- and diacritic-folded and whole-word. Metonyms (a capital
    or an adjective standing for a state) are searched only in the subject and
    the body, where they are used as words rather than as station names.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    key = ("mentions", cable.raw, gazetteer, pronouns)
    return list(remembered(key, lambda: _find_mentions(cable, gazetteer, pronouns)))


def _find_mentions(cable: Cable, gazetteer: Gazetteer, pronouns: bool) -> list[Mention]:
    text = CableText(cable)
    candidates = _candidates(text, gazetteer)
    candidates = _resolve_shared_titles(text, candidates, gazetteer)
    candidates = _resolve_overlaps(text, candidates)
    stands_for: dict[str, list[str]] = {}
    for actor in gazetteer.actors:
        for form in actor.metonym_forms:
            stands_for.setdefault(fold(form), []).append(actor.id)

    mentions: list[Mention] = []
    seen_full: set[str] = set()
    for candidate in candidates:
        raw_start, raw_end = text.raw_span(candidate.start, candidate.end)
        part, paragraph = text.part_of(raw_start)
        if candidate.kind == "metonym" and part not in _METONYM_PARTS:
            continue
        after = text.folded[candidate.end : candidate.end + 2]
        possessive = after in ("'s", "’s")
        actor = candidate.actor
        how = _how(candidate, actor, seen_full, possessive)
        if candidate.kind == "alias" and len(fold(candidate.form).split()) > 1:
            seen_full.add(actor.id)
        clean_start, clean_end = text.clean_span(candidate.start, candidate.end)
        others = tuple(a for a in stands_for.get(fold(candidate.form), ()) if a != actor.id)
        mentions.append(
            Mention(
                actor_id=actor.id,
                start=raw_start,
                end=raw_end,
                surface=cable.raw[raw_start:raw_end],
                how=how,
                form=candidate.form,
                paragraph=paragraph,
                part=part,
                possessive=possessive,
                may_stand_for=others,
                clean_start=clean_start,
                clean_end=clean_end,
            )
        )
    if pronouns:
        mentions = _add_pronouns(text, gazetteer, mentions)
    return mentions


def _how(candidate: _Candidate, actor: Actor, seen_full: set[str], possessive: bool) -> str:
    if candidate.kind in ("title", "metonym"):
        return candidate.kind
    if possessive:
        return "possessive"
    is_single_word = len(fold(candidate.form).split()) == 1
    full_names = [n for n in actor.names if len(n.split()) > 1]
    if actor.is_person and is_single_word and full_names and actor.id in seen_full:
        return "surname back-reference"
    return "alias"


def _inside_quotes(text: str, position: int) -> bool:
    low, _ = sentence_bounds(text, position)
    return text.count('"', low, position) % 2 == 1


def _add_pronouns(text: CableText, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """he/she → the nearest person mentioned before it in the same paragraph; we/us/our → the embassy."""  # noqa: E501
    embassy = next((a for a in gazetteer.actors if a.type == "reporting embassy"), None)
    persons = {a.id for a in gazetteer.actors if a.is_person}
    added: list[Mention] = []
    patterns = [(_PRONOUNS_PERSON, "person")]
    if embassy is not None:
        patterns.append((_PRONOUNS_EMBASSY, "embassy"))
    for pattern, kind in patterns:
        for match in pattern.finditer(text.folded):
            raw_start, raw_end = text.raw_span(match.start(), match.end())
            part, paragraph = text.part_of(raw_start)
            if part not in ("paragraph", "text") or _inside_quotes(text.folded, match.start()):
                continue
            surface = text.cable.raw[raw_start:raw_end]
            if kind == "embassy":
                if surface == "US":  # the United States in capitals, not the pronoun
                    continue
                actor_id = embassy.id  # type: ignore[union-attr]
            else:
                before = [
                    m
                    for m in mentions
                    if m.actor_id in persons and m.paragraph == paragraph and m.end <= raw_start
                ]
                if not before:
                    continue
                actor_id = before[-1].actor_id
            clean_start, clean_end = text.clean_span(match.start(), match.end())
            added.append(
                Mention(
                    actor_id,
                    raw_start,
                    raw_end,
                    surface,
                    "pronoun",
                    match.group(1),
                    paragraph,
                    part,
                    False,
                    (),
                    clean_start,
                    clean_end,
                )
            )
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def mentions_table(
    cable: Cable, gazetteer: Gazetteer | None = None, *, pronouns: bool = True
) -> pd.DataFrame:
    """Mentions as a DataFrame: actor_id, name, type, paragraph, part, start, end, surface, how …"""
    import pandas as pd

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    rows = []
    for m in find_mentions(cable, gazetteer, pronouns=pronouns):
        actor = gazetteer[m.actor_id]
        rows.append(
            {
                "actor_id": m.actor_id,
                "name": actor.name,
                "type": actor.type,
                "paragraph": m.paragraph,
                "part": m.part,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "how": m.how,
                "possessive": m.possessive,
                "may_stand_for": ", ".join(m.may_stand_for),
            }
        )
    columns = [
        "actor_id",
        "name",
        "type",
        "paragraph",
        "part",
        "start",
        "end",
        "surface",
        "how",
        "possessive",
        "may_stand_for",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"paragraph": "Int64", "start": "int64", "end": "int64"})
