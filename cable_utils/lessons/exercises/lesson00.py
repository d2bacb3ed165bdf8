"""Self-checks of lesson 00: a first look at the cable."""

from __future__ import annotations

from typing import Any

from . import Feedback, exercise
from ._helpers import fold, same_number


@exercise("00.1", prompt="Which post sent this cable? (as written on the FM line)", level="recall")
def sender(answer: Any, cable: Any) -> Feedback:
    expected = cable.origin or ""
    if fold(answer) == fold(expected):
        return Feedback(True, f"the FM line reads 'FM {expected}'.")
    if expected and fold(answer) in fold(expected):
        return Feedback(True, f"yes: the FM line reads 'FM {expected}'.")
    return Feedback(
        False,
        f"{answer!r} is not on the FM line.",
        "Look for the line that starts with FM in the summary card or the header.",
    )


@exercise("00.2", prompt="How many numbered paragraphs does the cable have?", level="recall")
def paragraph_count(answer: Any, cable: Any) -> Feedback:
    expected = sum(1 for p in cable.paragraphs if p.number is not None)
    return same_number(
        answer,
        expected,
        right=f"the body has {expected} numbered paragraphs.",
        hint="The summary card has a 'Paragraphs' row; or count the lines that start with a number and a full stop.",
    )


@exercise(
    "00.3",
    prompt="In one sentence: what is this cable about? Mention at least two places it names.",
    level="open",
)
def gist(answer: Any, cable: Any) -> Feedback:
    words = fold(answer)
    places = [
        p for p in ("kosovo", "azerbaijan", "karabakh", "baku", "serbia", "armenia") if p in words
    ]
    if len(words.split()) < 6:
        return Feedback(
            False,
            "Write a full sentence (at least six words).",
            "Start from the SUBJECT line, then say whose reaction it reports.",
        )
    if len(places) < 2:
        return Feedback(
            False,
            "Your sentence names fewer than two places.",
            "Which country declared independence, and which country reacted?",
        )
    return Feedback(
        True,
        f"a workable summary (it names {', '.join(places)}). Compare it with the SUBJECT line: what does the subject leave out?",
    )
