"""Checks on the cablemap conformance data set (tests/conformance/cablemap/).

These tests check the data set itself: every case complete and traceable, the
counts the README states, no case twice. They never call this project's parser:
whoever wires the cases to the readers does that in their own tests.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from conformance.cablemap import (
    CASES_FILE,
    READERS,
    load_cable_cases,
    load_cases,
    source_files,
)

REPO = Path(__file__).resolve().parent.parent
README = CASES_FILE.with_name("README.md")
NOTES = REPO / "tools" / "cablemap_case_notes.json"
COMMIT = re.compile(r"^[0-9a-f]{40}$")
CANONICAL_ID = re.compile(r"^\d{2}[A-Z]+\d+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The arguments each reader's cablemap test passes, besides the input text.
ARGS = {
    "subject": [{"clean"}],
    "tags": [set(), {"canonicalize"}],
    "references": [{"year", "reference_id"}, {"year"}],
    "classified_by": [{"normalize"}],
    "signer": [{"c14n"}],
    "declassification_date": [set()],
    "other": [set()],
}

CASES = load_cases()
CABLE_CASES = load_cable_cases()
FILES = {record["path"]: record for record in source_files()}


def readme_counts() -> dict[str, int]:
    """The per-reader table between the README's count markers."""
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- counts:", 1)[1].split("<!-- end counts -->", 1)[0]
    counts = {}
    for row in re.finditer(r"^\| \*{0,2}([a-z_]+)\*{0,2} \| \*{0,2}(\d+)\*{0,2} \|", table, re.M):
        counts[row.group(1)] = int(row.group(2))
    return counts


def test_the_data_set_has_cases_for_every_reader():
    assert {case.reader for case in CASES} == set(READERS)
    assert len(CASES) > 500


def test_every_case_has_an_input_an_expected_value_and_its_arguments():
    for case in CASES:
        assert isinstance(case.input, str) and case.input.strip(), case.id
        assert set(case.args) in ARGS[case.reader], (case.id, dict(case.args))
        assert case.function, case.id
        if case.note is not None:
            assert case.note.strip(), case.id


@pytest.mark.parametrize("reader", READERS)
def test_expected_values_have_the_shape_of_their_reader(reader):
    for case in load_cases(reader):
        expected = case.expected
        if reader in ("subject", "other"):
            assert isinstance(expected, str) and expected, case.id
        elif reader == "declassification_date":
            assert expected is None or ISO_DATE.match(expected), case.id
        elif reader == "references" and case.variant == "ids":
            assert all(CANONICAL_ID.match(item) for item in expected), case.id
        elif reader == "references":
            assert case.variant == "objects", case.id
            for item in expected:
                assert set(item) == {"value", "kind", "kind_code", "enum"}, case.id
                assert item["kind"] in {"cable", "email", "book", "tel", "report"}, case.id
                if item["kind"] == "cable":
                    assert CANONICAL_ID.match(item["value"]), case.id
        else:  # tags, classified_by, signer: lists of strings, [] for none
            assert isinstance(expected, list), case.id
            assert all(isinstance(item, str) and item for item in expected), case.id


def test_every_case_says_where_it_was_written():
    for case in CASES:
        places = (case.source, *case.also_at)
        for place in places:
            assert place.repo == "heuer/cablemap", case.id
            assert place.path in FILES, case.id
            assert place.commit == FILES[place.path]["commit"], case.id
            assert place.test_function.startswith("test_"), case.id
            assert place.table.startswith("_"), case.id
            assert place.index >= 0 and 1 <= place.line <= place.end_line, case.id
        assert FILES[case.source.path]["function"] == case.function, case.id
        assert FILES[case.source.path]["reader"] == case.reader, case.id


def test_the_source_files_are_pinned_to_a_commit_and_a_checksum():
    assert len(FILES) == 8
    readme = README.read_text(encoding="utf-8")
    for path, record in FILES.items():
        assert path.startswith("cablemap.core/tests/test_reader_"), path
        assert COMMIT.match(record["commit"]), path
        assert re.fullmatch(r"[0-9a-f]{64}", record["sha256"]), path
        assert record["characters"] > 0 and record["why_this_version"], path
        # the README names every file, with its commit and the start of its checksum
        assert record["commit"] in readme and record["sha256"][:16] in readme, path


def test_no_case_is_written_twice():
    keys = Counter(
        json.dumps([c.reader, c.function, c.input, dict(c.args), c.expected], sort_keys=True)
        for c in CASES
    )
    assert [key for key, count in keys.items() if count > 1] == []
    places = Counter(
        (place.path, place.table, place.index)
        for case in CASES
        for place in (case.source, *case.also_at)
    )
    assert [place for place, count in places.items() if count > 1] == []
    ids = [case.id for case in CASES] + [case.id for case in CABLE_CASES]
    assert len(ids) == len(set(ids))


def test_the_counts_in_the_readme_are_the_counts_of_the_data_set():
    counts = Counter(case.reader for case in CASES)
    stated = readme_counts()
    assert stated.pop("all") == len(CASES)
    assert stated == dict(counts)
    assert json.loads(CASES_FILE.read_text(encoding="utf-8"))["counts"] == dict(counts)


def test_the_readme_states_the_number_of_cable_cases():
    text = README.read_text(encoding="utf-8")
    by_reader = Counter(case.reader for case in CABLE_CASES)
    stated = (
        f'**{len(CABLE_CASES)} cable cases** (`"cable_cases"`: {by_reader["classified_by"]} '
        f"classified_by, {by_reader['signer']} signer)"
    )
    assert stated in " ".join(text.split())


def test_cable_cases_name_a_cable_and_an_expected_list_of_names():
    assert {case.reader for case in CABLE_CASES} == {"classified_by", "signer"}
    for case in CABLE_CASES:
        assert re.fullmatch(r"\d{2}[A-Z]+\d+", case.cable_id), case.id
        assert isinstance(case.expected, list), case.id
        assert all(isinstance(name, str) and name for name in case.expected), case.id
        assert case.source.path in FILES and case.source.table == "_TEST_CABLES", case.id


def test_cases_that_hide_an_escape_or_a_convention_carry_a_note():
    for case in CASES:
        if "\\n" in case.input:  # a literal backslash-n, not a line break
            assert case.note and "backslash" in case.note, case.id
        if case.reader == "classified_by" and case.args["normalize"]:
            assert case.note and "normalize=True" in case.note, case.id
        if case.reader == "references" and case.args.get("reference_id"):
            assert case.note and "citing cable" in case.note, case.id


def test_every_reviewed_note_is_attached_to_its_case():
    notes = json.loads(NOTES.read_text(encoding="utf-8"))
    by_id = {case.id: case for case in CASES}
    for case_id, reviewed in notes.items():
        case = by_id[case_id]
        assert reviewed["input_contains"] in case.input, case_id
        assert case.note and reviewed["note"] in case.note, case_id


def test_loading_one_reader_gives_only_its_cases_and_unknown_readers_are_refused():
    subject = load_cases("subject")
    assert subject and all(case.reader == "subject" for case in subject)
    assert load_cable_cases("signer") and not load_cable_cases("tags")
    with pytest.raises(ValueError, match="unknown reader"):
        load_cases("subjects")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        subject[0].args["clean"] = False  # type: ignore[index]


# ---------------------------------------------------------------- the extractor


def load_extractor():
    spec = importlib.util.spec_from_file_location(
        "extract_cablemap_cases", REPO / "tools" / "extract_cablemap_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_the_extractor_reads_python2_raw_unicode_literals_as_python2_did():
    extractor = load_extractor()
    source = extractor.python3_source("DATA = (ur'''D\\'AFFAIRES''', u'x\\ny')\n")
    assert extractor.literal(source, extractor.ast.parse(source).body[0].value) == (
        "D\\'AFFAIRES",
        "x\ny",
    )
    with pytest.raises(SystemExit):  # Python 2 would have decoded this \u escape
        extractor.python3_source("DATA = ur'\\u00e9'\n")


def test_the_extractor_refuses_pages_that_do_not_fit_together(tmp_path):
    extractor = load_extractor()
    source = extractor.SourceFile("test_reader_x.py", "a" * 40, 6, "other", "f", "test")
    page = {"repo": "heuer/cablemap", "path": source.path, "commit": source.commit}
    (tmp_path / f"test_reader_x.py@{'a' * 40}+0.json").write_text(
        json.dumps({**page, "offset": 0, "total_chars": 6, "text": "abc"})
    )
    with pytest.raises(SystemExit, match="6"):
        extractor.assemble(source, tmp_path)  # half the file is missing
    (tmp_path / f"test_reader_x.py@{'a' * 40}+3.json").write_text(
        json.dumps({**page, "offset": 3, "total_chars": 6, "text": "def"})
    )
    assert extractor.assemble(source, tmp_path) == "abcdef"
