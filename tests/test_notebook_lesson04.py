"""Lesson 04 runs top to bottom on its cable and on two sample cables without claims."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbrun import run_notebook

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04_precedent_argument.ipynb"
PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def _outputs(nb, mime: str) -> list:
    return [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if mime in o.get("data", {})
    ]


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the kernel inherits the environment: student work goes to a temp folder
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))


def test_lesson04_runs_on_08BAKU151(tmp_path: Path) -> None:
    nb = run_notebook(NOTEBOOK)
    assert len(_outputs(nb, PLOTLY)) >= 4  # map, stance matrix, two timelines
    assert len(_outputs(nb, WIDGET)) >= 3  # status, explorer, coder
    text = _text(nb)
    assert "C5 attacks C3" in text  # the map's text summary
    assert "▶ this cable (08BAKU151)" in text
    # blanks say there is no answer yet; no solution ran: only "Show the solution" buttons
    assert text.count('data-verdict="no-answer"') == 6
    # source criticism in the middle: the record is shown, and its exercises come before coding
    assert "Costa Rica" in text and "un_member" in text
    sources = [i for i, c in enumerate(nb.cells) if c.source.startswith('check("04.')]
    coder = next(i for i, c in enumerate(nb.cells) if c.source.startswith("stance_coder("))
    assert sources[0] < coder < sources[-1]
    assert "Model answer" not in text and "✔ Correct" not in text
    # The stance table names its actors as the heatmap above it does (it showed "goaj").
    table = next(
        c for c in nb.cells if c.source.rstrip().endswith(".rename(index=argument.actor_name)")
    )
    shown = _text(nbformat.from_dict({"cells": [table]}))
    assert "Khazar Ibrahimov" in shown and "khazar_ibrahimov" not in shown
    work = tmp_path / "work"
    assert not work.exists() or not any(p.is_file() for p in work.rglob("*"))  # nothing written


@pytest.mark.parametrize("cable_id", ["07BERN881", "10PRISTINA84"])
def test_lesson04_explains_itself_on_a_cable_without_claims(cable_id: str) -> None:
    nb = run_notebook(NOTEBOOK, cable_id=cable_id)
    text = _text(nb)
    assert "There are no curated claims" in text
    assert "claim_id" in text  # the empty claims template is shown
    assert "Traceback" not in text
    # every exercise is about 08BAKU151's argument and says so
    assert text.count('data-verdict="not-available"') == 6
    assert "written for 08BAKU151" in text
    # the record of Kosovo's recognitions belongs to 08BAKU151's worked example: folded
    assert "Costa Rica" not in text
    assert "The record of Kosovo's recognitions" in text and "<details>" in text
