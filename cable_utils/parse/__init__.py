"""The telegram format: the only code that knows how a cable is laid out.

:func:`parse_text` turns the text of one cable into a :class:`~cable_utils.model.Cable`;
:func:`load_cable` first resolves an ID, a path, bytes or pasted text to that
text (:func:`cable_utils.source.loading.read_source`).
"""

from __future__ import annotations

import os

from ..model import Cable
from ..source.loading import read_source
from .fragments import read_fields
from .parser import parse_row, parse_text

__all__ = ["load_cable", "parse_row", "parse_text", "read_fields"]


def load_cable(source: str | os.PathLike[str] | bytes, *, strict: bool = False) -> Cable:
    """Load a cable from an ID in ``data/cables`` (``"08BAKU151"``), a path, bytes or text.

    >>> load_cable("08BAKU151").subject
    "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    """
    found = read_source(source)
    return parse_text(
        found.text, source=found.source, cable_id=found.cable_id, notes=found.notes, strict=strict
    )
