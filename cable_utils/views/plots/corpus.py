"""Figures of lesson 06: the corpus at a glance, one issue across posts, the REF web.

Each figure is built from a table of :mod:`cable_utils.corpus.overview` (its
text twin: show the table beside it) and has a ``describe_*`` sentence. Colour
is never the only cue: heatmap cells carry their numbers, bars their values
and a pattern, lines a marker symbol per post.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._arguments import table_from, takes
from ..._words import counted
from ._style import (
    MARKER_SYMBOLS,
    OKABE_ITO_SEQUENCE,
    PATTERN_SHAPES,
    JSONFigure,
    accessible_layout,
    trace,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "classification_figure",
    "describe_classification_mix",
    "describe_issue_across_posts",
    "describe_posts_by_year",
    "describe_reference_web",
    "describe_tags_alongside",
    "issue_across_posts_figure",
    "posts_by_year_figure",
    "tags_alongside_figure",
]

#: A sequential scale that stays readable in grey and with colour-vision deficiencies:
#: cividis, spelt out as plotly.py expands the name (``plotly.colors.sequential.Cividis``),
#: since the figure is sent as JSON without plotly.py's validators.
_CIVIDIS = ["#00224e", "#123570", "#3b496c", "#575d6d", "#707173",
            "#8a8678", "#a59c74", "#c3b369", "#e1cc55", "#fee838"]  # fmt: skip
_SEQUENTIAL = [[i / (len(_CIVIDIS) - 1), colour] for i, colour in enumerate(_CIVIDIS)]


# The tables of cable_utils.corpus.overview each function draws or describes (by the
# columns it reads), so that another table gets a message instead of a KeyError.
_POSTS_BY_YEAR = table_from("posts_by_year(index)", ["total"], name="by_post_year")
_CLASSIFICATION_MIX = table_from(
    "classification_mix(index)", ["classification", "cables", "share"], name="mix"
)
_TAGS_ALONGSIDE = table_from(
    "tags_alongside(index)", ["focus", "tag", "together", "share"], name="alongside"
)
_ISSUE_ACROSS_POSTS = table_from(
    "issue_across_posts(index, query)", ["post", "year", "matching", "cables"], name="issue"
)
_REFERENCE_WEB = table_from(
    "reference_web(index)", ["citing", "cited", "cited_in_corpus"], name="web"
)


@takes(_POSTS_BY_YEAR)
def posts_by_year_figure(table: pd.DataFrame, *, title: str | None = None) -> Any:
    """A heatmap of cables per post and year; every cell shows its number."""
    years = [column for column in table.columns if column != "total"]
    values = table[years].to_numpy()
    figure = JSONFigure(
        trace(
            "heatmap",
            z=values,
            x=years,
            y=[
                f"{post} ({total})" for post, total in zip(table.index, table["total"], strict=True)
            ],
            colorscale=_SEQUENTIAL,
            text=values,
            texttemplate="%{text}",
            hovertemplate="%{y}, %{x}: %{z} cables<extra></extra>",
            colorbar={"title": {"text": "cables"}},
        )
    )
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(type="category")
    accessible_layout(
        figure,
        title=title or "Cables per post and year in this corpus (number in each cell)",
        x_title="Year (date-time group, else the catalogue's date, else the ID's year)",
        y_title="Post (total cables)",
    )
    figure.update_layout(height=160 + 28 * len(table))
    return figure


@takes(_POSTS_BY_YEAR)
def describe_posts_by_year(table: pd.DataFrame) -> str:
    """The heatmap in one or two sentences."""
    if table.empty:
        return "No cable in this table has a year."
    years = [column for column in table.columns if column != "total"]
    busiest_year = table[years].sum().idxmax()
    posts = [post for post in table.index if not str(post).endswith("other posts")]
    rest = [post for post in table.index if str(post).endswith("other posts")]
    top = ", ".join(f"{post} ({table.loc[post, 'total']})" for post in posts[:3])
    shown = f"{counted(len(posts), 'post')} with the most cables" + (
        f" and {rest[0]} summed" if rest else ""
    )
    return (
        f"{counted(int(table['total'].sum()), 'cable')}; the table shows {shown}. The most "
        f"cables come from {top}. The busiest year column is {busiest_year} "
        f"({counted(int(table[busiest_year].sum()), 'cable')})."
    )


@takes(_CLASSIFICATION_MIX)
def classification_figure(table: pd.DataFrame) -> Any:
    """Horizontal bars of cables per classification level, each with its count and share."""
    figure = JSONFigure(
        trace(
            "bar",
            x=table["cables"],
            y=table["classification"],
            orientation="h",
            text=[f"{n} ({share:.0%})" for n, share in zip(table.cables, table.share, strict=True)],
            textposition="outside",
            marker={
                "color": [OKABE_ITO_SEQUENCE[i % 8] for i in range(len(table))],
                "pattern": {"shape": [PATTERN_SHAPES[i % 8] for i in range(len(table))]},
                "line": {"color": "#000000", "width": 1},
            },
            hovertemplate="%{y}: %{x} cables<extra></extra>",
            cliponaxis=False,
        )
    )
    figure.update_yaxes(autorange="reversed")
    # room right of the longest bar for its label ("334 (52%)"), which plotly's own range
    # leaves out: at the lesson's width the label was cut after its first characters
    longest = int(table["cables"].max()) if len(table) else 0
    figure.update_xaxes(range=[0, max(1.0, longest * 1.25)])
    accessible_layout(
        figure,
        title="Classification of the cables in this corpus",
        x_title="Cables",
        y_title="Classification (as the text gives it)",
    )
    # tall enough for the y-axis title, which otherwise runs up into the figure title
    figure.update_layout(height=260 + 45 * len(table), showlegend=False)
    return figure


@takes(_CLASSIFICATION_MIX)
def describe_classification_mix(table: pd.DataFrame) -> str:
    parts = [f"{row.classification} {row.cables} ({row.share:.0%})" for row in table.itertuples()]
    return "Cables by classification: " + "; ".join(parts) + "."


@takes(_TAGS_ALONGSIDE)
def tags_alongside_figure(table: pd.DataFrame) -> Any:
    """Grouped horizontal bars: for each focus TAG, the TAGS found on the same cables."""
    figure = JSONFigure()
    for index, (focus, rows) in enumerate(table[table.tag != ""].groupby("focus", sort=False)):
        figure.add_trace(
            trace(
                "bar",
                x=rows["together"],
                y=rows["tag"],
                orientation="h",
                name=f"with {focus} ({counted(int(rows.cables_with_focus.iloc[0]), 'cable')})",
                text=[f"{focus}: {n}" for n in rows["together"]],
                textposition="outside",
                marker={
                    "color": OKABE_ITO_SEQUENCE[index % 8],
                    "pattern": {"shape": PATTERN_SHAPES[index % 8]},
                    "line": {"color": "#000000", "width": 1},
                },
            )
        )
    accessible_layout(
        figure,
        title="TAGS that appear on the same cables as " + ", ".join(table.focus.unique()),
        x_title="Cables carrying both TAGS",
        y_title="TAGS code",
    )
    # Each bar needs room for its label: at 22 px a row, the three bars of a TAGS code
    # shared one row and plotly shrank "AM: 1" to about 7 px.
    shown = table[table.tag != ""]
    bars = shown.tag.nunique() * max(1, shown.focus.nunique())
    figure.update_layout(
        barmode="group",
        height=220 + _BAR_PX * bars,
        legend={"title": {"text": "Focus TAG"}},
        uniformtext={"minsize": 10, "mode": "show"},
    )
    return figure


_BAR_PX = 16  # a bar of a grouped bar chart, its label at 10 px or more


@takes(_TAGS_ALONGSIDE)
def describe_tags_alongside(table: pd.DataFrame) -> str:
    sentences = []
    for focus, rows in table.groupby("focus", sort=False):
        count = int(rows.cables_with_focus.iloc[0])
        if count == 0 or rows.tag.eq("").all():
            sentences.append(f"No cable in this corpus carries {focus}.")
            continue
        top = ", ".join(f"{r.tag} ({r.together})" for r in rows.head(3).itertuples())
        carry = "carries" if count == 1 else "carry"
        sentences.append(f"{counted(count, 'cable')} {carry} {focus}; most often with {top}.")
    return " ".join(sentences)


@takes(_ISSUE_ACROSS_POSTS)
def issue_across_posts_figure(table: pd.DataFrame, *, query: str) -> Any:
    """Lines per post over the years: cables that match ``query`` (marker symbol per post).

    The posts of a year stand side by side in its column (``scattermode="group"``), so
    their labels (matching / all) never sit on top of each other where two posts have
    the same count; years are categories, counts whole numbers.
    """
    figure = JSONFigure()
    for index, (post, rows) in enumerate(table.groupby("post", sort=False)):
        figure.add_trace(
            trace(
                "scatter",
                x=rows["year"].astype(str),
                y=rows["matching"],
                mode="lines+markers+text",
                name=post,
                offsetgroup=post,
                text=[f"{m}/{c}" for m, c in zip(rows.matching, rows.cables, strict=True)],
                textposition="top center",
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "symbol": MARKER_SYMBOLS[index % 8],
                    "size": 11,
                    "color": OKABE_ITO_SEQUENCE[index % 8],
                    "line": {"color": "#000000", "width": 1},
                },
                line={"color": OKABE_ITO_SEQUENCE[index % 8]},
                hovertemplate=f"{post} %{{x}}: %{{y}} matching (label: matching/all)<extra></extra>",
            )
        )
    accessible_layout(
        figure,
        title=f"Cables matching {query!r}, post by post (label: matching / all that year)",
        x_title="Year",
        y_title="Matching cables",
    )
    highest = int(table["matching"].max()) if len(table) else 0
    figure.update_xaxes(type="category")
    # whole numbers only, and room above the highest point for its label
    figure.update_yaxes(range=[-0.5, highest + 1], dtick=max(1, -(-highest // 6)), tick0=0)
    figure.update_layout(
        height=420,
        scattermode="group",
        scattergap=0.25,
        legend={"title": {"text": "Post (marker shape)"}},
    )
    return figure


@takes(_ISSUE_ACROSS_POSTS)
def describe_issue_across_posts(table: pd.DataFrame, *, query: str) -> str:
    parts = []
    for post, rows in table.groupby("post", sort=False):
        matching, cables = int(rows.matching.sum()), int(rows.cables.sum())
        if cables == 0:
            parts.append(f"{post}: no cable of these years in the corpus")
        else:
            parts.append(f"{post}: {matching} of {cables}")
    years = f"{table.year.min()}–{table.year.max()}"
    return f"Cables matching {query!r}, {years}: " + "; ".join(parts) + "."


@takes(_REFERENCE_WEB)
def describe_reference_web(web: pd.DataFrame) -> str:
    """The REF web of a corpus in two sentences (the text beside its tables and figure)."""
    if web.empty:
        return "No cable of this corpus names another cable in a REF line."
    citing = web["citing"].nunique()
    inside = web[web["cited_in_corpus"]]
    named = web["cited"].nunique()
    absent = web.loc[~web["cited_in_corpus"], "cited"].nunique()
    name = "names" if citing == 1 else "name"
    point = "points" if len(inside) == 1 else "point"
    known = "is" if absent == 1 else "are"
    return (
        f"{counted(citing, 'cable')} of the corpus {name} {counted(named, 'other cable')} in "
        f"{counted(len(web), 'REF entry', 'REF entries')}. {len(inside):,} of those entries "
        f"{point} to a cable that is in the corpus; the other {counted(absent, 'cited cable')} "
        f"{known} known here only by {'its ID' if absent == 1 else 'their IDs'}."
    )
