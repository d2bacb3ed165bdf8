"""Where the collection's data lives, and safe resolution of cable IDs."""

from __future__ import annotations

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
    "checked_work_folder",
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
    for folder in cable_dirs():
        candidate = (folder / f"{cable_id}.txt").resolve()
        if candidate.parent == folder.resolve() and candidate.is_file():
            return candidate
    known = ", ".join(known_cable_ids()[:8])
    raise CableNotFoundError(
        f"no cable with ID {cable_id!r} in {DATA_DIR / 'cables'} or in your added cables "
        f"({work_cables_dir()}); known IDs include: {known}"
    )
