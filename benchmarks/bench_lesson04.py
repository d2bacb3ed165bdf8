"""Lesson 04: headless run time of the notebook and the p95 of its widget callbacks.

Run: ``python benchmarks/bench_lesson04.py`` (``BENCH_RUNS``, default 3). Prints Markdown.

1. **Lesson run**: nbclient executes notebooks/04_precedent_argument.ipynb in a fresh
   kernel, every cell in order (kernel start included); median and range of the runs.
2. **Callbacks**: inside a real kernel (so the widgets' comm messages are serialised),
   the argument map explorer's claim is set to every claim and the stance coder's
   controls are changed (each change is an atomic save to disk); the time from
   setting a value until the observer returned. p50 / p95 / max per widget.

Student work goes to a temporary folder (``CABLE_CLASSROOM_WORK``), never to my_work/.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "04_precedent_argument.ipynb"

CALLBACK_CODE = r"""
import json, statistics, time
from cable_utils import load_cable
from cable_utils.argument import load_argument
from cable_utils.widgets.argument import argument_map_explorer, stance_coder
cable = load_cable("08BAKU151"); data = load_argument(cable)
def timed(action):
    started = time.perf_counter(); action(); return (time.perf_counter() - started) * 1000
explorer = argument_map_explorer(cable, data)
explorer_ms = [timed(lambda c=c: setattr(explorer.controls["claim"], "value", c.id))
               for _ in range(3) for c in data.claims]
coder = stance_coder(cable, data)
coder_ms = []
for actor in data.coding_actors:
    coder_ms.append(timed(lambda: setattr(coder.controls["actor"], "value", actor)))
    for claim in data.coding_claims:
        coder_ms.append(timed(lambda: setattr(coder.controls[f"stance:{claim}"], "value", "NONE")))
        coder_ms.append(timed(lambda: setattr(coder.controls[f"justification:{claim}"], "value", "r")))
coder_ms.append(timed(lambda: coder.controls["compare"].click()))
print(json.dumps({"explorer": explorer_ms, "coder": coder_ms}))
"""


def _kernel_run(nb: nbformat.NotebookNode) -> float:
    started = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()  # fmt: skip
    return time.perf_counter() - started


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    with tempfile.TemporaryDirectory() as work:
        os.environ["CABLE_CLASSROOM_WORK"] = work
        seconds = [_kernel_run(nbformat.read(NOTEBOOK, as_version=4)) for _ in range(runs)]
        probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CALLBACK_CODE)])
        _kernel_run(probe)
        stream = "".join(o.get("text", "") for o in probe.cells[0].outputs)
        timings = json.loads(stream.strip().splitlines()[-1])
    print("## Lesson 04 (bench_lesson04.py)\n")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {runs} run(s).\n")
    print("| measure | value |\n|---|---|")
    print(f"| lesson headless run (median) | {statistics.median(seconds):.1f} s "
          f"(range {min(seconds):.1f}–{max(seconds):.1f} s) |")  # fmt: skip
    for name, values in timings.items():
        print(f"| {name} callback p50 / p95 / max ({len(values)} calls) | "
              f"{_percentile(values, 0.5):.1f} / {_percentile(values, 0.95):.1f} / "
              f"{max(values):.1f} ms |")  # fmt: skip


if __name__ == "__main__":
    main()
