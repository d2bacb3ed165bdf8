"""The shared shape and look of every explorer: a labelled panel with named controls.

Every panel carries the collection's stylesheet and keyboard helper
(``cable_utils/assets/classroom.css`` and ``classroom.js``), so each lesson looks
and behaves the same: text at a normal line height, one card style, a visible
2 px focus ring, toggle buttons that say whether they are pressed, and keys
pressed in a control that never reach JupyterLab's notebook shortcuts.

Why a script, and not a JupyterLab setting shipped with the collection: a
dropdown or a button is not a text field, so JupyterLab treats "a" or ↓ pressed
in it as a notebook shortcut (insert a cell, move the active cell: ipywidgets
issue #3912). Turning those shortcuts off in a settings file would take them
from the whole notebook, would need overriding some forty key bindings by
selector (brittle across JupyterLab releases), and would not travel with a
notebook opened in someone else's JupyterLab. Lumino, JupyterLab's toolkit,
has one documented switch per element instead: it skips every shortcut for a
key pressed in an element marked ``data-lm-suppress-shortcuts``. The script
marks the panel's own controls and nothing else. It arrives as a
``application/javascript`` output inside the panel (outputs a kernel sends in
this session are trusted), once per page however many panels there are.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources
from typing import Any

import ipywidgets as widgets

from ..views.render import CARD_STYLE

__all__ = [
    "Panel",
    "card_html",
    "classroom_script_output",
    "classroom_css",
    "classroom_script",
    "label_html",
    "labelled",
    "note_html",
    "status_html",
    "toggle_choice",
]

#: Marks the keyboard helper's output (the static site leaves it out).
SCRIPT_MARKER = "cableClassroom"


@cache
def classroom_css() -> str:
    """The panels' stylesheet (``cable_utils/assets/classroom.css``)."""
    return resources.files("cable_utils").joinpath("assets/classroom.css").read_text("utf-8")


@cache
def classroom_script() -> str:
    """The keyboard and screen-reader helper (``cable_utils/assets/classroom.js``)."""
    return resources.files("cable_utils").joinpath("assets/classroom.js").read_text("utf-8")


def classroom_script_output() -> widgets.Output:
    """An invisible Output that runs the helper script when the panel is drawn."""
    script = widgets.Output(layout=widgets.Layout(display="none", margin="0"))
    script.outputs = (
        {
            "output_type": "display_data",
            "data": {
                "application/javascript": classroom_script(),
                "text/plain": "(keyboard and screen-reader help for the panels)",
            },
            "metadata": {},
        },
    )
    script.add_class("cable-assets")
    return script


class Panel(widgets.VBox):
    """A VBox with named ``controls`` and the ``view`` that changes when they do.

    Tests and notebooks drive a panel the same way a student does: set
    ``panel.controls["name"].value`` and read ``panel.view.value``.
    Children, in order: the heading (which carries the stylesheet),
    ``control_box``, ``view``, ``extra``, and the invisible helper script.
    """

    def __init__(
        self,
        title: str,
        controls: dict[str, widgets.Widget],
        view: widgets.Widget,
        *,
        extra: list[widgets.Widget] | None = None,
        description: str = "",
    ) -> None:
        # The stylesheet travels in the heading: a page shows it as long as a panel is there.
        self.heading = widgets.HTML(
            f"<style>{classroom_css()}</style>{label_html(title, description)}"
        )
        self.control_box = widgets.Box(
            list(controls.values()),
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start", grid_gap="8px"),
        )
        super().__init__(
            [self.heading, self.control_box, view, *(extra or []), classroom_script_output()]
        )
        self.title = title
        self.controls = controls
        self.view = view
        self.state: dict[str, Any] = {}
        self.add_class("cable-panel")


def label_html(title: str, description: str = "") -> str:
    body = f"<p style='margin:0'>{escape(description)}</p>" if description else ""
    return f"<h4 style='margin:4px 0'>{escape(title)}</h4>{body}"


def note_html(text: str) -> str:
    return f"<p style='margin:4px 0;color:#333'><em>{escape(text)}</em></p>"


def status_html(text: str, *, css_class: str = "cable-status", alert: bool = False) -> str:
    """A one-line status (``role=status``; ``alert=True``: a warning, ``role=alert``)."""
    role = "alert" if alert else "status"
    colour = "#B34700" if alert else "#1a1a1a"
    mark = "⚠ " if alert else ""
    return (
        f"<p class='{escape(css_class)}' role='{role}' style='margin:4px 0;color:{colour}'>"
        f"{mark}{escape(text)}</p>"
    )


def card_html(inner_html: str, *, css_class: str = "", label: str = "") -> str:
    """``inner_html`` (already escaped) in the collection's one card style."""
    region = f" role='region' aria-label='{escape(label)}'" if label else ""
    classes = escape(f"cable-card {css_class}".strip())
    return f"<div class='{classes}'{region} style='{CARD_STYLE}'>{inner_html}</div>"


def labelled(widget: widgets.Widget, description: str) -> widgets.Widget:
    """Give a control a visible label that is not cut off (and a dropdown room for its choices)."""
    widget.description = description
    if widget.style.has_trait("description_width"):  # buttons show their description inside
        widget.style.description_width = "initial"
    if isinstance(widget, widgets.Dropdown) and not widget.layout.width:
        widget.layout.width = _dropdown_width(description, widget)
    return widget


#: Em a character of the widgets' font takes, generously (Chromium: 0.52 on average), the
#: room of the arrow and padding, and the widest box (a lesson's column is about 94 em).
_EM_PER_CHARACTER = 0.6
_DROPDOWN_PADDING_EM = 4
_DROPDOWN_MAX_EM = 62  # (72 ran 2 px past an 848 px column)


def _dropdown_width(description: str, dropdown: widgets.Dropdown) -> str:
    """A width that shows the label and the longest choice whole (ipywidgets' default,
    about 16 em for the box, cut "The weeks of the cable, …" and long TAGS)."""
    longest = max((len(str(label)) for label in dropdown._options_labels), default=0)
    needed = (len(description) + longest) * _EM_PER_CHARACTER + _DROPDOWN_PADDING_EM
    return f"{min(max(needed, 16), _DROPDOWN_MAX_EM):.0f}em"


def toggle_choice(
    options: list[tuple[str, Any]] | list[str],
    description: str,
    *,
    value: Any = None,
    tooltips: list[str] | None = None,
) -> widgets.ToggleButtons:
    """A short choice as a row of toggle buttons (keyboard: Tab to a button, Space to press).

    ``description`` is the visible label and the group's accessible name; each
    button is named "<option> (<description>)" by the helper script, so it is
    unique in the lesson. ``value=None`` starts with no button pressed.
    """
    buttons = widgets.ToggleButtons(
        options=options,
        value=value,
        tooltips=tooltips or [],
        style={"button_width": "auto", "description_width": "initial"},
    )
    buttons.description = description
    return buttons
