"""The REF trail: which cable answers which, as a table and as a graph.

08BAKU151 cites two earlier Baku cables (REF A. BAKU 00146, B. BAKU 00129), and
``data/related/thread.csv`` records the surrounding thread of February–March
2008 as **metadata only** (ID, date, classification, subject, REF line, where a
copy is published). The texts of those cables are *not* in the collection; every
view made here says so.

For a corpus a user has (a folder of cables or a ``cables.csv``), the same graph
is built from :func:`cable_utils.corpus.rows.reference_edges`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._arguments import CABLE_ID, THREAD, path_to, takes
from .._words import counted
from ..source.paths import CABLE_ID_PATTERN, DATA_DIR

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "NOT_INCLUDED_NOTE",
    "THREAD_COLUMNS",
    "ThreadCable",
    "corpus_thread",
    "edges_table",
    "load_corpus_thread",
    "load_thread",
    "neighbourhood",
    "thread_edges",
    "thread_summary",
    "thread_table",
]

THREAD_COLUMNS = (
    "id", "date", "date_kind", "dtg", "classification", "subject",
    "ref_line", "refs", "url", "text_included", "note",
)  # fmt: skip

#: Said wherever the thread is shown: the collection holds metadata, not texts.
NOT_INCLUDED_NOTE = (
    "Only metadata is recorded for these cables (ID, date, classification, subject, REF "
    "line, where a copy is published). Their texts are not included in this collection; "
    "read them at the addresses given. 08BAKU151's own text is data/cables/08BAKU151.txt."
)


@dataclass(frozen=True, slots=True)
class ThreadCable:
    """One row of ``thread.csv``: a cable of the thread, known by its metadata."""

    id: str
    date: str  # ISO date or ""
    date_kind: str  # "dtg" (the date-time group) / "meeting" (the meeting it reports) / ""
    dtg: str
    classification: str
    subject: str
    ref_line: str
    refs: tuple[str, ...]  # canonical IDs of the cables it cites
    url: str
    text_included: bool
    note: str

    @property
    def origin(self) -> str:
        """The post in the ID (``BAKU``, ``STATE``, ``USUNNEWYORK``), or "" if not an ID."""
        match = CABLE_ID_PATTERN.match(self.id)
        return match.group("origin") if match else ""


def _thread_path(path: str | Path | None) -> Path:
    return Path(path) if path is not None else DATA_DIR / "related" / "thread.csv"


def load_thread(path: str | Path | None = None) -> list[ThreadCable]:
    """The rows of ``data/related/thread.csv`` (or another file with the same columns)."""
    target = _thread_path(path)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in THREAD_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            from ..errors import CableError

            raise CableError(f"{target} has no column(s) {', '.join(missing)}")
        rows = list(reader)
    return [
        ThreadCable(
            id=row["id"].strip(),
            date=row["date"].strip(),
            date_kind=row["date_kind"].strip(),
            dtg=row["dtg"].strip(),
            classification=row["classification"].strip(),
            subject=row["subject"].strip(),
            ref_line=row["ref_line"].strip(),
            refs=tuple(r.strip() for r in row["refs"].split(";") if r.strip()),
            url=row["url"].strip(),
            text_included=row["text_included"].strip().lower() == "yes",
            note=row["note"].strip(),
        )
        for row in rows
        if row.get("id", "").strip()
    ]


@takes(THREAD.or_none())
def thread_table(cables: Iterable[ThreadCable] | None = None) -> pd.DataFrame:
    """The thread as a table, in date order (undated rows last), with published addresses.

    ``published_copy`` is the address where the text can be read, or a phrase
    saying why there is none; ``text_included`` is always shown, so no one
    mistakes a row for a text the collection holds.
    """
    import pandas as pd

    items = list(cables) if cables is not None else load_thread()
    items.sort(key=lambda c: (c.date == "", c.date, c.id))
    rows = []
    for c in items:
        if c.url:
            published = c.url
        elif c.id == "08BAKU151":
            published = "the collection's own cable (data/cables/08BAKU151.txt)"
        else:
            published = "not located"
        rows.append(
            {
                "id": c.id,
                "date": c.date or "unknown",
                "date_is": {"dtg": "date-time group", "meeting": "meeting date"}.get(
                    c.date_kind, "unknown"
                ),
                "classification": c.classification or "not recorded",
                "subject": c.subject or "unknown",
                "ref_line": c.ref_line or "—",
                "cites": ", ".join(c.refs) or "—",
                "published_copy": published,
                "text_included": "yes" if c.text_included else "no",
                "note": c.note,
            }
        )
    columns = [
        "id", "date", "date_is", "classification", "subject", "ref_line",
        "cites", "published_copy", "text_included", "note",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def thread_edges(cables: Iterable[ThreadCable] | None = None) -> list[tuple[str, str]]:
    """``(citing ID, cited ID)`` pairs from the REF lines, in file order, without repeats."""
    items = list(cables) if cables is not None else load_thread()
    edges = [(c.id, ref) for c in items for ref in c.refs]
    return list(dict.fromkeys(edges))


def edges_table(
    edges: Iterable[tuple[str, str]], known: Iterable[str] | None = None
) -> pd.DataFrame:
    """The links as a table: ``citing``, ``cited``, and whether the cited cable is in the table."""
    import pandas as pd

    known_ids = set(known) if known is not None else None
    rows = [
        {
            "citing": citing,
            "cited": cited,
            "cited_in_table": (cited in known_ids) if known_ids is not None else True,
        }
        for citing, cited in edges
    ]
    return pd.DataFrame(rows, columns=["citing", "cited", "cited_in_table"])


def thread_summary(cables: Iterable[ThreadCable] | None = None, *, focus: str = "08BAKU151") -> str:
    """One or two plain sentences describing the trail (the text beside the graph)."""
    items = list(cables) if cables is not None else load_thread()
    edges = thread_edges(items)
    ids = {c.id for c in items}
    cites = [cited for citing, cited in edges if citing == focus]
    cited_by = [citing for citing, cited in edges if cited == focus]
    outside = sorted({cited for _, cited in edges if cited not in ids})
    # "This thread", not "the table": lesson 06 draws it as a figure, with no table beside it.
    parts = [
        f"This thread has {counted(len(items), 'cable')} linked by "
        f"{counted(len(edges), 'REF citation')}."
    ]
    if focus not in ids:  # (an empty picture must not read as "nothing cites it")
        parts.append(
            f"{focus} is not among them, so no REF link to or from it can be shown here."
            if focus
            else "This cable has no ID, so it cannot be found among them."
        )
    if cites:
        parts.append(f"{focus} cites {_and(cites)}.")
    if cited_by:
        parts.append(f"{focus} is cited by {_and(cited_by)}.")
    elif focus in ids:
        parts.append(f"No cable in this thread cites {focus}.")
    if outside:
        are = "is" if len(outside) == 1 else "are"
        parts.append(
            f"{counted(len(outside), 'cited cable')} {are} outside this thread "
            f"({_and(outside)}): only {'its ID is' if len(outside) == 1 else 'their IDs are'} "
            "known here."
        )
    included = [c.id for c in items if c.text_included]
    if included:
        one = len(included) == 1
        parts.append(
            f"{len(included)} of them {'is' if one else 'are'} in your corpus "
            f"({'its text is' if one else 'their texts are'} there); "
            "the others are known only from REF lines."
        )
    elif items:
        parts.append("The texts of these cables are not included.")
    return " ".join(parts)


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- a user's corpus


def _pick(frame_columns: Iterable[str], *candidates: str) -> str | None:
    columns = list(frame_columns)
    for candidate in candidates:
        if candidate in columns:
            return candidate
    return None


def corpus_thread(edges: Any, metadata: Any = None) -> list[ThreadCable]:
    """Thread rows for a user's corpus, so the same table, graph and summary work on it.

    ``edges`` is what :func:`cable_utils.corpus.rows.reference_edges` returns: a
    DataFrame (or rows) with a citing and a cited ID column. ``metadata`` is an
    optional table with ``id``/``date``/``subject``/``classification`` per cable
    (e.g. a :func:`~cable_utils.corpus.rows.load_corpus` frame). Cables of a user's
    corpus are in the corpus, so their texts *are* available to the user:
    ``text_included`` is True for every cable that has a metadata row.
    """
    pairs = _edge_pairs(edges)
    meta: dict[str, Mapping[str, Any]] = {}
    if metadata is not None:
        records = metadata.to_dict("records") if hasattr(metadata, "to_dict") else list(metadata)
        for record in records:
            key = _pick(record.keys(), "id", "cable_id", "identifier")
            if key and record.get(key):
                meta[str(record[key])] = record
    ids = list(dict.fromkeys([*meta, *(i for pair in pairs for i in pair)]))
    refs: dict[str, list[str]] = {i: [] for i in ids}
    for citing, cited in pairs:
        refs[citing].append(cited)
    rows = []
    for cable_id in ids:
        record = meta.get(cable_id, {})
        date_text = _date_text(record.get("date"))
        rows.append(
            ThreadCable(
                id=cable_id,
                date=date_text,
                date_kind="dtg" if date_text else "",
                dtg="",
                classification=str(record.get("classification") or ""),
                subject=str(record.get("subject") or ""),
                ref_line="",
                refs=tuple(refs[cable_id]),
                url="",
                text_included=bool(record),
                note="in your corpus" if record else "cited, not in your corpus",
            )
        )
    return rows


def _date_text(value: Any) -> str:
    if value is None or value != value:  # None, NaN, NaT (NaT != NaT)
        return ""
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    text = str(value)[:10]
    return "" if text in ("NaT", "None", "nan") else text


_FOLDER_OR_CSV = path_to(
    "the path of a folder of cables or of a cables.csv",
    'thread = load_corpus_thread("data/corpus/cables")',
)


@takes(_FOLDER_OR_CSV)
def load_corpus_thread(path: str | Path) -> list[ThreadCable]:
    """The REF trail of a folder of cables or a ``cables.csv`` (via ``cable_utils.corpus.rows``)."""
    from .rows import load_corpus, reference_edges

    frame = load_corpus(path)
    return corpus_thread(
        reference_edges(frame), frame[frame["error"].isna()] if "error" in frame else frame
    )


@takes(THREAD)
@takes(THREAD, focus=CABLE_ID)
def neighbourhood(cables: Iterable[ThreadCable], focus: str, depth: int = 2) -> list[ThreadCable]:
    """The cables within ``depth`` REF links of ``focus`` (either direction), in input order."""
    items = list(cables)
    edges = thread_edges(items)
    reached = {focus}
    for _ in range(depth):
        reached |= {b for a, b in edges if a in reached} | {a for a, b in edges if b in reached}
    return [c for c in items if c.id in reached]


def _edge_pairs(edges: Any) -> list[tuple[str, str]]:
    if hasattr(edges, "columns"):
        citing = _pick(edges.columns, "citing", "source", "from", "cable_id", "id")
        cited = _pick(edges.columns, "cited", "target", "to", "ref_id", "reference")
        if citing is None or cited is None:
            raise ValueError(
                f"cannot tell the citing and cited columns apart in {list(edges.columns)}"
            )
        values = zip(edges[citing], edges[cited], strict=True)
    else:
        values = (tuple(pair)[:2] for pair in edges)
    pairs = [(str(a), str(b)) for a, b in values if a and b and str(b) not in ("nan", "None")]
    return list(dict.fromkeys(pairs))
