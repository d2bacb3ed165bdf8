"""The context primer's explorer: the sourced timeline, one part of the story at a time."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .._arguments import CABLE, TIMELINE, takes
from .._words import counted
from ..analysis.argument import TimelineEvent, _when_text
from ..model import Cable
from ..reference.sources import cite, load_sources, source_ids
from ..views.plots.argument import describe_timeline, timeline_figure
from ._common import Panel, labelled, note_html
from ._figures import show_figure

__all__ = ["STORY_PARTS", "context_timeline_explorer", "events_html"]

#: The primer's parts: label in the menu → the timeline's ``topic`` (None: everything).
STORY_PARTS: dict[str, str | None] = {
    "Kosovo, 1999–2008": "Kosovo",
    "Nagorno-Karabakh and the Minsk Group, 1988–2007": "Nagorno-Karabakh",
    "The weeks of the cable, February–April 2008": "the cable",
    "What happened next, 2008–2024": "afterwards",
    "Everything, 1988–2024": None,
}


def events_html(events: list[TimelineEvent]) -> str:
    """The events as an accessible table: date, event, and each source with its address."""
    table = load_sources()
    rows = []
    for event in events:
        links = []
        for key in source_ids(event.source):
            found = table.get(key)
            if found is not None and found.address.startswith(("http://", "https://")):
                links.append(
                    f'<a href="{escape(found.address, quote=True)}" target="_blank" '
                    f'rel="noopener">{escape(found.short)}</a>'
                )
            else:
                links.append(escape(cite(key) or key))
        rows.append(
            f'<tr><th scope="row" style="text-align:left;vertical-align:top;padding:2px 8px;'
            f'white-space:nowrap">{escape(_when_text(event))}</th>'
            f'<td style="text-align:left;padding:2px 8px">{escape(event.event)}</td>'
            f'<td style="text-align:left;padding:2px 8px"><small>{"; ".join(links)}</small></td></tr>'
        )
    head = (
        '<tr><th scope="col">When</th><th scope="col">What happened</th>'
        '<th scope="col">Sources (data/sources.csv)</th></tr>'
    )
    return (
        f'<table class="context-timeline" style="border-collapse:collapse">'
        f"<caption style='text-align:left'>{counted(len(events), 'event')}</caption>"
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


@takes(TIMELINE, cable=CABLE.or_none())
def context_timeline_explorer(
    events: list[TimelineEvent], cable: Cable | None = None, *, initial: str | None = None
) -> Panel:
    """Choose a part of the story: its events as a table with sources, and on a timeline.

    The figure is kept in ``panel.state["figure"]`` and its text twin in
    ``panel.state["summary"]``; ``panel.view`` is the table.
    """
    choice = labelled(
        widgets.Dropdown(options=list(STORY_PARTS), value=initial or next(iter(STORY_PARTS))),
        "Part of the story",
    )
    view = widgets.HTML()
    output = widgets.Output()
    panel = Panel(
        "The history around 08BAKU151, part by part",
        {"part": choice},
        view,
        extra=[output],
        description="Every event cites its sources: follow a link to read one. Hover over a "
        "point of the timeline for the event and its source.",
    )

    def refresh(_: object = None) -> None:
        topic = STORY_PARTS[choice.value]
        chosen = [e for e in events if topic is None or e.topic == topic]
        panel.state["events"] = chosen
        if not chosen:
            view.value = note_html("No events in this part of the timeline.")
            output.outputs = ()
            return
        view.value = events_html(chosen)
        figure = timeline_figure(chosen, cable)
        figure.update_layout(title={"text": f"Timeline: {choice.value}"})
        summary = describe_timeline(chosen, cable)
        panel.state["figure"] = figure
        panel.state["summary"] = summary
        show_figure(output, figure, summary)

    choice.observe(refresh, names="value")
    refresh()
    return panel
