"""How good are draft actors? Precision and recall against hand-keyed cables.

For each cable in ``tests/data/actors_gold/cables.csv`` this runs
``draft_actors(cable)`` and compares it with the hand-keyed list
(``score_draft``): **precision** of (actor, type) over every draft row, and
**recall** of the actors the cable mentions at least three times (found with
any type). Targets (issue 17): precision ≥ 0.85, recall ≥ 0.9. Tuning and
held-out cables are reported apart: the rules were written while looking at
the tuning cables only.

    python benchmarks/bench_draft_actors.py            # Markdown summary
    python benchmarks/bench_draft_actors.py --details  # every draft row and every miss
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cable_utils import load_cable  # noqa: E402
from cable_utils.analysis.actors import draft_actors  # noqa: E402
from cable_utils.analysis.actors.evaluation import (  # noqa: E402
    DraftScore,
    read_reference_csv,
    score_draft,
)

GOLD = ROOT / "tests" / "data" / "actors_gold"
TARGETS = {"precision": 0.85, "recall": 0.9}


def score_cable(cable_id: str) -> DraftScore:
    reference = read_reference_csv(
        (GOLD / f"{cable_id}.csv").read_text(encoding="utf-8"), where=f"{cable_id}.csv"
    )
    cable = load_cable((ROOT / "data" / "corpus" / "cables" / f"{cable_id}.txt").read_text())
    return score_draft(draft_actors(cable).actors, reference)


def _row(label: str, scores: list[DraftScore]) -> str:
    right = sum(s.right for s in scores)
    rows = sum(len(s.judged) for s in scores)
    found = sum(len(s.found) for s in scores)
    frequent = sum(len(s.frequent) for s in scores)
    precision = right / rows if rows else 1.0
    recall = found / frequent if frequent else 1.0
    return f"| {label} | {right}/{rows} = **{precision:.2f}** | {found}/{frequent} = **{recall:.2f}** |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every draft row and miss")
    parser.add_argument("--split", help="list details only for this split (e.g. tuning)")
    args = parser.parse_args(argv)
    with (GOLD / "cables.csv").open(encoding="utf-8", newline="") as handle:
        cables = list(csv.DictReader(handle))
    print("## Draft actors against hand-keyed cables (`bench_draft_actors.py`)\n")
    print(f"Targets: precision of (actor, type) ≥ {TARGETS['precision']}, "
          f"recall of actors mentioned ≥ 3 times ≥ {TARGETS['recall']}.\n")  # fmt: skip
    print("| cable | split | precision (actor, type) | recall (≥ 3 mentions) |")
    print("|---|---|---|---|")
    by_split: dict[str, list[DraftScore]] = {}
    details = []
    for row in cables:
        score = score_cable(row["cable_id"])
        by_split.setdefault(row["split"], []).append(score)
        line = _row(row["cable_id"], [score]).replace(" |", f" | {row['split']} |", 1)
        print(line)
        if args.split in (None, row["split"]):
            details.append((row["cable_id"], score))
    print("\n| cables | precision | recall |")
    print("|---|---|---|")
    for split, scores in by_split.items():
        print(_row(f"{split} ({len(scores)})", scores))
    every = [s for scores in by_split.values() for s in scores]
    print(_row(f"all ({len(every)})", every))
    if args.details:
        for cable_id, score in details:
            print(f"\n### {cable_id}\n")
            for j in score.judged:
                ref = f" → {j.reference.name} ({j.reference.type})" if j.reference else ""
                print(f"- {j.verdict}: {j.actor.name} [{j.actor.type}]{ref}  _{j.actor.role}_")
            for ref in score.missed:
                print(f"- MISSED: {ref.name} ({ref.type}, {ref.mentions} mentions)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
