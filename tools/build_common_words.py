"""Write ``data/actors/common_words.txt``: words the corpus writes in lower case.

A cable written entirely in capitals cannot show which words are names. The draft
finder reads such a cable with this list instead: a word that mixed-case cables
of the corpus write in lower case (in at least ``MIN_CABLES`` of them) is an
ordinary word, not a name. Run from the repository root::

    .venv/bin/python tools/build_common_words.py           # writes the file
    .venv/bin/python tools/build_common_words.py --check   # exit 1 if it would change
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "actors" / "common_words.txt"
MIN_CABLES = 3
HEADER = (
    "# Words written in lower case in at least 3 mixed-case cables of data/corpus/ "
    "(tools/build_common_words.py); one a line.\n"
)


def build() -> str:
    seen: Counter[str] = Counter()
    for path in sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        letters = re.findall(r"[A-Za-z]", text)
        if not letters or sum(c.islower() for c in letters) < 0.2 * len(letters):
            continue  # a cable in capitals says nothing about case
        seen.update(set(re.findall(r"(?<![\w'-])[a-z][a-z'-]*[a-z](?![\w'-])", text)))
    words = sorted(w for w, n in seen.items() if n >= MIN_CABLES)
    return HEADER + "\n".join(words) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
