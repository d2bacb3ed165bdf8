"""Reading cables from IDs, files, bytes and strings.

One path for everything: bytes are decoded here (UTF-8, then cp1252, the
encoding of many PDF-converted copies) and IDs, paths and pasted text are
resolved to a :class:`SourceText`; :func:`cable_utils.load_cable` then hands it
to the parser. Problems with the *input itself* raise a
:class:`~cable_utils.errors.CableError` that names the problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import (
    BinaryInputError,
    CableError,
    CableNotFoundError,
    EmptyCableError,
    InputTooLargeError,
    UnsafePathError,
)
from .paths import CABLE_ID_PATTERN, PROJECT_DIR, find_cable_file, is_safe_id, work_cables_dir

__all__ = ["MAX_CABLE_BYTES", "SourceText", "decode_bytes", "read_cable_text", "read_source"]

#: The longest real cables are a few hundred kilobytes; anything far beyond is
#: not a single cable, and reading it would only make a classroom kernel slow.
MAX_CABLE_BYTES = 2_000_000

_TEXT_CONTROL_BYTES = {9, 10, 12, 13, 27}


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROL_BYTES)
    return control > max(8, len(sample) // 50)


#: Byte-order marks of the encodings whose text is full of NUL bytes (checked longest first).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """The name UTF-16 or UTF-32 for text saved with such a byte-order mark, else None.

    Such text is refused with its own message: its NUL bytes would otherwise
    make it look like an image or an archive.
    """
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def refuse_non_text(data: bytes, *, name: str, what: str = "the text of a cable") -> None:
    """Raise :class:`BinaryInputError` if ``data`` (a file's first bytes will do) is not UTF-8-like text.

    UTF-16 or UTF-32 text gets its own message (its NUL bytes would otherwise
    make it look like an image or an archive), and so does binary data.
    """
    wide = _wide_encoding(data)
    if wide:
        raise BinaryInputError(
            f'{name} is {wide} text (Notepad\'s "Unicode"), not UTF-8: open it in a text '
            "editor and save it again with the encoding UTF-8, then load it"
        )
    if _looks_binary(data):
        raise BinaryInputError(
            f"{name} looks like binary data (an image, PDF or archive), not {what}"
        )


def decode_bytes(data: bytes, *, name: str = "the input") -> tuple[str, list[str]]:
    """Decode the bytes of a cable file; return the text and any warnings.

    A byte-order mark and CR characters are kept in the returned text (it is the
    *raw* text that offsets point into); normalisation removes them later.
    """
    if len(data) > MAX_CABLE_BYTES:
        raise InputTooLargeError(
            f"{name} is {len(data):,} bytes; a single cable is at most "
            f"{MAX_CABLE_BYTES:,}. Is it a whole corpus? Use load_corpus() for that."
        )
    if not data.strip():
        raise EmptyCableError(f"{name} is empty: there is no text to read")
    refuse_non_text(data, name=name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        where = error.start
    try:
        text = data.decode("cp1252")
        note = "cp1252 (Windows Latin-1)"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        note = "Latin-1"
    return text, [
        f"{name} is not valid UTF-8 (first bad byte at position {where}); "
        f"it was decoded as {note}, the usual encoding of PDF-converted copies"
    ]


def read_cable_text(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """Read and decode one cable file, refusing huge or binary files before parsing."""
    file_path = Path(path)
    if not file_path.is_file():
        if file_path.exists():  # a pipe, a socket or a device: reading it could wait forever
            raise CableError(
                f"{file_path} is not a regular file (a pipe or a device?), not a cable"
            )
        raise CableNotFoundError(f"no cable file at {file_path}")
    size = file_path.stat().st_size
    if size > MAX_CABLE_BYTES:
        raise InputTooLargeError(
            f"{file_path.name} is {size:,} bytes; a single cable is at most {MAX_CABLE_BYTES:,}. "
            "Is it a whole corpus? Use load_corpus() for that."
        )
    try:
        data = file_path.read_bytes()
    except OSError as error:
        raise CableError(f"could not read {file_path}: {error.strerror or error}") from error
    return decode_bytes(data, name=file_path.name)


def _id_from_file_name(path: Path) -> str | None:
    stem = path.name.split(".")[0]
    if CABLE_ID_PATTERN.match(stem):
        return stem
    # A student's added cable (my_work/cables/my_cable_1a2b3c4d.txt) is named by its ID too.
    if path.suffix == ".txt" and is_safe_id(path.stem):
        try:
            if path.resolve().parent == work_cables_dir().resolve():
                return path.stem
        except OSError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class SourceText:
    """A cable's text as received, with where it came from."""

    text: str
    notes: tuple[str, ...] = ()  # what decoding had to do (e.g. not UTF-8)
    source: str | None = None  # the file it came from, if any
    cable_id: str | None = None  # the ID its file name gives, if any


def read_source(source: str | os.PathLike[str] | bytes) -> SourceText:
    """Resolve an ID, a path, bytes or pasted text to the text of one cable.

    A string with a line break is pasted text; otherwise a string is a path to
    an existing file or a cable ID in ``data/cables``. A string path may not
    climb out of both the working folder and the collection with ``..``
    (``"../../etc/passwd"``): pass a :class:`pathlib.Path` to open a file
    anywhere on purpose.
    """
    if isinstance(source, bytes):
        text, notes = decode_bytes(source)
        return SourceText(text, tuple(notes))
    if isinstance(source, os.PathLike):
        return _read_file(Path(source))
    if not isinstance(source, str):
        raise TypeError(
            f"load_cable() takes a cable ID, a path, bytes or text, not {type(source).__name__}"
        )
    if "\n" in source or "\r" in source:  # "\r" alone: a text with old Mac line ends
        return SourceText(_checked_paste(source))
    if source.strip() == "":
        raise EmptyCableError("the cable ID or path is empty")
    if len(source) > _LONGEST_PATH:
        raise _one_long_line(source)
    path = Path(source)
    if ".." in path.parts and not _inside_a_known_folder(path):
        raise UnsafePathError(
            f"{source!r} is neither a cable ID nor a path inside the working folder or the "
            "collection ('..' climbs out of both); to open a cable file elsewhere on purpose, "
            "pass pathlib.Path(...) instead of a string"
        )
    try:
        exists = path.exists()
    except OSError as error:  # a name longer than the system allows (ENAMETOOLONG)
        raise _one_long_line(source) from error
    if exists and not (path.is_dir() and is_safe_id(source.strip())):
        return _read_file(path)  # a folder named like an ID (my_work/08BAKU151/) is not meant
    if not is_safe_id(source.strip()) and _looks_like_a_path(source):
        raise CableNotFoundError(
            f"there is no file at {source!r} (from the folder {Path.cwd()}), and it is not a "
            "cable ID either (IDs look like 08BAKU151)"
        )
    return _read_file(find_cable_file(source.strip()))


def _looks_like_a_path(text: str) -> bool:
    """True for ``notes/cable.txt`` or ``cable.txt``: a folder or a file extension."""
    path = Path(text.strip())
    return len(path.parts) > 1 or bool(path.suffix) or text.strip().startswith(("~", "."))


#: Longer than any path a system accepts (Linux: 4,096 bytes): a string this long is no path.
_LONGEST_PATH = 4096


def _one_long_line(source: str) -> CableNotFoundError:
    return CableNotFoundError(
        f"{source[:40]!r}… ({len(source):,} characters on one line) is neither a path nor a "
        "cable ID; if it is the text of a cable, it needs its line breaks"
    )


def _checked_paste(text: str) -> str:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_CABLE_BYTES:
        raise InputTooLargeError(
            f"the pasted text is {size:,} bytes; a single cable is at most "
            f"{MAX_CABLE_BYTES:,}. Is it a whole corpus? Use load_corpus() for that."
        )
    return text


def _inside_a_known_folder(path: Path) -> bool:
    """True when ``path`` resolves inside the working folder or the collection."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in (Path.cwd(), PROJECT_DIR))


def _read_file(path: Path) -> SourceText:
    if path.is_dir():
        raise CableError(
            f"{path} is a folder, not a cable file; load_cable() reads one cable "
            "(for a folder of cables use load_corpus())"
        )
    text, notes = read_cable_text(path)
    return SourceText(text, tuple(notes), str(path), _id_from_file_name(path))
