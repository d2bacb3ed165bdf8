"""Corpus loading: folders, a cables.csv round trip, broken rows, workers, the CLI."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import cable_utils
from cable_utils import load_cable
from cable_utils.corpus.rows import (
    CORPUS_COLUMNS,
    cable_row,
    iter_corpus_rows,
    load_corpus,
    reference_edges,
    write_cables_csv,
)
from cable_utils.source.paths import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(DATA_DIR) / "cables" / "samples"
SEED = ROOT / "data" / "cables" / "08BAKU151.txt"


def _split_header(text: str) -> tuple[str, str]:
    """Header = the lines before the banner (as cables.csv stores it), body = the rest."""
    marker = "C O N F I D E N T I A L BAKU"
    index = text.index(marker)
    return text[:index].rstrip("\n"), text[index:]


@pytest.fixture(scope="module")
def cables_csv(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "cables.csv"
    seed = SEED.read_text(encoding="utf-8")
    header, body = _split_header(seed)
    bern = (SAMPLES / "07BERN881.txt").read_text(encoding="utf-8")  # backslashes, TABs
    rows = [
        [
            "1",
            "2/19/2008 13:47",
            "08BAKU151",
            "Embassy Baku",
            "CONFIDENTIAL",
            "08BAKU146|08BAKU129",
            header,
            body,
        ],
        ["2", "9/11/2007 9:44", "07BERN881", "Embassy Bern", "SECRET", "", "", bern],
        [
            "3",
            "1/1/2009 0:00",
            "09NOWHERE1",
            "Embassy Nowhere",
            "UNCLASSIFIED",
            "",
            "",
            'just "quoted" words, no cable\nsecond line',
        ],
        ["4", "broken row with too few fields"],
        ["5", "2/19/2008 13:47", "08BAKU151", "Embassy Baku", "CONFIDENTIAL", "", header, body],
    ]
    write_cables_csv(rows, path)
    return path


def test_csv_is_written_with_backslash_escapes_and_raw_newlines(cables_csv):
    raw = cables_csv.read_text(encoding="utf-8")
    assert '\\"quoted\\"' in raw  # a quote inside a field is backslash-escaped
    assert "\\\\\n" in raw  # 07BERN881's trailing backslashes survive, escaped
    assert raw.count("\n") > 100  # fields keep their newlines


def test_csv_round_trip(cables_csv):
    frame = load_corpus(cables_csv)
    assert list(frame.columns) == list(CORPUS_COLUMNS)
    assert len(frame) == 5
    seed = load_cable(SEED)
    first = frame.iloc[0]
    assert first["id"] == "08BAKU151"
    assert first["subject"] == seed.subject
    assert first["tags"] == ("PREL", "PGOV", "PBTS", "KPAO", "AJ")
    assert first["references"] == ("08BAKU146", "08BAKU129")
    assert first["reference_labels"] == ("A", "B")
    assert first["signer"] == "DERSE"
    assert first["paragraphs"] == 5
    assert first["warnings"] == ()
    assert first["date"].isoformat() == "2008-02-19T13:47:00+00:00"
    bern = frame.iloc[1]
    assert bern["id"] == "07BERN881"
    assert bern["classification"] == "SECRET"
    assert bern["signer"] == "CARTER"
    assert bern["references"] == ("07STATE124823", "07BERN860", "07STATE123352")


def test_a_failure_is_recorded_in_its_row_and_the_corpus_goes_on(cables_csv):
    frame = load_corpus(cables_csv)
    not_a_cable, broken, last = frame.iloc[2], frame.iloc[3], frame.iloc[4]
    assert not_a_cable["id"] == "09NOWHERE1"
    assert "NotACableError" in not_a_cable["error"]
    assert "2 fields, not the 8" in broken["error"]
    assert broken["source"].endswith("row 4")
    assert last["id"] == "08BAKU151"
    assert pd.isna(last["error"])
    assert last["signer"] == "DERSE"


def test_rows_match_load_cable_for_every_sample():
    frame = load_corpus(SAMPLES)
    assert len(frame) == len(list(SAMPLES.glob("*.txt")))
    for row in frame.itertuples(index=False):
        expected = cable_row(load_cable(SAMPLES / row.source), source=row.source)
        assert row.id == expected[0]
        assert row.subject == expected[4] or (expected[4] is None and pd.isna(row.subject))
        assert row.tags == tuple(expected[5])
        assert row.references == tuple(expected[6])
        assert row.warnings == tuple(expected[10])


def test_workers_give_identical_rows(cables_csv):
    one = list(iter_corpus_rows(SAMPLES)) + list(iter_corpus_rows(cables_csv))
    two = list(iter_corpus_rows(SAMPLES, workers=2)) + list(iter_corpus_rows(cables_csv, workers=2))
    assert one == two


def test_rows_are_streamed(tmp_path):
    """The first row comes out before a broken tail of the file is read."""
    path = tmp_path / "cables.csv"
    seed = SEED.read_text(encoding="utf-8")
    header, body = _split_header(seed)
    write_cables_csv([["1", "", "08BAKU151", "", "", "", header, body]], path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('"2","unterminated quote ' + "x" * 10_000)
    rows = iter_corpus_rows(path)
    assert next(rows)[0] == "08BAKU151"
    rest = list(rows)
    assert len(rest) == 1 and rest[0][CORPUS_COLUMNS.index("error")]


def test_reference_edges():
    frame = load_corpus(SAMPLES)
    edges = reference_edges(frame)
    assert list(edges.columns) == ["source", "target", "label", "in_corpus"]
    baku = edges[edges.source == "06BAKU1835"]
    assert baku[["target", "label"]].values.tolist() == [
        ["06BAKU1761", "A"],
        ["06BAKU1819", "B"],
        ["06BAKU1700", "C"],
    ]
    tehran = edges[edges.source == "72TEHRAN1164"]
    assert tehran["label"].tolist() == ["-", "-", "-"]
    assert not edges["in_corpus"].any()  # no sample cites another sample


def test_lazy_exports():
    assert cable_utils.load_corpus is load_corpus
    assert cable_utils.reference_edges is reference_edges


def test_missing_path_is_a_cable_error(tmp_path):
    with pytest.raises(cable_utils.CableError, match="no folder or cables.csv"):
        load_corpus(tmp_path / "nothing-here")


def test_cli_writes_a_csv(tmp_path, cables_csv):
    out = tmp_path / "out.csv"
    result = subprocess.run(
        [sys.executable, "-m", "cable_utils", "corpus", str(cables_csv), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote 5 cables" in result.stderr and "2 could not be read" in result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == ["08BAKU151", "07BERN881", "09NOWHERE1", "", "08BAKU151"]
    assert rows[0]["tags"] == "PREL PGOV PBTS KPAO AJ"
    assert rows[0]["references"] == "08BAKU146 08BAKU129"
    assert rows[3]["error"]
