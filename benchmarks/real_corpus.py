"""The real-text bench file: ``data/corpus/cables`` cycled into a Cablegate ``cables.csv``.

Issue 13 measures corpus speed on real text (615 real cables, as published)
rather than on the web copies of the 24 samples. Rows are written in the
``cables.csv`` layout (eight quoted fields, backslash escapes), with the text in
the body field and the catalogue's ID in the ID field.
"""

from __future__ import annotations

import csv
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus" / "cables"


def real_texts() -> list[tuple[str, str]]:
    """(ID, text) of every file of the real-text corpus, in name order."""
    return [
        (path.stem, path.read_bytes().decode("utf-8", "replace"))
        for path in sorted(CORPUS.glob("*.txt"))
    ]


def build_real_csv(path: Path, rows: int) -> int:
    """Write ``rows`` rows cycling the real-text corpus to ``path``; return its size in bytes."""
    texts = real_texts()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(
            handle, quoting=csv.QUOTE_ALL, escapechar="\\", doublequote=False, lineterminator="\n"
        )
        for number, (cable_id, text) in enumerate(islice(cycle(texts), rows), start=1):
            writer.writerow([str(number), "", cable_id, "", "", "", "", text])
    return path.stat().st_size
