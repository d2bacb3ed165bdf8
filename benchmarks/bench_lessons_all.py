"""Lessons end to end: headless run time, peak kernel memory, widget callback latency,
the cost of the first plotly figure, and one widget's browser round-trip.

Run: ``python benchmarks/bench_lessons_all.py`` (``make bench`` runs it through
``benchmarks/run_all.py``). Prints Markdown. Environment:

- ``BENCH_RUNS`` (default 3): runs per lesson (median and spread are reported);
- ``BENCH_ONLY``: comma-separated lesson prefixes, e.g. ``00,01``;
- ``BENCH_SKIP_BROWSER=1``: skip the browser round-trip.

Measured as follows (targets of issue 9 in brackets):

1. **Lesson run** [≤ 6 s; issue 19: ≤ 2× a bare kernel]: wall time from starting a
   fresh ``python3`` kernel to the reply of the last cell (nbclient, every cell in
   order, kernel start included, shutdown excluded); kernel start alone is reported
   beside it. Each lesson run is paired with a run of a *bare* notebook, one cell
   ``import pandas, plotly, ipywidgets``, measured the same way right before it, so
   the ratio (median lesson / median bare) compares runs made under the same load.
   The bare cell is the issue's wording: ``import plotly`` is plotly's top level (it
   loads its submodules lazily, so ``import plotly.graph_objects`` costs no more);
   a lesson pays the rest of plotly (about 60 ms for the first ``go.Figure``: its
   validators and narwhals) only if it builds a ``go.Figure``. Both sides run on
   compiled bytecode: :func:`compile_bytecode` writes ``cable_utils``'s ``.pyc`` files
   first, as a student's first run does for every later one (pandas, plotly and
   ipywidgets come compiled by pip). Without it, under ``PYTHONDONTWRITEBYTECODE``,
   every lesson kernel recompiled the package (about 0.2 s) and the bare one nothing.
2. **Peak kernel memory** [≤ 300 MB]: ``VmHWM`` of the kernel process
   (``/proc/<pid>/status``) read after the last cell.
3. **Widget callbacks** [p95 ≤ 30 ms]: in a fresh kernel, every widget builder of
   ``cable_utils.widgets`` is built on 08BAKU151 and each control is set to each of
   a few values (buttons clicked) several times; the time is from setting the value
   until the observer has updated the view (observers run synchronously), which
   includes serialising the new state onto the kernel's comm.
4. **First figure**: in fresh kernels, the first ``display`` of a plotly figure,
   once through plotly's renderer (what ending a cell with ``fig`` does) and once
   as a ready mime bundle (what ``widgets._figures.figure_bundle`` does), both of a
   ``go.Figure`` built beforehand; then building and showing a first figure, as a
   ``go.Figure`` and as the lessons build theirs (``JSONFigure``, plotly JSON).
5. **Browser round-trip**: JupyterLab in headless Chromium (the tests/browser
   harness) runs tests/browser/fixtures/harness_check.ipynb, then a dropdown is
   changed repeatedly; time from ``select_option`` until the new HTML is visible.
"""

from __future__ import annotations

import compileall
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
from build_site import local_socket_kernel_manager  # noqa: E402

RUNS = max(1, int(os.environ.get("BENCH_RUNS", "3")))
ONLY = [p for p in os.environ.get("BENCH_ONLY", "").split(",") if p]
LESSON_TARGET_S, CALLBACK_TARGET_MS, MEMORY_TARGET_MB = 6.0, 30.0, 300.0
RATIO_TARGET = 2.0  # issue 19: a lesson takes at most twice a bare kernel with the imports
BARE_CODE = "import pandas, plotly, ipywidgets"


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}"


def lessons() -> list[Path]:
    # the numbered lessons and the context primer (00b_…)
    found = sorted((REPO / "notebooks").glob("[0-9][0-9]*_*.ipynb"))
    return [p for p in found if not ONLY or any(p.stem.startswith(x) for x in ONLY)]


def vm_hwm_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` so far (all its threads)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_cells(nb: nbformat.NotebookNode, cwd: Path) -> dict[str, float | int | None]:
    """Execute ``nb`` in a fresh kernel; return timings, the kernel's CPU time, peak memory
    and error count."""
    # as the static site's build: local sockets, no "running over TCP" warning per kernel
    client = NotebookClient(
        nb, kernel_manager_class=local_socket_kernel_manager(), timeout=300, startup_timeout=60, kernel_name="python3", allow_errors=True,
        resources={"metadata": {"path": str(cwd)}},
    )  # fmt: skip
    started = time.perf_counter()
    with client.setup_kernel():
        kernel_start = time.perf_counter() - started
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        total = time.perf_counter() - started
        pid = getattr(client.km.provisioner, "pid", None)
        memory = vm_hwm_mb(pid) if pid else None
        cpu = cpu_seconds(pid) if pid else None
    errors = sum(
        1 for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
    )
    return {
        "total": total, "kernel": kernel_start, "memory": memory, "errors": errors, "cpu": cpu,
    }  # fmt: skip


def compile_bytecode() -> None:
    """Write ``cable_utils``'s bytecode, so lesson kernels load it as a student's do.

    ``compileall`` writes ``__pycache__`` even where ``PYTHONDONTWRITEBYTECODE`` is
    set (CI and some shells set it; the kernels inherit it and would otherwise
    compile the whole package from source in every run).
    """
    compileall.compile_dir(REPO / "cable_utils", quiet=1)


def bare_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BARE_CODE)]
    return nb


def bench_lessons(work: Path) -> list[str]:
    lines = [
        f"### Lessons, headless ({RUNS} runs each, fresh kernel each run)",
        "",
        f"Bare kernel: one cell `{BARE_CODE}`, run right before each lesson run. "
        "Ratio = median lesson / median bare kernel of the same lesson's runs. "
        "cable_utils's bytecode compiled first (as after a student's first run). "
        "Kernel CPU: the kernel process's CPU seconds (median), lesson / bare: steadier "
        "than wall time on a busy machine, for comparing versions (the target is on time).",
        "",
        "| lesson | median s | min–max s | bare kernel median s | × bare | ≤ 2× "
        "| kernel CPU s, lesson / bare | CPU × bare "
        "| kernel start s (median) | peak kernel MB (max) | errors | ≤ 6 s | ≤ 300 MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path in lessons():
        runs, bare = [], []
        for _ in range(RUNS):
            bare.append(run_cells(bare_notebook(), work))
            runs.append(run_cells(nbformat.read(path, as_version=4), path.parent))
        totals = [r["total"] for r in runs]
        cpu = _median_of([r["cpu"] for r in runs])
        bare_cpu = _median_of([r["cpu"] for r in bare])
        cpu_cells = (
            f"{cpu:.2f} / {bare_cpu:.2f} | {cpu / bare_cpu:.2f}"
            if cpu is not None and bare_cpu
            else "n/a | n/a"
        )
        memories = [r["memory"] for r in runs if r["memory"] is not None]
        peak = max(memories) if memories else None
        median, base = statistics.median(totals), statistics.median(r["total"] for r in bare)
        ratio = median / base
        lines.append(
            f"| {path.stem} | {median:.2f} | {spread(totals)} | {base:.2f} | {ratio:.2f} "
            f"| {'yes' if ratio <= RATIO_TARGET else '**no**'} | {cpu_cells} "
            f"| {statistics.median(r['kernel'] for r in runs):.2f} "
            f"| {f'{peak:.0f}' if peak else 'n/a'} | {max(r['errors'] for r in runs)} "
            f"| {'yes' if median <= LESSON_TARGET_S else '**no**'} "
            f"| {'yes' if peak and peak <= MEMORY_TARGET_MB else '**no**'} |"
        )
        print(f"  [lessons] {path.stem}: {median:.2f} s, {ratio:.2f}× bare", file=sys.stderr)
    lines += ["", f"Load average after the lessons (1, 5, 15 min): {load_average()}"]
    return lines


def _median_of(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


# ------------------------------------------------------------------ widgets (in a kernel)

WIDGET_CODE = r"""
import importlib, inspect, json, statistics, time, traceback
import ipywidgets as W
from cable_utils import load_cable
from cable_utils.widgets._common import Panel

ROUNDS = 5
cable = load_cable("08BAKU151")

def extra_args(fn):
    args = []
    for name, p in list(inspect.signature(fn).parameters.items())[1:]:
        if p.default is not inspect.Parameter.empty or p.kind is p.KEYWORD_ONLY:
            continue
        if name == "data":
            from cable_utils.analysis.argument import load_argument
            args.append(load_argument(cable))
        else:
            return None
    return args

def candidates(control):
    if isinstance(control, W.Button):
        return ["click"]
    if hasattr(control, "options") and hasattr(control, "index"):
        n = len(control.options)
        if n == 0:
            return []
        if isinstance(control.index, tuple):
            return [("index", (i,)) for i in range(min(n, 4))]
        picks = sorted({0, n // 3, (2 * n) // 3, n - 1})
        return [("index", i) for i in picks]
    if isinstance(control, (W.Checkbox, W.ToggleButton)):
        return [("value", True), ("value", False)]
    if hasattr(control, "min") and hasattr(control, "max") and hasattr(control, "value"):
        lo, hi = control.min, control.max
        if isinstance(control.value, tuple):
            return [("value", (lo, hi)), ("value", (lo, lo)), ("value", (hi, hi))]
        return [("value", type(control.value)(v)) for v in (lo, (lo + hi) / 2, hi)]
    if isinstance(control, (W.Text, W.Textarea)):
        return [("value", v) for v in ("Baku", "Kosovo", "Nagorno-Karabakh", "")]
    return []

def view_text(panel):
    view = panel.view
    return repr(getattr(view, "value", None)) + repr(getattr(view, "outputs", None)) + repr(panel.state.get("figure") is not None)

def apply(control, action):
    if action == "click":
        control.click()
    else:
        setattr(control, action[0], action[1])

results = []
for module_name in ("anatomy", "body", "actors", "argument", "remix", "checks"):
    try:
        module = importlib.import_module(f"cable_utils.widgets.{module_name}")
    except Exception as error:
        results.append({"builder": module_name, "error": f"import failed: {error!r}"})
        continue
    for name in getattr(module, "__all__", []):
        fn = getattr(module, name)
        if not inspect.isfunction(fn) or name.startswith("_"):
            continue
        params = list(inspect.signature(fn).parameters)
        try:
            if name == "self_check":
                panel = fn("00.1", cable)
            elif params and params[0] == "cable":
                args = extra_args(fn)
                if args is None:
                    continue
                panel = fn(cable, *args)
            elif not params or inspect.signature(fn).parameters[params[0]].default is not inspect.Parameter.empty:
                panel = fn()
            else:
                continue
        except Exception as error:
            results.append({"builder": f"{module_name}.{name}", "error": repr(error)[:200]})
            continue
        if not isinstance(panel, Panel):
            continue
        for control_name, control in panel.controls.items():
            actions = candidates(control)
            if not actions:
                continue
            samples, changed, failed = [], 0, None
            for _ in range(ROUNDS):
                for action in actions:
                    before = view_text(panel)
                    start = time.perf_counter()
                    try:
                        apply(control, action)
                    except Exception as error:
                        failed = repr(error)[:200]
                        break
                    samples.append((time.perf_counter() - start) * 1000)
                    changed += view_text(panel) != before
                if failed:
                    break
            row = {"builder": f"{module_name}.{name}", "control": control_name,
                   "kind": type(control).__name__, "n": len(samples), "view_changed": changed}
            if samples:
                samples.sort()
                row["p50"] = statistics.median(samples)
                row["p95"] = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
                row["max"] = samples[-1]
            if failed:
                row["error"] = failed
            results.append(row)
print("WIDGET_JSON " + json.dumps(results))
"""


def bench_widgets(work: Path) -> list[str]:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(WIDGET_CODE)]
    run_cells(nb, work)
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")
    errors = [o for o in nb.cells[0].outputs if o.output_type == "error"]
    match = re.search(r"^WIDGET_JSON (.*)$", text, re.MULTILINE)
    if not match:
        detail = errors[0].get("evalue") if errors else text[-500:]
        return ["### Widget callbacks", "", f"benchmark failed: {detail}"]
    rows = json.loads(match.group(1))
    lines = [
        "### Widget callbacks, in the kernel (08BAKU151; each control set to each of a few "
        "values, 5 rounds)",
        "",
        "| builder | control | kind | samples | view changed | p50 ms | p95 ms | max ms "
        "| p95 ≤ 30 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "p95" not in row:
            lines.append(
                f"| {row['builder']} | {row.get('control', '')} | {row.get('kind', '')} "
                f"| 0 | | | | | error: {row.get('error', '')} |"
            )
            continue
        lines.append(
            f"| {row['builder']} | {row['control']} | {row['kind']} | {row['n']} "
            f"| {row['view_changed']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} "
            f"| {'yes' if row['p95'] <= CALLBACK_TARGET_MS else '**no**'} |"
        )
    return lines


# ------------------------------------------------------------------ first figure

_GO_BAR = (
    "import plotly.graph_objects as go\nfig = go.Figure(go.Bar(x=['Header', 'Body'], y=[12, 30]))"
)
_BUNDLE = (
    "from cable_utils.widgets._figures import figure_bundle\n"
    "display(figure_bundle(fig, 'bars')['data'], raw=True)"
)
#: label → (set-up cell, timed cell). The first two time the showing of a go.Figure
#: built in the set-up; the last two also time building the figure, as a lesson cell does.
FIRST_FIGURE = {
    "plotly renderer (cell ends with `fig`)": (_GO_BAR, "display(fig)"),
    "ready mime bundle (figure_bundle)": (_GO_BAR, _BUNDLE),
    "go.Figure built, then a ready mime bundle": ("", f"{_GO_BAR}\n{_BUNDLE}"),
    "lesson figure built as JSON (JSONFigure), shown": (
        "",
        "from cable_utils.views.plots._style import JSONFigure, trace\n"
        "fig = JSONFigure(trace('bar', x=['Header', 'Body'], y=[12, 30]))\n"
        "display(fig)",
    ),
}


def bench_first_figure(work: Path) -> list[str]:
    lines = [
        f"### The first plotly figure in a fresh kernel ({RUNS} runs, seconds)",
        "",
        "| how it is made and shown (timed) | median s | min–max s "
        "| imported nbformat / rfc3987_syntax? |",
        "|---|---|---|---|",
    ]
    for label, (made, show) in FIRST_FIGURE.items():
        setup = f"import time, sys\nfrom IPython.display import display\n{made}"
        times, pulled = [], set()
        for _ in range(RUNS):
            code = (
                f"t = time.perf_counter()\n{show}\n"
                "print('FIRST', time.perf_counter() - t, "
                "'rfc3987_syntax' in sys.modules, 'nbformat' in sys.modules)"
            )
            nb = nbformat.v4.new_notebook()
            nb.cells = [nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(code)]
            run_cells(nb, work)
            out = "".join(o.get("text", "") for o in nb.cells[1].outputs if "text" in o)
            match = re.search(r"FIRST ([\d.e-]+) (\w+) (\w+)", out)
            if match:
                times.append(float(match.group(1)))
                pulled.add(f"{match.group(3)}/{match.group(2)}")
        if times:
            lines.append(
                f"| {label} | {statistics.median(times):.2f} | {spread(times)} "
                f"| {', '.join(sorted(pulled))} |"
            )
    return lines


# ------------------------------------------------------------------ browser


def bench_browser() -> list[str]:
    header = ["### Widget round-trip in JupyterLab (headless Chromium)", ""]
    if os.environ.get("BENCH_SKIP_BROWSER"):
        return [*header, "skipped (BENCH_SKIP_BROWSER set)"]
    if not Path("/usr/bin/chromium").exists():
        return [*header, "skipped: /usr/bin/chromium not found"]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(REPO / "tests" / "browser"), str(REPO / "tests"), os.environ.get("PYTHONPATH", "")]
        ),
    }
    command = [
        sys.executable, "-m", "pytest", "-p", "conftest", "-q", "-s", "-p", "no:cacheprovider",
        "-o", "addopts=", str(REPO / "benchmarks" / "browser_roundtrip.py"),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    match = re.search(r"^ROUNDTRIP_JSON (.*)$", result.stdout, re.MULTILINE)
    if not match:
        return [*header, f"failed (exit {result.returncode}):", "", "```",
                (result.stdout + result.stderr)[-1500:], "```"]  # fmt: skip
    data = json.loads(match.group(1))
    samples = sorted(data["round_trips_s"])
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return [
        *header,
        f"Dropdown → HTML widget in tests/browser/fixtures/harness_check.ipynb, "
        f"{len(samples)} changes: median {statistics.median(samples) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, min–max {samples[0] * 1000:.0f}–{samples[-1] * 1000:.0f} ms. "
        f"Open {data['open_s']:.1f} s, kernel ready {data['kernel_s']:.1f} s, "
        f"run all {data['run_all_s']:.1f} s (JupyterLab, same machine).",
    ]


def main() -> int:
    started = time.perf_counter()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="bench-lessons-") as tmp:
        work = Path(tmp)
        os.environ["CABLE_CLASSROOM_WORK"] = str(work / "my_work")  # stance coder saves here
        sections = [
            bench_lessons(work),
            bench_widgets(work),
            bench_first_figure(work),
            bench_browser(),
        ]
    print("## Lessons, widgets and memory (bench_lessons_all.py)\n")
    for section in sections:
        print("\n".join(section) + "\n")
    print(f"(bench_lessons_all.py took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
