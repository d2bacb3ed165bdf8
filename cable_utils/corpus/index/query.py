"""Queries: FTS5 syntax checked before use, explained in plain words; offsets and snippets."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from .base import (
    _CREATE_CHECKER_TABLE,
    _PRIVATE_USE,
    _SNIPPET_CONTEXT,
    MAX_QUERY_CHARS,
    IndexCorruptError,
    QueryError,
    SearchError,
)

_FTS_SYNTAX = re.compile(r"fts5: syntax error near \"(.*)\"|unterminated string", re.DOTALL)
_QUERY_PROBLEMS = (
    "fts5",
    "unterminated",
    "no such column",
    "unknown special query",
    "expected integer",
)
_DAMAGE = ("malformed", "not a database", "corrupt", "vtable constructor")


#: Words of an FM line or a catalogue origin that are not the post's name.
_NOT_THE_POST = re.compile(
    r"\b(?:AM)?(?:EMBASSY|CONSUL(?:ATE)?)\b|\bGENERAL\b|\bU\.?S\.?\b|\b(?:US)?MISSION\b",
    re.IGNORECASE,
)


def post_code(value: str) -> str:
    """The post as a Cablegate ID writes it: ``Embassy Baku`` or ``baku`` → ``BAKU``."""
    return re.sub(r"[^A-Z0-9]", "", _NOT_THE_POST.sub(" ", value).upper())


def facet_token(kind: str, value: object) -> str:
    """The token a filter value is indexed under in the ``facets`` column (``postbaku``).

    Letters and digits only, lower case: FTS5 reads it as one plain word, never
    as syntax, so it can be put into a query expression safely.
    """
    return kind + re.sub(r"[^a-z0-9]", "", str(value).lower())


_FACET_KINDS = {"post": "post", "classification": "class", "tags": "tag"}


def filter_term(kind: str, value: str) -> str:
    """The term one filter value adds to a MATCH expression (``facets : postbaku``).

    ``kind`` is a :meth:`~cable_utils.corpus.index.CorpusIndex.search` filter:
    ``post``, ``classification`` or ``tags`` (one code).
    """
    code = post_code(value) if kind == "post" else value
    return f"facets : {facet_token(_FACET_KINDS[kind], code)}"


def compose_match(
    query: str,
    *,
    post: str | None = None,
    classification: str | None = None,
    tags: Iterable[str] = (),
    years: Iterable[int] = (),
) -> str:
    """The FTS5 expression for a checked query and its filters.

    The user's query (already read by FTS5 on its own, so it is one whole
    expression) is kept to the text column, and each filter adds a term on
    the ``facets`` column, which FTS5 intersects with the text's matches
    directly: a filter narrows the search instead of checking every match.
    The expression is passed to SQLite as a bound parameter, like any value.
    """
    parts = [f"text : ({query})"]
    if post:
        parts.append(filter_term("post", post))
    if classification:
        parts.append(filter_term("classification", classification))
    parts += [filter_term("tags", tag) for tag in tags]
    year_list = list(years)
    if year_list:
        parts.append("facets : (" + " OR ".join(facet_token("year", y) for y in year_list) + ")")
    return " AND ".join(parts)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _day(value: str | date | None, *, end: bool) -> str | None:
    """``YYYY-MM-DD`` from a date or ``YYYY[-MM[-DD]]`` text; a year or month counts whole."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return f"{text}-12-31" if end else f"{text}-01-01"
        if re.fullmatch(r"\d{4}-\d\d", text):
            first = date.fromisoformat(f"{text}-01")
            if not end:
                return first.isoformat()
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return (following - timedelta(days=1)).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise QueryError(
            f"{text!r} is not a date; write it as YYYY-MM-DD (2008-02-19), YYYY-MM or YYYY."
        ) from None


@cache
def _syntax_checker() -> sqlite3.Connection:
    """An empty in-memory FTS5 table with the index's column: FTS5 parses a query there."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.execute(_CREATE_CHECKER_TABLE)
    return connection


def _checked_query(query: str) -> str:
    """The query, stripped, once FTS5 has read it; a :class:`QueryError` says what is wrong."""
    if not isinstance(query, str):
        raise QueryError(f"a query is text, not {type(query).__name__}.")
    text = query.strip()
    if not text:
        raise QueryError("the query is empty: type a word or a phrase to search for.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}. "
            "Search for a word or a phrase, not a whole passage."
        )
    if "\0" in text:
        raise QueryError("the query contains a NUL character; type it again.")
    try:
        _syntax_checker().execute(
            "SELECT count(*) FROM cable_text WHERE cable_text MATCH ?", (text,)
        ).fetchall()
    except sqlite3.OperationalError as error:
        raise query_error(str(error), text) from None
    return text


def _translate(error: sqlite3.DatabaseError, path: Path) -> SearchError:
    """A plain-language error for what SQLite said.

    Queries are checked before they are sent, and every statement is a
    constant that works on a sound index: so a syntax message here is still a
    query problem, and anything else means the file is damaged (a torn page,
    a truncated file, a broken FTS5 table).
    """
    message = str(error)
    lowered = message.lower()
    if isinstance(error, sqlite3.ProgrammingError):  # a misuse of the connection, not the file
        return SearchError(f"the index {path} could not be read here ({message})")
    operational = isinstance(error, sqlite3.OperationalError)
    damaged = any(word in lowered for word in _DAMAGE)
    if operational and lowered.startswith(_QUERY_PROBLEMS) and not damaged:
        return query_error(message)
    if operational and "locked" in lowered:
        return SearchError(f"the index {path} is busy ({message}); try again in a moment")
    return IndexCorruptError(
        f"the index {path} is damaged ({message}); delete it and build it again "
        "(python -m cable_utils index …)"
    )


def suggest_query(query: str) -> str:
    """A version of ``query`` that FTS5 accepts: each chunk with punctuation in double quotes.

    ``U.S. policy`` → ``"U.S." policy``; an unbalanced quote is dropped.
    """
    words = []
    for chunk in query.replace('"', " ").split():
        if chunk in ("AND", "OR", "NOT", "NEAR"):
            words.append(chunk.lower())  # as a plain word (operators are upper case only)
        elif re.fullmatch(r"\w+\*?", chunk):
            words.append(chunk)
        else:
            words.append(f'"{chunk}"')
    return " ".join(words)


def query_error(sqlite_message: str, query: str | None = None) -> QueryError:
    """Explain an FTS5 syntax error in words a student can act on."""
    found = _FTS_SYNTAX.search(sqlite_message)
    near = found.group(1) if found and found.group(1) is not None else None
    lowered = sqlite_message.lower()
    if "unterminated string" in lowered:
        reason = 'a double quote (") opens a phrase that is never closed.'
    elif "unknown special query" in lowered:
        reason = "a * ends a word to match its beginning (Karab*); it cannot stand alone."
    elif "expected integer" in lowered:
        reason = "NEAR takes words and then a number: NEAR(Kosovo precedent, 10)."
    elif "no such column" in lowered and query and re.search(r"(^|\s)-\w", query):
        reason = (
            "a - in front of a word reads as a column filter. To leave a word out, "
            "write NOT: Kosovo NOT Serbia."
        )
    elif "no such column" in lowered:
        column = sqlite_message.rsplit(":", 1)[-1].strip()
        reason = (
            f"'{column}:' reads as a column name, and the index has one column of text. "
            "A colon belongs inside double quotes."
        )
    elif near in ("AND", "OR", "NOT"):
        reason = f"{near} needs a word or phrase on each side (Kosovo {near} Serbia)."
    elif near == "*":
        reason = "a * ends a word to match its beginning (Karab*); it cannot stand alone."
    elif near == "":
        reason = (
            "the query ends where a word or phrase is still expected (after AND, OR, NOT or NEAR?)."
        )
    elif near is not None:
        reason = (
            f"{near!r} is search syntax here. Punctuation (. , ; : ' - ( ) and others) "
            'belongs inside double quotes: "U.S." or "Kosovo\'s".'
        )
    else:
        reason = 'it is not in the search syntax (words, "phrases", prefix*, AND, OR, NOT).'
    suggestion = suggest_query(query) if query else None
    return QueryError(f"This search cannot be read: {reason}", suggestion)


def _markers_for(text: str) -> tuple[str, str]:
    """Two characters that do not occur in ``text`` (private-use first)."""
    present = set(text)
    free = (chr(code) for code in range(_PRIVATE_USE, 0xF900) if chr(code) not in present)
    return next(free), next(free)


def marked_spans(marked: str, opening: str, closing: str) -> tuple[tuple[int, int], ...]:
    """Offsets, in the text without markers, of the pieces between ``opening`` and ``closing``."""
    spans: list[tuple[int, int]] = []
    removed = 0
    position = marked.find(opening)
    while position >= 0:
        close = marked.find(closing, position + 1)
        if close < 0:
            break
        start = position - removed
        end = close - removed - 1
        spans.append((start, end))
        removed += 2
        position = marked.find(opening, close + 1)
    return tuple(spans)


_SPACE = re.compile(r"\s+")


def make_snippet(text: str, start: int, end: int, context: int = _SNIPPET_CONTEXT) -> str:
    """One line of context around ``text[start:end]``, the match between « and »."""
    left = _SPACE.sub(" ", text[max(0, start - context) : start]).lstrip()
    right = _SPACE.sub(" ", text[end : end + context]).rstrip()
    match = _SPACE.sub(" ", text[start:end])
    return (
        ("…" if start > context else "")
        + f"{left}«{match}»{right}"
        + ("…" if end + context < len(text) else "")
    )
