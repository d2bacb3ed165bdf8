"""Lesson 01 explorers: the segments of a cable, its header line by line, where it went.

Every builder returns a :class:`~cable_utils.widgets._common.Panel`; tests set
``panel.controls[...]`` and read ``panel.view.value`` or ``panel.state``.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from .._arguments import instance_of, takes
from ..analysis.explain import HEADER_KINDS, explain_header_field, explain_segment
from ..model import SEGMENT_KINDS, Cable, Segment
from ..parse import takes_cable
from ..views.render import highlight_html, legend_html
from ._common import Panel, labelled, note_html, toggle_choice
from ._figures import show_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "HEADER_KINDS",
    "addressee_map",
    "explain_kind",
    "header_decoder",
    "header_lines",
    "segment_explorer",
    "table_html",
]

#: Kinds highlighted when the segment explorer opens.
DEFAULT_KINDS = ("de_line", "dtg", "banner", "tags", "classified_by", "artifact")


def table_html(rows: list[tuple[str, str]], headers: tuple[str, str], caption: str = "") -> str:
    """A two-column table; every cell escaped."""
    head = "".join(
        f'<th scope="col" style="text-align:left;padding:2px 8px">{escape(h)}</th>' for h in headers
    )
    body = "".join(
        f'<tr><td style="text-align:left;padding:2px 8px;vertical-align:top;font-family:monospace">'
        f'{escape(a)}</td><td style="text-align:left;padding:2px 8px">{escape(b)}</td></tr>'
        for a, b in rows
    )
    cap = (
        f'<caption style="text-align:left;font-weight:bold">{escape(caption)}</caption>'
        if caption
        else ""
    )
    return (
        f'<table class="explain-table">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


@takes_cable
@takes(kind=instance_of(str, what="a segment kind", how='explain_kind(cable, "tags")'))
def explain_kind(cable: Cable, kind: str) -> pd.DataFrame:
    """The first segment of ``kind`` explained as a table (empty, with a note, if absent)."""
    import pandas as pd

    found = cable.segments_of(kind)
    if not found:
        return pd.DataFrame(
            [("kind", f"this copy has no {kind} segment")], columns=["item", "what it means"]
        )
    return pd.DataFrame(explain_segment(cable, found[0]), columns=["item", "what it means"])


def _segment_label(cable: Cable, index: int, segment: Segment) -> str:
    snippet = re.sub(r"\s+", " ", cable.raw[segment.start : segment.end]).strip()
    if len(snippet) > 40:
        snippet = snippet[:39] + "…"
    return f"{index + 1:02d} {segment.kind}: {snippet}"


@takes_cable
def segment_explorer(cable: Cable) -> Panel:
    """The whole cable with chosen segment kinds highlighted, and one segment explained."""
    kinds = list(dict.fromkeys(s.kind for s in cable.segments))
    toggles = {
        f"kind:{kind}": widgets.ToggleButton(
            value=kind in DEFAULT_KINDS,
            description=kind,
            tooltip=SEGMENT_KINDS.get(kind, kind),
            layout=widgets.Layout(width="auto"),
        )
        for kind in kinds
    }
    options = [(_segment_label(cable, i, s), i) for i, s in enumerate(cable.segments)]
    chooser = labelled(
        widgets.Dropdown(options=options or [("(no segments)", -1)]),  # (labelled() fits it)
        "Explain segment:",
    )
    view = widgets.HTML()
    controls = {"segment": chooser, **toggles}
    panel = Panel(
        "Segment explorer",
        controls,
        view,
        description="Toggle the kinds of segment to highlight; pick one segment to see it decoded.",
    )

    def render(_: object = None) -> None:
        shown = [k for k in kinds if toggles[f"kind:{k}"].value]
        selected = (
            cable.segments[chooser.value]
            if chooser.value is not None and chooser.value >= 0
            else None
        )
        highlighted = [s for s in cable.segments if s.kind in shown]
        if selected is not None and selected not in highlighted:
            highlighted.append(selected)
        explanation = (
            table_html(
                explain_segment(cable, selected),
                ("item", "what it means"),
                f"Selected: {selected.kind}",
            )
            if selected is not None
            else note_html("This text has no segments to explain.")
        )
        legend = legend_html(shown) if shown else note_html("No kinds highlighted.")
        view.value = (
            '<div class="segment-explanation" role="region" aria-label="Selected segment">'
            f"{explanation}</div>"
            f'<div class="segment-legend">{legend}</div>'
            f'<div style="max-height:32em;overflow:auto;border:1px solid #999">'
            f"{highlight_html(cable.raw, highlighted, selected=selected)}</div>"
        )
        panel.state.update(shown=shown, selected=selected)

    for control in controls.values():
        control.observe(render, names="value")
    render()
    return panel


@takes_cable
def header_lines(cable: Cable) -> list[str]:
    """The lines of the transmission header as written, one per header field the parser read."""
    return [_line_of(cable, field.start, field.end) for field in cable.header]


def _line_of(cable: Cable, start: int, end: int) -> str:
    return " ".join(cable.raw[start:end].split())


@takes_cable
def header_decoder(cable: Cable) -> Panel:
    """Pick a header line; see it token by token, with what each token means.

    The tokens are the parts the parser read (``cable.header``), explained by
    :func:`cable_utils.analysis.explain.explain_header_field`: the decoder never
    reads the line again.
    """
    lines = header_lines(cable)
    fields = dict(zip(lines, cable.header, strict=True))
    default = next((line for line in lines if line.startswith("DE ")), lines[0] if lines else None)
    chooser = labelled(
        widgets.Dropdown(
            options=list(fields) or ["(this copy has no transmission header)"],
            value=default or "(this copy has no transmission header)",
        ),
        "Header line:",
    )
    view = widgets.HTML()
    panel = Panel(
        "Header decoder",
        {"line": chooser},
        view,
        description="Each token of the line and what it means (from the reference tables).",
    )

    def render(_: object = None) -> None:
        line = chooser.value
        if not lines:
            view.value = note_html(
                "This copy starts without a transmission header "
                "(many older or reprinted cables do)."
            )
            panel.state["tokens"] = []
            return
        tokens = explain_header_field(cable, fields[line])
        panel.state["tokens"] = tokens
        view.value = (
            f'<p style="font-family:monospace;font-size:14px"><strong>{escape(line)}</strong></p>'
            + table_html([(t.text or "→", t.meaning) for t in tokens], ("token", "meaning"))
        )

    chooser.observe(render, names="value")
    render()
    return panel


@takes_cable
def addressee_map(cable: Cable) -> Panel:
    """ "Where did it go?": the addressees on a map and in a table, and a question to argue.

    The map sits right under its control, so a change is seen without scrolling
    (at 1366×768 the old dropdown was a screen away from the map it changed).
    """
    from ..analysis.geo import places_table
    from ..views.plots.anatomy import (
        ROLE_FILTERS,
        addressee_map_figure,
        describe_addressee_map,
        mapped_addresses,
    )
    from ..views.tables import table_html

    show = toggle_choice(list(ROLE_FILTERS), "Show:", value="everyone")
    figure_output = widgets.Output(layout=widgets.Layout(min_height="450px"))
    table = widgets.HTML()
    prompt = widgets.HTML(
        "<p><strong>Why did each of them get it?</strong> The cable does not say, and no source "
        "we hold says either. Pick two INFO addressees and argue, from the cable's text, why "
        "the Embassy might have sent it to them. Treat your answer as a hypothesis.</p>"
    )
    panel = Panel(
        "Where did it go?",
        {"show": show},
        figure_output,
        extra=[table, prompt],
        description="The sender and addressees on a map (collectives are in the table only).",
    )
    panel.state["table"] = table
    places = places_table(cable)
    first = True

    def render(_: object = None) -> None:
        nonlocal first
        figure = addressee_map_figure(cable, show.value)
        summary = describe_addressee_map(cable, show.value)
        keep = {p.name for p in mapped_addresses(cable, show.value)}
        rows = places[places["address"].isin(keep)]
        table.value = f'<p class="map-summary">{escape(summary)}</p>' + table_html(rows)
        show_figure(figure_output, figure, summary, with_geo_assets=first)
        first = False
        panel.state.update(figure=figure, summary=summary, rows=rows)

    show.observe(render, names="value")
    render()
    return panel
