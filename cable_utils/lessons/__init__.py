"""The lessons' exercises: ``check("01.2", answer, cable)``.

See :mod:`.exercises` for how self-checks are registered and what feedback they give.
"""

from .exercises import Feedback, check, exercise_ids

__all__ = ["Feedback", "check", "exercise_ids"]
