"""The answer tables of tests/answers/ for any test: ``from answer_tables import ROWS``.

The tables are written by reading the cables (see tests/answers/README.md); tests take
their expected verdicts from here, never from the checkers.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VERDICT = re.compile(r'data-verdict="([a-z-]+)"')


def _rows() -> list[dict[str, str]]:
    rows = []
    for table in sorted((REPO / "tests" / "answers").glob("lesson*.csv")):
        with table.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                row["where"] = f"{table.name}:{line}"
                rows.append(row)
    return rows


ROWS = _rows()


def verdict_of(expect: str) -> str:
    """ "saved does=quote misses=hedge" → "saved"."""
    return " ".join(w for w in expect.split() if not w.startswith(("does=", "misses=")))


def placeholder_verdict(exercise_id: str, cable_id: str) -> str:
    """What a check cell shows with its ``...`` still in place: "no answer" or "not available"."""
    rows = [r for r in ROWS if r["exercise"] == exercise_id and r["cable"] == cable_id]
    assert rows, f"the answer tables have no row for {exercise_id} on {cable_id}"
    unavailable = {verdict_of(r["expect"]) == "not available" for r in rows}
    assert len(unavailable) == 1, (
        f"the tables disagree on whether {exercise_id} works on {cable_id}"
    )
    return "not available" if unavailable.pop() else "no answer"


def html_of(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        value = output.get("data", {}).get("text/html")
        if value:
            parts.append(value if isinstance(value, str) else "".join(value))
    return "".join(parts)


def cell_verdicts(cell) -> list[str]:
    """The verdicts a cell's self-check output shows (its ``data-verdict`` attributes)."""
    return [v.replace("-", " ") for v in VERDICT.findall(html_of(cell))]
