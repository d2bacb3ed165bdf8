"""A pandas table that shows every cell in full.

pandas cuts a cell at ``display.max_colwidth`` (50 characters) when a notebook shows a
DataFrame, which turns a glossary definition or a source title into a fragment. Setting
the option would change every table in the student's kernel, so the tables that are
meant to be read cell by cell use this subclass, whose HTML is ``to_html()`` (escaped,
never cut). It is still a DataFrame: tests and students index and query it as usual.
"""

from __future__ import annotations

from typing import Any


def full_text_frame(frame: Any) -> Any:
    """``frame`` as a :class:`FullTextFrame` (same data, full-width HTML display)."""
    return _frame_class()(frame)


def _frame_class() -> type:
    # Defined on first use so that importing the package does not import pandas.
    global _FullTextFrame
    if _FullTextFrame is None:
        import pandas as pd

        class FullTextFrame(pd.DataFrame):
            """A DataFrame whose notebook display shows whole cells (escaped)."""

            @property
            def _constructor(self) -> type:
                return FullTextFrame

            def _repr_html_(self) -> str:
                return self.to_html(escape=True, index=False, border=0, na_rep="")

        _FullTextFrame = FullTextFrame
    return _FullTextFrame


_FullTextFrame: type | None = None
