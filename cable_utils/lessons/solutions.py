"""Solutions as disclosures: shown on request, never run by Run All, never written.

A lesson's solution cell is one line, ``solution("04.1", cable)``: its source
shows nothing of the answer. In JupyterLab it renders a "Show the solution"
button (:func:`cable_utils.widgets.checks.solution`); the model answer is
computed from the cable only when the button is pressed, and nothing is saved.
In the static edition (``tools/build_site.py`` sets :data:`STATIC_EDITION_ENV`
for the kernels it runs) the same call renders a closed HTML ``<details>``
"Show the solution" whose body is the model answer: a page without a kernel
still reveals it only on request.
"""

from __future__ import annotations

import os
from html import escape
from typing import Any

from .exercises import model_answer

__all__ = ["STATIC_EDITION_ENV", "StaticSolution", "in_static_edition"]

#: Set to "1" by the static-site build: solutions render as ``<details>`` instead of a button.
STATIC_EDITION_ENV = "CABLE_CLASSROOM_STATIC_EDITION"


def in_static_edition() -> bool:
    return os.environ.get(STATIC_EDITION_ENV, "") == "1"


class StaticSolution:
    """A closed ``<details>`` disclosure holding the model answer (for the static edition)."""

    def __init__(self, exercise_id: str, cable: Any) -> None:
        self.exercise_id = exercise_id
        self.answer = model_answer(exercise_id, cable)

    def _repr_html_(self) -> str:
        return (
            f'<details class="cable-solution" data-exercise="{escape(self.exercise_id)}">'
            f"<summary>Show the solution to {escape(self.exercise_id)}</summary>"
            f"{self.answer._repr_html_()}</details>"
        )

    def __repr__(self) -> str:
        # The plain-text form (a terminal, a text export) names the disclosure, not the answer.
        return (
            f"Solution to {self.exercise_id}: open the lesson in JupyterLab or the static edition."
        )
