"""Where the collection's data lives, and safe resolution of cable IDs."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from ..errors import CableNotFoundError, UnreadableWorkError, UnsafePathError

__all__ = [
    "DATA_DIR",
    "PROJECT_DIR",
    "CABLE_ID_PATTERN",
    "WORK_ENV",
    "cable_dirs",
    "canonical_id",
    "checked_work_folder",
    "corpus_cable_file",
    "find_cable_file",
    "is_safe_id",
    "known_cable_ids",
    "work_cables_dir",
    "work_root",
]

_PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: The top of the repository (the collection runs from a clone: see the README).
PROJECT_DIR = _PACKAGE_DIR.parent

#: ``data/`` at the top of the repository. ``CABLE_CLASSROOM_DATA`` overrides it
#: (useful when the package is installed somewhere else).
DATA_DIR = Path(os.environ.get("CABLE_CLASSROOM_DATA", PROJECT_DIR / "data"))

#: A canonical Cablegate ID: two-digit year, origin, serial (``08BAKU151``).
CABLE_ID_PATTERN = re.compile(r"^(?P<year>\d{2})(?P<origin>[A-Z][A-Z]*?)(?P<serial>\d+)$")

_ID_LIKE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

#: Environment variable that moves the student-work folder (tests, shared classroom machines).
WORK_ENV = "CABLE_CLASSROOM_WORK"


def is_safe_id(cable_id: object) -> bool:
    """True for a plain ID (letters, digits, ``_``, ``-``; at most 64): never a path."""
    return isinstance(cable_id, str) and bool(_ID_LIKE.match(cable_id))


def work_root() -> Path:
    """The student-work folder: ``$CABLE_CLASSROOM_WORK``, else ``my_work/`` (not created here)."""
    configured = os.environ.get(WORK_ENV, "").strip()
    return Path(configured).expanduser() if configured else PROJECT_DIR / "my_work"


def checked_work_folder(folder: Path) -> Path:
    """``folder`` if a work file can live in it (it is a folder, or can be made one).

    Raises :class:`UnreadableWorkError` when ``folder`` or the first existing
    folder above it is a file (a learner saved something named ``my_work`` or
    ``08BAKU151``) or cannot be entered: reading or saving work there could
    only fail, and trying the next free name (``answers.2.csv`` …) in it would
    never end. Nothing is created or changed.
    """
    existing = next((p for p in (folder, *folder.parents) if p.exists() or p.is_symlink()), None)
    if existing is None:
        return folder
    if not existing.is_dir():
        raise UnreadableWorkError(
            f"{existing} is not a folder (a file of that name is in the way), so your work cannot be kept in {folder}; "
            "rename or move that file (nothing was changed)"
        )
    if not os.access(existing, os.R_OK | os.X_OK):
        raise UnreadableWorkError(
            f"the folder {existing} cannot be opened (permission denied), so your work cannot "
            f"be kept in {folder}; nothing was changed"
        )
    return folder


def work_cables_dir() -> Path:
    """``my_work/cables/``: cables a student pasted or uploaded (not part of the collection)."""
    return work_root() / "cables"


def cable_dirs() -> list[Path]:
    """Folders searched for ``<ID>.txt``: the collection's cable, the samples, then the
    cables a student added in the work folder (pasted or uploaded texts)."""
    return [DATA_DIR / "cables", DATA_DIR / "cables" / "samples", work_cables_dir()]


def known_cable_ids() -> list[str]:
    """Every cable ID that :func:`find_cable_file` can resolve, sorted."""
    ids = {p.stem for folder in cable_dirs() if folder.is_dir() for p in folder.glob("*.txt")}
    return sorted(ids)


def find_cable_file(cable_id: str) -> Path:
    """Return the file of a cable ID in ``data/cables`` (or a student's ``my_work/cables``).

    Raises :class:`UnsafePathError` for anything that is not a plain ID (an ID
    may not contain ``/``, ``..`` or other path syntax) and
    :class:`CableNotFoundError` when no file has that ID.
    """
    if not is_safe_id(cable_id):
        raise UnsafePathError(
            f"{cable_id!r} is not a cable ID (IDs look like 08BAKU151); "
            "to open a file, pass its path instead"
        )
    if not DATA_DIR.is_dir():
        raise CableNotFoundError(
            f"the collection's data folder is not at {DATA_DIR}: cable_utils runs from a clone "
            "of the repository (installed with `pip install -e .`, as `make lab` does), or "
            "set CABLE_CLASSROOM_DATA to the data/ folder of a clone"
        )
    # As typed first; then as Cablegate writes IDs ("08baku151", "08BAKU000151" → 08BAKU151).
    for wanted in dict.fromkeys((cable_id, canonical_id(cable_id))):
        for folder in cable_dirs():
            candidate = (folder / f"{wanted}.txt").resolve()
            if candidate.parent == folder.resolve() and candidate.is_file():
                return candidate
    in_corpus = corpus_cable_file(cable_id)
    if in_corpus is not None:  # the regression corpus is searched in lesson 06, not loaded by ID
        raise CableNotFoundError(
            f"{canonical_id(cable_id)} is a cable of the corpus ({in_corpus}), not of the "
            "collection: load it by its path, or choose it (choose_cable, lesson 05's chooser "
            "or lesson 06's cable finder), which adds it to your cables"
        )
    known_ids = known_cable_ids()
    close = difflib.get_close_matches(canonical_id(cable_id), known_ids, n=3, cutoff=0.75)
    hint = (
        f"did you mean {' or '.join(close)}?"
        if close
        else f"known IDs include: {', '.join(known_ids[:8])}"
    )
    raise CableNotFoundError(
        f"no cable with ID {cable_id!r} in {DATA_DIR / 'cables'} or in your added cables "
        f"({work_cables_dir()}); {hint}"
    )


def corpus_cable_file(cable_id: str) -> Path | None:
    """The file of ``cable_id`` in the 615-cable corpus (``data/corpus/cables``), or None.

    Those cables are not opened by ID (lesson 06 searches them); choosing one
    adds a copy to the learner's cables, as choosing any file outside the collection does.
    """
    if not is_safe_id(cable_id):
        return None
    folder = DATA_DIR / "corpus" / "cables"
    candidate = (folder / f"{canonical_id(cable_id)}.txt").resolve()
    return candidate if candidate.parent == folder.resolve() and candidate.is_file() else None


def canonical_id(cable_id: str) -> str:
    """A cable ID as Cablegate writes it: capitals, no leading zeros in the serial.

    ``08baku151`` and ``08BAKU000151`` (the banner's "BAKU 000151") are 08BAKU151;
    anything that is not shaped like a cable ID is returned as it is.

    >>> canonical_id("08baku000151"), canonical_id("PASTED_1a2b3c4d")
    ('08BAKU151', 'PASTED_1a2b3c4d')
    """
    shaped = CABLE_ID_PATTERN.match(cable_id.upper())
    if shaped is None:
        return cable_id
    return f"{shaped['year']}{shaped['origin']}{int(shaped['serial'])}"
