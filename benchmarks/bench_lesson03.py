"""Lesson 03: headless run time of the notebook and the p95 of its widget callbacks.

Run: ``python benchmarks/bench_lesson03.py`` (``BENCH_RUNS``, default 3). Prints Markdown.

1. **Lesson run**: nbclient executes notebooks/03_actors.ipynb in a fresh
   kernel, every cell in order (kernel start included); median and range of the runs.
2. **Callbacks**: inside a real kernel (so the widgets' comm messages are serialised),
   the actor explorer is set to every actor (three rounds) and its checkbox toggled,
   the voice sorter's dropdowns are changed and Check pressed; the time from
   setting a value until the observer returned. p50 / p95 / max per widget.

The work folder is a temporary one (``CABLE_CLASSROOM_WORK``), so no saved gazetteer
in my_work/ changes what is measured.
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
NOTEBOOK = REPO / "notebooks" / "03_actors.ipynb"

CALLBACK_CODE = r"""
import json, time
from cable_utils import load_cable
from cable_utils.actors import load_gazetteer
from cable_utils.widgets.actors import actor_explorer, voice_sorter
cable = load_cable("08BAKU151"); gazetteer = load_gazetteer(cable, source="curated")
def timed(action):
    started = time.perf_counter(); action(); return (time.perf_counter() - started) * 1000
explorer = actor_explorer(cable, gazetteer)
explorer_ms = [timed(lambda a=a: setattr(explorer.controls["actor"], "value", a.id))
               for _ in range(3) for a in gazetteer.actors]
explorer_ms += [timed(lambda: setattr(explorer.controls["show_said"], "value", v))
                for v in (False, True) * 10]
sorter = voice_sorter(cable, gazetteer)
speakers = list(sorter.state["reference"])
sorter_ms = []
for voice in ("official", "unofficial", "media"):
    for s in speakers:
        sorter_ms.append(timed(lambda s=s: setattr(sorter.controls[s], "value", voice)))
    sorter_ms.append(timed(lambda: sorter.controls["check"].click()))
print(json.dumps({"actor explorer": explorer_ms, "voice sorter": sorter_ms}))
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
    print("## Lesson 03 (bench_lesson03.py)\n")
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
