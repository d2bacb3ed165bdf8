"""How good is a draft? Compare a gazetteer with a reference list of actors.

A reference lists each named actor of a cable once, with its type, its surface
forms and how often it is mentioned (``tests/data/actors_gold/`` holds hand-keyed
ones; a remixer can compare a draft with a curated ``actors.csv``). A draft
actor *matches* a reference actor when its name, or one of its own aliases,
is one of the reference actor's forms (case- and diacritic-folded). Each
reference actor can be matched once: a second draft actor for the same person
is a split, and counts as a wrong row.

    >>> reference = [ReferenceActor("Gideon Gono", "person", ("Gideon Gono", "Gono"), 6)]
    >>> draft = [Actor("gono", "Gono", type="person"), Actor("rbz", "RBZ", type="business")]
    >>> score = score_draft(draft, reference)
    >>> score.precision, score.recall
    (0.5, 1.0)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...errors import CableError
from .folding import fold
from .gazetteer import Actor

__all__ = ["DraftScore", "ReferenceActor", "read_reference_csv", "score_draft"]

#: Aliases every reporting embassy carries: they say nothing about which actor it is.
_GENERIC_ALIASES = frozenset({"embassy", "post", "emboff", "emboffs", "department", "mission"})


@dataclass(frozen=True)
class ReferenceActor:
    """One actor of a reference list: its name, type, forms and mention count."""

    name: str
    type: str
    forms: tuple[str, ...]
    mentions: int

    def folded_forms(self) -> frozenset[str]:
        return frozenset(fold(form).strip() for form in (self.name, *self.forms) if form.strip())


@dataclass(frozen=True)
class Judged:
    """One draft actor and what it was judged to be."""

    actor: Actor
    reference: ReferenceActor | None  # None: no actor of the reference, or a split
    verdict: str  # "right", "wrong type", "split", "not an actor"


@dataclass(frozen=True)
class DraftScore:
    """Precision of (actor, type) and recall of the actors mentioned at least ``min_mentions`` times."""  # noqa: E501

    judged: tuple[Judged, ...]
    frequent: tuple[ReferenceActor, ...]  # reference actors with at least min_mentions mentions
    found: tuple[ReferenceActor, ...]  # of those, the ones the draft found (any type)

    @property
    def right(self) -> int:
        return sum(1 for j in self.judged if j.verdict == "right")

    @property
    def precision(self) -> float:
        return self.right / len(self.judged) if self.judged else 1.0

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.frequent) if self.frequent else 1.0

    @property
    def missed(self) -> tuple[ReferenceActor, ...]:
        return tuple(r for r in self.frequent if r not in self.found)


def _keys(actor: Actor) -> list[str]:
    """The folded name first, then the aliases that identify the actor."""
    keys = [fold(actor.name).strip()]
    keys += [fold(alias).strip() for alias in actor.aliases]
    return [k for k in dict.fromkeys(keys) if k and k not in _GENERIC_ALIASES]


def score_draft(
    draft: Iterable[Actor], reference: Sequence[ReferenceActor], *, min_mentions: int = 3
) -> DraftScore:
    """Judge each draft actor against the reference (see the module's docstring)."""
    forms = [(ref, ref.folded_forms()) for ref in reference]
    taken: set[int] = set()
    judged: list[Judged] = []
    for actor in draft:
        match = None
        for key in _keys(actor):  # the name decides before any alias
            match = next((i for i, (_, f) in enumerate(forms) if key in f), None)
            if match is not None:
                break
        if match is None:
            judged.append(Judged(actor, None, "not an actor"))
        elif match in taken:
            judged.append(Judged(actor, reference[match], "split"))
        else:
            taken.add(match)
            ref = reference[match]
            judged.append(Judged(actor, ref, "right" if actor.type == ref.type else "wrong type"))
    frequent = tuple(r for r in reference if r.mentions >= min_mentions)
    found = tuple(r for i, r in enumerate(reference) if i in taken and r in frequent)
    return DraftScore(tuple(judged), frequent, found)


def read_reference_csv(text: str, *, where: str = "the reference") -> list[ReferenceActor]:
    """Reference actors from CSV text with the columns name, type, mentions, forms."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = {"name", "type", "mentions", "forms"} - set(reader.fieldnames or [])
    if missing:
        raise CableError(f"{where} has no column {', '.join(sorted(missing))}")
    actors = []
    for row in reader:
        try:
            mentions = int(row["mentions"])
        except (TypeError, ValueError):
            raise CableError(
                f"{where}, line {reader.line_num}: mentions must be a whole number, "
                f"not {row['mentions']!r}"
            ) from None
        forms = tuple(f.strip() for f in (row["forms"] or "").split("|") if f.strip())
        actors.append(ReferenceActor(row["name"].strip(), row["type"].strip(), forms, mentions))
    return actors
