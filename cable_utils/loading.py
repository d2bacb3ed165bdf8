"""Reading cables from IDs, files, bytes and strings.

One path for everything: bytes are decoded here (UTF-8, then cp1252, the
encoding of many PDF-converted copies), then :func:`cable_utils.parser.parse_text`
does the rest. Problems with the *input itself* raise a
:class:`~cable_utils.errors.CableError` that names the problem.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import (
    BinaryInputError,
    CableError,
    CableNotFoundError,
    EmptyCableError,
    InputTooLargeError,
)
from .model import Cable
from .paths import CABLE_ID_PATTERN, find_cable_file

__all__ = ["MAX_CABLE_BYTES", "decode_bytes", "load_cable", "read_cable_text"]

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
    if _looks_binary(data):
        raise BinaryInputError(
            f"{name} looks like binary data (an image, PDF or archive), not the text of a cable"
        )
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
    return stem if CABLE_ID_PATTERN.match(stem) else None


def load_cable(source: str | os.PathLike[str] | bytes) -> Cable:
    """Load a cable from an ID in ``data/cables`` (``"08BAKU151"``), a path, bytes or text.

    >>> load_cable("08BAKU151").subject
    "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    """
    from .parser import parse_text

    if isinstance(source, bytes):
        text, notes = decode_bytes(source)
        return parse_text(text, warnings=notes)
    if isinstance(source, os.PathLike):
        path = Path(source)
    elif not isinstance(source, str):
        raise TypeError(
            f"load_cable() takes a cable ID, a path, bytes or text, not {type(source).__name__}"
        )
    elif "\n" in source:
        return parse_text(source)
    elif source.strip() == "":
        raise EmptyCableError("the cable ID or path is empty")
    elif Path(source).is_file():
        path = Path(source)
    else:
        path = find_cable_file(source.strip())
    text, notes = read_cable_text(path)
    return parse_text(text, source=str(path), cable_id=_id_from_file_name(path), warnings=notes)
