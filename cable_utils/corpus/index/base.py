"""The index's vocabulary: versions, errors, where the default index lives, fingerprints."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ...errors import CableError
from ...source.paths import DATA_DIR, PROJECT_DIR

#: Bump when the tables change: an index of another version is rebuilt or refused.
#: (2: ``cables.tags`` joins the TAGS with "|", so a multi-word one stays whole.)
SCHEMA_VERSION = 2
#: Between the TAGS in ``cables.tags``: some TAGS hold spaces and commas
#: ("CLINTON, HILLARY", "POLITICAL PARTIES"); none holds a "|".
TAG_SEPARATOR = "|"


def join_tags(tags: Iterable[str]) -> str:
    """The TAGS as the ``cables.tags`` column holds them."""
    return TAG_SEPARATOR.join(tags)


def split_tags(value: str | None) -> tuple[str, ...]:
    """The TAGS of a ``cables.tags`` value, each whole (:func:`join_tags` undone)."""
    return tuple(value.split(TAG_SEPARATOR)) if value else ()


#: FTS5 tokenizer: Unicode-aware, case- and accent-insensitive ("Güler" finds "GULER").
TOKENIZER = "unicode61 remove_diacritics 2"
#: Environment variable that moves the default index (tests, read-only clones).
INDEX_ENV = "CABLE_CLASSROOM_INDEX"
#: Longest query accepted (a paragraph pasted as a query is a mistake, not a search).
MAX_QUERY_CHARS = 1000

#: Highlight markers: Unicode private-use characters, which cable texts do not contain.
#: A text that does gets other markers (see _markers_for).
_PRIVATE_USE = 0xE000
_SNIPPET_CONTEXT = 60


# -- errors -------------------------------------------------------------------


class SearchError(CableError):
    """Base class of the search index's problems (all have a plain message)."""


class IndexMissingError(SearchError, FileNotFoundError):
    """There is no index file where one was expected."""


class IndexCorruptError(SearchError):
    """The file is not a complete, readable index (damaged, truncated, or not an index)."""


class IndexStaleError(SearchError):
    """The index was built by another schema version of this library."""


class QueryError(SearchError, ValueError):
    """The query is not valid FTS5 syntax (or empty, or too long)."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message + (f" Try: {suggestion}" if suggestion else ""))
        self.suggestion = suggestion


# -- what FTS5 is and where the default index lives ----------------------------


@cache
def fts5_available() -> bool:
    """True when this Python's SQLite was built with the FTS5 extension."""
    try:
        with sqlite3.connect(":memory:") as connection:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    return True


def _require_fts5() -> None:
    if not fts5_available():
        raise SearchError(
            f"this Python's SQLite ({sqlite3.sqlite_version}) was built without FTS5, "
            "the full-text extension the search index needs; use a Python from python.org, "
            "Debian/Ubuntu or conda, which all include it"
        )


def default_sources() -> list[Path]:
    """The collection's cables: 08BAKU151, the 24 samples and the 615-cable corpus."""
    return [DATA_DIR / "cables", DATA_DIR / "cables" / "samples", DATA_DIR / "corpus" / "cables"]


def default_index_path() -> Path:
    """Where the lessons keep their index: ``$CABLE_CLASSROOM_INDEX``, else ``.cache/`` in the clone.

    ``.cache/`` is git-ignored: the index is a build artifact, made on first use.
    """
    configured = os.environ.get(INDEX_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return PROJECT_DIR / ".cache" / "corpus-index.sqlite"


# -- fingerprints: when is an index stale? --------------------------------------

# The code that decides what goes into an index: reading, parsing, rows, this module.
_CODE_PATHS = ("model.py", "errors.py", "source", "parse", "corpus/rows.py", "corpus/index")


@cache
def code_version() -> str:
    """A hash of the reading and parsing code: an index built by other code is rebuilt."""
    package = Path(__file__).resolve().parents[2]  # cable_utils/
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION} {TOKENIZER}".encode())
    for relative in _CODE_PATHS:
        target = package / relative
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for file in files:
            digest.update(str(file.relative_to(package)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def sources_fingerprint(sources: Iterable[str | os.PathLike[str]]) -> str:
    """A hash of the inputs' names, sizes and modification times (cheap: no file is read)."""
    digest = hashlib.sha256()
    for source in sources:
        location = Path(source).resolve()
        digest.update(f"\0source {location}".encode())
        if location.is_dir():
            entries = sorted(os.scandir(location), key=lambda entry: entry.name)
            for entry in entries:
                if entry.is_file():
                    stat = entry.stat()
                    digest.update(f"\0{entry.name} {stat.st_size} {stat.st_mtime_ns}".encode())
            catalogue = _catalogue_file(location)
            if catalogue is not None:
                stat = catalogue.stat()
                digest.update(f"\0catalogue {catalogue} {stat.st_size} {stat.st_mtime_ns}".encode())
        elif location.is_file():
            stat = location.stat()
            digest.update(f"\0{stat.st_size} {stat.st_mtime_ns}".encode())
        else:
            digest.update(b"\0missing")
    return digest.hexdigest()[:16]


#: The full-text table: the raw text, and the filter values as words (``postbaku year2008``).
_CREATE_TEXT_TABLE = (
    f"CREATE VIRTUAL TABLE cable_text USING fts5(text, facets, tokenize='{TOKENIZER}')"
)
#: What a user's query is checked against: the text column only, so a query cannot
#: name the facets column (or any other).
_CREATE_CHECKER_TABLE = f"CREATE VIRTUAL TABLE cable_text USING fts5(text, tokenize='{TOKENIZER}')"


def _catalogue_file(folder: Path) -> Path | None:
    """The ``metadata.csv`` that describes a folder of cables (in it or beside it), if any."""
    for candidate in (folder / "metadata.csv", folder.parent / "metadata.csv"):
        if candidate.is_file():
            return candidate
    return None
