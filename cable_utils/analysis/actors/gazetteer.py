"""The gazetteer: who the actors of a cable are, read from and written to actors.csv.

A gazetteer comes from one of three places, in this order of preference for
``load_gazetteer(cable)``: the student's own ``my_work/<ID>/actors.csv``, the
curated ``data/annotations/<ID>/actors.csv``, or a draft found in the text
(:func:`cable_utils.analysis.actors.draft_actors`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..._arguments import instance_of, takes
from ...errors import CableError, UnreadableWorkError
from ...model import Cable
from ...source.paths import DATA_DIR

__all__ = [
    "ACTOR_TYPES",
    "ACTOR_TYPE_CAMEO",
    "GAZETTEER_COLUMNS",
    "VOICES",
    "Actor",
    "Gazetteer",
    "curated_gazetteer_path",
    "gazetteer_csv_text",
    "load_gazetteer",
    "parse_gazetteer_csv",
    "save_gazetteer",
    "user_gazetteer_path",
]

GAZETTEER_COLUMNS = [
    "id",
    "name",
    "aliases",
    "titles",
    "type",
    "affiliation",
    "country",
    "role",
    "actor_code",
    "voice",
    "metonym_forms",
    "background",
    "background_source",
]
#: The kinds of actor a gazetteer row can be, and the CAMEO agent codes each corresponds to.
#: CAMEO (Conflict and Mediation Event Observations; Schrodt, *CAMEO Event and Actor
#: Codebook*, version 1.1b3, March 2012, chapter 3, the actor codebook) codes an actor as a
#: country code followed by role codes; the sources are listed with the CAMEO codebook
#: tables in ``data/annotations/README.md``. A person has no type code of its own: CAMEO
#: codes people by the role they act in (an official as GOV, a journalist as MED).
ACTOR_TYPES = (
    "person",
    "government body",
    "state",
    "international organisation",
    "media outlet",
    "reporting embassy",
    "political party",
    "NGO / civil society",
    "armed group",
    "business",
)
ACTOR_TYPE_CAMEO: dict[str, str] = {
    "person": "the role the person acts in (GOV, MED, ELI, OPP …)",
    "government body": "GOV (executive), LEG (legislature), JUD (judiciary), MIL (military), "
    "COP (police), SPY (intelligence)",
    "state": "the country code alone (AZE, USA)",
    "international organisation": "IGO",
    "media outlet": "MED",
    "reporting embassy": "GOV of the sending state (this collection writes USAEMB)",
    "political party": "PTY (after GOV or OPP: a party in or out of government)",
    "NGO / civil society": "NGO (international), CVL, EDU, HRI, LAB, REL (domestic)",
    "armed group": "REB (rebels), INS (insurgents), SEP (separatists), UAF (armed forces "
    "of no state)",
    "business": "BUS (domestic), MNC (multinational)",
}
#: How a speaker is classified in the voice sorter.
VOICES = ("official", "unofficial", "embassy", "media", "foreign government", "none")


@dataclass(frozen=True)
class Actor:
    """One row of a gazetteer. ``aliases``, ``titles`` and ``metonym_forms`` are tuples."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    type: str = ""
    affiliation: str = ""
    country: str = ""
    role: str = ""
    actor_code: str = ""
    voice: str = ""
    metonym_forms: tuple[str, ...] = ()
    background: str = ""
    background_source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    @property
    def is_person(self) -> bool:
        return self.type == "person"

    def to_row(self) -> dict[str, str]:
        row = {column: getattr(self, column) for column in GAZETTEER_COLUMNS}
        for column in ("aliases", "titles", "metonym_forms"):
            row[column] = "|".join(row[column])
        return row


@dataclass(frozen=True)
class Gazetteer:
    """The actors of one cable and where the list came from."""

    actors: tuple[Actor, ...]
    source: str  # "curated", "yours" or "draft"
    path: str | None = None
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for actor in self.actors:
            if actor.id in seen:
                raise CableError(f"the gazetteer lists the actor id {actor.id!r} twice")
            seen.add(actor.id)

    def __getitem__(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        known = ", ".join(a.id for a in self.actors[:12])
        raise KeyError(f"no actor {actor_id!r} in this gazetteer (it has: {known} …)")

    def __contains__(self, actor_id: object) -> bool:
        return any(actor.id == actor_id for actor in self.actors)

    def __len__(self) -> int:
        return len(self.actors)

    @property
    def ids(self) -> list[str]:
        return [actor.id for actor in self.actors]

    @property
    def described(self) -> str:
        """One sentence on where this list came from, for the notebook."""
        if self.source == "curated":
            return "a curated gazetteer, written by hand by reading the cable"
        if self.source == "yours":
            return f"your own gazetteer ({self.path})"
        return (
            "a DRAFT gazetteer found automatically from titles and capitalised names: "
            "no one has checked it, so read it as a list of candidates"
        )


def curated_gazetteer_path(cable_id: str) -> Path:
    """``data/annotations/<ID>/actors.csv`` (it may not exist)."""
    return DATA_DIR / "annotations" / _safe_id(cable_id) / "actors.csv"


def user_gazetteer_path(cable_id: str, *, create: bool = False) -> Path:
    """``my_work/<ID>/actors.csv`` (or under ``$CABLE_CLASSROOM_WORK``)."""
    from ...reference.storage import work_dir

    return work_dir(create=create) / _safe_id(cable_id) / "actors.csv"


def _safe_id(cable_id: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cable_id or ""):
        raise CableError(f"{cable_id!r} is not a cable ID (IDs look like 08BAKU151)")
    return cable_id


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _actor_from_row(row: dict[str, str], line: int, where: str) -> Actor:
    actor_id = (row.get("id") or "").strip()
    name = (row.get("name") or "").strip()
    if not actor_id:
        raise CableError(f"{where}, line {line}: the row has no id")
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", actor_id):
        raise CableError(
            f"{where}, line {line}: the id {actor_id!r} may only use letters, digits, '_', '-', '.'"
        )
    if not name:
        raise CableError(f"{where}, line {line}: the actor {actor_id!r} has no name")
    values = {column: (row.get(column) or "").strip() for column in GAZETTEER_COLUMNS}
    return Actor(
        id=actor_id,
        name=name,
        aliases=_split(values["aliases"]),
        titles=_split(values["titles"]),
        type=values["type"],
        affiliation=values["affiliation"],
        country=values["country"],
        role=values["role"],
        actor_code=values["actor_code"],
        voice=values["voice"],
        metonym_forms=_split(values["metonym_forms"]),
        background=values["background"],
        background_source=values["background_source"],
    )


def parse_gazetteer_csv(
    text: str, *, source: str = "yours", where: str = "the gazetteer"
) -> Gazetteer:
    """A :class:`Gazetteer` from the text of an actors.csv (needs the columns id and name)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = reader.fieldnames or []
    missing = [column for column in ("id", "name") if column not in header]
    if missing:
        raise CableError(
            f"{where} has no column {', '.join(missing)}; its header is {', '.join(header) or 'empty'}"  # noqa: E501
        )
    actors = [
        _actor_from_row(row, reader.line_num, where)
        for row in reader
        if any((value or "").strip() for value in row.values() if isinstance(value, str))
    ]
    return Gazetteer(tuple(actors), source, where)


@lru_cache(maxsize=32)
def _read_curated(path: str, mtime: float) -> Gazetteer:
    text = Path(path).read_text(encoding="utf-8")
    return parse_gazetteer_csv(text, source="curated", where=path)


_CABLE_OR_ID = instance_of(
    Cable, str, what="a cable or its ID", how="gazetteer = load_gazetteer(cable)"
)
_GAZETTEER = instance_of(
    "cable_utils.analysis.actors.gazetteer:Gazetteer",
    what="a gazetteer",
    how="gazetteer = load_gazetteer(cable)",
)


@takes(_CABLE_OR_ID)
def load_gazetteer(cable: Cable | str, *, source: str = "auto") -> Gazetteer:
    """The actors of a cable.

    ``source="auto"`` takes the student's own gazetteer if one was saved, else
    the curated one, else a draft; ``"yours"``, ``"curated"`` and ``"draft"``
    ask for one of them (``"curated"`` and ``"yours"`` raise a
    :class:`CableError` when the file does not exist).
    """
    cable_obj = cable if isinstance(cable, Cable) else None
    cable_id = cable if isinstance(cable, str) else (cable.id or "")
    if source not in ("auto", "yours", "curated", "draft"):
        raise ValueError(f"source must be auto, yours, curated or draft, not {source!r}")
    if source in ("auto", "yours") and cable_id:
        path = user_gazetteer_path(cable_id)
        if path.is_file():
            from ...reference.storage import read_csv_safely

            try:
                rows = read_csv_safely(path, required_columns=("id", "name"))
            except UnreadableWorkError as error:
                if source == "yours":
                    raise
                notes = (f"your gazetteer could not be read and was left as it is: {error}",)
            else:
                text = _rows_to_text(rows)
                gazetteer = parse_gazetteer_csv(text, source="yours", where=str(path))
                return gazetteer
        elif source == "yours":
            raise CableError(f"you have not saved a gazetteer for {cable_id} yet ({path})")
        else:
            notes = ()
    else:
        notes = ()
    if source in ("auto", "curated") and cable_id:
        path = curated_gazetteer_path(cable_id)
        if path.is_file():
            gazetteer = _read_curated(str(path), path.stat().st_mtime)
            return replace(gazetteer, notes=notes) if notes else gazetteer
        if source == "curated":
            raise CableError(
                f"there is no curated gazetteer for {cable_id} (looked for {path}); "
                "use draft_actors(cable) for a first list"
            )
    if source == "curated":
        raise CableError("a curated gazetteer needs a cable with an ID")
    if cable_obj is None:
        from ...parse import load_cable

        cable_obj = load_cable(cable_id)
    from .drafts import draft_actors  # a draft is the last resort, and drafts import this module

    draft = draft_actors(cable_obj)
    return replace(draft, notes=notes + draft.notes)


def _rows_to_text(rows: Sequence[dict[str, str]]) -> str:
    from ...reference.storage import rows_to_csv_text

    columns = list(dict.fromkeys([*GAZETTEER_COLUMNS, *(k for row in rows for k in row)]))
    return rows_to_csv_text(rows, columns)


@takes(_GAZETTEER)
def gazetteer_csv_text(gazetteer: Gazetteer) -> str:
    """The gazetteer as actors.csv text (the template a remixer corrects)."""
    return _rows_to_text([actor.to_row() for actor in gazetteer.actors])


def save_gazetteer(gazetteer: Gazetteer, cable_id: str) -> Path:
    """Save a (corrected) gazetteer as ``my_work/<ID>/actors.csv``, atomically.

    A file already there that cannot be read is kept untouched: the new one
    goes to the next free name (``actors.2.csv``) and the path is returned.
    """
    from ...reference.storage import atomic_write_text, next_free_path, read_csv_safely

    path = user_gazetteer_path(cable_id, create=True)
    if path.exists():
        try:
            read_csv_safely(path)
        except UnreadableWorkError:
            path = next_free_path(path)
    return atomic_write_text(path, gazetteer_csv_text(gazetteer))
