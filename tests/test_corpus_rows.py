"""``parse_row`` (the corpus fast path) gives exactly the row of the full parse.

Its plain specification is ``CorpusRow.of_cable(parse_text(...))``: on every
sample, every cable of the real corpus, and mutated cables, the two must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils.errors import CableError
from cable_utils.model import CorpusRow
from cable_utils.parse.parser import parse_row, parse_text
from cable_utils.source.loading import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    [ROOT / "data" / "cables" / "08BAKU151.txt"]
    + sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
    + sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt"))
)
TEXTS = {path.stem: decode_bytes(path.read_bytes())[0] for path in FILES}


def _both(text: str, cable_id: str | None = None):
    def plain():
        return CorpusRow.of_cable(parse_text(text, cable_id=cable_id), source="t")

    def fast():
        return parse_row(text, cable_id=cable_id, source="t")

    results = []
    for read in (plain, fast):
        try:
            results.append(read())
        except CableError as error:
            results.append(type(error).__name__)
    return results


def test_the_row_is_a_row_not_a_cable() -> None:
    row = parse_row(TEXTS["08BAKU151"], cable_id="08BAKU151")
    assert isinstance(row, CorpusRow) and row.signer == "DERSE" and row.paragraphs == 5


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_rows_are_identical_for_every_sample_and_corpus_cable(name: str) -> None:
    plain, fast = _both(TEXTS[name], name)
    assert fast == plain
    plain, fast = _both(TEXTS[name])  # without the file name's ID
    assert fast == plain


_MUTATION = st.sampled_from(["truncate", "delete", "duplicate", "insert", "crlf", "swap"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(TEXTS)[:60]),
    steps=st.lists(
        st.tuples(_MUTATION, st.floats(0, 1), st.floats(0, 1), st.text(max_size=20)),
        min_size=1,
        max_size=4,
    ),
)
def test_rows_are_identical_for_mutated_cables(name: str, steps) -> None:
    text = TEXTS[name]
    for kind, where, size, noise in steps:
        lines = text.split("\n")
        at = int(where * len(lines))
        if kind == "truncate":
            text = text[: int(where * len(text))]
        elif kind == "delete":
            del lines[at : at + 1 + int(size * 5)]
            text = "\n".join(lines)
        elif kind == "duplicate":
            lines[at:at] = lines[at : at + 1 + int(size * 5)]
            text = "\n".join(lines)
        elif kind == "insert":
            position = int(where * len(text))
            text = text[:position] + noise + text[position:]
        elif kind == "crlf":
            text = text.replace("\n", "\r\n")
        else:
            other = int(size * len(lines))
            if lines and at < len(lines) and other < len(lines):
                lines[at], lines[other] = lines[other], lines[at]
            text = "\n".join(lines)
    plain, fast = _both(text, name)
    assert fast == plain
