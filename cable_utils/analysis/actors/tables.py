"""One row per actor: the actors table for lessons and the JSON contract of the CLI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._arguments import GAZETTEER, takes
from ...model import Cable
from ...parse import takes_cable
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import find_mentions
from .statements import find_statements

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["actors_json", "actors_table"]


ACTOR_TABLE_COLUMNS = (
    "id", "name", "type", "role", "actor_code", "voice", "mentions", "paragraphs", "statements",
    "background", "background_source",
)  # fmt: skip


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def actors_table(cable: Cable, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """One row per actor: name, type, role, code, voice, mentions and statements counted.

    A list with no actors (a draft of a short pasted text) gives the columns and no rows.
    """
    import pandas as pd

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    statements = find_statements(cable, gazetteer)
    rows = []
    for actor in gazetteer.actors:
        own = [m for m in mentions if m.actor_id == actor.id]
        rows.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "role": actor.role,
                "actor_code": actor.actor_code,
                "voice": actor.voice,
                "mentions": len(own),
                "paragraphs": ", ".join(
                    str(p) for p in sorted({m.paragraph for m in own if m.paragraph is not None})
                ),
                "statements": sum(1 for s in statements if s.speaker == actor.id),
                "background": actor.background,
                "background_source": actor.background_source,
            }
        )
    return pd.DataFrame(rows, columns=list(ACTOR_TABLE_COLUMNS))


@takes_cable
def actors_json(cable: Cable, gazetteer: Gazetteer | None = None) -> list[dict[str, Any]]:
    """The JSON contract of ``python -m cable_utils actors --json`` (offsets into the raw text)."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    statements = find_statements(cable, gazetteer)
    return [
        {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type,
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.surface}
                for m in mentions
                if m.actor_id == actor.id
            ],
            "statements": [
                {"verb": s.verb, "start": s.start, "end": s.end, "text": s.text}
                for s in statements
                if s.speaker == actor.id
            ],
        }
        for actor in gazetteer.actors
    ]
