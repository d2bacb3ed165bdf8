"""The sources table and the sourced history around the cable.

Every background fact in the data cites an id of ``data/sources.csv``; counts and
dates in the timeline and the glossary are checked against the table of
recognitions (``data/recognitions.csv``) and against the parsed cable, so that a
number in a sentence cannot drift away from the record it summarises.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

CHECKED = {
    "checked here",
    "partly checked here",
    "from project notes",
    "in repository",
    "not checked",
}
DOUBTFUL_MIRRORS = ("oxd2.com", "mwitty.com")
# Files copied unchanged from the project's notes may name what the collection no longer cites.
COPIED_NOTES = {
    DATA / "reference" / "notes" / "precedence_dtg_header.md",
    DATA / "reference" / "notes" / "eo_classification_reasons.md",
    DATA / "reference" / "notes" / "background_facts.md",
}
CANONICAL = re.compile(r"\b\d{2}(?:[A-Z]+)\d+\b")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ids(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    table = rows("sources.csv")
    keyed = {row["id"]: row for row in table}
    assert len(keyed) == len(table), "duplicate source ids"
    return keyed


@pytest.fixture(scope="module")
def recognitions() -> list[dict[str, str]]:
    return rows("recognitions.csv")


@pytest.fixture(scope="module")
def timeline() -> list[dict[str, str]]:
    return rows("timeline.csv")


# ------------------------------------------------------------------ the table itself


def test_sources_have_the_columns_and_a_known_checked_value(sources) -> None:
    first = next(iter(sources.values()))
    assert list(first) == [
        "id", "title", "author_or_outlet", "date", "address", "supports",
        "kind", "access", "checked", "note",
    ]  # fmt: skip
    for source_id, row in sources.items():
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", source_id), source_id
        for column in ("title", "author_or_outlet", "date", "address", "supports", "kind"):
            assert row[column].strip(), (source_id, column)
        assert row["checked"] in CHECKED, (source_id, row["checked"])
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"]), (source_id, row["date"])


def test_every_address_can_be_followed(sources) -> None:
    """A web address, a file of this repository, or an honest 'not known'."""
    for source_id, row in sources.items():
        address = row["address"]
        if address.startswith(("http://", "https://")):
            continue
        if address.startswith("not known"):
            assert row["checked"] == "from project notes", source_id
            continue
        path = REPO / address
        assert path.exists(), f"{source_id}: {address} is not in the repository"
        assert row["checked"] == "in repository", source_id


def test_in_repository_sources_point_into_the_repository(sources) -> None:
    for source_id, row in sources.items():
        if row["checked"] == "in repository":
            assert (REPO / row["address"]).exists(), source_id


def test_partial_and_unchecked_rows_say_what_was_not_read(sources) -> None:
    for source_id, row in sources.items():
        if row["checked"] in {"partly checked here", "not checked"}:
            assert row["note"].strip(), f"{source_id} must say what could not be read"


def test_wikipedia_revisions_are_cited_by_oldid(sources) -> None:
    for source_id, row in sources.items():
        if "revision" in row["title"] and "wikipedia" in row["author_or_outlet"].lower():
            assert "oldid=" in row["address"], source_id


MIRROR_URL = re.compile(
    r"https?://[^\s\"')]*(?:" + "|".join(map(re.escape, DOUBTFUL_MIRRORS)) + ")"
)
# Folders whose text must not cite the dropped mirrors or files outside the repository.
# (The library and the lessons join this list as they are brought up to the sources table.)
CHECKED_FOLDERS = ("data",)


def text_files(suffixes: set[str]):
    for folder in CHECKED_FOLDERS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and path not in COPIED_NOTES and path.suffix in suffixes:
                yield path, path.read_text(encoding="utf-8", errors="replace")


def test_no_doubtful_mirror_is_cited(sources) -> None:
    for source_id, row in sources.items():
        assert not any(host in row["address"] for host in DOUBTFUL_MIRRORS), source_id
    offenders = [
        path.relative_to(REPO).as_posix()
        for path, text in text_files({".py", ".ipynb", ".md", ".csv"})
        if MIRROR_URL.search(text)
    ]
    assert not offenders, offenders


def test_no_citation_of_files_outside_the_repository() -> None:
    offenders = [
        path.relative_to(REPO).as_posix()
        for path, text in text_files({".py", ".ipynb", ".csv"})
        if "/work/shared" in text or "background-facts.md" in text
    ]
    assert not offenders, offenders


# ------------------------------------------------------------ every citation resolves


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("timeline.csv", "source"),
        ("glossary.csv", "source"),
        ("recognitions.csv", "sources"),
        ("annotations/08BAKU151/actors.csv", "background_source"),
    ],
)
def test_citations_are_ids_of_the_sources_table(sources, table: str, column: str) -> None:
    unknown = []
    for row in rows(table):
        cell = row[column]
        if cell in {"", "—"}:
            continue
        unknown += [part for part in ids(cell) if part not in sources]
    assert not unknown, f"{table}: unknown source ids {sorted(set(unknown))}"


def test_every_timeline_and_glossary_row_cites_a_source() -> None:
    for name in ("timeline.csv", "glossary.csv"):
        for row in rows(name):
            assert ids(row["source"]), (name, row)


# ---------------------------------------------------------------- the recognitions


def test_recognitions_are_well_formed(sources, recognitions) -> None:
    states = [row["state"] for row in recognitions]
    assert len(states) == len(set(states)), "a state twice"
    for row in recognitions:
        day = date.fromisoformat(row["date"])
        assert date(2008, 2, 17) <= day <= date(2008, 10, 31), row
        assert row["un_member"] in {"yes", "no"}, row
        assert row["checked"] in {"yes", "partly", "no"}, row
        assert ids(row["sources"]), row
        if row["checked"] != "yes":
            assert row["note"], f"{row['state']}: say why the date is not fully checked"
        if row["reported_rank"]:
            assert row["reported_rank"].isdigit(), row
    dates = [row["date"] for row in recognitions]
    assert dates == sorted(dates), "rows in date order"


def un_counts(recognitions) -> Counter[str]:
    return Counter(row["date"] for row in recognitions if row["un_member"] == "yes")


def cumulative(recognitions, on: str, *, un_only: bool = True) -> int:
    return sum(
        1
        for row in recognitions
        if row["date"] <= on and (row["un_member"] == "yes" or not un_only)
    )


def test_recognitions_agree_with_the_checked_background_facts(recognitions) -> None:
    """The figures the background notes checked: first on 17 Feb, six on 18 Feb,
    about 21 by the end of February, 52 UN members by 31 Oct 2008."""
    per_day = un_counts(recognitions)
    assert min(per_day) == "2008-02-17"
    day, most = per_day.most_common(1)[0]
    assert (day, most) == ("2008-02-18", 6)
    assert cumulative(recognitions, "2008-02-29") == 21
    assert cumulative(recognitions, "2008-10-31") == 52


def test_the_cables_sixteen_in_one_day_is_not_a_count_of_recognitions(recognitions) -> None:
    """¶4: 'in only one day 16 states had already recognized': no day comes close,
    and fewer than 16 had recognised in all by the day the cable was sent."""
    assert max(un_counts(recognitions).values()) < 16
    assert cumulative(recognitions, "2008-02-19", un_only=False) < 16


# -------------------------------------------------------------------- the timeline


def test_timeline_recognition_rows_agree_with_the_recognitions(recognitions, timeline) -> None:
    by_date: dict[str, set[str]] = {}
    for row in recognitions:
        by_date.setdefault(row["date"], set()).add(row["state"])
    # Only UN members are checked by name: "(22 with Taiwan)" names a state of another day.
    states = {row["state"] for row in recognitions if row["un_member"] == "yes"}
    for event in (row for row in timeline if row["category"] == "recognition"):
        assert event["precision"] == "day", event
        assert event["start_date"] >= "2008-02-17", "no recognition before the declaration"
        named = {state for state in states if re.search(rf"\b{re.escape(state)}\b", event["event"])}
        on_day = by_date.get(event["start_date"], set())
        assert named <= on_day, (event["start_date"], named - on_day)
        count = re.search(
            r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b UN member", event["event"], re.I
        )
        if count:
            value = count.group(1).lower()
            number = int(value) if value.isdigit() else NUMBER_WORDS[value]
            if "by" in event["event"] or "have recognised" in event["event"]:
                assert number == cumulative(recognitions, event["start_date"]), event
            else:
                assert number == un_counts(recognitions)[event["start_date"]], event
        assert named or count, f"{event['start_date']}: name the states or give a count"


def test_only_08baku151_is_labelled_this_cable(timeline) -> None:
    thread = {row["id"]: row for row in rows("related/thread.csv")}
    this_cable = [row for row in timeline if row["category"] == "this cable"]
    assert len(this_cable) == 1
    assert set(CANONICAL.findall(this_cable[0]["event"])) == {"08BAKU151"}
    assert this_cable[0]["start_date"] == thread["08BAKU151"]["date"]
    for row in timeline:
        if row["category"] == "cable thread":
            named = set(CANONICAL.findall(row["event"])) - {"08BAKU151"}
            assert len(named) == 1, row
            (cable_id,) = named
            assert thread[cable_id]["date"] == row["start_date"], row
        elif row["category"] != "this cable":
            # Another cable's publication is not 'this cable' either.
            assert "this cable" not in row["event"].lower(), row


def test_timeline_runs_from_the_karabakh_war_to_2024(timeline) -> None:
    starts = sorted(row["start_date"] for row in timeline)
    assert starts[0] < "1989" and starts[-1] >= "2024-01-01"
    categories = {row["category"] for row in timeline}
    assert {"conflict", "law", "status", "publication", "people"} <= categories


# -------------------------------------------------------------------- the glossary

NEW_TERMS = [
    "KFOR", "UNSCR 1244", "UNMIK", "OSCE", "Minsk Group", "prosign", "gazetteer",
    "metonymy", "event data", "kappa", "locution", "diplomatic recognition",
    "de facto state", "redaction", "Ahtisaari plan",
]  # fmt: skip


def test_glossary_has_the_terms_lessons_use_before_explaining_them() -> None:
    terms = {row["term"] for row in rows("glossary.csv")}
    assert not [term for term in NEW_TERMS if term not in terms]


def test_zzh_is_never_given_a_settled_meaning() -> None:
    for row in rows("glossary.csv"):
        if "ZZH" in row["definition"]:
            assert re.search(r"open question|not established", row["definition"]), row["term"]
    signals = {row["signal"]: row for row in rows("reference/operating_signals.csv")}
    assert signals["ZZH"]["meaning"].startswith("meaning not established")


def test_nagorno_karabakh_is_not_described_as_it_was_in_2008_only() -> None:
    entry = next(row for row in rows("glossary.csv") if row["term"] == "Nagorno-Karabakh")
    for fact in ("2 Sep 1991", "2020", "2023", "1 Jan 2024"):
        assert fact in entry["definition"], fact


def test_glossary_info_addressee_count_matches_the_cable() -> None:
    """'N INFO addressees' in the glossary is counted again from the parsed cable."""
    from cable_utils import load_cable

    cable = load_cable("08BAKU151")
    found = 0
    for row in rows("glossary.csv"):
        for match in re.finditer(r"has (\w+) INFO addressees", row["definition"]):
            word = match.group(1).lower()
            number = int(word) if word.isdigit() else NUMBER_WORDS[word]
            assert number == len(cable.info), (row["term"], number, len(cable.info))
            found += 1
    assert found, "the glossary should say how many INFO addressees the cable has"
