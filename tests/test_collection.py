"""Adding a cable to the collection: ``python -m cable_utils add`` and ``add_cable``.

Every test works on a copy of ``data/cables`` in a temporary folder. A refusal
must name the problem in plain words, end with "Nothing was added", and leave
every file of the collection exactly as it was (checked byte for byte).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.corpus import collection as collection_module
from cable_utils.corpus.collection import (
    NOTHING_ADDED,
    add_cable,
    add_file,
    describe_source,
    provenance_rows,
    repository_collection,
    work_collection,
)
from cable_utils.errors import (
    BinaryInputError,
    CableError,
    DuplicateCableError,
    EmptyCableError,
    InputTooLargeError,
    NotACableError,
    UnsafePathError,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CORPUS = DATA / "corpus" / "cables"
TODAY = datetime(2026, 1, 31, tzinfo=UTC)
# Real cables that are not samples: the 615-cable regression corpus.
NEW_CABLE = CORPUS / "04BOGOTA8900.txt"
OTHER_CABLE = CORPUS / "06BELGRADE1681.txt"


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` with the SHA-256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def checksums_hold(cables: Path) -> list[str]:
    """The names in CHECKSUMS.sha256 whose file does not match (``sha256sum -c``)."""
    wrong = []
    for line in (cables / "CHECKSUMS.sha256").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if hashlib.sha256((cables / name).read_bytes()).hexdigest() != digest:
            wrong.append(name)
    return wrong


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/cables (and nothing else) under ``tmp_path/data``."""
    target = tmp_path / "data"
    shutil.copytree(DATA / "cables", target / "cables")
    return target


def test_the_corpus_cables_used_here_are_not_samples() -> None:
    for path in (NEW_CABLE, OTHER_CABLE):
        assert path.is_file()
        assert not (DATA / "cables" / "samples" / path.name).exists()


# ------------------------------------------------------------------ adding


def test_add_copies_the_bytes_and_records_provenance_and_checksums(data_copy: Path) -> None:
    collection = repository_collection(data_copy)
    before = provenance_rows(collection)
    added = add_file(
        NEW_CABLE,
        collection,
        source="https://wikileaks.org/plusd/cables/04BOGOTA8900_a.html",
        today=TODAY,
    )
    assert added.cable_id == "04BOGOTA8900"
    assert added.path == data_copy / "cables" / "samples" / "04BOGOTA8900.txt"
    assert added.path.read_bytes() == NEW_CABLE.read_bytes()  # byte-identical
    rows = provenance_rows(collection)
    assert [r.file for r in rows] == [r.file for r in before] + ["04BOGOTA8900.txt"]
    new = rows[-1]
    assert new.cells[0].startswith(
        "copied from: https://wikileaks.org/plusd/cables/04BOGOTA8900_a.html"
    )
    digest = hashlib.sha256(NEW_CABLE.read_bytes()).hexdigest()
    assert new.sha256_prefix == digest[:12]
    assert f"{NEW_CABLE.stat().st_size} B" in new.cells[0] and "added 2026-01-31" in new.cells[0]
    # the reader's warnings are recorded: this corpus record is a partial extract
    assert "partial extract" in new.cells[2]
    assert checksums_hold(data_copy / "cables") == []
    listed = (data_copy / "cables" / "CHECKSUMS.sha256").read_text(encoding="utf-8")
    assert f"{digest}  samples/04BOGOTA8900.txt" in listed.splitlines()
    # the row went into the table, which still ends the file
    text = collection.provenance.read_text(encoding="utf-8")
    assert text.rstrip("\n").splitlines()[-1].startswith("| `04BOGOTA8900.txt`")


def test_the_added_cable_opens_by_id_through_the_library(data_copy: Path) -> None:
    add_file(NEW_CABLE, repository_collection(data_copy), source="x", today=TODAY)
    env = {**os.environ, "CABLE_CLASSROOM_DATA": str(data_copy)}
    result = subprocess.run(
        [sys.executable, "-m", "cable_utils", "show", "04BOGOTA8900"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "US HOSTAGE STATUS" in result.stdout


def test_two_adds_in_a_row_keep_the_table_and_checksums_whole(data_copy: Path) -> None:
    collection = repository_collection(data_copy)
    add_file(NEW_CABLE, collection, source="a", today=TODAY)
    add_file(OTHER_CABLE, collection, source="b", today=TODAY)
    files = [r.file for r in provenance_rows(collection)]
    assert files[-2:] == ["04BOGOTA8900.txt", "06BELGRADE1681.txt"]
    assert len(files) == len(set(files))
    assert checksums_hold(data_copy / "cables") == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://example.org/cable.html", "copied from: https://example.org/cable.html"),
        ("www.example.org/c", "copied from: www.example.org/c"),
        ("chillicoder/cablegate @ 68ddbf7 : public/x.html", "chillicoder/cablegate @ 68ddbf7"),
        (None, "source not recorded"),
        ("  ", "source not recorded"),
    ],
)
def test_describe_source(given: str | None, expected: str) -> None:
    assert describe_source(given, "x.txt").startswith(expected)


def test_a_pipe_in_the_source_does_not_break_the_table(data_copy: Path) -> None:
    collection = repository_collection(data_copy)
    add_file(NEW_CABLE, collection, source="my notes | second column?", today=TODAY)
    row = provenance_rows(collection)[-1]
    assert row.file == "04BOGOTA8900.txt"
    assert row.cells[0].startswith("my notes | second column?")
    assert len(row.cells) == 3


def test_an_id_is_taken_from_the_text_before_the_file_name(data_copy: Path, tmp_path: Path) -> None:
    # 10MOSCOW228's banner and date give its ID, whatever the file is called
    source = tmp_path / "downloaded (1).txt"
    source.write_bytes((DATA / "cables" / "samples" / "10MOSCOW228.txt").read_bytes())
    (data_copy / "cables" / "samples" / "10MOSCOW228.txt").unlink()  # make room for it
    added = add_file(source, repository_collection(data_copy), source="s", today=TODAY)
    assert added.cable_id == "10MOSCOW228"


def test_a_text_without_an_id_needs_one(data_copy: Path, tmp_path: Path) -> None:
    text = (DATA / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    undated = text.replace("P 191347Z FEB 08", "").replace("0501347", "")
    source = tmp_path / "copy.txt"
    source.write_text(undated, encoding="utf-8")
    collection = repository_collection(data_copy)
    before = snapshot(data_copy)
    with pytest.raises(CableError, match="give it with --id") as refused:
        add_file(source, collection)
    assert str(refused.value).endswith(NOTHING_ADDED)
    assert snapshot(data_copy) == before
    added = add_file(source, collection, cable_id="08baku999", source="s", today=TODAY)
    assert added.cable_id == "08BAKU999"  # canonical IDs are upper case
    assert load_cable(added.path).id == "08BAKU999"


def test_a_given_id_that_the_text_contradicts_is_kept_with_a_note(data_copy: Path) -> None:
    added = add_file(NEW_CABLE, repository_collection(data_copy), cable_id="04BOGOTA1", today=TODAY)
    assert added.cable_id == "04BOGOTA1"
    assert (data_copy / "cables" / "samples" / "04BOGOTA1.txt").is_file()


# ------------------------------------------------------------------ bad input


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, dict, type[Exception], str]]:
    files = {
        "not-a-cable": ("notes.txt", b"Shopping list\nmilk\neggs\n"),
        "empty": ("empty.txt", b""),
        "blank": ("blank.txt", b"  \n\n \t\n"),
        "binary": ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300)),
        "ten-megabytes": ("huge.txt", b"VZCZC\n" + b"x" * 10_000_000),
    }
    made = {}
    for key, (name, data) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        made[key] = path
    return {
        "not-a-cable": (made["not-a-cable"], {}, NotACableError, "is not a cable"),
        "empty": (made["empty"], {}, EmptyCableError, "empty"),
        "blank": (made["blank"], {}, EmptyCableError, "empty"),
        "binary": (made["binary"], {}, BinaryInputError, "binary"),
        "ten-megabytes": (made["ten-megabytes"], {}, InputTooLargeError, "at most 2,000,000"),
        "duplicate-bytes": (
            DATA / "cables" / "samples" / "10MOSCOW228.txt",
            {},
            DuplicateCableError,
            "byte for byte the same",
        ),
        "the-collection-cable": (
            DATA / "cables" / "08BAKU151.txt",
            {},
            DuplicateCableError,
            "already in the collection",
        ),
        "duplicate-id": (NEW_CABLE, {"cable_id": "10MOSCOW228"}, DuplicateCableError, "differs"),
        "id-with-path": (
            NEW_CABLE,
            {"cable_id": "../../etc/passwd"},
            UnsafePathError,
            "never a path",
        ),
        "id-with-slash": (NEW_CABLE, {"cable_id": "samples/x"}, UnsafePathError, "never a path"),
        "id-not-canonical": (NEW_CABLE, {"cable_id": "my-cable"}, CableError, "canonical"),
        "folder": (tmp_path, {}, CableError, "is a folder"),
        "missing": (tmp_path / "nowhere.txt", {}, CableError, "no file"),
    }


BAD = [
    "not-a-cable", "empty", "blank", "binary", "ten-megabytes", "duplicate-bytes",
    "the-collection-cable", "duplicate-id", "id-with-path", "id-with-slash",
    "id-not-canonical", "folder", "missing",
]  # fmt: skip


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_refused_plainly_and_changes_nothing(
    case: str, data_copy: Path, tmp_path: Path
) -> None:
    path, options, error, phrase = _bad_inputs(_inputs(tmp_path))[case]
    collection = repository_collection(data_copy)
    before = snapshot(data_copy)
    with pytest.raises(error) as refused:
        add_file(path, collection, source="s", today=TODAY, **options)
    message = str(refused.value)
    assert phrase in message
    assert message.endswith(NOTHING_ADDED)
    assert "Traceback" not in message
    assert snapshot(data_copy) == before


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir(exist_ok=True)
    return folder


def test_a_provenance_file_whose_table_is_not_last_is_refused(data_copy: Path) -> None:
    collection = repository_collection(data_copy)
    with collection.provenance.open("a", encoding="utf-8") as handle:
        handle.write("\nA footer someone added after the table.\n")
    before = snapshot(data_copy)
    with pytest.raises(CableError, match="must end with its provenance table"):
        add_file(NEW_CABLE, collection, source="s", today=TODAY)
    assert snapshot(data_copy) == before


def test_a_failed_write_is_undone(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    collection = repository_collection(data_copy)
    before = snapshot(data_copy)
    real = collection_module.atomic_write_text

    def fail_on_checksums(path, text, **kwargs):
        if Path(path).name == "CHECKSUMS.sha256":
            raise OSError(28, "No space left on device")
        return real(path, text, **kwargs)

    monkeypatch.setattr(collection_module, "atomic_write_text", fail_on_checksums)
    with pytest.raises(OSError, match="No space left"):
        add_file(NEW_CABLE, collection, source="s", today=TODAY)
    assert snapshot(data_copy) == before


# ------------------------------------------------------------------ the work collection


def test_the_work_collection_names_a_text_without_an_id_and_never_overwrites(
    tmp_path: Path, data_copy: Path
) -> None:
    work = work_collection(tmp_path / "work", data_copy)
    text = b"SUBJECT: A NOTE WITHOUT A BANNER\n\n1. (U) Only a paragraph.\n"
    first = add_cable(text, work, name="the pasted text", today=TODAY)
    assert first.cable_id.startswith("my_cable_")
    assert first.path.parent == tmp_path / "work" / "cables"
    assert first.path.read_bytes() == text
    again = add_cable(text, work, name="the pasted text", today=TODAY)
    assert again.already_there and again.cable_id == first.cable_id
    # a different text that gives the same ID as a collection cable gets its own ID
    moscow = (DATA / "cables" / "samples" / "10MOSCOW228.txt").read_bytes()
    edited = add_cable(moscow + b"\nmy note\n", work, name="x", today=TODAY)
    assert edited.cable_id.startswith("10MOSCOW228_copy_")
    assert (data_copy / "cables" / "samples" / "10MOSCOW228.txt").read_bytes() == moscow
    # the collection's own text is recognised, not copied
    same = add_cable(moscow, work, name="x", today=TODAY)
    assert same.already_there and same.cable_id == "10MOSCOW228"
    assert not (tmp_path / "work" / "cables" / "10MOSCOW228.txt").exists()
    assert checksums_hold(tmp_path / "work" / "cables") == []
    assert {r.file for r in provenance_rows(work)} == {
        first.path.name,
        edited.path.name,
    }


# ------------------------------------------------------------------ the command line


def run_cli(*args: str, data: Path, cwd: Path, stdin: bytes | None = None):
    env = {**os.environ, "CABLE_CLASSROOM_DATA": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "cable_utils", *args],
        capture_output=True,
        input=stdin,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_cli_add_reports_what_it_did(data_copy: Path, tmp_path: Path) -> None:
    result = run_cli(
        "add", str(NEW_CABLE), "--source", "https://example.org/a", data=data_copy, cwd=tmp_path
    )
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert out.startswith("added 04BOGOTA8900")
    assert "SOURCES.md" in out and "CHECKSUMS.sha256" in out
    assert "python -m cable_utils show 04BOGOTA8900" in out
    assert (data_copy / "cables" / "samples" / "04BOGOTA8900.txt").is_file()


def test_cli_add_reads_standard_input(data_copy: Path, tmp_path: Path) -> None:
    result = run_cli(
        "add", "-", "--source", "pasted", data=data_copy, cwd=tmp_path,
        stdin=OTHER_CABLE.read_bytes(),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert (data_copy / "cables" / "samples" / "06BELGRADE1681.txt").read_bytes() == (
        OTHER_CABLE.read_bytes()
    )


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (
            ["add", str(DATA / "cables" / "samples" / "10MOSCOW228.txt")],
            "already in the collection",
        ),
        (["add", "/nonexistent/x.txt"], "no file"),
        (["add", str(NEW_CABLE), "--id", "../x"], "never a path"),
    ],
)
def test_cli_add_refusals_are_one_line_and_change_nothing(
    args: list[str], phrase: str, data_copy: Path, tmp_path: Path
) -> None:
    before = snapshot(data_copy)
    result = run_cli(*args, data=data_copy, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith("error: ") and phrase in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert snapshot(data_copy) == before


# ------------------------------------------------------------------ after add, the tests pass

# The tests that read the collection's cables (through DATA_DIR, which
# CABLE_CLASSROOM_DATA moves): none may hard-code the set of samples.
AFFECTED_TESTS = [
    "tests/test_data.py",
    "tests/test_samples.py",
    "tests/test_remix.py",
    "tests/test_corpus.py",
]


@pytest.mark.slow
def test_after_add_the_tests_of_the_collection_still_pass(tmp_path: Path) -> None:
    """REMIXING.md §1 on a copy of data/: two ``add`` commands, then the affected tests."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for cable, source in [
        (NEW_CABLE, "https://wikileaks.org/plusd/cables/04BOGOTA8900_a.html"),
        (OTHER_CABLE, "data/corpus/cables/06BELGRADE1681.txt of Cable Classroom"),
    ]:
        added = run_cli("add", str(cable), "--source", source, data=data, cwd=tmp_path)
        assert added.returncode == 0, added.stderr.decode()
    env = {**os.environ, "CABLE_CLASSROOM_DATA": str(data)}
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", *AFFECTED_TESTS],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600, check=False,
    )  # fmt: skip
    # the tests really read the copy: the new cables are among their parameters
    assert "04BOGOTA8900" in collected.stdout and "06BELGRADE1681" in collected.stdout
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *AFFECTED_TESTS],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=1200, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_make_add_is_the_same_command(data_copy: Path) -> None:
    """REMIXING.md §1: `make add FILE=… SOURCE=…` installs the runtime if needed, then adds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env["CABLE_CLASSROOM_DATA"] = str(data_copy)
    missing = subprocess.run(
        ["make", "--no-print-directory", "add"], capture_output=True, text=True, env=env,
        cwd=REPO, timeout=600, check=False,
    )  # fmt: skip
    assert missing.returncode != 0 and "say which file" in missing.stderr
    result = subprocess.run(
        ["make", "--no-print-directory", "add", f"FILE={OTHER_CABLE}",
         "SOURCE=a teacher's copy, https://example.org/x"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "added 06BELGRADE1681" in result.stdout
    row = provenance_rows(repository_collection(data_copy))[-1]
    assert row.file == "06BELGRADE1681.txt" and row.cells[0].startswith("a teacher's copy")
