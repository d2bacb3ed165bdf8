"""plotly figures built from the model: accessible, offline, returned (never shown).

Every figure has a title, labelled axes, the Okabe–Ito palette plus a second cue
(pattern, marker symbol or label), and a companion text summary: each builder's
result can be paired with :func:`cable_utils.views.plots.describe` or a table.
"""

from ..._lazy import make_dir, make_getattr

SUBMODULES = ("_style", "anatomy", "body", "actors", "argument", "remix", "history", "corpus")
__getattr__ = make_getattr(__name__, SUBMODULES)
__dir__ = make_dir(__name__, SUBMODULES)
