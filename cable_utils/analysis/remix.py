"""Remixing: choose any cable, read its warnings in plain words, compare it with 08BAKU151.

Lesson 05 lets a student or an instructor take a cable of their own (a sample,
an uploaded file or pasted text) and run the whole tour on it. This module holds
the parts that are not widgets, so they can be tested and reused:

* :func:`sample_cables` / :func:`sample_options`: the cables shipped in
  ``data/cables`` with their ID, date, origin and subject, for a dropdown;
* :func:`load_uploaded` / :func:`load_pasted` and :func:`try_load`: turn a
  FileUpload value or pasted text into a :class:`~cable_utils.model.Cable`,
  with a :class:`~cable_utils.errors.CableError` turned into a plain message;
* :func:`explain_warning` / :func:`warnings_table`: what each parser warning
  means for a historian, and what to do about it;
* :func:`compare_structure`: the chosen cable beside 08BAKU151 (era, which
  header parts exist, markings used).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .._arguments import CABLE, CABLE_ID, Needs, items_of, takes
from ..errors import CableError, EmptyCableError
from ..model import SEGMENT_KINDS, Cable, Defect
from ..parse import load_cable, takes_cable
from ..source.loading import decode_bytes
from ..source.paths import (
    CABLE_ID_PATTERN,
    DATA_DIR,
    cable_dirs,
    checked_work_folder,
    find_cable_file,
    known_cable_ids,
    work_cables_dir,
)
from .explain import explain_defect

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "COLLECTION_CABLE",
    "HEADER_PARTS",
    "LoadOutcome",
    "SampleCable",
    "WarningExplanation",
    "compare_structure",
    "FALLBACK_WORK_ID",
    "SavedClaims",
    "era_of",
    "example_claims",
    "load_claims",
    "save_claims",
    "work_id",
    "explain_warning",
    "first_upload",
    "load_pasted",
    "load_sample",
    "load_uploaded",
    "markings_used",
    "sample_cables",
    "sample_options",
    "samples_table",
    "try_load",
    "warnings_table",
]

#: The collection's own cable, the yardstick every remix is compared with.
COLLECTION_CABLE = "08BAKU151"

#: The parts of a cable's header and front matter compared in :func:`compare_structure`,
#: in reading order (segment kinds of :data:`cable_utils.model.SEGMENT_KINDS`).
HEADER_PARTS: tuple[str, ...] = (
    "vzczc",
    "routing",
    "de_line",
    "security_line",
    "dtg",
    "from",
    "to",
    "info",
    "banner",
    "handling",
    "office",
    "eo",
    "tags",
    "subject",
    "ref",
    "classified_by",
    "section_heading",
    "signature",
    "artifact",
)


# --------------------------------------------------------------------------- samples


@dataclass(frozen=True, slots=True)
class SampleCable:
    """One cable a student can choose, as a dropdown shows it."""

    id: str
    date: str  # ISO date, or "" when the cable has no date-time group
    origin: str
    subject: str
    classification: str
    is_collection_cable: bool
    #: a text the student added (pasted, uploaded), kept in my_work/cables
    is_yours: bool = False

    @property
    def label(self) -> str:
        """``08BAKU151 · 2008-02-19 · AMEMBASSY BAKU · AZERBAIJANI REACTION …``"""
        subject = self.subject if len(self.subject) <= 60 else self.subject[:57] + "…"
        parts = [self.id, self.date or "undated", self.origin, subject]
        if self.is_yours:
            parts.append("added by you")
        return " · ".join(part for part in parts if part)


@lru_cache(maxsize=4)
def _sample_cables(files: tuple[tuple[str, int], ...]) -> tuple[SampleCable, ...]:
    items = []
    yours = work_cables_dir().resolve()
    for cable_id in known_cable_ids():
        try:
            path = find_cable_file(cable_id)
            cable = load_cable(path)
        except CableError:  # a broken file in data/ must not break the dropdown
            continue
        items.append(
            SampleCable(
                id=cable_id,
                date=cable.date.date().isoformat() if cable.date else "",
                origin=cable.origin or "",
                subject=cable.subject or "(no subject line)",
                classification=cable.classification or "",
                is_collection_cable=cable_id == COLLECTION_CABLE,
                is_yours=path.resolve().parent == yours,
            )
        )
    # The collection's cable first, then the samples in date order (undated last).
    return tuple(
        sorted(items, key=lambda s: (not s.is_collection_cable, s.date == "", s.date, s.id))
    )


def sample_cables() -> tuple[SampleCable, ...]:
    """Every cable a lesson can open by ID (08BAKU151 first, then by date).

    That is the collection's cables and the ones the student added in
    ``my_work/cables``. The list is read again whenever a file was added or changed.
    """
    files = tuple(
        sorted(
            (str(path), path.stat().st_mtime_ns)
            for folder in cable_dirs()
            if folder.is_dir()
            for path in folder.glob("*.txt")
        )
    )
    return _sample_cables(files)


def sample_options() -> list[tuple[str, str]]:
    """``(label, cable ID)`` pairs for an ``ipywidgets.Dropdown``."""
    return [(sample.label, sample.id) for sample in sample_cables()]


def samples_table() -> pd.DataFrame:
    """The shipped cables as a table: id, date, origin, classification, subject."""
    import pandas as pd

    rows = [
        {
            "id": s.id,
            "date": s.date,
            "origin": s.origin,
            "classification": s.classification,
            "subject": s.subject,
        }
        for s in sample_cables()
    ]
    return pd.DataFrame(rows, columns=["id", "date", "origin", "classification", "subject"])


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadOutcome:
    """What happened when a student asked for a cable: the cable, or a message why not."""

    cable: Cable | None
    message: str
    source: str  # "sample", "upload" or "paste"

    @property
    def ok(self) -> bool:
        return self.cable is not None


def _id_from_name(name: str) -> str | None:
    stem = name.rsplit("/", 1)[-1].split(".")[0]
    return stem if CABLE_ID_PATTERN.match(stem) else None


def first_upload(value: Any) -> Mapping[str, Any]:
    """The first file of a FileUpload value (ipywidgets 8: a tuple of dicts; 7: a dict)."""
    if isinstance(value, Mapping):
        if "content" in value:
            return value
        files = [dict(item, name=item.get("name", key)) for key, item in value.items()]
    elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
        files = list(value)
    else:
        raise CableError("no file was uploaded: choose a .txt file with the Upload button first")
    if not files:
        raise EmptyCableError(
            "no file was uploaded: choose a .txt file with the Upload button first"
        )
    first = files[0]
    if not isinstance(first, Mapping) or "content" not in first:
        raise CableError(
            "the upload widget did not hand over a file's content; try uploading again"
        )
    return first


def load_sample(cable_id: str) -> Cable:
    """A cable shipped in ``data/cables`` by its ID (never a path: ``../x`` is refused)."""
    return load_cable(find_cable_file(str(cable_id).strip()))


def load_uploaded(value: Any) -> Cable:
    """A cable from an ``ipywidgets.FileUpload`` value (the first file if several).

    The bytes go through the same checks as a file on disk (size, binary data,
    UTF-8 then cp1252). A file named like a cable ID (``10MOSCOW228.txt``) gives
    the cable that ID.
    """
    from ..parse.parser import parse_text

    item = first_upload(value)
    name = str(item.get("name") or "the uploaded file")
    content = item["content"]
    data = content.tobytes() if isinstance(content, memoryview) else bytes(content)
    text, notes = decode_bytes(data, name=name)
    return parse_text(text, source=f"uploaded: {name}", cable_id=_id_from_name(name), notes=notes)


def load_pasted(text: str) -> Cable:
    """A cable from pasted text (with the same size and binary-data checks as a file)."""
    from ..parse.parser import parse_text

    if not isinstance(text, str) or not text.strip():
        raise EmptyCableError("nothing was pasted: paste the text of a cable into the box first")
    checked, notes = decode_bytes(text.encode("utf-8"), name="the pasted text")
    return parse_text(checked, source="pasted text", notes=notes)


def try_load(source: str, value: Any) -> LoadOutcome:
    """Load a cable from ``"sample"`` (an ID), ``"upload"`` or ``"paste"``, never raising.

    A :class:`CableError` becomes the outcome's ``message``, in plain words; on
    success the message says what was loaded and how many warnings it has.
    """
    loaders = {"sample": load_sample, "upload": load_uploaded, "paste": load_pasted}
    if source not in loaders:
        raise ValueError(f"source must be sample, upload or paste, not {source!r}")
    try:
        cable = loaders[source](value)
    except CableError as error:
        where = {"sample": "that sample", "upload": "the uploaded file", "paste": "the pasted text"}
        return LoadOutcome(None, f"Could not read {where[source]}: {error}", source)
    count = len(cable.warnings)
    warned = f"; {count} thing(s) look unusual, explained below" if count else "; no warnings"
    return LoadOutcome(cable, f"Loaded {cable.id or 'a cable without an ID'}{warned}.", source)


# --------------------------------------------------------------------------- warnings


@dataclass(frozen=True, slots=True)
class WarningExplanation:
    """A parser warning (a defect's message), its kind, what it means, and what to do."""

    warning: str
    kind: str
    topic: str
    meaning: str
    what_to_do: str


def explain_warning(defect: Defect) -> WarningExplanation:
    """What a defect means for a historian, in plain words: looked up by its kind
    (:data:`cable_utils.analysis.explain.DEFECT_EXPLANATIONS`), never by its wording."""
    explanation = explain_defect(defect)
    return WarningExplanation(
        defect.message, defect.kind, explanation.topic, explanation.meaning, explanation.what_to_do
    )


_DEFECTS = items_of(Defect, what="a list of defects", how="defects = cable.defects")
_CABLE_OR_DEFECTS = Needs(
    "a cable or a list of its defects",
    "warnings_table(cable)",
    lambda value: isinstance(value, Cable) or _DEFECTS.fits(value),
)


@takes(_CABLE_OR_DEFECTS)
def warnings_table(cable_or_defects: Cable | Iterable[Defect]) -> pd.DataFrame:
    """One row per defect: the warning, its kind, topic, what it means, and what to do."""
    import pandas as pd

    defects = cable_or_defects.defects if isinstance(cable_or_defects, Cable) else cable_or_defects
    rows = [explain_warning(defect) for defect in defects]
    columns = ["warning", "kind", "topic", "meaning", "what_to_do"]
    return pd.DataFrame([[getattr(r, c) for c in columns] for r in rows], columns=columns)


# --------------------------------------------------------------------------- comparison


@lru_cache(maxsize=1)
def _executive_orders() -> tuple[tuple[str, int, int | None], ...]:
    import csv

    path = DATA_DIR / "reference" / "executive_orders.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        (
            row["order"],
            int(row["in_force_from"]),
            int(row["in_force_to"]) if row["in_force_to"] else None,
        )
        for row in rows
    )


@takes_cable
def era_of(cable: Cable) -> str:
    """The cable's era in words: its decade and the Executive Order on its E.O. line.

    >>> era_of(load_cable("08BAKU151"))
    '2000s; E.O. 12958 (in force from 1995)'
    """
    decade = f"{cable.date.year // 10 * 10}s" if cable.date else "undated"
    if not cable.eo:
        return f"{decade}; no E.O. line"
    for order, start, end in _executive_orders():
        if order == cable.eo:
            span = f"{start}–{end}" if end else f"from {start}"
            later = ""
            if cable.date and cable.date.year < start:
                # e.g. a 1972 cable with "E.O. 12958 … DECLASSIFIED 2006": the line was
                # written when the cable was reviewed for release, not when it was sent.
                later = ", later than the cable: probably added when it was reviewed for release"
            return f"{decade}; E.O. {order} (in force {span}{later})"
    return f"{decade}; E.O. {cable.eo}"


@takes_cable
def markings_used(cable: Cable) -> list[str]:
    """The portion markings of the numbered paragraphs, without repeats, in order of use."""
    return list(dict.fromkeys(p.marking for p in cable.paragraphs if p.marking))


def _parts_present(cable: Cable) -> set[str]:
    return {segment.kind for segment in cable.segments}


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _features(cable: Cable) -> list[tuple[str, str, str]]:
    """(aspect, feature, value) rows describing one cable's structure."""
    present = _parts_present(cable)
    numbered = [p for p in cable.paragraphs if p.number is not None]
    rows = [
        ("identity", "cable ID", cable.id or "—"),
        ("identity", "date", cable.date.date().isoformat() if cable.date else "—"),
        ("identity", "era", era_of(cable)),
        ("identity", "sent from", cable.origin or "—"),
        ("classification", "banner level", cable.classification or "—"),
        ("classification", "handling caveats", ", ".join(cable.handling) or "—"),
        ("classification", "portion markings used", ", ".join(markings_used(cable)) or "—"),
        (
            "classification",
            "classification reasons",
            ", ".join(r.letter for r in cable.reasons) or "—",
        ),
        ("addressees", "action addressees (TO)", str(len(cable.to))),
        ("addressees", "information addressees (INFO)", str(len(cable.info))),
        ("body", "numbered paragraphs", str(len(numbered))),
        ("body", "REF entries", str(len(cable.references))),
        ("body", "TAGS codes", str(len(cable.tags))),
        ("body", "warnings", str(len(cable.warnings))),
    ]
    rows += [
        ("header part", f"{kind}: {SEGMENT_KINDS[kind].split(':')[0].split('(')[0].strip()}",
         _yes_no(kind in present))
        for kind in HEADER_PARTS
    ]  # fmt: skip
    return rows


@takes_cable
@takes(reference=CABLE.or_none())
def compare_structure(cable: Cable, reference: Cable | None = None) -> pd.DataFrame:
    """The chosen cable's structure beside 08BAKU151's, one feature per row.

    Columns: ``aspect`` (identity, classification, addressees, body, header
    part), ``feature``, ``this_cable``, ``reference`` (08BAKU151 unless another
    cable is given) and ``same`` (True where the two values are equal). The
    cables' IDs are in ``frame.attrs``.
    """
    import pandas as pd

    other = reference if reference is not None else load_cable(COLLECTION_CABLE)
    mine, theirs = _features(cable), _features(other)
    rows = [
        {
            "aspect": aspect,
            "feature": feature,
            "this_cable": value,
            "reference": other_value,
            "same": value == other_value,
        }
        for (aspect, feature, value), (_, _, other_value) in zip(mine, theirs, strict=True)
    ]
    frame = pd.DataFrame(rows, columns=["aspect", "feature", "this_cable", "reference", "same"])
    frame.attrs["this_cable"] = cable.id
    frame.attrs["reference"] = other.id
    return frame


# --------------------------------------------------------------------------- student work

#: The ID work is saved under when a cable has none (pasted text without a banner).
FALLBACK_WORK_ID = "my_cable"
_SAFE_WORK_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@takes_cable
def work_id(cable: Cable) -> str:
    """The ID a remixer's files are saved under: the cable's ID, or ``my_cable``."""
    return cable.id if cable.id and _SAFE_WORK_ID.match(cable.id) else FALLBACK_WORK_ID


def _claims_work(cable_id: str):
    from ..reference.storage import WorkFile, work_dir
    from .argument import CLAIM_COLUMNS

    if not _SAFE_WORK_ID.match(cable_id or ""):
        raise CableError(f"{cable_id!r} is not a cable ID (IDs look like 08BAKU151)")
    # Checked first: in a "folder" that is a file, WorkFile would look for a free name forever.
    folder = checked_work_folder(work_dir(create=False) / cable_id)
    return WorkFile.open("claims.csv", columns=CLAIM_COLUMNS, folder=folder)


@dataclass(frozen=True)
class SavedClaims:
    """What :func:`save_claims` wrote (or why it wrote nothing)."""

    path: Any  # the file written, or None when nothing was saved
    rows: list[dict[str, str]]
    problems: list[str]
    message: str

    @property
    def saved(self) -> bool:
        return self.path is not None


#: Claim ids a learner's own claims get (S-1, S-2 …), so they never collide with curated
#: or hand-written ids (C1, C2 …) in claims.csv or in a stances file.
STUDENT_CLAIM_PREFIX = "S-"
_PLACEHOLDER = {"", "...", "…"}


def _is_placeholder(value: Any) -> bool:
    return value is None or value is Ellipsis or " ".join(str(value).split()) in _PLACEHOLDER


def save_claims(
    claims: Iterable[Mapping[str, Any]], cable: Cable, cable_id: str | None = None
) -> SavedClaims:
    """Save your claims in ``my_work/<ID>/claims.csv`` (the schema of lesson 04's claims.csv).

    Each claim is a dict with ``claim``, ``holder`` (an actor id), ``stance``
    (FAVOR / AGAINST / NONE) and ``quote`` (exact words from the cable); the
    paragraph is found from the quote. A claim whose text and quote are both
    still the placeholder ``...`` is skipped; with nothing left, nothing is
    written. Claims get the ids ``S-1``, ``S-2`` … unless they carry a
    ``claim_id``. The claims are checked by the same validator as every
    annotation file (:mod:`cable_utils.analysis.annotations`): if any would not
    pass, **nothing is written** and ``problems`` says, claim by claim, what to
    fix, so the file on disk always passes and lesson 04 can use it. Rows already
    in the file under other ids (claims a teacher wrote by hand) are kept as they
    are; only your ``S-`` claims are replaced. The write is atomic, a file that
    cannot be read is kept (see ``storage``), and saving the same claims again
    writes nothing.
    """
    from .annotations import Problem, check_claim_rows, known_actors, work_folder

    the_id = cable_id or work_id(cable)
    work = _claims_work(the_id)  # refuses an ID with path characters before anything else
    rows: list[dict[str, str]] = []
    for index, claim in enumerate(claims, start=1):
        if _is_placeholder(claim.get("claim")) and _is_placeholder(claim.get("quote")):
            continue
        text = " ".join(str(claim.get("claim") or "").split())
        quote = " ".join(str(claim.get("quote") or "").split())
        holder = "" if _is_placeholder(claim.get("holder")) else str(claim.get("holder")).strip()
        rows.append(
            {
                "claim_id": str(claim.get("claim_id") or f"{STUDENT_CLAIM_PREFIX}{index}"),
                "claim": text,
                "question": str(claim.get("question") or ""),
                "holder": holder,
                "stance": str(claim.get("stance") or "").strip().upper(),
                "paragraph": _paragraph_of_quote(cable, quote),
                "quote": quote,
                "note": str(claim.get("note") or ""),
                "_line": str(index),
            }
        )
    if not rows:
        return SavedClaims(None, [], ["no claim written yet: nothing was saved"], work.message)
    found: list[Problem] = []
    folder = work_folder(the_id)
    own = folder / "actors.csv"
    actors = known_actors(cable, folder, _actor_rows(own) if own.is_file() else None)
    check_claim_rows(cable, rows, actors, found, file="claims")
    problems = [
        f"claim {p.line}: {p.message}. Fix: {p.fix}" if p.line else f"{p.message}. Fix: {p.fix}"
        for p in found
    ]
    # No NUL (pasted from a PDF, say): the reader would take the saved file for binary
    # data and keep it aside, and the claims would vanish from lessons 04 and 05.
    clean = [{k: v.replace("\x00", "") for k, v in row.items() if k != "_line"} for row in rows]
    if problems:
        message = (
            f"Nothing was saved: {len(problems)} problem(s) to fix first (a saved file must "
            f"pass the same check as lesson 04's). {work.message}".strip()
        )
        return SavedClaims(None, clean, problems, message)
    mine = {row["claim_id"] for row in clean}
    kept = [
        row
        for row in work.rows
        if row.get("claim_id") not in mine
        and not str(row.get("claim_id") or "").startswith(STUDENT_CLAIM_PREFIX)
    ]
    combined = kept + clean
    if _same_rows(work.rows, combined):
        return SavedClaims(work.path, clean, [], work.message)
    path = work.save(combined)
    return SavedClaims(path, clean, [], work.message or f"Saved {len(clean)} claim(s) to {path}.")


def _paragraph_of_quote(cable: Cable, quote: str) -> str:
    from .argument import locate_quote

    where = locate_quote(cable, quote) if quote else None
    if where is None:
        return ""
    inside = [p.number for p in cable.paragraphs if p.start <= where[0] < p.end]
    return str(inside[0]) if inside and inside[0] is not None else ""


def _actor_rows(path: Any) -> list[dict[str, str]] | None:
    from .annotations import read_annotation_table

    _, rows, problems = read_annotation_table(path, ("id", "name"))
    unreadable = any(problem.line in (None, 1) for problem in problems)
    return None if unreadable else rows


def _same_rows(saved: list[dict[str, str]], rows: list[dict[str, str]]) -> bool:
    from .argument import CLAIM_COLUMNS

    def key(row: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(str(row.get(column) or "") for column in CLAIM_COLUMNS)

    return [key(r) for r in saved] == [key(r) for r in rows]


@takes(CABLE_ID)
def load_claims(cable_id: str) -> list[dict[str, str]]:
    """The claims saved for ``cable_id`` (empty when none); nothing is created or written."""
    return list(_claims_work(cable_id).rows)


@takes_cable
def example_claims(cable: Cable, holder: str | None = None) -> list[dict[str, str]]:
    """Three example claims for any cable: the first sentence of three paragraphs as evidence.

    Used by the lesson's solution cells to show the shape of an answer; a real
    claim is a proposition in your own words, which this cannot write for you.
    """
    from .actors import load_gazetteer
    from .argument import locate_quote

    who = holder or (load_gazetteer(cable).ids or ["reporting_post"])[-1]
    sources = [p for p in cable.paragraphs if p.number is not None] or list(cable.paragraphs)
    claims = []
    for paragraph in sources:
        sentence = re.split(r"(?<=[.!?])\s+", " ".join(paragraph.text.split()))[0]
        words = sentence.split()
        # a marked paragraph starts "(C) …": quote the words after the marking
        while words and re.fullmatch(r"\([A-Z/ -]{1,12}\)[.:]?|\d+\.|¶\d+\.", words[0]):
            words = words[1:]
        quote = " ".join(words[:14])
        if len(words) < 4 or locate_quote(cable, quote) is None:
            continue
        claims.append(
            {
                "claim": f"Paragraph {paragraph.number} reports: {' '.join(words[:8])} …",
                "holder": who,
                "stance": "FAVOR",
                "quote": quote,
            }
        )
        if len(claims) == 3:
            break
    return claims
