"""The one annotation validator: bad files get a line number and a fix, good rows are kept.

The same checks run in lesson 04 (``load_argument``), in ``save_claims``, in
``python -m cable_utils check-annotations`` and on every curated folder in
``make test`` (``tests/test_annotations.py``). Every test writes its files in a
temporary folder; none may change a file it was given.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.annotations import (
    check_annotations,
    quote_problem,
    read_annotation_table,
)
from cable_utils.analysis.argument import load_argument
from cable_utils.analysis.notes import load_notes, parse_notes
from cable_utils.analysis.remix import load_claims, save_claims

REPO = Path(__file__).resolve().parents[1]
CURATED = REPO / "data" / "annotations" / "08BAKU151"
HEADER = "claim_id,claim,question,holder,stance,paragraph,quote,note\n"


@pytest.fixture(scope="module")
def baku():
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def moscow():
    return load_cable("10MOSCOW228")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def claims_folder(
    tmp_path: Path, body: str, *, encoding: str = "utf-8", actors: bool = True
) -> Path:
    folder = tmp_path / "08BAKU151"
    folder.mkdir(exist_ok=True)
    if actors:
        shutil.copy(CURATED / "actors.csv", folder / "actors.csv")
    (folder / "claims.csv").write_bytes(body.encode(encoding))
    return folder


# ------------------------------------------------------------------ file-level hints


def test_a_semicolon_file_gets_the_spreadsheet_hint(tmp_path: Path, baku) -> None:
    folder = claims_folder(
        tmp_path, "claim_id;claim;holder;stance;quote\nC1;x;goaj;FAVOR;deeply worried\n"
    )
    check = check_annotations(baku, folder)
    [problem] = check.problems
    assert (problem.file, problem.line) == ("claims.csv", 1)
    assert "uses ';' between columns" in problem.message
    assert "save it as CSV with commas" in problem.fix


def test_a_tab_file_gets_the_same_hint(tmp_path: Path, baku) -> None:
    folder = claims_folder(tmp_path, "claim_id\tclaim\tholder\tstance\tquote\n")
    assert "uses TAB between columns" in check_annotations(baku, folder).problems[0].message


def test_a_windows_encoded_file_is_named_as_such(tmp_path: Path, baku) -> None:
    body = HEADER + "C1,Kosovo – illegal,Q,goaj,FAVOR,5,deeply worried,é\n"
    folder = claims_folder(tmp_path, body, encoding="cp1252")
    [problem] = check_annotations(baku, folder).problems
    assert "is not UTF-8" in problem.message and "cp1252" in problem.message
    assert "CSV UTF-8" in problem.fix


def test_a_missing_column_says_what_the_header_has(tmp_path: Path, baku) -> None:
    folder = claims_folder(
        tmp_path, "Claim_ID,claim,holder,stance,quote\nC1,x,goaj,FAVOR,deeply worried\n"
    )
    [problem] = check_annotations(baku, folder).problems
    assert "no column claim_id" in problem.message and "Claim_ID" in problem.message
    assert "'Claim_ID' should be written 'claim_id'" in problem.fix


def test_a_row_with_an_unquoted_comma(tmp_path: Path, baku) -> None:
    folder = claims_folder(
        tmp_path, HEADER + "C1,Illegal, says Baku,Q,goaj,FAVOR,5,deeply worried,\n"
    )
    [problem] = check_annotations(baku, folder).problems
    assert problem.line == 2 and "put double quotes around a cell" in problem.fix


# ------------------------------------------------------------------ row problems


ROWS = [
    # (row, phrase in the message, phrase in the fix)
    (
        'C1,Illegal,Q,khazar_ibrahimov,FAVOR,1,"characterized Kosovo\'s independence as a “unilateral” violation",',
        'the cable writes "unilateral" with straight quotation marks, your quote “unilateral” with curly',
        "as they are",
    ),
    (
        "C1,Illegal,Q,khazar_ibrahimv,FAVOR,1,Ibrahimov characterized,",
        "'khazar_ibrahimv' is not an actor",
        "did you mean khazar_ibrahimov",
    ),
    ("C1,Illegal,Q,goaj,MAYBE,5,deeply worried,", "'MAYBE' is not FAVOR, AGAINST or NONE", "FAVOR"),
    (
        "C1,Illegal,Q,goaj,FAVOR,5,5. (C) deeply worried,",
        "starts with the paragraph number or marking",
        "'deeply'",
    ),
    (
        "C1,Illegal,Q,goaj,FAVOR,1,deeply worried,",
        "not in paragraph 1: it is in paragraph 5",
        "paragraph number",
    ),
    ("C1,Illegal,Q,goaj,FAVOR,9,deeply worried,", "no paragraph 9", "1, 2, 3, 4, 5"),
    ("C1,Illegal,Q,goaj,FAVOR,,deeply worried ... recognition,", "with an ellipsis", "one stretch"),
    ("C1,Illegal,Q,goaj,FAVOR,,DEEPLY WORRIED,", "other capitals", "capitals"),
    (
        "C1,Illegal,Q,goaj,FAVOR,,deeply worried that Baku will win,",
        "its first 3 words do",
        "word by word",
    ),
    ("C1,Illegal,Q,goaj,FAVOR,,,", "there is no quote", "exact words"),
    (",Illegal,Q,goaj,FAVOR,5,deeply worried,", "no claim_id", "C1"),
]


@pytest.mark.parametrize(("row", "message", "fix"), ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_each_bad_row_is_listed_with_its_line_and_a_fix(
    tmp_path: Path, baku, row, message, fix
) -> None:
    good = "C2,Baku will not recognise,Q,goaj,FAVOR,5,deeply worried,\n"
    folder = claims_folder(tmp_path, HEADER + good + row + "\n")
    before = digest(folder)
    check = check_annotations(baku, folder)
    assert [p.line for p in check.problems] == [3], check.report()
    problem = check.problems[0]
    assert message in problem.message, problem
    assert fix in problem.fix, problem
    assert [r["claim_id"] for r in check.rows["claims.csv"]] == ["C2"]  # the good row is kept
    assert digest(folder) == before  # checking never writes


def test_the_curly_quote_hint_works_the_other_way_round(baku) -> None:
    cable = baku
    straight = 'characterized Kosovo\'s independence as a "unilateral" violation'
    assert quote_problem(cable, straight, 1) is None
    message, _ = quote_problem(cable, "characterized Kosovo’s independence", 1)
    assert "Kosovo's with straight quotation marks" in message and "curly" in message


def test_unknown_holders_are_checked_against_the_draft_gazetteer(tmp_path: Path, moscow) -> None:
    folder = tmp_path / "10MOSCOW228"
    folder.mkdir()
    (folder / "claims.csv").write_text(
        HEADER
        + "C1,Draft law,Q,us_embassy,FAVOR,,This draft law continues to disadvantage,\n"
        + "C2,Draft law,Q,reporting_post,FAVOR,,This draft law continues to disadvantage,\n",
        encoding="utf-8",
    )
    check = check_annotations(moscow, folder)
    assert "draft gazetteer" in check.actors_from
    assert [p.line for p in check.problems] == [2]
    assert "'us_embassy' is not an actor of the draft gazetteer" in check.problems[0].message
    assert "reporting_post" in check.problems[0].fix


def test_relations_and_reference_stances_are_checked_against_the_good_claims(
    tmp_path: Path, baku
) -> None:
    folder = claims_folder(
        tmp_path,
        HEADER + "C1,A,Q,goaj,FAVOR,5,deeply worried,\nC2,B,Q,goaj,NONE,,nobody said this,\n",
    )
    (folder / "relations.csv").write_text(
        "from_claim,to_claim,relation,note\nC1,C2,support,\nC1,C1,attack,\nC1,C404,undermine,\n",
        encoding="utf-8",
    )
    (folder / "reference_stances.csv").write_text(
        "actor,claim_id,stance,justification\ngoaj,C1,AGAINST,contradicts claims.csv\ngoaj,C1,FAVOR,\n",
        encoding="utf-8",
    )
    check = check_annotations(baku, folder)
    text = check.report()
    assert "relations.csv line 2: to_claim 'C2' is not a claim" in text  # C2's only row is bad
    assert "relations.csv line 3: a claim cannot support or attack itself" in text
    assert "'undermine' is not support or attack" in text
    assert "goaj is FAVOR on C1 in claims.csv, but AGAINST here" in text
    assert "reference_stances.csv line 3: the row has no justification" in text


def test_actor_rows_are_checked(tmp_path: Path, baku) -> None:
    folder = tmp_path / "08BAKU151"
    folder.mkdir()
    (folder / "actors.csv").write_text(
        "id,name,aliases,type,voice,affiliation,background,background_source\n"
        "goaj,Government of Azerbaijan,GOAJ,government body,official,,,\n"
        "goaj,Again,,,,,,\n"
        "x y,Nobody In The Cable,,person,loud,ghost,Born in 1950,\n",
        encoding="utf-8",
    )
    text = check_annotations(baku, folder).report()
    assert "actors.csv line 3: the id 'goaj' is used twice" in text
    assert "actors.csv line 4: the id 'x y' has characters" in text
    assert "the voice 'loud'" in text and "the affiliation 'ghost'" in text
    assert "has no source" in text and "none of the name, aliases or titles" in text


# ------------------------------------------------------------------ lesson 04 keeps the good rows


def test_lesson_04_loads_the_good_rows_of_a_curated_folder_for_a_new_cable(
    tmp_path: Path, moscow
) -> None:
    # the route REMIXING.md recommends: data/annotations/<ID>/ for a cable with no actors.csv
    folder = tmp_path / "10MOSCOW228"
    folder.mkdir()
    (folder / "claims.csv").write_text(
        HEADER
        + "C1,The draft law disadvantages Visa and MasterCard,Q,reporting_post,FAVOR,8,This draft law continues to disadvantage,\n"
        + "C2,Broken,Q,nobody,FAVOR,,not in the cable,\n",
        encoding="utf-8",
    )
    (folder / "relations.csv").write_text(
        "from_claim,to_claim,relation,note\nC2,C1,attack,\n", encoding="utf-8"
    )
    data = load_argument(moscow, "10MOSCOW228", folder=folder)
    assert [c.id for c in data.claims] == ["C1"]
    assert data.claims[0].evidence[0].start > 0  # located in the raw text
    assert len(data.problems) == 3 and all("Fix:" in p for p in data.problems)
    assert data.problems[0].startswith("claims.csv line 3")
    assert data.problems[-1].startswith("relations.csv line 2")
    assert data.actor_name("reporting_post") != "reporting_post"  # names come from the draft


def test_lesson_04_never_crashes_on_a_broken_curated_folder(tmp_path: Path, moscow) -> None:
    from cable_utils.views.plots.argument import argument_map_figure, stance_heatmap
    from cable_utils.widgets.argument import argument_status

    folder = tmp_path / "10MOSCOW228"
    folder.mkdir()
    (folder / "claims.csv").write_bytes(b"claim_id;claim\n")
    (folder / "relations.csv").write_bytes(b"\xff\xfe garbage")
    data = load_argument(moscow, "10MOSCOW228", folder=folder)
    assert not data.claims and len(data.problems) == 2
    status = argument_status(moscow, data).value
    assert "could not be used yet" in status and "uses &#x27;;&#x27; between columns" in status
    argument_map_figure(data)
    stance_heatmap(data, include_reference=True)


# ------------------------------------------------------------------ save_claims


def test_save_claims_refuses_claims_that_would_not_validate(work: Path, moscow) -> None:
    claims = [
        {"claim": "The draft disadvantages U.S. firms", "holder": "reporting_post", "stance": "FAVOR",
         "quote": "This draft law continues to disadvantage"},
        {"claim": "Made up", "holder": "us_embassy", "stance": "maybe", "quote": "nothing like this"},
    ]  # fmt: skip
    saved = save_claims(claims, moscow)
    assert not saved.saved and saved.path is None
    assert saved.message.startswith("Nothing was saved: 3 problem(s)")
    assert saved.problems[0].startswith("claim 2: the holder 'us_embassy' is not an actor")
    assert not (work / "10MOSCOW228").exists() or not any((work / "10MOSCOW228").iterdir())
    good = save_claims(claims[:1], moscow)
    assert good.saved and good.path.is_file()
    assert check_annotations(moscow, work / "10MOSCOW228").ok
    # a later refusal never touches what was saved
    before = good.path.read_bytes()
    assert not save_claims(claims, moscow).saved
    assert good.path.read_bytes() == before
    assert [c["claim_id"] for c in load_claims("10MOSCOW228")] == ["S-1"]


def test_save_claims_refuses_the_exercise_placeholders(work: Path, moscow) -> None:
    placeholders = [{"claim": "...", "holder": "...", "stance": "FAVOR", "quote": "..."}] * 3
    saved = save_claims(placeholders, moscow)
    assert (
        not saved.saved and not work.exists() or not (work / "10MOSCOW228" / "claims.csv").exists()
    )


def test_save_claims_refuses_an_id_with_path_characters(work: Path, moscow) -> None:
    from cable_utils.errors import CableError

    with pytest.raises(CableError, match="not a cable ID"):
        save_claims(
            [{"claim": "x", "holder": "reporting_post", "stance": "FAVOR", "quote": "x"}],
            moscow,
            "../x",
        )


# ------------------------------------------------------------------ notes.md


NOTES = """# Teaching notes: 10MOSCOW228

## Intro
A cable on Russia's draft law on card processing. <script>alert(1)</script>

## Lesson 04
Ask who benefits from the draft law.

## Questions
1. Who drafted the law?
2. What does the Embassy
   expect?

## Model answers
1. The Ministry of Finance (MinFin), according to Kommersant.

## Timeline
| start_date | end_date | precision | event | category | source |
|---|---|---|---|---|---|
| 2010-01-27 | | day | Kommersant reports it has a copy of the draft | media | Kommersant, 27 January 2010 |
"""


def test_notes_are_read_part_by_part() -> None:
    notes = parse_notes(NOTES, "10MOSCOW228")
    assert not notes.problems
    assert notes.title == "Teaching notes: 10MOSCOW228"
    assert notes.intro.startswith("A cable on Russia's draft law")
    assert notes.for_lesson("04") == "Ask who benefits from the draft law."
    assert notes.questions == ("Who drafted the law?", "What does the Embassy expect?")
    assert notes.answers == {1: "The Ministry of Finance (MinFin), according to Kommersant."}
    [event] = notes.timeline
    assert (event.start.isoformat(), event.source) == ("2010-01-27", "Kommersant, 27 January 2010")


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("## Intro", "## Introduction"), 3, "'## Introduction' is not one notes.md knows"),
        (("2. What does", "3. What does"), 11, "numbered 1, 3"),
        (("1. The Ministry", "4. The Ministry"), 14, "model answer 4 has no question 4"),
        (("| 2010-01-27 |", "| 2010-01-32 |"), 20, "is not a day"),
        (("| Kommersant, 27 January 2010 |", "| |"), 20, "has no source"),
        (("| media |", "| media | extra |"), 20, "this row has 7 cells"),
    ],
)
def test_notes_problems_have_a_line_and_a_fix(change, line, message) -> None:
    notes = parse_notes(NOTES.replace(*change), "10MOSCOW228")
    assert [p.line for p in notes.problems] == [line], notes.problems
    assert message in notes.problems[0].message
    assert notes.problems[0].fix


def test_notes_are_validated_with_the_folder(tmp_path: Path, moscow) -> None:
    folder = tmp_path / "10MOSCOW228"
    folder.mkdir()
    (folder / "notes.md").write_text(NOTES.replace("| day |", "| week |"), encoding="utf-8")
    check = check_annotations(moscow, folder)
    assert check.files == ("notes.md",)
    assert [(p.file, p.line) for p in check.problems] == [("notes.md", 20)]
    assert load_notes("10MOSCOW228", folder).intro  # the good parts are still read


def test_notes_in_the_wrong_encoding(tmp_path: Path, moscow) -> None:
    folder = tmp_path / "10MOSCOW228"
    folder.mkdir()
    (folder / "notes.md").write_bytes("## Intro\nCaf\xe9".encode("latin-1"))
    [problem] = check_annotations(moscow, folder).problems
    assert "not UTF-8" in problem.message and "UTF-8" in problem.fix


# ------------------------------------------------------------------ the command line


def run_check(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cable_utils", "check-annotations", *args],
        capture_output=True, text=True, env={**os.environ, **env_extra}, cwd=REPO,
        timeout=120, check=False,
    )  # fmt: skip


def test_cli_check_annotations_reports_and_sets_the_exit_status(tmp_path: Path) -> None:
    work = tmp_path / "work"
    ok = run_check("08BAKU151", env_extra={"CABLE_CLASSROOM_WORK": str(work)})
    assert ok.returncode == 0 and "No problems." in ok.stdout
    typed = run_check("08baku151", env_extra={"CABLE_CLASSROOM_WORK": str(work)})
    assert typed.returncode == 0 and typed.stdout == ok.stdout  # an ID as people type it
    (work / "08BAKU151").mkdir(parents=True)
    (work / "08BAKU151" / "claims.csv").write_text(
        "claim_id;claim;holder;stance;quote\n", encoding="utf-8"
    )
    (work / "08BAKU151_stances.csv").write_text(
        "actor,claim_id,stance,justification\nnobody,C1,MAYBE,\n", encoding="utf-8"
    )
    bad = run_check("08BAKU151", env_extra={"CABLE_CLASSROOM_WORK": str(work)})
    assert bad.returncode == 1
    assert "claims.csv line 1: this file uses ';' between columns" in bad.stdout
    assert "08BAKU151_stances.csv line 2: the actor 'nobody'" in bad.stdout
    assert "'MAYBE' is not FAVOR" in bad.stdout
    every = run_check("--all", env_extra={"CABLE_CLASSROOM_WORK": str(work)})
    assert every.returncode == 0 and "08BAKU151" in every.stdout
    unsafe = run_check("../etc", env_extra={"CABLE_CLASSROOM_WORK": str(work)})
    assert (
        unsafe.returncode == 2
        and unsafe.stderr.startswith("error: ")
        and "Traceback" not in unsafe.stderr
    )


def test_a_broken_file_read_by_the_validator_is_left_as_it_was(tmp_path: Path, baku) -> None:
    folder = claims_folder(
        tmp_path, HEADER + "C1,x,Q,goaj,FAVOR,5,deeply worried,\n", encoding="utf-16"
    )
    before = digest(folder)
    assert check_annotations(baku, folder).problems
    assert digest(folder) == before


def test_read_annotation_table_numbers_lines_of_multi_line_cells(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text(
        HEADER
        + 'C1,"a claim\nover two lines",Q,goaj,FAVOR,5,deeply worried,\nC2,b,Q,goaj,FAVOR,5,x,\n'
    )
    _, rows, problems = read_annotation_table(path, ("claim_id",))
    assert not problems
    assert [r["_line"] for r in rows] == ["2", "4"]
