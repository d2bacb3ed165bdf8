"""Every lesson is about the cable it is given (issue 17, item 2).

Static checks: each lesson 00–05 reads ``lesson_cable(CABLE_ID)`` (``CABLE_ID = None``:
the chosen cable, else 08BAKU151) and says at the top which cable it reads; every
passage about 08BAKU151 is a cell tagged ``cable:08BAKU151`` (a ``cable_box`` code
cell with its source hidden, or a markdown cell opening "In 08BAKU151:").

Runs: lessons 01–04 on another cable and on a pasted text that names no cable
show nothing about Baku or Kosovo outside folded "In 08BAKU151" boxes (the
glossary, which cites the cable as its source, and feedback that says an
exercise was written for 08BAKU151 are labelled as such), and lesson 04 never
draws the Kosovo timeline for another cable.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbrun import run_notebook

REPO = Path(__file__).resolve().parents[1]
#: The lessons rewritten to speak of the chosen cable (issue 17, item 2): every lesson 00-05.
REWRITTEN = ("00", "01", "02", "03", "04", "05")
ALL_LESSONS = sorted((REPO / "notebooks").glob("0[0-5]_*.ipynb"))
LESSONS = [p for p in ALL_LESSONS if p.name[:2] in REWRITTEN]
TAG = "cable:08BAKU151"
BAKU_WORDS = re.compile(
    r"Kosovo|Karabakh|Azerbaij|\bBaku\b|Ibrahimov|Mammad|Day\.Az|\bGOAJ\b|Seyidov|Guluzade"
)
# cells whose output cites 08BAKU151 as a source, by design
CITING_CELLS = ("glossary_table(", "define(")


def lesson_number(path: Path) -> str:
    return path.name[:2]


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", LESSONS, ids=lesson_number)
def test_the_lesson_reads_the_chosen_cable_and_says_which(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    parameters = [c for c in code_cells(nb) if "parameters" in c.metadata.get("tags", [])]
    assert parameters and re.search(r"^CABLE_ID = None\b", parameters[0].source, re.M)
    if lesson_number(path) == "05":
        return  # lesson 05 is where the cable is chosen (its chooser reads lesson_cable)
    setup = "\n".join(c.source for c in code_cells(nb))
    assert "lesson_cable(CABLE_ID)" in setup
    assert f'lesson_header(cable, "{lesson_number(path)}")' in setup
    assert "load_cable(CABLE_ID)" not in setup


@pytest.mark.parametrize("path", LESSONS, ids=lesson_number)
def test_passages_about_08baku151_are_labelled(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if TAG in c.metadata.get("tags", [])]
    for cell in tagged:
        if cell.cell_type == "code":
            assert cell.source.startswith("cable_box("), cell.source[:60]
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True
        else:
            assert cell.source.lstrip().startswith(("In 08BAKU151:", "**In 08BAKU151:**")), (
                cell.source[:60]
            )
    for cell in code_cells(nb):
        if cell.source.startswith("cable_box("):
            assert TAG in cell.metadata.get("tags", []), cell.source[:60]


def outside_boxes(nb) -> list[tuple[int, str]]:
    """(cell, text) of every output that speaks of Baku or Kosovo outside a folded box."""
    found = []
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        if TAG in tags or "solution" in tags or cell.source.startswith(CITING_CELLS):
            continue
        for output in cell.get("outputs", []):
            texts = [output.get("text", "")]
            texts += [v if isinstance(v, str) else str(v) for v in output.get("data", {}).values()]
            for text in texts:
                text = re.sub(r"<details>.*?</details>", "", text, flags=re.S)
                if "was written for 08BAKU151" in text:
                    continue  # feedback that says so, in words
                for match in BAKU_WORDS.finditer(text):
                    found.append((index, text[max(0, match.start() - 80) : match.end() + 40]))
    return found


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("cable_id", ["10MOSCOW228", "pasted"])
@pytest.mark.parametrize(
    "path", [p for p in LESSONS if "01" <= lesson_number(p) <= "04"], ids=lesson_number
)
def test_on_another_cable_nothing_of_baku_shows_unfolded(
    path: Path, cable_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    expected = cable_id
    if cable_id == "pasted":
        from cable_utils.lessons.chosen import choose_cable

        # a pasted text that names no cable: the lessons must open it by its given ID
        chosen = choose_cable(
            "SUBJECT: NOTES FROM A MEETING WITH THE FINANCE MINISTRY\n\n"
            "1. (C) The minister said that the draft law would not change.\n"
            "2. (U) Comment: we expect more meetings.\n"
        )
        expected = chosen.id
    nb = run_notebook(path, cable_id=None if cable_id == "pasted" else cable_id)
    text = "\n".join(
        str(v) for c in nb.cells for o in c.get("outputs", []) for v in o.get("data", {}).values()
    )
    assert f"This lesson reads {expected.replace('_', chr(92) + '_')}" in text
    leaks = outside_boxes(nb)
    assert not leaks, leaks[:5]
    if lesson_number(path) == "04":
        titles = [
            o["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"]
            for c in nb.cells
            for o in c.get("outputs", [])
            if "application/vnd.plotly.v1+json" in o.get("data", {})
        ]
        timelines = [t for t in titles if t.startswith("Timeline")]
        assert timelines, titles
        if cable_id == "pasted":
            assert all("no sourced events for this cable yet" in t for t in timelines)


def test_every_lesson_00_to_05_is_checked() -> None:
    """The lists above are every lesson: a lesson left out of REWRITTEN fails here."""
    assert [lesson_number(p) for p in ALL_LESSONS] == ["00", "01", "02", "03", "04", "05"]
    assert LESSONS == ALL_LESSONS
