"""The lessons' exercises: ``check("01.2", answer, cable)`` and their model answers.

See :mod:`.exercises` for the three kinds of feedback (checked, open, not
available) and :mod:`.solutions` for how a model answer is revealed.
"""

from .exercises import Feedback, ModelAnswer, Verdict, check, exercise_ids, model_answer

__all__ = ["Feedback", "ModelAnswer", "Verdict", "check", "exercise_ids", "model_answer"]
