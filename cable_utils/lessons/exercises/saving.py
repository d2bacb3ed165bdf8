"""Saving open answers: ``my_work/<ID>/answers.csv``, one row per exercise, written atomically.

Only :func:`~cable_utils.lessons.exercises.check` calls this, and only for a
real open answer (never the placeholder ``...``): running a lesson top to
bottom with the placeholders in place writes nothing. Saving the same answer
again changes nothing on disk. Writes go through
:class:`cable_utils.reference.storage.WorkFile`: atomic, and a file that cannot
be read, or that changed on disk since it was read, is kept as it is while the
answers continue in the next free name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .feedback import Feedback

__all__ = ["ANSWER_COLUMNS", "load_answers", "save_answer"]

ANSWER_COLUMNS = ("exercise", "answer", "saved_at")


def _answers_file(cable: Any):
    from ...analysis.remix import work_id
    from ...reference.storage import WorkFile, work_dir
    from ...source.paths import checked_work_folder

    # Checked first: in a "folder" that is a file, WorkFile would look for a free name forever.
    folder = checked_work_folder(work_dir(create=False) / work_id(cable))
    return WorkFile.open("answers.csv", columns=ANSWER_COLUMNS, folder=folder)


def _storable(text: str) -> str:
    """The answer as the answers file can keep it: no NUL characters.

    A NUL (pasted from a PDF, say) would make the saved file look binary to the
    reader, which then keeps it aside unread, and the answer would vanish from
    the lesson. Nothing else is changed.
    """
    return text.replace("\x00", "")


def save_answer(answer: Any, cable: Any, feedback: Feedback) -> str:
    """Save ``answer`` as the learner's answer to ``feedback.exercise``; returns where."""
    text = _storable(str(answer)).strip()
    work = _answers_file(cable)
    rows = [dict(row) for row in work.rows]
    for row in rows:
        if row.get("exercise") == feedback.exercise:
            if row.get("answer") == text:
                return str(work.path)  # the same answer: nothing to write
            row["answer"] = text
            row["saved_at"] = _now()
            break
    else:
        rows.append({"exercise": feedback.exercise, "answer": text, "saved_at": _now()})
    return str(work.save(rows))


def load_answers(cable: Any) -> dict[str, str]:
    """The saved open answers for this cable: ``{exercise id: answer}``."""
    return {row["exercise"]: row.get("answer", "") for row in _answers_file(cable).rows}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
