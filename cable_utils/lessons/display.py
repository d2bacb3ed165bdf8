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

__all__ = ["readable_tables"]


def readable_tables(on: bool = True) -> bool:
    """Show DataFrames in this notebook in the lessons' table style (``on=False``: pandas' own).

    Returns whether the style is now in use: False outside IPython (a script,
    a test), where there is no notebook display to change.
    """
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
