"""The search index: build speed, memory and size, and query latency (issue 18).

Two corpora:

- **the collection's default corpus** (08BAKU151, the 24 samples and the 615
  cables of ``data/corpus``: 640 cables), built with :func:`build_index` as
  the lessons build it;
- **a synthetic Cablegate ``cables.csv``** of N rows made from the same 640
  real texts, cycled, each row with a distinct ID (the serial gets a cycle
  number) and the catalogue's origin and classification. Real texts average
  about 10,300 characters here; rows of the real release average about
  6,800 bytes (1.7 GB / 251,287), so these rows are longer than the release's.

Each build runs in a fresh subprocess, which reports its wall and CPU time and
its peak RSS (``resource.getrusage``). Queries run in another fresh process on
the built index: each query of :data:`QUERIES` (every one with a filter) is
timed ``--repeats`` times after one warm-up, end to end as the finder runs it
(``CorpusIndex.search`` with 20 hits: ranking, the count of all matches, and
the raw offsets and snippet of each hit). Prints Markdown, with the load
average before and after: the machine is shared, so repeat and quote medians.

``--by-length N`` answers "what would the rate be on the release's shorter
rows?" without changing the synthetic corpus: the 640 texts are split into
five groups by length, each group is built (fresh process, N rows cycling its
texts), and a line fitted through the five CPU times per cable gives the rate
at the release's mean row of about 6,800 bytes. It is an estimate beside the
measured number, not a replacement for it.

    python benchmarks/bench_search.py [--rows 50000] [--builds 1] [--repeats 20] [--workers 1 2]
    python benchmarks/bench_search.py --default-only
    python benchmarks/bench_search.py --rows 250000 --csv /tmp/c.csv --keep /tmp/big.sqlite
    python benchmarks/bench_search.py --query-only /tmp/big.sqlite   # queries again, when quiet
    python benchmarks/bench_search.py --by-length 4000                # CPU per cable by text length
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: (query, filters): realistic finder searches, each with a filter.
QUERIES: list[tuple[str, dict]] = [
    ("Karabakh", {"post": "BAKU"}),
    ('"Minsk Group"', {"date_from": "2008-01-01", "date_to": "2010-12-31"}),
    ("precedent", {"date_from": "2008", "date_to": "2010"}),
    ("Kosovo", {"tags": ["PREL"]}),
    ("Iran AND sanctions", {"classification": "SECRET"}),
    ('"human rights"', {"post": "PARIS"}),
    ("Karab*", {"date_from": "2006", "date_to": "2010"}),
    ("Erdogan NOT Gul", {"post": "ANKARA"}),
    ("independence", {"tags": ["KV"]}),
    ("government", {"post": "MOSCOW"}),  # a common word: most cables match before the filter
]

BUILD_PROBE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from cable_utils.corpus.index import build_index
sources, out, workers = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
wall, cpu = time.perf_counter(), time.process_time()
report = build_index(sources, out, workers=workers)
print(json.dumps({{
    "cables": report.cables, "errors": report.errors, "duplicates": report.duplicates,
    "seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu,
    "size_mb": report.size_bytes / 1e6,
    "insert_cpu_seconds": report.insert_cpu_seconds,
    "finish_cpu_seconds": report.finish_cpu_seconds,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "child_cpu_seconds": resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    + resource.getrusage(resource.RUSAGE_CHILDREN).ru_stime,
    "workers": workers,
}}))
"""

QUERY_PROBE = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from cable_utils.corpus.index import open_index
path, queries, repeats = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
results = []
with open_index(path) as index:
    for query, filters in queries:
        found = index.search(query, limit=20, **filters)  # warm-up (and the answer size)
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            index.search(query, limit=20, **filters)
            times.append((time.perf_counter() - started) * 1000)
        results.append({{"query": query, "filters": filters, "total": found.total,
                         "hits": len(found.hits), "ms": times}})
print(json.dumps(results))
"""


def real_texts() -> list[tuple[str, str, str, str]]:
    """(ID, text, origin, classification) of the 640 real cables of the collection."""
    from cable_utils.source.loading import decode_bytes

    catalogue = {}
    with (ROOT / "data" / "corpus" / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            catalogue[row["reference_id"]] = (row["origin"], row["classification"])
    files = (
        [ROOT / "data" / "cables" / "08BAKU151.txt"]
        + sorted((ROOT / "data" / "cables" / "samples").glob("*.txt"))
        + sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt"))
    )
    texts = []
    for path in files:
        origin, level = catalogue.get(path.stem, ("", ""))
        texts.append((path.stem, decode_bytes(path.read_bytes())[0], origin, level))
    return texts


#: Mean bytes of a row of the real release's cables.csv (1.7 GB / 251,287 rows).
RELEASE_ROW_BYTES = 6_800
LENGTH_GROUPS = 5


def build_csv(
    path: Path, rows: int, texts: list[tuple[str, str, str, str]] | None = None
) -> tuple[int, float]:
    """Write ``rows`` rows in the cables.csv layout (cycling ``texts``, by default
    all 640); return (bytes, mean text characters)."""
    from cable_utils.corpus.rows import write_cables_csv
    from cable_utils.source.paths import CABLE_ID_PATTERN

    texts = texts or real_texts()
    sizes: list[int] = []

    def generate():
        for number, (cable_id, text, origin, level) in enumerate(
            islice(cycle(texts), rows), start=1
        ):
            round_ = (number - 1) // len(texts)
            match = CABLE_ID_PATTERN.match(cable_id)
            unique = (
                f"{match['year']}{match['origin']}{round_ * 100_000 + int(match['serial'])}"
                if match and round_
                else cable_id
            )
            sizes.append(len(text))
            yield [str(number), "", unique, origin, level, "", "", text]

    write_cables_csv(generate(), path)
    return path.stat().st_size, statistics.fmean(sizes)


def run_build(sources: list[str], out: Path, workers: int = 1) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_PROBE.format(root=str(ROOT)), json.dumps(sources), str(out),
         str(workers)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_queries(index: Path, repeats: int) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-c", QUERY_PROBE.format(root=str(ROOT)), str(index),
         json.dumps(QUERIES), str(repeats)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def print_builds(label: str, builds: list[dict]) -> None:
    print(f"\n**Build, {label}** ({len(builds)} run(s), each in a fresh process)\n")
    print(
        "| run | workers | cables | wall s | cables/s (wall) | CPU s (main) "
        "| cables per CPU s (main + workers) | peak RSS MB (main; a worker) | index MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for number, b in enumerate(builds, start=1):
        cpu = b["cpu_seconds"] + b.get("child_cpu_seconds", 0.0)
        print(
            f"| {number} | {b.get('workers', 1)} | {b['cables']:,} | {b['seconds']:.1f} "
            f"| {b['cables'] / b['seconds']:,.0f} | {b['cpu_seconds']:.1f} "
            f"| {b['cables'] / cpu:,.0f} | {b['rss_mb']:.0f}; {b.get('child_rss_mb', 0):.0f} "
            f"| {b['size_mb']:,.1f} |"
        )
    print(
        "\nWhere the main process's CPU time goes, ms a cable: reading, parsing and "
        "making the rows (the rest) + SQLite inserts (the full-text index, mostly) + "
        "finishing (indexes, the final merge, statistics)\n"
    )
    print("| run | read + parse + rows | insert | finish | total |")
    print("|---|---|---|---|---|")
    for number, b in enumerate(builds, start=1):
        per = 1000 / b["cables"]
        insert, finish = b.get("insert_cpu_seconds", 0.0), b.get("finish_cpu_seconds", 0.0)
        rest = b["cpu_seconds"] - insert - finish
        print(
            f"| {number} | {rest * per:.3f} | {insert * per:.3f} | {finish * per:.3f} "
            f"| {b['cpu_seconds'] * per:.3f} |"
        )
    rates = [b["cables"] / b["seconds"] for b in builds]
    print(
        f"\nMedian {statistics.median(rates):,.0f} cables/s wall; "
        f"median {statistics.median(b['seconds'] for b in builds):.2f} s; "
        f"peak RSS at most {max(b['rss_mb'] for b in builds):.0f} MB."
    )


def print_queries(label: str, results: list[dict]) -> None:
    print(f"\n**Queries, {label}** (20 hits each, end to end; ms)\n")
    print("| query | filter | matching cables | median | p95 | max |")
    print("|---|---|---|---|---|---|")
    every: list[float] = []
    for r in results:
        every += r["ms"]
        flt = ", ".join(f"{k}={v}" for k, v in r["filters"].items())
        print(
            f"| `{r['query']}` | {flt} | {r['total']:,} | {statistics.median(r['ms']):.1f} "
            f"| {percentile(r['ms'], 0.95):.1f} | {max(r['ms']):.1f} |"
        )
    medians = [statistics.median(r["ms"]) for r in results]
    print(
        f"\nAll {len(every):,} timed queries: median {statistics.median(every):.1f} ms, "
        f"p95 {percentile(every, 0.95):.1f} ms, max {max(every):.1f} ms; "
        f"slowest query's median {max(medians):.1f} ms."
    )


def by_length(rows: int, scratch: Path) -> None:
    """CPU per cable of whole builds (read, parse, insert, finish) for five groups of texts by length."""
    texts = sorted(real_texts(), key=lambda entry: len(entry[1]))
    size = -(-len(texts) // LENGTH_GROUPS)
    points: list[tuple[float, float]] = []
    print(f"\n**CPU per cable by text length** ({rows:,} rows per group, each a fresh build)\n")
    print("| group | texts | mean characters | CPU ms a cable | cables per CPU s | row bytes |")
    print("|---|---|---|---|---|---|")
    for number in range(LENGTH_GROUPS):
        group = texts[number * size : (number + 1) * size]
        csv_path = scratch / f"length{number}.csv"
        nbytes, mean_chars = build_csv(csv_path, rows, group)
        build = run_build([str(csv_path)], scratch / f"length{number}.sqlite")
        csv_path.unlink()
        (scratch / f"length{number}.sqlite").unlink()
        ms = build["cpu_seconds"] * 1000 / build["cables"]
        points.append((nbytes / rows, ms))
        print(
            f"| {number + 1} | {len(group)} | {mean_chars:,.0f} | {ms:.3f} | {1000 / ms:,.0f} "
            f"| {nbytes / rows:,.0f} |"
        )
    slope, intercept = statistics.linear_regression(*zip(*points, strict=True))
    at_release = intercept + slope * RELEASE_ROW_BYTES
    print(
        f"\nFitted: {intercept:.3f} ms + {slope * 1000:.4f} ms per kB of row; at the release's "
        f"mean row ({RELEASE_ROW_BYTES:,} bytes) {at_release:.3f} ms, about "
        f"{1000 / at_release:,.0f} cables per CPU second (an estimate, not a measurement)."
    )


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    # make bench runs 50,000 rows (about two minutes); the scale test is --rows 250000
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000])
    parser.add_argument("--builds", type=int, default=1, help="builds per size (each fresh)")
    parser.add_argument("--default-builds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=20, help="timed runs of each query")
    parser.add_argument("--default-only", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the big index here (to query it again)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="parsing processes")
    parser.add_argument("--csv", type=Path, help="reuse this synthetic cables.csv (kept)")
    parser.add_argument("--query-only", type=Path, help="only time the queries on this index")
    parser.add_argument(
        "--by-length", type=int, metavar="ROWS", help="only CPU per cable by text length"
    )
    args = parser.parse_args()

    print("## Search index (`bench_search.py`)\n")
    print(f"- load average before (1, 5, 15 min): {load_average()}")
    started = time.perf_counter()
    if args.query_only:
        print_queries(
            f"the index {args.query_only.name}", run_queries(args.query_only, args.repeats)
        )
    elif args.by_length:
        with tempfile.TemporaryDirectory() as folder:
            by_length(args.by_length, Path(folder))
    else:
        with tempfile.TemporaryDirectory() as folder:
            run_all(args, Path(folder))
    print(
        f"\n- load average after: {load_average()}; "
        f"benchmark took {time.perf_counter() - started:.0f} s"
    )


def run_all(args: argparse.Namespace, scratch: Path) -> None:
    from cable_utils.corpus.index import default_sources

    sources = [str(path) for path in default_sources()]
    builds = [
        run_build(sources, scratch / f"default{n}.sqlite") for n in range(args.default_builds)
    ]
    print_builds("the collection's 640 cables (target ≤ 3 s)", builds)
    print_queries(
        "the collection's 640 cables (target ≤ 20 ms)",
        run_queries(scratch / "default0.sqlite", args.repeats),
    )
    if args.default_only:
        return
    for rows in args.rows:
        csv_path = args.csv or scratch / f"cables_{rows}.csv"
        if not csv_path.exists():
            t0 = time.perf_counter()
            nbytes, mean_chars = build_csv(csv_path, rows)
            print(
                f"\n- synthetic cables.csv: {rows:,} rows, {nbytes / 1e9:.2f} GB, "
                f"{mean_chars:,.0f} characters of text a row on average "
                f"(written in {time.perf_counter() - t0:.0f} s)"
            )
        else:
            print(
                f"\n- synthetic cables.csv reused: {csv_path} ({csv_path.stat().st_size / 1e9:.2f} GB)"
            )
        out = args.keep or scratch / f"big{rows}.sqlite"
        big = [
            run_build([str(csv_path)], out, workers)
            for workers in args.workers
            for _ in range(args.builds)
        ]
        print_builds(f"synthetic cables.csv, {rows:,} rows (target ≥ 2,000/s, RSS ≤ 300 MB)", big)
        if args.csv is None:
            csv_path.unlink()
        print_queries(
            f"{rows:,} cables (target median ≤ 200 ms, p95 ≤ 500 ms)",
            run_queries(out, args.repeats),
        )
        if not args.keep:
            out.unlink()


if __name__ == "__main__":
    main()
