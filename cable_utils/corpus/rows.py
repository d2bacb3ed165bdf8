"""Many cables at once: a folder of cable files or a Cablegate ``cables.csv``.

:func:`load_corpus` returns a pandas DataFrame with one row per cable;
:func:`iter_corpus_rows` yields the same rows one by one, so the command line
(``python -m cable_utils corpus PATH --out FILE.csv``) can write a corpus of any
size with flat memory. Input is *streamed*: a ``cables.csv`` is read row by row
and never held in memory whole.

A cable that cannot be read does not stop the corpus: its row carries the
problem in the ``error`` column. Parsing can run on several processes
(``workers=N``); the rows come back in input order and are identical to a
one-process run.

``cables.csv`` layout (the unofficial full Cablegate dump): eight columns,
every field double-quoted, backslash escapes (``\\"``), raw newlines inside
fields: sequence number, date (``M/D/YYYY H:MM``), cable ID, origin,
classification, references (``|``-separated), header, body. Each row's
``header + "\\n" + body`` is read by :func:`~cable_utils.parse.parser.parse_row`:
the readers of :func:`~cable_utils.parse.parse_text`, skipping what a row does
not hold (segments, offsets, paragraph texts), straight into a
:class:`~cable_utils.model.CorpusRow`. ``tests/test_corpus_rows.py`` checks it
gives exactly ``cable_row(parse_text(…))``; ``benchmarks/README.md`` has what
it buys.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import CableError, CableNotFoundError
from ..model import Cable, CorpusRow
from ..parse.parser import parse_row
from ..source.loading import MAX_CABLE_BYTES, read_cable_text, refuse_non_text
from ..source.paths import CABLE_ID_PATTERN

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CORPUS_COLUMNS",
    "CorpusRow",
    "cable_row",
    "iter_corpus_records",
    "iter_corpus_rows",
    "load_corpus",
    "reference_edges",
    "write_cables_csv",
    "write_corpus_csv",
]

#: The columns of a corpus table, in order.
CORPUS_COLUMNS = (
    "id",
    "date",
    "origin",
    "classification",
    "subject",
    "tags",
    "references",
    "reference_labels",
    "signer",
    "paragraphs",
    "warnings",
    "error",
    "source",
)
#: Columns holding sequences (lists in rows, tuples in :func:`load_corpus`); the CSV output joins them (see :data:`LIST_SEPARATORS`).
LIST_SEPARATORS = {"tags": " ", "references": " ", "reference_labels": " ", "warnings": " | "}

_SHARED_COLUMNS = frozenset(
    CORPUS_COLUMNS.index(name) for name in ("date", "origin", "classification", "signer")
)
_SHARED_LIST_COLUMNS = frozenset(
    CORPUS_COLUMNS.index(name) for name in ("tags", "references", "reference_labels", "warnings")
)
_SHARED_TUPLE_COLUMNS = frozenset(
    CORPUS_COLUMNS.index(name) for name in ("tags", "reference_labels", "warnings")
)
_CSV_FIELDS = 8
_CSV_DIALECT: dict[str, Any] = {"escapechar": "\\", "doublequote": False, "strict": False}
_BATCH_PER_WORKER = 200
_FILE_SUFFIXES = {".txt", ".text", ""}

Progress = Callable[[int, float], None]


class _Task(NamedTuple):
    """One cable to parse: its text (or a file to read), or a problem found while reading.

    A named tuple: one is made per row of a corpus, and a tuple is made (and
    sent to a worker process) faster than a dataclass.
    """

    source: str
    text: str | None = None
    path: str | None = None
    cable_id: str | None = None
    origin: str | None = None
    classification: str | None = None
    error: str | None = None


# -- rows ----------------------------------------------------------------------


def cable_row(cable: Cable, *, source: str = "") -> CorpusRow:
    """The corpus row of a parsed cable (the plain specification of
    :func:`cable_utils.parse.parser.parse_row`)."""
    return CorpusRow.of_cable(cable, source=source)


def _error_row(task: _Task, message: str) -> CorpusRow:
    return CorpusRow(
        task.cable_id,
        None,
        task.origin,
        task.classification,
        None,
        [],
        [],
        [],
        None,
        0,
        [],
        message,
        task.source,
    )


def _parse_task(task: _Task) -> CorpusRow:
    """Parse one task; every failure becomes the row's ``error``."""
    if task.error is not None:
        return _error_row(task, task.error)
    try:
        if task.path is not None:
            text, notes = read_cable_text(task.path)
        else:
            text, notes = task.text or "", []
        row = parse_row(text, cable_id=task.cable_id, notes=notes, source=task.source)
    except CableError as error:
        return _error_row(task, f"{type(error).__name__}: {error}")
    except Exception as error:  # noqa: BLE001 - one bad cable must not stop a corpus
        return _error_row(task, f"unexpected {type(error).__name__} while parsing: {error}")
    # Metadata from cables.csv fills what the text did not say.
    if row.origin is None and task.origin:
        row = row._replace(origin=task.origin)
    if row.classification is None and task.classification:
        row = row._replace(classification=task.classification.split("//")[0])
    return row


# -- reading the input ---------------------------------------------------------


def _folder_tasks(folder: Path) -> Iterator[_Task]:
    files = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.suffix in _FILE_SUFFIXES
    )
    for path in files:
        stem = path.name.split(".")[0]
        cable_id = stem if CABLE_ID_PATTERN.match(stem) else None
        yield _Task(source=path.name, path=str(path), cable_id=cable_id)


def _csv_tasks(path: Path) -> Iterator[_Task]:
    """Rows of a Cablegate ``cables.csv``, read one at a time by ``csv.reader``."""
    csv.field_size_limit(max(csv.field_size_limit(), 2 * MAX_CABLE_BYTES))
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle, **_CSV_DIALECT)
        number = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                number += 1
                yield _Task(
                    source=f"{path.name} row {number}",
                    error=f"row {number} (line {reader.line_num}) is not valid CSV: {error}",
                )
                continue
            number += 1
            source = f"{path.name} row {number}"
            if not fields or all(not value.strip() for value in fields):
                number -= 1  # a blank line between rows is not a cable
                continue
            if len(fields) != _CSV_FIELDS:
                cable_id = fields[2].strip() if len(fields) > 2 else None
                yield _Task(
                    source=source,
                    cable_id=cable_id if cable_id and CABLE_ID_PATTERN.match(cable_id) else None,
                    error=(
                        f"row {number} (ending on line {reader.line_num}) has {len(fields)} "
                        f"fields, not the {_CSV_FIELDS} of the cables.csv layout"
                    ),
                )
                continue
            _, _, cable_id, origin, classification, _, header, body = fields
            cable_id = cable_id.strip()
            yield _Task(
                source=source,
                text=f"{header}\n{body}" if header.strip() else body,
                cable_id=cable_id if CABLE_ID_PATTERN.match(cable_id) else None,
                origin=origin.strip() or None,
                classification=classification.strip() or None,
            )


def _tasks(path: str | os.PathLike[str]) -> Iterator[_Task]:
    location = Path(path)
    if location.is_dir():
        return _folder_tasks(location)
    if location.is_file():
        # A UTF-16 export or a compressed file would otherwise be read as
        # thousands of rows that are each "not valid CSV", and the run would
        # end as if it had worked.
        with location.open("rb") as handle:
            refuse_non_text(handle.read(8192), name=str(location), what="a cables.csv")
        return _csv_tasks(location)
    raise CableNotFoundError(f"no folder or cables.csv at {location}")


def _batches(tasks: Iterable[_Task], size: int) -> Iterator[list[_Task]]:
    batch: list[_Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- progress ------------------------------------------------------------------


def stderr_progress(every_seconds: float = 2.0) -> Progress:
    """A progress reporter printing one updating line on stderr (after a quiet start)."""
    state = {"last": 0.0}

    def report(count: int, elapsed: float) -> None:
        if elapsed - state["last"] < every_seconds:
            return
        state["last"] = elapsed
        rate = count / elapsed if elapsed else 0.0
        print(f"\rparsed {count:,} cables ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)

    return report


# -- public API ----------------------------------------------------------------


def iter_corpus_rows(
    path: str | os.PathLike[str],
    *,
    workers: int = 1,
    progress: Progress | bool | None = None,
) -> Iterator[CorpusRow]:
    """Rows (tuples in :data:`CORPUS_COLUMNS` order) for each cable, in input order."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    report: Progress | None = stderr_progress() if progress is True else progress or None
    tasks = _tasks(path)
    started = time.perf_counter()
    count = 0
    if workers == 1:
        for task in tasks:
            yield _parse_task(task)
            count += 1
            if report is not None and count % 256 == 0:
                report(count, time.perf_counter() - started)
    else:
        for batch, rows in _parsed_batches(tasks, workers):
            yield from rows
            count += len(batch)
            if report is not None:
                report(count, time.perf_counter() - started)


def iter_corpus_records(
    path: str | os.PathLike[str], *, workers: int = 1
) -> Iterator[tuple[CorpusRow, str | None]]:
    """Each cable's row (as :func:`iter_corpus_rows` gives it) with the text it was read from.

    In input order. The text is what the parser was given: a file's decoded
    text (BOM and ``\\r`` kept) or a ``cables.csv`` row's header and body, so
    offsets into it are raw offsets; ``None`` when there was no text to read
    (the row's ``error`` says why). The search index
    (:mod:`cable_utils.corpus.index`) is built from these records.

    ``workers > 1`` parses on that many processes while the caller consumes
    the previous batch (two batches in flight at most, so memory stays flat).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    tasks = _tasks(path)
    if workers == 1:
        for task in tasks:
            yield _parse_task(task), _text_of(task)
        return
    for batch, rows in _parsed_batches(tasks, workers):
        for task, row in zip(batch, rows, strict=True):
            yield row, _text_of(task)


def _parsed_batches(
    tasks: Iterable[_Task], workers: int
) -> Iterator[tuple[list[_Task], list[CorpusRow]]]:
    """Batches of tasks with their rows, parsed on ``workers`` processes, in input order.

    The workers parse one batch while this process reads the next one from the
    input and the caller consumes the one before (writing rows, building a
    frame), so reading and writing do not leave the workers idle. Two batches
    are in flight at most, so memory stays flat (``Pool.imap`` would read the
    whole input ahead).
    """
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending: tuple[list[_Task], Any] | None = None
        for batch in _batches(tasks, workers * _BATCH_PER_WORKER):
            parsing = pool.map_async(
                _parse_task, batch, chunksize=max(1, len(batch) // (workers * 4))
            )
            if pending is not None:
                yield pending[0], pending[1].get()
            pending = (batch, parsing)
        if pending is not None:
            yield pending[0], pending[1].get()


def _text_of(task: _Task) -> str | None:
    if task.path is None:
        return task.text
    try:
        return read_cable_text(task.path)[0]
    except CableError:
        return None


def load_corpus(
    path: str | os.PathLike[str],
    workers: int = 1,
    progress: Progress | bool | None = None,
) -> pd.DataFrame:
    """One row per cable of a folder of cable files or a Cablegate ``cables.csv``.

    Columns: ``id, date, origin, classification, subject, tags, references,
    reference_labels, signer, paragraphs, warnings, error, source``. ``tags``,
    ``references`` (canonical IDs of the REF entries that are cable numbers),
    ``reference_labels`` (their letters, ``-`` if none) and ``warnings`` hold
    sequences (tuples, ``()`` when empty; :func:`iter_corpus_rows` gives lists).
    A cable that could not be read has its reason in ``error`` (``None`` if it
    was read).

    >>> from cable_utils.source.paths import DATA_DIR
    >>> frame = load_corpus(DATA_DIR / "cables" / "samples")
    >>> frame.loc[frame.id == "09DOHA214", "subject"].item()
    'QATAR: 2009 CI/KR RESPONSE FOR S/CT'
    """
    import pandas as pd

    # Column by column, never a list of rows: the table is the only copy. Values
    # that repeat across a corpus (classifications, origins, TAGS, cited IDs,
    # REF letters, signers, warnings, dates) share one string object each. List
    # cells become tuples: every empty cell is the one empty tuple, and the TAGS,
    # REF letters and warnings of a cable share one tuple with every other cable
    # that has the same ones (tuples cannot be edited, so sharing them is safe).
    columns: list[list[Any]] = [[] for _ in CORPUS_COLUMNS]
    shared: dict[str, str] = {}
    shared_tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in iter_corpus_rows(path, workers=workers, progress=progress):
        for index, value in enumerate(row):
            if index in _SHARED_COLUMNS and value is not None:
                value = shared.setdefault(value, value)
            elif index in _SHARED_LIST_COLUMNS:
                if not value:
                    value = ()
                else:
                    value = tuple(map(shared.setdefault, value, value))
                    if index in _SHARED_TUPLE_COLUMNS:
                        value = shared_tuples.setdefault(value, value)
            columns[index].append(value)
    del shared, shared_tuples
    # Each column becomes an array and its list is freed before the next one.
    arrays: dict[str, Any] = {}
    for name, values in zip(CORPUS_COLUMNS, columns, strict=True):
        if name == "date":
            arrays[name] = pd.to_datetime(
                pd.Series(values, dtype=object), utc=True, errors="coerce"
            )
        elif name == "paragraphs":
            arrays[name] = pd.Series(values, dtype="int64")
        elif name in LIST_SEPARATORS:
            arrays[name] = pd.Series(values, dtype=object)
        else:
            arrays[name] = pd.Series(values)
        values.clear()
    del columns
    frame = pd.DataFrame(arrays, copy=False)
    return frame


def reference_edges(frame: pd.DataFrame) -> pd.DataFrame:
    """The REF graph of a corpus table: one edge per REF entry that names a cable.

    Columns ``source`` (the citing cable), ``target`` (the cited cable's
    canonical ID) and ``label`` (the REF letter, ``-`` if none). Targets need not
    be in the corpus; ``in_corpus`` says whether they are.
    """
    import pandas as pd

    records = []
    for source, targets, labels in zip(
        frame["id"], frame["references"], frame["reference_labels"], strict=True
    ):
        if not isinstance(targets, list | tuple):
            continue
        for target, label in zip(targets, labels, strict=False):
            records.append((source, target, label))
    edges = pd.DataFrame.from_records(records, columns=["source", "target", "label"])
    known = set(frame["id"].dropna())
    edges["in_corpus"] = edges["target"].isin(known)
    return edges


def write_cables_csv(rows: Iterable[Iterable[Any]], out: str | os.PathLike[str]) -> int:
    """Write rows in the Cablegate ``cables.csv`` layout (8 quoted fields, backslash escapes).

    Used to build test and benchmark corpora; returns the number of rows written.
    """
    count = 0
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(
            handle, quoting=csv.QUOTE_ALL, escapechar="\\", doublequote=False, lineterminator="\n"
        )
        for row in rows:
            writer.writerow(list(row))
            count += 1
    return count


# How each column's value is joined in the CSV output (None: a single value).
_CSV_SEPARATORS = tuple(LIST_SEPARATORS.get(column) for column in CORPUS_COLUMNS)


def _csv_cells(row: CorpusRow) -> list[Any]:
    """A row as CSV cells: lists joined (:data:`LIST_SEPARATORS`), ``None`` empty."""
    return [
        ("" if value is None else value) if separator is None else separator.join(value or [])
        for separator, value in zip(_CSV_SEPARATORS, row, strict=True)
    ]


def write_corpus_csv(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    workers: int = 1,
    progress: Progress | bool | None = None,
) -> tuple[int, int]:
    """Stream the corpus rows of ``path`` to the CSV file ``out``; return (rows, errors).

    The file is written next to ``out`` and renamed at the end, so an
    interrupted run never leaves a half-written table under the final name,
    nor its hidden ``.partial`` file beside it (a failed or interrupted run
    removes it; a table already at ``out`` is left as it was). A ``path``
    that holds no cable raises :class:`CableNotFoundError` and writes nothing.
    """
    target = Path(out)
    partial = target.with_name(f".{target.name}.partial")
    rows = errors = 0
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CORPUS_COLUMNS)
            for row in iter_corpus_rows(path, workers=workers, progress=progress):
                writer.writerow(_csv_cells(row))
                rows += 1
                errors += row.error is not None
        if rows == 0:  # a table of nothing would look like a run that worked
            raise CableNotFoundError(
                f"found no cables in {path}: no table was written "
                "(a folder needs cable files, a cables.csv needs rows)"
            )
        os.replace(partial, target)
    except BaseException:  # Ctrl-C included: the half-written file is never wanted
        partial.unlink(missing_ok=True)
        raise
    return rows, errors
