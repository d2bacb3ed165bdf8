"""Put plotly figures into an ``ipywidgets.Output`` without IPython's display machinery.

Outputs are built as plain mime bundles, so a panel works the same in a kernel,
in a test, and in the benchmark. Geo figures need the offline map data first:
``with_geo_assets=True`` puts :func:`~cable_utils.views.plots._style.offline_geo_script`
before the figure (send it once; later updates replace only the figure).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..views.plots._style import offline_geo_script, plotly_bundle

__all__ = ["figure_bundle", "show_figure"]


def figure_bundle(figure: Any, summary: str) -> dict[str, Any]:
    """A display_data output for ``figure``: plotly JSON plus a text twin."""
    data = plotly_bundle(figure) | {"text/plain": summary}
    return {"output_type": "display_data", "data": data, "metadata": {}}


def show_figure(
    output: widgets.Output, figure: Any, summary: str, *, with_geo_assets: bool = False
) -> None:
    outputs = []
    if with_geo_assets:
        outputs.append(
            {
                "output_type": "display_data",
                "data": {
                    "application/javascript": offline_geo_script(),
                    "text/plain": "(offline map data for plotly.js)",
                },
                "metadata": {},
            }
        )
    outputs.append(figure_bundle(figure, summary))
    output.outputs = tuple(outputs)
