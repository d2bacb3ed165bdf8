"""Lesson 06 runs top to bottom (on 08BAKU151 and on another cable) and Run All writes nothing.

The kernel builds the search index into a temporary file (``CABLE_CLASSROOM_INDEX``)
and its work folder is temporary too (``CABLE_CLASSROOM_WORK``), so the test touches
neither the clone's ``.cache/`` nor a real ``my_work/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from nbrun import outputs_text, run_notebook

REPO = Path(__file__).resolve().parent.parent
LESSON = REPO / "notebooks" / "06_the_cable_among_others.ipynb"

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CABLE_CLASSROOM_INDEX", str(tmp_path / "index" / "corpus.sqlite"))
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    return tmp_path


def test_lesson_06_runs_and_shows_the_corpus(isolated: Path) -> None:
    nb = run_notebook(LESSON, cwd=REPO / "notebooks")
    text = outputs_text(nb)
    assert "<CorpusIndex 640 cables" in text
    assert "PARIS (60)" in text  # the heatmap's text twin
    assert "CONFIDENTIAL 334" in text
    assert "7 cables carry KV" in text
    # the concordance: escaped HTML with the matched word marked
    assert ">precedent</mark>" in text and "16 matching cables" in text
    assert "08BAKU151 cites 08BAKU146 and 08BAKU129" in text  # the REF web's text twin
    assert "08RABAT727" in text and "share of the Cablegate release" in text
    assert "PRISTINA: 5 of 5" in text
    assert "id_disagrees_with_text" in text  # 10MEXICO614, a record joining two cables
    # Run All shows no solution and writes nothing
    assert "No answer yet" in text and "Correct" not in text
    work = isolated / "work"
    assert not work.exists() or not any(work.rglob("*")), list(work.rglob("*"))
    assert (isolated / "index" / "corpus.sqlite").is_file()


def test_lesson_06_on_another_cable(isolated: Path) -> None:
    nb = run_notebook(LESSON, cable_id="72TEHRAN1164", cwd=REPO / "notebooks")
    text = outputs_text(nb)
    assert "REF links around 72TEHRAN1164" in text
    assert "72TEHRAN1164 cites 72TEHRAN1091, 72TEHRAN263 and 72MOSCOW1603" in text
