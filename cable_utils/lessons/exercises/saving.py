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

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...errors import CableError
from .feedback import Feedback

__all__ = ["ANSWER_COLUMNS", "LOCK_WAIT_SECONDS", "load_answers", "save_answer"]

ANSWER_COLUMNS = ("exercise", "answer", "saved_at")
#: How long a save waits while another kernel saves answers for the same cable.
LOCK_WAIT_SECONDS = 10.0
_LOCK_NAME = ".answers.lock"


def _answers_folder(cable: Any) -> Path:
    """``my_work/<ID>``, checked: in a "folder" that is a file, WorkFile would look for a
    free name for ever."""
    from ...analysis.remix import work_id
    from ...reference.storage import work_dir
    from ...source.paths import checked_work_folder

    return checked_work_folder(work_dir(create=False) / work_id(cable))


def _answers_file(cable: Any):
    from ...reference.storage import WorkFile

    return WorkFile.open("answers.csv", columns=ANSWER_COLUMNS, folder=_answers_folder(cable))


def _storable(text: str) -> str:
    """The answer as the answers file can keep it: no NUL characters.

    A NUL (pasted from a PDF, say) would make the saved file look binary to the
    reader, which then keeps it aside unread, and the answer would vanish from
    the lesson. Nothing else is changed.
    """
    return text.replace("\x00", "")


@contextmanager
def _one_saver_at_a_time(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder/.answers.lock`` while the answers are read and rewritten.

    Two kernels (lessons 04 and 05 open side by side) can save answers for one
    cable in the same instant. Each reads the file, changes its own row and
    writes the file back, so without the lock one save could drop the other's
    answer, or fork it into ``answers.2.csv``, which the lessons do not read.
    Where file locks do not exist (Windows), saving works as before, unlocked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows has no fcntl
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / _LOCK_NAME).open("a") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:  # never wait for ever on a stuck kernel
                    raise CableError(
                        f"another notebook has been saving answers in {folder} for over "
                        f"{LOCK_WAIT_SECONDS:.0f} s; run the check again in a moment"
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def save_answer(answer: Any, cable: Any, feedback: Feedback) -> str:
    """Save ``answer`` as the learner's answer to ``feedback.exercise``; returns where."""
    text = _storable(str(answer)).strip()
    with _one_saver_at_a_time(_answers_folder(cable)):
        return _save_row(text, cable, feedback)


def _save_row(text: str, cable: Any, feedback: Feedback) -> str:
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
