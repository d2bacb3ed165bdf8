"""The search index: build speed, memory and size, and query latency (issue 18).

Two corpora:

- **the collection's default corpus** (08BAKU151, the 24 samples and the 615
  cables of ``data/corpus``: 640 cables), built with :func:`build_index` as
  the lessons build it;
- **a synthetic Cablegate ``cables.csv``** of N rows made from the same 640
  real texts, each row with a distinct ID (a copy of a text gets its serial
  followed by a six-digit copy number) and the catalogue's origin and
  classification. Two ways to draw the rows:

  - ``release`` (the default): rows as long *on average* as the real
    release's. The collection's sample is skewed toward long cables (its rows
    average about 10,300 bytes; the release's 1.7 GB over 251,287 rows is
    about 6,800, :data:`RELEASE_ROW_BYTES`), and issue 18 asks for the build
    rate at the release's scale. Each text is drawn with weight
    w ∝ exp(−λ · row bytes), λ solved by bisection so that the expected row
    is RELEASE_ROW_BYTES (of all weightings with that mean, the one closest
    to the sample's own, in relative entropy), drawn by systematic sampling (each text appears ⌊N·p⌋ or ⌈N·p⌉ times)
    in a seeded order: deterministic, and the achieved mean is the target's
    within a few bytes. It models the release's *mean row*, not its length
    distribution: short texts are repeated more, long ones rarely, and the
    spread of lengths is the sample's, reweighted. The benchmark prints the
    achieved mean row bytes, the distinct texts used and the weight range.
  - ``cycled``: the 640 texts cycled in turn (the corpus of the earlier
    rounds, 10,300 bytes a row), printed as a second line for comparison.

Each build runs in a fresh subprocess, which reports its wall and CPU time and
its peak RSS (``resource.getrusage``). Queries run in another fresh process on
the built index: each query of :data:`QUERIES` (every one with a filter) is
timed ``--repeats`` times after one warm-up, end to end as the finder runs it
(``CorpusIndex.search`` with 20 hits: ranking, the count of all matches, and
the raw offsets and snippet of each hit). Prints Markdown, with the load
average before and after: the machine is shared, so repeat and quote medians.

``--by-length N`` is the earlier rounds' estimate, from before the
``release`` corpus measured the rate directly: the 640 texts are split into
five groups by length, each group is built (fresh process, N rows cycling its
texts), and a line fitted through the five CPU times per cable gives the rate
at the release's mean row of about 6,800 bytes. It is an estimate beside the
measured number, not a replacement for it.

    python benchmarks/bench_search.py [--rows 50000] [--builds 1] [--repeats 20] [--workers 1 2]
    python benchmarks/bench_search.py --rows 250000 --corpus release --keep /tmp/big.sqlite
    python benchmarks/bench_search.py --rows 250000 --corpus cycled --cycled-csv /tmp/c250k.csv
    python benchmarks/bench_search.py --default-only
    python benchmarks/bench_search.py --query-only /tmp/big.sqlite   # queries again, when quiet
    python benchmarks/bench_search.py --by-length 4000                # CPU per cable by text length
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cable_utils.source.paths import CABLE_ID_PATTERN  # noqa: E402 (after the path)

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

Text = tuple[str, str, str, str]  # (ID, text, origin, classification)

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


def real_texts() -> list[Text]:
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
#: Seed of the release-like corpus's row order (any fixed value: the corpus is then the same
#: on every machine and run).
ORDER_SEED = 18
#: Digits of the copy number appended to a text's serial: a copy's ID is then longer than
#: any real serial, so it can clash neither with a real ID nor with another copy's.
COPY_DIGITS = 6
CORPORA = ("release", "cycled")


@dataclass(frozen=True)
class Draw:
    """Which text each row of a synthetic corpus is, and how the texts were weighted."""

    picks: list[int]  # an index into the texts, one per row
    weights: list[float]  # each text's probability (sums to 1)
    tilt: float  # λ of w ∝ exp(−λ·row bytes), per byte (0: every text alike)
    expected_row_bytes: float  # Σ w·row bytes


def csv_row(number: int, cable_id: str, text: str, origin: str, level: str) -> list[str]:
    """A row in the cables.csv layout: the whole text as the body, header and dates empty."""
    return [str(number), "", cable_id, origin, level, "", "", text]


def csv_row_bytes(row: list[str]) -> int:
    """Bytes the row takes in a cables.csv (UTF-8, quoted, backslash escapes, newline)."""
    handle = io.StringIO()
    csv.writer(
        handle, quoting=csv.QUOTE_ALL, escapechar="\\", doublequote=False, lineterminator="\n"
    ).writerow(row)
    return len(handle.getvalue().encode("utf-8"))


def tilt_weights(sizes: Sequence[float], tilt: float) -> list[float]:
    """exp(−tilt·s) for each size, normalised to sum to 1 (shifted by the smallest size,
    or the largest for a negative tilt, so that no exp() overflows)."""
    low = min(sizes) if tilt >= 0 else max(sizes)
    factors = [math.exp(-tilt * (size - low)) for size in sizes]
    total = sum(factors)
    return [factor / total for factor in factors]


def tilted_mean(sizes: Sequence[float], tilt: float) -> float:
    """Σ s·exp(−tilt·s) / Σ exp(−tilt·s): the mean size under :func:`tilt_weights`."""
    return sum(w * size for w, size in zip(tilt_weights(sizes, tilt), sizes, strict=True))


def solve_tilt(sizes: Sequence[float], target: float) -> float:
    """λ such that the exp(−λ·size)-weighted mean of ``sizes`` is ``target`` (bisection).

    The weighted mean falls steadily from the largest size (λ → −∞) to the
    smallest (λ → +∞), so one λ fits any target strictly between them.
    """
    low_size, high_size = min(sizes), max(sizes)
    if not low_size < target < high_size:
        raise ValueError(
            f"a mean of {target:,} is outside the sizes' range {low_size:,}–{high_size:,}"
        )
    # In units of the sizes' range, |λ| ≤ 700 keeps every exp() finite (and is far enough
    # that the mean is within a hair of the smallest or largest size).
    span = high_size - low_size
    low, high = -700.0 / span, 700.0 / span
    for _ in range(200):
        middle = (low + high) / 2
        if tilted_mean(sizes, middle) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def systematic_draw(weights: Sequence[float], rows: int, seed: int = ORDER_SEED) -> list[int]:
    """``rows`` indices into ``weights``, index i about rows·wᵢ/Σw times, in a seeded order.

    Systematic sampling: one evenly spaced comb over the cumulative weights,
    so each count is the floor or the ceiling of its expectation (a random
    draw would add sampling noise to the corpus's mean), then shuffled so that
    copies of a text do not come in runs.
    """
    total = sum(weights)
    step = total / rows
    position = step / 2
    cumulative = 0.0
    picks: list[int] = []
    for index, weight in enumerate(weights):
        cumulative += weight
        while position < cumulative and len(picks) < rows:
            picks.append(index)
            position += step
    picks += [len(weights) - 1] * (rows - len(picks))  # float round-off at the very end
    random.Random(seed).shuffle(picks)
    return picks


def release_like_draw(texts: Sequence[Text], rows: int, target: float = RELEASE_ROW_BYTES) -> Draw:
    """Rows drawn from ``texts`` so that their mean row bytes is ``target`` (see the docstring)."""
    sizes = [csv_row_bytes(csv_row(0, *entry)) for entry in texts]
    tilt = solve_tilt(sizes, target)
    weights = tilt_weights(sizes, tilt)
    return Draw(systematic_draw(weights, rows), weights, tilt, tilted_mean(sizes, tilt))


def cycled_draw(texts: Sequence[Text], rows: int) -> Draw:
    """Every text in turn, again and again (the corpus of the earlier rounds)."""
    sizes = [csv_row_bytes(csv_row(0, *entry)) for entry in texts]
    weights = [1 / len(texts)] * len(texts)
    return Draw(
        [number % len(texts) for number in range(rows)], weights, 0.0, statistics.fmean(sizes)
    )


def copy_id(cable_id: str, copy: int) -> str:
    """A distinct ID for the ``copy``-th reuse of a text (0: the real ID)."""
    match = CABLE_ID_PATTERN.match(cable_id)
    if not copy or not match:
        return cable_id
    return f"{match['year']}{match['origin']}{int(match['serial'])}{copy:0{COPY_DIGITS}d}"


@dataclass(frozen=True)
class CorpusSummary:
    """What a synthetic cables.csv is: printed beside its build numbers."""

    corpus: str
    rows: int
    bytes: int
    mean_chars: float
    distinct_texts: int
    draw: Draw

    @property
    def mean_row_bytes(self) -> float:
        return self.bytes / self.rows

    def describe(self) -> str:
        weights = self.draw.weights
        low, high = min(weights), max(weights)
        return (
            f"{self.corpus}: {self.rows:,} rows, {self.bytes / 1e9:.2f} GB, mean row "
            f"{self.mean_row_bytes:,.0f} bytes (expected {self.draw.expected_row_bytes:,.0f}), "
            f"{self.mean_chars:,.0f} characters of text a row, {self.distinct_texts} distinct "
            f"texts, weights {low:.2e}–{high:.2e} a text ({high / low:,.0f}:1), "
            f"λ {self.draw.tilt:.3e} a byte"
        )


def build_csv(
    path: Path, rows: int, texts: Sequence[Text] | None = None, *, corpus: str = "release"
) -> CorpusSummary:
    """Write ``rows`` rows in the cables.csv layout drawn from ``texts`` (by default all 640)."""
    from cable_utils.corpus.rows import write_cables_csv

    texts = texts or real_texts()
    draw = release_like_draw(texts, rows) if corpus == "release" else cycled_draw(texts, rows)
    copies = [0] * len(texts)
    chars = 0

    def generate() -> Iterator[list[str]]:
        nonlocal chars
        for number, pick in enumerate(draw.picks, start=1):
            cable_id, text, origin, level = texts[pick]
            chars += len(text)
            yield csv_row(number, copy_id(cable_id, copies[pick]), text, origin, level)
            copies[pick] += 1

    write_cables_csv(generate(), path)
    distinct = sum(1 for count in copies if count)
    return CorpusSummary(corpus, rows, path.stat().st_size, chars / rows, distinct, draw)


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
        summary = build_csv(csv_path, rows, group, corpus="cycled")
        nbytes, mean_chars = summary.bytes, summary.mean_chars
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
    # make bench runs 50,000 rows of each corpus (about three minutes); the scale test
    # is --rows 250000 --corpus release
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000])
    parser.add_argument("--builds", type=int, default=1, help="builds per size (each fresh)")
    parser.add_argument("--default-builds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=20, help="timed runs of each query")
    parser.add_argument("--default-only", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the big index here (to query it again)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="parsing processes")
    parser.add_argument(
        "--corpus", nargs="+", choices=CORPORA, default=list(CORPORA),
        help="synthetic corpora to build: release-like rows (the measure), the 640 cycled",
    )  # fmt: skip
    parser.add_argument(
        "--csv",
        type=Path,
        help="the release-like cables.csv: reused if it exists, else written (kept)",
    )
    parser.add_argument(
        "--cycled-csv",
        type=Path,
        help="the cycled cables.csv: reused if it exists, else written (kept)",
    )
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
    lines: list[str] = []
    for rows in args.rows:
        for corpus in args.corpus:
            lines += synthetic_builds(args, scratch, rows, corpus)
    print("\n**Synthetic cables.csv, one line per corpus** (median of the builds; CPU of the")
    print("main process and any workers)\n")
    print("| corpus | rows | mean row bytes | cables per CPU s | CPU ms a cable | cables/s wall |")
    print("|---|---|---|---|---|---|")
    print("\n".join(lines))


def synthetic_builds(args: argparse.Namespace, scratch: Path, rows: int, corpus: str) -> list[str]:
    """Build (and query) one synthetic corpus of ``rows`` rows; its line for the summary."""
    given = args.csv if corpus == "release" else args.cycled_csv
    csv_path = given or scratch / f"{corpus}_{rows}.csv"
    if csv_path.exists():
        print(
            f"\n- synthetic cables.csv ({corpus}) reused: {csv_path} "
            f"({csv_path.stat().st_size / 1e9:.2f} GB; its mean row is measured below)"
        )
    else:
        t0 = time.perf_counter()
        summary = build_csv(csv_path, rows, corpus=corpus)
        print(
            f"\n- synthetic cables.csv, {summary.describe()} "
            f"(written in {time.perf_counter() - t0:.0f} s)"
        )
    out = keep_path(args.keep, corpus, len(args.corpus)) or scratch / f"{corpus}{rows}.sqlite"
    big = [
        run_build([str(csv_path)], out, workers)
        for workers in args.workers
        for _ in range(args.builds)
    ]
    label = f"synthetic cables.csv ({corpus}), {rows:,} rows (target ≥ 2,000/s, RSS ≤ 300 MB)"
    print_builds(label, big)
    row_bytes = csv_path.stat().st_size / (big[0]["cables"] + big[0]["duplicates"])
    if given is None:
        csv_path.unlink()
    print_queries(
        f"{rows:,} cables ({corpus}; target median ≤ 200 ms, p95 ≤ 500 ms)",
        run_queries(out, args.repeats),
    )
    if not args.keep:
        out.unlink()
    lines = []
    for workers in args.workers:
        runs = [b for b in big if b["workers"] == workers]
        cpu = statistics.median(b["cpu_seconds"] + b.get("child_cpu_seconds", 0.0) for b in runs)
        wall = statistics.median(b["seconds"] for b in runs)
        name = corpus if len(args.workers) == 1 else f"{corpus}, {workers} worker(s)"
        lines.append(
            f"| {name} | {runs[0]['cables']:,} | {row_bytes:,.0f} | {runs[0]['cables'] / cpu:,.0f} "
            f"| {cpu * 1000 / runs[0]['cables']:.3f} | {runs[0]['cables'] / wall:,.0f} |"
        )
    return lines


def keep_path(keep: Path | None, corpus: str, corpora: int) -> Path | None:
    """Where to keep a corpus's index: ``--keep`` itself, or with the corpus's name when several."""
    if keep is None or corpora == 1:
        return keep
    return keep.with_name(f"{keep.stem}.{corpus}{keep.suffix}")


if __name__ == "__main__":
    main()
