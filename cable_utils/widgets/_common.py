"""The shared shape of every explorer: a labelled panel with named controls."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

__all__ = ["Panel", "label_html", "labelled", "note_html"]


class Panel(widgets.VBox):
    """A VBox with named ``controls`` and the ``view`` that changes when they do.

    Tests and notebooks drive a panel the same way a student does: set
    ``panel.controls["name"].value`` and read ``panel.view.value``.
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
        header = widgets.HTML(label_html(title, description))
        control_box = widgets.Box(
            list(controls.values()),
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start", grid_gap="8px"),
        )
        super().__init__([header, control_box, view, *(extra or [])])
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


def labelled(widget: widgets.Widget, description: str) -> widgets.Widget:
    """Give a control a visible label that is not cut off."""
    widget.description = description
    if widget.style.has_trait("description_width"):  # buttons show their description inside
        widget.style.description_width = "initial"
    return widget
