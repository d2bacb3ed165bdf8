"""Build student copies of the lessons: solution cells removed, self-checks kept.

    .venv/bin/python tools/make_student.py [NOTEBOOK_DIR] [OUT_DIR]

defaults: ``notebooks`` → ``student`` (git-ignored). For every ``*.ipynb`` in
NOTEBOOK_DIR, the copy in OUT_DIR has

* no solution cell: a cell tagged ``solution`` (code or markdown), or a code cell that
  calls ``solution("NN.N", cable)`` (the "Show the solution" disclosure), tag or not,
* no "Solution (click the cell below …)" lead-in left dangling before a removed cell,
* no outputs, execution counts or saved widget state,
* a note in its metadata (``cable_classroom.student_copy``) and the number of
  cells removed.

Everything else is kept as it is, including every ``check(...)`` self-check, so
a student still gets feedback and hints. Other files in NOTEBOOK_DIR are copied
too, except the instructor guide. OUT_DIR is emptied of notebooks first, so a
lesson deleted upstream does not linger.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat

REPO_ROOT = Path(__file__).resolve().parent.parent
SOLUTION_TAG = "solution"
NOT_FOR_STUDENTS = {"INSTRUCTOR_GUIDE.md"}
# Markdown that only announces the next (solution) cell.
_LEAD_IN = re.compile(
    r"^\s*[*_]*\s*(solution|one possible answer|a possible answer|answer)\b[^\n]*[*_]*\s*$",
    re.IGNORECASE,
)


SOLUTION_CALL = re.compile(r"^\s*solution\(", re.MULTILINE)


def is_solution(cell: nbformat.NotebookNode) -> bool:
    if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
        return True
    return cell.get("cell_type") == "code" and bool(SOLUTION_CALL.search(cell.get("source", "")))


def student_cells(cells: list[nbformat.NotebookNode]) -> tuple[list[nbformat.NotebookNode], int]:
    """The cells without solutions (and their lead-ins); returns (cells, removed count)."""
    kept: list[nbformat.NotebookNode] = []
    removed = 0
    for cell in cells:
        if is_solution(cell):
            removed += 1
            if kept and kept[-1].cell_type == "markdown" and _LEAD_IN.match(kept[-1].source):
                kept.pop()
                removed += 1
            continue
        kept.append(cell)
    return kept, removed


def clean(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    return cell


def student_copy(source: Path) -> tuple[nbformat.NotebookNode, int]:
    nb = nbformat.read(source, as_version=4)
    cells, removed = student_cells(nb.cells)
    nb.cells = [clean(cell) for cell in cells]
    nb.metadata.pop("widgets", None)
    nb.metadata["cable_classroom"] = {
        "student_copy": True,
        "built_from": f"notebooks/{source.name}",
        "solution_cells_removed": removed,
    }
    return nb, removed


def build(notebook_dir: Path, out_dir: Path) -> list[tuple[Path, int]]:
    """Write the student copies; returns (path written, cells removed) per notebook."""
    sources = sorted(notebook_dir.glob("*.ipynb"))
    if not sources:
        raise SystemExit(f"make_student: no notebooks in {notebook_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.ipynb"):
        old.unlink()
    written = []
    for source in sources:
        nb, removed = student_copy(source)
        nbformat.validate(nb)
        target = out_dir / source.name
        temporary = target.with_suffix(".ipynb.tmp")
        nbformat.write(nb, temporary)
        temporary.replace(target)
        written.append((target, removed))
    for other in sorted(notebook_dir.iterdir()):
        if other.is_file() and other.suffix != ".ipynb" and other.name not in NOT_FOR_STUDENTS:
            shutil.copy2(other, out_dir / other.name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook_dir", nargs="?", default=str(REPO_ROOT / "notebooks"))
    parser.add_argument("out_dir", nargs="?", default=str(REPO_ROOT / "student"))
    args = parser.parse_args(argv)
    written = build(Path(args.notebook_dir), Path(args.out_dir))
    for path, removed in written:
        print(f"{path}: {removed} cell(s) removed (solutions and their lead-ins)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
