"""The synthetic cables.csv of ``benchmarks/bench_search.py``: rows as long as the release's.

The benchmark draws the collection's real texts with weights ∝ exp(−λ·row
bytes) so that a row averages the release's 6,800 bytes (issue 18 measures the
index build at the release's scale). These tests check the corpus, never a
timing: the mean row is the target's within 2 %, every ID is distinct (the
index would skip a duplicate), and each row carries its text's catalogue data.
"""

from __future__ import annotations

import csv
import importlib.util
import statistics
import sys
from collections import Counter
from pathlib import Path

import pytest

from cable_utils.corpus.index import build_index
from cable_utils.source.paths import CABLE_ID_PATTERN

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_search.py"


@pytest.fixture(scope="module")
def bench():
    """benchmarks/bench_search.py, a script rather than a package module."""
    spec = importlib.util.spec_from_file_location("bench_search", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_search"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def texts(bench):
    return bench.real_texts()


def _read_rows(path: Path) -> list[list[str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, escapechar="\\", doublequote=False))


def test_the_tilt_gives_the_mean_asked_for(bench) -> None:
    sizes = [1_000, 2_000, 5_000, 9_000, 30_000]
    for target in (1_500, 4_000, 6_800, 20_000):
        tilt = bench.solve_tilt(sizes, target)
        assert bench.tilted_mean(sizes, tilt) == pytest.approx(target, rel=1e-6)
    assert bench.solve_tilt(sizes, 6_800) > 0  # below the plain mean: short sizes weigh more
    with pytest.raises(ValueError):
        bench.solve_tilt(sizes, 500)  # no weighting reaches below the smallest size


def test_systematic_draw_counts_are_the_expected_ones_and_repeatable(bench) -> None:
    weights = [0.5, 0.3, 0.15, 0.05]
    picks = bench.systematic_draw(weights, 1_003)
    counts = Counter(picks)
    for index, weight in enumerate(weights):
        expected = 1_003 * weight
        assert int(expected) <= counts[index] <= int(expected) + 1
    assert picks == bench.systematic_draw(weights, 1_003)
    assert picks != sorted(picks)  # shuffled: copies of a text do not come in one run


def test_release_like_rows_average_the_release_and_have_distinct_ids(
    bench, texts, tmp_path: Path
) -> None:
    path = tmp_path / "release.csv"
    summary = bench.build_csv(path, 2_000, texts, corpus="release")
    rows = _read_rows(path)
    assert len(rows) == 2_000
    target = bench.RELEASE_ROW_BYTES
    assert abs(path.stat().st_size / len(rows) - target) <= 0.02 * target
    assert summary.mean_row_bytes == path.stat().st_size / len(rows)
    # The collection's own rows are much longer: the weighting is what brings the mean down.
    plain = statistics.fmean(bench.csv_row_bytes(bench.csv_row(0, *entry)) for entry in texts)
    assert plain > 1.3 * target
    ids = [row[2] for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(CABLE_ID_PATTERN.match(cable_id) for cable_id in ids)
    assert summary.distinct_texts == len({row[7] for row in rows}) > 100


def test_each_row_keeps_its_texts_catalogue_origin_and_classification(
    bench, texts, tmp_path: Path
) -> None:
    path = tmp_path / "release.csv"
    bench.build_csv(path, 1_000, texts, corpus="release")
    by_text = {text: (origin, level) for _, text, origin, level in texts}
    rows = _read_rows(path)
    assert all((row[3], row[4]) == by_text[row[7]] for row in rows)
    assert sum(1 for row in rows if row[3] and row[4]) > 900  # the catalogue covers most


def test_copies_get_ids_no_real_cable_has(bench) -> None:
    assert bench.copy_id("08BAKU151", 0) == "08BAKU151"
    copies = {bench.copy_id("08BAKU151", copy) for copy in range(1, 500)}
    copies |= {bench.copy_id("08BAKU1510", copy) for copy in range(1, 500)}
    assert len(copies) == 998
    assert "08BAKU151" not in copies and all(CABLE_ID_PATTERN.match(c) for c in copies)


def test_the_index_reads_every_row_of_the_corpus_as_its_own_cable(
    bench, texts, tmp_path: Path
) -> None:
    path = tmp_path / "release.csv"
    bench.build_csv(path, 1_500, texts, corpus="release")
    report = build_index(path, tmp_path / "release.sqlite")
    assert (report.cables, report.duplicates) == (1_500, 0)


def test_the_cycled_corpus_is_still_there(bench, texts, tmp_path: Path) -> None:
    path = tmp_path / "cycled.csv"
    summary = bench.build_csv(path, 700, texts, corpus="cycled")
    rows = _read_rows(path)
    assert [row[7] for row in rows[:640]] == [text for _, text, _, _ in texts]
    assert len({row[2] for row in rows}) == 700
    assert summary.distinct_texts == 640
