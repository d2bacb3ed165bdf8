"""Building an index: corpus records in, one complete SQLite file out."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..._words import counted
from ...errors import CableNotFoundError
from ...model import CorpusRow
from ...source.paths import CABLE_ID_PATTERN
from ..rows import iter_corpus_records
from .base import (
    _CREATE_TEXT_TABLE,
    _PRIVATE_USE,
    SCHEMA_VERSION,
    TOKENIZER,
    SearchError,
    _catalogue_file,
    _require_fts5,
    code_version,
    join_tags,
    sources_fingerprint,
)
from .query import facet_token

#: Rows buffered before they are written; the transaction is committed every _COMMIT_ROWS.
_BATCH_ROWS = 500
_COMMIT_ROWS = 20_000
#: FTS5 keeps this many bytes of new postings in memory before writing a segment
#: (its default is 1 MB); fewer, larger segments mean less merging while building.
_FTS_HASH_BYTES = 16 * 1024 * 1024
#: While building, FTS5 merges no segments: automerge off, and a crisis merge
#: only at 1,000 segments (about 10 GB of postings; FTS5 refuses to write past
#: 2,000). The one 'optimize' at the end merges every segment in a single pass;
#: merging as the build went rewrote each posting list once per level, which grew
#: with the corpus (benchmarks/README.md: the full-text insert of 250,000 rows of
#: the synthetic cables.csv, 0.43 → 0.33 CPU ms a cable, the final merge included).
_FTS_BUILD_SETTINGS = (("automerge", 0), ("crisismerge", 1000))
#: FTS5's defaults, set again once the build is merged (for any later writer).
_FTS_DEFAULT_SETTINGS = (("automerge", 4), ("crisismerge", 16))

# -- building -----------------------------------------------------------------

_SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE cables(
        rowid INTEGER PRIMARY KEY,
        id TEXT, post TEXT, year INTEGER, day TEXT, date_from TEXT, date TEXT,
        origin TEXT, classification TEXT, classification_from TEXT, subject TEXT, signer TEXT,
        tags TEXT NOT NULL, refs TEXT NOT NULL, paragraphs INTEGER, warnings INTEGER,
        error TEXT, source TEXT, path TEXT, length INTEGER, marker_free INTEGER NOT NULL,
        catalogue_date TEXT, catalogue_classification TEXT, catalogue_origin TEXT)""",
    "CREATE TABLE tags(cable INTEGER NOT NULL, tag TEXT NOT NULL)",
    "CREATE TABLE refs(cable INTEGER NOT NULL, target TEXT NOT NULL, label TEXT)",
    _CREATE_TEXT_TABLE,
    # FTS5 settings are written through the table's own command column.
    f"INSERT INTO cable_text(cable_text, rank) VALUES('hashsize', {_FTS_HASH_BYTES})",
    *(
        f"INSERT INTO cable_text(cable_text, rank) VALUES('{name}', {value})"
        for name, value in _FTS_BUILD_SETTINGS
    ),
)
# Made after the rows are in: one sort per index instead of an update per row.
_INDEXES = (
    "CREATE INDEX cables_id ON cables(id)",
    "CREATE INDEX cables_post_year ON cables(post, year)",
    "CREATE INDEX cables_day ON cables(day)",
    "CREATE INDEX tags_tag ON tags(tag, cable)",
    "CREATE INDEX tags_cable ON tags(cable)",
    "CREATE INDEX refs_cable ON refs(cable)",
    "CREATE INDEX refs_target ON refs(target)",
)
#: Statistics for the query planner, on the tables whose plans they steer (see _finish).
_ANALYZE = ("ANALYZE cables", "ANALYZE tags", "ANALYZE refs")
_INSERT_CABLE = f"INSERT INTO cables VALUES ({', '.join('?' * 24)})"  # one per column
_INSERT_TAG = "INSERT INTO tags VALUES (?, ?)"
_INSERT_REF = "INSERT INTO refs VALUES (?, ?, ?)"
_INSERT_TEXT = "INSERT INTO cable_text(rowid, text, facets) VALUES (?, ?, ?)"

#: Progress reporter: (cables so far, seconds so far, fraction done or None if unknown).
Progress = Callable[[int, float, float | None], None]
_CSV_ROW_OVERHEAD = 120  # bytes of a cables.csv row besides its text (for the progress estimate)


@dataclass(frozen=True)
class BuildReport:
    """What :func:`build_index` did."""

    path: Path
    cables: int
    indexed_texts: int
    errors: int
    duplicates: int
    seconds: float
    size_bytes: int
    #: CPU seconds of this process spent writing rows into SQLite (the full-text
    #: insert, mostly) and finishing the file (indexes, merging, statistics); the
    #: rest of the CPU time is reading and parsing (``benchmarks/bench_search.py``).
    insert_cpu_seconds: float = 0.0
    finish_cpu_seconds: float = 0.0
    #: Of ``errors``, the rows with no text at all (a row that is not valid CSV): nothing to search.
    textless_errors: int = 0

    @property
    def rate(self) -> float:
        """Cables per second."""
        return self.cables / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        extra = []
        if searchable := self.errors - self.textless_errors:
            extra.append(f"{searchable:,} could not be parsed (their text is still searchable)")
        if self.textless_errors:
            extra.append(
                f"{self.textless_errors:,} could not be read at all, so there is no text of "
                "theirs to search (the index keeps why, in their error)"
            )
        if self.duplicates:
            extra.append(f"{self.duplicates:,} duplicate IDs skipped")
        note = f" ({'; '.join(extra)})" if extra else ""
        return (
            f"indexed {counted(self.cables, 'cable')} in {self.seconds:.1f} s ({self.rate:,.0f}/s) "
            f"into {self.path} ({self.size_bytes / 1e6:,.1f} MB){note}"
        )


def _read_catalogue(folder: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """File name → (date, classification, origin) from the catalogue's ``metadata.csv``.

    The corpus in ``data/corpus`` carries the catalogue's own metadata for each
    file (``file, reference_id, created, classification, origin``). Its date
    fills in for cables whose text has no date-time group (many partial
    extracts); the index says which date it used.
    """
    catalogue = _catalogue_file(folder)
    if catalogue is None:
        return {}
    entries: dict[str, tuple[str | None, str | None, str | None]] = {}
    try:
        with catalogue.open(encoding="utf-8-sig", newline="") as handle:
            for record in csv.DictReader(handle):
                name = (record.get("file") or "").strip()
                if not name or (catalogue.parent / name).resolve().parent != folder.resolve():
                    continue
                created = (record.get("created") or "").strip()[:10]
                entries[Path(name).name] = (
                    created if re.fullmatch(r"\d{4}-\d\d-\d\d", created) else None,
                    (record.get("classification") or "").strip() or None,
                    (record.get("origin") or "").strip() or None,
                )
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}  # a catalogue is a bonus: without it, dates come from the texts only
    return entries


def _year_of_id(cable_id: str | None) -> int | None:
    """The year a Cablegate ID gives (``08BAKU151`` → 2008; IDs run from 1966 to 2010)."""
    match = CABLE_ID_PATTERN.match(cable_id or "")
    if not match:
        return None
    two = int(match.group("year"))
    return 1900 + two if two >= 50 else 2000 + two


def _post_of(cable_id: str | None, origin: str | None) -> str | None:
    """The post as the Cablegate ID writes it (``BAKU``, ``STATE``, ``USUNNEWYORK``)."""
    match = CABLE_ID_PATTERN.match(cable_id or "")
    if match:
        return match.group("origin")
    if origin:
        words = origin.upper().split()
        if len(words) > 1 and words[0].startswith(("AM", "US")):
            words = words[1:]
        return "".join(words) or None
    return None


#: facet_token, remembered: a build asks for the same few thousand words (TAGS, posts,
#: years, levels) again and again, eight times a cable, and each costs a regular-expression
#: substitution (half of the writer's own Python time before; benchmarks/README.md).
_facet_word = lru_cache(maxsize=16_384)(facet_token)


def _facets(post: str | None, year: int | None, level: str | None, tags: list[str]) -> str:
    """The filter values of a cable as words for the ``facets`` column."""
    words = [_facet_word("tag", tag) for tag in tags]
    if post:
        words.append(_facet_word("post", post))
    if year:
        words.append(_facet_word("year", year))
    if level:
        words.append(_facet_word("class", level))
    return " ".join(words)


class _Writer:
    """Buffers rows and writes them in batches; one instance per build."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.cables: list[tuple[Any, ...]] = []
        self.tags: list[tuple[int, str]] = []
        self.refs: list[tuple[int, str, str]] = []
        self.texts: list[tuple[int, str, str]] = []
        self.seen: set[str] = set()
        self.count = self.indexed = self.errors = self.duplicates = 0
        self.textless_errors = 0
        self.uncommitted = 0
        self.insert_cpu = 0.0  # CPU seconds in flush(): one clock read per batch

    def add(
        self,
        row: CorpusRow,
        text: str | None,
        *,
        folder: Path | None,
        catalogue: dict[str, tuple[str | None, str | None, str | None]],
    ) -> None:
        cable_id = row.id
        if cable_id:
            if cable_id in self.seen:
                self.duplicates += 1
                return
            self.seen.add(cable_id)
        self.count += 1
        rowid = self.count
        source = row.source
        catalogue_date, catalogue_level, catalogue_origin = catalogue.get(source, (None,) * 3)
        dtg = row.date
        day = dtg[:10] if dtg else catalogue_date
        date_from = "dtg" if dtg else ("catalogue" if catalogue_date else None)
        year = int(day[:4]) if day else _year_of_id(cable_id)
        origin = row.origin
        tags = list(dict.fromkeys(row.tags or ()))
        refs = list(
            zip(
                row.references or (),
                row.reference_labels or (),
                strict=False,
            )
        )
        error = row.error
        self.errors += error is not None
        self.textless_errors += error is not None and text is None
        marker_free = text is not None and chr(_PRIVATE_USE) not in text
        marker_free = marker_free and chr(_PRIVATE_USE + 1) not in text
        post = _post_of(cable_id, origin)
        # The text's own classification; the catalogue's level where the text gives none.
        level = row.classification
        level_from = "text" if level else None
        if not level and catalogue_level:
            level, level_from = catalogue_level.split("//")[0].strip(), "catalogue"
        self.cables.append(
            (
                rowid, cable_id, post, year, day, date_from, dtg,
                origin, level, level_from, row.subject,
                row.signer, join_tags(tags), " ".join(t for t, _ in refs),
                row.paragraphs, len(row.warnings or ()), error, source,
                str(folder / source) if folder is not None else None,
                len(text) if text is not None else None, int(marker_free),
                catalogue_date, catalogue_level, catalogue_origin,
            )
        )  # fmt: skip
        self.tags.extend((rowid, tag) for tag in tags)
        self.refs.extend((rowid, target, label) for target, label in refs)
        if text is not None:
            self.texts.append((rowid, text, _facets(post, year, level, tags)))
            self.indexed += 1
        if len(self.cables) >= _BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        started = time.process_time()
        execute = self.connection.executemany
        execute(_INSERT_CABLE, self.cables)
        execute(_INSERT_TAG, self.tags)
        execute(_INSERT_REF, self.refs)
        execute(_INSERT_TEXT, self.texts)
        self.uncommitted += len(self.cables)
        for buffer in (self.cables, self.tags, self.refs, self.texts):
            buffer.clear()
        if self.uncommitted >= _COMMIT_ROWS:
            self.connection.commit()
            self.uncommitted = 0
        self.insert_cpu += time.process_time() - started


def build_index(
    sources: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    workers: int = 1,
) -> BuildReport:
    """Index the cables of one or more folders or ``cables.csv`` files into ``out``.

    ``workers > 1`` parses on that many other processes while this one writes
    the index (on two cores, about twice as fast; ``benchmarks/README.md``).

    A cable ID seen twice is indexed once (the first copy: list the collection's
    own folders first). A cable the parser cannot read keeps a row with its
    ``error`` and its text stays searchable. The file is written beside ``out``
    and renamed when complete, so ``out`` is never a half-built index.
    """
    _require_fts5()
    locations = (
        [Path(sources)] if isinstance(sources, str | os.PathLike) else list(map(Path, sources))
    )
    if not locations:
        raise CableNotFoundError("nothing to index: give at least one folder or cables.csv")
    for location in locations:
        if not location.exists():
            raise CableNotFoundError(f"no folder or cables.csv at {location}")
    target = Path(out)
    if target.is_dir():
        raise SearchError(f"{target} is a folder; --out names the index file to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    fingerprint = sources_fingerprint(locations)
    try:
        connection = sqlite3.connect(partial)
        try:
            writer = _fill(connection, locations, started, progress, workers)
            if writer.count + writer.duplicates == 0:  # an index of nothing finds nothing, silently
                where = ", ".join(map(str, locations))
                raise CableNotFoundError(
                    f"found no cables in {where}: nothing was indexed "
                    "(a folder needs cable files, a cables.csv needs rows)"
                )
            finishing = time.process_time()
            _finish(connection, writer, locations, fingerprint, started)
            finish_cpu = time.process_time() - finishing
        finally:
            connection.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BuildReport(
        target,
        writer.count,
        writer.indexed,
        writer.errors,
        writer.duplicates,
        time.perf_counter() - started,
        target.stat().st_size,
        writer.insert_cpu,
        finish_cpu,
        writer.textless_errors,
    )


def _fill(
    connection: sqlite3.Connection,
    locations: list[Path],
    started: float,
    progress: Progress | None,
    workers: int = 1,
) -> _Writer:
    # The file is renamed into place only when complete, so the build needs no
    # journal and no fsync: a crash leaves a partial file that is never opened.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -16000")  # 16 MB of page cache
    for statement in _SCHEMA:
        connection.execute(statement)
    writer = _Writer(connection)
    total_files = sum(_count_files(location) for location in locations)
    csv_bytes = sum(location.stat().st_size for location in locations if location.is_file())
    text_chars = 0
    for location in locations:
        folder = location.resolve() if location.is_dir() else None
        catalogue = _read_catalogue(location) if folder is not None else {}
        for row, text in iter_corpus_records(location, workers=workers):
            writer.add(row, text, folder=folder, catalogue=catalogue)
            text_chars += len(text) if text is not None and folder is None else 0
            done = writer.count + writer.duplicates
            if progress is not None and done % 250 == 0:
                progress(
                    done,
                    time.perf_counter() - started,
                    _fraction(done, total_files, text_chars, csv_bytes),
                )
    writer.flush()
    connection.commit()
    if progress is not None:
        progress(writer.count + writer.duplicates, time.perf_counter() - started, 1.0)
    return writer


def _count_files(location: Path) -> int:
    if not location.is_dir():
        return 0
    return sum(
        1 for entry in os.scandir(location) if entry.is_file() and not entry.name.startswith(".")
    )


def _fraction(done: int, total_files: int, text_chars: int, csv_bytes: int) -> float | None:
    """How far the build is: exact for folders, estimated from bytes for a cables.csv."""
    if not csv_bytes:
        return min(done / total_files, 1.0) if total_files else None
    estimate = (text_chars + _CSV_ROW_OVERHEAD * done) / (csv_bytes + 100 * total_files)
    return min(estimate, 0.99)


def _finish(
    connection: sqlite3.Connection,
    writer: _Writer,
    locations: list[Path],
    fingerprint: str,
    started: float,
) -> None:
    for statement in _INDEXES:
        connection.execute(statement)
    # The segments the build wrote (unmerged: _FTS_BUILD_SETTINGS) are merged
    # into one: queries then read a single b-tree per term.
    connection.execute("INSERT INTO cable_text(cable_text) VALUES('optimize')")
    for name, value in _FTS_DEFAULT_SETTINGS:
        connection.execute("INSERT INTO cable_text(cable_text, rank) VALUES(?, ?)", (name, value))
    # Statistics for the planner on our own tables only: FTS5 reads its shadow tables
    # with fixed lookups by key, and the planner costs the full-text table through FTS5
    # itself, so analysing them (a pass over every stored text) changes no plan.
    for statement in _ANALYZE:
        connection.execute(statement)
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "code_version": code_version(),
        "fingerprint": fingerprint,
        "sources": json.dumps([str(location.resolve()) for location in locations]),
        "cables": str(writer.count),
        "indexed_texts": str(writer.indexed),
        "errors": str(writer.errors),
        "duplicates": str(writer.duplicates),
        "tokenizer": TOKENIZER,
        "sqlite_version": sqlite3.sqlite_version,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "build_seconds": f"{time.perf_counter() - started:.3f}",
        "complete": "1",  # written last: an index without it is not trusted
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.commit()
