"""Counts in what a learner reads agree with their number ("1 cable matches", not "1 cables match")."""

from __future__ import annotations

from cable_utils import load_cable
from cable_utils.corpus.index.reader import SearchResults
from cable_utils.lessons.exercises import check
from cable_utils.lessons.exercises.reading import compare_open


def test_one_matching_cable_is_one_cable() -> None:
    assert str(SearchResults('"Minsk Group"', 1, ())).startswith(
        "1 cable matches '\"Minsk Group\"'"
    )
    assert str(SearchResults("Karabakh", 8, ())).startswith("8 cables match 'Karabakh'")
    assert str(SearchResults("x", 0, ())).startswith("0 cables match")


def test_a_one_word_answer_is_one_word() -> None:
    _, misses = compare_open("Kosovo", None, want_quote=False, min_words=20)
    assert [point.text for point in misses if point.key == "length"] == [
        "1 word: the model answer takes about 20 or more."
    ]


def test_none_for_a_cable_that_cites_others_is_read_as_none_not_as_an_id() -> None:
    # The prompt offers 'none'; it used to come back as "not in the REF line: NONE".
    feedback = check("06.3", "none", load_cable("08BAKU151"), save=False)
    assert feedback.verdict == "not yet"
    assert "names 2 cables" in feedback.message and "NONE" not in feedback.message
