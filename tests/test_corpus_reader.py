"""The fast ``cables.csv`` row reader gives exactly what ``csv.reader`` gives.

:class:`cable_utils.corpus.rows._CablesCsvReader` cuts well-formed rows out of the
raw bytes and hands everything else to a real ``csv.reader``. Compared here
with ``csv.reader`` on the file opened as ``_csv_tasks`` used to open it: the
same rows, the same errors and the same ``line_num`` after every row, on
generated soup, on well-formed rows and with tiny read chunks. Speed is
measured in ``benchmarks/``, never here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils.corpus import rows as corpus
from cable_utils.corpus.rows import _CablesCsvReader, _csv_tasks, write_cables_csv
from cable_utils.source.loading import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
# decode_bytes, as load_cable reads them: some samples are Windows-1252.
SAMPLE_TEXTS = [
    decode_bytes(path.read_bytes())[0]
    for path in sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
]

Outcome = tuple[list[str] | str, int]


def _outcomes(reader: Iterator[list[str]]) -> list[Outcome]:
    """Each row (or error message) with the reader's ``line_num`` after it."""
    results: list[Outcome] = []
    while True:
        try:
            row: list[str] | str = next(reader)
        except StopIteration:
            return results
        except csv.Error as error:
            row = f"csv.Error: {error}"
        results.append((row, reader.line_num))  # type: ignore[attr-defined]


def _expected(data: bytes) -> list[Outcome]:
    handle = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace", newline="")
    return _outcomes(csv.reader(handle, **corpus._CSV_DIALECT))


def _fast(data: bytes, chunk_size: int | None = None) -> tuple[list[Outcome], _CablesCsvReader]:
    reader = _CablesCsvReader(io.BytesIO(data), chunk_size)
    return _outcomes(reader), reader


@contextmanager
def _field_limit(limit: int | None) -> Iterator[None]:
    old = csv.field_size_limit()
    if limit is not None:
        csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _cables_csv(rows: list[list[str]]) -> bytes:
    """The bytes :func:`write_cables_csv` writes, without a file (for hypothesis)."""
    handle = io.StringIO(newline="")
    writer = csv.writer(
        handle, quoting=csv.QUOTE_ALL, escapechar="\\", doublequote=False, lineterminator="\n"
    )
    writer.writerows(rows)
    return handle.getvalue().encode("utf-8")


# -- soup ------------------------------------------------------------------------

_TEXT = st.text(
    st.sampled_from(['"', "\\", ",", "\n", "\r", "\0", " ", "a", "Z", "é", "”", "\U0001f600"]),
    max_size=12,
)
_WELL_FORMED_ROW = st.builds(
    lambda fields, end: _cables_csv([fields])[:-1] + end,
    st.lists(_TEXT, min_size=7, max_size=9),
    st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n", b""]),
)
_PIECE = st.one_of(
    st.sampled_from(
        [
            b'"',
            b"\\",
            b",",
            b'","',
            b'"\n"',
            b"\n",
            b"\r",
            b"\r\n",
            b"\n\n",
            b"\0",
            b"text",
            b" ",
            "é”".encode(),
            b"\xff",  # invalid UTF-8: decoded as U+FFFD
            b"\xe2\x80",  # a character cut short
            b"\xc3",
        ]
    ),
    _WELL_FORMED_ROW,
    _WELL_FORMED_ROW,  # twice: more rows for the fast path between the odd pieces
)
_SOUP = st.lists(_PIECE, max_size=40).map(b"".join)
_CHUNK = st.one_of(st.none(), st.integers(min_value=1, max_value=40))
_LIMIT = st.sampled_from([None, None, 3, 12])


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_SOUP, chunk_size=_CHUNK, limit=_LIMIT)
def test_soup_reads_as_csv_reader_reads_it(data, chunk_size, limit):
    with _field_limit(limit):
        expected = _expected(data)
        got, _ = _fast(data, chunk_size)
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(_TEXT, min_size=8, max_size=8), max_size=6), chunk_size=_CHUNK)
def test_well_formed_rows_take_the_fast_path(rows, chunk_size):
    data = _cables_csv(rows)
    got, reader = _fast(data, chunk_size)
    assert got == _expected(data)
    assert reader._slow.line_num == 0  # csv.reader never had to step in


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n",
        b"\r\n\r\n\r",
        b'"a","b","c","d","e","f","g","h"',  # no line break at the end
        b'"a","b","c","d","e","f","g","h"\r',
        b'"a","b","c","d","e","f","g","h"\r"a","b","c","d","e","f","g","h"\r\n',
        b'"a","b","c","d","e","f","g","h"x\n"a","b","c","d","e","f","g","h"\n',
        b'"a","b","c","d","e","f","g","h\\',  # backslash at the end of the file
        b'"a","b","c","d","e","f","g","h\\"\n',  # the last quote is escaped
        b'"a","b","c","d","e","f","g","h\\\\"\n',  # the backslash is
        b'"a","b","c","d","e","f","g\n',  # unterminated quote
        b'"a","b","c","d","e","f","g","h","i"\n"a","b"\n',
        b'a,b,c,d,e,f,g,h\n"a","b","c","d","e","f","g","h"\n',
        b'"a\0b","\\\0","c","d","e","f","g","h"\n',
        b'"\xe2\x80","\xff\\\xc3","c","d","e","f","g","h\xf0\x9f"',
        b'"a","b"c,"d","e","f","g","h","i"\n',
    ],
)
@pytest.mark.parametrize("chunk_size", [None, 1, 3])
def test_edge_cases(data, chunk_size):
    got, _ = _fast(data, chunk_size)
    assert got == _expected(data)


@pytest.mark.parametrize("length", [40, 41])
@pytest.mark.parametrize("escapes", [False, True])
def test_a_field_over_the_limit_is_the_same_csv_error(length, escapes):
    value = "x\\" * (length // 2) + "x" * (length % 2) if escapes else "x" * length
    data = _cables_csv([["1", value, "c", "d", "e", "f", "g", "h"]] * 2)
    with _field_limit(40):
        expected = _expected(data)
        got, _ = _fast(data, 16)
    assert got == expected
    assert ("field larger than field limit" in str(got[0][0])) == (length > 40)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from([b"\\", b"\\\\", b"\\\\\\", b"\0", b"a", b'"', b"\xc3\xa9"]), max_size=120
    )
)
def test_unescape_reads_escapes_from_the_left(pieces):
    value = b"".join(pieces) + b"."  # a value never ends with a lone backslash
    assert corpus._unescape(value) == re.sub(rb"\\(.)", rb"\1", value, flags=re.DOTALL)


@pytest.mark.parametrize("nul", [b"", b"\0"])
def test_a_field_with_many_escapes(nul):
    value = b"\\\\\\a" * corpus._FEW_ESCAPES + b'\\"' * 3 + nul
    data = b'"' + value + b'","b","c","d","e","f","g","' + value + b'"\n'
    got, reader = _fast(data)
    assert got == _expected(data)
    assert reader._slow.line_num == 0


def test_a_row_thick_with_escaped_quotes_goes_to_csv_reader():
    row = b'"1","b","c","d","e","f","g","h"\n'
    data = row + b'"' + b'\\"' * 500 + b'","b","c","d","e","f","g","h"\n' + row
    got, reader = _fast(data)
    assert got == _expected(data)
    assert reader._slow.line_num == 1  # the middle row only


# -- the samples ---------------------------------------------------------------------


def _sample_rows(newline: str = "\n") -> list[list[str]]:
    return [
        [str(number), "1/1/2009 0:00", f"ID{number}", "Embassy", "SECRET", "", "", text]
        for number, text in enumerate(
            text.replace("\n", newline) for text in SAMPLE_TEXTS + [SAMPLE_TEXTS[0][:100]]
        )
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("chunk_size", [None, 7, 1000])
def test_samples_written_by_write_cables_csv(tmp_path, newline, chunk_size):
    path = tmp_path / "cables.csv"
    write_cables_csv(_sample_rows(newline), path)
    data = path.read_bytes()
    assert data == _cables_csv(_sample_rows(newline))  # the helper writes as write_cables_csv
    got, reader = _fast(data, chunk_size)
    assert got == _expected(data)
    assert [row[-1] for row, _ in got][:-1] == [t.replace("\n", newline) for t in SAMPLE_TEXTS]
    assert reader._slow.line_num == 0


# -- streaming -----------------------------------------------------------------------


class _CountingBytes(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads: list[int] = []

    def read(self, size: int | None = -1, /) -> bytes:
        assert size is not None and size > 0, "the reader must never read the whole file"
        self.reads.append(size)
        return super().read(size)


def test_the_file_is_read_in_chunks_and_rows_span_them():
    rows = _sample_rows()
    data = _cables_csv(rows)
    handle = _CountingBytes(data)
    reader = _CablesCsvReader(handle, 64)
    first = next(reader)
    assert first == rows[0]
    assert handle.tell() < len(data)  # the first row came before the rest was read
    assert [first, *reader] == rows
    longest = max(len(_cables_csv([row])) for row in rows)
    assert len(handle.reads) > len(data) // (2 * longest)
    assert max(handle.reads) <= 2 * longest  # a long row is read in growing steps


def test_csv_tasks_use_the_chunk_size(tmp_path, monkeypatch):
    path = tmp_path / "cables.csv"
    rows = _sample_rows("\r\n")
    write_cables_csv(rows[:3] + [["4", "too few fields"]] + rows[3:6], path)
    with path.open("ab") as handle:
        handle.write(b'\n\n"8","unterminated ' + b"x" * 300)
    normal = list(_csv_tasks(path))
    monkeypatch.setattr(corpus, "_READ_CHUNK", 5)
    reads: list[int] = []
    real_open = Path.open

    def counting_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        read = handle.read

        def counted(size=-1, /):
            reads.append(size)
            return read(size)

        handle.read = counted
        return handle

    monkeypatch.setattr(Path, "open", counting_open)
    assert list(_csv_tasks(path)) == normal
    assert reads and min(reads) == 5 and -1 not in reads
    assert len(normal) == 8
    assert "4 (ending on line" in normal[3].error
    assert normal[-1].error and "fields, not the 8" in normal[-1].error
