"""Actors: a transparent gazetteer, alias-aware mentions, who-said-what, draft actors.

Everything here is rule-based on purpose, so a student can audit every match:

* :func:`load_gazetteer` reads a list of actors (id, name, aliases, titles …)
  from ``data/annotations/<ID>/actors.csv`` (curated), from the student's own
  ``my_work/<ID>/actors.csv``, or drafts one (:func:`draft_actors`).
* :func:`find_mentions` finds every alias, title and metonym in the cable,
  case- and diacritic-folded, and says *how* each matched. Offsets point into
  ``cable.raw``: ``cable.raw[start:end]`` is the surface text.
* :func:`find_statements` finds who-said-what through speech verbs, with the
  clause said, its offsets and an event-data (CAMEO-like) code, flagged where
  the coding is a judgement call.
* :func:`draft_actors` proposes a first gazetteer for a cable nobody annotated:
  names after titles and well-formed capitalised names, grouped by surname.

pandas is imported only by the functions that return a DataFrame.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CableError, UnreadableWorkError
from ..model import Cable
from ..source.normalise import NormalisedText, normalise
from ..source.paths import DATA_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ACTOR_TYPES",
    "GAZETTEER_COLUMNS",
    "SPEECH_VERBS",
    "VOICES",
    "Actor",
    "Gazetteer",
    "Mention",
    "Statement",
    "actors_json",
    "actors_table",
    "curated_gazetteer_path",
    "draft_actors",
    "find_mentions",
    "find_statements",
    "gazetteer_csv_text",
    "load_gazetteer",
    "mentions_table",
    "save_gazetteer",
    "statements_table",
    "user_gazetteer_path",
]

#: The columns of an actors.csv, in order. Only ``id`` and ``name`` are required.
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
ACTOR_TYPES = (
    "person",
    "government body",
    "state",
    "international organisation",
    "media outlet",
    "reporting embassy",
)
#: How a speaker is classified in the voice sorter.
VOICES = ("official", "unofficial", "embassy", "media", "foreign government", "none")

# ---------------------------------------------------------------- the gazetteer


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
    from ..reference.storage import work_dir

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
            from ..reference.storage import read_csv_safely

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
        from ..parse import load_cable

        cable_obj = load_cable(cable_id)
    draft = draft_actors(cable_obj)
    return replace(draft, notes=notes + draft.notes)


def _rows_to_text(rows: Sequence[dict[str, str]]) -> str:
    from ..reference.storage import rows_to_csv_text

    columns = list(dict.fromkeys([*GAZETTEER_COLUMNS, *(k for row in rows for k in row)]))
    return rows_to_csv_text(rows, columns)


def gazetteer_csv_text(gazetteer: Gazetteer) -> str:
    """The gazetteer as actors.csv text (the template a remixer corrects)."""
    return _rows_to_text([actor.to_row() for actor in gazetteer.actors])


def save_gazetteer(gazetteer: Gazetteer, cable_id: str) -> Path:
    """Save a (corrected) gazetteer as ``my_work/<ID>/actors.csv``, atomically.

    A file already there that cannot be read is kept untouched: the new one
    goes to the next free name (``actors.2.csv``) and the path is returned.
    """
    from ..reference.storage import atomic_write_text, next_free_path, read_csv_safely

    path = user_gazetteer_path(cable_id, create=True)
    if path.exists():
        try:
            read_csv_safely(path)
        except UnreadableWorkError:
            path = next_free_path(path)
    return atomic_write_text(path, gazetteer_csv_text(gazetteer))


# ---------------------------------------------------------------- folding


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and diacritic-folded text, and for each folded character its index in ``text``.

    "İbrahim" folds to "ibrahim" and "Mämmädov" to "mammadov"; a character that
    folds to several (German ß → ss) maps every piece back to itself.
    """
    pieces: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char.isascii():
            folded = char.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        pieces.append(folded)
        index.extend([position] * len(folded))
    return "".join(pieces), index


def fold(text: str) -> str:
    return fold_with_map(text)[0]


def _form_pattern(form: str) -> re.Pattern[str]:
    """A whole-word pattern for a folded form; spaces match any run of white space."""
    words = [re.escape(word) for word in fold(form).split()]
    return re.compile(r"(?<![\w.])" + r"\s+".join(words) + r"(?!\w|\.\w)")


# ---------------------------------------------------------------- mentions

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


class _Text:
    """The normalised text, its folded twin, and the maps back to the raw text."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        self.clean: NormalisedText = normalise(cable.raw)
        self.text = self.clean.text
        self.folded, self._index = fold_with_map(self.text)
        self._parts = [
            s
            for s in cable.segments
            if s.kind not in ("artifact",) and not s.kind.startswith("seg")
        ]

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets → normalised-text offsets."""
        clean_start = self._index[start] if start < len(self._index) else len(self.text)
        clean_end = self._index[end - 1] + 1 if end > start else clean_start
        return clean_start, clean_end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.clean.to_raw(*self.clean_span(start, end))

    def part_of(self, raw_start: int) -> tuple[str, int | None]:
        covering = [s for s in self._parts if s.start <= raw_start < s.end]
        if not covering:
            return "other", None
        innermost = min(covering, key=lambda s: s.end - s.start)
        paragraph = None
        if innermost.kind in ("paragraph", "text"):
            for p in self.cable.paragraphs:
                if p.start <= raw_start < p.end:
                    paragraph = p.number
                    break
        return innermost.kind, paragraph


_METONYM_PARTS = ("paragraph", "text", "subject")
_HEADER_PARTS = ("from", "to", "info", "routing", "de_line", "vzczc", "dtg", "banner", "ref")


def _candidates(text: _Text, gazetteer: Gazetteer) -> list[_Candidate]:
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
            for match in _form_pattern(form).finditer(text.folded):
                found.append(_Candidate(actor, form, kind, match.start(), match.end()))
    return found


def _is_modifier_use(text: _Text, candidate: _Candidate) -> bool:
    """A lower-case one-word form used as an adjective after a possessive ("Ibrahimov's public statement")."""  # noqa: E501
    form = candidate.form
    if " " in form or not form.islower():
        return False
    before = text.folded[max(0, candidate.start - 4) : candidate.start]
    return bool(re.search(r"['’]s\s+$", before))


def _resolve_overlaps(text: _Text, candidates: list[_Candidate]) -> list[_Candidate]:
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


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    start = max(s for s in starts if s <= position)
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text, position)]
    end = min(ends) if ends else len(text)
    return start, end


# A sentence ends at . ! ? (or a paragraph break) followed by space and a capital
# or quote, except after abbreviations such as U.S. or Mr.
_SENTENCE_END = re.compile(
    r"(?<!\bU\.S)(?<!\bU\.K)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)"
    r"(?<![A-Z]\.[A-Z])[.!?][\"”')]*(?=\s+[\"“(]?[A-Z0-9¶\[])|\n\s*\n"
)


def _resolve_shared_titles(
    text: _Text, candidates: list[_Candidate], gazetteer: Gazetteer
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
        low, high = _sentence_bounds(text.folded, candidate.start)
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


def find_mentions(
    cable: Cable, gazetteer: Gazetteer | None = None, *, pronouns: bool = True
) -> list[Mention]:
    """Every mention of a gazetteer actor in the cable, in text order.

    Matching is case- and diacritic-folded and whole-word. Metonyms (a capital
    or an adjective standing for a state) are searched only in the subject and
    the body, where they are used as words rather than as station names.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    text = _Text(cable)
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
    low, _ = _sentence_bounds(text, position)
    return text.count('"', low, position) % 2 == 1


def _add_pronouns(text: _Text, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
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


# ---------------------------------------------------------------- who said what

#: Speech verbs (every form searched) and the event code each suggests by itself.
SPEECH_VERBS: dict[str, str] = {
    "say": "010",
    "state": "010",
    "tell": "010",
    "note": "010",
    "stress": "010",
    "emphasize": "010",
    "emphasise": "010",
    "characterize": "010",
    "characterise": "010",
    "claim": "010",
    "caution": "010",
    "deny": "010",
    "underscore": "010",
    "reiterate": "010",
    "suggest": "010",
    "comment": "010",
    "add": "010",
    "assert": "010",
    "argue": "010",
    "warn": "010",
    "explain": "010",
    "insist": "010",
    "remark": "010",
    "observe": "010",
    "confirm": "010",
    "acknowledge": "010",
    "announce": "010",
    "predict": "010",
    "report": "010",
    "echo": "010",
    "disavow": "010",
    "affirm": "010",
    "maintain": "010",
    "urge": "010",
    "opine": "010",
    "complain": "012",
    "lament": "012",
    "criticize": "111",
    "criticise": "111",
    "denounce": "111",
    "condemn": "111",
    "accuse": "112",
    "reject": "120",
    "defend": "052",
}
_IRREGULAR = {"say": ("said", "says", "saying"), "tell": ("told", "tells", "telling")}


def _verb_forms(lemma: str) -> dict[str, str]:
    if lemma in _IRREGULAR:
        return {form: lemma for form in (lemma, *_IRREGULAR[lemma])}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms = [lemma, lemma + "s", lemma + "d", stem + "ing"]
    elif lemma.endswith("y") and lemma not in ("say",):
        stem = lemma[:-1]
        forms = [lemma, stem + "ies", stem + "ied", lemma + "ing"]
    elif lemma.endswith(("ss", "sh", "ch", "o")):
        forms = [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms = [lemma, lemma + "s", lemma + "ed", lemma + "ing"]
    return {form: lemma for form in forms}


_VERB_FORMS: dict[str, str] = {}
for _lemma in SPEECH_VERBS:
    _VERB_FORMS.update(_verb_forms(_lemma))
_VERB_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_VERB_FORMS, key=len, reverse=True)) + r")(?![\w-])"
)

#: Words that may stand between a speaker and the verb ("Ibrahimov also emphasized").
_SKIPPABLE = re.compile(
    r"(?:\s+|^)(?:also|separately|again|later|then|publicly|privately|repeatedly|further|"
    r"may|might|would|will|could|can|did|does|has|have|had|is|was|continuing|continues|"
    r"to|not|reportedly|firmly|strongly)\s*$"
)


@dataclass(frozen=True)
class Statement:
    speaker: str  # actor id
    verb: str  # as written
    lemma: str
    start: int  # raw offsets of what was said (the clause)
    end: int
    text: str
    verb_start: int
    verb_end: int
    paragraph: int | None
    code: str  # CAMEO-like event code
    code_label: str
    judgement_call: bool
    why: str  # why the speaker and code were chosen, in words


CODE_LABELS = {
    "010": "make statement",
    "012": "make pessimistic comment",
    "052": "defend verbally",
    "054": "grant diplomatic recognition",
    "110": "disapprove",
    "111": "criticize or denounce",
    "112": "accuse",
    "120": "reject",
}


def _code_for(lemma: str, clause: str) -> tuple[str, bool, str]:
    """An event code for a statement, whether it is a judgement call, and why."""
    folded = fold(clause)
    negated_recognition = re.search(r"\b(?:not|never|no)\b[^.;]{0,30}\brecogni[sz]", folded)
    if negated_recognition:
        return (
            "120",
            True,
            (
                "announces non-recognition: coded 120 (reject) by hand; a verb dictionary that "
                "codes 'recognize' as 054 would get the opposite event if it missed the 'not'"
            ),
        )
    if re.search(r"\brecogni[sz]e[sd]?\b[^.;]{0,40}\bindependence\b", folded) and lemma != "deny":
        return (
            "054",
            True,
            "'recognize … independence' is a recognition event (054) only if it is granted",
        )
    if re.search(r"\b(?:illegal|violat\w*|unilateral)\b", folded):
        return (
            "111",
            True,
            "calls the act illegal or a violation: 111 (criticize or denounce); 112 (accuse) is defensible",  # noqa: E501
        )
    if re.search(r"\b(?:not happy|skeptical|sceptical|worried|concerned|pessimistic)\b", folded):
        return (
            "012",
            True,
            "voices a worry or pessimism: 012; 110 (disapprove) if read as aimed at someone",
        )
    code = SPEECH_VERBS.get(lemma, "010")
    if lemma in ("deny", "disavow", "caution", "warn", "urge"):
        return code, True, f"'{lemma}' has no code of its own on our short list, so 010"
    return (
        code,
        False,
        "a plain statement verb: 010" if code == "010" else f"the verb '{lemma}' suggests {code}",
    )


def _strip_trailing_insertions(left: str) -> str:
    """Remove "-- … --", "( … )", commas and skippable words between a subject and its verb."""
    previous = None
    while previous != left:
        previous = left
        left = left.rstrip()
        left = re.sub(r"\s*--[^-]*--$", "", left)
        left = re.sub(r"\s*\([^()]*\)$", "", left)
        left = left.rstrip(",")
        left = _SKIPPABLE.sub("", left)
    return left


@dataclass
class _Clause:
    start: int  # normalised-text offsets
    end: int


def _clause_after(
    text: str, position: int, sentence_end: int, lemma: str, subordinate: bool
) -> list[_Clause]:
    """What was said: the that-clause or object after the verb, split at "and that" / ", nor"."""
    rest = text[position:sentence_end]
    that = re.match(
        r"(?:\s+(?:on|to|in|at|with|for)\s(?:[^,.;\"]|\.(?=\w)){0,60}?|\s+(?:us|him|her|them|emboff|the\s+\w+|\w+))??\s+that\s+",  # noqa: E501
        rest,
    )
    if that is None and lemma == "tell":
        that = re.match(r"\s+(?:us|him|her|them|emboff|the\s+\w+|[A-Z]\w+)\s+(?!that\b)", rest)
    start = position + (that.end() if that else len(rest) - len(rest.lstrip()))
    body = text[start:sentence_end]
    if subordinate:
        comma = re.search(r",\s", body)
        if comma:
            body = body[: comma.start()]
    if that is None:
        # an object, not a clause: it ends at the next comma, "and" + verb, or a time phrase
        stop = re.search(
            r",\s|\s+and\s*,|\s+and\s+(?=\w+(?:ed|d)\b)|\s+in\s+(?:a|an|the)\s|\s\(", body
        )
        if stop:
            body = body[: stop.start()]
    else:
        stop = re.search(r"\s\((?!\")|\s+and\s+(?:said|stated|added|noted)\b", body)
        if stop:
            body = body[: stop.start()]
    body = body.rstrip(" .;,")
    clauses: list[_Clause] = []
    offset = start
    for part in re.split(r"(\s+and\s+that\s+|,\s+(?=nor\s))", body):
        if re.fullmatch(r"\s+and\s+that\s+|,\s+", part or ""):
            offset += len(part)
            continue
        if part.strip():
            clauses.append(_Clause(offset, offset + len(part.rstrip(" .;,"))))
        offset += len(part)
    return clauses


def find_statements(cable: Cable, gazetteer: Gazetteer | None = None) -> list[Statement]:
    """Who said what: statements attributed to an actor through a speech verb.

    The speaker is the actor mentioned right before the verb (skipping "also",
    "may", appositions in dashes or brackets); "and said" continues the previous
    speaker; a participle ("suggesting", "While disavowing") takes the speaker of
    its main clause; "he" is the last person named in the paragraph. Headlines
    ("…," EXO) are statements of the outlet. Every result says why.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    text = _Text(cable)
    mentions = find_mentions(cable, gazetteer)
    body_mentions = [m for m in mentions if m.part in ("paragraph", "text") and m.how != "metonym"]
    by_end: dict[int, list[Mention]] = {}
    for m in body_mentions:
        by_end.setdefault(m.clean_end, []).append(m)
    statements: list[Statement] = []
    for paragraph in cable.paragraphs:
        low, high = _clean_bounds(text, paragraph.start, paragraph.end)
        statements += _paragraph_statements(
            text, gazetteer, body_mentions, by_end, paragraph.number, low, high
        )
    statements += _headline_statements(text, gazetteer, body_mentions)
    return sorted(statements, key=lambda s: (s.verb_start, s.start))


def _clean_bounds(text: _Text, raw_start: int, raw_end: int) -> tuple[int, int]:
    starts = text.clean.raw_starts
    import bisect

    return bisect.bisect_left(starts, raw_start), bisect.bisect_left(starts, raw_end)


def _speaker_before(
    clean: str, position: int, sentence_start: int, by_end: dict[int, list[Mention]]
) -> tuple[list[Mention], str]:
    left = clean[sentence_start:position]
    stripped = _strip_trailing_insertions(left)
    end = sentence_start + len(stripped)
    found = by_end.get(end, [])
    if not found:
        return [], ""
    chosen = sorted(found, key=lambda m: (m.how == "title", -(m.clean_end - m.clean_start)))[0]
    speakers = [chosen]
    note = ""
    # "X and Y may state": coordinated subjects
    before = clean[sentence_start : chosen.clean_start]
    coordinated = re.search(r"\s+and\s+$", before)
    if coordinated:
        others = by_end.get(sentence_start + coordinated.start(), [])
        if others:
            speakers.insert(0, others[0])
            note = "coordinated subjects: both speak"
    # "Ismailzade -- like several other commentators … -- said": a shared voice
    insertion = left[len(stripped) :]
    like = re.search(r"--\s*like\s", insertion)
    if like:
        inside = [
            m
            for ms in by_end.values()
            for m in ms
            if end < m.clean_start and m.clean_end <= position and m.how == "title"
        ]
        if inside:
            speakers.append(inside[0])
            note = "shared voice ('like …'): the group is an unnamed co-speaker"
    return speakers, note


def _paragraph_statements(
    text: _Text,
    gazetteer: Gazetteer,
    mentions: list[Mention],
    by_end: dict[int, list[Mention]],
    number: int | None,
    low: int,
    high: int,
) -> list[Statement]:
    clean = text.text
    found: list[Statement] = []
    previous_in_sentence: dict[int, Statement] = {}
    for match in _VERB_PATTERN.finditer(clean, low, high):
        verb = match.group(1)
        lemma = _VERB_FORMS[verb]
        s_start, s_end = _sentence_bounds(clean, match.start())
        s_start, s_end = max(s_start, low), min(s_end, high)
        before = clean[s_start : match.start()]
        if _is_noun_use(clean, match.start()):
            continue  # a noun ("the statement", "a claim"), not a verb
        speakers, note = _speaker_before(clean, match.start(), s_start, by_end)
        # the verb sits inside a "while …" clause when no comma closes it before the verb
        subordinate = bool(re.search(r"\b(?:while|although|though|whereas)\s[^,]*$", before, re.I))
        judgement = bool(note)
        why = note or "the actor named right before the verb"
        if not speakers and verb.endswith("ing"):
            if re.match(r"\s*(?:while|after|when|by)?\s*$", before, re.I):
                # "While disavowing …, former Presidential advisor Vafa Guluzade claimed"
                comma = clean.find(", ", match.end(), s_end)
                after = [m for m in mentions if comma != -1 and comma < m.clean_start < s_end]
                persons = [m for m in after if gazetteer[m.actor_id].is_person and m.how != "title"]
                if persons:
                    speakers, why = (
                        [persons[0]],
                        "participle at the start: the subject of the main clause",
                    )
                    judgement = True
            elif re.search(r",\s*$", before):
                last = previous_in_sentence.get(s_start)
                if last is not None:
                    speakers = [m for m in mentions if m.actor_id == last.speaker][:1]
                    why = "participle after a comma: the speaker of the main clause (or the Embassy's inference)"  # noqa: E501
                    judgement = True
        if not speakers and re.search(r"\band\s*$", before):
            last = previous_in_sentence.get(s_start)
            if last is not None:
                speakers = [m for m in mentions if m.actor_id == last.speaker][:1]
                why = "'and' + verb: the same speaker as the verb before"
        if not speakers:
            continue
        if re.match(r"\s*As\s", clean[s_start : match.start()]) and lemma == "tell":
            # "As Foreign Minister Mammadyarov told the Ambassador, the GOAJ is likely …"
            comma = clean.find(", ", match.end(), s_end)
            clauses = (
                [_Clause(comma + 2, _trim_end(clean, comma + 2, s_end))] if comma != -1 else []
            )
            why += "; 'As X told Y, …': what was said is the main clause"
            judgement = True
        else:
            clauses = _clause_after(clean, match.end(), s_end, lemma, subordinate)
        if subordinate:
            judgement = True
            why += "; inside a subordinate clause of someone else's statement (nested speech)"
        for speaker in speakers:
            for clause in clauses:
                statement = _make_statement(
                    text,
                    gazetteer,
                    speaker.actor_id,
                    verb,
                    lemma,
                    clause,
                    match,
                    number,
                    judgement,
                    why,
                )
                found.append(statement)
                previous_in_sentence[s_start] = statement
        found += _borrowed_points(text, gazetteer, by_end, clauses, match, number, s_start, s_end)
    return found


def _is_noun_use(clean: str, position: int) -> bool:
    """ "the statement", "these remarks": a determiner before the word makes it a noun."""
    before = clean[max(0, position - 12) : position]
    return bool(
        re.search(
            r"\b(?:the|a|an|his|her|its|their|this|that|these|those|our|such)\s+$", before, re.I
        )
    )


def _trim_end(clean: str, start: int, end: int) -> int:
    body = clean[start:end]
    stop = re.search(r"\s\(", body)
    if stop:
        body = body[: stop.start()]
    return start + len(body.rstrip(" .;,"))


def _borrowed_points(
    text, gazetteer, by_end, clauses, match, number, s_start, s_end
) -> list[Statement]:
    """ "(a point Deputy Foreign Minister Khalafov separately made to DCM)": the same content, another speaker."""  # noqa: E501
    clean = text.text
    out = []
    for point in re.finditer(
        r"\(a point\s+(.{1,80}?)\s+(?:\w+ly\s+)?(made|raised)\b", clean[match.end() : s_end]
    ):
        verb_start = match.end() + point.start(2)
        speakers, _ = _speaker_before(clean, verb_start, match.end() + point.start(1), by_end)
        for speaker in speakers:
            for clause in clauses[:1]:
                out.append(
                    _make_statement(
                        text,
                        gazetteer,
                        speaker.actor_id,
                        point.group(2),
                        "make",
                        clause,
                        _FakeMatch(verb_start, verb_start + len(point.group(2))),
                        number,
                        True,
                        "'a point X made': X said the same thing, separately (the content is borrowed)",  # noqa: E501
                    )
                )
    return out


@dataclass
class _FakeMatch:
    _start: int
    _end: int

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _make_statement(
    text, gazetteer, speaker, verb, lemma, clause, match, number, judgement, why
) -> Statement:
    raw_start, raw_end = text.clean.to_raw(clause.start, clause.end)
    verb_start, verb_end = text.clean.to_raw(match.start(), match.end())
    said = text.cable.raw[raw_start:raw_end]
    code, code_judgement, code_why = _code_for(lemma, said)
    return Statement(
        speaker=speaker,
        verb=verb,
        lemma=lemma,
        start=raw_start,
        end=raw_end,
        text=said,
        verb_start=verb_start,
        verb_end=verb_end,
        paragraph=number,
        code=code,
        code_label=CODE_LABELS.get(code, ""),
        judgement_call=judgement or code_judgement,
        why=f"{why}; code: {code_why}",
    )


def _headline_statements(
    text: _Text, gazetteer: Gazetteer, mentions: list[Mention]
) -> list[Statement]:
    """'"Headline," OUTLET, date': a headline is a statement of the outlet."""
    clean = text.text
    out = []
    media = {a.id for a in gazetteer.actors if a.type == "media outlet"}
    for m in mentions:
        if m.actor_id not in media:
            continue
        before = clean[max(0, m.clean_start - 200) : m.clean_start]
        headline = re.search(r"\"([^\"]{3,160}?)[,.]?\"\s*,?\s*$", before)
        if headline is None:
            continue
        h_start = m.clean_start - len(before) + headline.start(1)
        h_text = headline.group(1).rstrip(",.")
        s_start, _ = _sentence_bounds(clean, h_start)
        verbs = [
            v
            for v in _VERB_PATTERN.finditer(clean, s_start, h_start)
            if not _is_noun_use(clean, v.start())
        ]
        verb_match = verbs[-1] if verbs else _FakeMatch(m.clean_start, m.clean_end)
        verb = verbs[-1].group(1) if verbs else "headline"
        lemma = _VERB_FORMS.get(verb, "headline")
        paragraph = m.paragraph
        out.append(
            _make_statement(
                text,
                gazetteer,
                m.actor_id,
                verb,
                lemma,
                _Clause(h_start, h_start + len(h_text)),
                verb_match,
                paragraph,
                True,
                "a headline followed by the outlet's name: the outlet's statement",
            )
        )
    return out


def statements_table(cable: Cable, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Who said what: speaker, verb, what was said (with raw offsets), paragraph, code, judgement call."""  # noqa: E501
    import pandas as pd

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    rows = [
        {
            "speaker": s.speaker,
            "speaker_name": gazetteer[s.speaker].name,
            "voice": gazetteer[s.speaker].voice,
            "verb": s.verb,
            "said": s.text,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "code": s.code,
            "code_label": s.code_label,
            "judgement_call": s.judgement_call,
            "why": s.why,
        }
        for s in find_statements(cable, gazetteer)
    ]
    columns = [
        "speaker",
        "speaker_name",
        "voice",
        "verb",
        "said",
        "paragraph",
        "start",
        "end",
        "code",
        "code_label",
        "judgement_call",
        "why",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"paragraph": "Int64"})


# ---------------------------------------------------------------- draft actors

#: Titles that introduce a person's name ("Foreign Minister Mammadyarov").
DRAFT_TITLES = (
    "Deputy Chief of Mission",
    "Chief of Mission",
    "Charge d'Affaires",
    "Charge",
    "Ambassador",
    "Deputy Prime Minister",
    "Prime Minister",
    "Deputy Foreign Minister",
    "Foreign Minister",
    "Deputy Minister",
    "Minister",
    "Vice President",
    "President",
    "Supreme Leader",
    "Secretary General",
    "Secretary-General",
    "Deputy Secretary",
    "Assistant Secretary",
    "Under Secretary",
    "Secretary",
    "Spokesman",
    "Spokesperson",
    "spokesman",
    "spokesperson",
    "Advisor",
    "Adviser",
    "advisor",
    "adviser",
    "Director General",
    "Deputy Director",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Speaker",
    "Governor",
    "Mayor",
    "Senator",
    "Congressman",
    "Congresswoman",
    "Representative",
    "General",
    "Lieutenant General",
    "Major General",
    "Colonel",
    "Admiral",
    "Commander",
    "Chief",
    "Head",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Sheikh",
    "Emir",
    "Sultan",
    "Judge",
    "Prosecutor",
    "Ayatollah",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Professor",
    "Consul General",
    "Consul",
    "Counselor",
    "Attache",
    "Commissioner",
    "Deputy",
    "Leader",
    "MP",
    "Premier",
)

# Capitalised words that are never part of a person's name.
_NOT_NAME_TEXT = """
The A An In On At Of For And Or But To From By With As After Before During Since Until This
That These Those There Here Also However Meanwhile Although While When Where Who What
Summary Comment End Note Begin Reftel Ref Subject Tags Classified Reasons Section Para
January February March April May June July August September October November December Jan
Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
Saturday Sunday Embassy Ministry Government Department Office Council Committee Party
Parliament Republic Kingdom State States United Union Nations National International Federal
Central Foreign Affairs Security Defense Defence Interior Justice Finance Economy Trade
Energy Oil Gas Bank Fund Agency Service Services Force Forces Army Navy Police Court
Assembly Congress Senate House Administration President Minister Ambassador Secretary
Director Chairman General Deputy Chief Mission Charge Post Emboff Emboffs Poloff Econoff Pol
Econ Mr Mrs Ms Dr Amb Vice Prime Supreme Leader Spokesman Spokesperson Advisor Adviser Head
King Prince Sheikh Islamic Muslim Christian Orthodox Catholic Church University Institute
Academy Center Centre Press Media News Television TV Radio Newspaper Daily Times Group
Company Corporation Inc Ltd North South East West Northern Southern Eastern Western Middle
Near Far Gulf Sea Ocean River Province Region District City Capital Airport Street Avenue
Square Palace Hall Convention Treaty Agreement Declaration Resolution Act Law Code Plan
Program Programme Project Initiative Conference Summit Meeting Talks Process Team Working
Joint Special Public Peace War Conflict Crisis Human Rights Freedom Democracy Democratic
Liberal Conservative Socialist Communist Green People Peoples Popular Front Movement
Alliance Coalition Opposition European Asian African American Arab Russian Chinese Iranian
Iraqi Turkish Azerbaijani Armenian Georgian Serbian Kosovar Albanian French German British
Spanish Italian Swiss Afghan Pakistani Indian Emirati Qatari Jamaican Dutch Israeli
Palestinian Syrian Lebanese Saudi Kurdish Shia Sunni Soviet Ottoman Persian Caspian Balkan
Balkans Caucasus Europe Asia Africa America Americas Mr. Mrs. Dr. Ms. Sen. Gen. Col. Rep.
U.S. US USG GOAJ GOI UN EU NATO OSCE KFOR UNMIK EULEX IAEA OPEC OK Yes No Not None Please
Action Info Confidential Secret Unclassified Sensitive Noforn Sipdis Limited Official Use
Only Declassify Decl Sincerely Acting DAS FM DFM PM MFA MOD USS HMS Former Current Late One
Two Three Several Many Some Most All Both Each Every Other Another New Old Upper Lower
Greater Little Big Grand Holy Saint Chancellor Cabinet Presidents Ministers Ambassadors
Secretaries Leaders Officials Delegation Chapter Article Annex Part Hurricane Operation
Mount Lake Island Islands Valley Nagorno Research Reactor Nuclear Mediterranean Euro
Atlantic Pacific Baltic Korean Japanese Ukrainian Polish Czech Greek Cypriot Egyptian Libyan
Yemeni Omani Jordanian Kuwaiti Bahraini Somali Sudanese Ethiopian Kenyan Nigerian Mexican
Cuban Venezuelan Bolivian Brazilian Argentine Chilean Colombian Canadian Australian Swedish
Norwegian Danish Finnish Estonian Latvian Lithuanian Belarusian Moldovan Romanian Bulgarian
Hungarian Slovak Croatian Bosnian Macedonian Montenegrin Slovenian Austrian Belgian Irish
Scottish Portuguese Uzbek Kazakh Kyrgyz Tajik Turkmen Mongolian Tibetan Uighur Uyghur
Taiwanese Vietnamese Thai Burmese Indonesian Malaysian Filipino Hindu Jewish Baha'i Sufi
Wahhabi Salafi Taliban Hamas Hizballah Hezbollah Qaida Al-Qaida
"""
_NOT_NAME_WORDS = {w.casefold() for w in _NOT_NAME_TEXT.split()} | {
    word.casefold() for title in DRAFT_TITLES for word in title.split()
}

# Endings of ordinary English nouns and adjectives, rare in personal names.
_COMMON_SUFFIX = re.compile(
    r"(?:tion|sion|ment|ments|ity|ities|ism|isms|ists|ship|ance|ence|ics|ies|ial|ure|ors|ness|ive|ing|"  # noqa: E501
    r"ings|ation|able|ible|ward|wide|hood)$"
)
_ROMAN = re.compile(r"^[IVXLC]+$")


def _place_words() -> set[str]:
    """Country and city names (TAGS table, places.csv): a capitalised place is not a person."""
    words: set[str] = set()
    try:
        from ..reference.codes import tags

        for entry in tags().values():
            if getattr(entry, "kind", None) == "geographic" and entry.description:
                words.update(fold(w) for w in re.findall(r"[A-Za-z]+", entry.description))
    except Exception:  # noqa: BLE001 (the draft still works without the table)
        pass
    places = DATA_DIR / "geo" / "places.csv"
    if places.is_file():
        with places.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("city", "country"):
                    words.update(fold(w) for w in re.findall(r"[A-Za-z]+", row.get(column) or ""))
    return words


@lru_cache(maxsize=1)
def _cached_place_words() -> frozenset[str]:
    return frozenset(_place_words())


_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z]{2,}(?:-[A-Z]{2,})?)"
_FULL_NAME = re.compile(
    r"(?<![\w.])("
    + r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+(?:al-|el-|bin\s|ibn\s|van\s|von\s|de\s)?"
    r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{3,}(?:-[A-Z]{3,})?)){1,2}" + r")(?![\w])"
)


@dataclass
class _DraftGroup:
    key: str  # folded surname
    forms: dict[str, int] = field(default_factory=dict)  # surface → count
    titles: dict[str, int] = field(default_factory=dict)
    evidence: set[str] = field(default_factory=set)


def _is_name_word(word: str, lower_words: set[str], places: frozenset[str]) -> bool:
    folded = fold(word.rstrip("."))
    if len(word) == 2 and word.endswith("."):
        return True  # a middle initial
    if folded in _NOT_NAME_WORDS or folded in places or len(folded) < 2:
        return False
    if _ROMAN.match(word) or _COMMON_SUFFIX.search(folded):
        return False
    parts = [part for part in folded.split("-") if len(part) > 2]
    if len(parts) > 1 and any(
        part in _NOT_NAME_WORDS or part in places or part in ("anti", "pro") for part in parts
    ):
        return False  # "Anti-Azerbaijan", "Pro-Western"
    return folded not in lower_words  # a word also written in lower case is an ordinary word


def draft_actors(cable: Cable, *, min_evidence: int = 1) -> Gazetteer:
    """A first gazetteer for a cable nobody annotated: people found from titles and names.

    Two kinds of evidence, both visible in each draft row's ``role`` column:
    a title right before a name ("Foreign Minister Mammadyarov") and a
    well-formed full name ("Jason P. Hyland") whose words never occur in lower
    case in the cable and are not places, months or institution words.
    Variants are grouped by surname. Surnames alone join a group but never
    start one. Precision matters more than recall: check and correct the list,
    then save it with :func:`save_gazetteer`.
    """
    text = normalise(cable.raw).text
    body_start = min((p.start for p in cable.paragraphs), default=0)
    # Search the Classified By line and the body; the header holds station names only.
    lower_words = {fold(w) for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
    places = _cached_place_words()
    groups: dict[str, _DraftGroup] = {}
    mixed_case = len(re.findall(r"[a-z]", text)) > 0.2 * len(re.findall(r"[A-Za-z]", text))
    if not mixed_case:
        return _draft_gazetteer(
            cable,
            [],
            "the cable is written in capitals only: names cannot be told from words, "
            "so the draft lists no people; add them by hand",
        )
    titles = sorted(DRAFT_TITLES, key=len, reverse=True)
    title_pattern = re.compile(
        r"(?<![\w])("
        + "|".join(re.escape(t) for t in titles)
        + r")\s+("
        + _NAME_TOKEN
        + r"(?:\s+"
        + _NAME_TOKEN
        + r"){0,2})"
    )
    raw_offset_text = text
    classified = cable.classified_by or ""

    def add(surface: str, evidence: str, title: str | None = None) -> None:
        words = []
        for word in surface.split():
            words.append(re.sub(r"['’]s$", "", word))
            if re.search(r"['’]s$", word):
                break  # "Khamenei's Alleged …": the name ends at the possessive
        while words and not _is_name_word(words[-1], lower_words, places):
            words.pop()
        while words and not _is_name_word(words[0], lower_words, places):
            words.pop(0)
        words = [w for w in words if not (len(w) == 2 and w.endswith(".")) or w is not words[-1]]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            return
        if not all(_is_name_word(w, lower_words, places) for w in words):
            return
        surname = fold(words[-1])
        group = groups.setdefault(surname, _DraftGroup(surname))
        form = " ".join(words)
        group.forms[form] = group.forms.get(form, 0) + 1
        group.evidence.add(evidence)
        if title:
            group.titles[title] = group.titles.get(title, 0) + 1

    search_text = raw_offset_text
    region_start = _clean_index_of_raw(cable, body_start) if cable.paragraphs else 0
    regions = [search_text[region_start:], classified]
    for region in regions:
        for match in title_pattern.finditer(region):
            candidate = match.group(2)
            # keep only the name tokens right after the title (stop at an ordinary word)
            tokens = []
            for token in candidate.split():
                if not _is_name_word(token, lower_words, places):
                    break
                tokens.append(token)
            if tokens:
                add(" ".join(tokens), "title", match.group(1))
        for match in _FULL_NAME.finditer(region):
            add(match.group(1), "full name")
    # Surnames alone join a group found above, never start one.
    people = []
    for key, group in groups.items():
        longest = max(group.forms, key=lambda f: (len(f.split()), group.forms[f]))
        evidence = sorted(group.evidence)
        if len(longest.split()) == 1 and "title" not in group.evidence:
            continue
        if len(evidence) < min_evidence:
            continue
        people.append((key, longest, group, evidence))
    # Merge "Aliyev" into "Ilham Aliyev" (same surname key already); drop groups whose
    # single word is the first name of another group ("Jason" of "Jason Hyland").
    first_names = {fold(p[1].split()[0]) for p in people if len(p[1].split()) > 1}
    people = [p for p in people if not (len(p[1].split()) == 1 and p[0] in first_names)]
    return _draft_gazetteer(cable, people, "")


def _clean_index_of_raw(cable: Cable, raw_position: int) -> int:
    import bisect

    clean = normalise(cable.raw)
    return bisect.bisect_left(clean.raw_starts, raw_position)


def _draft_gazetteer(cable: Cable, people: list, note: str) -> Gazetteer:
    actors: list[Actor] = []
    used: set[str] = set()
    for _key, longest, group, evidence in sorted(people, key=lambda p: p[1]):
        actor_id = re.sub(r"[^a-z0-9]+", "_", fold(longest)).strip("_") or "person"
        while actor_id in used:
            actor_id += "_2"
        used.add(actor_id)
        surname = longest.split()[-1]
        aliases = tuple(dict.fromkeys([*sorted(group.forms, key=len, reverse=True), surname]))
        titles = tuple(sorted(group.titles, key=lambda t: -group.titles[t]))
        actors.append(
            Actor(
                id=actor_id,
                name=longest,
                aliases=aliases,
                titles=(),
                type="person",
                role=f"DRAFT: found by {' and '.join(evidence)}"
                + (f"; introduced as {', '.join(titles)}" if titles else ""),
                voice="",
                background="not verified",
                background_source="—",
            )
        )
    embassy = _reporting_embassy(cable, used)
    if embassy is not None:
        actors.append(embassy)
    notes = (note,) if note else ()
    return Gazetteer(tuple(actors), "draft", None, notes)


def _reporting_embassy(cable: Cable, used: set[str]) -> Actor | None:
    origin = cable.origin or ""
    if not origin:
        return None
    actor_id = "reporting_post"
    return Actor(
        id=actor_id,
        name=origin,
        aliases=(origin, "Embassy", "Post", "emboff", "emboffs"),
        type="reporting embassy",
        role="DRAFT: the sender (FM line); speaks as 'we' and through its officers",
        voice="embassy",
        background="not verified",
        background_source="—",
    )


# ---------------------------------------------------------------- tables, JSON, CLI


def actors_table(cable: Cable, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """One row per actor: name, type, role, code, voice, mentions and statements counted."""
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
    return pd.DataFrame(rows)


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
