"""Long runs of one pattern that once made a regular expression backtrack.

Shared by ``tests/test_fuzz.py`` (which checks that none of them hangs) and
``benchmarks/bench_pathological.py`` (which times them).
"""

from __future__ import annotations

#: Field headers a long run can follow (an empty prefix, and a minimal telegram).
PREFIXES = ("", "P 191347Z FEB 08\nFM AMEMBASSY BAKU\nTAGS: PREL\nSUBJECT: X\n")

PATHOLOGICAL = {
    "spaces": " " * 200_000,
    "letters": "A" * 200_000,
    "words": "ABC " * 50_000,
    "digits": "1" * 200_000,
    "tabs and letters": "A\t" * 100_000,
    "dashes": "-" * 200_000,
    "open parentheses": "(" * 200_000,
    "ref labels": "A. " * 70_000,
    "paren labels": "(A)" * 70_000,
    "paragraph numbers": "1." * 100_000,
    "spaced banner": "C O N F I D E N T I A L " * 8_000,
    "banner letters": "CONFIDENTIAL " * 15_000,
    "page markers": "BAKU 00001835  001.2 OF 003 " * 7_000,
    "brackets": "[" * 200_000,
    "ampersands": "&#" * 100_000,
    "html": "<a " * 70_000,
    "trailing spaces": ("x" + " " * 1000 + "\n") * 200,
    "blank lines": " \n" * 100_000,
    "dates": "2006-01-19 " * 18_000,
}
