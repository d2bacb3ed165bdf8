"""Time and rhythm of every lesson (issue 16): core and optional parts are marked, an
exercise comes in the middle, key points come at the end, the estimated time is the one
benchmarks/lesson_times.py measured, and every source id a lesson cites exists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
ALL_LESSONS = sorted((REPO / "notebooks").glob("0[0-6]*_*.ipynb"))
#: The lessons given the rhythm of issue 16 (item 6): every lesson 00-06 with the primer.
RHYTHM = ("00_", "00b", "01_", "02_", "03_", "04_", "05_", "06_")
LESSONS = [p for p in ALL_LESSONS if p.name[:3] in RHYTHM]
NUMBERED_SECTION = re.compile(r"^## \d+\. .+$", re.MULTILINE)
CHECK = re.compile(r'^\s*(?:check|self_check)\(\s*"(\d\d[a-z]?\.\d+)"', re.MULTILINE)
SOURCE_ID = re.compile(r"`([a-z][a-z0-9]*(?:-[a-z0-9]+)+)`")
#: Prefixes of data/sources.csv ids; a backticked token with one of them is a citation.
ID_PREFIXES = (
    "wp-", "un-", "unscr-", "note-", "repo-", "fam-", "cable-", "icj-", "osce-", "reuters-",
    "rferl-", "afp-", "trend-", "echr-", "irfs-", "dw-", "ocmedia-", "pax-", "ponars-",
    "newsam-", "armenianow-", "state-", "eu-", "senate-", "derstandard-", "todayaz-",
)  # fmt: skip


def lesson(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_there_are_eight_lessons_with_the_primer() -> None:
    names = ["00_", "00b", "01_", "02_", "03_", "04_", "05_", "06_"]
    assert [p.name[:3] for p in ALL_LESSONS] == names
    assert [p.name[:3] for p in LESSONS] == [n for n in names if n in RHYTHM]


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_sections_are_marked_core_or_optional(path: Path) -> None:
    text = "\n".join(c.source for c in lesson(path).cells if c.cell_type == "markdown")
    sections = NUMBERED_SECTION.findall(text)
    assert sections, path.name
    unmarked = [s for s in sections if "*(core" not in s and "*(optional" not in s]
    assert not unmarked, unmarked


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_an_exercise_in_the_middle_and_three_to_five_key_points_at_the_end(path: Path) -> None:
    cells = lesson(path).cells
    checks = [i for i, c in enumerate(cells) if c.cell_type == "code" and CHECK.search(c.source)]
    assert checks, path.name
    assert checks[0] < 0.6 * len(cells), (path.name, checks[0], len(cells))
    exercises = next(i for i, c in enumerate(cells) if re.search(r"(?m)^## Exercises", c.source))
    assert checks[0] < exercises, path.name  # the first one is not in the end section
    points = [i for i, c in enumerate(cells) if c.source.startswith("## Key points")]
    assert len(points) == 1, path.name
    assert points[0] > exercises, path.name  # at the end
    bullets = [line for line in cells[points[0]].source.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 5, (path.name, len(bullets))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_the_stated_time_is_the_one_in_the_times_table(path: Path) -> None:
    measured = (REPO / "benchmarks" / "lesson_times.md").read_text(encoding="utf-8")
    row = next(line for line in measured.splitlines() if f"`{path.stem}`" in line)
    *_, how, core, everything = (cell.strip() for cell in row.strip("|").split("|"))
    header = next(c.source for c in lesson(path).cells if "**Estimated time**" in c.source)
    stated = re.search(r"\| \*\*Estimated time\*\* \|([^\n]*)\|", header).group(1)
    assert f"{core} minutes" in stated and everything in stated, (stated, core, everything)
    # The header says how the minutes were obtained, as the table does: a lesson
    # nobody has timed must not claim to be timed, and a timed one says so.
    if how.startswith("estimated"):
        assert "estimated from the lesson's content" in stated, stated
        assert "not yet timed" in stated, stated
    else:
        assert how.startswith("timed (") and "timed walk-through" in stated, (how, stated)


def test_every_source_id_a_lesson_cites_is_in_the_sources_table() -> None:
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    cited: dict[str, set[str]] = {}
    for path in LESSONS:
        for cell in lesson(path).cells:
            if cell.cell_type != "markdown":
                continue
            for token in SOURCE_ID.findall(cell.source):
                if token.startswith(ID_PREFIXES) or token in known:
                    cited.setdefault(token, set()).add(path.stem)
    assert len(cited) > 40
    unknown = {token: sorted(where) for token, where in cited.items() if token not in known}
    assert not unknown, unknown


def test_no_lesson_cites_the_old_free_text_sources() -> None:
    stale = ("Reuters; RFE/RL; AFP", "published chronologies", "background-facts", "oxd2", "mwitty")
    found = [
        (path.stem, phrase)
        for path in LESSONS
        for cell in lesson(path).cells
        for phrase in stale
        if phrase in cell.source
    ]
    assert not found, found


#: Jargon issue 16 asked to explain; each must be in the glossary with sources that exist.
ISSUE_16_TERMS = (
    "KFOR", "UNSCR 1244", "OSCE", "Minsk Group", "prosign", "gazetteer", "metonymy",
    "event data", "kappa", "locution",
)  # fmt: skip


def test_the_jargon_is_in_the_glossary_with_sources_that_exist() -> None:
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    with (REPO / "data" / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        glossary = {row["term"]: row for row in csv.DictReader(handle)}
    for term in ISSUE_16_TERMS:
        assert term in glossary, term
        ids = [part.strip() for part in glossary[term]["source"].split(";") if part.strip()]
        assert ids and not set(ids) - known, (term, ids)
        assert len(glossary[term]["definition"]) > 60, term  # a definition, not a stub


GLOSSARY_CALL = re.compile(r"glossary_table\(\s*\[(.*?)\]\s*\)", re.S)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_the_terms_a_lesson_lists_are_in_the_glossary(path: Path) -> None:
    """A lesson's glossary table names only terms the glossary defines (else it fails at run)."""
    with (REPO / "data" / "glossary.csv").open(encoding="utf-8", newline="") as handle:
        terms = {row["term"] for row in csv.DictReader(handle)}
    code = "\n".join(c.source for c in lesson(path).cells if c.cell_type == "code")
    listed = [t for call in GLOSSARY_CALL.findall(code) for t in re.findall(r'"([^"]+)"', call)]
    assert not set(listed) - terms, sorted(set(listed) - terms)
    links = {"01_anatomy_of_a_cable": "prosign", "02_reading_the_body": "KFOR"}
    if path.stem in links:  # the jargon these lessons use before the glossary
        assert links[path.stem] in listed


def test_the_instructor_guide_discusses_the_leak_with_sources_that_exist() -> None:
    """Issue 16 item 4: the guide's ethics section, every fact with a source id that exists."""
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        known = {row["id"] for row in csv.DictReader(handle)}
    guide = (REPO / "notebooks" / "INSTRUCTOR_GUIDE.md").read_text(encoding="utf-8")
    section = guide.split("## A leaked source: ethics", 1)[1].split("\n## ", 1)[0]
    cited = set(SOURCE_ID.findall(section))
    assert {"latimes-20110830", "dawn-20110902", "echr-ilgar-2014"} <= cited
    assert not cited - known, sorted(cited - known)
    for topic in ("unredacted", "in confidence", "What changes for a historian", "(a)", "(c)"):
        assert topic in section, topic
    assert "No source in the collection connects his arrest" in section
