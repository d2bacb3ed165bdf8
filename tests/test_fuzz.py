"""Mutation fuzzing of the real cables, and pathological inputs.

Whatever the text, the parser either returns a Cable (possibly with warnings)
or raises a CableError; every offset stays inside the raw text; every segment
covers some text; each paragraph's text is the normalised text of its raw span;
and no input takes more than a second (no catastrophic regex backtracking).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils import CableError, load_cable
from cable_utils.body import PARAGRAPH_START
from cable_utils.loading import decode_bytes
from cable_utils.model import Cable
from cable_utils.normalise import normalise
from cable_utils.parser import parse_text

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "data" / "cables" / "samples").glob("*.txt")) + [
    ROOT / "data" / "cables" / "08BAKU151.txt"
]
RAW_BYTES = {path.stem: path.read_bytes() for path in FILES}
TEXTS = {name: decode_bytes(data)[0] for name, data in RAW_BYTES.items()}
NAMES = sorted(TEXTS)
TIME_LIMIT = 1.0

FUZZ = settings(
    max_examples=60,
    deadline=None,  # timing is asserted explicitly, per input
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_cable(cable: Cable) -> None:
    """The invariants every parsed cable keeps."""
    raw = cable.raw
    for segment in cable.segments:
        assert 0 <= segment.start < segment.end <= len(raw), segment
        assert raw[segment.start : segment.end].strip(), segment
    for part in (*cable.paragraphs, *cable.to, *cable.info, *cable.tags, *cable.references):
        assert 0 <= part.start <= part.end <= len(raw), part
    for paragraph in cable.paragraphs:
        clean = normalise(raw[paragraph.start : paragraph.end]).text
        if paragraph.number is not None:
            match = PARAGRAPH_START.match(clean)
            assert match is not None, paragraph
            clean = clean[match.end() :]
        assert " ".join(clean.split()) == " ".join(paragraph.text.split()), paragraph.number
    assert all(isinstance(w, str) and w for w in cable.warnings)


def parse_timed(text: str) -> Cable | None:
    started = time.perf_counter()
    try:
        cable = parse_text(text)
    except CableError:
        cable = None
    elapsed = time.perf_counter() - started
    assert elapsed < TIME_LIMIT, f"took {elapsed:.2f} s on an input of {len(text):,} characters"
    if cable is not None:
        check_cable(cable)
    return cable


def load_timed(data: bytes) -> None:
    started = time.perf_counter()
    try:
        cable = load_cable(data)
    except CableError:
        cable = None
    elapsed = time.perf_counter() - started
    assert elapsed < TIME_LIMIT, f"took {elapsed:.2f} s on {len(data):,} bytes"
    if cable is not None:
        check_cable(cable)


@pytest.mark.parametrize("name", NAMES)
def test_every_real_cable_keeps_the_invariants(name):
    cable = parse_timed(TEXTS[name])
    assert cable is not None


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_truncations(name, data):
    text = TEXTS[name]
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    start = data.draw(st.integers(min_value=0, max_value=cut))
    parse_timed(text[start:cut])


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_deleted_and_duplicated_lines(name, data):
    lines = TEXTS[name].splitlines(keepends=True)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        if not lines:
            break
        index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if data.draw(st.booleans()):
            del lines[index]
        else:
            lines.insert(index, lines[index])
    parse_timed("".join(lines))


@FUZZ
@given(
    st.sampled_from(NAMES), st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-8-sig", "ascii"])
)
def test_swapped_encodings(name, encoding):
    data = TEXTS[name].encode(encoding, errors="replace")
    load_timed(data)
    # and the reverse mistake: bytes of one encoding read as another
    load_timed(data.decode("latin-1").encode("utf-8"))


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_random_bytes(name, data):
    raw = bytearray(RAW_BYTES[name])
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        position = data.draw(st.integers(min_value=0, max_value=len(raw)))
        noise = data.draw(st.binary(min_size=1, max_size=30))
        if data.draw(st.booleans()) and position < len(raw):
            raw[position : position + len(noise)] = noise  # overwrite
        else:
            raw[position:position] = noise  # insert
    load_timed(bytes(raw))


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_inserted_cable_syntax(name, data):
    """Fragments that look like cable parts, dropped anywhere."""
    fragments = [
        "\n¶",
        "\nPAGE 02 ",
        " OF 003\n",
        "\nNNNN\n",
        "\nCONFIDENTIAL\n",
        "\nREF: A. ",
        "\n1. (C) ",
        "\nSUBJECT: ",
        "\nTAGS ",
        "\t",
        "\\\n",
        "\r",
        "&#x000A;",
        "[1](#)",
        "\nVZCZCXYZ0001\n",
        "\n50133  2006-01-19  06THEHAGUE131  Embassy  C O N F I D E N T I A L THE HAGUE 000131 ",
        "\nClassified By: ",
        "\nE.O. 12958: DECL: ",
        "\n-----\n",
        "\nINFO LOG-00 ",
    ]
    text = TEXTS[name]
    for _ in range(data.draw(st.integers(min_value=1, max_value=10))):
        position = data.draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:position] + data.draw(st.sampled_from(fragments)) + text[position:]
    parse_timed(text)


PATHOLOGICAL = {
    "spaces": " " * 200_000,
    "letters": "A" * 200_000,
    "words": "ABC " * 50_000,
    "digits": "1" * 200_000,
    "tabs and letters": "A\t" * 100_000,
    "dashes": "-" * 200_000,
    "open parentheses": "(" * 200_000,
    "ref labels": "A. " * 70_000,
    "paren labels": "(A)" * 70_000,
    "paragraph numbers": "1." * 100_000,
    "spaced banner": "C O N F I D E N T I A L " * 8_000,
    "banner letters": "CONFIDENTIAL " * 15_000,
    "page markers": "BAKU 00001835  001.2 OF 003 " * 7_000,
    "brackets": "[" * 200_000,
    "ampersands": "&#" * 100_000,
    "html": "<a " * 70_000,
    "trailing spaces": ("x" + " " * 1000 + "\n") * 200,
    "blank lines": " \n" * 100_000,
    "dates": "2006-01-19 " * 18_000,
}


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
@pytest.mark.parametrize(
    "prefix", ["", "P 191347Z FEB 08\nFM AMEMBASSY BAKU\nTAGS: PREL\nSUBJECT: X\n"]
)
def test_pathological_long_lines_are_fast(kind, prefix):
    parse_timed(prefix + PATHOLOGICAL[kind])
    parse_timed(prefix + PATHOLOGICAL[kind] + "\n1. (C) text\n")


KEYWORDS = [
    "CONFIDENTIAL",
    "TO ",
    "INFO ",
    "FM ",
    "REF: ",
    "SUBJECT: ",
    "TAGS ",
    "Classified By: ",
    "E.O. 12958: ",
    "1. (C) ",
    "¶",
    "FOR ",
    "PAGE 01 ",
    "VZCZC",
    "DE RUEHKB #",
    "A. ",
    "-----",
    "END COMMENT",
    "O 191347Z FEB 08 ",
    "INFO LOG-00 ",
    "2006-01-19 06THEHAGUE131 ",
]
FILLERS = [" ", "\t", "A", "(", "1", ". ", "A ", "- "]
HEADER = (
    "P 191347Z FEB 08\nFM AMEMBASSY BAKU\nTO RUEHC/SECSTATE WASHDC\n"
    "C O N F I D E N T I A L BAKU 000151\nTAGS: PREL\nSUBJECT: X\n"
)


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_keyword_followed_by_a_long_run_is_fast(keyword):
    """A cable keyword followed by 60,000 characters of one kind, with and without a header."""
    for filler in FILLERS:
        run = filler * (60_000 // len(filler))
        parse_timed(keyword + run + "[")
        parse_timed(HEADER + keyword + run + "\n1. (C) x\nDERSE\n")
