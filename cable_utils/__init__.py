"""cable_utils: read, segment and explore a diplomatic cable for teaching.

    >>> from cable_utils import load_cable
    >>> cable = load_cable("08BAKU151")
    >>> cable.subject
    "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"

Importing the package is cheap: pandas, plotly and ipywidgets are imported
only when a table, figure or widget is asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .errors import CableError, CableNotFoundError, NotACableError, UnsafePathError
from .model import Cable, Paragraph, Segment
from .parse import load_cable
from .source.paths import known_cable_ids

__all__ = [
    "Cable",
    "CableError",
    "CableNotFoundError",
    "NotACableError",
    "Paragraph",
    "Segment",
    "UnsafePathError",
    "known_cable_ids",
    "load_cable",
]

__version__ = "0.1.0"

# Names re-exported lazily: {name: module}. Their modules import pandas,
# plotly or ipywidgets, so they load only when first used.
_LAZY: dict[str, str] = {
    "load_corpus": "corpus",
    "reference_edges": "corpus",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'cable_utils' has no attribute {name!r}")
    value = getattr(import_module(f".{module_name}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_LAZY))
