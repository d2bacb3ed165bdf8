"""Name folding: case- and diacritic-blind comparison of names, with a map back.

>>> fold("Mämmädov")
'mammadov'
>>> fold("İBRAHİM")
'ibrahim'
>>> bool(form_pattern("Khazar Ibrahimov").search(fold("said Khazar  IBRAHIMOV.")))
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_with_map", "form_pattern"]


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Case- and diacritic-folded text, and for each folded character its index in ``text``.

    "İbrahim" folds to "ibrahim" and "Mämmädov" to "mammadov"; a character that
    folds to several (German ß → ss) maps every piece back to itself.

        >>> fold_with_map("Straße")
        ('strasse', [0, 1, 2, 3, 4, 4, 5])
    """
    pieces: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char.isascii():
            folded = char.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        pieces.append(folded)
        index.extend([position] * len(folded))
    return "".join(pieces), index


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The folded text alone (see :func:`fold_with_map`); cached: forms are folded often."""
    return fold_with_map(text)[0]


@lru_cache(maxsize=1024)
def form_pattern(form: str) -> re.Pattern[str]:
    """A whole-word pattern for a folded form; spaces match any run of white space."""
    words = [re.escape(word) for word in fold(form).split()]
    return re.compile(r"(?<![\w.])" + r"\s+".join(words) + r"(?!\w|\.\w)")
