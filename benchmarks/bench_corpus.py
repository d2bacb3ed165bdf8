"""Corpus throughput and peak memory on a synthetic Cablegate ``cables.csv``.

By default (issue 13) the corpus is the real-text one: the 615 cables of
``data/corpus/cables`` cycled to the wanted size (``--texts samples`` builds it
from the 24 samples plus 08BAKU151 instead, as issue 3 did), written in the
cables.csv layout (8 quoted fields, backslash escapes). Each run reports
wall-clock and CPU time: on a machine shared by several developers, cables per
CPU second of the parsing processes is the figure that load disturbs least.
Each measurement runs in a fresh subprocess, which reports its wall time and
peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``). Prints Markdown.

Targets (issue 3): ≥ 3,000 cables/s on one core; peak RSS ≤ 200 MB and flat
from 50,000 to 200,000 cables.

    python benchmarks/bench_corpus.py [--sizes 50000 200000] [--repeats 3] [--artifacts without]

``--artifacts without`` strips the WikiLeaks web-copy artifacts (``[1](#)``,
``[PREL](#)``, ``¶``, blanks at line ends) from the samples first: rows of the
real Cablegate ``cables.csv`` have none.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PROBE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
started = time.perf_counter()
if mode == "stream":  # what `python -m cable_utils corpus` does: rows straight to a CSV file
    from cable_utils.corpus.rows import write_corpus_csv
    rows, errors = write_corpus_csv(path, path + f".out{{workers}}.csv", workers=workers)
else:  # load_corpus: the whole table as a DataFrame
    from cable_utils.corpus.rows import load_corpus
    frame = load_corpus(path, workers=workers)
    rows, errors = len(frame), int(frame["error"].notna().sum())
elapsed = time.perf_counter() - started
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"rows": rows, "errors": errors, "seconds": elapsed, "cpu_seconds": cpu,
                  "rss_mb": peak_kib / 1024, "child_rss_mb": child_kib / 1024}}))
"""


_NUMBER_LINK = re.compile(r"\[\d+\]\(#\)")
_TEXT_LINK = re.compile(r"\[([^\]\n]*)\]\(#\)")
_TRAILING_BLANKS = re.compile(r"[ \t]+(?=\r?\n|\Z)")


def without_artifacts(text: str) -> str:
    """A sample text without the web-copy artifacts a Cablegate ``cables.csv`` row lacks.

    ``[1](#)`` anchors and ``¶`` go, ``[PREL](#)`` keeps its text, and blanks at
    line ends (the web copy's hard breaks) go; the line breaks stay.
    """
    text = _NUMBER_LINK.sub("", text)
    text = _TEXT_LINK.sub(r"\1", text)
    return _TRAILING_BLANKS.sub("", text.replace("\u00b6", ""))


def build_csv(path: Path, size: int, *, artifacts: bool = True) -> int:
    from cable_utils.corpus.rows import write_cables_csv
    from cable_utils.source.loading import decode_bytes

    files = [ROOT / "data" / "cables" / "08BAKU151.txt"] + sorted(
        (ROOT / "data" / "cables" / "samples").glob("*.txt")
    )
    texts = [(p.stem, decode_bytes(p.read_bytes())[0]) for p in files]
    if not artifacts:
        texts = [(cable_id, without_artifacts(text)) for cable_id, text in texts]
    rows = (
        [str(n + 1), "", cable_id, "", "", "", "", text]
        for n, (cable_id, text) in enumerate(islice(cycle(texts), size))
    )
    write_cables_csv(rows, path)
    return path.stat().st_size


def measure(mode: str, path: Path, workers: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT)), mode, str(path), str(workers)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--texts", choices=["real", "samples"], default="real")
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["stream:1", "stream:2", "frame:1"],
        help="mode:workers pairs to measure (stream = the CLI, frame = load_corpus)",
    )
    parser.add_argument(
        "--artifacts",
        choices=["with", "without"],
        default="with",
        help="keep the web-copy artifacts of the samples (default) or strip them first",
    )
    args = parser.parse_args()
    artifacts = args.artifacts == "with"

    print("## Corpus loading (`bench_corpus.py`)\n")
    print(f"- load average before: {_load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        results = []
        for size in args.sizes:
            path = Path(folder) / f"cables_{size}.csv"
            started = time.perf_counter()
            if args.texts == "real":
                from real_corpus import build_real_csv

                nbytes = build_real_csv(path, size)
            else:
                nbytes = build_csv(path, size, artifacts=artifacts)
            print(
                f"- synthetic cables.csv of {size:,} cables, {args.artifacts} web-copy "
                f"artifacts: {nbytes / 1e6:,.0f} MB "
                f"(built in {time.perf_counter() - started:.0f} s)"
            )
            repeats = args.repeats if size == min(args.sizes) else 1
            for mode, workers in (
                (pair.split(":")[0], int(pair.split(":")[1])) for pair in args.modes
            ):
                for _ in range(repeats):
                    outcome = measure(mode, path, workers)
                    results.append((size, mode, workers, outcome))
            path.unlink()
        print(
            "\n| cables | mode | workers | seconds | cables/s | cables per CPU second | peak RSS main (MB) "
            "| peak RSS worker (MB) | errors |\n|---|---|---|---|---|---|---|---|---|"
        )
        for size, mode, workers, r in results:
            rate = r["rows"] / r["seconds"]
            print(
                f"| {size:,} | {'CLI stream to CSV' if mode == 'stream' else 'load_corpus DataFrame'} "
                f"| {workers} | {r['seconds']:.1f} | {rate:,.0f} | {r['rows'] / r['cpu_seconds']:,.0f} "
                f"| {r['rss_mb']:.0f} | {r['child_rss_mb']:.0f} | {r['errors']} |"
            )
        print("\n| cables | mode | workers | runs | median cables/s | spread | peak RSS (MB) |")
        print("|---|---|---|---|---|---|---|")
        for key in dict.fromkeys((s, m, w) for s, m, w, _ in results):
            runs = [r for s, m, w, r in results if (s, m, w) == key]
            rates = [r["rows"] / r["seconds"] for r in runs]
            peaks = [r["rss_mb"] for r in runs]
            size, mode, workers = key
            print(
                f"| {size:,} | {mode} | {workers} | {len(runs)} | {statistics.median(rates):,.0f} "
                f"| {min(rates):,.0f}–{max(rates):,.0f} | {max(peaks):.0f} |"
            )
        single = [r["rows"] / r["seconds"] for s, m, w, r in results if m == "stream" and w == 1]
        print(
            f"\nOne core, streaming: median {statistics.median(single):,.0f} cables/s "
            f"(spread {min(single):,.0f}–{max(single):,.0f}; floor 2,000). "
            f"Load average after: {_load_average()}.\n"
        )


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:  # not Linux
        return "unknown"


if __name__ == "__main__":
    main()
