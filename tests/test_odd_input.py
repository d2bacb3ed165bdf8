"""Odd input at the entry points a user touches: a clear message, never a hang, never lost work.

Each test here was a defect found by feeding the command line, ``load_cable``,
``choose_cable`` and the self-checks inputs nobody had tried: a work "folder"
that is a file, a NUL in an answer, a damaged ``my_work/cables``, UTF-16 text,
a pipe where a file was expected, text on standard input in another encoding,
and an ``--out`` that names an existing file. Where a defect was a hang, the
test runs the code in a child process with a time limit.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.cli import main
from cable_utils.errors import (
    BinaryInputError,
    CableError,
    CableNotFoundError,
    UnreadableWorkError,
)
from cable_utils.lessons import check
from cable_utils.lessons.chosen import choice_path, choose_cable, current_choice
from cable_utils.lessons.exercises.feedback import Verdict
from cable_utils.lessons.exercises.saving import load_answers

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "cables" / "08BAKU151.txt"
MOSCOW = REPO / "data" / "cables" / "samples" / "10MOSCOW228.txt"
#: An open exercise whose answer is saved as text in my_work/<ID>/answers.csv.
OPEN_TEXT = "00.3"
#: Long enough for any hang to be plain, short enough for a busy 2-core machine.
CHILD_SECONDS = 120


@pytest.fixture(autouse=True)
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my_work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    return folder


def _in_a_child(code: str, work: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with ``work`` as the work folder; a hang fails."""
    env = dict(os.environ, CABLE_CLASSROOM_WORK=str(work))
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=CHILD_SECONDS,
            env=env,
            cwd=REPO,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung for {CHILD_SECONDS} s (it never gave up looking for a free file name)")


# ----------------------------------------------------------------- the learner's saved work


def test_an_answer_whose_folder_is_a_file_is_not_saved_and_does_not_hang(work: Path) -> None:
    work.mkdir()
    (work / "08BAKU151").write_text("a note the learner saved under this name\n")
    result = _in_a_child(
        f"""
        from cable_utils import load_cable
        from cable_utils.lessons import check
        print(check({OPEN_TEXT!r}, "The Embassy reports the reaction in Baku.", load_cable("08BAKU151")))
        """,
        work,
    )
    assert result.returncode == 0, result.stderr
    assert "Not saved" in result.stdout and "is not a folder" in result.stdout
    assert (work / "08BAKU151").read_text() == "a note the learner saved under this name\n"


def test_claims_when_my_work_is_a_file_say_so_and_do_not_hang(work: Path) -> None:
    """Lesson 05's Run All calls load_claims(WORK_ID): it must end, with a typed error."""
    work.write_text("not a folder\n")
    result = _in_a_child(
        """
        from cable_utils.analysis.remix import load_claims
        from cable_utils.errors import UnreadableWorkError
        try:
            load_claims("10MOSCOW228")
        except UnreadableWorkError as error:
            print("refused:", error)
        """,
        work,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("refused:") and "is not a folder" in result.stdout
    assert work.read_text() == "not a folder\n"


def test_an_answer_with_a_nul_character_stays_readable(work: Path) -> None:
    """A NUL once made the saved file look binary: the reader kept it aside and the answer vanished."""
    cable = load_cable("08BAKU151")
    first = check(OPEN_TEXT, "Pasted from a PDF:\x00 the Embassy reports Baku's view.", cable)
    second = check("01.5", "The SUBJECT line names Kosovo, not Karabakh.", cable)
    assert first.verdict is Verdict.SAVED and second.verdict is Verdict.SAVED
    assert Path(first.saved_to) == Path(second.saved_to) == work / "08BAKU151" / "answers.csv"
    assert load_answers(cable) == {
        OPEN_TEXT: "Pasted from a PDF: the Embassy reports Baku's view.",
        "01.5": "The SUBJECT line names Kosovo, not Karabakh.",
    }
    saved = sorted(p.name for p in (work / "08BAKU151").iterdir() if not p.name.startswith("."))
    assert saved == ["answers.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="the lock uses fcntl; saves are unlocked there")
def test_a_save_in_another_kernel_waits_and_loses_nothing(work: Path, monkeypatch) -> None:
    """Lessons 04 and 05 open side by side, both saving an answer for one cable at once.

    This kernel reads the answers file; a second kernel (a child process) then
    tries to save its answer before this one writes. Without a lock it saved at
    once, and this kernel's write forked into answers.2.csv (which no lesson
    reads) or dropped the other's answer. With the lock it waits its turn.
    """
    from cable_utils.lessons.exercises import saving

    cable = load_cable("08BAKU151")
    code = """
        from cable_utils import load_cable
        from cable_utils.lessons import check
        cable = load_cable("08BAKU151")
        print("ready", flush=True)
        result = check("01.5", "the other kernel's answer", cable)
        assert result.saved_to, str(result)
    """
    env = dict(os.environ, CABLE_CLASSROOM_WORK=str(work))
    opened = saving._answers_file
    other: list[subprocess.Popen[str]] = []

    def read_then_let_the_other_kernel_try(this_cable):
        answers = opened(this_cable)  # this kernel has read the file
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code)],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        other.append(child)
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        # Unlocked, it saves now, behind this kernel's back; locked, it waits (the timeout).
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=3)
        return answers

    monkeypatch.setattr(saving, "_answers_file", read_then_let_the_other_kernel_try)
    mine = check(OPEN_TEXT, "this kernel's answer", cable)
    monkeypatch.setattr(saving, "_answers_file", opened)
    _out, err = other[0].communicate(timeout=CHILD_SECONDS)
    assert other[0].returncode == 0, err
    assert mine.saved_to == str(work / "08BAKU151" / "answers.csv")
    assert load_answers(cable) == {
        OPEN_TEXT: "this kernel's answer",
        "01.5": "the other kernel's answer",
    }
    saved = sorted(p.name for p in (work / "08BAKU151").iterdir() if not p.name.startswith("."))
    assert saved == ["answers.csv"]


def test_claims_with_a_nul_character_stay_readable(work: Path) -> None:
    from cable_utils.analysis.remix import load_claims

    cable = load_cable("10MOSCOW228")
    quote = "contains several provisions that would disadvantage U.S. businesses"
    claim = {"claim": "The draft\x00 law hurts", "holder": "reporting_post", "stance": "FAVOR"}
    first = check("05.3", [{**claim, "quote": quote}], cable)
    assert first.saved_to == str(work / "10MOSCOW228" / "claims.csv")
    assert [row["claim"] for row in load_claims("10MOSCOW228")] == ["The draft law hurts"]
    again = check(
        "05.3", [{**claim, "claim": "The draft law hurts card firms", "quote": quote}], cable
    )
    assert again.saved_to == first.saved_to  # not claims.2.csv beside an unreadable first file


def test_an_answer_that_could_not_be_saved_never_says_saved(monkeypatch) -> None:
    from cable_utils.lessons.exercises import saving

    def disk_full(*_args: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(saving, "save_answer", disk_full)
    result = check(OPEN_TEXT, "The Embassy reports the reaction in Baku.", load_cable("08BAKU151"))
    assert not result.saved_to
    assert "not_saved" in result.keys_missed()
    for shown in (str(result), result._repr_html_()):
        assert "Not saved — compare with the model answer" in shown
        assert "Saved — compare" not in shown.replace("Not saved — compare", "")


# ----------------------------------------------------------------- choosing a cable


def test_a_folder_named_like_the_choice_record_gives_a_message(work: Path) -> None:
    choose_cable("10MOSCOW228")
    before = choice_path().read_bytes()
    choice_path().unlink()
    choice_path().mkdir()
    with pytest.raises(CableError, match="could not be recorded"):
        choose_cable("08BAKU151")
    assert choice_path().is_dir() and not list(choice_path().iterdir())
    choice_path().rmdir()
    choice_path().write_bytes(before)
    assert current_choice() is not None and current_choice().cable_id == "10MOSCOW228"


@pytest.mark.parametrize("damaged", ["SOURCES.md", "CHECKSUMS.sha256"])
def test_a_damaged_list_of_added_cables_is_kept_and_named(work: Path, damaged: str) -> None:
    pasted = MOSCOW.read_text(encoding="utf-8").replace("000228", "000991")
    choose_cable(pasted)  # a first paste writes my_work/cables/SOURCES.md and CHECKSUMS.sha256
    garbage = b"\xff\xfe\x00not UTF-8\n"
    (work / "cables" / damaged).write_bytes(garbage)
    before = sorted(p.name for p in (work / "cables").iterdir())
    with pytest.raises(UnreadableWorkError, match="not UTF-8 text") as refused:
        choose_cable(pasted.replace("000991", "000992"))
    other = {"SOURCES.md", "CHECKSUMS.sha256"} - {damaged}
    assert str(work / "cables" / damaged) in str(refused.value)  # the one file, by its path
    assert other.pop() not in str(refused.value) and "Move it aside" in str(refused.value)
    assert (work / "cables" / damaged).read_bytes() == garbage
    assert sorted(p.name for p in (work / "cables").iterdir()) == before


def test_a_file_where_the_added_cables_folder_goes_gives_a_message(work: Path) -> None:
    work.mkdir()
    (work / "cables").write_text("in the way\n")
    with pytest.raises(CableError, match="nothing was added or chosen"):
        choose_cable(MOSCOW.read_text(encoding="utf-8").replace("000228", "000993"))
    assert (work / "cables").read_text() == "in the way\n"
    assert not choice_path().exists()


# ----------------------------------------------------------------- reading a cable


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_named_not_called_binary(tmp_path: Path, encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "saved in notepad.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError) as raised:
        load_cable(path)
    message = str(raised.value)
    assert encoding[:6].upper() in message and "UTF-8" in message
    assert "image" not in message


def test_a_missing_file_is_not_called_a_bad_id(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CableNotFoundError) as raised:
        load_cable("my cable.txt")
    assert "there is no file at 'my cable.txt'" in str(raised.value)
    assert "pass its path instead" not in str(raised.value)


def test_an_id_is_an_id_in_a_folder_with_a_folder_of_that_name(tmp_path, monkeypatch) -> None:
    """From inside my_work/, where my_work/08BAKU151/ holds the answers, the ID still works."""
    (tmp_path / "08BAKU151").mkdir()
    monkeypatch.chdir(tmp_path)
    assert load_cable("08BAKU151").id == "08BAKU151"
    assert main(["show", "08BAKU151"]) == 0


def test_text_with_old_mac_line_ends_is_read_as_pasted_text() -> None:
    assert load_cable(SEED.read_text(encoding="utf-8").replace("\n", "\r")).id == "08BAKU151"


@pytest.mark.parametrize("length", [300, 5_000])
def test_a_long_line_is_neither_a_path_nor_a_traceback(length: int) -> None:
    one_line = ("FM AMEMBASSY BAKU TO SECSTATE WASHDC " * 200)[:length]
    with pytest.raises(CableNotFoundError, match="needs its line breaks"):
        load_cable(one_line)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    pipe = tmp_path / "cable.txt"
    os.mkfifo(pipe)
    with pytest.raises(CableError, match="not a regular file"):
        load_cable(pipe)  # reading a pipe nobody writes to would wait for ever


# ----------------------------------------------------------------- the command line


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input as a terminal with a strict UTF-8 locale gives it."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_fragment_on_stdin_in_latin1_is_read_like_a_file(monkeypatch, capsys) -> None:
    text = "SUBJECT: A REPORT FROM MÜNCHEN\n\nREF: A. BAKU 146\n"
    _stdin(monkeypatch, text.encode("latin-1"))
    assert main(["show", "--fragment", "-", "--year", "2008"]) == 0
    assert "MÜNCHEN" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (bytes(range(256)) * 8, "binary data"),
        (b"SUBJECT: X\n" * 200_000, "more than 2,000,000 bytes"),
    ],
)
def test_fragment_on_stdin_is_checked_like_a_file(monkeypatch, capsys, data, words) -> None:
    _stdin(monkeypatch, data)
    assert main(["show", "--fragment", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the text on standard input") and words in err


@pytest.mark.parametrize("damaged", ["samples/SOURCES.md", "CHECKSUMS.sha256"])
def test_add_with_a_damaged_provenance_list_is_one_line(tmp_path, monkeypatch, capsys, damaged):
    import shutil

    import cable_utils.source.paths as paths

    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "cables", data / "cables")
    monkeypatch.setattr(paths, "DATA_DIR", data)
    with (data / "cables" / damaged).open("ab") as handle:
        handle.write(b"\xff\xfe a broken line\n")
    before = {p: p.read_bytes() for p in (data / "cables").rglob("*") if p.is_file()}
    pasted = tmp_path / "cable.txt"
    pasted.write_text(MOSCOW.read_text(encoding="utf-8").replace("000228", "000994"))
    assert main(["add", str(pasted)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not UTF-8 text" in err[0] and "Nothing was added" in err[0]
    assert damaged.split("/")[-1] in err[0] and "git checkout" in err[0]
    other = {"SOURCES.md", "CHECKSUMS.sha256"} - {damaged.split("/")[-1]}
    assert other.pop() not in err[0]  # the damaged file is named, not both
    assert {p: p.read_bytes() for p in (data / "cables").rglob("*") if p.is_file()} == before


def test_add_from_stdin_does_not_misstate_the_size(monkeypatch, capsys) -> None:
    _stdin(monkeypatch, b"x" * 3_000_000)
    assert main(["add", "-"]) == 2
    err = capsys.readouterr().err
    assert "more than 2,000,000 bytes" in err and "2,000,001" not in err


@pytest.mark.parametrize("command", ["corpus", "index"])
def test_out_that_is_the_input_is_refused_and_the_input_kept(tmp_path, capsys, command) -> None:
    from cable_utils.corpus.rows import write_cables_csv

    table = tmp_path / "cables.csv"
    write_cables_csv(
        [["1", "2/19/2008 13:47", "08BAKU151", "Embassy Baku", "CONFIDENTIAL", "", "", SEED.read_text(encoding="utf-8")]],
        table,
    )  # fmt: skip
    before = table.read_bytes()
    assert main([command, str(table), "--out", str(table)]) == 2
    assert "is the input" in capsys.readouterr().err
    assert table.read_bytes() == before


@pytest.mark.parametrize("command", ["corpus", "index"])
def test_out_over_a_file_the_command_did_not_write_is_refused(tmp_path, capsys, command) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / "08BAKU151.txt").write_bytes(SEED.read_bytes())
    typo = folder / "08BAKU151.txt"  # --out aimed at a cable instead of a new file
    assert main([command, str(folder), "--out", str(typo)]) == 2
    assert "not a file this command wrote" in capsys.readouterr().err
    assert typo.read_bytes() == SEED.read_bytes()
    again = [command, str(folder), "--out", str(tmp_path / "out")]
    assert main(again) == 0
    assert main(again) == 0  # its own output of a run before is rewritten


def test_a_full_disk_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys) -> None:
    import cable_utils.corpus as corpus

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / ".out.csv.partial"))

    monkeypatch.setattr(corpus, "write_corpus_csv", disk_full)
    assert main(["corpus", str(MOSCOW.parent), "--out", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: No space left on device ({tmp_path / '.out.csv.partial'})"]


def test_a_corpus_table_that_fails_midway_leaves_no_partial_file(tmp_path, monkeypatch) -> None:
    import cable_utils.corpus.rows as rows

    target = tmp_path / "out.csv"
    target.write_text("the table of a run before\n", encoding="utf-8")
    real_rows = rows.iter_corpus_rows

    def interrupted(*args, **kwargs):
        yield from itertools.islice(real_rows(*args, **kwargs), 2)
        raise KeyboardInterrupt  # the learner pressed Ctrl-C halfway

    monkeypatch.setattr(rows, "iter_corpus_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rows.write_corpus_csv(MOSCOW.parent, target)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv"]
    assert target.read_text(encoding="utf-8") == "the table of a run before\n"


@pytest.mark.parametrize("command", ["corpus", "index"])
@pytest.mark.parametrize("content", [None, b"", b"\n\n"], ids=["folder", "file", "blank"])
def test_reading_nothing_is_an_error_and_keeps_the_old_output(
    tmp_path, capsys, command, content
) -> None:
    source = tmp_path / "input"
    if content is None:
        source.mkdir()
        (source / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a cable file
    else:
        source.write_bytes(content)
    out = tmp_path / "out"
    quiet = ["--quiet"] if command == "index" else []
    assert main([command, str(source), "--out", str(out), *quiet]) == 2
    assert "found no cables" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".*partial"))
    assert main([command, str(MOSCOW.parent), "--out", str(out), *quiet]) == 0
    built = out.read_bytes()
    assert main([command, str(source), "--out", str(out), *quiet]) == 2
    assert out.read_bytes() == built


@pytest.mark.parametrize("command", ["corpus", "index"])
@pytest.mark.parametrize(
    ("encode", "says"),
    [
        (lambda text: text.encode("utf-16"), "is UTF-16 text"),
        (lambda text: __import__("gzip").compress(text.encode("utf-8")), "looks like binary data"),
    ],
    ids=["utf16", "gzip"],
)
def test_a_cables_csv_that_is_not_utf8_text_is_refused_in_one_line(
    tmp_path, capsys, command, encode, says
) -> None:
    from cable_utils.corpus.rows import write_cables_csv

    table = tmp_path / "cables.csv"
    write_cables_csv(
        [["1", "", "08BAKU151", "", "", "", "", SEED.read_text(encoding="utf-8")]], table
    )
    table.write_bytes(encode(table.read_text(encoding="utf-8")))
    out = tmp_path / "out"
    quiet = ["--quiet"] if command == "index" else []
    assert main([command, str(table), "--out", str(out), *quiet]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0] and str(table) in err[0]
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["cables.csv"]


def test_corpus_out_in_a_missing_folder_is_one_line(tmp_path, capsys) -> None:
    assert main(["corpus", str(MOSCOW.parent), "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert capsys.readouterr().err.startswith("error: the folder of --out")


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_search_limit_below_one_is_a_usage_error(tmp_path, capsys, limit) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", str(tmp_path / "x.sqlite"), "Kosovo", "--limit", limit])
    assert stopped.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_a_default_index_path_that_is_a_folder_is_named(tmp_path, monkeypatch, capsys) -> None:
    folder = tmp_path / "indexes"
    folder.mkdir()
    monkeypatch.setenv("CABLE_CLASSROOM_INDEX", str(folder))
    assert main(["search", "default", "Kosovo"]) == 2
    err = capsys.readouterr().err
    assert "CABLE_CLASSROOM_INDEX" in err and "is a folder" in err and "--out" not in err
    assert folder.is_dir() and not list(folder.iterdir())


# -- a learner's slips in a notebook cell: named, never an empty answer ---------------


def test_a_misspelt_segment_or_defect_kind_is_named_not_an_empty_list() -> None:
    cable = load_cable("08BAKU151")
    assert len(cable.segments_of("subject")) == 1 and cable.defects_of("truncated") == []
    with pytest.raises(
        ValueError, match=r"'subjct' is not a segment kind; did you mean 'subject'\?"
    ):
        cable.segments_of("subjct")
    with pytest.raises(
        ValueError, match=r"'trunc' is not a defect kind; did you mean 'truncated'\?"
    ):
        cable.defects_of("trunc")


def test_a_misspelt_timeline_topic_is_named_not_an_empty_timeline() -> None:
    from cable_utils.analysis.argument import load_timeline
    from cable_utils.analysis.history import events_about

    events = load_timeline()
    assert events_about(events, "afterwards") and events_about([], "afterwards") == []
    with pytest.raises(ValueError, match="no event in this timeline has the topic 'afterward'"):
        events_about(events, "afterward")


def test_a_concordance_with_a_misspelt_post_says_so(tmp_path) -> None:
    from cable_utils.corpus.index import build_index, open_index
    from cable_utils.corpus.overview import concordance
    from cable_utils.views.search import concordance_html

    build_index(REPO / "data" / "cables", tmp_path / "i.sqlite")
    with open_index(tmp_path / "i.sqlite") as index:
        shown = concordance_html(concordance(index, "Karabakh", post="BAKUU"))
        assert "(no cable in this index is from the post &#x27;BAKUU&#x27;)" in shown
        found = concordance(index, "Karabakh", post="BAKU")
        assert len(found) and found.attrs["notes"] == ()


def test_a_paragraph_number_typed_as_text_is_that_paragraph() -> None:
    cable = load_cable("08BAKU151")
    assert cable.paragraph("3") == cable.paragraph(3)  # it said 'has no paragraph 3; it has [1, …]'
    with pytest.raises(KeyError, match=r"has no paragraph 'three'; it has \[1, 2, 3, 4, 5\]"):
        cable.paragraph("three")


def test_a_glossary_miss_suggests_a_few_terms_not_the_whole_glossary() -> None:
    from cable_utils.reference.glossary import define

    with pytest.raises(KeyError) as empty:
        define("")
    assert "did you mean" not in str(empty.value) and "glossary_table()" in str(empty.value)
    with pytest.raises(KeyError) as short:
        define("a")
    assert str(short.value).count(",") == 6 and "…?" in str(short.value)
    with pytest.raises(KeyError, match="did you mean portion marking"):
        define("portion")


def test_an_exercise_number_without_its_leading_zero_is_that_exercise(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "my_work"))
    cable = load_cable("08BAKU151")
    feedback = check("6.1", "8", cable, save=False)
    assert feedback.verdict == Verdict.CORRECT and feedback.exercise == "06.1"
    assert check(" 06.1 ", "8", cable, save=False).verdict == Verdict.CORRECT
    with pytest.raises(KeyError, match="there is no exercise '9.1'"):
        check("9.1", "8", cable, save=False)


def test_a_corpus_cable_chosen_by_its_id_is_added_to_your_cables(work: Path) -> None:
    """An ID found in lesson 06 typed into lesson 05's chooser: chosen, as the finder does."""
    cable = choose_cable("10ankara87")
    assert cable.id == "10ANKARA87" and current_choice().cable_id == "10ANKARA87"
    copy = work / "cables" / "10ANKARA87.txt"
    assert copy.read_bytes() == (REPO / "data/corpus/cables/10ANKARA87.txt").read_bytes()
    assert choose_cable("10ANKARA87").raw == cable.raw  # again: now found among your cables


def test_an_id_given_in_lower_case_for_your_cable_is_written_as_cablegate_does(work: Path) -> None:
    text = MOSCOW.read_text(encoding="utf-8").replace("000228", "000996")
    cable = choose_cable(text, cable_id="10moscow996")
    assert cable.id == "10MOSCOW996" and (work / "cables" / "10MOSCOW996.txt").is_file()
    assert load_cable("10MOSCOW996").raw == cable.raw
    assert not [note for note in current_choice().notes if "you gave the ID" in note]


def test_a_lesson_set_to_a_corpus_cable_reads_it_and_writes_nothing(work: Path) -> None:
    from cable_utils.lessons.chosen import lesson_cable

    cable = lesson_cable("10ankara87")  # CABLE_ID = "10ankara87" in a lesson's first cell
    assert cable.id == "10ANKARA87"
    assert cable.raw == (REPO / "data/corpus/cables/10ANKARA87.txt").read_text(encoding="utf-8")
    assert not work.exists()  # a lesson only reads
    with pytest.raises(CableNotFoundError, match="did you mean"):
        lesson_cable("08BAKU15")
