"""Tables of a search index for lesson 06: the corpus at a glance, concordances, the REF web.

Every function takes an open :class:`~cable_utils.corpus.index.CorpusIndex`
and returns a pandas DataFrame (pandas is imported inside each function, so
importing this module stays cheap). Figures of these tables are in
:mod:`cable_utils.views.plots.corpus`; each figure's text twin is the table.

Counts are of cables, and of the cables in *this* index: a sample of the
Cablegate release, never the release (lesson 06 says what the sample can and
cannot show).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._arguments import CABLE_ID, INDEX, YEARS, takes, words
from ..errors import CableNotFoundError
from .index import CorpusIndex
from .index.base import split_tags
from .index.query import post_code
from .thread import ThreadCable, corpus_thread

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "CONCORDANCE_COLUMNS",
    "catalogue_disagreements",
    "classification_mix",
    "concordance",
    "corpus_table",
    "issue_across_posts",
    "RELEASE_ROWS",
    "locate_quote",
    "posts_by_year",
    "reference_thread",
    "reference_web",
    "sample_limits",
    "tags_alongside",
]

CONCORDANCE_COLUMNS = ["id", "date", "post", "left", "match", "right", "start", "end"]
_SPACE = re.compile(r"\s+")


@takes(INDEX)
def corpus_table(index: CorpusIndex) -> pd.DataFrame:
    """One row per cable: ID, post, year, date (and where it came from), classification, subject, TAGS, REFs."""
    import pandas as pd

    columns = [
        "id", "post", "year", "day", "date_from", "classification", "subject", "tags", "refs",
        "origin", "signer", "catalogue_date", "catalogue_classification", "catalogue_origin",
        "error",
    ]  # fmt: skip
    frame = pd.DataFrame(index.records(), columns=[*columns, "rowid"])[columns]
    frame["tags"] = frame["tags"].map(split_tags)
    frame["refs"] = frame["refs"].map(lambda value: tuple(value.split()) if value else ())
    return frame.rename(columns={"day": "date"})


@takes(INDEX)
def posts_by_year(
    index: CorpusIndex,
    *,
    top: int = 12,
    since: int | None = 2004,
    query: str | None = None,
    **filters: Any,
) -> pd.DataFrame:
    """Cables per post (rows) and year (columns), the ``top`` posts by total, the rest summed.

    Years before ``since`` are summed in one column (``before 2004``); the
    last column is each post's total. With ``query``, counts only the cables
    that match it (and the filters of
    :meth:`~cable_utils.corpus.index.CorpusIndex.search`).
    """
    import pandas as pd

    if query is None:
        counts = Counter(
            (r["post"] or "unknown", r["year"]) for r in index.records() if r["year"] is not None
        )
    else:
        counts = Counter()
        for post, year, number in index.counts_by_post_year(query, **filters):
            if year is not None:
                counts[(post or "unknown", year)] += number
    if not counts:
        return pd.DataFrame(columns=["post", "total"]).set_index("post")
    long = pd.DataFrame(
        [(post, year, number) for (post, year), number in counts.items()],
        columns=["post", "year", "cables"],
    )
    wide = long.pivot_table(
        index="post", columns="year", values="cables", aggfunc="sum", fill_value=0
    )
    first = int(long.year.min()) if since is None else max(int(long.year.min()), since)
    years = list(range(first, int(long.year.max()) + 1))
    earlier = [year for year in wide.columns if year < first]
    wide = wide.reindex(columns=sorted(set(years) | set(earlier)), fill_value=0)
    if earlier:
        wide.insert(0, f"before {first}", wide[earlier].sum(axis=1))
        wide = wide.drop(columns=earlier)
    wide["total"] = wide.sum(axis=1)
    wide = wide.sort_values(["total"], ascending=False, kind="stable")
    if len(wide) > top:
        rest = wide.iloc[top:].sum().to_frame(f"{len(wide) - top} other posts").T
        wide = pd.concat([wide.iloc[:top], rest])
    wide.index.name = "post"
    wide.columns = [str(column) for column in wide.columns]
    return wide.astype(int)


@takes(INDEX)
def classification_mix(index: CorpusIndex) -> pd.DataFrame:
    """Cables per classification level, with their share (``none read`` where the text gives none)."""
    import pandas as pd

    counts = Counter((r["classification"] or "none read") for r in index.records())
    frame = pd.DataFrame(counts.most_common(), columns=["classification", "cables"])
    frame["share"] = (frame["cables"] / frame["cables"].sum()).round(3)
    return frame


@takes(INDEX, focus=words("a TAGS code or a list of them", 'focus=["AJ", "KV"]'))
def tags_alongside(
    index: CorpusIndex, focus: Sequence[str] = ("AJ", "KV", "AM"), *, top: int = 8
) -> pd.DataFrame:
    """For each focus TAG, the TAGS most often found on the same cables.

    Columns: ``focus``, ``cables_with_focus``, ``tag``, ``together`` (cables
    with both) and ``share`` (of the focus tag's cables). A focus tag on no
    cable gets one row with ``tag`` empty, so the table says so.
    """
    import pandas as pd

    tagged = [set(split_tags(r["tags"])) for r in index.records() if r["tags"]]
    rows = []
    codes = [focus] if isinstance(focus, str) else focus  # "AJ" is one code, not two letters
    for code in (c.strip().upper() for c in codes):
        with_focus = [tags for tags in tagged if code in tags]
        together = Counter(tag for tags in with_focus for tag in tags if tag != code)
        if not with_focus:
            rows.append((code, 0, "", 0, 0.0))
        for tag, number in together.most_common(top):
            rows.append((code, len(with_focus), tag, number, round(number / len(with_focus), 3)))
    return pd.DataFrame(rows, columns=["focus", "cables_with_focus", "tag", "together", "share"])


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    left = _SPACE.sub(" ", text[max(0, start - 3 * width) : start])[-width:]
    right = _SPACE.sub(" ", text[end : end + 3 * width])[:width]
    return left, _SPACE.sub(" ", text[start:end]), right


@takes(INDEX)
def concordance(
    index: CorpusIndex,
    query: str,
    *,
    width: int = 50,
    cables: int = 200,
    order: str = "date",
    **filters: Any,
) -> pd.DataFrame:
    """Keyword in context: one row per match, with the cable's ID, date and post.

    ``left``/``right`` are ``width`` characters of context (line breaks shown as
    spaces), ``match`` the matched text, ``start``/``end`` its raw offsets. At
    most ``cables`` cables are read (in date order by default); the frame's
    ``attrs["total_cables"]`` says how many match in all, and ``attrs["notes"]``
    names any filter value no cable in the index has (when nothing matches).
    """
    import pandas as pd

    if width < 0:
        raise ValueError(f"width is the characters of context on each side: 0 or more, not {width}")
    results = index.search(query, limit=cables, order=order, **filters)
    rows = []
    for hit in results:
        text = index.raw_text(hit.id) if hit.id else ""
        for start, end in hit.spans:
            left, match, right = _context(text, start, end, width)
            rows.append((hit.id, (hit.date or "")[:10], hit.post, left, match, right, start, end))
    frame = pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)
    frame.attrs["total_cables"] = results.total
    frame.attrs["cables_read"] = len(results.hits)
    frame.attrs["query"] = results.query
    frame.attrs["notes"] = results.notes
    return frame


@takes(
    INDEX,
    posts=words("a post or a list of posts", 'posts=["BAKU", "YEREVAN"]'),
    years=YEARS,
)
def issue_across_posts(
    index: CorpusIndex,
    query: str,
    posts: Iterable[str] = ("BAKU", "YEREVAN", "ANKARA", "PRISTINA", "PARIS"),
    years: tuple[int, int] = (2008, 2010),
) -> pd.DataFrame:
    """How often each post's cables match ``query``, year by year, beside all its cables.

    Columns: ``post``, ``year``, ``matching`` (cables that match), ``cables``
    (all the post's cables that year in the index) and ``share``. Every post
    and year appears, with zeros, so an absence is visible. A post is named as
    the search filter names it (``BAKU``, ``baku`` or ``Embassy Baku``).
    """
    import pandas as pd

    named = [posts] if isinstance(posts, str) else posts  # "BAKU" is one post, not four letters
    wanted = list(dict.fromkeys(post_code(p) for p in named if post_code(p)))
    first, last = years
    matching = Counter()
    for post, year, number in index.counts_by_post_year(
        query, date_from=str(first), date_to=str(last)
    ):
        matching[(post, year)] += number
    totals = Counter((r["post"], r["year"]) for r in index.records() if r["day"])
    rows = []
    for post in wanted:
        for year in range(first, last + 1):
            found, all_cables = matching[(post, year)], totals[(post, year)]
            share = round(found / all_cables, 3) if all_cables else 0.0
            rows.append((post, year, found, all_cables, share))
    return pd.DataFrame(rows, columns=["post", "year", "matching", "cables", "share"])


@takes(INDEX)
def locate_quote(index: CorpusIndex, cable_id: str, quote: str) -> tuple[int, int] | None:
    """Raw offsets of ``quote`` in the cable's text, or None if it is not there.

    Case, line breaks and runs of spaces are ignored (a quote copied from a
    notebook line rarely keeps the cable's line breaks); punctuation is not.
    """
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    try:
        text = index.raw_text(cable_id)
    except CableNotFoundError:
        return None
    found = re.search(pattern, text, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


@takes(INDEX)
def catalogue_disagreements(index: CorpusIndex) -> pd.DataFrame:
    """Cables whose text and catalogue metadata disagree on the classification level or the date.

    Only cables with a catalogue row (``data/corpus/metadata.csv``) and a value
    read from the text can disagree. Neither side is corrected: a banner
    misread by the parser, a record spliced from two cables and an error of
    the catalogue all look the same here, and only reading the text tells
    them apart.
    """
    import pandas as pd

    rows = []
    for r in index.records():
        if r["catalogue_classification"] and r["classification_from"] == "text":
            catalogue_level = r["catalogue_classification"].split("//")[0].strip()
            if catalogue_level.upper() != (r["classification"] or "").upper():
                rows.append(
                    (r["id"], "classification", r["classification"], r["catalogue_classification"])
                )
        if r["catalogue_date"] and r["date_from"] == "dtg" and r["day"] != r["catalogue_date"]:
            rows.append((r["id"], "date", r["day"], r["catalogue_date"]))
    return pd.DataFrame(rows, columns=["id", "field", "text_says", "catalogue_says"])


RELEASE_ROWS = (
    251_287  # rows of the Cablegate cables.csv (data/reference/notes/plusd_cablegate_metadata.md)
)


def _share(part: int, whole: int) -> str:
    """``0.25%``; a share too small for two decimals is "under 0.01%", not a false 0.00%."""
    share = part / whole
    return "under 0.01%" if 0 < share < 0.00005 else f"{share:.2%}"


@takes(INDEX)
def sample_limits(index: CorpusIndex) -> pd.DataFrame:
    """What this corpus is, in numbers, beside the release it was taken from.

    Columns ``measure``, ``value`` and ``what it means``. The release size is
    the row count of the Cablegate ``cables.csv`` recorded in
    ``data/reference/notes/plusd_cablegate_metadata.md``.
    """
    import pandas as pd

    records = index.records()
    total = len(records)
    catalogue_dated = sum(1 for r in records if r["date_from"] == "catalogue")
    undated = sum(1 for r in records if r["date_from"] is None)
    from_catalogue = sum(1 for r in records if r["classification_from"] == "catalogue")
    years = [r["year"] for r in records if r["year"] is not None]
    posts = {r["post"] for r in records if r["post"]}
    rows = [
        ("cables in this corpus", f"{total:,}", "what every count in this lesson is out of"),
        (
            "share of the Cablegate release",
            f"{_share(total, RELEASE_ROWS)} of {RELEASE_ROWS:,}",
            "a sample chosen to test the parser, not a random draw: counts describe the sample",
        ),
        ("posts", f"{len(posts):,}", "many posts have one or two cables: too few to compare"),
        (
            "years",
            f"{min(years)}–{max(years)}" if years else "none",
            "most cables are of 2004–2010; earlier years have a handful",
        ),
        (
            "dated only by the catalogue",
            f"{catalogue_dated:,}",
            "texts without a date-time group (partial extracts): their date is the catalogue's",
        ),
        ("no date at all", f"{undated:,}", "left out whenever a search filters by date"),
        (
            "classification from the catalogue",
            f"{from_catalogue:,}",
            "the text gives no level (no banner read): the catalogue's level stands in",
        ),
        (
            "text and catalogue disagree",
            f"{len(catalogue_disagreements(index)):,}",
            "listed by catalogue_disagreements(); read the text to decide",
        ),
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "what it means"])


@takes(INDEX)
def reference_web(index: CorpusIndex) -> pd.DataFrame:
    """Every REF entry that names a cable: ``citing``, ``cited``, ``label``, and whether each is in the index."""
    import pandas as pd

    known = index.ids()
    frame = pd.DataFrame(index.references(), columns=["citing", "cited", "label"])
    frame["cited_in_corpus"] = frame["cited"].isin(known)
    return frame


@takes(INDEX, focus=CABLE_ID)
def reference_thread(index: CorpusIndex, focus: str, depth: int = 1) -> list[ThreadCable]:
    """The cables within ``depth`` REF links of ``focus``, as rows for the thread figure.

    A cited cable that is not in the index is kept as a named but absent node
    (its text is not in the corpus: only its ID is known, from a REF line).
    """
    edges = [(citing, cited) for citing, cited, _ in index.references()]
    reached = {focus}
    for _ in range(depth):
        reached |= {b for a, b in edges if a in reached} | {a for a, b in edges if b in reached}
    near = [(a, b) for a, b in edges if a in reached and b in reached]
    known = index.ids()
    metadata = []
    for cable_id in sorted(reached & known):
        record = index.record(cable_id)
        metadata.append(
            {
                "id": cable_id,
                "date": record["day"] or "",
                "subject": record["subject"] or "",
                "classification": record["classification"] or "",
            }
        )
    rows = corpus_thread(near, metadata)
    return [row for row in rows if row.id in reached]
