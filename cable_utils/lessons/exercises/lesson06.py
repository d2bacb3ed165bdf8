"""Self-checks of lesson 06: the cable among 640 others.

The expected answers are computed from the corpus the lesson searches (the
collection's default index) and from the cable the lesson reads, so they hold
for any chosen cable and for a corpus that grows. 06.4 and 06.5 are open:
saved and compared with the model answer, never "correct"; 06.4 locates every
quote of the answer in the texts of the corpus and says which cable and post
each comes from.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from ..._words import counted
from . import exercise, solution
from .answers import fold, read_items, read_number, shown
from .feedback import Feedback, ModelAnswer, Point
from .reading import quoted_phrases, word_count

__all__ = ["locate_in_corpus", "posts_of_year"]

_SEARCH_HINT = 'Search with index.search("Karabakh") and read its total, or type it in the finder.'


@cache
def _index() -> Any:
    """The collection's search index, opened once per kernel (the lesson's own corpus)."""
    from ...corpus.index import default_index

    return default_index()


@exercise(
    "06.1",
    prompt="How many cables of this corpus mention Karabakh?",
    level="recall",
    accepts="number",
)
def karabakh_count(answer: Any, cable: Any) -> Feedback:
    expected = _index().count("Karabakh")
    value, problem = read_number(answer)
    if value is None:
        return Feedback.not_yet(problem or f"{shown(answer)} holds no number.", _SEARCH_HINT)
    if value == expected:
        return Feedback.right(
            f"{counted(expected, 'cable')}. Read them in context before counting anything else: a "
            "cable that mentions the conflict once in a list is not a cable about it."
        )
    direction = "too many" if value > expected else "too few"
    return Feedback.not_yet(
        f"{value:g} is {direction}.",
        _SEARCH_HINT + " Count cables, not matches: one cable can mention it several times.",
    )


@solution("06.1")
def karabakh_count_solution(cable: Any) -> ModelAnswer:
    total = _index().count("Karabakh")
    return ModelAnswer("06.1", True, str(total), 'index.search("Karabakh").total', value=total)


def posts_of_year(year: int) -> Counter[str]:
    """Cables per post in ``year`` (by date, else the ID's year) in the default index."""
    return Counter(r["post"] for r in _index().records() if r["year"] == year and r["post"])


@exercise(
    "06.2",
    prompt="Which post sent the most cables of 2009 in this corpus? (as the cable IDs write it)",
    level="recall",
)
def busiest_post(answer: Any, cable: Any) -> Feedback:
    from ...corpus.index.query import post_code

    counts = posts_of_year(2009)
    top = max(counts.values())
    best = sorted(post for post, n in counts.items() if n == top)
    given = post_code(str(answer))
    hint = (
        'Read the 2009 column of the posts × years table (posts_by_year(index, top=500)["2009"]).'
    )
    if given in best:
        return Feedback.right(
            f"{given}, with {counted(top, 'cable')} of 2009 here. That is a fact about this sample, "
            "not about which post wrote most in 2009."
        )
    if given in counts:
        return Feedback.not_yet(
            f"{given} has {counted(counts[given], 'cable')} of 2009 here.", hint
        )
    return Feedback.not_yet(f"{shown(answer)} has no cable of 2009 in this corpus.", hint)


@solution("06.2")
def busiest_post_solution(cable: Any) -> ModelAnswer:
    counts = posts_of_year(2009)
    post, number = counts.most_common(1)[0]
    return ModelAnswer(
        "06.2", True, post, f"{counted(number, 'cable')} of 2009 in this corpus.", value=post
    )


def _cited(cable: Any) -> list[str]:
    return list(dict.fromkeys(r.id for r in cable.references if r.id))


@exercise(
    "06.3",
    prompt="Which cables does the cable of this lesson cite in its REF line? (IDs, or 'none')",
    level="analysis",
    accepts="items",
)
def cited_cables(answer: Any, cable: Any) -> Feedback:
    expected = _cited(cable)
    given = [re.sub(r"\s+", "", item).upper() for item in read_items(answer)]
    hint = "Read the REF line of the summary card, or cable.references_frame(): the id column."
    if not expected:
        if [fold(g) for g in given] in (["none"], []):
            return Feedback.right(f"{cable.id} names no other cable in a REF line.")
        return Feedback.not_yet(f"{cable.id} has no REF entry that names a cable.", hint)
    if [fold(g) for g in given] == ["none"]:  # (the prompt offers the word)
        count = len(expected)
        return Feedback.not_yet(
            f"Not quite: the REF line of {cable.id} names {counted(count, 'cable')}.",
            hint,
        )
    missing = [cable_id for cable_id in expected if cable_id not in given]
    extra = [cable_id for cable_id in given if cable_id not in expected]
    if not missing and not extra:
        known = _index().ids()
        inside = [cable_id for cable_id in expected if cable_id in known]
        if not inside:
            where = (
                "it is not in the corpus: named, not present"
                if len(expected) == 1
                else "none of them is in the corpus: they are named, not present"
            )
        else:
            where = f"{', '.join(inside)} {'is' if len(inside) == 1 else 'are'} in the corpus"
        return Feedback.right(f"{', '.join(expected)}; {where}.")
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"not in the REF line: {', '.join(extra)}")
    return Feedback.not_yet("Not quite: " + "; ".join(parts) + ".", hint)


@solution("06.3")
def cited_cables_solution(cable: Any) -> ModelAnswer:
    cited = _cited(cable)
    return ModelAnswer(
        "06.3", True, ", ".join(cited) or "none", "the REF line, entry by entry.", value=cited
    )


def locate_in_corpus(quote: str, limit: int = 50) -> list[tuple[str, str]]:
    """(cable ID, post) of the corpus cables whose text holds ``quote`` (case and spacing ignored)."""
    from ...corpus.index import QueryError
    from ...corpus.overview import locate_quote

    words = re.findall(r"\w+", quote)
    if not words:
        return []
    index = _index()
    try:  # the phrase narrows the cables; the exact text is then checked in each
        results = index.search('"' + " ".join(words) + '"', limit=limit)
    except QueryError:
        return []
    return [
        (hit.id, hit.post or "?")
        for hit in results
        if hit.id and locate_quote(index, hit.id, quote) is not None
    ]


@exercise(
    "06.4",
    prompt="Compare how two posts frame Nagorno-Karabakh or Kosovo in 2008–2010, with at least "
    "one quote (in double quotes) from a cable of each post.",
    level="open",
)
def two_posts(answer: Any, cable: Any) -> Feedback:
    quotes = quoted_phrases(answer)
    found: dict[str, list[tuple[str, str]]] = {q: locate_in_corpus(q) for q in quotes}
    posts = {post for places in found.values() for _, post in places}
    does, misses = [], []
    for quote, places in found.items():
        if places:
            where = ", ".join(f"{cable_id} ({post})" for cable_id, post in places[:3])
            does.append(Point("quote_found", f"“{quote}” is in {where}."))
        else:
            misses.append(Point("quote_not_found", f"“{quote}” is in no cable of the corpus."))
    if len(posts) >= 2:
        does.append(
            Point("two_posts", f"quotes from {len(posts)} posts: {', '.join(sorted(posts))}.")
        )
    else:
        misses.append(Point("two_posts", "quotes located in the cables of two different posts."))
    if word_count(answer) < 40:
        misses.append(Point("length", "two or three sentences of comparison (40 words or more)."))
    return Feedback.saved(
        f"{len(quotes)} quote(s), {sum(1 for p in found.values() if p)} located in the corpus. "
        "Compare with the model answer.",
        does=does,
        misses=misses,
    )


@solution("06.4")
def two_posts_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "06.4",
        True,
        "Baku reports Azerbaijani officials who read Kosovo through Nagorno-Karabakh: Kosovo's "
        'independence "will not serve as a precedent for NK\'s independence" (08BAKU151), the '
        "public is told, but the worry is exactly that. Ankara mentions the conflict as an "
        "obstacle to Turkey's protocols with Armenia, which were not ratified \"due to Turkish "
        'concerns about Nagorno-Karabakh" (10ANKARA87): a matter of Turkish policy, not of '
        "principle. Each post frames the issue through the government it reports on.",
        "quotes located in 08BAKU151 (BAKU) and 10ANKARA87 (ANKARA).",
    )


@exercise(
    "06.5",
    prompt="What can this corpus not tell you about how often U.S. posts wrote about "
    "Nagorno-Karabakh in 2008–2010, and what would you need?",
    level="open",
)
def sample_limits_answer(answer: Any, cable: Any) -> Feedback:
    text = fold(answer)
    does, misses = [], []
    checks = [
        ("selection", ("sample", "select", "chosen", "random", "test")),
        ("release", ("251", "release", "whole", "all cables", "full")),
        (
            "baseline",
            ("per post", "each post", "how many cables", "share", "proportion", "denominator"),
        ),
    ]
    labels = {
        "selection": "says the corpus is a selected sample, not a random one",
        "release": "names what it is a sample of (the 251,287-cable release)",
        "baseline": "asks for a baseline: how many cables each post sent",
    }
    for key, words in checks:
        point = Point(key, labels[key])
        (does if any(word in text for word in words) else misses).append(point)
    return Feedback.saved("Saved. Compare with the model answer.", does=does, misses=misses)


@solution("06.5")
def sample_limits_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "06.5",
        True,
        "The corpus is a test sample of 640 cables chosen for the parser, not a random draw "
        "from the 251,287, so a post with few cables here may simply be under-sampled, and a "
        "count of matches says nothing about the release. I would need the whole release (or "
        "a documented random sample) and how many cables each post sent each year, to compare "
        "shares rather than counts.",
        "selection, what the sample is of, and a baseline per post.",
    )
