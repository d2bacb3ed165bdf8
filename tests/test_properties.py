"""Property-based tests: arbitrary and mutated text raise only CableError, offsets stay inside."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils import Cable, CableError
from cable_utils.source.normalise import normalise
from cable_utils.source.paths import DATA_DIR

SEED_TEXT = (DATA_DIR / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.splitlines(keepends=True)

PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_offsets_inside(cable: Cable) -> None:
    length = len(cable.raw)
    for part in (
        *cable.segments,
        *cable.paragraphs,
        *cable.addressees,
        *cable.tags,
        *cable.references,
    ):
        assert 0 <= part.start <= part.end <= length, part


def parse_or_cable_error(text: str) -> None:
    try:
        cable = Cable.from_text(text)
    except CableError:
        return
    assert_offsets_inside(cable)
    assert all(isinstance(w, str) and w for w in cable.warnings)


@PROFILE
@given(st.text(max_size=3000))
def test_arbitrary_text(text: str):
    parse_or_cable_error(text)


@PROFILE
@given(st.text(alphabet=st.sampled_from(list("[](#)¶ \n\r\t&;#x0AZCSIPDS1.():/-")), max_size=2000))
def test_artifact_soup(text: str):
    parse_or_cable_error(text)


@PROFILE
@given(st.lists(st.integers(min_value=0, max_value=len(SEED_LINES) - 1), max_size=12), st.data())
def test_mutated_cable(deletions: list[int], data: st.DataObject):
    lines = [line for index, line in enumerate(SEED_LINES) if index not in set(deletions)]
    if lines:
        duplicate = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        lines.insert(duplicate, lines[duplicate])
    cut = data.draw(st.integers(min_value=0, max_value=len("".join(lines))))
    parse_or_cable_error("".join(lines)[:cut])


@PROFILE
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)), st.text(max_size=40))
def test_inserted_noise(position: int, noise: str):
    parse_or_cable_error(SEED_TEXT[:position] + noise + SEED_TEXT[position:])


@PROFILE
@given(st.text(max_size=2000))
def test_offset_map_is_monotone_and_in_range(text: str):
    clean = normalise(text)
    assert len(clean.raw_starts) == len(clean.text) == len(clean.raw_ends)
    previous = -1
    for start, end in zip(clean.raw_starts, clean.raw_ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start
