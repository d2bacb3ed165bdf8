"""Lesson 01 explorers: the segments of a cable, its header line by line, where it went.

Every builder returns a :class:`~cable_utils.widgets._common.Panel`; tests set
``panel.controls[...]`` and read ``panel.view.value`` or ``panel.state``.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..model import SEGMENT_KINDS, Cable, Segment
from ..parse import decoding
from ..reference import codes as reference
from ..views.render import highlight_html, legend_html
from ._common import Panel, labelled, note_html
from ._figures import show_figure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "HEADER_KINDS",
    "addressee_map",
    "explain_kind",
    "explain_segment",
    "header_decoder",
    "header_lines",
    "segment_explorer",
    "table_html",
]

#: Segment kinds that make up the transmission header (read line by line).
HEADER_KINDS = ("vzczc", "routing", "de_line", "security_line", "dtg", "from", "to", "info")
#: Kinds highlighted when the segment explorer opens.
DEFAULT_KINDS = ("de_line", "dtg", "banner", "tags", "classified_by", "artifact")

_ARTIFACTS = {
    "linktext": "a TAGS code turned into a link ([PREL](#)) by the web page the text was copied "
    "from; the telegram had the bare code",
    "marker": "'[1](#)': a footnote-style link left by the web page; not part of the telegram",
    "pilcrow": "'¶': a paragraph sign added by the web page before a paragraph number",
}


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


def _year(cable: Cable) -> int | None:
    return cable.date.year if cable.date else None


def _dtg(cable: Cable) -> decoding.DTG | None:
    return decoding.decode_dtg(cable.dtg) if cable.dtg else None


def _header_rows(cable: Cable, text: str) -> list[tuple[str, str]]:
    rows = []
    for line in text.splitlines():
        if line.strip():
            tokens = decoding.explain_header_line(line, year=_year(cable), dtg=_dtg(cable))
            rows.extend((t.text or "→", t.meaning) for t in tokens)
    return rows


def _marking_meaning(marking: str | None) -> str:
    if not marking:
        return "no portion marking"
    row = reference.markings().get(marking.upper())
    return row["meaning"] if row else "not in the markings table"


def explain_segment(cable: Cable, segment: Segment) -> list[tuple[str, str]]:
    """What a segment says, decoded: (item, explanation) rows. Works on any cable."""
    raw = cable.raw[segment.start : segment.end]
    kind = segment.kind
    rows: list[tuple[str, str]] = [("kind", f"{kind}: {SEGMENT_KINDS.get(kind, '')}")]
    if kind in HEADER_KINDS:
        rows.extend(_header_rows(cable, raw))
    elif kind == "banner":
        rows.append(("classification", cable.classification or "not recognised"))
        rows.append(("meaning", _marking_meaning(cable.classification)))
        if cable.id:
            rows.append(
                ("origin and serial", f"{cable.origin or '?'}, serial → cable ID {cable.id}")
            )
    elif kind == "handling":
        word = re.sub(r"\s+", " ", raw).strip().upper()
        row = reference.markings().get(word)
        rows.append((word, row["meaning"] if row else "a handling caveat (not in our table)"))
    elif kind == "office":
        rows.append(
            (
                cable.office or raw.strip(),
                "the office in Washington the cable is meant for; what the office symbol "
                "stands for is not verified in our sources: an open question",
            )
        )
    elif kind == "eo":
        rows.append(("order", f"Executive Order {cable.eo}" if cable.eo else "not recognised"))
        decl = cable.decl_date
        rows.append(("declassify on", str(decl) if decl else "not stated"))
    elif kind == "tags":
        rows.extend(
            (t.code, f"{t.description or 'not in the TAGS table'} ({t.kind or 'unknown kind'})")
            for t in cable.tags
        )
    elif kind == "subject":
        rows.append(("subject", cable.subject or raw.strip()))
    elif kind == "ref":
        rows.extend(
            (f"{r.label or '-'}. {r.text}", f"cable ID {r.id}" if r.id else "not a cable number")
            for r in cable.references
        )
    elif kind == "classified_by":
        rows.append(("classified by", cable.classified_by or "not recognised"))
        section = cable.reason_section or "?"
        rows.extend(
            (f"reason {section} ({r.letter})", r.meaning or "not in the reasons table")
            for r in cable.reasons
        )
    elif kind in ("paragraph", "text"):
        paragraph = next((p for p in cable.paragraphs if p.start == segment.start), None)
        if paragraph is not None:
            rows.append(("number", str(paragraph.number) if paragraph.number else "unnumbered"))
            rows.append(
                (
                    "portion marking",
                    f"({paragraph.marking or '-'}): {_marking_meaning(paragraph.marking)}",
                )
            )
            rows.append(("section", paragraph.section or "(main text)"))
            rows.append(("words", str(paragraph.word_count)))
    elif kind == "artifact":
        rows.append((raw.strip(), _ARTIFACTS.get(segment.label, "added when the text was copied")))
    elif kind == "signature":
        rows.append(("signed", cable.signer or raw.strip()))
    elif kind == "section_heading":
        rows.append(("heading", segment.label or raw.strip()))
    rows.append(("offsets", f"raw characters {segment.start}–{segment.end}"))
    return rows


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
        widgets.Dropdown(
            options=options or [("(no segments)", -1)], layout=widgets.Layout(width="34em")
        ),
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


def header_lines(cable: Cable) -> list[str]:
    """The lines of the transmission header, as written (stripped of trailing spaces)."""
    lines = []
    for segment in cable.segments:
        if segment.kind in HEADER_KINDS:
            lines.extend(
                line.strip()
                for line in cable.raw[segment.start : segment.end].splitlines()
                if line.strip()
            )
    return lines


def header_decoder(cable: Cable) -> Panel:
    """Pick a header line; see it token by token, with what each token means."""
    lines = header_lines(cable)
    default = next((line for line in lines if line.startswith("DE ")), lines[0] if lines else None)
    chooser = labelled(
        widgets.Dropdown(
            options=lines or ["(this copy has no transmission header)"],
            value=default or "(this copy has no transmission header)",
            layout=widgets.Layout(width="34em"),
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
        tokens = decoding.explain_header_line(line, year=_year(cable), dtg=_dtg(cable))
        panel.state["tokens"] = tokens
        view.value = (
            f'<p style="font-family:monospace;font-size:14px"><strong>{escape(line)}</strong></p>'
            + table_html([(t.text or "→", t.meaning) for t in tokens], ("token", "meaning"))
        )

    chooser.observe(render, names="value")
    render()
    return panel


def addressee_map(cable: Cable) -> Panel:
    """ "Where did it go?": the addressees on a map and in a table, and a question to argue."""
    from ..analysis.geo import places_table
    from ..views.plots.anatomy import (
        ROLE_FILTERS,
        addressee_map_figure,
        describe_addressee_map,
        mapped_addresses,
    )

    show = labelled(widgets.Dropdown(options=list(ROLE_FILTERS), value="everyone"), "Show:")
    figure_output = widgets.Output(layout=widgets.Layout(min_height="450px"))
    view = widgets.HTML()
    prompt = widgets.HTML(
        "<p><strong>Why did each of them get it?</strong> The cable does not say, and no source "
        "we hold says either. Pick two INFO addressees and argue, from the cable's text, why "
        "the Embassy might have sent it to them. Treat your answer as a hypothesis.</p>"
    )
    panel = Panel(
        "Where did it go?",
        {"show": show},
        view,
        extra=[figure_output, prompt],
        description="The sender and addressees on a map (collectives are in the table only).",
    )
    table = places_table(cable)
    first = True

    def render(_: object = None) -> None:
        nonlocal first
        figure = addressee_map_figure(cable, show.value)
        summary = describe_addressee_map(cable, show.value)
        keep = {p.name for p in mapped_addresses(cable, show.value)}
        rows = table[table["address"].isin(keep)]
        view.value = f'<p class="map-summary">{escape(summary)}</p>' + rows.to_html(
            index=False, escape=True, classes="addressee-table", border=0
        )
        show_figure(figure_output, figure, summary, with_geo_assets=first)
        first = False
        panel.state.update(figure=figure, summary=summary, rows=rows)

    show.observe(render, names="value")
    render()
    return panel
