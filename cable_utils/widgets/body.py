"""Lesson 02 explorers: browse the paragraphs; simulate what each reader may see."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .._words import counted
from ..analysis.redaction import READERS, simulate
from ..analysis.voices import paragraph_voice
from ..model import Cable, Paragraph
from ..parse import takes_cable
from ..reference import codes as reference
from ..views.render import CARD_STYLE
from ._common import Panel, labelled, note_html, toggle_choice
from ._figures import show_figure

__all__ = ["BROWSE_MODES", "paragraph_browser", "paragraph_card_html", "redaction_simulator"]

BROWSE_MODES = ("number", "section", "marking")


def _section(paragraph: Paragraph) -> str:
    return paragraph.section or "(main text)"


def _marking(paragraph: Paragraph) -> str:
    return paragraph.marking or "(unmarked)"


def _marking_meaning(marking: str | None) -> str:
    if not marking:
        return "no portion marking"
    row = reference.markings().get(marking.upper())
    return row["meaning"] if row else "not in the markings table"


def paragraph_card_html(paragraph: Paragraph) -> str:
    """One paragraph: metadata table, then its text (all escaped)."""
    voice = paragraph_voice(paragraph)
    cues = ", ".join(voice.reporting_cues) or "none"
    number = f"¶{paragraph.number}" if paragraph.number is not None else "unnumbered text"
    meta = [
        ("marking", f"({_marking(paragraph)}): {_marking_meaning(paragraph.marking)}"),
        ("section", _section(paragraph)),
        ("words", str(paragraph.word_count)),
        ("offsets", f"raw characters {paragraph.start}–{paragraph.end}"),
        ("voice (first look)", f"{voice.voice}; reporting verbs: {cues}"),
    ]
    rows = "".join(
        f'<tr><th scope="row" style="text-align:left;padding:1px 8px">{escape(k)}</th>'
        f'<td style="text-align:left;padding:1px 8px">{escape(v)}</td></tr>'
        for k, v in meta
    )
    return (
        f'<article class="cable-card paragraph-card" style="{CARD_STYLE}">'
        f'<h5 style="margin:2px 0">{escape(number)}</h5>'
        f"<table>{rows}</table><p style='max-width:60em'>{escape(paragraph.text)}</p></article>"
    )


def _choices(cable: Cable, mode: str) -> list[tuple[str, str]]:
    paragraphs = cable.paragraphs
    if mode == "number":
        return [
            (f"¶{p.number}" if p.number is not None else f"text {i + 1}", str(i))
            for i, p in enumerate(paragraphs)
        ]
    key = _section if mode == "section" else _marking
    values = list(dict.fromkeys(key(p) for p in paragraphs))
    return [(value, value) for value in values]


def _matching(cable: Cable, mode: str, choice: str | None) -> list[Paragraph]:
    if choice is None:
        return []
    if mode == "number":
        return [cable.paragraphs[int(choice)]]
    key = _section if mode == "section" else _marking
    return [p for p in cable.paragraphs if key(p) == choice]


@takes_cable
def paragraph_browser(cable: Cable) -> Panel:
    """Browse the paragraphs by number, section or marking, with text and metadata."""
    mode = toggle_choice(list(BROWSE_MODES), "Browse by:", value="number")
    choice = labelled(widgets.Dropdown(options=_choices(cable, "number")), "Show:")
    view = widgets.HTML()
    panel = Panel(
        "Paragraph browser",
        {"mode": mode, "choice": choice},
        view,
        description="Choose how to browse, then a paragraph, a section or a marking.",
    )

    def render(_: object = None) -> None:
        shown = _matching(cable, mode.value, choice.value)
        panel.state["paragraphs"] = shown
        if not cable.paragraphs:
            view.value = note_html("No paragraphs were found in this text.")
            return
        words = sum(p.word_count for p in shown)
        head = (
            f'<p class="browser-summary"><strong>{counted(len(shown), "paragraph")}</strong>, '
            f"{counted(words, 'word')}, browsing by {escape(mode.value)}.</p>"
        )
        view.value = head + "".join(paragraph_card_html(p) for p in shown)

    def change_mode(_: object = None) -> None:
        # Replacing the options fires a value change, which renders; render once more
        # in case the first option's value is the same as before.
        choice.options = _choices(cable, mode.value)
        render()

    mode.observe(change_mode, names="value")
    choice.observe(render, names="value")
    render()
    return panel


@takes_cable
def redaction_simulator(cable: Cable) -> Panel:
    """Choose a reader: which paragraphs remain, and the share of words lost (with a chart)."""
    from ..views.plots.body import describe_redaction, redaction_figure

    reader = toggle_choice(
        list(READERS),
        "Reader:",
        value="public release",
        tooltips=[r.description for r in READERS.values()],
    )
    view = widgets.HTML()
    figure_output = widgets.Output(layout=widgets.Layout(min_height="380px"))
    panel = Panel(
        "Redaction simulator",
        {"reader": reader},
        view,
        extra=[figure_output],
        description="A teaching model of who may read which paragraph (rules: "
        "cable_utils.analysis.redaction). The chart compares all three readers.",
    )
    summary = describe_redaction(cable)

    def render(_: object = None) -> None:
        result = simulate(cable, reader.value)
        blocks = []
        withheld_ids = {id(p) for p in result.withheld}
        # in the cable's order, not kept-then-withheld
        for portion in sorted(result.kept + result.withheld, key=lambda p: p.paragraph.start):
            number = portion.paragraph.number
            name = f"¶{number}" if number is not None else "unnumbered text"
            if id(portion) in withheld_ids:
                blocks.append(
                    f'<p class="withheld" style="background:#000;color:#fff;padding:4px">'
                    f"[{escape(name)} withheld: ({escape(_marking(portion.paragraph))}) "
                    f"{escape(portion.level)}, {counted(portion.paragraph.word_count, 'word')}]</p>"
                )
            else:
                blocks.append(
                    f'<p class="kept"><strong>{escape(name)} '
                    f"({escape(_marking(portion.paragraph))})"
                    f"</strong> {escape(portion.paragraph.text)}</p>"
                )
        withheld = ", ".join(f"¶{n}" for n in result.withheld_numbers) or "none"
        view.value = (
            '<p class="redaction-summary" role="status">'
            f"<strong>{escape(result.reader.name)}</strong> "
            f"({escape(result.reader.description)}): sees {len(result.kept)} of "
            f"{counted(len(result.kept) + len(result.withheld), 'paragraph')} and loses "
            f"<strong>{result.share_lost:.0%}</strong> of the words ({result.words_lost} of "
            f"{result.words_total}). Withheld: {escape(withheld)}.</p>" + "".join(blocks)
        )
        figure = redaction_figure(cable, selected=reader.value)
        show_figure(figure_output, figure, summary)
        panel.state.update(result=result, figure=figure, summary=summary)

    reader.observe(render, names="value")
    render()
    return panel
