"""The fast corpus path gives exactly what the full parse gives.

``corpus`` parses rows with :func:`cable_utils.parser.parse_fields` (no
segments, no raw offsets, no paragraph texts) and normalises text with a
candidate scan instead of a plain ``finditer``; both must be invisible in the
results. Speed is measured in ``benchmarks/bench_corpus.py``, never here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cable_utils.loading import decode_bytes
from cable_utils.normalise import _ARTIFACT_PATTERN, _artifact_matches

ROOT = Path(__file__).resolve().parents[1]
CABLE_FILES = [ROOT / "data" / "cables" / "08BAKU151.txt"] + sorted(
    (ROOT / "data" / "cables" / "samples").glob("*.txt")
)
TEXTS = {path.stem: decode_bytes(path.read_bytes())[0] for path in CABLE_FILES}


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(match.start(), match.end(), match.lastgroup) for match in matches]


# -- the artifact scan ----------------------------------------------------------

_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\r", "\r\n", "\\", "\\\n", " \\\r\n", "[", "]", "(#)", "[1](#)",
     "[PREL](#)", "\u00b6", "\ufeff", "&", "&#x000A;", "&amp;", "&#10;", "<", "<br>", "</a>",
     "<a href=x>", "x", "AB", "1.", ";", "  \n", "\t \n", "PAGE 02 "]
)  # fmt: skip


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_artifact_scan_matches_finditer_on_every_sample(name):
    text = TEXTS[name]
    assert _spans(_artifact_matches(text)) == _spans(_ARTIFACT_PATTERN.finditer(text))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_artifact_scan_matches_finditer_on_artifact_soup(text):
    assert _spans(_artifact_matches(text)) == _spans(_ARTIFACT_PATTERN.finditer(text))
