"""Claims, who holds them, how they relate, and how a student's stance coding compares.

The curated annotation of a cable lives in ``data/annotations/<CABLE_ID>/``
(schemas in ``data/annotations/README.md``):

- ``claims.csv``: one row per claim × holder: the claim, the question it bears
  on, the holder (an actor id), the holder's stance (FAVOR / AGAINST / NONE)
  and the evidence (paragraph number and an exact quote from the cable).
- ``relations.csv``: claim → claim, ``support`` or ``attack``. As in AIF and
  Argdown, claims are kept apart from who asserts them: a relation links
  propositions, the holders are attached to each proposition.
- ``reference_stances.csv``: a reference coding (actor × claim → stance and a
  one-line justification) that a student's coding is compared with.
- ``data/timeline.csv``: dated, sourced events around the cable.

:func:`load_argument` checks all of it against the cable with the one
validator of :mod:`cable_utils.analysis.annotations`: every quote must occur in
the cable's normalised text (it is then located with *raw* offsets, so it can be
highlighted in what was received), in the paragraph it names; every holder must
be a known actor; every relation must connect known claims. The good rows are
loaded and every bad one is listed with its line and a fix (``strict=True``
raises an :class:`AnnotationError` instead).

The agreement measures are percent agreement and Cohen's kappa over the items
both coders coded. :class:`StanceCoding` is a student's coding, saved through
:mod:`cable_utils.reference.storage` after every change.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._arguments import ARGUMENT, CABLE_ID, path_to, takes
from ..errors import CableError, CableNotFoundError
from ..model import Cable
from ..parse import takes_cable
from ..reference._frames import full_text_frame
from ..reference.sources import cite
from ..source.paths import DATA_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "STANCES",
    "Agreement",
    "AnnotationError",
    "ArgumentData",
    "Claim",
    "Evidence",
    "Relation",
    "StanceCoding",
    "TimelineEvent",
    "agreement",
    "claims_table",
    "claims_template",
    "cohen_kappa",
    "draft_holder_ids",
    "evidence_table",
    "has_curated_claims",
    "lesson_template",
    "load_argument",
    "load_timeline",
    "locate_quote",
    "relations_table",
    "short_claim_label",
    "stance_matrix",
    "timeline_table",
]

#: The SemEval-2016 Task 6 stance labels, toward a stated target (the claim).
STANCES = ("FAVOR", "AGAINST", "NONE")
RELATION_KINDS = ("support", "attack")
CLAIM_COLUMNS = ("claim_id", "claim", "question", "holder", "stance", "paragraph", "quote", "note")
LABEL_COLUMNS = ("claim_id", "label")
RELATION_COLUMNS = ("from_claim", "to_claim", "relation", "note")
REFERENCE_COLUMNS = ("actor", "claim_id", "stance", "justification")
CODING_COLUMNS = ("actor", "claim_id", "stance", "justification")
TIMELINE_COLUMNS = ("start_date", "end_date", "precision", "event", "category", "source")


class AnnotationError(CableError):
    """A curated annotation file does not fit the cable (every problem is listed)."""


# --------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Evidence:
    """One holder's stance toward a claim, with the quote that shows it (raw offsets)."""

    claim_id: str
    holder: str
    stance: str
    paragraph: int | None
    quote: str
    note: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A proposition (AIF I-node), the question it bears on, and who holds it how."""

    id: str
    text: str
    question: str
    evidence: tuple[Evidence, ...]
    #: A short label for the map (``claim_labels.csv``); empty: see :attr:`short_label`.
    label: str = ""

    @property
    def short_label(self) -> str:
        """The curated label, else the claim's first words (at most 34 characters)."""
        return self.label or short_claim_label(self.text)

    @property
    def holders(self) -> list[str]:
        return list(dict.fromkeys(item.holder for item in self.evidence))

    def stance_of(self, holder: str) -> str | None:
        for item in self.evidence:
            if item.holder == holder:
                return item.stance
        return None


@dataclass(frozen=True, slots=True)
class Relation:
    """``source`` supports or attacks ``target`` (AIF RA / CA node, Argdown ``+`` / ``-``)."""

    source: str
    target: str
    kind: str
    note: str


@dataclass(frozen=True)
class ArgumentData:
    """Everything lesson 04 needs about one cable's argument (possibly empty)."""

    cable_id: str
    claims: tuple[Claim, ...] = ()
    relations: tuple[Relation, ...] = ()
    actors: dict[str, dict[str, str]] = field(default_factory=dict)
    reference: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    folder: Path | None = None
    #: every problem of the annotation files (file, line, fix); their rows were left out
    problems: tuple[str, ...] = ()
    #: the validator's full result (:class:`~cable_utils.analysis.annotations.AnnotationCheck`)
    check: Any = field(default=None, compare=False, repr=False)

    @property
    def from_student_work(self) -> bool:
        return self.folder is not None and self.folder != annotation_folder(self.cable_id)

    @property
    def curated(self) -> bool:
        return bool(self.claims)

    def claim(self, claim_id: str) -> Claim:
        for item in self.claims:
            if item.id == claim_id:
                return item
        known = ", ".join(c.id for c in self.claims) or "none"
        raise KeyError(f"no claim {claim_id!r}; the claims are {known}")

    def actor_name(self, actor_id: str) -> str:
        return self.actors.get(actor_id, {}).get("name") or actor_id

    def holder_voice(self, actor_id: str) -> str:
        """The actor's voice (official, unofficial, embassy, foreign government, media, none)."""
        return self.actors.get(actor_id, {}).get("voice") or "none"

    def evidence_for(self, actor_id: str, claim_id: str) -> Evidence | None:
        for item in self.claim(claim_id).evidence:
            if item.holder == actor_id:
                return item
        return None

    @property
    def coding_actors(self) -> list[str]:
        """Actors of the coding grid: those of the reference coding, else every holder."""
        if self.reference:
            return list(dict.fromkeys(actor for actor, _ in self.reference))
        return list(dict.fromkeys(e.holder for c in self.claims for e in c.evidence))

    @property
    def coding_claims(self) -> list[str]:
        """Claims of the coding grid: those of the reference coding, else every claim."""
        if self.reference:
            wanted = {claim for _, claim in self.reference}
            return [c.id for c in self.claims if c.id in wanted]
        return [c.id for c in self.claims]


# --------------------------------------------------------------------------- reading


def _read_rows(path: Path, columns: tuple[str, ...], problems: list[str]) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            rows = [
                {k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader
            ]
    except (UnicodeDecodeError, csv.Error) as error:
        problems.append(f"{path.name}: cannot be read as a UTF-8 CSV table ({error})")
        return []
    missing = [c for c in columns if c not in header]
    if missing:
        problems.append(f"{path.name}: missing column(s) {', '.join(missing)}")
        return []
    return rows


def annotation_folder(cable_id: str) -> Path:
    return Path(DATA_DIR) / "annotations" / cable_id


def student_claims_folder(cable_id: str) -> Path | None:
    """``my_work/<ID>/`` when a student saved claims for this cable there (lesson 05)."""
    from ..reference.storage import work_dir

    if not cable_id:
        return None
    folder = work_dir(create=False) / cable_id
    return folder if (folder / "claims.csv").is_file() else None


def has_curated_claims(cable_id: str | None) -> bool:
    """True when ``data/annotations/<id>/claims.csv`` exists."""
    return bool(cable_id) and (annotation_folder(cable_id) / "claims.csv").is_file()


def _read_actors(folder: Path, problems: list[str]) -> dict[str, dict[str, str]]:
    rows = _read_rows(folder / "actors.csv", ("id", "name"), problems)
    return {row["id"]: row for row in rows if row.get("id")}


@takes_cable
def locate_quote(
    cable: Cable, quote: str, *, paragraph: int | None = None
) -> tuple[int, int] | None:
    """Raw ``(start, end)`` of ``quote`` in the cable, or None when it does not occur.

    The quote is searched in the *normalised* text (so scrape artifacts such as
    ``[1](#)`` do not get in the way), with any run of whitespace matching any
    run of whitespace, and the match is mapped back to raw offsets. When
    ``paragraph`` is given, only a match inside that numbered paragraph counts.
    """
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    bounds = None
    if paragraph is not None:
        found = [p for p in cable.paragraphs if p.number == paragraph]
        if not found:
            return None
        bounds = (found[0].start, found[0].end)
    for match in pattern.finditer(cable.text):
        start, end = cable.to_raw(match.start(), match.end())
        if bounds is None or (bounds[0] <= start and end <= bounds[1]):
            return start, end
    return None


@takes_cable
@takes(cable_id=CABLE_ID.or_none())
def load_argument(
    cable: Cable,
    cable_id: str | None = None,
    *,
    folder: Path | None = None,
    strict: bool = False,
) -> ArgumentData:
    """Load the argument of ``cable``: its claims, relations and reference coding.

    The files are checked by :func:`cable_utils.analysis.annotations.check_annotations`,
    the same validator ``make test`` and ``python -m cable_utils check-annotations``
    run. The good rows are loaded; every bad row is listed in ``problems`` (its
    file, line and a fix), so one bad row never empties the map. With
    ``strict=True`` any problem raises :class:`AnnotationError` instead.

    The folder is ``data/annotations/<ID>/``; when it has no ``claims.csv``, a
    student's ``my_work/<ID>/claims.csv`` (lesson 05) is read. Returns an empty
    :class:`ArgumentData` (``curated`` is False) when there are no claims.
    """
    from .annotations import check_annotations

    the_id = cable_id or cable.id or ""
    base = folder or annotation_folder(the_id)
    if folder is None and not (base / "claims.csv").is_file():
        own = student_claims_folder(the_id)
        if own is not None:
            return load_argument(cable, the_id, folder=own, strict=strict)
    check = check_annotations(cable, base, cable_id=the_id)
    if strict and check.problems:
        raise AnnotationError(
            f"the annotation of {the_id} in {base} does not fit the cable "
            f"({len(check.problems)} problem(s)):\n- " + "\n- ".join(str(p) for p in check.problems)
        )
    actors = {row["id"]: _without_line(row) for row in check.rows.get("actors.csv", [])}
    if not actors:
        actors = _gazetteer_rows(cable)
    problems = tuple(str(problem) for problem in check.problems)
    if "claims.csv" not in check.files:
        return ArgumentData(the_id, actors=actors, folder=base, problems=problems, check=check)
    claims = _claims_from_rows(cable, check.rows.get("claims.csv", []))
    label_problems: list[str] = []
    claims = _with_labels(claims, base / "claim_labels.csv", label_problems)
    if strict and label_problems:
        raise AnnotationError(
            f"the claim labels of {the_id} in {base} do not fit:\n- " + "\n- ".join(label_problems)
        )
    problems = (*problems, *label_problems)
    relations = [
        Relation(r["from_claim"], r["to_claim"], r["relation"].lower(), r.get("note", ""))
        for r in check.rows.get("relations.csv", [])
    ]
    reference = {
        (r["actor"], r["claim_id"]): (r["stance"].upper(), r.get("justification", ""))
        for r in check.rows.get("reference_stances.csv", [])
    }
    return ArgumentData(
        the_id, tuple(claims), tuple(relations), actors, reference, base, problems, check
    )


#: The longest label the argument map writes beside a node.
LABEL_LENGTH = 34


def short_claim_label(text: str, length: int = LABEL_LENGTH) -> str:
    """The first words of ``text`` that fit in ``length`` characters ("…" if cut)."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _with_labels(claims: list[Claim], path: Path, problems: list[str]) -> list[Claim]:
    """The claims with their labels from ``claim_labels.csv`` (optional)."""
    if not path.is_file():
        return claims
    rows = _read_rows(path, LABEL_COLUMNS, problems)
    labels: dict[str, str] = {}
    known = {c.id for c in claims}
    for line, row in enumerate(rows, start=2):
        where = f"claim_labels.csv line {line}"
        label = " ".join(row["label"].split())
        if row["claim_id"] not in known:
            problems.append(f"{where}: {row['claim_id']!r} is not a claim in claims.csv")
        elif len(label) > LABEL_LENGTH:
            problems.append(f"{where}: the label is longer than {LABEL_LENGTH} characters")
        else:
            labels[row["claim_id"]] = label
    return [replace(c, label=labels.get(c.id, "")) for c in claims]


def _without_line(row: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in row.items() if key != "_line"}


def _gazetteer_rows(cable: Cable) -> dict[str, dict[str, str]]:
    """Actor rows from the gazetteer the lessons use, so names show instead of ids."""
    from .actors import load_gazetteer

    try:
        gazetteer = load_gazetteer(cable)
    except CableError:
        return {}
    return {actor.id: actor.to_row() for actor in gazetteer.actors}


def _claims_from_rows(cable: Cable, rows: list[dict[str, str]]) -> list[Claim]:
    """Claims from rows the validator accepted (every quote occurs where it says)."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in rows:
        claim_id = row["claim_id"]
        entry = grouped.setdefault(claim_id, {"text": "", "question": "", "evidence": []})
        entry["text"] = entry["text"] or row.get("claim", "")
        entry["question"] = entry["question"] or row.get("question", "")
        paragraph_text = row.get("paragraph", "")
        paragraph = int(paragraph_text) if paragraph_text.isdigit() else None
        start, end = locate_quote(cable, row["quote"], paragraph=paragraph) or (0, 0)
        entry["evidence"].append(
            Evidence(
                claim_id,
                row["holder"],
                row["stance"].upper(),
                paragraph,
                row["quote"],
                row.get("note", ""),
                start,
                end,
            )
        )
    return [
        Claim(claim_id, entry["text"], entry["question"], tuple(entry["evidence"]))
        for claim_id, entry in grouped.items()
    ]


# --------------------------------------------------------------------------- tables


@takes(ARGUMENT)
def claims_table(data: ArgumentData) -> pd.DataFrame:
    """One row per claim: id, text, question, holders (names) and how many support/attack it."""
    import pandas as pd

    incoming = Counter((r.target, r.kind) for r in data.relations)
    rows = [
        {
            "claim_id": c.id,
            "claim": c.text,
            "question": c.question,
            "holders": "; ".join(f"{data.actor_name(e.holder)} ({e.stance})" for e in c.evidence),
            "supported_by": incoming[(c.id, "support")],
            "attacked_by": incoming[(c.id, "attack")],
        }
        for c in data.claims
    ]
    return pd.DataFrame(
        rows, columns=["claim_id", "claim", "question", "holders", "supported_by", "attacked_by"]
    )


@takes(ARGUMENT)
def evidence_table(data: ArgumentData) -> pd.DataFrame:
    """One row per claim × holder, with the quote and its raw ``start``/``end``."""
    import pandas as pd

    rows = [
        {
            "claim_id": e.claim_id,
            "holder": e.holder,
            "holder_name": data.actor_name(e.holder),
            "voice": data.holder_voice(e.holder),
            "stance": e.stance,
            "paragraph": e.paragraph,
            "quote": e.quote,
            "note": e.note,
            "start": e.start,
            "end": e.end,
        }
        for c in data.claims
        for e in c.evidence
    ]
    columns = [
        "claim_id",
        "holder",
        "holder_name",
        "voice",
        "stance",
        "paragraph",
        "quote",
        "note",
        "start",
        "end",
    ]
    return pd.DataFrame(rows, columns=columns)


@takes(ARGUMENT)
def relations_table(data: ArgumentData) -> pd.DataFrame:
    """The relations with both claims' texts, readable as sentences."""
    import pandas as pd

    texts = {c.id: c.text for c in data.claims}
    rows = [
        {
            "from_claim": r.source,
            "relation": r.kind,
            "to_claim": r.target,
            "reads": f"{r.source} {'supports' if r.kind == 'support' else 'attacks'} "
            f"{r.target}: “{texts.get(r.source, '?')}” {'→' if r.kind == 'support' else '⊣'} "
            f"“{texts.get(r.target, '?')}”",
            "note": r.note,
        }
        for r in data.relations
    ]
    return pd.DataFrame(rows, columns=["from_claim", "relation", "to_claim", "reads", "note"])


@takes(ARGUMENT)
def stance_matrix(data: ArgumentData, *, include_reference: bool = False) -> pd.DataFrame:
    """Actors × claims: FAVOR / AGAINST / NONE where the evidence says so, "" where not coded.

    With ``include_reference``, cells the evidence leaves empty are filled from
    the reference coding (which also codes inferred stances, as SemEval allows).
    """
    import pandas as pd

    claim_ids = [c.id for c in data.claims]
    cells: dict[tuple[str, str], str] = {}
    for claim in data.claims:
        for item in claim.evidence:
            cells.setdefault((item.holder, claim.id), item.stance)
    if include_reference:
        for key, (stance, _) in data.reference.items():
            cells.setdefault(key, stance)
    actors = list(dict.fromkeys(actor for actor, _ in cells))
    frame = pd.DataFrame("", index=pd.Index(actors, name="actor"), columns=claim_ids)
    for (actor, claim_id), stance in cells.items():
        frame.loc[actor, claim_id] = stance
    return frame


@takes_cable
def claims_template(cable: Cable, draft_actors: list[str] | None = None) -> pd.DataFrame:
    """An empty ``claims.csv`` to fill in for a cable without curated claims.

    Seeded with one row per draft actor (holder filled in, everything else
    blank), so a student can start from who speaks in the cable.
    """
    import pandas as pd

    holders = list(dict.fromkeys(draft_actors or [])) or [""]
    rows = [
        {column: "" for column in CLAIM_COLUMNS} | {"claim_id": f"C{i}", "holder": holder}
        for i, holder in enumerate(holders, start=1)
    ]
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


@takes_cable
def draft_holder_ids(cable: Cable, limit: int = 12) -> list[str]:
    """Actor ids to seed a claims template: the cable's curated actors, else lesson 03's draft.

    Returns an empty list when neither is available (the template then has one blank row).
    """
    folder = annotation_folder(cable.id or "")
    problems: list[str] = []
    curated = _read_actors(folder, problems)
    if curated:
        return list(curated)[:limit]
    try:
        from .actors import draft_actors
    except ImportError:  # lesson 03's module without a draft: no seed
        return []
    try:
        draft = draft_actors(cable)
    except CableError:
        return []
    actors = getattr(draft, "actors", draft)
    return [getattr(actor, "id", str(actor)) for actor in list(actors)[:limit]]


@takes_cable
@takes(data=ARGUMENT)
def lesson_template(cable: Cable, data: ArgumentData) -> pd.DataFrame:
    """The claims template of the lesson: seeded with the coding actors, or drafted ones."""
    holders = data.coding_actors if data.curated else draft_holder_ids(cable)
    return claims_template(cable, holders)


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    start: date
    end: date | None
    precision: str
    event: str
    category: str
    source: str  # ids of data/sources.csv, ";"-separated
    topic: str = ""  # the context primer's parts: Kosovo, Nagorno-Karabakh, the cable, afterwards


def _parse_partial_date(text: str, precision: str) -> date:
    text = text.strip()
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    if precision not in formats:
        raise ValueError(f"precision {precision!r} is not day, month or year")
    return datetime.strptime(text, formats[precision]).date()


#: load_timeline() reads the collection's timeline, or another timeline file.
_TIMELINE_FILE = path_to(
    "the path of a timeline file (or nothing)", "events = load_timeline()"
).or_none()


@takes(_TIMELINE_FILE)
def load_timeline(path: Path | None = None) -> list[TimelineEvent]:
    """Read ``data/timeline.csv``; every event needs a date of its precision and a source."""
    target = Path(path) if path is not None else Path(DATA_DIR) / "timeline.csv"
    if path is not None and not target.is_file():  # (an empty timeline would hide the slip)
        raise CableNotFoundError(f"there is no timeline file at {target}")
    problems: list[str] = []
    rows = _read_rows(target, TIMELINE_COLUMNS, problems)
    events = []
    for line, row in enumerate(rows, start=2):
        where = f"{target.name} line {line}"
        precision = row["precision"] or "day"
        try:
            start = _parse_partial_date(row["start_date"], precision)
            end_text = row["end_date"]
            end = (
                _parse_partial_date(end_text, "day" if len(end_text) == 10 else precision)
                if end_text
                else None
            )
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        if not row["source"]:
            problems.append(f"{where}: the event {row['event'][:50]!r} has no source")
        if end is not None and end < start:
            problems.append(f"{where}: ends before it starts")
        events.append(
            TimelineEvent(
                start,
                end,
                precision,
                row["event"],
                row["category"],
                row["source"],
                row.get("topic", ""),
            )
        )
    if problems:
        raise AnnotationError(
            f"{target} has {len(problems)} problem(s):\n- " + "\n- ".join(problems)
        )
    return sorted(events, key=lambda e: e.start)


def timeline_table(events: list[TimelineEvent], *, topic: str | None = None) -> pd.DataFrame:
    """The events as a table (whole cells), sources cited by outlet and date.

    ``topic`` keeps one part of the context primer ("Kosovo", "Nagorno-Karabakh",
    "the cable", "afterwards"); ``source_ids`` keeps the ids for looking up the
    full references with :func:`cable_utils.reference.sources.sources_table`.
    """
    import pandas as pd

    rows = [
        {
            "when": _when_text(e),
            "event": e.event,
            "category": e.category,
            "source": cite(e.source),
            "source_ids": e.source,
            "topic": e.topic,
            "start": e.start,
            "end": e.end,
        }
        for e in events
        if topic is None or e.topic == topic
    ]
    columns = ["when", "event", "category", "source", "source_ids", "topic", "start", "end"]
    return full_text_frame(pd.DataFrame(rows, columns=columns))


def _when_text(event: TimelineEvent) -> str:
    formats = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
    start = event.start.strftime(formats.get(event.precision, "%d %b %Y"))
    if event.end is None:
        return start
    return f"{start} – {event.end.strftime('%d %b %Y')}"


# --------------------------------------------------------------------------- agreement


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two codings of the same items; None when it is undefined.

    kappa = (p_o − p_e) / (1 − p_e), where p_o is the observed agreement and p_e
    the agreement expected by chance from each coder's label frequencies. It is
    undefined when p_e = 1 (both coders used one and the same label throughout).
    """
    if len(first) != len(second):
        raise ValueError("both codings must cover the same items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[label] * counts_second[label] for label in counts_first) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Agreement:
    """How a coding compares with the reference, over the items both coded."""

    compared: int
    agreed: int
    not_coded: int
    kappa: float | None
    disagreements: Any  # pandas.DataFrame

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreed / self.compared if self.compared else None

    def summary(self) -> str:
        if not self.compared:
            return "Nothing to compare yet: code at least one actor × claim."
        kappa = (
            f"Cohen's kappa {self.kappa:.2f}"
            if self.kappa is not None
            else "Cohen's kappa undefined (both codings use a single label)"
        )
        left = f"; {self.not_coded} cell(s) not coded yet" if self.not_coded else ""
        return (
            f"Agreement {self.agreed} of {self.compared} ({self.percent:.0f}%), {kappa}; "
            f"{len(self.disagreements)} disagreement(s){left}."
        )


def agreement(
    coding: dict[tuple[str, str], str] | dict[tuple[str, str], tuple[str, str]],
    data: ArgumentData,
) -> Agreement:
    """Compare a coding (actor, claim) → stance (or (stance, justification)) with the reference."""
    import pandas as pd

    def stance_of(value: Any) -> str:
        return (value[0] if isinstance(value, tuple) else value or "").upper()

    def note_of(value: Any) -> str:
        return value[1] if isinstance(value, tuple) and len(value) > 1 else ""

    student, reference, rows = [], [], []
    not_coded = 0
    for key, (ref_stance, justification) in data.reference.items():
        given = stance_of(coding.get(key, ""))
        if given not in STANCES:
            not_coded += 1
            continue
        student.append(given)
        reference.append(ref_stance)
        if given != ref_stance:
            actor, claim_id = key
            evidence = (
                data.evidence_for(actor, claim_id)
                if claim_id in {c.id for c in data.claims}
                else None
            )
            rows.append(
                {
                    "actor": actor,
                    "actor_name": data.actor_name(actor),
                    "claim_id": claim_id,
                    "yours": given,
                    "reference": ref_stance,
                    "reference_justification": justification,
                    "your_justification": note_of(coding.get(key)),
                    "evidence": evidence.quote if evidence else "",
                    "paragraph": evidence.paragraph if evidence else None,
                }
            )
    columns = [
        "actor", "actor_name", "claim_id", "yours", "reference",
        "reference_justification", "your_justification", "evidence", "paragraph",
    ]  # fmt: skip
    agreed = sum(a == b for a, b in zip(student, reference, strict=True))
    return Agreement(
        len(student),
        agreed,
        not_coded,
        cohen_kappa(student, reference),
        pd.DataFrame(rows, columns=columns),
    )


# --------------------------------------------------------------------------- student coding


class StanceCoding:
    """A student's stance coding of one cable, saved after every change.

    ``StanceCoding.open("08BAKU151")`` reloads what was saved before (from
    ``my_work/08BAKU151_stances.csv``); :meth:`set` records one actor × claim
    and saves at once, atomically. If the saved file cannot be read it is kept
    and the coding continues in a new file; :attr:`message` says so.
    """

    def __init__(self, cable_id: str, work: Any) -> None:
        self.cable_id = cable_id
        self._work = work
        self.codes: dict[tuple[str, str], tuple[str, str]] = {}
        for row in work.rows:
            stance = (row.get("stance") or "").upper()
            if row.get("actor") and row.get("claim_id") and (stance in STANCES or stance == ""):
                self.codes[(row["actor"], row["claim_id"])] = (stance, row.get("justification", ""))

    @classmethod
    def open(cls, cable_id: str, *, folder: str | Path | None = None) -> StanceCoding:
        from ..reference.storage import WorkFile

        name = f"{_safe_id(cable_id)}_stances.csv"
        return cls(cable_id, WorkFile.open(name, columns=CODING_COLUMNS, folder=folder))

    @property
    def path(self) -> Path:
        return self._work.path

    @property
    def message(self) -> str:
        return self._work.message

    @property
    def kept(self) -> list[Path]:
        """Saved files left untouched because they could not be read or changed on disk."""
        return list(self._work.kept)

    def get(self, actor: str, claim_id: str) -> tuple[str, str]:
        return self.codes.get((actor, claim_id), ("", ""))

    def set(self, actor: str, claim_id: str, stance: str, justification: str | None = None) -> Path:
        """Record a stance (FAVOR / AGAINST / NONE, or "" to clear) and save; returns the file."""
        stance = (stance or "").upper()
        if stance not in (*STANCES, ""):
            raise ValueError(
                f"stance must be one of {', '.join(STANCES)} (or empty), not {stance!r}"
            )
        old_stance, old_note = self.get(actor, claim_id)
        note = old_note if justification is None else " ".join(justification.split())
        if (stance, note) == (old_stance, old_note) and (actor, claim_id) in self.codes:
            return self.path
        if stance or note:
            self.codes[(actor, claim_id)] = (stance, note)
        else:
            self.codes.pop((actor, claim_id), None)
        return self.save()

    def save(self) -> Path:
        rows = [
            {"actor": actor, "claim_id": claim_id, "stance": stance, "justification": note}
            for (actor, claim_id), (stance, note) in self.codes.items()
        ]
        return self._work.save(rows)

    def stances(self) -> dict[tuple[str, str], tuple[str, str]]:
        return dict(self.codes)


def _safe_id(cable_id: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", cable_id or "cable")
    return cleaned[:64] or "cable"
