"""Strip outputs, execution counts and widget state from notebooks, in place.

Notebooks are committed clean (CONTRIBUTING.md): no outputs, no execution counts,
no saved widget state. Cell tags are kept; a solution cell (``solution("NN.N", cable)``,
a "Show the solution" button) is never collapsed, so the button stays visible.

Usage::

    python tools/strip_notebooks.py notebooks/*.ipynb          # rewrite in place
    python tools/strip_notebooks.py --check notebooks/*.ipynb  # exit 1 if any needs it

A file is rewritten only if something changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

# Cell metadata that records a run rather than the lesson.
_RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def strip(nb: nbformat.NotebookNode) -> bool:
    """Strip ``nb`` in place; return True if anything was removed."""
    changed = nb.metadata.pop("widgets", None) is not None
    for cell in nb.cells:
        for key in _RUN_METADATA:
            if key in cell.metadata:
                del cell.metadata[key]
                changed = True
        if cell.cell_type == "code":
            if cell.get("outputs"):
                cell.outputs = []
                changed = True
            if cell.get("execution_count") is not None:
                cell.execution_count = None
                changed = True
            if "solution" in cell.metadata.get("tags", []):
                # A solution cell is `solution("NN.N", cable)`: its source shows nothing
                # and its output is a "Show the solution" button, which must stay visible.
                hidden = cell.metadata.get("jupyter", {})
                for key in ("source_hidden", "outputs_hidden"):
                    if key in hidden:
                        del hidden[key]
                        changed = True
                if "jupyter" in cell.metadata and not cell.metadata["jupyter"]:
                    del cell.metadata["jupyter"]
        elif "attachments" in cell and not cell.attachments:
            del cell["attachments"]
            changed = True
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks to strip")
    parser.add_argument("--check", action="store_true", help="report only, do not write")
    args = parser.parse_args(argv)
    needs_strip = []
    for path in args.paths:
        if not path.exists():  # an unmatched shell glob such as notebooks/*.ipynb
            print(f"skip {path}: no such file", file=sys.stderr)
            continue
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        if not strip(nb):
            continue
        needs_strip.append(path)
        if args.check:
            print(f"needs stripping: {path}")
        else:
            nbformat.write(nb, path)
            print(f"stripped {path}")
    return 1 if args.check and needs_strip else 0


if __name__ == "__main__":
    sys.exit(main())
