"""Student work on disk: atomic saves, and a file that could not be read is never overwritten.

Every lesson that lets a student build something (a gazetteer in lesson 03, a
stance coding in lesson 04, annotations in lesson 05) saves it through this
module. Three rules hold for all of them:

1. **Where.** Work goes to :func:`work_dir`: ``my_work/`` at the top of the
   repository (git-ignored), or the folder named by the environment variable
   ``CABLE_CLASSROOM_WORK``. Tests and the browser suite point it elsewhere.
2. **Atomic.** :func:`atomic_write_text` writes a temporary file in the same
   folder, flushes and fsyncs it, then ``os.replace``-s it over the target. A
   crash, a full disk or a killed kernel leaves either the old file or the new
   one, never half of one.
3. **Never overwrite what could not be read.** :func:`read_csv_safely` either
   returns the rows or raises :class:`~cable_utils.errors.UnreadableWorkError`
   without touching the file. :class:`WorkFile` then keeps that file as it is
   and continues in the next free name (``08BAKU151_stances.2.csv``), with a
   message that says so in plain words. The same happens if the file changes
   on disk behind the notebook's back (edited by hand, or saved by a second
   open copy of the notebook): the other version is kept, not clobbered.

Typical use in a lesson module::

    work = WorkFile.open("08BAKU151_stances.csv", columns=["actor", "claim_id", "stance"])
    work.message      # "" or what happened (e.g. the old file was unreadable)
    rows = work.rows  # what was saved last time (list of dicts)
    work.save(rows)   # after every change; returns the path written

Only the standard library is used, so saving never waits for pandas.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnreadableWorkError
from ..source.paths import WORK_ENV, checked_work_folder, work_root

__all__ = [
    "WORK_ENV",
    "WorkFile",
    "atomic_write_bytes",
    "atomic_write_text",
    "next_free_path",
    "read_csv_safely",
    "rows_to_csv_text",
    "work_dir",
    "work_path",
]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")
#: A work file larger than this is not a student's coding; reading it would only stall.
MAX_WORK_BYTES = 20_000_000
#: Continuations (``name.2.csv`` …) tried after an unreadable work file before giving up.
_MAX_CONTINUATIONS = 100


def work_dir(*, create: bool = True) -> Path:
    """The student-work folder: ``$CABLE_CLASSROOM_WORK``, else ``my_work/`` at the repo root."""
    folder = work_root()
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def work_path(name: str, folder: str | Path | None = None) -> Path:
    """The path of the work file ``name`` (a plain file name, no folders) in the work folder.

    Nothing is created: the folder appears when something is saved in it, so
    opening (or only reading) a work file leaves a learner's ``my_work/`` as it was.
    """
    if not _SAFE_NAME.match(name) or ".." in name:
        raise ValueError(
            f"{name!r} is not a plain file name (letters, digits, '_', '-', '.'; no folders)"
        )
    base = Path(folder) if folder is not None else work_dir(create=False)
    return base / name


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a mix.

    The text goes to a temporary file in the same folder (same file system, so
    the rename is atomic), is flushed and fsynced, and then replaces ``path``.
    If anything fails, the temporary file is removed and the old file is left
    exactly as it was; the exception propagates.
    """
    return atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """:func:`atomic_write_text` for bytes written exactly as given (a cable kept as received)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_folder(target.parent)
    return target


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Not possible on every platform (Windows).
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def read_csv_safely(
    path: str | Path, *, required_columns: Iterable[str] = ()
) -> list[dict[str, str]]:
    """The rows of a CSV work file, or :class:`UnreadableWorkError`; the file is only read.

    Unreadable means: not UTF-8 text, binary content (NUL bytes), a malformed
    CSV, a row with more fields than the header, or a header without one of
    ``required_columns``. An empty file is readable and has no rows. A missing
    file raises ``FileNotFoundError`` (nothing was saved yet; not an error for
    :class:`WorkFile`).
    """
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_WORK_BYTES:
            raise UnreadableWorkError(
                f"{target} is {size:,} bytes, far more than a saved exercise; it was not read"
            )
        data = target.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise UnreadableWorkError(f"{target} could not be opened ({error.strerror})") from error
    if b"\x00" in data:
        raise UnreadableWorkError(f"{target} holds binary data (NUL bytes), not a CSV table")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableWorkError(
            f"{target} is not UTF-8 text (byte {error.start} cannot be decoded)"
        ) from error
    if not text.strip():
        return []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = reader.fieldnames or []
        rows = []
        for row in reader:
            if None in row:
                raise UnreadableWorkError(
                    f"{target}, line {reader.line_num}: more fields than the header has"
                )
            rows.append({key: (value if value is not None else "") for key, value in row.items()})
    except csv.Error as error:
        raise UnreadableWorkError(f"{target} is not a well-formed CSV table ({error})") from error
    missing = [column for column in required_columns if column not in header]
    if missing:
        raise UnreadableWorkError(
            f"{target} has no column {', '.join(repr(c) for c in missing)} "
            f"(its header is {', '.join(header) or 'empty'})"
        )
    return rows


def _cell(value: object) -> str:
    """A value as it is saved: ``None`` as empty, and without NUL characters (a file
    holding one is binary to :func:`read_csv_safely`, which would keep it aside unread,
    and the work in it would seem lost)."""
    return "" if value is None else str(value).replace("\x00", "")


def rows_to_csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """CSV text with the header ``columns``; keys not in ``columns`` are dropped."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(row.get(column)) for column in columns})
    return buffer.getvalue()


def next_free_path(path: str | Path) -> Path:
    """``x.csv`` → ``x.2.csv`` (or ``x.3.csv`` …): the first name that does not exist yet."""
    target = Path(path)
    stem, suffix = target.stem, target.suffix
    match = re.match(r"^(?P<base>.*)\.(?P<n>\d+)$", stem)
    base, number = (match["base"], int(match["n"])) if match else (stem, 1)
    while True:
        number += 1
        candidate = target.with_name(f"{base}.{number}{suffix}")
        if not candidate.exists():
            return candidate


def _fingerprint(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass
class WorkFile:
    """One CSV work file that is saved often and never overwrites what it could not read.

    Build it with :meth:`open`. ``rows`` are the rows found on disk, ``message``
    says in plain words if anything unusual happened (empty when all is well),
    ``kept`` lists files that were left untouched because they could not be
    read or had changed on disk.
    """

    path: Path
    columns: tuple[str, ...]
    rows: list[dict[str, str]] = field(default_factory=list)
    message: str = ""
    kept: list[Path] = field(default_factory=list)
    _last_written: tuple[int, int] | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls,
        name: str,
        *,
        columns: Sequence[str],
        folder: str | Path | None = None,
        required_columns: Sequence[str] | None = None,
    ) -> WorkFile:
        """Open the work file ``name`` in the work folder (created if needed).

        If ``name`` cannot be read, it is kept as it is and the first readable
        or free continuation (``name.2.csv``, ``name.3.csv`` …) is used instead,
        so reopening a notebook after a corrupt save continues the newest work.
        """
        required = tuple(required_columns if required_columns is not None else columns)
        path = work_path(name, folder)
        # A folder that is a file (or cannot be entered) makes every name unreadable:
        # refused here, or the search for a readable continuation would never end.
        checked_work_folder(path.parent)
        kept: list[Path] = []
        problems: list[str] = []
        candidate = path
        for _ in range(_MAX_CONTINUATIONS):
            try:
                rows = read_csv_safely(candidate, required_columns=required)
            except FileNotFoundError:
                rows = []
                break
            except UnreadableWorkError as error:
                kept.append(candidate)
                problems.append(str(error))
                candidate = _next_existing_or_free(candidate)
                continue
            break
        else:
            raise UnreadableWorkError(
                f"none of {path.name} and its {_MAX_CONTINUATIONS - 1} continuations in "
                f"{path.parent} could be read, so your work cannot be kept there; "
                f"the first problem: {problems[0]}"
            )
        work = cls(candidate, tuple(columns), rows, kept=kept)
        work._last_written = _fingerprint(candidate)
        if kept:
            work.message = (
                f"Your saved file {kept[0].name} could not be read ({problems[0]}). "
                f"It has been kept unchanged, so nothing in it is lost; "
                f"your work now continues in {candidate.name}."
            )
        elif rows:
            work.message = f"Reloaded {len(rows)} saved row(s) from {candidate.name}."
        return work

    def save(self, rows: Iterable[Mapping[str, object]]) -> Path:
        """Write ``rows`` atomically; returns the path written (it may have moved on).

        Before replacing the file, check that it is still the one this object
        read or wrote last. If it was changed or damaged on disk, it is kept and
        the rows go to the next free name, with :attr:`message` explaining why.
        """
        rows = list(rows)
        current = _fingerprint(self.path)
        if current is not None and current != self._last_written:
            previous = self.path
            self.kept.append(previous)
            self.path = next_free_path(previous)
            self.message = (
                f"{previous.name} was changed outside this notebook since it was last saved; "
                f"it has been kept unchanged and your work is now saved in {self.path.name}."
            )
        atomic_write_text(self.path, rows_to_csv_text(rows, self.columns))
        self.rows = [{c: _cell(r.get(c)) for c in self.columns} for r in rows]
        self._last_written = _fingerprint(self.path)
        return self.path


def _next_existing_or_free(path: Path) -> Path:
    """The continuation after ``path``: ``x.2.csv`` even if it exists (it may hold newer work)."""
    stem, suffix = path.stem, path.suffix
    match = re.match(r"^(?P<base>.*)\.(?P<n>\d+)$", stem)
    base, number = (match["base"], int(match["n"])) if match else (stem, 1)
    return path.with_name(f"{base}.{number + 1}{suffix}")
