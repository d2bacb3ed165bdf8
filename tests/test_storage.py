"""Student work on disk: atomic writes, reloads across processes, corrupt files kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cable_utils.analysis.argument import StanceCoding
from cable_utils.errors import UnreadableWorkError
from cable_utils.reference import storage
from cable_utils.reference.storage import (
    WorkFile,
    atomic_write_text,
    next_free_path,
    read_csv_safely,
    work_dir,
    work_path,
)

REPO = Path(__file__).resolve().parents[1]
COLUMNS = ("actor", "claim_id", "stance", "justification")


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv(storage.WORK_ENV, str(folder))
    return folder


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# ------------------------------------------------------------------ where


def test_work_dir_follows_the_environment(_work_in_tmp: Path) -> None:
    assert work_dir() == _work_in_tmp
    assert _work_in_tmp.is_dir()


def test_default_work_dir_is_my_work_at_the_root_and_git_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(storage.WORK_ENV)
    assert work_dir(create=False) == REPO / "my_work"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "my_work/08BAKU151_stances.csv"], cwd=REPO, check=False
    )
    assert ignored.returncode == 0, "my_work/ must be git-ignored"


@pytest.mark.parametrize("name", ["../x.csv", "a/b.csv", "", ".hidden", "x" * 200])
def test_work_path_refuses_anything_but_a_plain_name(name: str) -> None:
    with pytest.raises(ValueError):
        work_path(name)


def test_next_free_path_counts_up(tmp_path: Path) -> None:
    base = tmp_path / "08BAKU151_stances.csv"
    assert next_free_path(base).name == "08BAKU151_stances.2.csv"
    (tmp_path / "08BAKU151_stances.2.csv").write_text("x")
    assert next_free_path(base).name == "08BAKU151_stances.3.csv"
    assert next_free_path(tmp_path / "08BAKU151_stances.2.csv").name == "08BAKU151_stances.3.csv"


# ------------------------------------------------------------------ atomic write


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    atomic_write_text(target, "old,text\n")
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


def test_interrupted_write_leaves_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.csv"
    atomic_write_text(target, "actor,claim_id\nx,C1\n")
    before = target.read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "actor,claim_id\ny,C2\n" * 1000)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"], "temporary file left behind"


def test_interrupted_first_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(tmp_path / "new.csv", "data")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ reading


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        (b"actor,claim_id,stance,justification\n\xff\xfe bad bytes,C1,FAVOR,x\n", "UTF-8"),
        (b'actor,claim_id,stance,justification\nx,C1,FAVOR,"unclosed\n', "well-formed"),
        (b"actor,claim_id,stance,justification\nx,C1,FAVOR,a,b,c\n", "more fields"),
        (b"who,what\nx,y\n", "no column"),
    ],
)
def test_unreadable_file_raises_and_is_left_untouched(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "08BAKU151_stances.csv"
    path.write_bytes(content)
    before = _snapshot(path)
    with pytest.raises(UnreadableWorkError, match=reason):
        read_csv_safely(path, required_columns=COLUMNS)
    assert _snapshot(path) == before


def test_readable_file_gives_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('\ufeffactor,claim_id\nilgar_mammadov,"C3"\n', encoding="utf-8")
    assert read_csv_safely(path, required_columns=("actor",)) == [
        {"actor": "ilgar_mammadov", "claim_id": "C3"}
    ]
    (tmp_path / "empty.csv").write_text("")
    assert read_csv_safely(tmp_path / "empty.csv") == []
    with pytest.raises(FileNotFoundError):
        read_csv_safely(tmp_path / "missing.csv")


# ------------------------------------------------------------------ WorkFile


def test_corrupt_work_file_is_kept_and_work_continues_in_a_new_file(_work_in_tmp: Path) -> None:
    _work_in_tmp.mkdir(parents=True)
    corrupt = _work_in_tmp / "08BAKU151_stances.csv"
    corrupt.write_bytes(b"\x00\x01\x02 not a csv")
    before = _snapshot(corrupt)

    work = WorkFile.open("08BAKU151_stances.csv", columns=COLUMNS)
    assert work.path.name == "08BAKU151_stances.2.csv"
    assert work.kept == [corrupt]
    assert "08BAKU151_stances.csv could not be read" in work.message
    assert "08BAKU151_stances.2.csv" in work.message
    work.save([{"actor": "a", "claim_id": "C1", "stance": "FAVOR", "justification": "q"}])
    assert _snapshot(corrupt) == before

    # Reopening continues the newest readable work, still without touching the corrupt file.
    again = WorkFile.open("08BAKU151_stances.csv", columns=COLUMNS)
    assert again.path.name == "08BAKU151_stances.2.csv"
    assert again.rows == [{"actor": "a", "claim_id": "C1", "stance": "FAVOR", "justification": "q"}]
    assert _snapshot(corrupt) == before


def test_file_changed_on_disk_is_not_clobbered(_work_in_tmp: Path) -> None:
    work = WorkFile.open("g.csv", columns=("id", "name"))
    work.save([{"id": "a", "name": "A"}])
    edited = work.path
    edited.write_text("id,name\na,A\nb,B edited by hand\n", encoding="utf-8")
    os.utime(edited, ns=(1, 1))  # make sure the change is visible even on coarse clocks
    written = work.save([{"id": "a", "name": "A"}, {"id": "c", "name": "C"}])
    assert written.name == "g.2.csv"
    assert "B edited by hand" in edited.read_text()
    assert "changed outside this notebook" in work.message


# ------------------------------------------------------------------ StanceCoding


def test_two_saves_in_a_row_lose_nothing(_work_in_tmp: Path) -> None:
    coding = StanceCoding.open("08BAKU151")
    coding.set("ilgar_mammadov", "C3", "AGAINST", "sets a clear precedent")
    coding.set("vafa_guluzade", "C3", "FAVOR", "disavowing any relevance")
    coding.set("ilgar_mammadov", "C5", "favor", "")
    reopened = StanceCoding.open("08BAKU151")
    assert reopened.stances() == {
        ("ilgar_mammadov", "C3"): ("AGAINST", "sets a clear precedent"),
        ("vafa_guluzade", "C3"): ("FAVOR", "disavowing any relevance"),
        ("ilgar_mammadov", "C5"): ("FAVOR", ""),
    }
    assert reopened.path == _work_in_tmp / "08BAKU151_stances.csv"


def test_coding_survives_a_new_process(_work_in_tmp: Path) -> None:
    coding = StanceCoding.open("08BAKU151")
    coding.set("us_embassy_baku", "C4", "FAVOR", "stems from a unique set of circumstances")
    coding.set("azerbaijani_public", "C6", "FAVOR", "deeply skeptical that … will not serve")
    program = (
        "import json; from cable_utils.analysis.argument import StanceCoding\n"
        "c = StanceCoding.open('08BAKU151')\n"
        "print(json.dumps(sorted([list(k) + list(v) for k, v in c.stances().items()])))"
    )
    env = {**os.environ, storage.WORK_ENV: str(_work_in_tmp)}
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [
        ["azerbaijani_public", "C6", "FAVOR", "deeply skeptical that … will not serve"],
        ["us_embassy_baku", "C4", "FAVOR", "stems from a unique set of circumstances"],
    ]


def test_clearing_a_cell_removes_it_and_bad_stances_are_refused(_work_in_tmp: Path) -> None:
    coding = StanceCoding.open("08BAKU151")
    coding.set("exo", "C1", "FAVOR", "headline")
    coding.set("exo", "C1", "", "")
    assert StanceCoding.open("08BAKU151").stances() == {}
    with pytest.raises(ValueError, match="FAVOR"):
        coding.set("exo", "C1", "MAYBE")


# ------------------------------------------------------------------ odd work folders


def test_a_work_folder_that_is_a_file_is_refused_not_searched_forever(
    _work_in_tmp: Path,
) -> None:
    # A learner saved a file named like the work folder. Opening the stance coding used to
    # try 08BAKU151_stances.2.csv, .3.csv … for ever; run in a child so a hang fails the test.
    _work_in_tmp.parent.mkdir(parents=True, exist_ok=True)
    _work_in_tmp.write_text("not a folder\n", encoding="utf-8")
    program = (
        "from cable_utils.analysis.argument import StanceCoding\n"
        "from cable_utils.errors import UnreadableWorkError\n"
        "try:\n"
        "    StanceCoding.open('08BAKU151')\n"
        "except UnreadableWorkError as error:\n"
        "    print('refused:', error)\n"
    )
    env = {**os.environ, storage.WORK_ENV: str(_work_in_tmp)}
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused:") and "is not a folder" in result.stdout
    assert _work_in_tmp.read_text(encoding="utf-8") == "not a folder\n"  # left as it was


def test_unreadable_continuations_end_in_a_message_not_a_loop(
    _work_in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[Path] = []

    def never_readable(path: Path, **_: object) -> list[dict[str, str]]:
        tries.append(path)
        if len(tries) > 10_000:  # (so that a loop without end fails here instead of hanging)
            raise AssertionError("WorkFile.open keeps trying names")
        raise UnreadableWorkError(f"{path.name} is damaged")

    monkeypatch.setattr(storage, "read_csv_safely", never_readable)
    with pytest.raises(UnreadableWorkError, match="continuations") as raised:
        WorkFile.open("x.csv", columns=COLUMNS)
    assert "x.csv is damaged" in str(raised.value)


def test_a_nul_in_a_justification_does_not_make_the_coding_vanish(_work_in_tmp: Path) -> None:
    # A NUL made the saved file binary to read_csv_safely: the next open set it aside
    # unread, showed no codes and went on in 08BAKU151_stances.2.csv.
    coding = StanceCoding.open("08BAKU151")
    coding.set("exo", "C1", "FAVOR", "pasted\x00text")
    reopened = StanceCoding.open("08BAKU151")
    assert reopened.stances() == {("exo", "C1"): ("FAVOR", "pastedtext")}
    assert reopened.path == _work_in_tmp / "08BAKU151_stances.csv"
    work = WorkFile.open("notes.csv", columns=COLUMNS)
    work.save([{"actor": "exo", "justification": "a\x00b"}])
    assert work.rows == WorkFile.open("notes.csv", columns=COLUMNS).rows  # memory = disk
