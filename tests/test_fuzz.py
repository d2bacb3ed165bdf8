"""Mutation fuzzing of the real cables, and pathological inputs.

Whatever the text, the parser either returns a Cable (possibly with warnings)
or raises a CableError; every offset stays inside the raw text; every segment
covers some text; each paragraph's text is the normalised text of its raw span;
and no input takes more than a second (no catastrophic regex backtracking).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pathological_inputs import PATHOLOGICAL

from cable_utils import CableError, load_cable
from cable_utils.model import Cable
from cable_utils.parse.body import PARAGRAPH_START
from cable_utils.parse.parser import parse_text
from cable_utils.source.loading import decode_bytes
from cable_utils.source.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "data" / "cables" / "samples").glob("*.txt")) + [
    ROOT / "data" / "cables" / "08BAKU151.txt"
]
RAW_BYTES = {path.stem: path.read_bytes() for path in FILES}
TEXTS = {name: decode_bytes(data)[0] for name, data in RAW_BYTES.items()}
NAMES = sorted(TEXTS)
# A hang guard, not a speed test: the worst real regression (catastrophic regex
# backtracking on a banner followed by many TABs) took 95 s, while every input
# here parses in well under a second. Speeds are measured by
# benchmarks/bench_pathological.py, never asserted here (a loaded CI machine
# would make any tight limit flaky).
HANG_LIMIT_SECONDS = 30

FUZZ = settings(
    max_examples=60,
    deadline=None,  # hangs are caught by never_hangs(); speed is a benchmark
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
    # A paragraph's text is the cable's normalised text over the paragraph's raw span.
    # (Not the span normalised on its own: some cleaning reads context, e.g. a "PAGE 02"
    # line is a page marker only in a cable that has page markers.)
    whole = normalise(raw)
    for paragraph in cable.paragraphs:
        clean = whole.text[whole.to_clean(paragraph.start) : whole.to_clean(paragraph.end)]
        if paragraph.number is not None:
            match = PARAGRAPH_START.match(clean)
            assert match is not None, paragraph
            clean = clean[match.end() :]
        assert " ".join(clean.split()) == " ".join(paragraph.text.split()), paragraph.number
    assert all(isinstance(w, str) and w for w in cable.warnings)


@contextmanager
def never_hangs(what: str) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block runs for HANG_LIMIT_SECONDS."""

    def give_up(signum: int, frame: object) -> None:
        raise AssertionError(f"{what} still running after {HANG_LIMIT_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(HANG_LIMIT_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parse_guarded(text: str) -> Cable | None:
    with never_hangs(f"parsing {len(text):,} characters"):
        try:
            cable = parse_text(text)
        except CableError:
            cable = None
    if cable is not None:
        check_cable(cable)
    return cable


def load_guarded(data: bytes) -> None:
    with never_hangs(f"loading {len(data):,} bytes"):
        try:
            cable = load_cable(data)
        except CableError:
            cable = None
    if cable is not None:
        check_cable(cable)


@pytest.mark.parametrize("name", NAMES)
def test_every_real_cable_keeps_the_invariants(name):
    cable = parse_guarded(TEXTS[name])
    assert cable is not None


@FUZZ
@given(st.sampled_from(NAMES), st.data())
def test_truncations(name, data):
    text = TEXTS[name]
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    start = data.draw(st.integers(min_value=0, max_value=cut))
    parse_guarded(text[start:cut])


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
    parse_guarded("".join(lines))


@FUZZ
@given(
    st.sampled_from(NAMES), st.sampled_from(["cp1252", "latin-1", "utf-16", "utf-8-sig", "ascii"])
)
def test_swapped_encodings(name, encoding):
    data = TEXTS[name].encode(encoding, errors="replace")
    load_guarded(data)
    # and the reverse mistake: bytes of one encoding read as another
    load_guarded(data.decode("latin-1").encode("utf-8"))


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
    load_guarded(bytes(raw))


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
    parse_guarded(text)


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
@pytest.mark.parametrize(
    "prefix", ["", "P 191347Z FEB 08\nFM AMEMBASSY BAKU\nTAGS: PREL\nSUBJECT: X\n"]
)
def test_pathological_long_lines_never_hang(kind, prefix):
    parse_guarded(prefix + PATHOLOGICAL[kind])
    parse_guarded(prefix + PATHOLOGICAL[kind] + "\n1. (C) text\n")


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
        parse_guarded(keyword + run + "[")
        parse_guarded(HEADER + keyword + run + "\n1. (C) x\nDERSE\n")


def test_a_page_marker_inside_a_paragraph_number_is_cleaned_in_context() -> None:
    """Found by the fuzzer: "PAGE 02" between "6." and "(C)" of 01PRETORIA1173.

    The whole cable's normalisation removes it (the cable has page markers), so the
    paragraph's text starts at "(C)", and its raw span still holds the marker.
    """
    text = TEXTS["01PRETORIA1173"]
    for position, fragment in [(5678, "\nPAGE 02 "), (0, "\n¶"), (0, "\n¶"), (5298, "\nPAGE 02 ")]:
        text = text[:position] + fragment + text[position:]
    cable = parse_guarded(text)  # runs check_cable: every paragraph held to its raw span
    assert cable is not None
    sixth = next(p for p in cable.paragraphs if p.number == 6)
    assert "PAGE 02" in cable.raw[sixth.start : sixth.end]
    assert sixth.text.startswith("(C) ULTIMATELY")
