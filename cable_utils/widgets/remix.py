"""Lesson 05 widgets: choose a cable, run the tour on it, start annotating it.

* :func:`cable_chooser`: a sample dropdown, a file upload and a box for pasted
  text; the chosen cable is in ``panel.state["cable"]``.
* :func:`remix_tour`: the explorers of lessons 01–04 assembled for any cable;
  a piece that is missing or does not fit the cable is replaced by a sentence
  that says why.
* :func:`gazetteer_editor`: correct the draft actor list and save it as the
  cable's gazetteer (``my_work/<ID>/actors.csv``, which lesson 03 reloads).
* :func:`stance_template`: code each actor's stance toward your claims
  (``my_work/<ID>_stances.csv``, the file lesson 04 reloads).

Every piece of cable or user text shown here is escaped.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape
from typing import Any

import ipywidgets as widgets

from .._arguments import CABLE_ID, Needs, takes
from ..analysis.remix import (
    COLLECTION_CABLE,
    load_sample,
    sample_options,
    try_load,
    warnings_table,
    work_id,
)
from ..errors import CableError
from ..lessons.chosen import choose_cable, lesson_cable
from ..lessons.solutions import in_static_edition
from ..model import Cable
from ..parse import takes_cable
from ..views.render import summary_card_html
from ..views.tables import table_html
from ._common import Panel, labelled, note_html, status_html, toggle_choice

__all__ = [
    "ChosenView",
    "TourPieces",
    "cable_chooser",
    "chosen_cable",
    "current_cable",
    "follow_chosen",
    "forget_shown",
    "refresh_followers",
    "gazetteer_editor",
    "remix_tour",
    "stance_template",
    "warnings_html",
]


@takes_cable
def warnings_html(cable: Cable) -> str:
    """The cable's warnings with what each means for a historian (an escaped table)."""
    frame = warnings_table(cable)
    if frame.empty:
        return "<p><strong>Warnings:</strong> none. The reader found every part it expected.</p>"
    rows = "".join(
        f"<tr><td>{escape(r.topic)}</td><td><code>{escape(r.warning)}</code></td>"
        f"<td>{escape(r.meaning)}</td><td>{escape(r.what_to_do)}</td></tr>"
        for r in frame.itertuples()
    )
    return (
        '<table class="remix-warnings" style="border-collapse:collapse">'
        "<caption style='text-align:left;font-weight:bold'>Warnings, explained</caption>"
        "<thead><tr><th scope='col'>Topic</th><th scope='col'>What the reader noticed</th>"
        "<th scope='col'>What it means for a historian</th><th scope='col'>What to do</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _card(cable: Cable, message: str) -> str:
    return (
        f"<p class='remix-message' role='status'>{escape(message)}</p>"
        f"{summary_card_html(cable)}{warnings_html(cable)}"
    )


#: The dropdown's entry while the chosen cable is one's own text, not a sample.
OWN_TEXT = ("(your own text: uploaded or pasted)", "")
#: The cable this kernel's chooser shows, and whether a student chose it there: the one
#: place lesson 05's cells read the cable from (:func:`chosen_cable`, :func:`follow_chosen`).
_SHOWN: dict[str, Any] = {"cable": None, "by_student": False}
#: How a chooser's source is recorded by :func:`~cable_utils.lessons.chosen.choose_cable`.
_RECORDED_AS = {"sample": "id", "upload": "upload", "paste": "paste"}


@takes(CABLE_ID.or_none())
def cable_chooser(initial: str | None = COLLECTION_CABLE) -> Panel:
    """Choose a cable three ways: a sample, an uploaded file, or pasted text.

    The chooser shows ``initial`` (the lesson's ``CABLE_ID``; ``None``: the
    cable chosen before, :func:`~cable_utils.lessons.chosen.lesson_cable`)
    without recording anything, so Run All writes nothing. A student's choice
    here is an explicit action: it is recorded by
    :func:`~cable_utils.lessons.chosen.choose_cable` (so lessons 03 and 04 read
    it too), and it stays when the chooser's cell runs again in this kernel.
    The dropdown always says what is shown (a sample's ID, or "your own text").
    A problem (not a cable, binary data, an empty box) is shown as a message and
    the previous cable stays.

    When the cable changes after the lesson's views were drawn
    (:func:`follow_chosen`), a "Cable changed — re-run below" banner under the
    controls says so, with a button that redraws those views for the new cable.
    """
    options = sample_options()
    ids = [cable_id for _, cable_id in options]
    kept = _SHOWN["cable"] if _SHOWN["by_student"] else None
    start = kept or (load_sample(initial) if initial in ids else lesson_cable(initial))
    sample = labelled(
        widgets.Dropdown(
            options=[OWN_TEXT, *options],
            value=start.id if start.id in ids else "",
        ),
        "A sample cable:",  # (labelled() makes it as wide as the longest entry)
    )
    upload = labelled(
        # as wide as its words: at its default width the button read "Or upload a .tx…"
        widgets.FileUpload(
            accept=".txt,text/plain", multiple=False, layout=widgets.Layout(width="auto")
        ),
        "Or upload a .txt file:",
    )
    paste = labelled(
        widgets.Textarea(
            placeholder="…or paste the full text of a cable here, then press the button",
            layout=widgets.Layout(width="46em", height="8em"),
        ),
        "Or paste text:",
    )
    load = widgets.Button(
        description="Load pasted text", tooltip="Read the text pasted in the box as a cable"
    )
    banner = widgets.HTML()
    rerun = widgets.Button(
        description="Re-run the views below",
        tooltip="Draw the tour, warnings and comparison below again, for the chosen cable",
        layout=widgets.Layout(display="none", width="auto"),
    )
    view = widgets.HTML()
    panel = Panel(
        "Choose a cable",
        {"sample": sample, "upload": upload, "paste": paste, "load": load},
        view,
        description="Pick one of the collection's cables, upload a file, or paste text.",
    )
    # the banner right under the controls that cause it, before the card
    heading, controls, *rest = panel.children
    panel.children = (heading, controls, banner, rerun, *rest)
    panel.controls["rerun"] = rerun
    panel.state.update(
        history=[], banner=banner, cable=start, source="sample" if start.id in ids else "start"
    )
    _SHOWN["cable"] = start
    quiet = {"active": False}

    def show(source: str, value: Any) -> None:
        if quiet["active"] or (source == "sample" and value == ""):
            return
        outcome = try_load(source, value)
        panel.state["outcome"] = outcome
        panel.state["history"].append((source, outcome.ok))
        if outcome.cable is None:
            kept = panel.state.get("cable")
            still = f" The cable chosen before ({_label(kept)}) is still chosen." if kept else ""
            view.value = (
                f"<p class='remix-error' role='alert' style='color:#B34700'>"
                f"⚠ {escape(outcome.message)}{escape(still)}</p>" + (view.value if kept else "")
            )
            return
        cable, message = outcome.cable, outcome.message
        try:  # recorded for every lesson: a pasted text is first added to my_work/cables
            cable = choose_cable(outcome.cable, how=_RECORDED_AS[source])
        except CableError as error:
            message += f" (Not recorded for the other lessons: {error}.)"
        _SHOWN.update(cable=cable, by_student=True)
        panel.state.update(cable=cable, source=source)
        view.value = _card(cable, message)
        if source != "sample":  # the dropdown says the cable is one's own text now
            quiet["active"] = True
            sample.value = cable.id if cable.id in ids else ""
            quiet["active"] = False
        update_banner()

    def update_banner() -> None:
        cable = current_cable()
        stale = sorted({shown for shown in _shown_ids() if shown != _label(cable)})
        rerun.layout.display = "inline-flex" if stale else "none"
        if stale:
            rerun.description = f"Re-run the views below with {_label(cable)}"
            banner.value = (
                "<div class='cable-banner cable-changed' role='alert'><strong>Cable changed"
                f" — re-run below.</strong> You chose {escape(_label(cable))}; the views "
                f"below still show {escape(', '.join(stale))}. The button redraws the tour, "
                "the warnings and the comparison; exercise cells read the chosen cable when "
                "you run them again.</div>"
            )
        else:
            banner.value = ""

    def rerun_below(_button: object = None) -> None:
        refresh_followers()
        update_banner()
        banner.value = status_html(f"The views below now show {_label(current_cable())}.")

    sample.observe(lambda change: show("sample", change["new"]), names="value")
    upload.observe(
        lambda change: show("upload", change["new"]) if change["new"] else None, names="value"
    )
    load.on_click(lambda _button: show("paste", paste.value))
    rerun.on_click(rerun_below)
    panel.state["update_banner"] = update_banner
    if kept is not None:
        note = f"Kept the cable chosen before in this notebook ({_label(kept)})."
        if initial and kept.id != initial:
            note += f" CABLE_ID above ({initial}) is where a new kernel starts."
        view.value = _card(kept, note)
    else:
        view.value = _card(start, "The cable this lesson starts with.")
    update_banner()
    return panel


def current_cable() -> Cable:
    """The cable this kernel's chooser shows; without a chooser, the chosen cable."""
    cable = _SHOWN["cable"]
    return cable if isinstance(cable, Cable) else lesson_cable()


def chosen_cable(chooser: Panel | None = None) -> Cable:
    """The cable lesson 05 reads: what its chooser shows (:func:`current_cable`).

    ``chooser`` is accepted for older notebooks and not needed: the choice has one home.
    """
    return current_cable()


def forget_shown() -> None:
    """Forget what this kernel's chooser showed (tests; a new kernel starts this way)."""
    _SHOWN.update(cable=None, by_student=False)


# --------------------------------------------------------------------------- views that follow

_FOLLOWERS: list[weakref.ref] = []


def _label(cable: Cable) -> str:
    return cable.id or "your own text"


def _shown_ids() -> list[str]:
    alive = [ref() for ref in _FOLLOWERS]
    return [f.state["shown"] for f in alive if f is not None and "shown" in f.state]


def refresh_followers() -> None:
    """Redraw every :func:`follow_chosen` view for the chosen cable."""
    for ref in list(_FOLLOWERS):
        follower = ref()
        if follower is None:
            _FOLLOWERS.remove(ref)
        else:
            follower.render()


class ChosenView(widgets.Output):
    """The output of ``build(current_cable())``, redrawn by the chooser's "re-run" button."""

    def __init__(self, build: Callable[[Cable], Any]) -> None:
        super().__init__()
        self.build = build
        self.state: dict[str, Any] = {}
        self.add_class("cable-follows-choice")
        _FOLLOWERS.append(weakref.ref(self))
        self.render()

    def render(self) -> None:
        cable = current_cable()
        result = self.build(cable)
        self.state.update(shown=_label(cable), result=result)
        self.outputs = (_display_data(result),)


def _display_data(value: Any) -> dict[str, Any]:
    """``value`` as one display_data output, formatted as the notebook would show it."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - ipywidgets needs IPython
        shell = None
    if shell is not None:
        data, metadata = shell.display_formatter.format(value)
    else:
        from IPython.core.formatters import DisplayFormatter

        data, metadata = DisplayFormatter().format(value)
    return {"output_type": "display_data", "data": data, "metadata": metadata}


@takes(Needs("a function of a cable that builds a view", "follow_chosen(remix_tour)", callable))
def follow_chosen(build: Callable[[Cable], Any]) -> ChosenView:
    """Show ``build(cable)`` for the chosen cable, and again when the chooser's button asks.

    ``follow_chosen(remix_tour)`` in a cell shows the tour of the chosen cable;
    after a new choice, "Re-run the views below" in the chooser redraws it.
    ``view.state["result"]`` is the value built last (a DataFrame, a panel…).
    """
    return ChosenView(build)


# --------------------------------------------------------------------------- the tour


def _draft_actor_html(cable: Cable) -> str:
    from ..analysis.actors import actors_table, load_gazetteer

    gazetteer = load_gazetteer(cable)
    frame = actors_table(cable, gazetteer)
    notes = "".join(note_html(n) for n in gazetteer.notes)
    columns = [c for c in ("id", "name", "type", "role", "mentions", "statements") if c in frame]
    return f"<p>This list is {escape(gazetteer.described)}.</p>{notes}" + table_html(frame[columns])


def _template_html(cable: Cable) -> str:
    from ..analysis.actors import load_gazetteer
    from ..analysis.argument import claims_template, has_curated_claims

    gazetteer = load_gazetteer(cable)
    template = claims_template(cable, gazetteer.ids)
    curated = (
        "<p>This cable also has a curated argument: lesson 04 shows it.</p>"
        if has_curated_claims(cable.id)
        else "<p>No one has mapped this cable's argument yet: this empty template, "
        "one row per actor, is where to start (exercise 05.3 below).</p>"
    )
    return curated + table_html(template)


def _html(value: str) -> widgets.HTML:
    return widgets.HTML(value)


def _pieces() -> list[tuple[str, str, Callable[[Cable], Any]]]:
    """(title, where it comes from, builder) for each part of the tour."""

    def widget(module: str, name: str) -> Callable[[Cable], Any]:
        def build(cable: Cable) -> Any:
            from importlib import import_module

            return getattr(import_module(f"cable_utils.widgets.{module}"), name)(cable)

        return build

    return [
        ("Summary", "lesson 00", lambda c: widgets.HTML(_card(c, "The cable at a glance."))),
        ("Segments", "lesson 01 (segment explorer)", widget("anatomy", "segment_explorer")),
        ("Paragraphs", "lesson 02 (paragraph browser)", widget("body", "paragraph_browser")),
        ("Redaction", "lesson 02 (redaction simulator)", widget("body", "redaction_simulator")),
        ("Actors (draft)", "lesson 03 (draft actors)", lambda c: _html(_draft_actor_html(c))),
        ("Argument template", "lesson 04 (claims template)", lambda c: _html(_template_html(c))),
    ]  # fmt: skip


class TourPieces(Mapping[str, widgets.Widget]):
    """The tour's parts by title, each built the first time it is asked for.

    Opening a tab asks for its part (:meth:`open`), and so does ``pieces[title]`` in
    code (tests, a curious student): either way the part replaces its tab's
    placeholder. Building all six parts at once was most of lesson 05's tour cell
    (about 80 ms of the kernel's CPU and some 130 widgets sent to the browser) for
    five tabs nobody had opened yet. ``list(pieces)`` lists the titles without
    building anything; :meth:`built` says which parts exist so far.
    """

    def __init__(
        self,
        cable: Cable,
        tabs: widgets.Tab,
        specs: Sequence[tuple[str, str, Callable[[Cable], Any]]],
        missing: dict[str, str],
    ) -> None:
        self._cable, self._tabs, self._missing = cable, tabs, missing
        self._specs = {title: (origin, build) for title, origin, build in specs}
        self._built: dict[str, widgets.Widget] = {}

    def open(self, title: str) -> widgets.Widget:
        """The part called ``title``, built (and put in its tab) if it is not yet."""
        if title not in self._built:
            origin, build = self._specs[title]  # KeyError for an unknown title, as a dict
            piece = _build_piece(self._cable, title, origin, build, self._missing)
            self._built[title] = piece
            children = list(self._tabs.children)
            index = list(self._specs).index(title)
            placeholder, children[index] = children[index], piece
            self._tabs.children = tuple(children)
            placeholder.close()
        return self._built[title]

    def __getitem__(self, title: str) -> widgets.Widget:
        return self.open(title)

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def built(self) -> list[str]:
        """The titles of the parts built so far, in tab order."""
        return [title for title in self._specs if title in self._built]


def _build_piece(
    cable: Cable,
    title: str,
    origin: str,
    build: Callable[[Cable], Any],
    missing: dict[str, str],
) -> widgets.Widget:
    """One part of the tour, or a sentence saying why it cannot be shown (kept in ``missing``)."""
    try:
        return build(cable)
    except (ImportError, AttributeError) as error:
        reason = f"this part comes from {origin}, which is not available in this copy ({error})"
    except (CableError, ValueError, KeyError) as error:
        reason = f"{origin} cannot show this cable: {error}"
    except Exception as error:  # noqa: BLE001 - a tab is built on a click, where a raise shows nothing
        reason = (
            f"{origin} failed on this cable ({type(error).__name__}: {error}); this is a fault "
            "of the collection, please report it"
        )
    missing[title] = reason
    return widgets.HTML(note_html(f"{title}: {reason}."))


def _placeholder(title: str, origin: str) -> widgets.HTML:
    # Seen only where no kernel answers the click: a saved or static copy of the lesson.
    return widgets.HTML(
        note_html(
            f"{title}: {origin}, for this cable. It is built when you open this tab in a "
            "running notebook."
        )
    )


@takes_cable
def remix_tour(cable: Cable) -> Panel:
    """The explorers of lessons 01–04 for any cable, one tab each.

    The first tab is built at once and every other the first time it is opened
    (:class:`TourPieces`). A part whose module is missing, or that cannot work on
    this cable, is replaced by a sentence saying why, recorded in
    ``panel.state["missing"]`` when that part is built; the rest of the tour still
    works. ``panel.state["pieces"]`` maps each title to its widget, building it if
    needed (``dict(panel.state["pieces"])`` builds them all).
    """
    specs = _pieces()
    titles = [title for title, _, _ in specs]
    eager = in_static_edition()  # no kernel will answer a click: every tab is drawn now
    # The tabs are the only control: a second "part of the tour" menu repeated them
    # and did not follow a tab clicked.
    tabs = widgets.Tab(
        children=[_placeholder(title, origin) for title, origin, _ in specs], titles=titles
    )
    missing: dict[str, str] = {}
    pieces = TourPieces(cable, tabs, specs, missing)
    # built now: the tab shown first, or in the static edition every tab
    for title in titles if eager else [titles[tabs.selected_index or 0]]:
        pieces.open(title)

    def open_selected(change: dict[str, Any]) -> None:
        if change["new"] is not None:
            pieces.open(titles[change["new"]])

    tabs.observe(open_selected, names="selected_index")
    panel = Panel(
        f"The tour on {cable.id or 'your cable'}",
        {},
        tabs,
        description="Every explorer of lessons 01–04, run on the chosen cable: one tab each.",
    )
    panel.state.update(pieces=pieces, missing=missing, cable=cable)
    return panel


# --------------------------------------------------------------------------- annotating


@takes_cable
@takes(cable_id=CABLE_ID.or_none())
def gazetteer_editor(cable: Cable, cable_id: str | None = None) -> Panel:
    """Correct the actor list (CSV text) and save it as the cable's gazetteer.

    The box starts with your saved gazetteer, else the curated one, else the
    draft. "Save" checks the text (every row needs an id and a name) and
    writes ``my_work/<ID>/actors.csv`` atomically; lessons 03 and 04 load it
    when ``CABLE_ID`` is set to this ID. Nothing is written when the text has
    a problem; the message says which line.
    """
    from ..analysis.actors import (
        gazetteer_csv_text,
        load_gazetteer,
        parse_gazetteer_csv,
        save_gazetteer,
    )

    the_id = cable_id or work_id(cable)
    if cable.id == the_id:
        start = load_gazetteer(cable)
    else:  # a cable without a usable ID: saved work lives under the_id
        try:
            start = load_gazetteer(the_id, source="yours")
        except CableError:
            start = load_gazetteer(cable, source="draft")
    box = labelled(
        widgets.Textarea(
            value=gazetteer_csv_text(start), layout=widgets.Layout(width="60em", height="16em")
        ),
        "Actor list (CSV: edit, add or delete rows):",
    )
    save = widgets.Button(
        description="Save my actor list",
        tooltip=f"Save as {the_id}'s gazetteer",
        layout=widgets.Layout(width="max-content"),  # (the whole label)
    )
    view = widgets.HTML(
        f"<p>Starting from {escape(start.described)}. Delete rows that are not actors, "
        "fix names, add who is missing, then press Save.</p>"
    )
    panel = Panel(
        f"Your gazetteer for {the_id}",
        {"csv": box, "save": save},
        view,
        description="Columns: see data/annotations/README.md; id and name are required.",
    )

    def on_save(_button: object = None) -> None:
        try:
            gazetteer = parse_gazetteer_csv(box.value, source="yours", where="your actor list")
            if not len(gazetteer):
                raise CableError("your actor list has no rows; nothing was saved")
            path = save_gazetteer(gazetteer, the_id)
        except CableError as error:
            view.value = f"<p role='alert' style='color:#B34700'>⚠ {escape(str(error))}</p>"
            return
        except OSError as error:
            view.value = (
                f"<p role='alert' style='color:#B34700'>⚠ Could not save ({escape(str(error))});"
                " your text is still in the box.</p>"
            )
            return
        panel.state.update(path=path, gazetteer=gazetteer)
        view.value = (
            f"<p role='status'>Saved {len(gazetteer)} actor(s) to "
            f"<code>{escape(str(path))}</code>. "
            f"Lessons 03 and 04 use it when <code>CABLE_ID = {escape(repr(the_id))}</code>.</p>"
        )

    save.on_click(on_save)
    panel.state["save"] = on_save
    return panel


@takes_cable
def stance_template(
    cable: Cable,
    claims: Sequence[dict[str, str]],
    actors: Sequence[tuple[str, str]],
    cable_id: str | None = None,
) -> Panel:
    """Code each actor's stance toward your claims; saved at every change.

    ``claims``: dicts with ``claim_id`` and ``claim`` (your claims, exercise
    05.3). ``actors``: ``(name, id)`` pairs (from your gazetteer). Stances go
    to ``my_work/<ID>_stances.csv`` through
    :class:`~cable_utils.analysis.argument.StanceCoding`, the file lesson 04 reloads.
    """
    from ..analysis.argument import STANCES, StanceCoding

    the_id = cable_id or work_id(cable)
    claim_list = [c for c in claims if c.get("claim_id")]
    view = widgets.HTML()
    actor_choice = labelled(
        widgets.Dropdown(options=list(actors) or [("no actors yet", "")], disabled=not actors),
        "Actor to code:",
    )
    controls: dict[str, widgets.Widget] = {"actor": actor_choice}
    rows = []
    for claim in claim_list:
        claim_id = claim["claim_id"]
        stance = toggle_choice([("not coded", ""), *[(s, s) for s in STANCES]], f"{claim_id}:")
        stance.value = ""
        reason = labelled(
            widgets.Text(placeholder="one-line justification", layout=widgets.Layout(width="32em")),
            f"Reason for {claim_id}:",
        )
        reason.continuous_update = False
        controls[f"stance:{claim_id}"] = stance
        controls[f"justification:{claim_id}"] = reason
        text = widgets.HTML(
            f"<p style='margin:6px 0 2px'><strong>{escape(claim_id)}</strong>: "
            f"{escape(claim.get('claim', ''))}</p>"
        )
        rows.append(
            widgets.VBox(
                [text, widgets.HBox([stance, reason], layout=widgets.Layout(flex_flow="row wrap"))]
            )
        )
    # The save status sits right under the rows it reports on.
    panel = Panel(
        f"Stance coding for {the_id}",
        {"actor": actor_choice},
        widgets.VBox(rows),
        extra=[view],
        description="For each of your claims: is this actor FAVOR, AGAINST or NONE?",
    )
    panel.state["status"] = view
    panel.controls.update(controls)
    if not claim_list or not actors:
        view.value = note_html(
            "Write and save your claims (exercise 05.3) and your actor list first; "
            "then run this cell again."
        )
        return panel
    coding = StanceCoding.open(the_id)
    panel.state["coding"] = coding
    loading = {"active": False}

    def fill(_change: object = None) -> None:
        loading["active"] = True
        for claim in claim_list:
            stance, note = coding.get(actor_choice.value, claim["claim_id"])
            controls[f"stance:{claim['claim_id']}"].value = stance
            controls[f"justification:{claim['claim_id']}"].value = note
        loading["active"] = False

    def save(claim_id: str) -> None:
        if loading["active"]:
            return
        path = coding.set(
            actor_choice.value,
            claim_id,
            controls[f"stance:{claim_id}"].value,
            controls[f"justification:{claim_id}"].value,
        )
        warning = f"⚠ {coding.message} " if coding.kept else ""
        view.value = (
            f"<p class='save-status' role='status'>{escape(warning)}Saved "
            f"{escape(actor_choice.label or actor_choice.value)} × {escape(claim_id)} at "
            f"{time.strftime('%H:%M:%S')}: {len(coding.codes)} stance(s) in "
            f"<code>{escape(str(path))}</code>.</p>"
        )

    for claim in claim_list:
        claim_id = claim["claim_id"]
        for kind in ("stance", "justification"):
            controls[f"{kind}:{claim_id}"].observe(
                lambda _c, claim_id=claim_id: save(claim_id), names="value"
            )
    actor_choice.observe(fill, names="value")
    fill()
    message = f"{coding.message} " if coding.message else ""
    view.value = note_html(f"{message}Stances are saved in {coding.path}.")
    return panel
