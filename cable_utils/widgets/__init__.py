"""ipywidgets explorers for the lessons. They read the model; they never parse.

Each builder returns a :class:`~cable_utils.widgets._common.Panel`: an
``ipywidgets.VBox`` with ``controls`` (name → control widget) and ``view``
(the widget whose content changes), so tests can drive it in-kernel.
"""

from .._lazy import make_dir, make_getattr

SUBMODULES = (
    "_common", "anatomy", "body", "actors", "argument", "remix", "checks", "history", "finder",
)  # fmt: skip
__getattr__ = make_getattr(__name__, SUBMODULES)
__dir__ = make_dir(__name__, SUBMODULES)
