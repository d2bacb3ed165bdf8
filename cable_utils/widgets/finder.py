"""Lesson 06: the cable finder. Search the corpus, pick a hit, read it in context, choose it.

:func:`cable_finder` returns a :class:`~cable_utils.widgets._common.Panel`:

- ``controls``: ``query`` (text), ``post``, ``year_from``, ``year_to``,
  ``classification``, ``tag`` (dropdowns), ``search`` (button), ``hit`` (the
  list of hits: selecting one shows it), ``use`` (the button that makes the
  selected cable the one lessons 01–05 read, through
  :func:`cable_utils.lessons.chosen.choose_cable`, the mechanism of ``add``);
- ``view``: the results table (or a plain message for a query that cannot be
  read); ``panel.kwic``: every match of the query in the selected cable, in
  context, with raw offsets; ``panel.card``: the selected cable's summary card;
  ``panel.status``: what the *use* button did.
- ``state``: ``results``, ``hit``, ``cable`` (the selected, parsed cable) and
  ``chosen`` (the cable the button chose, if any).

Everything shown is escaped. The widget reads the index; nothing here parses
except through the index (``CorpusIndex.cable``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .._arguments import INDEX, takes
from ..corpus.index import CorpusIndex, Hit, SearchError, default_index
from ..errors import CableError
from ..model import Cable
from ..views.render import summary_card_html
from ..views.search import hit_kwic_html, results_html
from ._common import Panel, labelled, note_html

__all__ = ["cable_finder"]

_ANY = "any"
# The value of "any" in a filter. Not None: ipywidgets 8 reads a Dropdown's None value as
# "nothing selected", so a learner who set a filter back to "any" saw an empty box.
_NO_FILTER = ""


def _status(text: str, *, alert: bool = False) -> str:
    role, colour = ("alert", "#B34700") if alert else ("status", "#1A5E20")
    return f"<p role='{role}' style='margin:4px 0;color:{colour}'>{escape(text)}</p>"


def _hit_label(number: int, hit: Hit) -> str:
    subject = hit.subject or "(no subject)"
    subject = subject if len(subject) <= 70 else subject[:69] + "…"
    return f"{number}. {hit.id} · {(hit.date or 'undated')[:10]} · {hit.post or '?'} · {subject}"


def _default_choose(source: Any, **kwargs: Any) -> Cable:
    from ..lessons.chosen import choose_cable

    return choose_cable(source, **kwargs)


@takes(INDEX.or_none())
def cable_finder(
    index: CorpusIndex | None = None,
    *,
    query: str = "Karabakh",
    limit: int = 25,
    choose: Callable[..., Cable] | None = None,
) -> Panel:
    """Search box and filters, a results table, a hit in context, and a *use this cable* button."""
    index = index if index is not None else default_index()
    choose = choose or _default_choose
    low, high = index.years
    years = [(_ANY, _NO_FILTER)] + [(str(year), year) for year in range(low, high + 1)]
    text = labelled(
        widgets.Text(
            value=query,
            placeholder='words, "a phrase", prefix*, AND / OR / NOT',
            continuous_update=False,
            layout=widgets.Layout(width="28em"),
        ),
        "Search:",
    )
    post = labelled(
        widgets.Dropdown(
            options=[(_ANY, _NO_FILTER)] + [(f"{p} ({n})", p) for p, n in index.posts()]
        ),
        "Post:",
    )
    year_from = labelled(widgets.Dropdown(options=years), "From year:")
    year_to = labelled(widgets.Dropdown(options=years), "To year:")
    level = labelled(
        widgets.Dropdown(
            options=[(_ANY, _NO_FILTER)] + [(c, c) for c, _ in index.classifications()]
        ),
        "Classification:",
    )
    tag = labelled(
        # every code, most frequent first: the lesson asks for KV, carried by 7 cables
        widgets.Dropdown(
            options=[(_ANY, _NO_FILTER)] + [(f"{t} ({n})", t) for t, n in index.tag_counts()]
        ),
        "TAGS:",
    )
    search = widgets.Button(description="Search", tooltip="Search the corpus", icon="search")
    hits = labelled(widgets.Select(options=[], rows=8, layout=widgets.Layout(width="60em")), "Hit:")
    use = widgets.Button(
        description="Use this cable in lessons 01–05",
        tooltip="Make the selected cable the one lessons 01–05 read (lesson_cable())",
        layout=widgets.Layout(width="auto"),
        disabled=True,
    )
    view, kwic, card, status = (widgets.HTML() for _ in range(4))
    panel = Panel(
        "Cable finder",
        {
            "query": text,
            "post": post,
            "year_from": year_from,
            "year_to": year_to,
            "classification": level,
            "tag": tag,
            "search": search,
        },  # fmt: skip
        view,
        extra=[
            hits,
            widgets.HTML(note_html("Every match of the search in the selected cable:")),
            kwic,
            card,
            widgets.HBox([use]),
            status,
        ],
        description=(
            f"Search the {len(index):,} cables of the corpus. Filters by year leave out "
            "cables with no date. Select a hit to read it in context."
        ),
    )
    panel.controls.update({"hit": hits, "use": use})
    panel.kwic, panel.card, panel.status = kwic, card, status  # type: ignore[attr-defined]
    panel.add_class("cable-finder")

    updating = {"hits": False}

    def show(cable_id: str | None) -> None:
        results = panel.state.get("results")
        hit = next((h for h in results or () if h.id == cable_id), None) if cable_id else None
        panel.state["hit"] = hit
        use.disabled = hit is None
        status.value = ""
        if hit is None:
            kwic.value = card.value = ""
            panel.state["cable"] = None
            return
        view.value = results_html(results, selected=hit.id)
        try:
            kwic.value = hit_kwic_html(hit, index.raw_text(hit.id))
            cable = index.cable(hit.id)
        except CableError as error:  # a cable the parser cannot read is still shown in context
            panel.state["cable"] = None
            card.value = _status(f"{hit.id} could not be read as a cable: {error}", alert=True)
            return
        panel.state["cable"] = cable
        card.value = summary_card_html(cable)

    def refuse(message: str) -> None:
        panel.state["results"] = None
        view.value = _status(message, alert=True)
        hits.options = []
        show(None)

    def run(_: object = None) -> None:
        if year_from.value and year_to.value and year_from.value > year_to.value:
            refuse(
                f"From year ({year_from.value}) is after To year ({year_to.value}): "
                "no cable can match. Swap them, or set one to 'any'."
            )
            return
        try:
            results = index.search(
                text.value,
                post=post.value or None,
                date_from=str(year_from.value) if year_from.value else None,
                date_to=str(year_to.value) if year_to.value else None,
                classification=level.value or None,
                tags=[tag.value] if tag.value else (),
                limit=limit,
            )
        except SearchError as error:
            refuse(str(error))
            return
        panel.state["results"] = results
        view.value = results_html(results)
        updating["hits"] = True  # one show() below, not one per change of the list
        try:
            hits.options = [(_hit_label(n, h), h.id) for n, h in enumerate(results, start=1)]
            hits.value = results.hits[0].id if results.hits else None
        finally:
            updating["hits"] = False
        show(hits.value)

    def use_selected(_: object = None) -> None:
        hit = panel.state.get("hit")
        if hit is None:
            return
        record = index.record(hit.id)
        path = Path(record["path"]) if record.get("path") else None
        try:
            if path is not None and path.is_file():
                chosen = choose(path)
            else:  # a cable read from a cables.csv: its text is added as a pasted one
                chosen = choose(index.raw_text(hit.id), cable_id=hit.id)
        except (CableError, ImportError) as error:
            status.value = _status(f"{hit.id} was not chosen: {error}", alert=True)
            return
        panel.state["chosen"] = chosen
        status.value = _status(
            f"{chosen.id} is now the chosen cable (kept in your work folder). Every lesson "
            "that starts from the chosen cable opens it: its first cells call lesson_cable(). "
            "Run the lesson again. To go back to 08BAKU151, choose it here or in lesson 05."
        )

    search.on_click(run)
    text.observe(lambda change: run(), names="value")
    hits.observe(lambda change: None if updating["hits"] else show(change["new"]), names="value")
    use.on_click(use_selected)
    run()
    return panel
