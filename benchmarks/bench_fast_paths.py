"""What each fast path of the corpus parse bought, measured by switching it off alone.

Issue 13 ("fast paths must pay") asks to keep a fast path only if it alone buys
at least 10 % of one-core corpus throughput. This script measures that on the
code of commit 057e69e (the last commit that had all of them): it exports
that commit to a folder, builds the real-text bench file (the 615 cables of
``data/corpus/cables`` cycled to 50,000 rows of a Cablegate ``cables.csv``),
and times ``write_corpus_csv`` (what ``python -m cable_utils corpus`` runs)
in a fresh subprocess per run, once with every fast path and once with each
one replaced by its plain specification (the code its differential test
compared it with). Runs are interleaved so that load drifts hit every variant
alike; medians are quoted with the load average. On a shared machine the
decision rests on CPU time (cables per CPU second of the one process), which
other developers' load disturbs far less than wall-clock time; both are printed.

    python benchmarks/bench_fast_paths.py --root /tmp/before [--rows 50000] [--repeats 3]

``--root`` is a folder holding ``cable_utils/`` of commit 057e69e
(``git archive 057e69e cable_utils | tar -x -C /tmp/before``). The fast paths
are gone from the current code, so this script is kept as the record of how
their value was measured (``benchmarks/README.md`` has the numbers).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from real_corpus import build_real_csv  # noqa: E402

# Each variant is a patch applied to the old code before the run: the plain
# specification in place of one fast path.
PATCHES = {
    "all fast paths": "",
    "bulk continuation removal": """
from cable_utils.source import normalise as n
n._without_continuations = lambda raw: None
""",
    "artifact candidate scan": """
from cable_utils.source import normalise as n
def plain(raw):
    for match in n._ARTIFACT_PATTERN.finditer(raw):
        yield match.lastgroup or "", match.start(), match.end(), match
n._artifact_matches = plain
""",
    "ASCII front-matter keyword scan": """
from cable_utils.parse import body as b
b._field_candidates = lambda text, start, end: [m.start() for m in b._FIELD_CANDIDATES.finditer(text, start, end)]
""",
    "_read_plain_block": """
from cable_utils.parse import body as b
def plain(text, block, body_lines, paragraphs, section, details):
    for line_text, line_start, line_end in block:
        match = b._paragraph_start(line_text)
        if match:
            section = b._start_paragraph(text, match, line_start, line_end, paragraphs, section, details)
        elif paragraphs:
            paragraphs[-1]["end"] = line_end
        else:
            paragraphs.append(b._unnumbered(line_start, line_end, section))
    return section
b._read_plain_block = plain
""",
    "banner scan chosen by TAB": """
from cable_utils.parse import body as b
b._BANNER_CANDIDATE_AFTER_NEWLINE = b._BANNER_CANDIDATE
""",
    "search_after_breaks (banner, paragraph, DTG)": """
from cable_utils.parse import body as b, parser as p
def plain(pattern, candidates, text, start, end=None, breaks="\\n"):
    return pattern.search(text, start, len(text) if end is None else end)
b.search_after_breaks = plain
p.search_after_breaks = plain
""",
    "parse_fields (rows without segments)": """
from cable_utils.corpus import rows as r
r.parse_fields = r.parse_text
""",
    "hand-written cables.csv reader": """
import csv, io
from cable_utils.corpus import rows as r
class Plain:
    def __init__(self, handle, chunk_size=None):
        self._reader = csv.reader(io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline=""), **r._CSV_DIALECT)
    @property
    def line_num(self):
        return self._reader.line_num
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._reader)
r._CablesCsvReader = Plain
""",
}

PROBE = """
import json, sys, time
sys.path.insert(0, {root!r})
{patch}
from cable_utils.corpus.rows import write_corpus_csv
path = sys.argv[1]
started, cpu = time.perf_counter(), time.process_time()
rows, errors = write_corpus_csv(path, path + ".out.csv", workers=1)
print(json.dumps({{"rows": rows, "errors": errors, "seconds": time.perf_counter() - started,
                  "cpu_seconds": time.process_time() - cpu}}))
"""


def run(root: str, patch: str, path: Path) -> tuple[float, float]:
    """(cables per CPU second, cables per wall-clock second) of one run."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=root, patch=patch), str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if data["errors"]:
        raise SystemExit(f"{data['errors']} rows failed: the patch broke the parser")
    return data["rows"] / data["cpu_seconds"], data["rows"] / data["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="a folder with cable_utils/ of 057e69e")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="variant names to run (default: all)")
    args = parser.parse_args()
    names = [name for name in PATCHES if not args.only or name in args.only]
    if "all fast paths" not in names:
        names.insert(0, "all fast paths")
    rates: dict[str, list[float]] = {name: [] for name in names}
    walls: dict[str, list[float]] = {name: [] for name in names}
    loads = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cables.csv"
        build_real_csv(path, args.rows)
        for _ in range(args.repeats):
            for name in names:
                cpu_rate, wall_rate = run(args.root, PATCHES[name], path)
                rates[name].append(cpu_rate)
                walls[name].append(wall_rate)
                loads.append(os.getloadavg()[0])
                print(
                    f"  {name}: {cpu_rate:,.0f}/CPU s, {wall_rate:,.0f}/s",
                    file=sys.stderr,
                    flush=True,
                )
    base = statistics.median(rates["all fast paths"])
    print(f"## Fast paths of 057e69e, one core, {args.rows:,} real-text rows\n")
    print(f"load average (1 min) during the runs: {min(loads):.2f}–{max(loads):.2f}\n")
    print(
        "| variant | cables per CPU second (median) | runs | wall-clock cables/s (median) "
        "| throughput the fast path buys (CPU) |"
    )
    print("|---|---|---|---|---|")
    for name in names:
        median = statistics.median(rates[name])
        runs = ", ".join(f"{rate:,.0f}" for rate in rates[name])
        wall = statistics.median(walls[name])
        bought = "" if name == "all fast paths" else f"{(base / median - 1) * 100:+.1f} %"
        label = name if name == "all fast paths" else f"without {name}"
        print(f"| {label} | {median:,.0f} | {runs} | {wall:,.0f} | {bought} |")


if __name__ == "__main__":
    main()
