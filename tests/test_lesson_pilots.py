"""Timed walk-throughs of a lesson (benchmarks/lesson_pilots.csv) replace the estimate:
the median is used, a bad row stops with its line, and an empty file changes nothing."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
COLUMNS = "lesson,date,who,setting,core_minutes,all_minutes,notes\n"


@pytest.fixture(scope="module")
def lesson_times() -> ModuleType:
    """benchmarks/lesson_times.py, a script rather than a package module."""
    spec = importlib.util.spec_from_file_location(
        "lesson_times", REPO / "benchmarks" / "lesson_times.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["lesson_times"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "lesson_pilots.csv"
    path.write_text(COLUMNS + rows, encoding="utf-8")
    return path


def test_the_shipped_file_has_the_columns_and_names_real_lessons(lesson_times) -> None:
    lessons = {p.stem for p in (REPO / "notebooks").glob("0*.ipynb")}
    pilots = lesson_times.read_pilots(lessons=lessons)  # raises on a bad row
    assert set(pilots) <= lessons


def test_a_missing_file_means_no_timed_walk_through(lesson_times, tmp_path: Path) -> None:
    assert lesson_times.read_pilots(tmp_path / "none.csv") == {}


def test_the_median_of_the_walk_throughs_is_the_lessons_time(lesson_times, tmp_path) -> None:
    path = write(
        tmp_path,
        '03_actors,2026-12-10,"student, self-study",alone,85,101,\n'
        "03_actors,2026-12-11,instructor,alone,70,80,first read\n"
        "03_actors,2026-12-12,student,class,95,120,\n"
        "04_precedent_argument,2026-12-12,student,alone,100,110,\n",
    )
    pilots = lesson_times.read_pilots(path, lessons={"03_actors", "04_precedent_argument"})
    assert lesson_times.timed_minutes(pilots["03_actors"]) == (85, 101)
    assert lesson_times.timed_minutes(pilots["04_precedent_argument"]) == (100, 110)


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ("03_actor,2026-12-10,student,alone,85,101,\n", "no lesson '03_actor'"),
        ("03_actors,2026-12-10,student,alone,about 85,101,\n", "core_minutes is 'about 85'"),
        ("03_actors,2026-12-10,student,alone,85,0,\n", "all_minutes is 0"),
        ("03_actors,2026-12-10,student,alone,85,80,\n", "less than core_minutes"),
    ],
)
def test_a_bad_row_stops_with_its_line(lesson_times, tmp_path, rows: str, says: str) -> None:
    path = write(tmp_path, rows)
    with pytest.raises(lesson_times.PilotError, match="line 2") as error:
        lesson_times.read_pilots(path, lessons={"03_actors"})
    assert says in str(error.value)


def test_wrong_columns_are_refused(lesson_times, tmp_path: Path) -> None:
    path = tmp_path / "lesson_pilots.csv"
    path.write_text("lesson,minutes\n03_actors,80\n", encoding="utf-8")
    with pytest.raises(lesson_times.PilotError, match="columns must be"):
        lesson_times.read_pilots(path)


def test_a_timed_lesson_row_says_timed_and_keeps_the_estimate(lesson_times, tmp_path) -> None:
    pilots = [
        lesson_times.Pilot("00_start_here", 31, 33),
        lesson_times.Pilot("00_start_here", 35, 40),
    ]
    row = lesson_times.row(REPO / "notebooks" / "00_start_here.ipynb", run=False, pilots=pilots)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[-3:] == ["timed (2)", "33", "36"]
    assert cells[-4] != "33 / 36"  # the content estimate stays beside it
    untimed = lesson_times.row(REPO / "notebooks" / "00_start_here.ipynb", run=False)
    assert [cell.strip() for cell in untimed.strip("|").split("|")][-3].startswith("estimated")


def test_the_review_scale_is_the_mean_ratio_of_reviewed_to_estimated(lesson_times) -> None:
    # 75/50 = 1.5 and 110/100 = 1.1: the mean ratio is 1.3.
    reviewed = {"a": (50, (70, 80)), "b": (100, (100, 120))}
    assert lesson_times.review_scale(reviewed) == 1.3
    assert lesson_times.review_scale(lesson_times.REVIEWED) == lesson_times.REVIEW_SCALE
    assert lesson_times.REVIEW_SCALE > 1  # the one review found the rates too fast
