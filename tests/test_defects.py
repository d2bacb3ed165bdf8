"""Typed defects: a closed set of kinds, raw places, the JSON contract, the strict policy.

Run three ways, as CPython's email tests run their defects: recorded on the
cable, listed in the JSON contract, and raised under ``strict=True``.
"""

from __future__ import annotations

import json

import pytest

from cable_utils import Cable, load_cable
from cable_utils.analysis.explain import DEFECT_EXPLANATIONS, explain_defect
from cable_utils.errors import DefectError
from cable_utils.model import DEFECT_KINDS, Defect
from cable_utils.parse import parse_text
from cable_utils.source.paths import known_cable_ids

#: One sample per kind of defect the samples show, with the raw text of its place
#: (read by hand in data/cables/samples).
PLACED = {
    ("04ANKARA348", "partial_extract"): "This record is a partial extract",
    ("07BERN881", "export_row"): "2007-09-11 09:44:00\t07BERN881",
    ("07BERN881", "spliced_record"): "07TBILISI2290",
    ("08VLADIVOSTOK68", "truncated"): "On July 3, Presi...",
    ("09DOHA214", "wrapper"): "Stephen H Rogerson",
    ("09ISLAMABAD2185", "duplicate_paragraph_number"): "4. (S/NF) Comment:",
}


@pytest.mark.parametrize(("cable_id", "kind"), sorted(PLACED))
def test_a_defect_with_a_place_points_at_it_in_the_raw_text(cable_id: str, kind: str) -> None:
    cable = load_cable(cable_id)
    found = cable.defects_of(kind)
    assert found, f"{cable_id} has no {kind} defect: {cable.defects}"
    defect = found[0]
    assert defect.start is not None and defect.end is not None
    assert PLACED[cable_id, kind] in cable.raw[defect.start : defect.end]


def test_defects_without_a_place_have_none() -> None:
    cable = load_cable("10STATE284")
    (defect,) = cable.defects_of("no_subject")
    assert (defect.start, defect.end) == (None, None)
    assert load_cable("07KINGSTON382").defects_of("not_utf8")


def test_every_kind_has_one_explanation() -> None:
    assert set(DEFECT_EXPLANATIONS) == DEFECT_KINDS


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown defect kind 'wobbly'"):
        Defect("wobbly", None, None, "something")


def test_every_sample_defect_has_a_known_kind_and_a_place_inside_the_text() -> None:
    seen = set()
    for cable_id in known_cable_ids():
        cable = load_cable(cable_id)
        assert cable.warnings == tuple(d.message for d in cable.defects)
        for defect in cable.defects:
            seen.add(defect.kind)
            assert explain_defect(defect).meaning
            if defect.start is not None:
                assert 0 <= defect.start <= defect.end <= len(cable.raw)
    assert len(seen) >= 8


def test_the_json_contract_lists_defects_beside_the_warnings() -> None:
    data = json.loads(json.dumps(load_cable("09DOHA214").to_json_dict()))
    assert data["warnings"] == [d["message"] for d in data["defects"]]
    assert data["defects"][0]["kind"] == "wrapper"
    assert set(data["defects"][0]) == {"kind", "start", "end", "message"}


TEXT_WITHOUT_BANNER = "SUBJECT: A TEST\n\n1. (C) Text.\n"


def test_lenient_by_default_strict_on_request() -> None:
    cable = parse_text(TEXT_WITHOUT_BANNER)
    assert {d.kind for d in cable.defects} == {"no_banner", "no_dtg"}
    with pytest.raises(DefectError) as raised:
        parse_text(TEXT_WITHOUT_BANNER, strict=True)
    assert [d.kind for d in raised.value.defects] == ["no_banner", "no_dtg"]
    assert "no classification banner" in str(raised.value)
    assert load_cable("08BAKU151", strict=True).defects == ()


def test_the_offset_map_maps_clean_offsets_to_raw_and_back() -> None:
    cable = load_cable("08BAKU151")
    for word in ("Kosovo", "PBTS", "Classified By"):
        start = cable.text.index(word)
        raw_start, raw_end = cable.to_raw(start, start + len(word))
        assert cable.raw[raw_start:raw_end] == word
        assert cable.to_clean(raw_start) == start
    # "[1](#)" is in the raw text only: the clean text after it maps past it.
    marker = cable.raw.index("[1](#)")
    assert cable.text[cable.to_clean(marker)] == cable.raw[marker + len("[1](#)")]


def test_a_cable_built_by_hand_maps_only_when_its_text_is_its_raw() -> None:
    assert Cable(raw="abc", text="abc").to_raw(1, 2) == (1, 2)
    with pytest.raises(ValueError, match="no offset map"):
        Cable(raw="a[1](#)b", text="ab").to_raw(0, 1)
