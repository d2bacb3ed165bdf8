"""The chosen cable: set it once, and every lesson reads it.

A student or a teacher chooses a cable with an explicit action:

    >>> from cable_utils.lessons.chosen import choose_cable
    >>> choose_cable("10MOSCOW228")          # an ID of the collection      # doctest: +SKIP
    >>> choose_cable(Path("~/cable.txt"))    # a file anywhere               # doctest: +SKIP
    >>> choose_cable(pasted_text)            # text with line breaks          # doctest: +SKIP
    >>> choose_cable(upload.value)           # an ipywidgets FileUpload value # doctest: +SKIP

and every lesson's first code cell reads it back:

    >>> cable = lesson_cable(CABLE_ID)  # None: the chosen cable, else 08BAKU151  # doctest: +SKIP

How it works, and why:

* **Where the choice lives.** Each lesson runs in its own kernel, so the choice
  is a small file, ``chosen_cable.json``, in the student-work folder
  (``my_work/`` or ``$CABLE_CLASSROOM_WORK``). Only :func:`choose_cable` and
  :func:`forget_choice` write it; :func:`lesson_cable` only reads, so running a
  lesson (Run All) never writes into ``my_work/``.
* **Texts are added first.** A pasted or uploaded text, or a file outside the
  collection, is kept byte for byte in ``my_work/cables/<ID>.txt`` by the same
  code as ``python -m cable_utils add`` (:func:`cable_utils.corpus.collection.add_cable`
  with :func:`~cable_utils.corpus.collection.work_collection`), so every lesson
  can open it by ID, and nothing in the repository changes. A text that names
  no cable gets the ID ``my_cable_<first 8 hex of its SHA-256>``; a text
  identical to a collection cable simply chooses that cable.
* **Bad input changes nothing.** An empty, binary, oversized or non-cable text,
  an ID with path characters or an unknown ID raises a
  :class:`~cable_utils.errors.CableError` with a plain message, and the previous
  choice stays.
* **An explicit CABLE_ID wins.** ``lesson_cable("72TEHRAN1164")`` reads that
  cable whatever was chosen (the remix tests and ``make student CABLE=ID`` set
  it in the lesson's ``parameters`` cell).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .._arguments import Needs, takes
from ..corpus.collection import add_cable, too_large_error, work_collection
from ..errors import (
    CableError,
    CableNotFoundError,
    EmptyCableError,
    UnsafePathError,
)
from ..model import Cable
from ..parse import load_cable, takes_cable
from ..reference.storage import atomic_write_text
from ..source.loading import MAX_CABLE_BYTES
from ..source.paths import (
    PROJECT_DIR,
    cable_dirs,
    corpus_cable_file,
    find_cable_file,
    is_safe_id,
    work_cables_dir,
    work_root,
)

__all__ = [
    "CHOICE_FILE_NAME",
    "DEFAULT_CABLE_ID",
    "Choice",
    "choice_path",
    "choose_cable",
    "current_choice",
    "choice_reason",
    "chosen_source",
    "describe_choice",
    "forget_choice",
    "lesson_cable",
    "watch",
]

#: The collection's own cable: what a lesson reads when nothing was chosen.
DEFAULT_CABLE_ID = "08BAKU151"
#: The file in the work folder that records the choice.
CHOICE_FILE_NAME = "chosen_cable.json"

_HOW = ("id", "path", "paste", "upload")

Watcher = Callable[[Cable], None]
#: Called after every choice made in this kernel (lesson 05's "cable changed" banner).
_WATCHERS: list[Watcher] = []


@dataclass(frozen=True)
class Choice:
    """A recorded choice: which cable, how it was chosen, and when."""

    cable_id: str
    how: str  # "id", "path", "paste" or "upload"
    given: str  # what was given, in words: the ID, the path, "pasted text", the upload's name
    chosen_at: str  # ISO 8601, UTC
    notes: tuple[str, ...] = ()  # what adding the text had to do (another ID, no ID in the text)

    @property
    def how_described(self) -> str:
        """``chosen by ID, 2026-01-31 14:02 UTC``."""
        how = {
            "id": "chosen by ID",
            "path": f"chosen from the file {self.given}",
            "paste": "pasted",
            "upload": f"uploaded as {self.given}",
        }
        when = self.chosen_at[:16].replace("T", " ")
        return f"{how.get(self.how, self.how)}, {when} UTC" if when else how.get(self.how, self.how)

    @property
    def described(self) -> str:
        """``10MOSCOW228 (chosen by ID, 2026-01-31 14:02 UTC)``."""
        return f"{self.cable_id} ({self.how_described})"


def choice_path() -> Path:
    """``my_work/chosen_cable.json`` (or in ``$CABLE_CLASSROOM_WORK``); it may not exist."""
    return work_root() / CHOICE_FILE_NAME


def current_choice() -> Choice | None:
    """The recorded choice, or None when nothing was chosen (or the record is unreadable)."""
    path = choice_path()
    try:
        if path.stat().st_size > 100_000:  # not a choice record; never read a huge file
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        choice = Choice(
            cable_id=str(data["cable_id"]),
            how=str(data["how"]),
            given=str(data.get("given", "")),
            chosen_at=str(data.get("chosen_at", "")),
            notes=tuple(str(n) for n in data.get("notes", ())),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return choice if is_safe_id(choice.cable_id) and choice.how in _HOW else None


@takes(
    Needs(
        "a cable ID (or None, for the chosen cable)",
        'cable = lesson_cable("08BAKU151")',
        lambda value: isinstance(value, str | os.PathLike | Cable),
        none_allowed=True,
    )
)
def lesson_cable(cable_id: str | os.PathLike[str] | Cable | None = None) -> Cable:
    """The cable a lesson reads.

    ``cable_id`` (the lesson's ``CABLE_ID``; a Cable is taken as it is) wins
    when it is set; otherwise the chosen cable; otherwise, or when the chosen
    cable can no longer be opened (its file was deleted), 08BAKU151. Reads only: never writes a file, so an ID
    of the corpus lesson 06 searches (``"10ANKARA87"``) is read where it lies.
    """
    if isinstance(cable_id, Cable):  # (CABLE_ID = cable: the cable itself is meant)
        return cable_id
    if cable_id is not None and str(cable_id).strip():
        try:
            return load_cable(cable_id)
        except CableNotFoundError:
            in_corpus = corpus_cable_file(cable_id.strip()) if isinstance(cable_id, str) else None
            if in_corpus is None:
                raise
            return load_cable(in_corpus)
    choice = current_choice()
    if choice is not None:
        try:
            return load_cable(choice.cable_id)
        except CableError:
            pass  # the chosen file is gone: the lesson falls back and says so (describe_choice)
    return load_cable(DEFAULT_CABLE_ID)


@takes_cable
def choice_reason(cable: Cable) -> str:
    """Why a lesson reads ``cable``, in one sentence (to follow "This lesson reads X.")."""
    choice = current_choice()
    if choice is not None and choice.cable_id == cable.id:
        return f"You chose it ({choice.how_described})."
    if choice is not None:
        try:
            find_cable_file(choice.cable_id)
        except CableError:
            return (
                f"You chose {choice.cable_id}, but its file can no longer be found; "
                "choose a cable again in lesson 05."
            )
        return (
            f"It is set in the lesson's CABLE_ID cell; the cable you chose is "
            f"{choice.cable_id} (set CABLE_ID = None to read it)."
        )
    if cable.id == DEFAULT_CABLE_ID:
        return (
            "It is the collection's cable; to read another, choose it in lesson 05 "
            "(or set CABLE_ID in the cell above)."
        )
    return "It is set in the lesson's CABLE_ID cell."


@takes_cable
def describe_choice(cable: Cable) -> str:
    """Which cable a lesson reads and why: chosen, set in the lesson, or the default."""
    return f"This lesson reads {cable.id or 'a cable without an ID'}. {choice_reason(cable)}"


def chosen_source() -> str:
    """How the chosen cable was chosen ("id", "path", "paste", "upload"), or "" when none was."""
    choice = current_choice()
    return choice.how if choice else ""


def watch(watcher: Watcher) -> Callable[[], None]:
    """Call ``watcher(cable)`` after every choice made in this kernel; returns a function to stop.

    Other kernels (other lessons) read the choice when they next run their first cells.
    """
    _WATCHERS.append(watcher)

    def stop() -> None:
        if watcher in _WATCHERS:
            _WATCHERS.remove(watcher)

    return stop


def forget_choice() -> bool:
    """Go back to 08BAKU151 for every lesson; True when a choice was recorded."""
    path = choice_path()
    if not path.is_file():
        return False
    path.unlink()
    default = load_cable(DEFAULT_CABLE_ID)
    for watcher in list(_WATCHERS):
        watcher(default)
    return True


# --------------------------------------------------------------------------- choosing


def choose_cable(
    source: Any, *, name: str | None = None, cable_id: str | None = None, how: str = ""
) -> Cable:
    """Make ``source`` the cable every lesson reads, and return it.

    ``source`` is a cable ID of the collection (``"10MOSCOW228"``) or of the
    corpus that lesson 06 searches (``"10ANKARA87"``, added like a file), a path to a
    file (a :class:`~pathlib.Path`, or a string naming an existing file), the
    pasted text of a cable (a string with line breaks), its bytes (``name``:
    the file name, for an upload) or the value of an ``ipywidgets.FileUpload``.
    A text or a file outside the collection is first added to
    ``my_work/cables/`` (``cable_id`` names it when its text gives no ID).

    Raises :class:`~cable_utils.errors.CableError` (a plain message) for bad
    input; the previous choice then stays as it was. Watchers (:func:`watch`)
    are told after the choice is recorded.
    """
    found_how, given, cable, notes = _resolve_in_work_folder(source, name, cable_id)
    how = how if how in _HOW else found_how
    if not cable.id or not is_safe_id(cable.id):  # pragma: no cover - add_cable always names it
        raise CableError("the cable has no usable ID; nothing was chosen")
    choice = Choice(
        cable_id=cable.id,
        how=how,
        given=given,
        chosen_at=datetime.now(UTC).isoformat(timespec="seconds"),
        notes=tuple(notes),
    )
    record = dict(asdict(choice), notes=list(choice.notes))
    try:
        atomic_write_text(choice_path(), json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    except OSError as error:  # e.g. a folder named chosen_cable.json, a full disk
        raise CableError(
            f"your choice of {cable.id} could not be recorded in {choice_path()} "
            f"({error.strerror or error}); the previous choice stays"
        ) from error
    for watcher in list(_WATCHERS):
        watcher(cable)
    return cable


def _resolve_in_work_folder(
    source: Any, name: str | None, cable_id: str | None
) -> tuple[str, str, Cable, list[str]]:
    """:func:`_resolve`, with a damaged work folder reported in words, never a traceback.

    Adding a text reads and rewrites ``my_work/cables/SOURCES.md`` and
    ``CHECKSUMS.sha256``: if one of them is not UTF-8 text, is a folder, or
    ``my_work/cables`` is a file, nothing is added or chosen and the message says which.
    """
    try:
        return _resolve(source, name, cable_id)
    except CableError:  # (a list that is not UTF-8 is named by the collection itself)
        raise
    except OSError as error:
        where = error.filename or work_cables_dir()
        raise CableError(
            f"the text could not be kept among your added cables ({where}: "
            f"{error.strerror or error}); nothing was added or chosen"
        ) from error


def _resolve(
    source: Any, name: str | None, cable_id: str | None
) -> tuple[str, str, Cable, list[str]]:
    """(how, what was given, the cable, notes) for any kind of ``source``."""
    if isinstance(source, Cable):
        return _from_cable(source, cable_id)
    if isinstance(source, bytes | bytearray | memoryview):
        how = "upload" if name else "paste"
        return _from_bytes(bytes(source), how, name, cable_id)
    if isinstance(source, Mapping) or (
        isinstance(source, Sequence) and not isinstance(source, str)
    ):
        from ..analysis.remix import first_upload

        item = first_upload(source)
        content = item["content"]
        data = content.tobytes() if isinstance(content, memoryview) else bytes(content)
        return _from_bytes(data, "upload", str(item.get("name") or "uploaded file"), cable_id)
    if isinstance(source, os.PathLike):
        return _from_path(Path(source), cable_id)
    if not isinstance(source, str):
        raise TypeError(
            "choose_cable() takes a cable ID, a path, pasted text, bytes or a FileUpload value, "
            f"not {type(source).__name__}"
        )
    if "\n" in source or "\r" in source:
        if len(source) > MAX_CABLE_BYTES:  # refuse before encoding a huge paste
            raise too_large_error("the pasted text", len(source))
        return _from_bytes(source.encode("utf-8"), "paste", None, cable_id)
    text = source.strip()
    if not text:
        raise EmptyCableError("nothing was given: type a cable ID, a path, or paste a cable's text")
    if is_safe_id(text):
        try:
            return "id", text, load_cable(find_cable_file(text)), []
        except CableNotFoundError:
            if (in_corpus := corpus_cable_file(text)) is not None:
                return _from_path(in_corpus, cable_id)  # added to my_work, as the finder does
            if not Path(text).is_file():
                raise
    return _from_path(_checked_string_path(text), cable_id)


def _from_cable(cable: Cable, cable_id: str | None) -> tuple[str, str, Cable, list[str]]:
    """A Cable already read: its collection file by ID, else its text, added."""
    if cable.source and cable.id and is_safe_id(cable.id):
        try:
            found = find_cable_file(cable.id)
        except CableError:
            found = None
        if found is not None and str(found) == str(Path(cable.source).resolve()):
            return "id", cable.id, cable, []
    name = None
    if cable.source and cable.source.startswith("uploaded: "):
        name = cable.source.removeprefix("uploaded: ")
    how = "upload" if name else "paste"
    # The text as decoded; a file that was not UTF-8 is kept as UTF-8 (its warning says so).
    return _from_bytes(cable.raw.encode("utf-8"), how, name, cable_id)


def _checked_string_path(text: str) -> Path:
    path = Path(text).expanduser()
    if ".." in path.parts:
        resolved = path.resolve()
        inside = (Path.cwd().resolve(), PROJECT_DIR.resolve())
        if not any(resolved.is_relative_to(folder) for folder in inside):
            raise UnsafePathError(
                f"{text!r} is neither a cable ID nor a path inside the working folder or the "
                "collection ('..' climbs out of both); pass pathlib.Path(...) to choose a file "
                "elsewhere on purpose"
            )
    return path


def _from_path(path: Path, cable_id: str | None) -> tuple[str, str, Cable, list[str]]:
    if path.is_dir():
        raise CableError(f"{path} is a folder; choose the file of one cable")
    if not path.is_file():
        raise CableNotFoundError(f"there is no cable file at {path}, and no cable has that ID")
    resolved = path.resolve()
    collection_dirs = {folder.resolve() for folder in cable_dirs()}
    if resolved.parent in collection_dirs and resolved.suffix == ".txt" and is_safe_id(path.stem):
        return "id", path.stem, load_cable(find_cable_file(path.stem)), []
    size = path.stat().st_size
    if size > MAX_CABLE_BYTES:
        raise too_large_error(path.name, size)
    how, _given, cable, notes = _from_bytes(path.read_bytes(), "path", path.name, cable_id)
    return how, str(path), cable, notes


def _from_bytes(
    data: bytes, how: str, name: str | None, cable_id: str | None
) -> tuple[str, str, Cable, list[str]]:
    shown = name or "the pasted text"
    provenance = {
        "paste": "pasted in a lesson",
        "upload": f"uploaded in a lesson as {shown}",
        "path": f"copied from the file {shown}",
    }[how]
    added = add_cable(
        data,
        work_collection(),
        name=shown if name else "the pasted text",
        cable_id=cable_id,
        source=provenance,
    )
    notes = list(added.notes)
    if added.already_there and not added.path.resolve().is_relative_to(work_root().resolve()):
        notes.append(f"the text is the collection's own copy of {added.cable_id}")
    given = name if how != "paste" else f"pasted text ({len(data):,} bytes)"
    return how, given or shown, added.cable, notes
