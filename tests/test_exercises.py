"""The self-check machinery: three kinds of feedback, guards against odd answers, saving, model answers.

What each checker accepts is tested against the answer tables (test_answer_tables.py);
this file tests what holds for every exercise on every cable.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from cable_utils import Cable, load_cable
from cable_utils.lessons.exercises import (
    Feedback,
    Point,
    Verdict,
    check,
    exercise_ids,
    get_exercise,
    has_solution,
    model_answer,
)
from cable_utils.lessons.exercises.answers import is_placeholder, read_number, shape_problem
from cable_utils.lessons.exercises.reading import find_quote, paragraphs_named, quoted_phrases

REPO = Path(__file__).resolve().parents[1]
CABLES = [
    "08BAKU151",
    "06BAKU1835",
    "09ABUDHABI1151",
    "10MOSCOW228",
    "72TEHRAN1164",
    "73TEHRAN2077",
]
ODD_ANSWERS = [
    None,
    ...,
    "",
    "   ",
    [],
    {},
    {"a": 1},
    True,
    3.5,
    -1,
    float("nan"),
    "x" * 10_000,
    "word " * 3_000,
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    object(),
    ["a", {"b": 1}],
    [None, None],
]


@pytest.fixture(autouse=True)
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    return folder


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# ------------------------------------------------------------------ registry


def test_every_lesson_registers_exercises_at_three_levels() -> None:
    ids = exercise_ids()
    for lesson in ("00", "01", "02", "03", "04", "05"):
        levels = {get_exercise(i).level for i in ids if i.startswith(f"{lesson}.")}
        assert levels, f"lesson {lesson} has no self-checks"
        if lesson != "00":
            assert levels == {"recall", "analysis", "open"}, (lesson, levels)


def test_every_exercise_has_a_model_answer_and_an_honest_kind() -> None:
    for exercise_id in exercise_ids():
        item = get_exercise(exercise_id)
        assert has_solution(exercise_id), exercise_id
        assert item.kind in ("checked", "open"), exercise_id
        if item.level == "open":
            assert item.kind == "open", exercise_id
        assert item.only_for in (None, "08BAKU151"), exercise_id


def test_unknown_exercise_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known exercises: 00.1"):
        check("99.9", "x", load_cable("08BAKU151"))


def test_check_requires_the_cable() -> None:
    with pytest.raises(TypeError):
        check("00.1", "Baku")  # type: ignore[call-arg]  # no silent default to 08BAKU151
    result = check("00.1", "Baku", None)
    assert result.kind == "not available" and "no cable was given" in result.message
    assert model_answer("00.1", None).available is False


# ------------------------------------------------------------------ the three kinds


def test_feedback_kinds_are_enforced_by_the_type() -> None:
    with pytest.raises(ValueError):
        Feedback("open", Verdict.CORRECT, "an open answer is never correct")
    with pytest.raises(ValueError):
        Feedback("checked", Verdict.NOT_AVAILABLE, "kind and verdict disagree")
    assert Feedback.right("x").correct and Feedback.right("x").kind == "checked"
    assert not Feedback.saved("x").correct and Feedback.saved("x").kind == "open"
    assert Feedback.unavailable("why", "instead").kind == "not available"


@pytest.mark.parametrize(
    "feedback, label",
    [
        (Feedback.right("because <i>"), "Correct"),
        (Feedback.not_yet("<script>alert(1)</script>", "<b>hint</b>"), "Not yet"),
        (Feedback.no_answer("checked", "write <y>"), "No answer yet"),
        (
            Feedback.saved("m <x>", does=[Point("quote", "“<q>”")], misses=[Point("hedge", "<h>")]),
            "Saved — compare with the model answer",
        ),
        (Feedback.unavailable("why <w>", "instead <i>"), "Not available for this cable"),
    ],
)
def test_feedback_html_is_escaped_and_says_its_kind_in_words(
    feedback: Feedback, label: str
) -> None:
    html = feedback._repr_html_()
    assert label in html and label in str(feedback)  # words, not colour alone
    assert 'role="status"' in html
    assert f'data-verdict="{feedback.verdict.value.replace(" ", "-")}"' in html
    for raw in ("<script>", "<b>", "<i>", "<x>", "<q>", "<h>", "<w>"):
        assert raw not in html
    assert "&lt;" in html


def test_an_open_feedback_lists_what_it_does_and_misses() -> None:
    html = Feedback.saved("m", does=[Point("quote", "quotes")], misses=[Point("hedge", "no hedge")])
    text = str(html)
    assert "What your answer does that the model answer does" in text and "What it misses" in text
    assert 'data-key="quote"' in html._repr_html_()


# ------------------------------------------------------------------ guards


@pytest.mark.parametrize("cable_id", CABLES)
def test_odd_answers_get_a_plain_message_never_a_traceback(
    cable_id: str, work_folder: Path
) -> None:
    cable = load_cable(cable_id)
    for exercise_id in exercise_ids():
        for answer in ODD_ANSWERS:
            # text is a real answer (an open one is saved, as text); nothing else may be saved
            result = check(exercise_id, answer, cable, save=not isinstance(answer, str))
            label = f"{exercise_id} on {cable_id} with {str(answer)[:30]!r}"
            assert isinstance(result, Feedback), label
            assert not result.internal_error, f"{label}: {result}"
            assert not result.correct, f"{label}: {result}"
            assert result.message, label
            html = result._repr_html_()
            assert "<script>" not in html and "<img" not in html, label
    assert files_in(work_folder) == [], "an odd answer was saved"


def test_the_placeholder_is_no_answer_and_writes_nothing(work_folder: Path) -> None:
    for cable_id in CABLES:
        cable = load_cable(cable_id)
        for exercise_id in exercise_ids():
            result = check(exercise_id, ..., cable)
            assert result.verdict in (Verdict.NO_ANSWER, Verdict.NOT_AVAILABLE), (
                exercise_id,
                cable_id,
            )
    placeholder_claims = [{"claim": "...", "holder": "...", "stance": "FAVOR", "quote": "..."}] * 3
    assert check("05.3", placeholder_claims, load_cable("10MOSCOW228")).verdict is Verdict.NO_ANSWER
    assert files_in(work_folder) == []


def test_missing_fields_are_named_not_tracebacks() -> None:
    raw = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    headless = Cable.from_text(raw[raw.index("E.O. 12958") :])  # no date, no FM, no addressees
    unsigned = Cable.from_text(raw.replace("\nDERSE", ""))
    assert headless.date is None and headless.origin is None and unsigned.signer is None
    for cable in (headless, unsigned):
        for exercise_id in exercise_ids():
            result = check(exercise_id, "something", cable, save=False)
            assert not result.internal_error, (exercise_id, str(result))
            answer = model_answer(exercise_id, cable)
            assert answer.available or answer.explanation, exercise_id
    assert check("01.3", "2008-02-19 13:47", headless).kind == "not available"
    assert "date-time group" in check("01.3", "2008-02-19 13:47", headless).message
    assert check("00.1", "Baku", headless).kind == "not available"
    # the headless copy has no ID: every 08BAKU151-only exercise says so
    assert check("04.1", "16", headless).kind == "not available"


def test_shape_problems_and_numbers() -> None:
    assert (
        shape_problem([5], "number", kind="checked") == "a list is not a number: give one number."
    )
    assert "10,000 characters" in shape_problem("x" * 10_000, "text", kind="open")
    assert shape_problem({"a": 1}, "text", kind="checked").startswith("a dict")
    assert read_number("The cable reports sixteen states.") == (16.0, "")
    assert read_number("thirty-seven") == (37.0, "")
    assert read_number("1 to 5")[0] is None and "several numbers" in read_number("1 to 5")[1]
    assert read_number(float("nan"))[0] is None
    assert is_placeholder(...) and is_placeholder(" … ") and is_placeholder([{"a": "..."}])
    assert not is_placeholder("0") and not is_placeholder([{"claim": "x", "quote": "..."}])
    assert math.isclose(read_number("69%")[0], 69)


def test_quotes_are_verified_with_the_quote_locator() -> None:
    cable = load_cable("08BAKU151")
    assert quoted_phrases(
        "He says \"more fulsome reaction\" and 'deeply worried'; Kosovo's case"
    ) == [
        "more fulsome reaction",
        "deeply worried",
    ]
    found = find_quote(cable, "more   fulsome reaction")  # any whitespace
    assert found.found and found.paragraph == 1
    assert find_quote(cable, "DEEPLY WORRIED").paragraph == 5  # case does not matter
    assert not find_quote(cable, "deeply delighted").found
    assert paragraphs_named("see ¶2, para 4 and the Comment", cable) == {2, 4, 5}
    assert paragraphs_named("the second paragraph", cable) == {2}


# ------------------------------------------------------------------ saving open answers


def test_a_real_open_answer_is_saved_once_and_atomically(work_folder: Path) -> None:
    cable = load_cable("08BAKU151")
    answer = (
        'The Embassy calls Ismailzade "a respected local commentator" in ¶2; that is its judgment.'
    )
    result = check("02.6", answer, cable)
    assert result.verdict is Verdict.SAVED and result.saved_to
    path = Path(result.saved_to)
    assert path == work_folder / "08BAKU151" / "answers.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["exercise"], r["answer"]) for r in rows] == [("02.6", answer)]
    before = path.read_bytes(), path.stat().st_mtime_ns
    again = check("02.6", answer, cable)  # the same answer: nothing is rewritten
    assert again.saved_to == str(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    check("00.3", "The Embassy in Baku reports Azerbaijan's reaction to Kosovo.", cable)
    with path.open(encoding="utf-8", newline="") as handle:
        assert [r["exercise"] for r in csv.DictReader(handle)] == ["02.6", "00.3"]
    assert not list(path.parent.glob(".*.tmp"))  # no temporary file left behind


def test_a_saved_answer_file_that_cannot_be_read_is_kept(work_folder: Path) -> None:
    cable = load_cable("08BAKU151")
    target = work_folder / "08BAKU151" / "answers.csv"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\x00\x01 not a csv")
    result = check("02.6", 'A "respected local commentator" in ¶2 is the Embassy\'s word.', cable)
    assert target.read_bytes() == b"\x00\x01 not a csv"
    assert Path(result.saved_to).name == "answers.2.csv"


def test_student_claims_get_s_ids_and_keep_hand_written_rows(work_folder: Path) -> None:
    cable = load_cable("10MOSCOW228")
    folder = work_folder / "10MOSCOW228"
    folder.mkdir(parents=True)
    hand = (
        "claim_id,claim,question,holder,stance,paragraph,quote,note\n"
        "C1,The law hurts Visa,,visa,FAVOR,1,would disadvantage U.S. businesses,a teacher's row\n"
    )
    (folder / "claims.csv").write_text(hand, encoding="utf-8")
    claims = [
        {"claim": "The draft law disadvantages U.S. card companies", "holder": "reporting_post",
         "stance": "FAVOR", "quote": "contains several provisions that would disadvantage U.S. businesses"},
        {"claim": "...", "holder": "...", "stance": "FAVOR", "quote": "..."},
    ]  # fmt: skip
    result = check("05.3", claims, cable)
    assert result.verdict is Verdict.SAVED
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["claim_id"] for r in rows] == ["C1", "S-1"]  # the teacher's row kept, no placeholder
    assert rows[0]["note"] == "a teacher's row"
    assert rows[1]["paragraph"] == "1"


# ------------------------------------------------------------------ model answers


@pytest.mark.parametrize("cable_id", CABLES)
def test_model_answers_are_computed_for_the_cable_and_never_write(
    cable_id: str, work_folder: Path
) -> None:
    cable = load_cable(cable_id)
    for exercise_id in exercise_ids():
        answer = model_answer(exercise_id, cable)
        item = get_exercise(exercise_id)
        assert answer.exercise == exercise_id
        if item.only_for and cable_id != item.only_for:
            assert not answer.available and item.only_for in answer.explanation
        if answer.available:
            assert answer.answer, exercise_id
            # a hand-written model answer is only ever shown for the cable it was written for
            assert answer.written_for in ("", cable_id), (exercise_id, answer.written_for)
        else:
            assert answer.explanation, exercise_id
        html = answer._repr_html_()
        assert "<script" not in html
    assert files_in(work_folder) == []
