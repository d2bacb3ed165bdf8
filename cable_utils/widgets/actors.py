"""Widgets for lesson 03: the actor explorer and the voice sorter."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .._arguments import GAZETTEER, takes
from .._words import counted
from ..analysis.actors import (
    VOICES,
    Gazetteer,
    Mention,
    Statement,
    find_mentions,
    find_statements,
    load_gazetteer,
)
from ..model import Cable, Segment
from ..parse import takes_cable
from ..reference.sources import cite
from ..views.render import CARD_STYLE, OKABE_ITO, highlight_html
from ._common import Panel, labelled, note_html, toggle_choice

__all__ = ["actor_explorer", "mention_highlight_html", "voice_sorter", "voice_reference"]

# Mention highlight colours: one per way of matching, plus a border style as second cue.
_HOW_COLOURS = {
    "alias": (OKABE_ITO["sky blue"], "solid"),
    "possessive": (OKABE_ITO["sky blue"], "double"),
    "surname back-reference": (OKABE_ITO["bluish green"], "dashed"),
    "title": (OKABE_ITO["orange"], "solid"),
    "metonym": (OKABE_ITO["reddish purple"], "dotted"),
    "pronoun": (OKABE_ITO["yellow"], "dotted"),
    "said": (OKABE_ITO["grey"], "solid"),
}


@takes_cable
def mention_highlight_html(
    cable: Cable, mentions: list[Mention], statements: list[Statement] = ()
) -> str:
    """The raw text with the given mentions (and statement clauses) highlighted; escaped."""
    segments = [Segment(m.how, m.start, m.end, m.surface) for m in mentions]
    segments += [Segment("said", s.start, s.end, s.verb) for s in statements]
    return highlight_html(cable.raw, segments, colours=_HOW_COLOURS)


def _legend() -> str:
    items = "".join(
        f'<li style="display:inline-block;margin-right:12px"><span style="background:{c}55;'
        f'border-bottom:2px {b} {c}">&nbsp;{escape(how)}&nbsp;</span></li>'
        for how, (c, b) in _HOW_COLOURS.items()
    )
    return f'<ul class="legend" style="list-style:none;padding-left:0;margin:2px 0">{items}</ul>'


def _profile_html(gazetteer: Gazetteer, actor_id: str, mentions, statements) -> str:
    actor = gazetteer[actor_id]
    background = actor.background or "not verified"
    source = actor.background_source if actor.background_source not in ("", "—") else ""
    if background == "not verified":
        background_html = (
            "<em>Not verified: nothing checked is known beyond the cable. "
            "An open question, not a fact.</em>"
        )
    else:
        # Source ids of data/sources.csv become "outlet, date [id]"; free text stays as written.
        background_html = (
            f"{escape(background)} <small>(source: {escape(cite(source) or '?')})</small>"
        )
    forms = sorted({m.surface for m in mentions})
    hows = {}
    for m in mentions:
        hows[m.how] = hows.get(m.how, 0) + 1
    how_text = ", ".join(f"{n} by {h}" for h, n in sorted(hows.items())) or "none"
    rows = [
        ("type", actor.type or "?"),
        ("role in the cable", actor.role or "?"),
        ("voice", actor.voice or "?"),
        ("event-data code", actor.actor_code or "?"),
        ("mentions", f"{len(mentions)} ({how_text})"),
        ("written as", "; ".join(forms) or "—"),
    ]
    table = "".join(
        f'<tr><th scope="row" style="text-align:left;padding:1px 8px;vertical-align:top">'
        f'{escape(k)}</th><td style="text-align:left;padding:1px 8px">{escape(v)}</td></tr>'
        for k, v in rows
    )
    said = "".join(
        f"<li>¶{s.paragraph}: <strong>{escape(s.verb)}</strong> “{escape(s.text)}” "
        f"<small>(code {escape(s.code)} {escape(s.code_label)}"
        f"{'; judgement call' if s.judgement_call else ''})</small></li>"
        for s in statements
    )
    said_html = f"<ol class='statements'>{said}</ol>" if said else "<p>No statement found.</p>"
    return (
        f'<section class="cable-card actor-profile" style="{CARD_STYLE}">'
        f'<h5 style="margin:2px 0">{escape(actor.name)}</h5>'
        f"<table>{table}<tr><th scope='row' style='text-align:left;padding:1px 8px'>background"
        f"</th><td style='text-align:left;padding:1px 8px'>{background_html}</td></tr></table>"
        f"<p style='margin:4px 0'><strong>Statements ({len(statements)})</strong></p>{said_html}"
        "</section>"
    )


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def actor_explorer(cable: Cable, gazetteer: Gazetteer | None = None) -> Panel:
    """Pick an actor: role, background with source, every mention in the text, statements."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    statements = find_statements(cable, gazetteer)
    mention_counts = {
        a.id: sum(1 for m in mentions if m.actor_id == a.id) for a in gazetteer.actors
    }
    options = [
        (f"{a.name} ({counted(mention_counts[a.id], 'mention')})", a.id)
        for a in sorted(gazetteer.actors, key=lambda a: (-mention_counts[a.id], a.name))
    ]
    choice = labelled(widgets.Dropdown(options=options), "Actor:")
    show_said = labelled(widgets.Checkbox(value=True), "Highlight what they said")
    view = widgets.HTML()
    panel = Panel(
        "Actor explorer",
        {"actor": choice, "show_said": show_said},
        view,
        description=f"Actors from {gazetteer.described}. Pick one to see every mention.",
    )
    panel.state["gazetteer"] = gazetteer

    def render(_: object = None) -> None:
        if not options:
            view.value = note_html("This gazetteer has no actors.")
            return
        actor_id = choice.value
        own = [m for m in mentions if m.actor_id == actor_id]
        said = [s for s in statements if s.speaker == actor_id]
        panel.state.update(actor=actor_id, mentions=own, statements=said)
        text = mention_highlight_html(cable, own, said if show_said.value else [])
        view.value = (
            _profile_html(gazetteer, actor_id, own, said)
            + _legend()
            + f'<div class="cable-evidence" style="{_TEXT_BOX}">{text}</div>'
        )

    choice.observe(render, names="value")
    show_said.observe(render, names="value")
    render()
    return panel


@takes_cable
def voice_reference(cable: Cable, gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """Speaker id → voice from the gazetteer, for every actor with at least one statement."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    speakers = list(dict.fromkeys(s.speaker for s in find_statements(cable, gazetteer)))
    return {s: gazetteer[s].voice for s in speakers if gazetteer[s].voice in VOICES}


_VOICE_CHOICES = ("official", "unofficial", "embassy", "media", "foreign government")
#: The scroll box around highlighted cable text (the panels' script scrolls it to the first mark).
_TEXT_BOX = "max-height:28em;overflow:auto;border:1px solid #8c8c8c;border-radius:4px"


def _draft_speakers(cable: Cable, gazetteer: Gazetteer) -> dict[str, str]:
    """Speaker id → the draft's guessed voice ('' when it has none): every actor who speaks,
    or, when no statement is found, the most mentioned people and organisations."""
    statements = find_statements(cable, gazetteer)
    speakers = list(dict.fromkeys(s.speaker for s in statements))
    if not speakers:
        mentions = find_mentions(cable, gazetteer, pronouns=False)
        counted = {a.id: sum(1 for m in mentions if m.actor_id == a.id) for a in gazetteer.actors}
        ranked = sorted(
            (a for a in gazetteer.actors if a.type not in ("state", "international organisation")),
            key=lambda a: -counted[a.id],
        )
        speakers = [a.id for a in ranked if counted[a.id]][:8]
    return {s: gazetteer[s].voice if gazetteer[s].voice in _VOICE_CHOICES else "" for s in speakers}


@takes_cable
@takes(gazetteer=GAZETTEER.or_none())
def voice_sorter(cable: Cable, gazetteer: Gazetteer | None = None) -> Panel:
    """Classify each speaker (official, unofficial, embassy, media, foreign government).

    One row of toggle buttons per speaker: Tab to a voice, Space or Enter to
    choose it, Tab on to the check button. Nothing is chosen at first.

    With a curated or your own gazetteer, your choices are checked against its
    ``voice`` column. With a draft gazetteer (a cable nobody annotated) nothing is
    checked: your choices are shown beside the draft's guesses, which are
    guesses from the actor's type and title, not answers.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    draft = gazetteer.source == "draft"
    if draft:
        reference = _draft_speakers(cable, gazetteer)
    else:
        reference = {k: v for k, v in voice_reference(cable, gazetteer).items() if v != "none"}
    controls: dict[str, widgets.Widget] = {}
    for speaker in reference:
        choice = toggle_choice(list(_VOICE_CHOICES), f"{gazetteer[speaker].name}:")
        choice.style.description_width = "13em"  # the rows line up
        controls[speaker] = choice
    label = "Compare with the draft" if draft else "Check my sorting"
    check = widgets.Button(
        description=label,
        tooltip="Show the draft's guesses beside yours" if draft else "Compare with the reference",
        layout=widgets.Layout(width="max-content"),  # (the whole label)
    )
    controls["check"] = check
    view = widgets.HTML(note_html(f"Choose a voice for each speaker, then press {label}."))
    description = (
        "Each speaker in the cable: an official of the government, an unofficial voice "
        "(commentators, the public), the Embassy, the media, or a foreign government?"
    )
    if draft:
        description += (
            " This cable has no checked list of actors: the speakers come from a DRAFT, "
            "and nothing here is marked right or wrong."
        )
    panel = Panel("Voice sorter: who speaks for whom?", controls, view, description=description)
    panel.control_box.layout.flex_flow = "column"
    panel.state["reference"] = reference
    panel.state["draft"] = draft
    if not reference:
        view.value = note_html(
            "No speaker was found in this gazetteer: add the actors who speak to your own "
            "gazetteer (and their 'voice' column) first."
        )

    def run(_: object = None) -> None:
        answers = {s: controls[s].value or "" for s in reference}
        if draft:
            _compare_with_draft(panel, gazetteer, reference, answers)
            return
        wrong = [s for s in reference if answers[s] and answers[s] != reference[s]]
        right = [s for s in reference if answers[s] == reference[s]]
        empty = [s for s in reference if not answers[s]]
        panel.state.update(right=right, wrong=wrong, empty=empty)
        items = []
        for s in wrong:
            actor = gazetteer[s]
            items.append(
                f"<li><strong>{escape(actor.name)}</strong>: you chose "
                f"{escape(answers[s])}. Look again at how the cable introduces them: "
                f"“{escape(actor.role)}”</li>"
            )
        summary = f"{len(right)} of {len(reference)} right"
        if empty:
            summary += f", {len(empty)} not chosen yet"
        colour = "#009E73" if not wrong and not empty else "#D55E00"
        note = (
            "<p>All right. Now ask: whose view does each voice carry, and who chose to quote "
            "it? (Fariz Ismailzade works for the MFA's academy but speaks as a commentator: "
            "the reference calls him unofficial, and that is a judgement call.)</p>"
            if not wrong and not empty and cable.id == "08BAKU151"
            else ""
        )
        view.value = (
            f'<div class="cable-card voice-feedback" role="status" style="{CARD_STYLE};'
            f'border-left:6px solid {colour}"><strong>{escape(summary)}</strong>'
            f"<ul>{''.join(items)}</ul>{note}</div>"
        )

    check.on_click(run)
    return panel


def _compare_with_draft(
    panel: Panel, gazetteer: Gazetteer, guesses: dict[str, str], answers: dict[str, str]
) -> None:
    """Your choices beside the draft's guesses: compared, never marked."""
    agree = [s for s in guesses if answers[s] and answers[s] == guesses[s]]
    differ = [s for s in guesses if answers[s] and guesses[s] and answers[s] != guesses[s]]
    empty = [s for s in guesses if not answers[s]]
    panel.state.update(answers=answers, agree=agree, differ=differ, empty=empty)
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left;padding:1px 8px'>"
        f"{escape(gazetteer[s].name)}</th>"
        f"<td style='padding:1px 8px'>{escape(answers[s] or '—')}</td>"
        f"<td style='padding:1px 8px'>{escape(guesses[s] or 'no guess')}</td></tr>"
        for s in guesses
    )
    summary = f"{len(agree)} of {len(guesses)} choices agree with the draft's guess" + (
        f", {len(empty)} not chosen yet" if empty else ""
    )
    panel.view.value = (
        f'<div class="cable-card voice-feedback" role="status" style="{CARD_STYLE};'
        f'border-left:6px solid #0072B2"><strong>{escape(summary)}</strong>'
        "<p>The draft guesses a voice from the actor's type and title only; it has not "
        "read the cable as you have. Where you differ, argue your choice from the text.</p>"
        "<table class='voice-comparison'><thead><tr><th scope='col'>speaker</th>"
        "<th scope='col'>your choice</th><th scope='col'>the draft's guess (unchecked)</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )
