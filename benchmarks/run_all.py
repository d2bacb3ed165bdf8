"""Run every ``benchmarks/bench_*.py`` and write ``benchmarks/results.md``.

Each script runs in its own process with this interpreter (the project venv) and
prints its own Markdown; this runner adds the machine (cores, CPU model, memory,
load), the versions of the stack, and each script's exit status and duration.
A script that fails is reported with the tail of its stderr; the others still run.

Usage::

    python benchmarks/run_all.py                     # all, writes benchmarks/results.md
    python benchmarks/run_all.py --only bench_parse  # a subset (prefix match on the name)
    python benchmarks/run_all.py --out /tmp/r.md

Exit status 1 if any script failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGES = ("jupyterlab", "ipywidgets", "plotly", "pandas", "numpy", "ipykernel", "nbclient",
            "nbconvert", "playwright")  # fmt: skip
TIMEOUT_S = 1800
#: Scripts that are records of a one-off measurement rather than standing benchmarks:
#: they need inputs ``make bench`` cannot supply, so the runner lists them with the
#: reason instead of failing on them (an exit 2 from argparse would fail every run).
BY_HAND = {
    "bench_fast_paths.py": "a record of issue 13's fast-path A/B; needs --root, a checkout "
    "of commit 057e69e (see its docstring and benchmarks/README.md)",
}


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def machine() -> list[str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
         if line.startswith("model name")),
        platform.processor() or "unknown",
    )  # fmt: skip
    mem_kb = next(
        (int(line.split()[1]) for line in _read("/proc/meminfo").splitlines()
         if line.startswith("MemTotal:")),
        0,
    )  # fmt: skip
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        f"- cores (nproc): {usable}",
        f"- CPU: {cpu}",
        f"- memory: {mem_kb / 1024 / 1024:.1f} GiB",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- load average at start (1, 5, 15 min): {load}",
    ]


def versions() -> list[str]:
    lines = [f"- python {platform.python_version()} ({sys.executable})"]
    for name in PACKAGES:
        try:
            lines.append(f"- {name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            lines.append(f"- {name}: not installed")
    chromium = Path("/usr/bin/chromium")
    if chromium.exists():
        try:
            out = subprocess.run([str(chromium), "--version"], capture_output=True, text=True,
                                 timeout=30).stdout.strip()  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            out = "present (version not read)"
        lines.append(f"- chromium: {out}")
    else:
        lines.append("- chromium: not found (browser measurements skipped)")
    return lines


def run_script(script: Path) -> tuple[int, float, str, str]:
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, str(script)], cwd=HERE.parent, capture_output=True, text=True,
            timeout=TIMEOUT_S,
        )  # fmt: skip
        code, out, err = result.returncode, result.stdout, result.stderr
    except subprocess.TimeoutExpired as expired:
        partial = expired.stdout or ""
        out = partial.decode(errors="replace") if isinstance(partial, bytes) else partial
        code, err = -1, f"timed out after {TIMEOUT_S} s"
    return code, time.perf_counter() - started, out, err


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX")
    parser.add_argument("--out", default=str(HERE / "results.md"))
    args = parser.parse_args(argv)

    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if any(s.stem.startswith(p) for p in args.only)]
    if not scripts:
        parser.error("no benchmarks/bench_*.py selected")

    started = dt.datetime.now(dt.UTC)
    header = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/run_all.py` on {started:%Y-%m-%d %H:%M} UTC. Every number "
        "below was measured in this run; re-run `make bench` to reproduce. Other processes "
        "on the machine (see the load average) make timings noisier: compare medians and "
        "look at the spread.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Versions",
        "",
        *versions(),
        "",
        "## Scripts",
        "",
        "| script | exit | seconds |",
        "|---|---|---|",
    ]
    sections, failed = [], 0
    summary_rows = []
    for script in scripts:
        if script.name in BY_HAND and script.stem not in args.only:
            summary_rows.append(f"| {script.name} | not run | {BY_HAND[script.name]} |")
            print(f"== {script.name}: not run ({BY_HAND[script.name]})", flush=True)
            continue
        print(f"== {script.name}", flush=True)
        code, seconds, out, err = run_script(script)
        failed += code != 0
        summary_rows.append(f"| {script.name} | {code} | {seconds:.0f} |")
        body = out.strip() or "(no output)"
        section = [f"## {script.name}", "", body, ""]
        if code != 0:
            section += [f"**{script.name} failed (exit {code})**; end of its stderr:", "",
                        "```", err.strip()[-3000:], "```", ""]  # fmt: skip
        sections.append("\n".join(section))
        print(f"   exit {code}, {seconds:.0f} s", flush=True)

    text = "\n".join(header + summary_rows) + "\n\n" + "\n".join(sections)
    out_path = Path(args.out)
    tmp = out_path.with_suffix(out_path.suffix + ".tmp")
    tmp.write_text(text.rstrip() + "\n", encoding="utf-8")
    tmp.replace(out_path)
    print(f"wrote {out_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
