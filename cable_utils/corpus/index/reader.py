"""Reading an index: open it safely, search it, read its cables."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..._arguments import CABLE_ID, takes
from ...errors import CableNotFoundError
from ...model import Cable
from ...parse import parse_text
from .base import (
    _PRIVATE_USE,
    INDEX_ENV,
    SCHEMA_VERSION,
    IndexCorruptError,
    IndexMissingError,
    IndexStaleError,
    SearchError,
    _require_fts5,
    code_version,
    default_index_path,
    default_sources,
    sources_fingerprint,
    split_tags,
)
from .build import Progress, build_index
from .query import (
    QueryError,
    _checked_query,
    _clean,
    _day,
    _markers_for,
    _translate,
    compose_match,
    filter_term,
    make_snippet,
    marked_spans,
    post_code,
)

# -- reading ------------------------------------------------------------------


@dataclass(frozen=True)
class IndexInfo:
    """What an index says about itself (its ``meta`` table)."""

    path: Path
    schema_version: int
    code_version: str
    fingerprint: str
    sources: tuple[str, ...]
    cables: int
    errors: int
    duplicates: int
    built_at: str
    build_seconds: float
    size_bytes: int


@dataclass(frozen=True)
class Hit:
    """One cable that matches a query, with the raw offsets of its matches.

    ``start``/``end`` are the first match (the one in ``snippet``); ``spans``
    holds every match in the cable, in text order. All are half-open offsets
    into the cable's raw text (:meth:`CorpusIndex.raw_text`).
    """

    rowid: int
    id: str | None
    date: str | None  # the date-time group (ISO), else the catalogue's date
    date_from: str | None  # "dtg", "catalogue" or None (no date known)
    post: str | None
    origin: str | None
    classification: str | None
    subject: str | None
    tags: tuple[str, ...]
    score: float
    spans: tuple[tuple[int, int], ...]
    snippet: str

    @property
    def start(self) -> int | None:
        return self.spans[0][0] if self.spans else None

    @property
    def end(self) -> int | None:
        return self.spans[0][1] if self.spans else None

    def to_json(self) -> dict[str, Any]:
        """The ``search --json`` contract (plus ``post``, ``tags``, ``date_from`` and ``matches``)."""
        return {
            "id": self.id,
            "date": self.date,
            "date_from": self.date_from,
            "origin": self.origin,
            "post": self.post,
            "classification": self.classification,
            "subject": self.subject,
            "tags": list(self.tags),
            "snippet": self.snippet,
            "start": self.start,
            "end": self.end,
            "matches": [list(span) for span in self.spans],
        }


@dataclass(frozen=True)
class SearchResults:
    """The hits of a query (best first, at most ``limit``) and how many cables match in all."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    filters: dict[str, Any] = field(default_factory=dict)
    #: When nothing matches: each filter value that no cable in the index has
    #: ("no cable in this index has the TAGS code XYZ"), so a typo is not read
    #: as an answer.
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __str__(self) -> str:
        shown = f"showing {len(self.hits)}" if len(self.hits) < self.total else "all shown"
        matching = "cable matches" if self.total == 1 else "cables match"
        return f"{self.total:,} {matching} {self.query!r} ({shown})"


# Post, classification and TAGS filters are terms of the MATCH expression
# (query.compose_match); only the exact days are checked here, each off when its
# parameter is NULL. Statements are constants; every value is bound.
_DAYS = "(:date_from IS NULL OR c.day >= :date_from) AND (:date_to IS NULL OR c.day <= :date_to)"
_HIT_COLUMNS = (
    "c.rowid, c.id, coalesce(c.date, c.day), c.date_from, c.post, c.origin, "
    "c.classification, c.subject, c.tags, c.marker_free"
)
_MATCHING = f"""
    FROM cable_text JOIN cables AS c ON c.rowid = cable_text.rowid
    WHERE cable_text MATCH :match AND {_DAYS}
"""
# bm25 weights: the text counts, the facets column (filter words) does not.
_SEARCH_BY_RANK = f"""
    SELECT {_HIT_COLUMNS}, bm25(cable_text, 1.0, 0.0) AS score {_MATCHING}
    ORDER BY score, c.day, c.id LIMIT :limit OFFSET :offset
"""
_SEARCH_BY_DATE = f"""
    SELECT {_HIT_COLUMNS}, bm25(cable_text, 1.0, 0.0) AS score {_MATCHING}
    ORDER BY c.day IS NULL, c.day, c.id LIMIT :limit OFFSET :offset
"""
# Without a day filter the ranking and the count need no join: FTS5 ranks its own
# matches, and only the hits shown are joined to their rows (several times faster
# for a query that matches thousands of cables).
_SEARCH_BY_RANK_ONLY_TEXT = f"""
    SELECT {_HIT_COLUMNS}, top.score FROM (
        SELECT rowid, bm25(cable_text, 1.0, 0.0) AS score FROM cable_text
        WHERE cable_text MATCH :match ORDER BY score, rowid LIMIT :limit OFFSET :offset
    ) AS top JOIN cables AS c ON c.rowid = top.rowid
    ORDER BY top.score, top.rowid
"""
_COUNT = f"SELECT count(*) {_MATCHING}"
_COUNT_ONLY_TEXT = "SELECT count(*) FROM cable_text WHERE cable_text MATCH :match"
_COUNT_BY_POST_YEAR = f"""
    SELECT c.post, c.year, count(*) {_MATCHING}
    GROUP BY c.post, c.year ORDER BY c.post, c.year
"""
_HIGHLIGHT = (
    "SELECT highlight(cable_text, 0, :open, :close) FROM cable_text "
    "WHERE cable_text MATCH :match AND rowid = :rowid"
)
_TEXT_OF = "SELECT text FROM cable_text WHERE rowid = ?"
_ANY_WITH_FACET = "SELECT 1 FROM cable_text WHERE cable_text MATCH ? LIMIT 1"
_ORDERS = {"rank": _SEARCH_BY_RANK, "date": _SEARCH_BY_DATE}


class CorpusIndex:
    """An open search index (read-only). Use :func:`open_index` or :func:`default_index`.

    >>> index = default_index()  # doctest: +SKIP
    >>> [hit.id for hit in index.search('"Minsk Group"')]  # doctest: +SKIP
    ['10ANKARA302']
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, info: IndexInfo) -> None:
        self.path = path
        self.info = info
        self._connection = connection
        self.notes: list[str] = []  # what default_index had to do (rebuilt, and why)
        self._years: tuple[int, int] | None = None

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"<CorpusIndex {self.info.cables:,} cables · built {self.info.built_at} "
            f"in {self.info.build_seconds:.1f} s · {self.path}>"
        )

    def __len__(self) -> int:
        return self.info.cables

    # -- queries ---------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        post: str | None = None,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        classification: str | None = None,
        tags: str | Iterable[str] = (),
        limit: int = 20,
        offset: int = 0,
        order: str = "rank",
    ) -> SearchResults:
        """Cables matching ``query`` (FTS5 syntax), best first (``order="date"``: oldest first).

        Filters: ``post`` (the ID's post, ``BAKU``, or part of the FM line,
        ``Embassy Baku``), ``date_from``/``date_to`` (``YYYY-MM-DD``, ``YYYY-MM``
        or ``YYYY``, both ends included), ``classification`` (``SECRET`` …) and
        ``tags`` (every one given must be on the cable). Dates are the
        date-time group, or the catalogue's date where the text has none;
        cables with no date at all are left out when a date filter is set.
        A From date after the To date raises :class:`QueryError`. When nothing
        matches, the results' ``notes`` name each filter value that no cable in
        the index has (a typo such as ``BAKUU``), so an empty answer is not
        taken for a finding.
        """
        if order not in _ORDERS:
            raise ValueError(f"order must be one of {sorted(_ORDERS)}, not {order!r}")
        if not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
        parameters = self._parameters(query, post, date_from, date_to, classification, tags)
        bound = {key: parameters[key] for key in ("match", "date_from", "date_to")}
        days = bound["date_from"] is not None or bound["date_to"] is not None
        statement = _ORDERS[order] if days or order != "rank" else _SEARCH_BY_RANK_ONLY_TEXT
        rows = self._fetch(statement, {**bound, "limit": limit, "offset": max(0, offset)})
        total = self._count(bound)
        hits = tuple(self._hit(row, parameters["text_match"]) for row in rows)
        filters = {
            "post": _clean(post),
            "date_from": parameters["date_from"],
            "date_to": parameters["date_to"],
            "classification": _clean(classification),
            "tags": [tags] if isinstance(tags, str) else list(tags or ()),
        }
        notes = self._filters_matching_nothing(post, classification, tags) if not total else ()
        return SearchResults(
            parameters["query"], total, hits, {k: v for k, v in filters.items() if v}, notes
        )

    def _filters_matching_nothing(
        self, post: str | None, classification: str | None, tags: str | Iterable[str]
    ) -> tuple[str, ...]:
        """Sentences naming each filter value that no cable in the whole index has."""
        wanted = [
            ("post", _clean(post), "no cable in this index is from the post {}"),
            ("classification", _clean(classification), "no cable in this index is classified {}"),
        ] + [
            ("tags", _clean(tag), "no cable in this index has the TAGS code {}")
            for tag in ([tags] if isinstance(tags, str) else list(tags or ()))
        ]
        return tuple(
            sentence.format(repr(value))
            for kind, value, sentence in wanted
            if value is not None and not self._fetch(_ANY_WITH_FACET, (filter_term(kind, value),))
        )

    def count(self, query: str, **filters: Any) -> int:
        """How many cables match ``query`` (with the filters of :meth:`search`)."""
        parameters = self._parameters(query, **_filter_arguments(filters))
        return self._count({key: parameters[key] for key in ("match", "date_from", "date_to")})

    def _count(self, bound: dict[str, Any]) -> int:
        days = bound["date_from"] is not None or bound["date_to"] is not None
        return int(self._fetch(_COUNT if days else _COUNT_ONLY_TEXT, bound)[0][0])

    def counts_by_post_year(
        self, query: str, **filters: Any
    ) -> list[tuple[str | None, int | None, int]]:
        """(post, year, matching cables) for ``query``, in post and year order."""
        parameters = self._parameters(query, **_filter_arguments(filters))
        bound = {key: parameters[key] for key in ("match", "date_from", "date_to")}
        return [tuple(row) for row in self._fetch(_COUNT_BY_POST_YEAR, bound)]  # type: ignore[misc]

    @takes(cable_id=CABLE_ID)
    def spans(self, cable_id: str, query: str) -> tuple[tuple[int, int], ...]:
        """Raw offsets of every match of ``query`` in one cable (empty if it does not match)."""
        rowid, marker_free = self._rowid(cable_id)
        return self._spans(rowid, compose_match(_checked_query(query)), marker_free)

    # -- cables ------------------------------------------------------------------
    @takes(cable_id=CABLE_ID)
    def raw_text(self, cable_id: str) -> str:
        """The cable's raw text as indexed (what every offset points into)."""
        rowid, _ = self._rowid(cable_id)
        found = self._fetch(_TEXT_OF, (rowid,))
        if not found:
            raise CableNotFoundError(f"{cable_id} is in the index but its text could not be read")
        return found[0][0]

    @takes(cable_id=CABLE_ID)
    def cable(self, cable_id: str) -> Cable:
        """The cable parsed from its indexed text (its offsets are the hits' offsets)."""
        record = self.record(cable_id)
        return parse_text(
            self.raw_text(cable_id),
            cable_id=record["id"],
            source=record["path"] or record["source"],
        )

    @takes(cable_id=CABLE_ID)
    def record(self, cable_id: str) -> dict[str, Any]:
        """The cable's row of the ``cables`` table, as a dict."""
        cursor = self._execute("SELECT * FROM cables WHERE id = ?", (cable_id,))
        row = cursor.fetchone()
        if row is None:
            raise CableNotFoundError(self._unknown(cable_id))
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    def records(self) -> list[dict[str, Any]]:
        """Every row of the ``cables`` table (for overview tables; texts are not included)."""
        cursor = self._execute("SELECT * FROM cables ORDER BY rowid", ())
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def references(self) -> list[tuple[str, str, str]]:
        """(citing ID, cited ID, REF letter) for every REF entry that names a cable."""
        rows = self._fetch(
            "SELECT c.id, r.target, r.label FROM refs AS r JOIN cables AS c ON c.rowid = r.cable "
            "ORDER BY c.day, c.id, r.rowid",
            (),
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def ids(self) -> set[str]:
        return {row[0] for row in self._fetch("SELECT id FROM cables WHERE id IS NOT NULL", ())}

    def posts(self) -> list[tuple[str, int]]:
        """(post, number of cables), most cables first."""
        rows = self._fetch(
            "SELECT post, count(*) FROM cables WHERE post IS NOT NULL GROUP BY post "
            "ORDER BY count(*) DESC, post",
            (),
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def tag_counts(self) -> list[tuple[str, int]]:
        """(TAGS code, number of cables), most cables first."""
        rows = self._fetch(
            "SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag", ()
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def classifications(self) -> list[tuple[str, int]]:
        rows = self._fetch(
            "SELECT classification, count(*) FROM cables WHERE classification IS NOT NULL "
            "GROUP BY classification ORDER BY count(*) DESC",
            (),
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def check(self) -> list[str]:
        """Problems SQLite's integrity check finds in the file (empty: it is sound).

        Reads the whole file: a second for the default index, minutes for the release.
        """
        return [row[0] for row in self._fetch("PRAGMA quick_check", ()) if row[0] != "ok"]

    # -- internals -------------------------------------------------------------
    def _parameters(
        self,
        query: str,
        post: str | None = None,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        classification: str | None = None,
        tags: str | Iterable[str] = (),
    ) -> dict[str, Any]:
        """Bound parameters: the MATCH expression (query and filter terms) and the days."""
        checked = _checked_query(query)
        for name, value, example in (
            ("post", post, "BAKU"),
            ("classification", classification, "SECRET"),
        ):
            if value is not None and not isinstance(value, str):  # post=["BAKU", "YEREVAN"]
                raise QueryError(
                    f"give one {name} as text ({name}={example!r}), not the "
                    f"{type(value).__name__} {value!r}: to compare several, search each in turn"
                    + (" or use issue_across_posts()" if name == "post" else "")
                )
        first, last = _day(date_from, end=False), _day(date_to, end=True)
        if first is not None and last is not None and first > last:
            raise QueryError(
                f"the From date ({first}) is after the To date ({last}), so no cable can be "
                "dated between them; swap the two dates."
            )
        wanted_post = _clean(post)
        if wanted_post is not None and not post_code(wanted_post):
            raise QueryError(f"{post!r} is not a post; give it as the cable ID writes it (BAKU).")
        tag_list = [tags] if isinstance(tags, str) else list(tags or ())
        return {
            "query": checked,
            "text_match": compose_match(checked),
            "match": compose_match(
                checked,
                post=wanted_post,
                classification=_clean(classification),
                tags=[tag.strip() for tag in tag_list if tag and tag.strip()],
                years=self._years_between(first, last),
            ),
            "date_from": first,
            "date_to": last,
        }

    def _years_between(self, first: str | None, last: str | None) -> list[int]:
        """The years a date range touches (the facets narrow by year, SQL by day)."""
        if first is None and last is None:
            return []
        low, high = self.years
        start = max(int(first[:4]), low) if first else low
        stop = min(int(last[:4]), high) if last else high
        return list(range(start, stop + 1)) if start <= stop else [low - 1]  # none match

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year of the corpus (by date, or the ID's year)."""
        if self._years is None:
            low, high = self._fetch("SELECT min(year), max(year) FROM cables", ())[0]
            self._years = (int(low or 0), int(high or 0))
        return self._years

    def _hit(self, row: Sequence[Any], match: str) -> Hit:
        rowid, cable_id, when, date_from, post, origin, level, subject, tags, free, score = row
        spans = self._spans(rowid, match, bool(free))
        snippet = ""
        if spans:
            text = self._fetch(_TEXT_OF, (rowid,))[0][0]
            snippet = make_snippet(text, *spans[0])
        return Hit(
            rowid=rowid,
            id=cable_id,
            date=when,
            date_from=date_from,
            post=post,
            origin=origin,
            classification=level,
            subject=subject,
            tags=split_tags(tags),
            score=float(score),
            spans=spans,
            snippet=snippet,
        )

    def _spans(self, rowid: int, match: str, marker_free: bool) -> tuple[tuple[int, int], ...]:
        if marker_free:
            opening, closing = chr(_PRIVATE_USE), chr(_PRIVATE_USE + 1)
        else:
            opening, closing = _markers_for(self._fetch(_TEXT_OF, (rowid,))[0][0])
        found = self._fetch(
            _HIGHLIGHT, {"open": opening, "close": closing, "match": match, "rowid": rowid}
        )
        return marked_spans(found[0][0], opening, closing) if found else ()

    def _rowid(self, cable_id: str) -> tuple[int, bool]:
        found = self._fetch("SELECT rowid, marker_free FROM cables WHERE id = ?", (cable_id,))
        if not found:
            raise CableNotFoundError(self._unknown(cable_id))
        return int(found[0][0]), bool(found[0][1])

    def _unknown(self, cable_id: str) -> str:
        return f"{cable_id!r} is not in the index ({self.info.cables:,} cables, {self.path})"

    def _execute(self, sql: str, parameters: Any) -> sqlite3.Cursor:
        try:
            return self._connection.execute(sql, parameters)
        except sqlite3.DatabaseError as error:
            raise _translate(error, self.path) from None

    def _fetch(self, sql: str, parameters: Any) -> list[Any]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise _translate(error, self.path) from None


def _filter_arguments(filters: dict[str, Any]) -> dict[str, Any]:
    allowed = {"post", "date_from", "date_to", "classification", "tags"}
    unknown = set(filters) - allowed
    if unknown:
        raise TypeError(f"unknown filter(s) {sorted(unknown)}; filters are {sorted(allowed)}")
    return filters


# -- opening ------------------------------------------------------------------


def open_index(path: str | os.PathLike[str]) -> CorpusIndex:
    """Open an index file read-only, after checking it is complete and of this schema.

    Raises :class:`IndexMissingError`, :class:`IndexCorruptError` or
    :class:`IndexStaleError` with a message that says what to do.
    """
    _require_fts5()
    location = Path(path)
    if not location.is_file():
        raise IndexMissingError(
            f"there is no index at {location}: build one with "
            f"python -m cable_utils index FOLDER_OR_CABLES_CSV --out {location}"
        )
    uri = location.resolve().as_uri() + "?mode=ro"
    try:
        # Widget callbacks may run on another thread than the cell that opened the
        # index (ipykernel handles comm messages apart); the connection is read-only
        # and used by one caller at a time, and this SQLite is built thread-safe.
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise IndexCorruptError(f"the index {location} cannot be opened ({error})") from None
    try:
        info = _read_info(connection, location)
    except BaseException:
        connection.close()
        raise
    return CorpusIndex(location, connection, info)


def _read_info(connection: sqlite3.Connection, location: Path) -> IndexInfo:
    rebuild = f"build it again with python -m cable_utils index … --out {location}"
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        meta = (
            dict(connection.execute("SELECT key, value FROM meta").fetchall())
            if "meta" in tables
            else {}
        )
    except sqlite3.DatabaseError as error:
        raise IndexCorruptError(
            f"{location} is not a readable search index ({error}); {rebuild}"
        ) from None
    if not meta:
        raise IndexCorruptError(f"{location} is not a search index (no meta table); {rebuild}")
    version = meta.get("schema_version", "?")
    if version != str(SCHEMA_VERSION):
        raise IndexStaleError(
            f"the index {location} has schema version {version}; this library reads version "
            f"{SCHEMA_VERSION}. {rebuild[0].upper()}{rebuild[1:]}"
        )
    missing = {"cables", "tags", "refs", "cable_text"} - tables
    if meta.get("complete") != "1" or missing:
        raise IndexCorruptError(
            f"the index {location} is incomplete"
            + (f" (no {', '.join(sorted(missing))} table)" if missing else "")
            + f"; {rebuild}"
        )
    try:
        return IndexInfo(
            path=location,
            schema_version=int(version),
            code_version=meta.get("code_version", ""),
            fingerprint=meta.get("fingerprint", ""),
            sources=tuple(json.loads(meta.get("sources", "[]"))),
            cables=int(meta["cables"]),
            errors=int(meta.get("errors", "0")),
            duplicates=int(meta.get("duplicates", "0")),
            built_at=meta.get("built_at", ""),
            build_seconds=float(meta.get("build_seconds", "0")),
            size_bytes=location.stat().st_size,
        )
    except (KeyError, ValueError) as error:
        raise IndexCorruptError(
            f"the index {location} has a damaged meta table ({error}); {rebuild}"
        ) from None


def stale_reasons(
    index: CorpusIndex, sources: Sequence[str | os.PathLike[str]] | None = None
) -> list[str]:
    """Why ``index`` may be out of date: its inputs or the parsing code changed since it was built."""
    reasons = []
    locations = (
        [Path(s) for s in sources] if sources is not None else [Path(s) for s in index.info.sources]
    )
    if index.info.fingerprint != sources_fingerprint(locations):
        reasons.append("its input files changed (or moved) since it was built")
    if index.info.code_version != code_version():
        reasons.append("the reading and parsing code changed since it was built")
    return reasons


def default_index(*, rebuild: bool = False, progress: Progress | None = None) -> CorpusIndex:
    """The collection's index (08BAKU151, the samples and the corpus), built on first use.

    It is rebuilt when missing, damaged, of another schema, or out of date (its
    input files or the parsing code changed); ``index.notes`` says why.
    """
    path = default_index_path()
    if (
        path.is_dir()
    ):  # set by CABLE_CLASSROOM_INDEX; the builder would speak of an --out never given
        raise SearchError(
            f"the collection's index path {path} is a folder; {INDEX_ENV} names the index "
            "file (e.g. …/corpus-index.sqlite), not its folder"
        )
    sources = default_sources()
    notes: list[str] = []
    if not rebuild:
        try:
            index = open_index(path)
        except IndexMissingError:
            notes.append(f"built the search index on first use ({path})")
        except (IndexCorruptError, IndexStaleError) as error:
            notes.append(f"rebuilt the search index: {error}")
        else:
            reasons = stale_reasons(index, sources)
            if not reasons:
                return index
            index.close()
            notes.append("rebuilt the search index: " + "; ".join(reasons))
    report = build_index(sources, path, progress=progress)
    index = open_index(path)
    index.notes = [*notes, str(report)]
    return index
