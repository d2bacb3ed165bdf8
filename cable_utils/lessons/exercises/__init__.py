"""Self-checks for the lessons' exercises: ``check("01.2", answer, cable)``.

Three kinds of feedback (:mod:`.feedback`), named honestly:

* **checked** exercises (a number, a set, a date, an ID) compute the expected
  answer from the cable the lesson reads (and from its curated annotations in
  ``data/annotations/<ID>/`` where they exist) and say *Correct* or *Not yet*
  with a specific hint;
* **open** exercises are never *Correct*: the answer is saved (atomically, in
  the learner's work folder) and compared with the model answer;
* an exercise that cannot work on a cable says *Not available for this cable*,
  why, and what to do instead. An exercise written for 08BAKU151 alone says so
  on every other cable (``only_for``); one that needs a field the cable lacks
  (no date, no FM line, no paragraphs) says that (``requires``).

Each lesson registers its exercises in a submodule (``lesson01`` …) with
:func:`exercise`, and the model answer with :func:`solution`. A checker takes
``(answer, cable)`` and returns a :class:`Feedback`; a solver takes ``cable``
and returns a :class:`ModelAnswer`. :func:`check` guards every checker: the
placeholder ``...``, answers of the wrong type and over-long answers get a
plain message before a checker sees them, and a checker that fails anyway
gives a message, never a traceback.

Nothing here writes a file except :func:`check` saving a real open answer
(never the placeholder); :func:`model_answer` never writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from .answers import is_placeholder, shape_problem
from .feedback import Feedback, Kind, ModelAnswer, Point, Verdict

__all__ = [
    "Exercise",
    "Feedback",
    "ModelAnswer",
    "Point",
    "Verdict",
    "check",
    "exercise",
    "exercise_ids",
    "get_exercise",
    "model_answer",
    "solution",
]

LESSON_MODULES = (
    "lesson00",
    "lesson00b",
    "lesson01",
    "lesson02",
    "lesson03",
    "lesson04",
    "lesson05",
    "lesson06",
)
#: The cable the collection is built around; exercises ``only_for`` it say so elsewhere.
HOME_CABLE = "08BAKU151"

Checker = Callable[[Any, Any], Feedback]
Solver = Callable[[Any], ModelAnswer]
Requirement = Callable[[Any], "str | None"]
Saver = Callable[[Any, Any, Feedback], str]


@dataclass(frozen=True)
class Exercise:
    """One registered exercise.

    ``kind``: ``"checked"`` or ``"open"``. ``accepts``: the shape of answer it
    reads (``text``, ``number``, ``items``, ``claims``, ``coding``).
    ``only_for``: the one cable it was written for, or None when it works on
    any cable. ``requires``: returns why the exercise cannot work on a cable
    (a missing field), or None. ``instead``: what to do when it cannot.
    ``save``: how an open answer is saved (default: one row per exercise in
    ``my_work/<ID>/answers.csv``).
    """

    id: str
    prompt: str
    level: str  # recall / analysis / open
    checker: Checker
    kind: Kind = "checked"
    accepts: str = "text"
    only_for: str | None = None
    requires: Requirement | None = None
    instead: str = ""
    save: Saver | None = None

    def unavailable_on(self, cable: Any) -> str | None:
        """Why this exercise cannot work on ``cable``, or None when it can."""
        if self.only_for and getattr(cable, "id", None) != self.only_for:
            return (
                f"exercise {self.id} was written for {self.only_for}: its question and its "
                f"expected answer are about that cable, not {getattr(cable, 'id', None) or 'this one'}."
            )
        if self.requires is not None:
            return self.requires(cable)
        return None

    def instead_on(self, cable: Any) -> str:
        if self.instead:
            return self.instead
        if self.only_for:
            return (
                f"read the question with {self.only_for} open (set CABLE_ID = "
                f'"{self.only_for}"), or ask the same question of your cable and discuss your '
                "answer with a classmate."
            )
        return "skip this one, or try the lesson on a cable that has this part."


_REGISTRY: dict[str, Exercise] = {}
_SOLVERS: dict[str, Solver] = {}
_LOADED = False
_KINDS_ALLOWED = ("checked", "open")
_ACCEPTS = ("text", "number", "items", "claims", "coding")


def exercise(
    exercise_id: str,
    *,
    prompt: str,
    level: str,
    kind: Kind | None = None,
    accepts: str = "text",
    only_for: str | None = None,
    requires: Requirement | None = None,
    instead: str = "",
    save: Saver | None = None,
) -> Callable[[Checker], Checker]:
    """Register a checker function under an exercise ID such as ``"01.2"``.

    ``kind`` defaults to ``"open"`` for level ``open`` and ``"checked"`` otherwise.
    """
    if level not in ("recall", "analysis", "open"):
        raise ValueError(f"level must be recall, analysis or open, not {level!r}")
    the_kind: Kind = kind or ("open" if level == "open" else "checked")
    if the_kind not in _KINDS_ALLOWED:
        raise ValueError(f"an exercise's kind is checked or open, not {the_kind!r}")
    if accepts not in _ACCEPTS:
        raise ValueError(f"accepts must be one of {', '.join(_ACCEPTS)}, not {accepts!r}")

    def register(checker: Checker) -> Checker:
        if exercise_id in _REGISTRY:
            raise ValueError(f"exercise {exercise_id} is registered twice")
        _REGISTRY[exercise_id] = Exercise(
            exercise_id,
            prompt,
            level,
            checker,
            the_kind,
            accepts,
            only_for,
            requires,
            instead,
            save,
        )
        return checker

    return register


def solution(exercise_id: str) -> Callable[[Solver], Solver]:
    """Register the function that computes the model answer of ``exercise_id`` for a cable."""

    def register(solver: Solver) -> Solver:
        if exercise_id in _SOLVERS:
            raise ValueError(f"the solution of {exercise_id} is registered twice")
        _SOLVERS[exercise_id] = solver
        return solver

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
    """The exercise ``exercise_id`` ("06.1"; "6.1" and " 06.1 " are read as "06.1")."""
    _load_all()
    wanted = str(exercise_id).strip()
    if re.fullmatch(r"\d[a-z]?\.\d+", wanted):  # the lesson number without its leading 0
        wanted = "0" + wanted
    try:
        return _REGISTRY[wanted]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise KeyError(f"there is no exercise {exercise_id!r}; known exercises: {known}") from None


def _is_cable(cable: Any) -> bool:
    return all(hasattr(cable, name) for name in ("raw", "text", "paragraphs"))


def _no_cable(exercise_id: str) -> str:
    return (
        f"no cable was given to check {exercise_id} against. Pass the cable the lesson "
        f'reads: check("{exercise_id}", answer, cable).'
    )


def check(exercise_id: str, answer: Any, cable: Any, *, save: bool = True) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id`` on ``cable`` (required: no default cable).

    Returns a :class:`Feedback` whose ``kind`` is checked, open or not available.
    A real open answer is saved (``save=False`` to only compare); the
    placeholder ``...`` never is.
    """
    item = get_exercise(exercise_id)
    exercise_id = item.id  # ("6.1" is saved and shown as "06.1")
    if not _is_cable(cable):
        return Feedback.unavailable(
            _no_cable(exercise_id), "run the lesson's first cells, which load the cable."
        ).with_context(exercise=exercise_id)
    context = {"exercise": exercise_id, "cable_id": cable.id or ""}
    why = item.unavailable_on(cable)
    if why:
        return Feedback.unavailable(why, item.instead_on(cable)).with_context(**context)
    if is_placeholder(answer):
        return Feedback.no_answer(item.kind).with_context(**context)
    problem = shape_problem(answer, item.accepts, kind=item.kind)
    if problem:
        return Feedback.not_yet(problem, "", kind=item.kind).with_context(**context)
    try:
        result = item.checker(answer, cable)
    except Exception as error:  # a learner never sees a traceback from a check
        result = Feedback(
            item.kind,
            Verdict.NOT_YET,
            f"the check could not read this answer ({type(error).__name__}). Please tell your "
            "teacher or open an issue: this is a fault in the check, not in your answer.",
            internal_error=True,
        )
    result = result.with_context(**context)
    if result.kind == "open" and result.verdict is Verdict.SAVED and save:
        result = _save_open(item, answer, cable, result)
    return result


def _save_open(item: Exercise, answer: Any, cable: Any, result: Feedback) -> Feedback:
    from ...errors import CableError
    from .saving import save_answer

    saver = item.save or save_answer
    try:
        where = saver(answer, cable, result)
    except (OSError, CableError, ValueError) as error:
        return result.with_context(
            misses=(
                *result.misses,
                Point("not_saved", f"your answer could not be saved ({error})."),
            ),
        )
    return result.with_context(saved_to=where)


def model_answer(exercise_id: str, cable: Any) -> ModelAnswer:
    """The model answer of ``exercise_id`` on ``cable``, computed now; nothing is written."""
    item = get_exercise(exercise_id)
    exercise_id = item.id
    if not _is_cable(cable):
        return ModelAnswer(exercise_id, False, explanation=_no_cable(exercise_id))
    why = item.unavailable_on(cable)
    if why:
        return ModelAnswer(
            exercise_id,
            False,
            explanation=why,
            instead=item.instead_on(cable),
            cable_id=cable.id or "",
        )
    solver = _SOLVERS.get(exercise_id)
    if solver is None:
        return ModelAnswer(exercise_id, False, explanation="no model answer has been written yet.")
    try:
        answer = solver(cable)
    except Exception as error:  # the disclosure shows a message, never a traceback
        return ModelAnswer(
            exercise_id,
            False,
            explanation=f"the model answer could not be computed for this cable ({type(error).__name__}).",
        )
    return ModelAnswer(
        exercise_id,
        answer.available,
        answer.answer,
        answer.explanation,
        answer.written_for,
        answer.instead,
        answer.value,
        cable.id or "",
    )


def has_solution(exercise_id: str) -> bool:
    _load_all()
    return exercise_id in _SOLVERS
