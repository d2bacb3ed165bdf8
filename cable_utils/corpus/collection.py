"""The collection's cable files, and adding one: ``python -m cable_utils add FILE``.

A *collection* is a folder of cable files named ``<ID>.txt``, kept byte for
byte as received, with two companions that a program can append to safely:

* a provenance file (``SOURCES.md``) whose **last** part is a Markdown table,
  one row per file: where the copy came from, its size and SHA-256 prefix, the
  cable's own metadata and what is unusual about it;
* a checksum list (``CHECKSUMS.sha256``, ``sha256sum`` format) that
  ``sha256sum -c`` and ``tests/test_data.py`` check.

Two collections exist:

* :func:`repository_collection`: ``data/cables/samples/`` of the repository
  (its table is ``data/cables/samples/SOURCES.md``, its checksums
  ``data/cables/CHECKSUMS.sha256``). ``python -m cable_utils add`` writes here;
* :func:`work_collection`: ``my_work/cables/``, where a text a student pasted or
  uploaded is kept so that every lesson can open it by ID. It is not part of
  the repository (``my_work/`` is git-ignored).

:func:`add_cable` is the one way in, for both. It checks everything first (size,
binary data, encoding, that the text is a cable, the ID, duplicates, the
provenance table) and only then writes; when it refuses, it raises a
:class:`~cable_utils.errors.CableError` whose message ends "Nothing was added",
and no file has changed. The three writes are atomic, and undone if a later
one fails.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import (
    CableError,
    DuplicateCableError,
    InputTooLargeError,
    NotACableError,
    UnreadableWorkError,
    UnsafePathError,
)
from ..model import Cable
from ..parse.parser import parse_text
from ..reference.storage import atomic_write_bytes, atomic_write_text
from ..source import paths
from ..source.loading import MAX_CABLE_BYTES, decode_bytes

__all__ = [
    "NOTHING_ADDED",
    "Added",
    "Collection",
    "ProvenanceRow",
    "add_cable",
    "add_file",
    "describe_source",
    "provenance_rows",
    "repository_collection",
    "too_large_error",
    "work_collection",
]

#: What every refusal message ends with: the user must know nothing changed.
NOTHING_ADDED = "Nothing was added."
#: The prefix of the ID given to a pasted text that names no cable (no banner or no date).
PASTED_ID_PREFIX = "my_cable_"

_PROVENANCE_HEADER = (
    "| file | source | metadata read from the text (date · classification · origin) "
    "| what is unusual about it |\n|---|---|---|---|\n"
)
_WORK_PROVENANCE_INTRO = (
    "# Cables you added\n\n"
    "Texts you pasted or uploaded in the lessons (or chose by path) are kept here byte for "
    "byte, so that every lesson can open them by ID. This folder is yours: it is not part of "
    "the collection. The table below says where each text came from.\n\n"
)


@dataclass(frozen=True)
class Collection:
    """A folder of ``<ID>.txt`` cable files with its provenance table and checksum list."""

    folder: Path
    provenance: Path
    checksums: Path
    #: paths in the checksum list are relative to this folder
    checksum_base: Path
    #: folders whose cables count as already present (duplicates are refused)
    also_present: tuple[Path, ...] = ()
    #: True for ``my_work/cables``: a text with no ID of its own gets one
    is_work: bool = False
    label: str = "the collection"

    def searched_folders(self) -> list[Path]:
        return list(dict.fromkeys([*self.also_present, self.folder]))


def repository_collection(data_dir: str | Path | None = None) -> Collection:
    """``data/cables/samples`` of the repository (or of the copy in ``data_dir``)."""
    cables = Path(data_dir if data_dir is not None else paths.DATA_DIR) / "cables"
    return Collection(
        folder=cables / "samples",
        provenance=cables / "samples" / "SOURCES.md",
        checksums=cables / "CHECKSUMS.sha256",
        checksum_base=cables,
        also_present=(cables,),
        label="the collection",
    )


def work_collection(
    root: str | Path | None = None, data_dir: str | Path | None = None
) -> Collection:
    """``my_work/cables``: a student's pasted and uploaded cables (never the repository's data)."""
    folder = Path(root) / "cables" if root is not None else paths.work_cables_dir()
    cables = Path(data_dir if data_dir is not None else paths.DATA_DIR) / "cables"
    return Collection(
        folder=folder,
        provenance=folder / "SOURCES.md",
        checksums=folder / "CHECKSUMS.sha256",
        checksum_base=folder,
        also_present=(cables, cables / "samples"),
        is_work=True,
        label="your added cables",
    )


# --------------------------------------------------------------------------- provenance


@dataclass(frozen=True, slots=True)
class ProvenanceRow:
    """One row of a provenance table: the file name and the other cells as written."""

    file: str
    cells: tuple[str, ...]
    line: int

    @property
    def sha256_prefix(self) -> str | None:
        found = re.search(r"sha256 ([0-9a-f]{12,64})", " ".join(self.cells))
        return found.group(1) if found else None


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(inner)]


def _final_table(text: str, where: Path) -> tuple[int, list[str]]:
    """(index of the table's first line, its lines): the table that ends ``text``."""
    lines = text.rstrip("\n").split("\n")
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and lines[start - 1].lstrip().startswith("|"):
        start -= 1
    table = lines[start:end]
    if len(table) < 2 or not re.fullmatch(r"\|?[\s:|-]+\|?", table[1].strip()):
        raise CableError(
            f"{where} must end with its provenance table (a Markdown table as the last thing in "
            "the file), so that a new row can be appended to it; move anything after the table "
            f"above it. {NOTHING_ADDED}"
        )
    return start, table


def _list_text(path: Path, collection: Collection) -> str:
    """The text of the provenance list or the checksum list, which adding rewrites.

    One that is not UTF-8 is refused and left as it is, and the message names
    it: rewriting it would lose what it holds.
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        where = (
            f"{path} is not UTF-8 text ({error.reason} at byte {error.start}); it was left as it is"
        )
        if collection.is_work:
            raise UnreadableWorkError(
                f"{where}, and nothing was added or chosen. Move it aside and choose again"
            ) from error
        raise CableError(
            f"{where}. {NOTHING_ADDED} Restore it (git checkout) and add again"
        ) from error


def provenance_rows(collection: Collection) -> list[ProvenanceRow]:
    """The rows of the collection's provenance table (empty when there is no file yet)."""
    if not collection.provenance.is_file():
        return []
    text = _list_text(collection.provenance, collection)
    start, table = _final_table(text, collection.provenance)
    rows = []
    for offset, line in enumerate(table[2:], start=start + 3):
        cells = _cells(line)
        rows.append(ProvenanceRow(cells[0].strip("` "), tuple(cells[1:]), offset))
    return rows


def _escape_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|") or "—"


def describe_source(source: str | None, file_name: str) -> str:
    """The provenance cell for where a copy came from.

    A web address becomes ``copied from: <address>`` (a web page has no
    repository and commit to cite); any other text is kept as given (for
    example ``owner/repo @ commit : path``); nothing given says so, so the gap
    is visible and can be filled in by hand.
    """
    given = " ".join((source or "").split())
    if not given:
        return f"source not recorded (added from a file named {file_name}): fill this in"
    if re.match(r"^(https?://|www\.)", given, re.IGNORECASE):
        return f"copied from: {given}"
    return given


def _metadata_cell(cable: Cable) -> str:
    date = cable.date.strftime("%Y-%m-%d %H:%M") if cable.date else "no date"
    parts = [date, cable.classification or "no banner", cable.origin or "no FM line"]
    return " · ".join(parts)


def _unusual_cell(cable: Cable, notes: Iterable[str]) -> str:
    said = [*notes, *cable.warnings]
    if not said:
        return "added with `python -m cable_utils add`; the reader found nothing unusual"
    return "added with `python -m cable_utils add`; reader warnings: " + "; ".join(said)


# --------------------------------------------------------------------------- adding


@dataclass(frozen=True)
class Added:
    """What :func:`add_cable` did: the cable, where it went, and what to know about it."""

    cable: Cable
    cable_id: str
    path: Path
    sha256: str
    #: True when an identical copy was already there (work collection): nothing was written
    already_there: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    row: str = ""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _existing(collection: Collection) -> dict[str, Path]:
    """ID → file of every cable already present where duplicates are looked for."""
    found: dict[str, Path] = {}
    for folder in collection.searched_folders():
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                found.setdefault(path.stem, path)
    return found


def _same_bytes(existing: dict[str, Path], digest: str) -> str | None:
    for cable_id, path in existing.items():
        try:
            if _sha256(path.read_bytes()) == digest:
                return cable_id
        except OSError:
            continue
    return None


def _checked_id(given: str, collection: Collection) -> str:
    candidate = given.strip()
    if not paths.is_safe_id(candidate):
        raise UnsafePathError(
            f"{given!r} is not a cable ID: an ID uses only letters, digits, '_' and '-' "
            f"(like 10MOSCOW228), never a path. {NOTHING_ADDED}"
        )
    if collection.is_work:  # any safe name; one shaped like a cable ID is written as Cablegate does
        return paths.canonical_id(candidate)
    upper = candidate.upper()
    if not paths.CABLE_ID_PATTERN.match(upper):
        raise CableError(
            f"{given!r} is not a canonical cable ID: two-digit year, the sending post, the serial "
            f"without leading zeros (like 10MOSCOW228 or 08STATE103511). {NOTHING_ADDED}"
        )
    return upper


def _id_from_name(name: str) -> str | None:
    stem = Path(name).name.split(".")[0].strip().upper()
    return stem if paths.CABLE_ID_PATTERN.match(stem) else None


def _read_text_of(data: bytes, name: str) -> tuple[str, list[str], Cable]:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"add_cable() needs bytes, not {type(data).__name__}")
    data = bytes(data)
    try:
        text, notes = decode_bytes(data, name=name)
        parsed = parse_text(text, source=name, notes=notes)
    except NotACableError as error:
        raise NotACableError(
            f"{name} is not a cable: {_sentence(error)} {NOTHING_ADDED}"
        ) from error
    except CableError as error:
        raise type(error)(f"{_sentence(error)} {NOTHING_ADDED}") from error
    return text, notes, parsed


def _sentence(error: Exception) -> str:
    return str(error).rstrip(". ") + "."


def _choose_id(
    parsed: Cable, digest: str, name: str, given: str | None, collection: Collection
) -> tuple[str, list[str]]:
    notes: list[str] = []
    if given is not None and given.strip():
        cable_id = _checked_id(given, collection)
        if parsed.id and parsed.id != cable_id:
            notes.append(f"you gave the ID {cable_id}, but the banner and date give {parsed.id}")
        return cable_id, notes
    if parsed.id and paths.is_safe_id(parsed.id):
        return parsed.id, notes
    from_name = _id_from_name(name)
    if from_name:
        notes.append(
            f"the text gives no ID of its own (no banner or no date): {from_name} is "
            "taken from the file name"
        )
        return from_name, notes
    if collection.is_work:
        notes.append("the text names no cable (no banner with a serial, or no date-time group)")
        return f"{PASTED_ID_PREFIX}{digest[:8]}", notes
    raise CableError(
        f"could not tell the ID of {name} from its text (that needs a classification banner with "
        "the post and serial, and a date-time group); give it with --id, e.g. --id 10MOSCOW228. "
        f"{NOTHING_ADDED}"
    )


def _work_copy_id(cable_id: str, digest: str) -> str:
    """Another ID for a different text that claims an ID already taken (work collection)."""
    candidate = f"{cable_id}_copy_{digest[:8]}"
    return candidate if paths.is_safe_id(candidate) else f"{PASTED_ID_PREFIX}{digest[:8]}"


def _checksum_lines(collection: Collection) -> list[str]:
    if not collection.checksums.is_file():
        return []
    return _list_text(collection.checksums, collection).splitlines()


def _relative(path: Path, base: Path) -> str:
    return path.resolve().relative_to(base.resolve()).as_posix()


def _new_checksums(lines: list[str], collection: Collection, entries: dict[Path, str]) -> str:
    """The checksum list with ``entries`` (path → digest) replaced or appended."""
    wanted = {_relative(path, collection.checksum_base): digest for path, digest in entries.items()}
    out = []
    for line in lines:
        _, _, name = line.partition("  ")
        if name in wanted:
            out.append(f"{wanted.pop(name)}  {name}")
        else:
            out.append(line)
    out += [f"{digest}  {name}" for name, digest in wanted.items()]
    return "\n".join(out) + "\n"


def _provenance_text(collection: Collection, row: str) -> str:
    if collection.provenance.is_file():
        text = _list_text(collection.provenance, collection)
        _final_table(text, collection.provenance)  # refuses a file whose table is not last
        return text.rstrip("\n") + "\n" + row + "\n"
    intro = _WORK_PROVENANCE_INTRO if collection.is_work else "# Provenance\n\n"
    return intro + _PROVENANCE_HEADER + row + "\n"


def add_cable(
    data: bytes,
    collection: Collection | None = None,
    *,
    name: str = "the text",
    cable_id: str | None = None,
    source: str | None = None,
    today: datetime | None = None,
) -> Added:
    """Add the cable in ``data`` (its bytes, kept exactly) to ``collection``.

    ``collection`` is :func:`repository_collection` unless given. The ID comes
    from the text (banner and date), else from ``cable_id``; ``source`` says
    where the copy came from (a web address becomes "copied from: …"). A
    provenance row and the checksums are written with the file.

    Refuses, changing nothing, a text that is empty, binary, too large or not a
    cable; an ID with path characters; a cable whose ID or bytes are already in
    the collection. In the work collection an identical copy is not an error
    (``Added.already_there``), and a *different* text claiming a taken ID is
    kept under another ID (``<ID>_copy_<hash>``), so nothing is overwritten.
    """
    target = collection or repository_collection()
    if len(data) > MAX_CABLE_BYTES:
        raise too_large_error(name, len(data))
    text, decode_notes, parsed = _read_text_of(data, name)
    data = bytes(data)
    digest = _sha256(data)
    chosen_id, notes = _choose_id(parsed, digest, name, cable_id, target)
    existing = _existing(target)
    twin = _same_bytes(existing, digest)
    if twin is not None:
        if target.is_work:
            cable = _parse_as(text, twin, existing[twin], decode_notes)
            return Added(
                cable, twin, existing[twin], digest, already_there=True, notes=tuple(notes)
            )
        raise DuplicateCableError(
            f"{name} is already in {target.label}: it is byte for byte the same as "
            f"{existing[twin]} ({twin}). {NOTHING_ADDED}"
        )
    if chosen_id in existing or chosen_id.upper() in {i.upper() for i in existing}:
        if not target.is_work:
            taken = existing.get(chosen_id) or next(
                p for i, p in existing.items() if i.upper() == chosen_id.upper()
            )
            raise DuplicateCableError(
                f"{chosen_id} is already in {target.label} ({taken}), and this text differs from "
                f"it. If it is another copy of the same cable, compare the two; to keep both, "
                f"give this one another ID with --id. {NOTHING_ADDED}"
            )
        original = chosen_id
        chosen_id = _work_copy_id(chosen_id, digest)
        notes.append(
            f"{original} is already there with a different text, so this copy is kept as "
            f"{chosen_id}"
        )
    path = target.folder / f"{chosen_id}.txt"
    cable = _parse_as(text, chosen_id, path, decode_notes)
    when = (today or datetime.now(UTC)).strftime("%Y-%m-%d")
    row = (
        f"| `{chosen_id}.txt` | {_escape_cell(describe_source(source, Path(name).name))}, "
        f"{len(data)} B, sha256 {digest[:12]}, added {when} | {_escape_cell(_metadata_cell(cable))} "
        f"| {_escape_cell(_unusual_cell(cable, notes))} |"
    )
    provenance = _provenance_text(target, row)
    checksums = _new_checksums(
        _checksum_lines(target),
        target,
        {path: digest, target.provenance: _sha256(provenance.encode("utf-8"))},
    )
    _write_all(target, path, data, provenance, checksums)
    return Added(cable, chosen_id, path, digest, notes=tuple(notes), row=row)


def too_large_error(name: str, size: int) -> InputTooLargeError:
    """The refusal of a text of ``size`` bytes, more than any single cable."""
    return InputTooLargeError(
        f"{name} is {size:,} bytes; a single cable is at most {MAX_CABLE_BYTES:,}. Is it a whole "
        f"corpus? Use load_corpus() for that. {NOTHING_ADDED}"
    )


def _parse_as(text: str, cable_id: str, path: Path, notes: list[str]) -> Cable:
    return parse_text(text, source=str(path), cable_id=cable_id, notes=notes)


def _write_all(
    target: Collection, path: Path, data: bytes, provenance: str, checksums: str
) -> None:
    """Write the cable, then the table, then the checksums; undo all if one fails."""
    saved = {
        file: file.read_bytes() if file.is_file() else None
        for file in (target.provenance, target.checksums)
    }
    target.folder.mkdir(parents=True, exist_ok=True)
    if path.exists():  # appeared since the checks (a second process): never overwrite
        raise DuplicateCableError(f"{path} appeared while adding. {NOTHING_ADDED}")
    try:
        atomic_write_bytes(path, data)
        atomic_write_text(target.provenance, provenance)
        atomic_write_text(target.checksums, checksums)
    except BaseException:
        path.unlink(missing_ok=True)
        for file, before in saved.items():
            if before is None:
                file.unlink(missing_ok=True)
            else:
                atomic_write_bytes(file, before)
        raise


def add_file(
    path: str | Path,
    collection: Collection | None = None,
    *,
    cable_id: str | None = None,
    source: str | None = None,
    today: datetime | None = None,
) -> Added:
    """:func:`add_cable` for a file on disk (read as bytes, at most 2 MB)."""
    file_path = Path(path)
    if file_path.is_dir():
        raise CableError(f"{file_path} is a folder; give the file of one cable. {NOTHING_ADDED}")
    if not file_path.is_file():
        raise CableError(f"there is no file at {file_path}. {NOTHING_ADDED}")
    size = file_path.stat().st_size
    if size > MAX_CABLE_BYTES:
        raise too_large_error(file_path.name, size)
    try:
        data = file_path.read_bytes()
    except OSError as error:
        raise CableError(
            f"could not read {file_path} ({error.strerror}). {NOTHING_ADDED}"
        ) from error
    return add_cable(
        data, collection, name=file_path.name, cable_id=cable_id, source=source, today=today
    )
