"""Self-checks and solutions as widgets: an answer box with feedback, a "Show the solution" toggle."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..lessons.exercises import check, get_exercise, model_answer
from ..lessons.solutions import StaticSolution, in_static_edition
from ._common import Panel

__all__ = ["self_check", "solution"]


def self_check(exercise_id: str, cable: Any, *, placeholder: str = "your answer") -> Panel:
    """A small panel to type an answer to exercise ``exercise_id`` and get feedback."""
    item = get_exercise(exercise_id)
    exercise_id = item.id
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


def solution(exercise_id: str, cable: Any) -> Panel | StaticSolution:
    """A "Show the solution" toggle for ``exercise_id``: the model answer appears only when pressed.

    Nothing is computed or shown until the learner presses the button, and
    nothing is ever written. Pressing it again hides the answer. In the static
    edition the same call gives a closed ``<details>`` disclosure instead.
    """
    exercise_id = get_exercise(exercise_id).id  # an unknown ID fails here, listing the known ones
    if in_static_edition():
        return StaticSolution(exercise_id, cable)
    show = f"Show the solution to {exercise_id}"
    hide = f"Hide the solution to {exercise_id}"
    toggle = widgets.ToggleButton(
        value=False,
        description=show,
        tooltip=f"Reveal the model answer to exercise {exercise_id}: try it first",
        layout=widgets.Layout(width="auto"),
    )
    view = widgets.HTML("")
    panel = Panel(f"Solution {exercise_id}", {"toggle": toggle}, view)
    panel.add_class("cable-solution")

    def reveal(change: dict[str, Any]) -> None:
        if change["new"]:
            answer = model_answer(exercise_id, cable)
            view.value = answer._repr_html_()
            panel.state["shown"] = answer
            toggle.description = hide
        else:
            view.value = ""
            panel.state.pop("shown", None)
            toggle.description = show

    toggle.observe(reveal, names="value")
    return panel
