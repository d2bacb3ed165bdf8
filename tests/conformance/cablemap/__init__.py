"""cablemap's reader test cases, as data: ``from conformance.cablemap import load_cases``.

``cases.json`` beside this file holds the (input text, expected value) pairs of
cablemap's own reader tests (heuer/cablemap, BSD licence; README.md here says
where each came from and which of them rest on cablemap's conventions). This
module only reads that file; it never calls a parser. A test that checks a
reader against the cases looks like::

    import pytest
    from conformance.cablemap import load_cases

    @pytest.mark.parametrize("case", load_cases("subject"), ids=lambda case: case.id)
    def test_subject_matches_cablemap(case):
        assert read_subject(case.input) == case.expected, case.note

``tests/`` is on ``sys.path`` for every test (``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

__all__ = [
    "CASES_FILE",
    "READERS",
    "CableCase",
    "Case",
    "Provenance",
    "Reader",
    "load_cable_cases",
    "load_cases",
    "source_files",
]

CASES_FILE = Path(__file__).with_name("cases.json")

Reader = Literal[
    "subject", "tags", "references", "classified_by", "signer", "declassification_date", "other"
]
READERS: tuple[Reader, ...] = get_args(Reader)


@dataclass(frozen=True)
class Provenance:
    """Where a case is written in cablemap: file, commit, test function, table entry, line."""

    repo: str
    path: str
    commit: str
    test_function: str
    table: str
    index: int  # position in the table (0-based)
    line: int  # first line of the table entry (1-based)
    end_line: int
    comment: str | None  # the comment line(s) right above the entry, e.g. "# 07REYKJAVIK232"


@dataclass(frozen=True)
class Case:
    """One reader test: ``function(input, **args)`` is expected to give ``expected``.

    ``expected`` keeps the shape cablemap's test compares: a string (subject,
    declassification date, canonical ID), ``None`` (no date), a list of strings
    (tags, names, reference IDs when ``variant == "ids"``) or a list of
    ``{"value", "kind", "kind_code", "enum"}`` dicts (references, ``variant == "objects"``).
    """

    id: str
    reader: Reader
    function: str  # the cablemap function the test calls, e.g. "parse_subject"
    variant: str | None  # references only: "ids" or "objects"
    input: str
    args: Mapping[str, Any]
    expected: Any
    cable_id: str | None  # the cable the text comes from, where cablemap names it
    note: str | None  # why a different parser may reasonably disagree, or what is odd
    source: Provenance
    also_at: tuple[Provenance, ...]  # the same case written again elsewhere


@dataclass(frozen=True)
class CableCase:
    """A cablemap test that reads a whole cable by its ID: no input text is included."""

    id: str
    reader: Reader
    function: str
    cable_id: str
    args: Mapping[str, Any]
    expected: list[str]
    note: str | None
    source: Provenance


@cache
def _data() -> dict[str, Any]:
    return json.loads(CASES_FILE.read_text(encoding="utf-8"))


def _check_reader(reader: str | None) -> None:
    if reader is not None and reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; choose one of {', '.join(READERS)}")


def _case(record: dict[str, Any]) -> Case:
    return Case(
        id=record["id"],
        reader=record["reader"],
        function=record["function"],
        variant=record["variant"],
        input=record["input"],
        args=MappingProxyType(dict(record["args"])),
        expected=record["expected"],
        cable_id=record["cable_id"],
        note=record.get("note"),
        source=Provenance(**record["source"]),
        also_at=tuple(Provenance(**place) for place in record.get("also_at", ())),
    )


def load_cases(reader: Reader | None = None) -> tuple[Case, ...]:
    """The cases with an input text, for one reader or (``None``) for all, in file order."""
    _check_reader(reader)
    cases = (_case(record) for record in _data()["cases"])
    return tuple(case for case in cases if reader is None or case.reader == reader)


def load_cable_cases(reader: Reader | None = None) -> tuple[CableCase, ...]:
    """The cases that name a cable instead of giving its text (classified_by and signer)."""
    _check_reader(reader)
    cases = (
        CableCase(
            id=record["id"],
            reader=record["reader"],
            function=record["function"],
            cable_id=record["cable_id"],
            args=MappingProxyType(dict(record["args"])),
            expected=record["expected"],
            note=record.get("note"),
            source=Provenance(**record["source"]),
        )
        for record in _data()["cable_cases"]
    )
    return tuple(case for case in cases if reader is None or case.reader == reader)


def source_files() -> tuple[Mapping[str, Any], ...]:
    """The cablemap test files the cases come from: path, commit, length, SHA-256, reader."""
    return tuple(MappingProxyType(dict(record)) for record in _data()["files"])
