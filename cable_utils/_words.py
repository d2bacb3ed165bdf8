"""Counts in words: ``1 cable``, ``2 cables``.

Every count a learner reads beside a noun goes through :func:`counted`, so that a
remixer's short cable or small corpus never reads "1 mentions" or "1 cables".
Standard library only: every layer, the parser's messages included, may use it.
"""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The number with its noun: ``counted(1, "cable")`` is ``"1 cable"``.

    The plural adds an s unless ``plural`` is given: ``counted(2, "entry", "entries")``.

    >>> counted(1, "mention"), counted(31, "mention"), counted(1_500, "REF entry", "REF entries")
    ('1 mention', '31 mentions', '1,500 REF entries')
    """
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
