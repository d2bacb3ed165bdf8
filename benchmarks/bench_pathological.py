"""Parse time of the pathological inputs in ``tests/pathological_inputs.py``.

Each input is a long run of one pattern (200,000 spaces, 70,000 "A. " …) that
once made, or could make, a regular expression backtrack. The unit tests only
check that none of them hangs; this script reports how long each takes, so a
slow regression shows up as a number. Prints Markdown (``make bench``).
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pathological_inputs import PATHOLOGICAL, PREFIXES  # noqa: E402

from cable_utils.errors import CableError  # noqa: E402
from cable_utils.parse import parse_text  # noqa: E402

REPEATS = 3


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        with contextlib.suppress(CableError):
            parse_text(text)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    rows = []
    for kind, run in sorted(PATHOLOGICAL.items()):
        worst = max(
            _seconds(prefix + run + tail) for prefix in PREFIXES for tail in ("", "\n1. (C) text\n")
        )
        rows.append((worst, kind, len(run)))
    print("## Pathological inputs (best of 3, worst over prefixes)\n")
    print("| input | characters | seconds |")
    print("|---|---:|---:|")
    for worst, kind, size in sorted(rows, reverse=True):
        print(f"| {kind} | {size:,} | {worst:.3f} |")


if __name__ == "__main__":
    main()
