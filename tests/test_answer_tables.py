"""Every checker against the answer tables in tests/answers/ (written by reading the cables).

The expected verdicts come from the tables, never from the checkers' own
expressions, so a checker that drifts from what the cable says fails here. See
tests/answers/README.md for the format.
"""

from __future__ import annotations

import ast
import csv
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from cable_utils import Cable, load_cable
from cable_utils.lessons.exercises import check, exercise_ids, get_exercise, model_answer
from cable_utils.lessons.exercises.answers import fold

REPO = Path(__file__).resolve().parents[1]
TABLES = sorted((REPO / "tests" / "answers").glob("lesson*.csv"))
HOME = "08BAKU151"
OTHER_CABLES = ("06BAKU1835", "09ABUDHABI1151", "10MOSCOW228", "72TEHRAN1164")
VERDICTS = {"correct", "not yet", "no answer", "saved", "not available"}


def _variant(name: str) -> str:
    """08BAKU151's raw text with one part cut out, as a copy might have lost it."""
    raw = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    cuts = {
        "no-dtg": lambda t: t.replace("P 191347Z FEB 08  \n", ""),
        "no-fm": lambda t: t.replace("FM AMEMBASSY BAKU  \n", "").replace(
            "C O N F I D E N T I A L BAKU 000151", ""
        ),
        "no-header": lambda t: t[t.index("E.O. 12958") :],
        "no-signer": lambda t: t.replace("\nDERSE", ""),
    }
    cut = cuts[name](raw)
    assert cut != raw, name
    return cut


@cache
def cable_for(name: str) -> Cable:
    if "~" in name:
        base, variant = name.split("~")
        assert base == HOME
        return Cable.from_text(_variant(variant))
    return load_cable(name)


def read_answer(text: str):
    return ast.literal_eval(text[3:]) if text.startswith("py:") else text


def parse_expect(text: str) -> tuple[str, set[str], set[str]]:
    """ "saved does=quote,paragraph misses=hedge" → ("saved", {"quote", "paragraph"}, {"hedge"})."""
    words, does, misses = [], set(), set()
    for token in text.split():
        if token.startswith("does="):
            does |= set(filter(None, token[5:].split(",")))
        elif token.startswith("misses="):
            misses |= set(filter(None, token[7:].split(",")))
        else:
            words.append(token)
    return " ".join(words), does, misses


def rows() -> list[dict[str, str]]:
    found = []
    for table in TABLES:
        with table.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                row["where"] = f"{table.name}:{line}"
                found.append(row)
    return found


ROWS = rows()


def test_the_tables_cover_every_exercise_on_four_cables_or_more() -> None:
    by_exercise: dict[str, set[str]] = {}
    categories: dict[str, Counter[str]] = {}
    for row in ROWS:
        by_exercise.setdefault(row["exercise"], set()).add(row["cable"])
        categories.setdefault(row["exercise"], Counter())[row["category"]] += 1
    assert set(by_exercise) == set(exercise_ids())
    for exercise, cables in by_exercise.items():
        assert HOME in cables, exercise
        assert len(set(OTHER_CABLES) & cables) >= 3, (exercise, cables)
        if get_exercise(exercise).only_for is None:
            assert categories[exercise]["right"] >= 4, exercise
        assert categories[exercise]["right"] and (
            categories[exercise]["wrong"] + categories[exercise]["near-miss"]
        ), exercise


def test_every_row_is_well_formed() -> None:
    for row in ROWS:
        verdict, _, _ = parse_expect(row["expect"])
        assert verdict in VERDICTS, row["where"]
        assert row["category"] in ("right", "wrong", "near-miss", "odd", "model"), row["where"]
        read_answer(row["answer"])  # a py: literal parses


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{r['exercise']}-{r['cable']}-{r['where']}" for r in ROWS]
)
def test_checker_agrees_with_the_table(row: dict[str, str]) -> None:
    verdict, does, misses = parse_expect(row["expect"])
    result = check(row["exercise"], read_answer(row["answer"]), cable_for(row["cable"]), save=False)
    shown = f"{row['where']} {row['answer'][:60]!r} ({row['note']}):\n{result}"
    assert not result.internal_error, shown
    assert result.verdict.value == verdict, shown
    if verdict == "correct":
        assert result.kind == "checked", shown
    if verdict == "saved":
        assert result.kind == "open", shown
    if verdict == "not available":
        assert result.kind == "not available" and result.message, shown
    assert does <= result.keys_done(), shown
    assert misses <= result.keys_missed(), shown
    assert not (does & result.keys_missed()), shown


def _home_right_answers() -> list[tuple[str, str]]:
    return [
        (row["exercise"], row["answer"])
        for row in ROWS
        if row["cable"] == HOME and row["category"] == "right"
    ]


@pytest.mark.parametrize("cable_id", OTHER_CABLES)
def test_no_exercise_accepts_08BAKU151s_answer_on_another_cable(cable_id: str) -> None:
    right_here = {
        (row["exercise"], row["answer"])
        for row in ROWS
        if row["cable"] == cable_id and row["category"] == "right"
    }
    accepted = []
    for exercise, answer in _home_right_answers():
        if (exercise, answer) in right_here:
            continue  # the same answer is right on both cables (E.O. 12958)
        result = check(exercise, read_answer(answer), cable_for(cable_id), save=False)
        if result.correct:
            accepted.append((exercise, answer[:50], result.message[:80]))
    assert not accepted, accepted


def test_open_answers_are_never_correct() -> None:
    for row in ROWS:
        if get_exercise(row["exercise"]).kind == "open":
            assert parse_expect(row["expect"])[0] != "correct", row["where"]


MODEL_ROWS = [row for row in ROWS if row["category"] == "model"]


def _items(text: str) -> list[str]:
    return sorted(fold(part) for part in text.split(","))


def test_every_checked_exercise_has_model_rows_on_five_cables() -> None:
    for exercise_id in exercise_ids():
        if get_exercise(exercise_id).kind == "checked":
            cables = {row["cable"] for row in MODEL_ROWS if row["exercise"] == exercise_id}
            assert {HOME, *OTHER_CABLES} <= cables, exercise_id


@pytest.mark.parametrize(
    "row", MODEL_ROWS, ids=[f"{r['exercise']}-{r['cable']}" for r in MODEL_ROWS]
)
def test_the_model_answer_is_the_one_read_off_the_cable(row: dict[str, str]) -> None:
    # Not circular: the expected model answer was written by reading the cable.
    answer = model_answer(row["exercise"], cable_for(row["cable"]))
    if row["expect"] == "not available":
        assert not answer.available and answer.explanation, row["where"]
        return
    assert answer.available, (row["where"], str(answer))
    assert _items(answer.answer) == _items(row["answer"]), (row["where"], answer.answer)
    assert check(row["exercise"], answer.answer, cable_for(row["cable"]), save=False).correct
