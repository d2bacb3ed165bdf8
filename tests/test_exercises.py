"""The self-check machinery: registry, feedback, shared checkers."""

from __future__ import annotations

import pytest

from cable_utils.lessons.exercises import Feedback, check, exercise_ids, get_exercise
from cable_utils.lessons.exercises._helpers import argued_answer, fold, same_number, same_set


def test_every_lesson_registers_exercises_at_three_levels():
    ids = exercise_ids()
    for lesson in ("00", "01", "02", "03", "04", "05"):
        levels = {get_exercise(i).level for i in ids if i.startswith(f"{lesson}.")}
        assert levels, f"lesson {lesson} has no self-checks"
        if lesson != "00":
            assert levels == {"recall", "analysis", "open"}, (lesson, levels)


def test_unknown_exercise_names_the_known_ones():
    with pytest.raises(KeyError, match="known exercises: 00.1"):
        check("99.9", "x")


@pytest.mark.parametrize("blank", [..., None, "", "   "])
def test_a_blank_answer_asks_for_one(blank):
    result = check("00.1", blank)
    assert not result.correct and "no answer yet" in result.message


def test_feedback_html_escapes_and_folds_the_explanation():
    wrong = Feedback(False, "<script>alert(1)</script>", "<b>hint</b>")._repr_html_()
    assert "<script>" not in wrong and "&lt;script&gt;" in wrong and "&lt;b&gt;" in wrong
    right = Feedback(True, "because <i>")._repr_html_()
    assert "<details>" in right and "&lt;i&gt;" in right and "open" not in right.split(">")[1]


def test_same_number_says_which_way():
    assert "too high" in same_number("7", 5, right="", hint="").message
    assert "too low" in same_number(3, 5, right="", hint="").message
    assert "not a whole number" in same_number("five", 5, right="", hint="").message
    assert same_number(" 5 ", 5, right="ok", hint="").correct


def test_same_set_and_fold():
    assert fold("  Xazar  İbrahim ") == fold("xazar ibrahim")
    assert same_set("PREL, AJ and PGOV", ["pgov", "prel", "aj"], right="", hint="").correct
    missing = same_set("PREL", ["PREL", "AJ"], right="", hint="")
    assert not missing.correct and "1 missing" in missing.message


def test_argued_answer_wants_length_and_a_citation():
    short = argued_answer("too short", right="ok")
    assert not short.correct and "too short" in short.message
    uncited = argued_answer("word " * 30, right="ok")
    assert not uncited.correct and "quote the cable" in uncited.message
    cited = argued_answer("word " * 30 + "as ¶5 says", right="ok")
    assert cited.correct and cited.message == "ok"
