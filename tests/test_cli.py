"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cable_utils.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cable_utils", *args], capture_output=True, text=True, timeout=60
    )


def test_show_outline():
    result = run("show", "08BAKU151")
    assert result.returncode == 0, result.stderr
    assert "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE" in result.stdout
    assert "08BAKU146" in result.stdout and "DERSE" in result.stdout


def test_show_json_contract():
    result = run("show", "08BAKU151", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "08BAKU151"
    assert data["tags"] == ["PREL", "PGOV", "PBTS", "KPAO", "AJ"]
    assert [r["id"] for r in data["references"]] == ["08BAKU146", "08BAKU129"]
    assert len(data["paragraphs"]) == 5
    raw = (
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("data/cables/08BAKU151.txt")
        .read_text(encoding="utf-8")
    )
    for segment in data["segments"]:
        assert 0 <= segment["start"] < segment["end"] <= len(raw)


@pytest.mark.parametrize(
    ("argument", "words"),
    [
        ("99NOWHERE1", "no cable with ID"),
        ("../../etc/passwd", "neither a cable ID"),
        ("/etc/hostname", "none of the parts"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(argument: str, words: str):
    result = run("show", argument)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def test_empty_and_binary_files(tmp_path: Path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    assert main(["show", str(empty)]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["show", str(binary)]) == 2
    assert "binary" in capsys.readouterr().err


def test_usage_error_exits_non_zero():
    result = run("frobnicate")
    assert result.returncode != 0
    assert "usage" in result.stderr


def test_show_fragment_prints_the_fields_of_part_of_a_cable(tmp_path: Path, capsys) -> None:
    # The last lines of 08BAKU151 and its REF block, pasted on their own.
    fragment = tmp_path / "fragment.txt"
    fragment.write_text("REF: A. BAKU 00146\nB. BAKU 00129\n\nnot set a precedent.\nDERSE\n")
    assert main(["show", "--fragment", str(fragment), "--year", "2008"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in found["references"]] == ["08BAKU146", "08BAKU129"]
    assert found["signer"] == "DERSE"
    assert "subject" not in found


def test_actors_table_writes_counts_in_words_and_marks_a_cut_name(capsys) -> None:
    # 08BAKU151's curated gazetteer: Rasim Musabeyov is mentioned once and speaks once;
    # the Ministry's name is longer than the name column.
    assert main(["actors", "08BAKU151"]) == 0
    lines = capsys.readouterr().out.splitlines()
    musabeyov = next(line for line in lines if "Rasim Musabeyov" in line)
    assert musabeyov.split()[-4:] == ["1", "mention", "1", "statement"]
    assert not any(" 1 mentions" in line or " 1 statements" in line for line in lines)
    ministry = next(line for line in lines if line.split()[0] == "mfa")
    assert "Ministry of Foreign Affairs of Az…" in ministry
