"""Figures for lesson 02: paragraph lengths, and what each reader loses."""

from __future__ import annotations

from typing import Any

from ..._words import counted
from ...analysis.redaction import LEVELS, READERS, portion_levels, simulate_all
from ...model import Cable
from ...parse import takes_cable
from ._style import OKABE_ITO_SEQUENCE, PATTERN_SHAPES, JSONFigure, accessible_layout, trace

__all__ = [
    "describe_paragraph_lengths",
    "describe_redaction",
    "paragraph_length_figure",
    "redaction_figure",
]

# A colour per level (and a pattern per section as the second cue).
_LEVEL_COLOURS = dict(
    zip(
        LEVELS,
        (
            OKABE_ITO_SEQUENCE[2],
            OKABE_ITO_SEQUENCE[0],
            OKABE_ITO_SEQUENCE[5],
            OKABE_ITO_SEQUENCE[6],
        ),
        strict=True,
    )
)


def _label(number: int | None, index: int) -> str:
    return f"¶{number}" if number is not None else f"text {index + 1}"


@takes_cable
def paragraph_length_figure(cable: Cable) -> Any:
    """Words per paragraph: colour = level of the marking, pattern = section, label = marking."""
    portions = portion_levels(cable)
    sections = list(dict.fromkeys(p.paragraph.section or "(main text)" for p in portions))
    figure = JSONFigure()
    labels = [_label(p.paragraph.number, i) for i, p in enumerate(portions)]
    # Paragraph numbers can repeat in spliced copies: keep x unique and in order.
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    for section_index, section in enumerate(sections):
        for level in LEVELS:
            chosen = [
                (unique[i], p)
                for i, p in enumerate(portions)
                if (p.paragraph.section or "(main text)") == section and p.level == level
            ]
            if not chosen:
                continue
            figure.add_trace(
                trace(
                    "bar",
                    x=[x for x, _ in chosen],
                    y=[p.paragraph.word_count for _, p in chosen],
                    text=[
                        f"({p.paragraph.marking})" if p.paragraph.marking else "(unmarked)"
                        for _, p in chosen
                    ],
                    textposition="outside",
                    name=f"{level} · {section}",
                    marker={
                        "color": _LEVEL_COLOURS[level],
                        "pattern": {"shape": PATTERN_SHAPES[section_index % len(PATTERN_SHAPES)]},
                        "line": {"color": "#000", "width": 1},
                    },
                )
            )
    accessible_layout(
        figure,
        title="Paragraph length by marking (colour, label) and section (pattern)",
        x_title="Paragraph",
        y_title="Words",
    )
    figure.update_xaxes(categoryorder="array", categoryarray=unique)
    figure.update_layout(legend_title_text="Level · section", height=420)
    return figure


@takes_cable
def describe_paragraph_lengths(cable: Cable) -> str:
    """One sentence summarising the paragraph-length chart."""
    portions = portion_levels(cable)
    if not portions:
        return "This cable has no paragraphs to chart."
    words: dict[str, int] = {}
    for p in portions:
        words[p.level] = words.get(p.level, 0) + p.paragraph.word_count
    longest = max(portions, key=lambda p: p.paragraph.word_count)
    parts = ", ".join(f"{level} {count}" for level, count in words.items())
    return (
        f"{counted(len(portions), 'paragraph')}, {counted(sum(words.values()), 'word')} "
        f"({parts}); the longest is "
        f"{_label(longest.paragraph.number, portions.index(longest))} "
        f"({counted(longest.paragraph.word_count, 'word')}, {longest.level}, section "
        f"{longest.paragraph.section or '(main text)'})."
    )


@takes_cable
def redaction_figure(cable: Cable, selected: str | None = None) -> Any:
    """Words each reader sees and loses (stacked bars; withheld bars hatched).
    The percentages are written beside the bars on a white label, not on the
    hatch, where white text on an orange pattern could not be read.
    """
    results = simulate_all(cable)
    names = [r.reader.name for r in results]
    seen = [r.words_total - r.words_lost for r in results]
    figure = JSONFigure()
    figure.add_trace(
        trace(
            "bar",
            x=names,
            y=seen,
            name="words seen",
            marker={"color": OKABE_ITO_SEQUENCE[2], "line": {"color": "#000", "width": 1}},
            hovertemplate="%{x}: %{y} words seen<extra></extra>",
        )
    )
    figure.add_trace(
        trace(
            "bar",
            x=names,
            y=[r.words_lost for r in results],
            name="words withheld",
            marker={
                "color": OKABE_ITO_SEQUENCE[5],
                "pattern": {"shape": "x", "fgcolor": "#000", "bgcolor": "#F5C9A8"},
                "line": {"color": "#000", "width": 1},
            },
            hovertemplate="%{x}: %{y} words withheld<extra></extra>",
        )
    )
    for result, words_seen in zip(results, seen, strict=True):
        parts = [(words_seen, f"{1 - result.share_lost:.0%} seen")]
        if result.words_lost:
            parts.append((words_seen + result.words_lost, f"{result.share_lost:.0%} withheld"))
        bottom = 0
        for top, text in parts:
            if top > bottom:
                figure.add_annotation(
                    x=result.reader.name,
                    y=(bottom + top) / 2,
                    text=text,
                    showarrow=False,
                    bgcolor="rgba(255,255,255,0.92)",
                    bordercolor="#000",
                    borderwidth=1,
                    borderpad=3,
                    font={"color": "#000", "size": 13},
                )
            bottom = top
    if selected is not None and selected in READERS:
        index = names.index(selected)
        figure.add_annotation(
            x=selected, y=results[index].words_total, text="▼ selected", showarrow=False, yshift=12
        )
    accessible_layout(
        figure,
        title="What each reader sees of the body (words)",
        x_title="Reader",
        y_title="Words",
    )
    figure.update_layout(barmode="stack", height=380, legend_title_text="Words")
    return figure


@takes_cable
def describe_redaction(cable: Cable) -> str:
    """One sentence per reader: paragraphs withheld and share of words lost."""
    sentences = []
    for result in simulate_all(cable):
        withheld = ", ".join(f"¶{n}" for n in result.withheld_numbers) or "nothing"
        name = result.reader.name
        sentences.append(
            f"{name[:1].upper() + name[1:]}: {result.share_lost:.0%} of the words withheld "
            f"({result.words_lost} of {result.words_total}; paragraphs withheld: {withheld})."
        )
    return " ".join(sentences)
