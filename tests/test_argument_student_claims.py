"""Lesson 04 reads a remixer's own claims (saved by lesson 05 under my_work/<ID>/)."""

from __future__ import annotations

import pytest

from cable_utils import load_cable
from cable_utils.analysis.argument import load_argument
from cable_utils.analysis.remix import save_claims
from cable_utils.widgets.argument import argument_status


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    return tmp_path


def test_saved_claims_are_loaded_for_an_uncurated_cable(work):
    cable = load_cable("10MOSCOW228")
    quote = "The latest version of the Russian draft law"
    assert quote in cable.text
    saved = save_claims(
        [{"claim": "The draft law disadvantages U.S. firms", "holder": "reporting_post",
          "stance": "FAVOR", "quote": quote}],
        cable,
    )  # fmt: skip
    assert saved.path.is_file()
    data = load_argument(cable, cable.id)
    assert data.from_student_work
    assert [c.text for c in data.claims] == ["The draft law disadvantages U.S. firms"]
    status = argument_status(cable, data).value
    assert "your own work" in status


def test_a_broken_student_file_degrades_and_is_kept(work):
    cable = load_cable("10MOSCOW228")
    folder = work / cable.id
    folder.mkdir()
    broken = "claim_id,claim,question,holder,stance,paragraph,quote,note\nC1,x,,nobody,MAYBE,,not in the cable,\n"
    (folder / "claims.csv").write_text(broken, encoding="utf-8")
    data = load_argument(cable, cable.id)
    assert not data.claims
    assert data.problems and data.problems[0].startswith("claims.csv line 2: ")
    assert any("'MAYBE' is not FAVOR, AGAINST or NONE" in p for p in data.problems)
    assert "could not be used yet" in argument_status(cable, data).value
    assert (folder / "claims.csv").read_text(encoding="utf-8") == broken


def test_curated_claims_win_over_student_work(work):
    cable = load_cable("08BAKU151")
    (work / "08BAKU151").mkdir()
    (work / "08BAKU151" / "claims.csv").write_text("garbage", encoding="utf-8")
    data = load_argument(cable, "08BAKU151")
    assert data.curated and not data.from_student_work and not data.problems
