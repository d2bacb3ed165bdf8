"""Parse speed of one cable, and the cost of ``import cable_utils``.

Prints Markdown (``benchmarks/run_all.py`` collects it). Numbers, not tests:
targets are 08BAKU151 parsed in at most 2 ms (median) and ``import
cable_utils`` in at most 200 ms without importing pandas, plotly or ipywidgets.

    python benchmarks/bench_parse.py [--runs 2000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

IMPORT_PROBE = """
import sys, time
started = time.perf_counter()
import cable_utils
elapsed = time.perf_counter() - started
heavy = [name for name in ("pandas", "plotly", "ipywidgets", "numpy") if name in sys.modules]
print(f"{elapsed * 1000:.2f} {','.join(heavy) or '-'}")
"""


def time_parse(text: str, runs: int) -> list[float]:
    from cable_utils.parse.parser import parse_text

    for _ in range(50):  # warm caches (reference tables, compiled regexes)
        parse_text(text)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_text(text)
        timings.append(time.perf_counter() - started)
    return timings


def time_import(repeats: int) -> tuple[list[float], set[str]]:
    timings, heavy = [], set()
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        milliseconds, modules = result.stdout.split()
        timings.append(float(milliseconds))
        heavy |= set(modules.split(",")) - {"-"}
    return timings, heavy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from cable_utils.source.loading import decode_bytes

    seed = (ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    print("## Parsing one cable (`bench_parse.py`)\n")
    print(
        f"08BAKU151 ({len(seed):,} characters), `parse_text` median of {args.runs:,} runs, "
        f"repeated {args.repeats} times (target ≤ 2 ms):\n"
    )
    print("| repeat | median (ms) | p10 (ms) | p90 (ms) |\n|---|---|---|---|")
    medians = []
    for repeat in range(1, args.repeats + 1):
        timings = sorted(time_parse(seed, args.runs))
        median = statistics.median(timings) * 1000
        medians.append(median)
        p10, p90 = timings[len(timings) // 10] * 1000, timings[len(timings) * 9 // 10] * 1000
        print(f"| {repeat} | {median:.3f} | {p10:.3f} | {p90:.3f} |")
    print(
        f"\nMedian of medians: **{statistics.median(medians):.3f} ms** "
        f"(spread {min(medians):.3f}–{max(medians):.3f} ms).\n"
    )

    samples = sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
    texts = [decode_bytes(path.read_bytes())[0] for path in samples]
    per_sample = []
    for path, text in zip(samples, texts, strict=True):
        per_sample.append((statistics.median(time_parse(text, 100)) * 1000, path.stem, len(text)))
    per_sample.sort(reverse=True)
    total_chars = sum(len(t) for t in texts)
    total_ms = sum(ms for ms, _, _ in per_sample)
    print(
        f"The 24 samples ({total_chars / len(texts):,.0f} characters on average): "
        f"median parse {statistics.median(ms for ms, _, _ in per_sample):.2f} ms, "
        f"{len(texts) / total_ms * 1000:,.0f} cables/s if parsed back to back. Slowest three: "
        + ", ".join(f"{name} {ms:.2f} ms ({chars:,} chars)" for ms, name, chars in per_sample[:3])
        + ".\n"
    )

    timings, heavy = time_import(args.repeats * 2)
    print(
        f"`import cable_utils` in a fresh interpreter, {len(timings)} runs (target ≤ 200 ms): "
        f"median **{statistics.median(timings):.1f} ms** (spread {min(timings):.1f}–{max(timings):.1f} ms); "
        f"heavy modules imported: {', '.join(sorted(heavy)) or 'none (no pandas, plotly, ipywidgets, numpy)'}.\n"
    )


if __name__ == "__main__":
    main()
