"""Build student copies of the lessons: solution cells removed, self-checks kept.

    .venv/bin/python tools/make_student.py [NOTEBOOK_DIR] [OUT_DIR] [--cable ID]

defaults: ``notebooks`` → ``student`` (git-ignored). ``make student CABLE=ID``
passes ``--cable``: a class set for that cable (see below). For every
``*.ipynb`` in NOTEBOOK_DIR, the copy in OUT_DIR has

* no solution cell: a cell tagged ``solution`` (code or markdown), or a code cell that
  calls ``solution("NN.N", cable)`` (the "Show the solution" disclosure), tag or not,
* no "Solution (click the cell below …)" lead-in left dangling before a removed cell,
* no outputs, execution counts or saved widget state,
* a note in its metadata (``cable_classroom.student_copy``) and the number of
  cells removed.

Everything else is kept as it is, including every ``check(...)`` self-check, so
a student still gets feedback and hints. With ``--cable ID`` each lesson's
``parameters`` cell reads ``CABLE_ID = "ID"``, and cells written about another
cable (tagged ``cable:08BAKU151``) are left out. OUT_DIR also gets
``worksheet.html``: the exercises that work on the class's cable (08BAKU151
without ``--cable``) with space for the answers, to print or save as PDF. Other files in NOTEBOOK_DIR are copied
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


def student_copy(source: Path, cable_id: str | None = None) -> tuple[nbformat.NotebookNode, int]:
    from cable_utils.lessons.classset import cells_for_cable, set_lesson_cable

    nb = nbformat.read(source, as_version=4)
    cells, removed = student_cells(nb.cells)
    about_other = 0
    if cable_id is not None:
        cells, about_other = cells_for_cable(cells, cable_id)
    nb.cells = [clean(cell) for cell in cells]
    if cable_id is not None:
        set_lesson_cable(nb, cable_id)
    nb.metadata.pop("widgets", None)
    nb.metadata["cable_classroom"] = {
        "student_copy": True,
        "built_from": f"notebooks/{source.name}",
        "solution_cells_removed": removed,
    }
    if cable_id is not None:
        nb.metadata["cable_classroom"].update(cable=cable_id, cells_about_another_cable=about_other)
    return nb, removed


def lesson_titles(sources: list[Path]) -> dict[str, str]:
    """ "01" -> the lesson's title (its H1 without the "Lesson 01 ·" prefix)."""
    titles = {}
    for source in sources:
        if not re.match(r"^\d\d_", source.name):
            continue
        nb = nbformat.read(source, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        h1 = re.search(r"^#\s+(.+?)\s*$", text, re.MULTILINE)
        if h1:
            titles[source.name[:2]] = re.sub(r"^Lesson \d\d\s*·\s*", "", h1.group(1))
    return titles


def write_worksheet(notebook_dir: Path, out_dir: Path, cable_id: str | None) -> Path:
    """``OUT_DIR/worksheet.html`` for the class's cable (08BAKU151 by default)."""
    from cable_utils.lessons.classset import checked_class_cable, worksheet_html

    cable = checked_class_cable(cable_id or "08BAKU151")
    page = worksheet_html(cable, lesson_titles=lesson_titles(sorted(notebook_dir.glob("*.ipynb"))))
    target = out_dir / "worksheet.html"
    temporary = target.with_suffix(".html.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(target)
    return target


def build(notebook_dir: Path, out_dir: Path, cable_id: str | None = None) -> list[tuple[Path, int]]:
    """Write the student copies; returns (path written, cells removed) per notebook."""
    sources = sorted(notebook_dir.glob("*.ipynb"))
    if not sources:
        raise SystemExit(f"make_student: no notebooks in {notebook_dir}")
    if cable_id is not None:
        from cable_utils.errors import CableError
        from cable_utils.lessons.classset import checked_class_cable

        try:  # before anything is written: a bad ID leaves OUT_DIR as it was
            cable_id = checked_class_cable(cable_id).id or cable_id
        except CableError as error:
            raise SystemExit(f"make_student: {error}") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.ipynb"):
        old.unlink()
    written = []
    for source in sources:
        nb, removed = student_copy(source, cable_id)
        nbformat.validate(nb)
        target = out_dir / source.name
        temporary = target.with_suffix(".ipynb.tmp")
        nbformat.write(nb, temporary)
        temporary.replace(target)
        written.append((target, removed))
    for other in sorted(notebook_dir.iterdir()):
        if other.is_file() and other.suffix != ".ipynb" and other.name not in NOT_FOR_STUDENTS:
            shutil.copy2(other, out_dir / other.name)
    write_worksheet(notebook_dir, out_dir, cable_id)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook_dir", nargs="?", default=str(REPO_ROOT / "notebooks"))
    parser.add_argument("out_dir", nargs="?", default=str(REPO_ROOT / "student"))
    parser.add_argument(
        "--cable", default=None, help="a class set for this cable ID (make student CABLE=ID)"
    )
    args = parser.parse_args(argv)
    cable = args.cable.strip() if args.cable and args.cable.strip() else None
    written = build(Path(args.notebook_dir), Path(args.out_dir), cable)
    for path, removed in written:
        print(f"{path}: {removed} cell(s) removed (solutions and their lead-ins)")
    out = Path(args.out_dir)
    print(
        f"{out / 'worksheet.html'}: the worksheet for {cable or '08BAKU151'} (print it or save as PDF)"
    )
    if cable:
        print(f"every lesson in {out} reads {cable} (its CABLE_ID cell)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
