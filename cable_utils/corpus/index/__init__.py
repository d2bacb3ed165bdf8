"""A full-text index of a corpus: SQLite FTS5, built once, searched many times.

:func:`build_index` reads every cable of one or more folders or Cablegate
``cables.csv`` files (:func:`~cable_utils.corpus.rows.iter_corpus_records`:
the library's own corpus rows, with the text each was read from) and writes
one SQLite file:

- ``cables``: one row per cable with the contract fields (ID, date, origin,
  classification, TAGS, subject, signer, references), the post of its ID,
  and the catalogue's own metadata when a ``metadata.csv`` came with it;
- ``tags`` and ``refs``: one row per TAGS code and per REF entry that names a
  cable (the reference web);
- ``cable_text``: an FTS5 table of each cable's **whole raw text**, exactly
  as the parser received it, so a word anywhere in the cable (header, front
  matter, paragraphs) is found, and every position FTS5 reports is an offset
  into that raw text;
- ``meta``: the schema version, what the index was built from (a
  fingerprint of the inputs and of the parsing code) and when.

:class:`CorpusIndex` answers queries: full text in FTS5's syntax (phrases,
``prefix*``, ``AND``/``OR``/``NOT``, ``NEAR``), filtered by post, date range,
classification and TAGS, ranked by BM25. Each :class:`Hit` carries the raw
offsets of every match in its cable, so ``index.raw_text(hit.id)[hit.start:hit.end]``
is the matched word or phrase. Offsets come from FTS5's own ``highlight()``
with two marker characters that do not occur in that cable's text.

Safety:

- Every statement is a constant string; queries and filter values are always
  bound parameters, never spliced into SQL.
- A malformed query raises :class:`QueryError` with a plain message (and, where
  one helps, a suggestion), never an SQLite traceback.
- An index is written to a temporary file and renamed when complete, so a
  half-built index never sits under the final name. Opening checks the schema
  version and the completion mark; a file that is not a complete index raises
  :class:`IndexCorruptError`, one built by another schema
  :class:`IndexStaleError`. :func:`default_index` rebuilds in both cases, and
  when its inputs or the parsing code changed.

Standard library only (``sqlite3`` with its FTS5 extension, which CPython's
builds include; :func:`fts5_available` says whether this one does).
"""

from .base import (
    INDEX_ENV,
    SCHEMA_VERSION,
    IndexCorruptError,
    IndexMissingError,
    IndexStaleError,
    QueryError,
    SearchError,
    code_version,
    default_index_path,
    default_sources,
    fts5_available,
    sources_fingerprint,
)
from .build import BuildReport, build_index
from .query import make_snippet, marked_spans, suggest_query
from .reader import (
    CorpusIndex,
    Hit,
    IndexInfo,
    SearchResults,
    default_index,
    open_index,
    stale_reasons,
)

__all__ = [
    "INDEX_ENV",
    "SCHEMA_VERSION",
    "BuildReport",
    "CorpusIndex",
    "Hit",
    "IndexCorruptError",
    "IndexInfo",
    "IndexMissingError",
    "IndexStaleError",
    "QueryError",
    "SearchError",
    "SearchResults",
    "build_index",
    "code_version",
    "default_index",
    "default_index_path",
    "default_sources",
    "fts5_available",
    "make_snippet",
    "marked_spans",
    "open_index",
    "sources_fingerprint",
    "stale_reasons",
    "suggest_query",
]
