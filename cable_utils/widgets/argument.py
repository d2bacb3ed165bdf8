"""Lesson 04 widgets: explore the argument map, and code stances yourself (saved as you go)."""

from __future__ import annotations

import time
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .._arguments import ARGUMENT, takes
from .._words import counted
from ..analysis.argument import STANCES, Agreement, ArgumentData, StanceCoding, agreement
from ..model import Cable
from ..parse import takes_cable
from ..views.plots._style import PLOTLY_CONFIG, scaled_for_display
from ..views.plots.argument import HOLDER_GROUPS, argument_map_json
from ..views.render import CARD_STYLE, EVIDENCE_STYLE, OKABE_ITO
from ._common import Panel, labelled, note_html, toggle_choice

__all__ = [
    "argument_status",
    "argument_map_explorer",
    "evidence_html",
    "quote_highlight_html",
    "stance_coder",
]

_STANCE_COLOURS = {
    "FAVOR": OKABE_ITO["blue"],
    "AGAINST": OKABE_ITO["vermillion"],
    "NONE": OKABE_ITO["grey"],
}
_VERBS = {"support": "supports", "attack": "attacks"}
_STANCE_BORDERS = {"FAVOR": "solid", "AGAINST": "dashed", "NONE": "dotted"}


# --------------------------------------------------------------------------- highlighting


def quote_highlight_html(
    raw: str, spans: list[tuple[int, int, str, str]], *, start: int = 0, end: int | None = None
) -> str:
    """``raw[start:end]`` in a ``<pre>``, with each ``(start, end, label, stance)`` span marked.

    The stance gives the colour and the underline style (solid FAVOR, dashed
    AGAINST, dotted NONE), the label is shown on hover and after the quote in
    brackets. Everything is escaped.
    """
    end = len(raw) if end is None else end
    chosen = sorted(
        (s for s in spans if s[0] < s[1] and start <= s[0] and s[1] <= end), key=lambda s: s[:2]
    )
    points = sorted({start, end, *(s[0] for s in chosen), *(s[1] for s in chosen)})
    pieces = []
    for left, right in zip(points, points[1:], strict=False):
        chunk = escape(raw[left:right])
        covering = [s for s in chosen if s[0] <= left and right <= s[1]]
        if not covering:
            pieces.append(chunk)
            continue
        stance = covering[0][3]
        colour = _STANCE_COLOURS.get(stance, OKABE_ITO["grey"])
        border = _STANCE_BORDERS.get(stance, "solid")
        labels = "; ".join(dict.fromkeys(f"{s[2]}: {s[3]}" for s in covering))
        pieces.append(
            f'<mark class="evidence" title="{escape(labels)}" style="background:{colour}33;'
            f'border-bottom:3px {border} {colour}">{chunk}</mark>'
        )
        ends_here = [s for s in covering if s[1] == right]
        if ends_here:
            tags = "; ".join(dict.fromkeys(f"{s[2]}: {s[3]}" for s in ends_here))
            pieces.append(f'<sup class="evidence-label"><b>[{escape(tags)}]</b></sup>')
    return (
        f'<div class="cable-text cable-evidence" role="region" aria-label="The cable, with the '
        f'evidence highlighted" tabindex="0" style="{EVIDENCE_STYLE}">' + "".join(pieces) + "</div>"
    )


@takes_cable
def evidence_html(cable: Cable, data: ArgumentData, claim_id: str) -> str:
    """The claim, its holders with stance and quote, its relations, and the highlighted cable."""
    claim = data.claim(claim_id)
    holders = "".join(
        f"<li><strong>{escape(data.actor_name(e.holder))}</strong> "
        f"<span class='stance'>{escape(e.stance)}</span> (paragraph {e.paragraph}): "
        f"“{escape(e.quote)}”{' <em>— ' + escape(e.note) + '</em>' if e.note else ''}</li>"
        for e in claim.evidence
    )
    relations = "".join(
        f"<li>{escape(r.source)} <strong>{_VERBS[r.kind]}</strong> {escape(r.target)}: "
        f"{escape(data.claim(r.target if r.source == claim_id else r.source).text)}</li>"
        for r in data.relations
        if claim_id in (r.source, r.target)
    )
    para = "<p style='margin:2px 0'>"
    spans = [(e.start, e.end, data.actor_name(e.holder), e.stance) for e in claim.evidence]
    numbered = [p for p in cable.paragraphs if p.number is not None]
    start = numbered[0].start if numbered else 0
    end = numbered[-1].end if numbered else len(cable.raw)
    return (
        f"<div class='cable-card claim-card' role='region' aria-label='Claim {escape(claim.id)}' "
        f"style='{CARD_STYLE}'>"
        f"<h4 style='margin:4px 0'>{escape(claim.id)}: {escape(claim.text)}</h4>"
        f"<p style='margin:2px 0'><em>Question: {escape(claim.question)}</em></p>"
        f"{para}<strong>Held by</strong> ({len(claim.evidence)}):</p><ul>{holders}</ul>"
        f"{para}<strong>Relations</strong>:</p><ul>{relations or '<li>none</li>'}</ul>"
        f"{para}The evidence in the cable (underline: solid FAVOR, dashed AGAINST, "
        f"dotted NONE; the holder in brackets):</p>"
        f"{quote_highlight_html(cable.raw, spans, start=start, end=end)}</div>"
    )


def _claim_options(data: ArgumentData) -> list[tuple[str, str]]:
    """ "C3: No precedent for Karabakh": the ID and the short label the map shows."""
    return [(f"{c.id}: {c.short_label}", c.id) for c in data.claims]


@takes_cable
@takes(data=ARGUMENT)
def argument_status(cable: Cable, data: ArgumentData) -> widgets.HTML:
    """What the lesson can show for this cable, in plain words."""
    name = escape(data.cable_id)
    if data.problems:
        where = escape(str(data.folder))
        listed = "".join(f"<li>{escape(problem)}</li>" for problem in data.problems)
        lead = (
            f"<p><strong>{name}: {len(data.claims)} claim(s) loaded from the rows without "
            f"problems.</strong> {len(data.problems)} problem(s) in <code>{where}</code>: "
            "those rows were left out. The files are kept as they are; fix these and run the "
            "lesson again (or run <code>python -m cable_utils check-annotations "
            f"{name}</code>):</p>"
            if data.claims
            else f"<p><strong>The claims for {name} could not be used yet.</strong> "
            f"{len(data.problems)} problem(s) in <code>{where}</code>. The files are kept "
            "as they are; fix these and run the lesson again:</p>"
        )
        text = f"{lead}<ul class='annotation-problems'>{listed}</ul>"
    elif data.curated and data.from_student_work:
        text = (
            f"<p><strong>{name}</strong>: {counted(len(data.claims), 'claim')} from "
            f"<em>your own work</em> (<code>{escape(str(data.folder))}</code>), "
            f"{counted(len(data.relations), 'relation')}. "
            "There is no reference coding to compare with: discuss yours with others.</p>"
        )
    elif data.curated:
        text = (
            f"<p><strong>{name}</strong>: {len(data.claims)} curated claims, "
            f"{len(data.relations)} relations, {len(data.reference)} reference codings "
            f"(from <code>data/annotations/{name}/</code>).</p>"
        )
    else:
        text = (
            f"<p><strong>{name} has no curated claims yet</strong> "
            f"(there is no <code>data/annotations/{name}/claims.csv</code>). The argument map, "
            "the stance matrix and the coding below stay empty; the timeline still works. "
            "Section 6 offers an empty claims template, seeded with the cable's actors where "
            "they are known: fill it in to map this cable's argument yourself.</p>"
        )
    return widgets.HTML(f"<div class='lesson-status' role='status'>{text}</div>")


# --------------------------------------------------------------------------- explorer


@takes_cable
@takes(data=ARGUMENT)
def argument_map_explorer(cable: Cable, data: ArgumentData, *, initial: str | None = None) -> Panel:
    """Choose a claim in the list: the card under it gives its holders with their evidence
    highlighted in the cable, and the map under the card outlines the claim and its
    neighbours.

    The card comes first, right under the list, so a choice and its effect are seen
    together; the map takes the whole width (beside the list, in a lesson's column, it
    got 472 px: its labels ran together, its legend and axis title were cut).
    """
    options = _claim_options(data)
    chooser = labelled(
        widgets.Select(
            options=options or [("no curated claims", "")],
            rows=max(2, min(len(options), 16)),
            disabled=not options,
            layout=widgets.Layout(width="auto", flex="0 1 24em", min_width="16em"),
        ),
        "Claim:",
    )
    view = widgets.HTML()
    figure_area = widgets.Output(layout=widgets.Layout(width="100%"))
    panel = Panel(
        "Argument map explorer",
        {"claim": chooser},
        view,
        extra=[figure_area],
        description="Choose a claim to see who holds it, how, and where the cable says so.",
    )
    panel.state["figure_area"] = figure_area
    if not options:
        view.value = note_html(
            f"{data.cable_id} has no curated claims (data/annotations/{data.cable_id}/claims.csv), "
            "so there is nothing to explore yet. Fill in the template below to make your own."
        )
        return panel

    def show(claim_id: str) -> None:
        started = time.perf_counter()
        view.value = evidence_html(cable, data, claim_id)
        figure = argument_map_json(data, selected=claim_id)
        panel.state["figure"] = figure
        panel.state["selected"] = claim_id
        figure = scaled_for_display(figure)
        figure["config"] = {**figure.get("config", {}), **PLOTLY_CONFIG}
        summary = f"Argument map of {data.cable_id}, claim {claim_id} outlined with its neighbours"
        figure_area.outputs = (
            {
                "output_type": "display_data",
                "data": {"application/vnd.plotly.v1+json": figure, "text/plain": summary},
                "metadata": {},
            },
        )
        panel.state["seconds"] = time.perf_counter() - started

    chooser.observe(lambda change: show(change["new"]), names="value")
    first = initial if initial in {c.id for c in data.claims} else data.claims[0].id
    chooser.value = first
    if panel.state.get("selected") != first:
        show(first)
    return panel


# --------------------------------------------------------------------------- stance coder

_STANCE_OPTIONS = [("not coded", ""), *((s, s) for s in STANCES)]


def _evidence_cell(paragraph: Any, quote: Any) -> str:
    if not quote:
        return "—"
    where = f"¶{int(paragraph)}: " if paragraph == paragraph and paragraph is not None else ""
    return f"{escape(where)}“{escape(str(quote))}”"


def agreement_html(result: Agreement) -> str:
    """The comparison with the reference: summary line and the disagreements with evidence."""
    summary = (
        "<p class='agreement-summary' role='status'>"
        f"<strong>{escape(result.summary())}</strong></p>"
    )
    if result.disagreements is None or result.disagreements.empty:
        return summary
    rows = "".join(
        "<tr>"
        f"<td>{escape(str(row.actor_name))}</td><td>{escape(str(row.claim_id))}</td>"
        f"<td>{escape(str(row.yours))}</td><td>{escape(str(row.reference))}</td>"
        f"<td>{escape(str(row.reference_justification))}</td>"
        f"<td>{escape(str(row.your_justification))}</td>"
        f"<td>{_evidence_cell(row.paragraph, row.evidence)}</td>"
        "</tr>"
        for row in result.disagreements.itertuples()
    )
    return (
        summary
        + "<table class='disagreements'><caption style='text-align:left'>Where your coding and the "
        "reference differ (a difference is a question to discuss, not always a mistake)</caption>"
        "<thead><tr><th>Actor</th><th>Claim</th><th>Yours</th><th>Reference</th>"
        "<th>Reference's reason</th><th>Your reason</th><th>Evidence in the cable</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


@takes_cable
@takes(data=ARGUMENT)
def stance_coder(cable: Cable, data: ArgumentData, *, folder: str | Path | None = None) -> Panel:
    """For each actor × claim: a stance and a one-line reason, saved on every change.

    The coding is saved atomically to ``my_work/<CABLE_ID>_stances.csv`` (or
    ``folder``) and reloaded when the notebook is reopened. A saved file that
    cannot be read is kept untouched; the coding continues in a new file and
    the panel says so. "Compare with reference" shows agreement, Cohen's kappa
    and the disagreements with the evidence.
    """
    actors, claims = data.coding_actors, data.coding_claims
    status = widgets.HTML()
    view = widgets.HTML("<p><em>Code some stances, then press “Compare with reference”.</em></p>")
    actor_choice = labelled(
        widgets.Dropdown(
            options=[(data.actor_name(a), a) for a in actors] or [("no actors", "")],
            disabled=not actors,
        ),
        "Actor to code:",
    )
    compare = widgets.Button(
        description="Compare with reference",
        tooltip="Percent agreement, Cohen's kappa and the disagreements with evidence",
        disabled=not data.reference,
        # As wide as its words: at the default width "Compare with ref…"; "auto" in a
        # column of widgets stretched it into a bar across the panel.
        layout=widgets.Layout(width="max-content"),
    )
    rows: list[widgets.Widget] = []
    panel = Panel(
        "Your stance coding",
        {"actor": actor_choice, "compare": compare},
        view,
        extra=[status],
        description="For each claim, is this actor FAVOR, AGAINST or NONE? Add a one-line reason.",
    )
    panel.state["status"] = status
    if not claims or not actors:
        status.value = note_html(
            f"{data.cable_id} has no curated claims and actors to code yet "
            f"(data/annotations/{data.cable_id}/). Use the claims template instead."
        )
        return panel
    try:
        coding = StanceCoding.open(data.cable_id, folder=folder)
    except (OSError, ValueError) as error:
        status.value = note_html(f"Your work folder cannot be used ({error}); nothing was saved.")
        return panel
    panel.state["coding"] = coding
    loading = {"active": False}

    def report(note: str = "") -> None:
        coded = sum(1 for a in actors for c in claims if coding.get(a, c)[0])
        moved = coding.message if coding.kept else ""
        parts = [
            f"<p style='margin:2px 0' class='save-status' role='status'>{escape(note)} "
            f"{coded} of {len(actors) * len(claims)} cells coded; saved in "
            f"<code>{escape(str(coding.path))}</code>.</p>"
        ]
        if moved:
            parts.insert(
                0,
                f"<p class='work-warning' role='alert' style='color:#B34700'>⚠ {escape(moved)}</p>",
            )
        status.value = "".join(parts)

    def save(claim_id: str) -> None:
        if loading["active"]:
            return
        started = time.perf_counter()
        actor = actor_choice.value
        try:
            coding.set(
                actor,
                claim_id,
                panel.controls[f"stance:{claim_id}"].value,
                panel.controls[f"justification:{claim_id}"].value,
            )
        except OSError as error:
            status.value = (
                f"<p class='work-warning' role='alert' style='color:#B34700'>⚠ Could not save "
                f"({escape(str(error))}). Your coding is kept in this notebook; try again.</p>"
            )
            return
        report(f"Saved {data.actor_name(actor)} × {claim_id} at {time.strftime('%H:%M:%S')}.")
        panel.state["seconds"] = time.perf_counter() - started

    for claim_id in claims:
        # Toggle buttons, not a dropdown: a stance is a short choice, pressed by Tab
        # and Space; each button is named "FAVOR (C3)" for a screen reader.
        stance = toggle_choice(_STANCE_OPTIONS, f"{claim_id}:", value="")
        reason = widgets.Text(
            placeholder="one-line reason (quote the cable if you can)",
            description=f"Reason for {claim_id}:",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"),
        )
        text = widgets.HTML(
            f"<p style='margin:6px 0 2px'><strong>{escape(claim_id)}</strong>: "
            f"{escape(data.claim(claim_id).text)}</p>"
        )
        stance.observe(lambda change, c=claim_id: save(c), names="value")
        reason.observe(lambda change, c=claim_id: save(c), names="value")
        panel.controls[f"stance:{claim_id}"] = stance
        panel.controls[f"justification:{claim_id}"] = reason
        rows.append(
            widgets.VBox(
                [text, widgets.HBox([stance, reason], layout=widgets.Layout(flex_flow="row wrap"))]
            )
        )
    # The save status right under the rows it reports on; the compare button right
    # above the comparison it shows.
    panel.control_box.children = (actor_choice,)
    heading, controls_row, *_, script = panel.children
    panel.children = (heading, controls_row, widgets.VBox(rows), status, compare, view, script)

    def load_actor(actor: str) -> None:
        loading["active"] = True
        try:
            for claim_id in claims:
                value, note = coding.get(actor, claim_id)
                panel.controls[f"stance:{claim_id}"].value = value
                panel.controls[f"justification:{claim_id}"].value = note
        finally:
            loading["active"] = False

    def run_compare(_: Any = None) -> None:
        result = agreement(coding.stances(), data)
        panel.state["agreement"] = result
        view.value = agreement_html(result)

    actor_choice.observe(lambda change: load_actor(change["new"]), names="value")
    compare.on_click(run_compare)
    load_actor(actor_choice.value)
    report(coding.message if not coding.kept else "")
    return panel


def holder_legend_html() -> str:
    """The holder groups of the argument map as a list (colour swatch, symbol name, label)."""
    items = "".join(
        f"<li><span style='display:inline-block;width:1em;height:1em;background:{colour}'></span> "
        f"{escape(label)} ({escape(symbol)})</li>"
        for label, colour, symbol in HOLDER_GROUPS.values()
    )
    return f"<ul style='list-style:none;padding-left:0'>{items}</ul>"
