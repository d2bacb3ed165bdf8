"""Run a notebook headless for tests: ``from nbrun import run_notebook``.

``tests/`` is on ``sys.path`` for every test (``pythonpath`` in pyproject.toml), so
any test module can import this helper. Typical use::

    import pytest
    from nbrun import run_notebook

    @pytest.mark.notebook
    def test_lesson_runs_on_another_cable():
        nb = run_notebook("notebooks/01_reading_the_header.ipynb", cable_id="08BAKU151")
        ...  # inspect nb.cells[i].outputs

The notebook is executed with nbclient on the ``python3`` kernel of the running
interpreter's environment (the project venv). Errors are collected, not raised
at the first failing cell, so the AssertionError lists every broken cell.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = "python3"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CABLE_ID_LINE = re.compile(r"^CABLE_ID\s*(?::[^=]+)?=.*$", re.MULTILINE)


def code_nodes(nb: nbformat.NotebookNode) -> Iterator[ast.AST]:
    """Every syntax node of the notebook's code cells (read, not run)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from ast.walk(ast.parse(cell.source))


def called(node: ast.AST, name: str) -> bool:
    """Whether ``node`` is a call of the plain name ``name`` (``readable_tables()``)."""
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) == name


def parameters_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode | None:
    """The first code cell tagged ``parameters`` (papermill convention), or None."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return cell
    return None


def set_cable_id(nb: nbformat.NotebookNode, cable_id: str, *, name: str = "notebook") -> None:
    """Point the notebook's parameters cell at ``cable_id``.

    The ``CABLE_ID = ...`` line of the first ``parameters`` cell becomes
    ``CABLE_ID = "<cable_id>"``; other lines of that cell are kept.
    """
    cell = parameters_cell(nb)
    if cell is None:
        raise AssertionError(
            f"{name}: no code cell tagged 'parameters'; cannot set CABLE_ID={cable_id!r}"
        )
    assignment = f"CABLE_ID = {json.dumps(cable_id)}"
    if _CABLE_ID_LINE.search(cell.source):
        cell.source = _CABLE_ID_LINE.sub(lambda _match: assignment, cell.source, count=1)
    else:
        cell.source = f"{cell.source.rstrip()}\n{assignment}".lstrip()


def _clean(text: str) -> str:
    return _ANSI.sub("", text)


def cell_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Describe every cell whose outputs hold an error or a traceback on stderr."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                tail = _clean("\n".join(output.get("traceback", [])[-3:]))
                problems.append(
                    f"cell {index} ({first_line!r}): {output.ename}: {output.evalue}\n{tail}"
                )
            elif (
                output.output_type == "stream"
                and output.name == "stderr"
                and "Traceback" in output.text
            ):
                problems.append(
                    f"cell {index} ({first_line!r}): traceback on stderr\n"
                    f"{_clean(output.text)[-1500:]}"
                )
    return problems


def outputs_text(nb: nbformat.NotebookNode) -> str:
    """Everything an executed notebook shows as text: streams, plain, HTML and Markdown."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                parts.append(output.text)
            for mime in ("text/plain", "text/html", "text/markdown"):
                value = output.get("data", {}).get(mime)
                if value:
                    parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def run_notebook(
    path: str | Path,
    cable_id: str | None = None,
    timeout: int = 180,
    cwd: str | Path | None = None,
) -> nbformat.NotebookNode:
    """Execute the notebook at ``path`` and return it with its outputs.

    ``cable_id``: rewrite the ``parameters`` cell first (AssertionError if none).
    ``timeout``: seconds allowed per cell. ``cwd``: working directory of the
    kernel, by default the notebook's own folder (as in JupyterLab).
    Raises AssertionError listing every cell with an error output or a
    traceback on stderr. The file on disk is never modified.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if cable_id is not None:
        set_cable_id(nb, cable_id, name=str(path))
    workdir = Path(cwd) if cwd is not None else path.resolve().parent
    client = NotebookClient(
        nb,
        timeout=timeout,
        startup_timeout=60,
        kernel_name=KERNEL_NAME,
        allow_errors=True,  # keep going so every broken cell is reported
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    problems = cell_problems(nb)
    if problems:
        where = f"{path}" + (f" with CABLE_ID={cable_id!r}" if cable_id is not None else "")
        raise AssertionError(
            f"{where}: {len(problems)} failing cell(s)\n\n" + "\n\n".join(problems)
        )
    return nb
