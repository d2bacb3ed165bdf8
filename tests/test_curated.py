"""Automatic results beside the curated ones: every disagreement flagged, none hidden.

The expected codes come from data/annotations/08BAKU151/statements.csv (coded by hand),
never from the automatic rules under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import find_statements, load_gazetteer
from cable_utils.analysis.actors.statements import _code_for
from cable_utils.analysis.curated import (
    AGREE,
    DIFFERS,
    UNCHECKED,
    actors_compared,
    mentions_compared,
    pair_statements,
    statements_compared,
)

REPO = Path(__file__).resolve().parents[1]
CURATED = REPO / "data" / "annotations" / "08BAKU151"


@pytest.fixture(autouse=True)
def no_student_gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))


def curated_rows() -> list[dict[str, str]]:
    with (CURATED / "statements.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_curated_statement_appears_once_beside_its_automatic_code() -> None:
    cable = load_cable("08BAKU151")
    pairs = pair_statements(cable)
    assert pairs is not None
    curated_ids = [p.curated["id"] for p in pairs if p.curated]
    assert sorted(curated_ids) == sorted(r["id"] for r in curated_rows())  # none lost, none twice
    table = statements_compared(cable)
    assert len(table) == len(pairs)
    for pair, (_, row) in zip(pairs, table.iterrows(), strict=True):
        if pair.automatic and pair.curated:
            same = pair.automatic.code == pair.curated["cameo_code"]
            assert row["check"] == (AGREE if same else DIFFERS)
            assert row["curated code"].startswith(pair.curated["cameo_code"])
    # never a wrong code unflagged: every row whose two codes differ says so
    for _, row in table.iterrows():
        auto, hand = row["automatic code"].split()[0], row["curated code"].split()[0]
        if auto != hand:
            assert row["check"] != AGREE, row.to_dict()
    assert table.attrs["disagreements"] == int((table["check"] != AGREE).sum()) > 0


def test_seyidovs_reported_recognitions_are_not_coded_reject() -> None:
    # statements.csv S25: Seyidov "noted" that 16 states had recognized Kosovo and that
    # not a single country had recognized Nagorno-Karabakh: a report, coded 010 by hand.
    hand = next(r for r in curated_rows() if r["speaker"] == "vugar_seyidov")
    assert hand["cameo_code"] == "010"
    cable = load_cable("08BAKU151")
    automatic = [
        s for s in find_statements(cable, load_gazetteer(cable)) if s.speaker == "vugar_seyidov"
    ]
    assert automatic and all(s.code == hand["cameo_code"] for s in automatic)
    # the GOAJ's own non-recognition is still a rejection (S02, S16: 120)
    goaj = [
        s for s in find_statements(cable, load_gazetteer(cable)) if "would not recognize" in s.text
    ]
    assert goaj and goaj[0].code == "120"


@pytest.mark.parametrize(
    "clause, code",
    [
        ("the GOAJ would not recognize Kosovo's independence", "120"),
        ("Azerbaijan will not recognize the unilateral decision", "120"),
        ("France will recognize Kosovo's independence", "054"),
        ("in only one day 16 states had already recognized Kosovo's independence", "010"),
        ("not a single country had recognized Nagorno-Karabakh's independence", "010"),
        ("several other countries have recognized Kosovo's independence", "010"),
    ],
)
def test_the_recognition_rules(clause: str, code: str) -> None:
    assert _code_for("note", clause)[0] == code


def test_mention_counts_beside_the_curated_counts() -> None:
    table = mentions_compared(load_cable("08BAKU151"))
    assert table.attrs["curated"]
    with (CURATED / "mentions_expected.csv").open(encoding="utf-8", newline="") as handle:
        expected: dict[str, int] = {}
        for row in csv.DictReader(handle):
            expected[row["actor"]] = expected.get(row["actor"], 0) + int(row["count"])
    names = {a.name: a.id for a in load_gazetteer(load_cable("08BAKU151")).actors}
    for _, row in table.iterrows():
        hand = expected.get(names[row["actor"]], 0)
        assert row["curated count"] == hand
        assert (row["check"] == AGREE) == (row["automatic count"] == hand)


def test_a_cable_nobody_coded_says_so() -> None:
    cable = load_cable("06BAKU1835")
    table = statements_compared(cable)
    assert len(table) and set(table["check"]) == {UNCHECKED} and not table.attrs["curated"]
    assert set(mentions_compared(cable)["check"]) == {UNCHECKED}


def test_the_actors_table_carries_both_counts() -> None:
    cable = load_cable("08BAKU151")
    table = actors_compared(cable)
    counts = mentions_compared(cable)
    assert list(table["mentions (curated)"]) == list(counts["curated count"])
    assert list(table["check"]) == list(counts["check"])
    flagged = table[table["check"] == DIFFERS]
    assert (
        len(flagged) >= 1
        and (flagged["mentions (automatic)"] != flagged["mentions (curated)"]).all()
    )
