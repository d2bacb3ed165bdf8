"""Redrawing a huge cable: ``views.render.highlight_html`` on a 2.3 MB synthetic cable.

Issue 13 asks for a redraw "well under 1 s" (it was quadratic in the number of
segments). The cable is 08BAKU151 with its numbered paragraphs repeated until
the text is about 2.3 MB, parsed with ``parse_text`` (``load_cable`` refuses
texts over 2 MB); every segment is highlighted, as the segment explorer does
with all kinds switched on. Prints Markdown.

    python benchmarks/bench_render.py [--megabytes 2.3] [--repeats 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def huge_cable_text(megabytes: float) -> str:
    seed = (ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    head, found, rest = seed.partition("[1](#)1. ")
    body, _, signature = rest.rpartition("\n\n")
    if not found or not body.strip():
        raise SystemExit("08BAKU151 no longer has its first paragraph where this bench expects it")
    paragraph = "[1](#)1. " + body.strip() + "\n\n"
    count = int(megabytes * 1e6 // len(paragraph.encode())) + 1
    return head + "\n" + paragraph * count + signature


def main() -> None:
    from cable_utils.parse import parse_text
    from cable_utils.views.render import highlight_html

    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=2.3)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    text = huge_cable_text(args.megabytes)
    cable = parse_text(text)
    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        html = highlight_html(cable.raw, cable.segments)
        times.append(time.perf_counter() - started)
    print("## Redrawing a huge cable (`bench_render.py`)\n")
    print(f"- load average before: {os.getloadavg()[0]:.2f}")
    print(
        f"- {len(text.encode()) / 1e6:.1f} MB synthetic cable, {len(cable.segments):,} segments, "
        f"{len(html) / 1e6:.1f} MB of HTML"
    )
    print(
        f"- `highlight_html`, every segment: median {statistics.median(times) * 1000:,.0f} ms "
        f"(min {min(times) * 1000:,.0f}, max {max(times) * 1000:,.0f}, {args.repeats} runs)"
    )


if __name__ == "__main__":
    main()
