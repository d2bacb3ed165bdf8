"""Self-checks for the lessons' exercises: ``check("01.2", answer)``.

A check gives feedback and a hint, not just right or wrong. Expected answers
are computed from the cable the lesson is using whenever the question allows
it, so the same exercise works when a remixer swaps the cable.

Each lesson registers its exercises in a submodule (``lesson01`` …) with the
:func:`exercise` decorator. A checker takes ``(answer, cable)`` and returns a
:class:`Feedback`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import import_module
from typing import Any

__all__ = ["Exercise", "Feedback", "check", "exercise", "exercise_ids", "get_exercise"]

LESSON_MODULES = ("lesson00", "lesson01", "lesson02", "lesson03", "lesson04", "lesson05")


@dataclass(frozen=True)
class Feedback:
    """The result of a self-check."""

    correct: bool
    message: str
    hint: str = ""

    def __str__(self) -> str:
        mark = "✔ Correct" if self.correct else "✘ Not yet"
        hint = f"\nHint: {self.hint}" if self.hint and not self.correct else ""
        return f"{mark}: {self.message}{hint}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = "#009E73" if self.correct else "#D55E00"
        style = f"border-left:4px solid {colour};padding:4px 8px"
        if self.correct:
            # The explanation repeats the answer: keep it folded, so that a
            # solution cell's output does not give the answer away at a glance.
            return (
                f'<div class="self-check" role="status" style="{style}"><details>'
                f"<summary><strong>✔ Correct</strong> (open to see why)</summary>"
                f"{escape(self.message)}</details></div>"
            )
        hint = f"<br><strong>Hint:</strong> {escape(self.hint)}" if self.hint else ""
        return (
            f'<div class="self-check" role="status" style="{style}">'
            f"<strong>✘ Not yet</strong>: {escape(self.message)}{hint}</div>"
        )


Checker = Callable[[Any, Any], Feedback]


@dataclass(frozen=True)
class Exercise:
    id: str
    prompt: str
    level: str  # recall / analysis / open
    checker: Checker
    needs_cable: bool = True


_REGISTRY: dict[str, Exercise] = {}
_LOADED = False


def exercise(exercise_id: str, *, prompt: str, level: str, needs_cable: bool = True):
    """Register a checker function under an exercise ID such as ``"01.2"``."""
    if level not in ("recall", "analysis", "open"):
        raise ValueError(f"level must be recall, analysis or open, not {level!r}")

    def register(checker: Checker) -> Checker:
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise {exercise_id} is registered twice")
        _REGISTRY[exercise_id] = Exercise(exercise_id, prompt, level, checker, needs_cable)
        return checker

    return register


def _load_all() -> None:
    global _LOADED
    if _LOADED:
        return
    for name in LESSON_MODULES:
        try:
            import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    _LOADED = True


def exercise_ids() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def get_exercise(exercise_id: str) -> Exercise:
    _load_all()
    try:
        return _REGISTRY[exercise_id]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise KeyError(f"there is no exercise {exercise_id!r}; known exercises: {known}") from None


def check(exercise_id: str, answer: Any, cable: Any = None) -> Feedback:
    """Check an answer; ``cable`` defaults to the collection's cable, 08BAKU151."""
    item = get_exercise(exercise_id)
    if item.needs_cable and cable is None:
        from ...parse import load_cable

        cable = load_cable("08BAKU151")
    if answer is None or (isinstance(answer, str) and not answer.strip()) or answer is ...:
        return Feedback(False, "there is no answer yet: replace the ... with your answer", "")
    return item.checker(answer, cable)
