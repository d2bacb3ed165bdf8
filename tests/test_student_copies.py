"""`make student`: lessons without solution cells, self-checks kept, still runnable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbrun import run_notebook

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
TOOL = REPO_ROOT / "tools" / "make_student.py"
CHECK_CALL = re.compile(r"^\s*check\(\s*\"(\d\d[a-z]?\.\d+)\"", re.MULTILINE)
SOLUTION_CALL = re.compile(r"^\s*solution\(", re.MULTILINE)


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("student")
    subprocess.run(
        [sys.executable, str(TOOL), str(REPO_ROOT / "notebooks"), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def solution_cells(nb: nbformat.NotebookNode) -> list[int]:
    return [
        i
        for i, c in enumerate(nb.cells)
        if "solution" in c.metadata.get("tags", [])
        or (c.cell_type == "code" and SOLUTION_CALL.search(c.source))
    ]


def test_there_are_solutions_to_remove() -> None:
    # Otherwise the checks below would pass on notebooks that never had solutions.
    with_solutions = [p for p in NOTEBOOKS if solution_cells(nbformat.read(p, as_version=4))]
    assert len(with_solutions) >= 1


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_student_copy_has_no_solutions_and_keeps_every_self_check(
    student_dir: Path, source: Path
) -> None:
    original = nbformat.read(source, as_version=4)
    copy_path = student_dir / source.name
    assert copy_path.is_file()
    copy = nbformat.read(copy_path, as_version=4)
    nbformat.validate(copy)
    assert solution_cells(copy) == []

    # every exercise a student is asked to check is still there
    def exercise_ids(nb: nbformat.NotebookNode, *, solutions: bool) -> set[str]:
        return {
            match
            for c in nb.cells
            if c.cell_type == "code" and (solutions or "solution" not in c.metadata.get("tags", []))
            for match in CHECK_CALL.findall(c.source)
        }

    assert exercise_ids(copy, solutions=True) == exercise_ids(original, solutions=False)
    # the rest of the lesson is untouched, in order
    kept_sources = [
        c.source for c in original.cells if "solution" not in c.metadata.get("tags", [])
    ]
    copy_sources = [c.source for c in copy.cells]
    assert all(s in kept_sources for s in copy_sources)
    assert len(copy_sources) >= len(kept_sources) - len(solution_cells(original))
    assert copy.metadata["cable_classroom"]["student_copy"] is True
    assert all(not c.get("outputs") for c in copy.cells if c.cell_type == "code")


def test_no_dangling_solution_lead_ins(student_dir: Path) -> None:
    for path in sorted(student_dir.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                assert "click the cell below to reveal" not in cell.source.lower(), path.name


def test_instructor_guide_is_not_copied(student_dir: Path) -> None:
    assert not (student_dir / "INSTRUCTOR_GUIDE.md").exists()


def test_rebuilding_is_idempotent(student_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in student_dir.glob("*.ipynb")}
    subprocess.run([sys.executable, str(TOOL), str(REPO_ROOT / "notebooks"), str(student_dir)],
                   check=True, capture_output=True)  # fmt: skip
    after = {p.name: p.read_bytes() for p in student_dir.glob("*.ipynb")}
    assert before == after


def runnable_copies() -> list[str]:
    names = ["00_start_here.ipynb"]
    lessons = [p.name for p in NOTEBOOKS if re.match(r"0[1-5]_", p.name)]
    return names + lessons[:1]


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("name", runnable_copies())
def test_student_copy_still_runs(student_dir: Path, name: str, tmp_path: Path, monkeypatch) -> None:
    # student work must not land in the repository's my_work/ during tests
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))
    nb = run_notebook(student_dir / name)
    checks = [c for c in nb.cells if c.cell_type == "code" and CHECK_CALL.search(c.source)]
    assert checks, "the student copy has no self-check left"
    # an unanswered self-check answers with feedback, not an error
    texts = " ".join(
        str(o.get("data", {}).get("text/plain", "")) for c in checks for o in c.get("outputs", [])
    )
    assert "No answer yet" in texts
    work = tmp_path / "work"
    assert not work.exists() or not any(p.is_file() for p in work.rglob("*"))
