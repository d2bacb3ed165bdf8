"""The exceptions a user of ``cable_utils`` can see.

Everything that goes wrong because of the *input* (a missing file, bytes that
are not text, text that is not a cable) is a :class:`CableError`, with a message
that names the problem in plain words. Problems *inside* a cable that can still
be read (a missing SUBJECT, a truncated body) are not errors: they become
``Cable.defects`` (whose messages are ``Cable.warnings``), unless the cable was
parsed with ``strict=True``, which raises :class:`DefectError` instead.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "CableError",
    "CableNotFoundError",
    "DefectError",
    "DuplicateCableError",
    "EmptyCableError",
    "InputTooLargeError",
    "NotACableError",
    "UnsafePathError",
    "UnreadableWorkError",
]


class CableError(Exception):
    """Base class: the input could not be turned into a cable."""


class CableNotFoundError(CableError, FileNotFoundError):
    """No file or known cable ID matches what was asked for."""


class DuplicateCableError(CableError):
    """The cable (its ID or its exact text) is already in the collection."""


class UnsafePathError(CableError):
    """A cable ID tried to reach outside the data folder (``../../etc/passwd``)."""


class EmptyCableError(CableError):
    """The input holds no text at all (or only whitespace)."""


class BinaryInputError(CableError):
    """The input looks like binary data (an image, a PDF, a zip), not text."""


class InputTooLargeError(CableError):
    """The input is far larger than any real cable; it was not read."""


class NotACableError(CableError):
    """The text has none of the parts of a diplomatic cable."""


class DefectError(CableError):
    """A cable parsed with ``strict=True`` has defects; ``defects`` lists them all."""

    def __init__(self, defects) -> None:  # a tuple of model.Defect (errors imports no model)
        self.defects = tuple(defects)
        super().__init__("; ".join(defect.message for defect in self.defects))


class UnreadableWorkError(CableError):
    """A saved work file exists but could not be read; it was left untouched."""
