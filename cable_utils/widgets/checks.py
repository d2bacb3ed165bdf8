"""A typed self-check: a labelled answer box, a Check button, and feedback."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..lessons.exercises import check, get_exercise
from ._common import Panel

__all__ = ["self_check"]


def self_check(exercise_id: str, cable: Any = None, *, placeholder: str = "your answer") -> Panel:
    """A small panel to type an answer to exercise ``exercise_id`` and get feedback."""
    item = get_exercise(exercise_id)
    answer = widgets.Text(
        placeholder=placeholder,
        description=f"Answer {exercise_id}:",
        style={"description_width": "initial"},
    )
    button = widgets.Button(description="Check", tooltip=f"Check your answer to {exercise_id}")
    feedback = widgets.HTML("<p><em>Type an answer and press Check (or Enter).</em></p>")
    panel = Panel(
        f"Self-check {exercise_id}",
        {"answer": answer, "check": button},
        feedback,
        description=item.prompt,
    )

    def run(_: object = None) -> None:
        result = check(exercise_id, answer.value, cable)
        feedback.value = result._repr_html_()
        panel.state["last"] = result

    button.on_click(run)
    answer.continuous_update = False
    answer.observe(lambda change: run(), names="value")
    return panel
