"""The context primer (notebooks/00b_history_around_the_cable.ipynb).

Read as a file: every fact in its prose cites an id of data/sources.csv, it says at
the top that it is about 08BAKU151, marks core and optional parts, has an exercise
in the middle and key points at the end. Executed: it runs top to bottom on
08BAKU151 and on another cable, drawing the map offline and keeping the explorer.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
PRIMER = REPO / "notebooks" / "00b_history_around_the_cable.ipynb"
CITATION = re.compile(r"`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`")
YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")


@pytest.fixture(scope="module")
def notebook() -> nbformat.NotebookNode:
    return nbformat.read(PRIMER, as_version=4)


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle)}


def markdown(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def test_the_primer_sorts_right_after_start_here() -> None:
    names = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))
    assert names.index(PRIMER.name) == names.index("00_start_here.ipynb") + 1


def test_it_says_at_the_top_that_it_is_about_08baku151(notebook) -> None:
    top = markdown(notebook)[0]
    assert top.startswith("# ")
    assert "about the history of 08BAKU151 as a whole" in top


def test_it_reads_the_chosen_cable_and_says_so(notebook) -> None:
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    parameters = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    assert parameters.source.startswith("CABLE_ID = None")
    assert any("cable = lesson_cable(CABLE_ID)" in source for source in code)
    assert "primer_header(cable)" in code


def test_every_cited_id_is_in_the_sources_table(notebook, source_ids) -> None:
    cited = {m for text in markdown(notebook) for m in CITATION.findall(text)}
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    cited |= {
        part
        for call in re.findall(r'sources_table\(\s*"([^"]+)"\s*\)', code)
        for part in call.split(";")
    }
    assert len(cited) > 30
    assert not cited - source_ids, sorted(cited - source_ids)


def test_every_paragraph_with_a_date_cites_a_source(notebook, source_ids) -> None:
    """History sections (2-8): a paragraph or bullet that names a year carries an id."""
    uncited = []
    for text in markdown(notebook):
        heading = text.splitlines()[0]
        if not re.match(r"## [2-8]\. ", heading):
            continue
        for block in re.split(r"\n\s*\n|\n(?=- )", text):
            if YEAR.search(block) and not set(CITATION.findall(block)) & source_ids:
                if block.startswith(("**Discussion", "Which of the three", "## ")):
                    continue  # questions and headings, not statements of fact
                uncited.append(block[:90])
    assert not uncited, uncited


def test_core_and_optional_parts_are_marked(notebook) -> None:
    headings = [t.splitlines()[0] for t in markdown(notebook) if t.startswith("## ")]
    numbered = [h for h in headings if re.match(r"## \d\. ", h)]
    assert len(numbered) == 8
    assert all("*(core)*" in h or "*(optional" in h for h in numbered), numbered


def test_an_exercise_in_the_middle_and_key_points_at_the_end(notebook) -> None:
    cells = notebook.cells
    first_check = next(i for i, c in enumerate(cells) if 'check("00b.' in c.source)
    exercises = next(i for i, c in enumerate(cells) if c.source.startswith("## Exercises"))
    assert first_check < len(cells) // 2 < exercises
    key_points = next(c.source for c in cells if c.source.startswith("## Key points"))
    bullets = [line for line in key_points.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 5


def test_it_never_asserts_what_the_notes_say_is_not_verified(notebook) -> None:
    text = "\n".join(markdown(notebook))
    assert "Ekho" not in text  # EXO = Ekho is "likely, not confirmed"
    assert "European Affairs/Caucasus" not in text  # no expansion of EUR/CARC
    assert "no source says why the cable was sent to them" in text
    # Mammadov's arrest is not tied to the cable.
    assert "No source we hold connects his arrest to this cable" in text


# ---------------------------------------------------------------- executed

PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"


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


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))  # the kernel inherits it
    return folder


@pytest.mark.notebook
@pytest.mark.slow
def test_the_primer_runs_on_08baku151_and_writes_nothing(work: Path) -> None:
    from nbrun import run_notebook

    nb = run_notebook(PRIMER)
    figures = _outputs(nb, PLOTLY)
    kinds = {trace.get("type") for o in figures for trace in o["data"][PLOTLY]["data"]}
    assert "scattergeo" in kinds  # the region map
    assert len(figures) >= 2  # the map and the "afterwards" timeline
    assert _outputs(nb, WIDGET)  # the timeline explorer
    text = _text(nb)
    # the text twin of the "afterwards" timeline cites every event's sources by id
    assert "Nagorno-Karabakh" in text and "[icj-ao-2010]" in text
    assert text.count('data-verdict="no-answer"') == 3  # no answer yet, none saved
    assert "Model answer" not in text and "✔ Correct" not in text
    assert not work.exists() or not any(p.is_file() for p in work.rglob("*"))


@pytest.mark.notebook
@pytest.mark.slow
def test_the_primer_on_another_cable_stays_about_08baku151(work: Path) -> None:
    from nbrun import run_notebook

    nb = run_notebook(PRIMER, cable_id="10MOSCOW228")
    text = _text(nb)
    assert "Traceback" not in text
    assert "[icj-ao-2010]" in text  # the history is the same
    assert text.count('data-verdict="no-answer"') == 1  # 00b.1, a history question
    assert text.count('data-verdict="not-available"') == 2  # 00b.2-3 quote 08BAKU151
    assert "You are reading 10MOSCOW228" in text and "stays about **08BAKU151**" in text
