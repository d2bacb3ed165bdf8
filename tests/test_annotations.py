"""Consistency checks for the hand-made annotations of 08BAKU151.

The annotations in ``data/annotations/08BAKU151/`` are the reference that
lessons 03 and 04 and the library's tests compare against, so they must agree
with the cable text itself: every quote must be findable, every speaker and
holder must be a known actor, and every "plain count" in mentions_expected.csv
must equal a mechanical count.

Quotes are matched against the text as ``cable_utils.source.normalise`` cleans it, and
the allowed values (actor types, voices, stances, relations) are the library's
own, so the data and the code that reads it cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from cable_utils.analysis import actors as actors_module
from cable_utils.analysis import argument as argument_module
from cable_utils.source.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "data" / "annotations" / "08BAKU151"
CABLE_PATH = ROOT / "data" / "cables" / "08BAKU151.txt"

ACTOR_TYPES = set(actors_module.ACTOR_TYPES)
VOICES = set(actors_module.VOICES)
STANCES = set(argument_module.STANCES)
RELATIONS = set(argument_module.RELATION_KINDS)
# Only the CAMEO codes listed in notes/background-facts.md.
CAMEO_CODES = {"010", "012", "052", "054", "110", "111", "112", "120", "1661"}
MENTION_KINDS = {"name", "title", "metonym", "pronoun"}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PARAGRAPH_START = re.compile(r"^([1-5])\. \((?:C|U|S|SBU)\)", re.MULTILINE)


def _clean(raw: str) -> str:
    """The cable as the library reads it: scrape artifacts removed."""
    return normalise(raw).text


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(ANNOTATIONS / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def cable_text() -> str:
    if not CABLE_PATH.is_file():
        raise FileNotFoundError(f"the annotated cable is missing: {CABLE_PATH}")
    return _clean(CABLE_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def paragraphs(cable_text: str) -> dict[int, str]:
    """Numbered paragraph -> its text (up to the next numbered paragraph)."""
    starts = list(PARAGRAPH_START.finditer(cable_text))
    assert [int(m.group(1)) for m in starts] == [1, 2, 3, 4, 5]
    ends = [m.start() for m in starts[1:]] + [len(cable_text)]
    pairs = zip(starts, ends, strict=True)
    return {int(m.group(1)): cable_text[m.start() : end] for m, end in pairs}


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    return _read("actors.csv")


@pytest.fixture(scope="module")
def actor_ids(actors: pd.DataFrame) -> set[str]:
    return set(actors["id"])


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return _read("claims.csv")


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def _whole_word(surface: str) -> re.Pattern[str]:
    # Case-sensitive; a possessive "X's" still matches X because ' is not \w.
    return re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")


def _count_longest_first(text: str, surfaces: list[str]) -> dict[str, int]:
    """Count each surface, giving every match to the longest surface covering it.

    "Ibrahimov" inside "Khazar Ibrahimov" is counted once, as "Khazar Ibrahimov".
    Only surfaces of the same actor compete; nested mentions of other actors
    (the MFA inside "MFA spokesperson") are separate mentions.
    """
    claimed: list[tuple[int, int]] = []
    counts: dict[str, int] = {}
    for surface in sorted(set(surfaces), key=len, reverse=True):
        counts[surface] = 0
        for match in _whole_word(surface).finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in claimed):
                continue
            claimed.append(span)
            counts[surface] += 1
    return counts


# ---- actors -------------------------------------------------------------


def test_actor_ids_are_unique_snake_case(actors: pd.DataFrame) -> None:
    duplicated = actors.loc[actors["id"].duplicated(), "id"].tolist()
    assert not duplicated, f"duplicate actor ids: {duplicated}"
    bad = [i for i in actors["id"] if not ID_PATTERN.match(i)]
    assert not bad, f"actor ids not snake_case: {bad}"


def test_actor_types_and_voices_are_allowed(actors: pd.DataFrame) -> None:
    assert set(actors["type"]) <= ACTOR_TYPES, set(actors["type"]) - ACTOR_TYPES
    assert set(actors["voice"]) <= VOICES, set(actors["voice"]) - VOICES
    assert (actors["actor_code"] != "").all()


def test_affiliations_point_to_actors(actors: pd.DataFrame, actor_ids: set[str]) -> None:
    affiliations = {a for a in actors["affiliation"] if a}
    assert affiliations <= actor_ids, affiliations - actor_ids


def test_background_is_sourced_or_marked_not_verified(actors: pd.DataFrame) -> None:
    for row in actors.itertuples():
        if row.background == "not verified":
            assert row.background_source in {"", "—"}, row.id
        else:
            assert row.background and row.background_source not in {"", "—"}, row.id


def test_each_actor_is_named_in_the_cable(actors: pd.DataFrame, cable_text: str) -> None:
    # At least one alias or title of every actor must really occur.
    for row in actors.itertuples():
        forms = _split(row.aliases) + _split(row.titles)
        assert any(_whole_word(f).search(cable_text) for f in forms), row.id


def test_ambiguous_forms_belong_to_one_actor(actors: pd.DataFrame) -> None:
    owner: dict[str, str] = {}
    for row in actors.itertuples():
        for alias in _split(row.aliases):
            assert alias not in owner, f"{alias!r}: {owner.get(alias)} and {row.id}"
            owner[alias] = row.id
    # The hard cases named in the README.
    assert owner["Mammadov"] != owner["Mammadyarov"]
    assert owner["Khazar Ibrahim"] == owner["Khazar Ibrahimov"]
    assert owner["DERSE"] == "anne_derse"


# ---- statements ---------------------------------------------------------


def test_statements(actor_ids: set[str], cable_text: str, paragraphs: dict[int, str]) -> None:
    statements = _read("statements.csv")
    assert not statements["id"].duplicated().any()
    assert set(statements["speaker"]) <= actor_ids, set(statements["speaker"]) - actor_ids
    assert set(statements["cameo_code"]) <= CAMEO_CODES
    assert set(statements["judgement_call"]) <= {"yes", "no"}
    for row in statements.itertuples():
        assert row.quote in cable_text, f"{row.id}: quote not in cable"
        assert row.quote in paragraphs[int(row.paragraph)], f"{row.id}: wrong paragraph"
        assert _whole_word(row.verb).search(paragraphs[int(row.paragraph)]), row.id
        if row.judgement_call == "yes":
            assert row.note, f"{row.id}: a judgement call needs a note"


# ---- claims, relations, stances -----------------------------------------


def test_claims(claims: pd.DataFrame, actor_ids: set[str], paragraphs: dict[int, str]) -> None:
    assert set(claims["holder"]) <= actor_ids, set(claims["holder"]) - actor_ids
    assert set(claims["stance"]) <= STANCES
    assert not claims.duplicated(["claim_id", "holder"]).any()
    # One wording and one question per claim id.
    assert (claims.groupby("claim_id")[["claim", "question"]].nunique() == 1).all().all()
    for row in claims.itertuples():
        assert row.quote in paragraphs[int(row.paragraph)], f"{row.claim_id}/{row.holder}"


def test_relations_connect_known_claims(claims: pd.DataFrame) -> None:
    relations = _read("relations.csv")
    known = set(claims["claim_id"])
    assert set(relations["from_claim"]) <= known
    assert set(relations["to_claim"]) <= known
    assert set(relations["relation"]) <= RELATIONS
    assert (relations["from_claim"] != relations["to_claim"]).all()
    assert not relations.duplicated(["from_claim", "to_claim"]).any()


def test_reference_stances_agree_with_claims(claims: pd.DataFrame, actor_ids: set[str]) -> None:
    reference = _read("reference_stances.csv")
    assert set(reference["actor"]) <= actor_ids
    assert set(reference["claim_id"]) <= set(claims["claim_id"])
    assert set(reference["stance"]) <= STANCES
    assert not reference.duplicated(["actor", "claim_id"]).any()
    assert (reference["justification"] != "").all()
    held = claims.set_index(["holder", "claim_id"])["stance"]
    for row in reference.itertuples():
        if (row.actor, row.claim_id) in held.index:
            assert held[(row.actor, row.claim_id)] == row.stance, (row.actor, row.claim_id)


# ---- mentions -----------------------------------------------------------


def test_mention_surfaces_are_declared(actors: pd.DataFrame) -> None:
    mentions = _read("mentions_expected.csv")
    assert set(mentions["kind"]) <= MENTION_KINDS
    by_id = actors.set_index("id")
    column = {"name": "aliases", "title": "titles", "metonym": "metonym_forms"}
    for row in mentions.itertuples():
        assert row.actor in by_id.index, row.actor
        if row.kind in column:
            declared = _split(by_id.at[row.actor, column[row.kind]])
            message = f"{row.actor}: {row.surface!r} not in {column[row.kind]}"
            assert row.surface in declared, message


def test_mention_counts_match_the_cable(cable_text: str) -> None:
    mentions = _read("mentions_expected.csv")
    assert not mentions.duplicated(["actor", "surface"]).any()
    for actor, group in mentions.groupby("actor"):
        counted = _count_longest_first(cable_text, group["surface"].tolist())
        for row in group.itertuples():
            expected = int(row.count)
            if row.note.startswith("plain count"):
                assert counted[row.surface] == expected, (actor, row.surface, counted[row.surface])
            else:
                # Contextual rows keep only some of the matches.
                assert row.note.startswith("contextual:"), (actor, row.surface)
                assert 0 < expected < counted[row.surface], (actor, row.surface)


def test_a_forecast_is_not_taken_for_a_stance() -> None:
    """A reference stance on a 'should' claim may not rest on a 'will' claim (a forecast).

    Reading the reporter's forecast as the holder's view is the confusion lesson 04
    warns against: 'we do not anticipate that Azerbaijan will recognize' says what Baku
    will do, not what it should do.
    """
    import csv

    folder = ANNOTATIONS
    with (folder / "claims.csv").open(encoding="utf-8", newline="") as handle:
        question = {row["claim_id"]: row["question"] for row in csv.DictReader(handle)}
    with (folder / "reference_stances.csv").open(encoding="utf-8", newline="") as handle:
        stances = list(csv.DictReader(handle))
    checked = 0
    for row in stances:
        cited = re.findall(r"\b(C\d+)\b", row["justification"])
        forecasts = [c for c in cited if question.get(c) == "What will Azerbaijan do?"]
        if question[row["claim_id"]] == "What should Azerbaijan do?" and forecasts:
            checked += 1
            assert row["stance"] == "NONE", (row["actor"], row["claim_id"], forecasts)
    assert checked, "the Embassy's forecast (C12) is expected to be discussed on C2"


# ---- every annotation folder, through the one validator ------------------

ANNOTATION_ROOT = ROOT / "data" / "annotations"
FOLDERS = sorted(p.name for p in ANNOTATION_ROOT.iterdir() if p.is_dir())


def test_there_are_annotation_folders_to_check() -> None:
    assert "08BAKU151" in FOLDERS


@pytest.mark.parametrize("cable_id", FOLDERS)
def test_every_annotation_folder_passes_the_validator(cable_id: str) -> None:
    """The check lessons, save_claims and `check-annotations` run, on every curated folder."""
    from cable_utils import load_cable
    from cable_utils.analysis.annotations import check_annotations

    check = check_annotations(load_cable(cable_id), ANNOTATION_ROOT / cable_id)
    assert check.files, f"{cable_id}: an annotation folder without annotation files"
    assert check.ok, check.report()
