"""The sample cables against expectations written by reading each text.

tests/expected/samples.json was filled in by hand from the 24 files shipped in
data/cables/samples/ (see its ``_about``). Each of those is checked through the
model and through the JSON contract of ``python -m cable_utils show --json``.
A cable added later with ``python -m cable_utils add`` has no hand-written
expectations; the checks that hold for every cable (offsets into the raw text,
no page markers in paragraphs, the ID its file name gives) run on all of them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.source.normalise import normalise
from cable_utils.source.paths import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(DATA_DIR) / "cables" / "samples"
EXPECTED = {
    key: value
    for key, value in json.loads(
        (Path(__file__).parent / "expected" / "samples.json").read_text(encoding="utf-8")
    ).items()
    if not key.startswith("_")
}
IDS = sorted(EXPECTED)
ALL_IDS = sorted(path.stem for path in SAMPLES.glob("*.txt"))


def test_every_expectation_has_its_sample():
    assert set(IDS) <= set(ALL_IDS), set(IDS) - set(ALL_IDS)


@pytest.fixture(scope="module")
def cables():
    return {cable_id: load_cable(SAMPLES / f"{cable_id}.txt") for cable_id in ALL_IDS}


@pytest.mark.parametrize("cable_id", ALL_IDS)
def test_every_sample_reads_under_the_id_of_its_file_name(cables, cable_id):
    cable = cables[cable_id]
    assert cable.id == cable_id
    assert load_cable(cable_id).raw == cable.raw  # found by ID, as the lessons find it


def _check_contract(cable_id: str, data: dict, expected: dict) -> None:
    assert data["id"] == cable_id
    assert data["date"] == expected["date"]
    assert data["classification"] == expected["classification"]
    assert data["handling"] == expected["handling"]
    assert data["subject"] == expected["subject"]
    assert data["tags"] == expected["tags"]
    assert [r["id"] for r in data["references"]] == expected["references"]
    assert data["classified_by"] == expected["classified_by"]
    assert data["reason_section"] == expected["reason_section"]
    assert data["reasons"] == expected["reasons"]
    assert data["eo"] == expected["eo"]
    assert data["decl_date"] == expected["decl_date"]
    assert data["signer"] == expected["signer"]
    numbered = [p for p in data["paragraphs"] if p["number"] is not None]
    assert len(numbered) == expected["paragraphs"]
    first = numbered[0]["marking"] if numbered else None
    assert first == expected["first_marking"]
    for phrase in expected["warnings"]:
        assert any(phrase in warning for warning in data["warnings"]), (phrase, data["warnings"])
    if expected.get("no_other_warnings"):
        assert len(data["warnings"]) == len(expected["warnings"]), data["warnings"]


@pytest.mark.parametrize("cable_id", IDS)
def test_fields_through_the_model(cables, cable_id):
    cable = cables[cable_id]
    expected = EXPECTED[cable_id]
    _check_contract(cable_id, cable.to_json_dict(), expected)
    if "declassification_note" in expected:
        assert expected["declassification_note"] in (cable.declassification_note or "")
    if "page_headers" in expected:
        assert len(cable.segments_of("page_header")) == expected["page_headers"]


@pytest.mark.parametrize("cable_id", ALL_IDS)
def test_segments_and_paragraphs_point_into_the_raw_text(cables, cable_id):
    cable = cables[cable_id]
    for segment in cable.segments:
        assert 0 <= segment.start < segment.end <= len(cable.raw), segment
        assert cable.raw[segment.start : segment.end].strip(), segment
    for paragraph in cable.paragraphs:
        clean = " ".join(normalise(cable.raw[paragraph.start : paragraph.end]).text.split())
        assert " ".join(paragraph.text.split()) in clean


@pytest.mark.parametrize("cable_id", ALL_IDS)
def test_page_markers_never_become_paragraph_text(cables, cable_id):
    for paragraph in cables[cable_id].paragraphs:
        assert " OF 00" not in paragraph.text
        assert not paragraph.text.startswith("PAGE 0")


def test_spliced_record_is_cut_off(cables):
    cable = cables["73TEHRAN2077"]
    other = cable.segments_of("other_record")
    assert len(other) == 1
    assert cable.raw[other[0].start :].startswith("50133  2006-01-19  06THEHAGUE131")
    # The Hague's "Classified By" and paragraphs are not read as Tehran's.
    assert cable.classified_by is None and cable.paragraphs == ()


def test_print_out_wrapper_is_a_preamble(cables):
    cable = cables["09DOHA214"]
    preamble = cable.segments_of("preamble")
    assert preamble and cable.raw[preamble[0].start :].startswith("Stephen H Rogerson")
    assert cable.segments_of("vzczc")[0].start > preamble[0].end - 1


@pytest.mark.parametrize("cable_id", ["10STATE284", "79TEHRAN8980", "09DOHA214", "07KINGSTON382"])
def test_json_contract_from_the_shell(cable_id):
    result = subprocess.run(
        [sys.executable, "-m", "cable_utils", "show", "--json", str(SAMPLES / f"{cable_id}.txt")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    _check_contract(cable_id, json.loads(result.stdout), EXPECTED[cable_id])
