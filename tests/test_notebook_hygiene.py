"""Structural checks for every lesson notebook (CONTRIBUTING.md, "Notebooks").

One test id per notebook; each lists every problem it finds. These read the
files only; executing notebooks is the job of the notebook and browser tests.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
from nbrun import called, code_nodes

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
START_HERE = NOTEBOOK_DIR / "00_start_here.ipynb"

# The header card may span several cells; these many leading markdown cells are read.
HEADER_MARKDOWN_CELLS = 3
HEADER_PHRASES = ("Learning objectives", "Prerequisites", "Estimated time")
REQUIRED_SECTIONS = ("Exercises", "Further reading")
NUMBERED = re.compile(r"^\d\d")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
CABLE_ID_ASSIGNMENT = re.compile(r"^CABLE_ID\s*(?::[^=]+)?=", re.MULTILINE)


def test_start_here_exists() -> None:
    # Without it the parametrized test below would have no cases and pass silently.
    assert START_HERE.is_file(), f"missing {START_HERE.relative_to(REPO_ROOT)}"


def markdown_headings(source: str) -> list[tuple[int, str]]:
    """(level, text) of the ATX headings in ``source``, skipping fenced code."""
    headings = []
    in_fence = False
    for line in source.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match:
            headings.append((len(match.group(1)), match.group(2)))
    return headings


def tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.metadata.get("tags", []))


#: A solution cell is one line that shows nothing of the answer: a "Show the solution" disclosure.
SOLUTION_CELL = re.compile(r'^solution\("\d\d[a-z]?\.\d+", cable\)$')


def solution_problem(cell: nbformat.NotebookNode) -> str | None:
    """Why a cell tagged ``solution`` (or calling ``solution(``) breaks the rule, or None."""
    tagged = "solution" in tags(cell)
    calls = cell.cell_type == "code" and bool(re.search(r"^\s*solution\(", cell.source, re.M))
    if not (tagged or calls):
        return None
    if cell.cell_type != "code" or not SOLUTION_CELL.match(cell.source.strip()):
        return (
            'a solution cell must be exactly `solution("NN.N", cable)`: its source (and a '
            "folded preview of it) must show nothing of the answer, and Run All must not run it"
        )
    if not tagged:
        return "a `solution(...)` cell must be tagged 'solution' (make student drops it)"
    return None


#: Setup calls that return a flag: as a cell's last line, a learner sees "True" as its output.
SETTING_CALLS = ("readable_tables",)


def _ends_in_setting_call(source: str) -> bool:
    try:
        body = ast.parse(source).body
    except SyntaxError:  # (IPython magics: not a setup cell)
        return False
    last = body[-1] if body else None
    if not (
        isinstance(last, ast.Expr)
        and isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id in SETTING_CALLS
    ):
        return False
    after = source.splitlines()[(last.end_lineno or 1) - 1][last.end_col_offset or 0 :]
    return not after.lstrip().startswith(";")  # (a trailing ";" hides the value)


def hygiene_problems(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    problems: list[str] = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        problems.append(f"invalid notebook: {exc.message}")

    # Committed clean: `make strip` fixes all three.
    if "widgets" in nb.metadata:
        problems.append("notebook metadata holds saved widget state ('widgets'); run make strip")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has outputs; run make strip")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has an execution count; run make strip")

    markdown = [cell for cell in nb.cells if cell.cell_type == "markdown"]
    headings = [h for cell in markdown for h in markdown_headings(cell.source)]
    h1 = [text for level, text in headings if level == 1]
    if len(h1) != 1:
        problems.append(f"expected exactly one H1 heading, found {len(h1)}: {h1}")

    header = "\n".join(cell.source for cell in markdown[:HEADER_MARKDOWN_CELLS]).lower()
    for phrase in HEADER_PHRASES:
        if phrase.lower() not in header:
            problems.append(
                f"header card (first {HEADER_MARKDOWN_CELLS} markdown cells) lacks {phrase!r}"
            )

    heading_texts = [text.lower() for _level, text in headings]
    for section in REQUIRED_SECTIONS:
        if not any(section.lower() in text for text in heading_texts):
            problems.append(f"no section heading containing {section!r}")

    if NUMBERED.match(path.name):
        parameters = [
            cell for cell in nb.cells if cell.cell_type == "code" and "parameters" in tags(cell)
        ]
        if not parameters:
            problems.append("no code cell tagged 'parameters' (it sets CABLE_ID)")
        elif not CABLE_ID_ASSIGNMENT.search(parameters[0].source):
            problems.append("the first 'parameters' cell does not assign CABLE_ID")

    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and _ends_in_setting_call(cell.source):
            problems.append(
                f"cell {index} ends with a call that switches a setting on "
                f"({', '.join(SETTING_CALLS)}): its return value shows as a bare True; "
                "put the call before the cell's last line, or end it with ';'"
            )
    for index, cell in enumerate(nb.cells):
        problem = solution_problem(cell)
        if problem:
            problems.append(f"cell {index}: {problem}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_hygiene(path: Path) -> None:
    problems = hygiene_problems(path)
    assert not problems, f"{path.relative_to(REPO_ROOT)}:\n  - " + "\n  - ".join(problems)


def _shown_raw(node: ast.expr) -> bool:
    """An expression Jupyter would show as a Python repr a learner should not have to read:
    a tuple (``describe_mix(mix), mix``) or a sentence from ``describe_…`` in quote marks."""
    if isinstance(node, ast.Tuple):
        return True
    if isinstance(node, ast.ListComp) and isinstance(node.elt, ast.Tuple):
        return True  # a list of tuples: lesson 06 printed [('banner_disagrees…', "…"), …]
    if isinstance(node, ast.IfExp):
        return _shown_raw(node.body) or _shown_raw(node.orelse)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    function = node.func if isinstance(node, ast.Call) else None
    return isinstance(function, ast.Name) and function.id.startswith("describe_")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_ends_in_a_tuple_or_a_quoted_sentence(path: Path) -> None:
    """Lesson 06 printed ``('Cables by …', <a DataFrame as plain text>)`` and sentences in
    quote marks: a description is printed, and its table shown on its own."""
    notebook = nbformat.read(path, as_version=4)
    raw = []
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        body = ast.parse(cell.source).body
        if body and isinstance(body[-1], ast.Expr) and _shown_raw(body[-1].value):
            raw.append((number, cell.source.splitlines()[-1]))
    assert raw == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_shows_tables_in_the_lessons_style(path: Path) -> None:
    """The primer did not call ``readable_tables()``: its sources table came out in
    pandas' style, raw headers ("author_or_outlet"), titles squeezed a word a line."""
    notebook = nbformat.read(path, as_version=4)
    calls = [node for node in code_nodes(notebook) if called(node, "readable_tables")]
    assert calls, f"{path.name} never calls readable_tables()"
