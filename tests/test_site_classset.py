"""``make html CABLE=ID``: the static edition as a class set for another cable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOL = REPO / "tools" / "build_site.py"


def build(out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(TOOL), "--out", str(out), *args],
        capture_output=True, text=True, timeout=900, check=False, cwd=REPO,
    )  # fmt: skip


def test_a_bad_cable_is_refused_before_the_site_is_emptied(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "keep.html").write_text("an earlier build", encoding="utf-8")
    result = build(out, "--only", "00", "--cable", "../../etc/passwd")
    assert result.returncode == 2
    assert "is not a cable ID" in result.stderr and "Traceback" not in result.stderr
    assert (out / "keep.html").read_text(encoding="utf-8") == "an earlier build"


@pytest.mark.notebook
@pytest.mark.slow
def test_a_class_set_site_runs_the_lessons_on_the_cable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    out = tmp_path / "site"
    result = build(out, "--only", "00", "--cable", "10MOSCOW228")
    assert result.returncode == 0, result.stdout + result.stderr
    lesson = (out / "lessons" / "00_start_here.html").read_text(encoding="utf-8")
    assert "running the notebook on cable 10MOSCOW228" in lesson
    assert "AMEMBASSY MOSCOW" in lesson  # the summary card is the chosen cable's
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "A class set for 10MOSCOW228" in index and 'href="worksheet.html"' in index
    worksheet = (out / "worksheet.html").read_text(encoding="utf-8")
    assert "Worksheet: cable 10MOSCOW228" in worksheet
    assert not (tmp_path / "work").exists()  # building the site writes no student work
