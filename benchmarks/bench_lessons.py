"""Lessons 01–02: headless run time (kernel start included) and widget callback p95.

    .venv/bin/python benchmarks/bench_lessons.py

Targets (issue 4): each lesson ≤ 8 s headless including kernel start; each widget
callback ≤ 50 ms p95 in-kernel. Numbers are printed, never asserted.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

LESSONS = ["notebooks/01_anatomy_of_a_cable.ipynb", "notebooks/02_reading_the_body.ipynb"]
ROUNDS = 40


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def time_callbacks() -> list[tuple[str, float, float]]:
    from cable_utils import load_cable
    from cable_utils.widgets import (
        addressee_map,
        header_decoder,
        paragraph_browser,
        redaction_simulator,
        segment_explorer,
    )

    cable = load_cable("08BAKU151")
    results = []

    def measure(name: str, panel, control: str, values: list) -> None:
        widget = panel.controls[control]
        samples = []
        for index in range(ROUNDS):
            value = values[index % len(values)]
            if widget.value == value:
                value = values[(index + 1) % len(values)]
            started = time.perf_counter()
            widget.value = value
            samples.append((time.perf_counter() - started) * 1000)
        results.append((name, statistics.median(samples), p95(samples)))

    explorer = segment_explorer(cable)
    measure("segment_explorer: toggle", explorer, "kind:subject", [True, False])
    measure("segment_explorer: segment", explorer, "segment", list(range(len(cable.segments))))
    decoder = header_decoder(cable)
    measure("header_decoder: line", decoder, "line", list(decoder.controls["line"].options))
    where = addressee_map(cable)
    measure("addressee_map: show", where, "show", list(where.controls["show"].options))
    browser = paragraph_browser(cable)
    measure("paragraph_browser: mode", browser, "mode", ["number", "section", "marking"])
    simulator = redaction_simulator(cable)
    measure(
        "redaction_simulator: reader",
        simulator,
        "reader",
        list(simulator.controls["reader"].options),
    )
    return results


def main() -> None:
    from nbrun import run_notebook

    print("Lesson runs (nbclient, kernel start included):")
    for lesson in LESSONS:
        for attempt in (1, 2):
            started = time.perf_counter()
            run_notebook(REPO / lesson)
            print(f"  {lesson}  run {attempt}: {time.perf_counter() - started:.2f} s")
    print(f"Widget callbacks, {ROUNDS} changes each (ms):")
    for name, median, high in time_callbacks():
        print(f"  {name:32s} median {median:6.1f}   p95 {high:6.1f}")


if __name__ == "__main__":
    main()
