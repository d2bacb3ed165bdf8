"""The lessons' figures, by name: ``from cable_utils.plots import timeline_figure``.

A short name for :mod:`cable_utils.views.plots`, where the figures are built.
Names are looked up lazily, so importing this module does not import plotly.
"""

from __future__ import annotations

from typing import Any

from .views import plots as _plots


def __getattr__(name: str) -> Any:
    if name.startswith("__") and name != "__all__":
        raise AttributeError(name)
    return getattr(_plots, name)


def __dir__() -> list[str]:
    return dir(_plots)
