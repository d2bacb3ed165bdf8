"""Exercise 03.1 says "Correct" only for what it can verify (issue 15).

The person mentioned most often can be verified only against counts made by hand
(``data/annotations/<ID>/mentions_expected.csv``, with the curated gazetteer). A
draft list of actors (found automatically, checked by nobody) saved unchanged as
the learner's own, which is what lesson 05's editor and lesson 03's section 6 start
from, once made 03.1 say "Correct" for a place ("NK" on 08BAKU151) or a garbled
name. Expected people are read here from the hand counts, not from the checker.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import draft_actors, load_gazetteer, save_gazetteer
from cable_utils.lessons import check, model_answer
from cable_utils.lessons.exercises import Verdict
from cable_utils.source.paths import DATA_DIR

OTHER_CABLES = ["10MOSCOW228", "06BAKU1835", "09ABUDHABI1151"]


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    return tmp_path


def hand_counted_people() -> Counter[str]:
    """Mentions per person of 08BAKU151, summed from the hand counts and the curated types."""
    folder = DATA_DIR / "annotations" / "08BAKU151"
    with (folder / "actors.csv").open(encoding="utf-8", newline="") as handle:
        people = {
            row["id"]: row["name"] for row in csv.DictReader(handle) if row["type"] == "person"
        }
    counts: Counter[str] = Counter()
    with (folder / "mentions_expected.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["actor"] in people:
                counts[people[row["actor"]]] += int(row["count"])
    return counts


def save_the_draft_as_mine(cable_id: str) -> None:
    cable = load_cable(cable_id)
    save_gazetteer(draft_actors(cable), cable_id)
    assert load_gazetteer(cable).source == "yours"


def test_on_08baku151_the_hand_counts_decide_even_over_a_saved_draft(work: Path) -> None:
    cable = load_cable("08BAKU151")
    (top, most), (second, fewer) = hand_counted_people().most_common(2)
    assert most > fewer  # one clear answer: Khazar Ibrahimov
    save_the_draft_as_mine("08BAKU151")
    assert check("03.1", top, cable, save=False).correct
    assert not check("03.1", second, cable, save=False).correct
    assert not check("03.1", "NK", cable, save=False).correct  # the draft's 'person'
    shown = model_answer("03.1", cable)
    assert shown.answer == top and "curated mention counts" in shown.explanation


@pytest.mark.parametrize("cable_id", OTHER_CABLES)
def test_a_draft_nobody_checked_is_not_a_key(work: Path, cable_id: str) -> None:
    cable = load_cable(cable_id)
    feedback = check("03.1", "anyone", cable, save=False)
    assert feedback.verdict is Verdict.NOT_AVAILABLE
    assert "draft" in feedback.message


@pytest.mark.parametrize("cable_id", OTHER_CABLES)
def test_with_the_learners_own_list_the_answer_is_compared_never_correct(
    work: Path, cable_id: str
) -> None:
    cable = load_cable(cable_id)
    save_the_draft_as_mine(cable_id)
    automatic_top = model_answer("03.1", cable)
    assert "Unchecked" in automatic_top.explanation
    for answer in (automatic_top.answer.split(" / ")[0], "Nobody In Particular"):
        feedback = check("03.1", answer, cable, save=False)
        assert feedback.kind == "open" and feedback.verdict is Verdict.SAVED, feedback
        assert not feedback.correct
        assert "unchecked" in {point.key for point in feedback.misses}
    # a real answer is saved like any open answer, in the learner's work folder
    saved = check("03.1", "Nobody In Particular", cable)
    assert saved.saved_to and Path(saved.saved_to).is_relative_to(work)
