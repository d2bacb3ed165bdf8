"""How a lesson notebook shows tables: whole cells, wrapped, no index, human headers.

pandas' own notebook display cuts every text cell at 50 characters ("...") and
right-aligns text under a 0..n index, which is how glossary definitions, claims
and quotes lost their ends. :func:`readable_tables` makes the notebook show
every DataFrame through :func:`cable_utils.views.tables.table_html` instead.
It is called once, explicitly, by a lesson's first code cell; importing
``cable_utils`` changes no display setting.
"""

from __future__ import annotations

from typing import Any

__all__ = ["projector_mode", "readable_tables"]

#: Text sizes (px) of JupyterLab and of the panels at scale 1: the projector mode
#: multiplies them. Variable names are JupyterLab's theme variables.
_SIZES = {
    "--jp-content-font-size1": 14,
    "--jp-content-font-size2": 13,
    "--jp-content-font-size3": 16,
    "--jp-content-font-size4": 20,
    "--jp-content-font-size5": 24,
    "--jp-ui-font-size1": 13,
    "--jp-ui-font-size2": 12,
    "--jp-code-font-size": 13,
    "--jp-widgets-font-size": 13,
    "--jp-widgets-inline-height": 28,
    "--cable-text-size": 15,
}


def readable_tables(on: bool = True, *, shell: Any = None) -> bool:
    """Show DataFrames in this notebook in the lessons' table style (``on=False``: pandas' own).

    Returns whether the style is now in use: False outside IPython (a script,
    a test), where there is no notebook display to change. ``shell``: the
    IPython shell to change (default: the running one).
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - the lessons always run in IPython
            return False
        shell = get_ipython()
    if shell is None:
        return False
    import pandas as pd

    formatter = shell.display_formatter.formatters["text/html"]
    if on:
        formatter.for_type(pd.DataFrame, _frame_html)
    else:
        formatter.type_printers.pop(pd.DataFrame, None)
    return on


def _frame_html(frame: Any) -> str:
    from ..views.tables import table_html

    return table_html(frame)


class ProjectorStyle:
    """The stylesheet of projector mode; shown by the notebook, it applies to the page."""

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def css(self) -> str:
        if self.scale == 1.0:
            return ""
        sizes = "".join(f"{name}: {round(px * self.scale)}px; " for name, px in _SIZES.items())
        return (
            f":root {{ {sizes}--jp-content-line-height: 1.6; }}"
            f" .cable-panel {{ --cable-text-size: {round(15 * self.scale)}px; }}"
            f" .cable-table {{ font-size: {round(14 * self.scale)}px !important; }}"
            f" .cable-evidence {{ font-size: {round(14 * self.scale)}px !important; }}"
        )

    def _repr_html_(self) -> str:
        note = (
            f"Projector mode: text and figures {self.scale:g}× larger. "
            "Run the lesson's cells (Run → Run All Cells) to redraw its figures; "
            "projector_mode(False) turns it off."
            if self.scale != 1.0
            else "Projector mode is off: text and figures at their normal size."
        )
        style = f"<style>{self.css()}</style>" if self.scale != 1.0 else ""
        return f"{style}<p class='cable-projector' role='status'><em>{note}</em></p>"

    def __repr__(self) -> str:
        return f"projector mode ({self.scale:g}×)" if self.scale != 1.0 else "projector mode off"


def projector_mode(on: bool | float = True) -> ProjectorStyle:
    """Larger text and figures for a room: ``projector_mode()`` in a cell, then Run All.

    ``on`` may be a scale (``projector_mode(1.8)``; ``True`` means 1.5). The
    text of the notebook, its tables and panels grows at once (the cell's output
    carries the stylesheet, so keep it: clearing it turns the page back); figures
    shown from then on are drawn larger. ``projector_mode(False)`` turns it off.
    """
    from ..views.plots._style import set_figure_scale

    scale = 1.5 if on is True else (1.0 if on is False else float(on))
    set_figure_scale(scale)
    return ProjectorStyle(scale)
