"""Automatic results beside the curated ones, with every disagreement flagged in words.

The library finds who said what (with an event code) and counts mentions
automatically. For 08BAKU151, people have also coded them by hand
(``data/annotations/<ID>/statements.csv`` and ``mentions_expected.csv``).
Wherever a lesson shows an automatic result for which a curated one exists, it
shows both side by side, so a learner never reads a wrong automatic code
without a flag: :func:`statements_compared` and :func:`mentions_compared`.

On a cable without curated files the same tables say so in their ``check``
column ("no curated coding: automatic, unchecked") instead of pretending.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._arguments import GAZETTEER, takes
from ..model import Cable
from ..parse import takes_cable
from ..source.paths import DATA_DIR

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AGREE",
    "actors_compared",
    "AUTOMATIC_ONLY",
    "CURATED_ONLY",
    "DIFFERS",
    "UNCHECKED",
    "StatementPair",
    "curated_statements",
    "mentions_compared",
    "pair_statements",
    "statements_compared",
]

AGREE = "✔ same as curated"
DIFFERS = "⚠ differs from curated"
AUTOMATIC_ONLY = "⚠ automatic only: not in the curated coding"
CURATED_ONLY = "⚠ curated only: the automatic finder missed it"
UNCHECKED = "no curated coding: automatic, unchecked"


def _annotation(cable_id: str | None, name: str) -> Path | None:
    if not cable_id or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cable_id):
        return None
    path = Path(DATA_DIR) / "annotations" / cable_id / name
    return path if path.is_file() else None


def curated_statements(cable_id: str | None) -> list[dict[str, str]] | None:
    """The rows of ``data/annotations/<ID>/statements.csv``, or None when there is none."""
    path = _annotation(cable_id, "statements.csv")
    if path is None:
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.casefold()))


def _overlap(first: str, second: str) -> float:
    a, b = _words(first), _words(second)
    return len(a & b) / max(1, min(len(a), len(b)))


@dataclass(frozen=True)
class StatementPair:
    """An automatic statement and the curated row it corresponds to (either may be None)."""

    automatic: Any | None  # cable_utils.analysis.actors.Statement
    curated: dict[str, str] | None

    @property
    def flag(self) -> str:
        if self.automatic is None:
            return CURATED_ONLY
        if self.curated is None:
            return AUTOMATIC_ONLY
        return AGREE if self.automatic.code == self.curated.get("cameo_code") else DIFFERS


@takes_cable
def pair_statements(cable: Cable, gazetteer: Any | None = None) -> list[StatementPair] | None:
    """Automatic statements paired with curated ones; None when the cable has no curated coding.

    A pair has the same speaker and paragraph and what was said overlaps (at
    least half of the shorter clause's words); each curated row is used once.
    """
    from .actors import find_statements, load_gazetteer

    curated = curated_statements(cable.id)
    if curated is None:
        return None
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    automatic = find_statements(cable, gazetteer)
    unused = list(range(len(curated)))
    pairs: list[StatementPair] = []
    for statement in automatic:
        candidates = [
            (i, _overlap(statement.text, curated[i].get("quote", "")))
            for i in unused
            if curated[i].get("speaker") == statement.speaker
            and str(curated[i].get("paragraph")) == str(statement.paragraph)
        ]
        candidates = [(i, score) for i, score in candidates if score >= 0.5]
        if candidates:
            best = max(candidates, key=lambda item: item[1])[0]
            unused.remove(best)
            pairs.append(StatementPair(statement, curated[best]))
        else:
            pairs.append(StatementPair(statement, None))
    pairs += [StatementPair(None, curated[i]) for i in unused]
    return pairs


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def statements_compared(cable: Cable, gazetteer: Any | None = None) -> pd.DataFrame:
    """Who said what, with the automatic event code beside the curated one and a ``check`` column.

    Columns: paragraph, speaker, verb, said, automatic code, judgement call
    (the automatic rule's own flag), curated code, check (same / differs / automatic only / curated only, or "no curated
    coding" on a cable nobody coded), curated note. Rows with a flag come with
    the curated note that explains the hand coding.
    """
    import pandas as pd

    from .actors import CODE_LABELS, find_statements, load_gazetteer

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)

    def name(actor_id: str) -> str:
        return gazetteer[actor_id].name if actor_id in gazetteer else actor_id

    def code(value: str | None) -> str:
        return f"{value} {CODE_LABELS.get(value, '')}".strip() if value else "—"

    pairs = pair_statements(cable, gazetteer)
    rows = []
    if pairs is None:
        for statement in find_statements(cable, gazetteer):
            rows.append(
                {
                    "paragraph": statement.paragraph,
                    "speaker": name(statement.speaker),
                    "verb": statement.verb,
                    "said": statement.text,
                    "automatic code": code(statement.code),
                    "judgement call": "yes" if statement.judgement_call else "no",
                    "curated code": "—",
                    "check": UNCHECKED,
                    "curated note": "",
                }
            )
    else:
        for pair in pairs:
            auto, hand = pair.automatic, pair.curated
            rows.append(
                {
                    "paragraph": auto.paragraph if auto else int(hand["paragraph"]),
                    "speaker": name(auto.speaker if auto else hand["speaker"]),
                    "verb": auto.verb if auto else hand.get("verb", ""),
                    "said": auto.text if auto else hand.get("quote", ""),
                    "automatic code": code(auto.code if auto else None),
                    "judgement call": ("yes" if auto.judgement_call else "no") if auto else "",
                    "curated code": code(hand.get("cameo_code") if hand else None),
                    "check": pair.flag,
                    "curated note": (hand or {}).get("note", ""),
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "paragraph", "speaker", "verb", "said", "automatic code", "judgement call",
            "curated code", "check", "curated note",
        ],
    )  # fmt: skip
    frame = frame.astype({"paragraph": "Int64"})
    frame.attrs["curated"] = pairs is not None
    frame.attrs["disagreements"] = int((frame["check"] != AGREE).sum() if pairs is not None else 0)
    return frame


def curated_mention_counts(cable_id: str | None) -> Counter[str] | None:
    """Mentions per actor from ``mentions_expected.csv`` (every kind summed), or None."""
    path = _annotation(cable_id, "mentions_expected.csv")
    if path is None:
        return None
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                counts[row["actor"]] += int(row["count"])
            except (KeyError, ValueError):
                continue
    return counts


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def mentions_compared(cable: Cable, gazetteer: Any | None = None) -> pd.DataFrame:
    """Mentions per actor: the automatic count beside the curated count, with a ``check`` column."""
    import pandas as pd

    from .actors import find_mentions, load_gazetteer

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    found = Counter(m.actor_id for m in find_mentions(cable, gazetteer))
    curated = curated_mention_counts(cable.id) if gazetteer.source == "curated" else None
    rows = []
    for actor in gazetteer.actors:
        automatic = found.get(actor.id, 0)
        if curated is None:
            hand, flag = None, UNCHECKED
        else:
            hand = curated.get(actor.id, 0)
            flag = AGREE if hand == automatic else DIFFERS
        rows.append(
            {
                "actor": actor.name,
                "type": actor.type,
                "automatic count": automatic,
                "curated count": hand,
                "check": flag,
            }
        )
    frame = pd.DataFrame(
        rows, columns=["actor", "type", "automatic count", "curated count", "check"]
    ).astype({"curated count": "Int64"})
    frame.attrs["curated"] = curated is not None
    return frame


@takes_cable
def actors_compared(cable: Cable, gazetteer: Any | None = None) -> pd.DataFrame:
    """The actors table, with the curated mention count beside the automatic one and a ``check``.

    The columns of :func:`cable_utils.analysis.actors.actors_table`, with ``mentions``
    renamed ``mentions (automatic)`` and, after it, ``mentions (curated)`` and ``check``
    (the same flags as :func:`mentions_compared`).
    """
    from .actors import actors_table, load_gazetteer

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    table = actors_table(cable, gazetteer).rename(columns={"mentions": "mentions (automatic)"})
    counts = mentions_compared(cable, gazetteer)
    position = list(table.columns).index("mentions (automatic)") + 1
    table.insert(position, "mentions (curated)", counts["curated count"].to_numpy())
    table.insert(position + 1, "check", counts["check"].to_numpy())
    table.attrs["curated"] = counts.attrs["curated"]
    return table
