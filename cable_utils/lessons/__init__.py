"""The lessons' exercises (``check("01.2", answer, cable)``), their model answers, and how
a lesson shows its tables.

See :mod:`.exercises` for the three kinds of feedback (checked, open, not
available), :mod:`.solutions` for how a model answer is revealed, and
:mod:`.display` for :func:`readable_tables` and :func:`projector_mode`.
"""

from .display import projector_mode, readable_tables
from .exercises import Feedback, ModelAnswer, Verdict, check, exercise_ids, model_answer

__all__ = [
    "Feedback",
    "ModelAnswer",
    "Verdict",
    "check",
    "exercise_ids",
    "model_answer",
    "projector_mode",
    "readable_tables",
]
