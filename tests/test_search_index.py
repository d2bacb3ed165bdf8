"""The corpus search index (cable_utils.corpus.index): known answers, raw offsets, bad input.

Known answers were found by reading the texts (``grep -z`` across line breaks
over ``data/corpus/cables``, ``data/cables`` and ``data/cables/samples``), not
by asking the index:

- ``"Minsk Group"`` occurs in one cable, 10ANKARA302 ("an agreed framework for
  Minsk Group progress").
- ``"Armenian Protocols"`` occurs in exactly two cables: 10ANKARA302 (twice:
  the summary and ¶3) and 10ANKARA87 (twice, "the Armenian protocols being the
  best example", "the fate of the Armenian protocols").
- ``Karabakh`` occurs in eight cables (listed below).
- Posts × years counted from the file names: Baku wrote four cables of 2009
  (09BAKU179, 09BAKU226, 09BAKU478, 09BAKU687); Paris nineteen of 2007
  (eighteen in the corpus and the sample 07PARIS1791).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cable_utils.corpus import index as search_index
from cable_utils.corpus.index import (
    IndexCorruptError,
    IndexMissingError,
    IndexStaleError,
    QueryError,
    SearchError,
    base,
    build,
    build_index,
    default_index,
    default_sources,
    open_index,
    reader,
)
from cable_utils.corpus.rows import write_cables_csv
from cable_utils.parse import load_cable

REPO = Path(__file__).resolve().parents[1]
KARABAKH = {
    "08BAKU151", "06BAKU1835", "07PARIS2027", "08BISHKEK1095", "08STATE134490",
    "09ANKARA1472", "10ANKARA126", "10ANKARA87",
}  # fmt: skip


@pytest.fixture(scope="module")
def index_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "corpus.sqlite"
    build_index(default_sources(), path)
    return path


@pytest.fixture
def index(index_path: Path):
    with open_index(index_path) as opened:
        yield opened


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


# -- known answers ---------------------------------------------------------------


def test_the_collection_is_indexed_whole(index) -> None:
    assert len(index) == 640
    assert index.info.errors == 0 and index.info.duplicates == 0
    assert {"08BAKU151", "10PRISTINA84", "10ANKARA302"} <= index.ids()


def test_a_phrase_in_exactly_one_cable(index) -> None:
    results = index.search('"Minsk Group"')
    assert [hit.id for hit in results] == ["10ANKARA302"] and results.total == 1


def test_a_phrase_in_exactly_two_cables(index) -> None:
    results = index.search('"Armenian Protocols"')
    assert {hit.id for hit in results} == {"10ANKARA302", "10ANKARA87"}
    assert all(len(hit.spans) == 2 for hit in results)


def test_a_word_and_its_cables(index) -> None:
    assert {hit.id for hit in index.search("Karabakh", limit=50)} == KARABAKH
    assert index.count("Karabakh") == 8


def test_post_year_counts_match_the_file_names(index) -> None:
    counts = {(post, year): n for post, year, n in index.counts_by_post_year("cable OR the")}
    assert counts[("BAKU", 2009)] == 4
    assert counts[("PARIS", 2007)] == 19
    records = index.records()
    assert sum(1 for r in records if r["post"] == "BAKU" and r["year"] == 2009) == 4


def test_filters_narrow_by_post_date_tag_and_classification(index) -> None:
    by_post = {hit.id for hit in index.search("Karabakh", post="baku")}
    assert by_post == {"08BAKU151", "06BAKU1835"}
    assert {hit.id for hit in index.search("Karabakh", post="Embassy Baku")} == by_post
    dated = {hit.id for hit in index.search("Karabakh", date_from="2009", date_to="2010-01")}
    assert dated == {"09ANKARA1472", "10ANKARA126", "10ANKARA87"}
    assert {hit.id for hit in index.search("Kosovo", tags=["AJ"])} == {"08BAKU151"}
    assert {hit.id for hit in index.search("Kosovo", tags=["aj", "KPAO"])} == {"08BAKU151"}
    assert index.search("Kosovo", tags=["AJ", "XX"]).total == 0
    secret = index.search("Karabakh", classification="secret")
    assert {hit.id for hit in secret} == {"08STATE134490", "09ANKARA1472", "10ANKARA126"}


def test_an_inverted_date_range_is_a_plain_message_not_zero_cables(index) -> None:
    with pytest.raises(
        QueryError, match=r"From date \(2010-01-01\) is after the To date \(2008-12-31\)"
    ):
        index.search("Karabakh", date_from="2010", date_to="2008")
    # one year written at both ends is that whole year, not an inverted range
    assert "08BAKU151" in {
        hit.id for hit in index.search("Karabakh", date_from="2008", date_to="2008")
    }


def test_a_filter_value_no_cable_has_is_named_when_nothing_matches(index) -> None:
    typo = index.search("Kosovo", post="BAKUU")
    assert typo.total == 0 and typo.notes == ("no cable in this index is from the post 'BAKUU'",)
    mixed = index.search("Kosovo", tags=["XYZ", "KV"], classification="TOP SECRET")
    assert mixed.notes == (
        "no cable in this index is classified 'TOP SECRET'",
        "no cable in this index has the TAGS code 'XYZ'",
    )
    # values that exist, only not together: nothing to name
    together = index.search("Kosovo", post="BAKU", tags=["KV"])
    assert together.total == 0 and together.notes == ()
    # a search that finds cables never carries notes (the check is not even run)
    assert index.search("Kosovo", post="BAKU").notes == ()
    # the notebook view says it, escaped
    from cable_utils.views.search import results_html

    shown = results_html(index.search("Kosovo", tags=["<b>KV</b>x"]))
    assert "No cable in this index has the TAGS code &#x27;&lt;b&gt;KV&lt;/b&gt;x&#x27;." in shown
    assert "<b>" not in shown


def test_several_posts_at_once_is_a_plain_message_not_a_post_named_like_a_list(index) -> None:
    with pytest.raises(QueryError, match=r"give one post as text \(post='BAKU'\), not the list"):
        index.search("Karabakh", post=["BAKU", "YEREVAN"])
    with pytest.raises(QueryError, match="give one classification as text"):
        index.search("Karabakh", classification=("SECRET",))


def test_ranked_and_date_ordered(index) -> None:
    by_date = [hit.date for hit in index.search("Karabakh", order="date", limit=50)]
    assert by_date == sorted(by_date)
    ranked = index.search("precedent", limit=3)
    assert ranked.hits[0].id == "08BAKU151"  # five uses in a short cable
    assert [hit.score for hit in ranked] == sorted(hit.score for hit in ranked)


def test_a_word_anywhere_is_found_header_and_front_matter(index) -> None:
    # the routing indicator of the sender (header), a TAGS code and the classifier's name
    assert "08BAKU151" in {hit.id for hit in index.search("RUEHKB", limit=100)}
    assert "08BAKU151" in {hit.id for hit in index.search("PBTS")}
    assert "08BAKU151" in {hit.id for hit in index.search('"Classified By"', post="BAKU")}


# -- offsets ---------------------------------------------------------------------

OFFSET_QUERIES = [
    ("Karabakh", lambda raw: _fold(raw) == "karabakh"),
    ('"Minsk Group"', lambda raw: _fold(raw) == "minsk group"),
    ('"Armenian Protocols"', lambda raw: _fold(raw) == "armenian protocols"),
    ("Karab*", lambda raw: _fold(raw).startswith("karab")),
    ("precedent OR precedents", lambda raw: _fold(raw) in ("precedent", "precedents")),
    ("Kosovo AND independence", lambda raw: _fold(raw) in ("kosovo", "independence")),
    ('"Nagorno Karabakh"', lambda raw: re.fullmatch(r"nagorno\W+karabakh", _fold(raw))),
]


@pytest.mark.parametrize(("query", "fits"), OFFSET_QUERIES, ids=[q for q, _ in OFFSET_QUERIES])
def test_every_hit_points_at_its_match_in_the_raw_text(index, query, fits) -> None:
    results = index.search(query, limit=1000)
    assert results.total == len(results.hits) > 0
    for hit in results:
        raw = index.raw_text(hit.id)
        assert hit.spans and (hit.start, hit.end) == hit.spans[0]
        for start, end in hit.spans:
            assert fits(raw[start:end]), (hit.id, start, end, raw[start:end])
        assert list(hit.spans) == sorted(hit.spans)
        assert _fold(raw[hit.start : hit.end]) in _fold(hit.snippet)


def test_offsets_are_offsets_into_the_cable_as_load_cable_reads_it(index) -> None:
    # 08BAKU151 as received keeps web-scrape artifacts ([1](#), ¶, hard breaks)
    cable = load_cable("08BAKU151")
    assert index.raw_text("08BAKU151") == cable.raw
    spans = index.spans("08BAKU151", "precedent")
    assert len(spans) == 5
    assert all(cable.raw[start:end].lower() == "precedent" for start, end in spans)
    assert index.cable("08BAKU151").raw == cable.raw


def test_an_index_answers_from_another_thread(index) -> None:
    # ipykernel runs widget callbacks on another thread than the cell that opened it
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        total = pool.submit(lambda: index.search("Karabakh").total).result()
        cable = pool.submit(index.cable, "10ANKARA87").result()
    assert total == 8 and cable.id == "10ANKARA87"


def test_json_contract(index) -> None:
    hit = index.search('"Minsk Group"').hits[0]
    data = hit.to_json()
    for key in ("id", "date", "origin", "classification", "subject", "snippet", "start", "end"):
        assert key in data
    assert data["id"] == "10ANKARA302" and data["date"].startswith("2010-02-25")
    raw = index.raw_text("10ANKARA302")
    assert raw[data["start"] : data["end"]] == "Minsk Group"
    assert "«Minsk Group»" in data["snippet"]


def test_marker_characters_in_a_text_do_not_shift_offsets(tmp_path: Path) -> None:
    text = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace("public is deeply", "public \ue000is\ue001 deeply")
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / "08BAKU151.txt").write_text(text, encoding="utf-8")
    build_index(folder, tmp_path / "i.sqlite")
    with open_index(tmp_path / "i.sqlite") as index:
        hit = index.search("precedent").hits[0]
        assert all(text[a:b] == "precedent" for a, b in hit.spans)
        assert len(hit.spans) == 5


# -- bad queries -------------------------------------------------------------------

BAD_QUERIES = {
    '"Minsk Group': "never closed",
    "NOT": "NOT needs a word",
    "*": "cannot stand alone",
    "'; DROP TABLE cables; --": "double quotes",
    "Robert'); DELETE FROM cables WHERE ('1'='1": "double quotes",
    "Kosovo AND": "still expected",
    "subject: Kosovo": "column",
    "-Kosovo": "NOT",
    "facets : postbaku": "column",
    "Karabakh) OR (precedent": "search syntax",
    "NEAR(Kosovo precedent, x)": "number",
    "": "empty",
    "   ": "empty",
    "x" * 2000: "limit",
}


@pytest.mark.parametrize("query", list(BAD_QUERIES), ids=[q[:30] or "blank" for q in BAD_QUERIES])
def test_a_malformed_query_gets_a_plain_message(index, query: str) -> None:
    with pytest.raises(QueryError) as caught:
        index.search(query)
    message = str(caught.value)
    assert BAD_QUERIES[query] in message
    assert "sqlite" not in message.lower() and "Traceback" not in message
    # the index is untouched (no statement ran the text as SQL)
    assert len(index.records()) == 640


def test_sql_in_filter_values_is_only_data(index) -> None:
    payload = "BAKU' OR '1'='1"
    assert index.search("Karabakh", post=payload).total == 0
    assert index.search("Karabakh", classification="x' OR 1=1 --").total == 0
    assert index.search("Karabakh", tags=["AJ') OR 1=1 --"]).total == 0
    with pytest.raises(QueryError, match="not a post"):
        index.search("Karabakh", post="%")
    with pytest.raises(QueryError, match="not a date"):
        index.search("Karabakh", date_from="2008'; DROP TABLE cables; --")
    assert len(index.records()) == 640


def test_suggestions_are_valid_queries(index) -> None:
    for query in ("U.S. policy", "Kosovo's independence", '"Minsk', "NOT", "a:b"):
        with pytest.raises(QueryError) as caught:
            index.search(query)
        suggestion = caught.value.suggestion
        assert suggestion, query
        index.search(suggestion)  # does not raise


def test_the_planner_has_statistics_for_the_tables_it_plans(index_path: Path) -> None:
    # ANALYZE runs on cables, tags and refs only (the full-text table's shadow tables are
    # read by key; their statistics steer no plan): each of their indexes is described.
    with sqlite3.connect(index_path) as connection:
        described = {row[0] for row in connection.execute("SELECT idx FROM sqlite_stat1")}
        ours = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
                "('cables', 'tags', 'refs') AND sql IS NOT NULL"
            )
        }
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT rowid FROM cables WHERE id = ?", ("08BAKU151",)
        ).fetchall()
    assert len(ours) == 7 and ours <= described
    assert "cables_id" in plan[0][-1]


def test_no_sql_is_built_from_user_text() -> None:
    # Every statement the reader runs is a module-level constant; the only f-strings
    # build them from other constants at import time.
    package = Path(search_index.__file__).parent
    for module in package.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        calls = re.findall(r"\.(?:execute|executemany|_fetch|_execute)\(\s*(f?[\"'])", source)
        assert 'f"' not in calls and "f'" not in calls, module.name


# -- damaged, stale, missing ---------------------------------------------------------


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="python -m cable_utils index"):
        open_index(tmp_path / "nothing.sqlite")


def test_a_file_that_is_not_an_index(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(IndexCorruptError, match="not a readable search index"):
        open_index(junk)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE x(y)")
    with pytest.raises(IndexCorruptError, match="not a search index"):
        open_index(other)


def test_a_truncated_index_is_reported_never_half_read(index_path: Path, tmp_path: Path) -> None:
    data = index_path.read_bytes()
    for keep in (len(data) // 2, len(data) // 10):
        cut = tmp_path / f"cut{keep}.sqlite"
        cut.write_bytes(data[:keep])
        with pytest.raises(IndexCorruptError), open_index(cut) as broken:
            for query in ("Karabakh", "the", "precedent OR Kosovo OR Baku"):
                broken.search(query, limit=1000)
            broken.records()


def test_an_index_with_damaged_pages(index_path: Path, tmp_path: Path) -> None:
    data = bytearray(index_path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page * 3):  # every third page from the third
        data[start : start + page] = b"\xff" * page
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError), open_index(damaged) as broken:
        broken.search("the", limit=1000)
        broken.records()


def test_an_unfinished_or_other_schema_index(index_path: Path, tmp_path: Path) -> None:
    unfinished = tmp_path / "unfinished.sqlite"
    shutil.copy(index_path, unfinished)
    with sqlite3.connect(unfinished) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'complete'")
    with pytest.raises(IndexCorruptError, match="incomplete"):
        open_index(unfinished)
    older = tmp_path / "older.sqlite"
    shutil.copy(index_path, older)
    with sqlite3.connect(older) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(IndexStaleError, match="schema version 0"):
        open_index(older)


def test_default_index_builds_reuses_and_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    for name in ("08BAKU151.txt", "samples/10PRISTINA84.txt"):
        shutil.copy(REPO / "data" / "cables" / name, folder)
    monkeypatch.setattr(reader, "default_sources", lambda: [folder])
    monkeypatch.setenv(search_index.INDEX_ENV, str(tmp_path / "default.sqlite"))

    first = default_index()
    assert "first use" in first.notes[0] and len(first) == 2
    first.close()
    again = default_index()
    assert again.notes == [] and len(again) == 2  # reused as it is
    again.close()

    # a new cable in a source folder: the index is stale and rebuilt
    shutil.copy(REPO / "data" / "cables" / "samples" / "06BAKU1835.txt", folder)
    rebuilt = default_index()
    assert "input files changed" in rebuilt.notes[0] and len(rebuilt) == 3
    rebuilt.close()

    # a damaged file is rebuilt, not half-read
    (tmp_path / "default.sqlite").write_bytes(b"\0" * 8192)
    repaired = default_index()
    assert "rebuilt" in repaired.notes[0] and len(repaired) == 3
    assert repaired.search("Karabakh").total == 2
    repaired.close()

    # the parsing code changed: rebuilt
    monkeypatch.setattr(reader, "code_version", lambda: "another parser")
    assert "parsing code changed" in default_index().notes[0]


def test_a_failed_build_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args, **_kwargs):
        raise RuntimeError("disk full")

    target = tmp_path / "out.sqlite"
    monkeypatch.setattr(build._Writer, "flush", explode)
    with pytest.raises(RuntimeError):
        build_index(REPO / "data" / "cables" / "samples", target)
    assert list(tmp_path.iterdir()) == []


def test_without_fts5_the_message_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(base, "fts5_available", lambda: False)
    with pytest.raises(SearchError, match="without FTS5"):
        build_index(REPO / "data" / "cables", tmp_path / "x.sqlite")


def test_fts5_is_available_here() -> None:
    # CI runs on CPython with Debian's SQLite, which has FTS5; if this fails the
    # search lesson cannot run there, and the message above is what users see.
    assert search_index.fts5_available()


# -- cables.csv input, duplicates, unreadable cables -----------------------------------


def test_a_cables_csv_is_indexed_with_offsets_into_each_row_text(tmp_path: Path) -> None:
    baku = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    pristina = (REPO / "data" / "cables" / "samples" / "10PRISTINA84.txt").read_text(
        encoding="utf-8"
    )
    split = baku.index("SUBJECT")
    header, body = baku[:split], baku[split:]  # cables.csv keeps the header apart
    rows = [
        ["1", "2/19/2008 13:47", "08BAKU151", "Embassy Baku", "CONFIDENTIAL", "", header, body],
        ["2", "2/17/2010 15:34", "10PRISTINA84", "Embassy Pristina", "UNCLASSIFIED", "", "", pristina],
        ["3", "2/17/2010 15:34", "10PRISTINA84", "Embassy Pristina", "UNCLASSIFIED", "", "", pristina],
        ["4", "", "99XX1", "", "", "", "", "not a cable, just words about Kosovo"],
    ]  # fmt: skip
    write_cables_csv(rows, tmp_path / "cables.csv")
    report = build_index(tmp_path / "cables.csv", tmp_path / "csv.sqlite")
    assert (report.cables, report.duplicates, report.errors) == (3, 1, 1)
    with open_index(tmp_path / "csv.sqlite") as index:
        for hit in index.search("Kosovo", limit=10):
            raw = index.raw_text(hit.id)
            assert all(raw[a:b].lower() == "kosovo" for a, b in hit.spans)
        assert index.raw_text("08BAKU151") == f"{header}\n{body}"
        broken = index.record("99XX1")
        assert broken["error"] and "not" in broken["error"].lower()
        assert index.search("words").hits[0].id == "99XX1"  # its text is still searchable


def test_a_row_that_is_not_valid_csv_is_not_called_searchable(tmp_path: Path) -> None:
    # The report said every cable that could not be parsed was "still searchable",
    # also a row with the wrong number of fields, which has no text at all.
    rows = [
        ["1", "", "99XX1", "", "", "", "", "not a cable, just words about Kosovo"],
        ["2", "", "99XX2", "only four fields"],
    ]
    write_cables_csv(rows, tmp_path / "cables.csv")
    report = build_index(tmp_path / "cables.csv", tmp_path / "x.sqlite")
    assert (report.cables, report.errors, report.textless_errors) == (2, 2, 1)
    assert report.indexed_texts == 1
    said = str(report)
    assert "1 could not be parsed (their text is still searchable)" in said
    assert "1 could not be read at all, so there is no text of theirs to search" in said


def test_two_workers_build_the_same_index(tmp_path: Path) -> None:
    samples = REPO / "data" / "cables" / "samples"
    one = build_index(samples, tmp_path / "one.sqlite")
    two = build_index(samples, tmp_path / "two.sqlite", workers=2)
    assert (one.cables, one.errors) == (two.cables, two.errors) == (24, 0)
    with open_index(tmp_path / "one.sqlite") as a, open_index(tmp_path / "two.sqlite") as b:
        assert a.records() == b.records()
        for query in ("Kosovo", "the", '"Classified By"'):
            assert [(h.id, h.spans) for h in a.search(query, limit=30)] == [
                (h.id, h.spans) for h in b.search(query, limit=30)
            ]


def test_unknown_cable_ids_are_named(index) -> None:
    with pytest.raises(Exception, match="not in the index"):
        index.raw_text("99NOWHERE1")


# -- command line ---------------------------------------------------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cable_utils", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_cli_index_and_search_json(tmp_path: Path) -> None:
    out = tmp_path / "samples.sqlite"
    built = _cli("index", "data/cables", "data/cables/samples", "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert "indexed 25 cables" in built.stderr and "100%" in built.stderr
    found = _cli("search", str(out), "Kosovo", "--post", "PRISTINA", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [hit["id"] for hit in hits] == ["10PRISTINA84"]
    raw = (REPO / "data" / "cables" / "samples" / "10PRISTINA84.txt").read_text(encoding="utf-8")
    assert raw[hits[0]["start"] : hits[0]["end"]].lower() == "kosovo"
    text = _cli("search", str(out), '"Kosovo Force" OR KFOR', "--limit", "3")
    assert text.returncode == 0 and "10PRISTINA84" in text.stdout
    typo = _cli("search", str(out), "Kosovo", "--post", "PRISTINAA", "--json")
    assert typo.returncode == 0 and json.loads(typo.stdout) == []
    assert "note: no cable in this index is from the post 'PRISTINAA'" in typo.stderr


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "s.sqlite"
    assert _cli("index", "data/cables", "--out", str(out), "--quiet").returncode == 0
    for args in (
        ("search", str(out), '"Minsk'),
        ("search", str(out), "'; DROP TABLE cables; --"),
        ("search", str(out), "Kosovo", "--from", "yesterday"),
        ("search", str(out), "Kosovo", "--from", "2010", "--to", "2008"),
        ("search", str(tmp_path / "missing.sqlite"), "Kosovo"),
        ("index", "data/nowhere", "--out", str(out)),
        ("index", "data/cables"),  # no --out
    ):
        result = _cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    junk = tmp_path / "junk.sqlite"
    junk.write_text("nonsense " * 1000)
    result = _cli("search", str(junk), "Kosovo")
    assert result.returncode == 2 and "not a readable search index" in result.stderr


def test_a_build_merges_its_segments_once_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tiny postings buffer makes the 24 samples write many segments. The build
    # does not merge them as it goes (build._FTS_BUILD_SETTINGS); the end merges
    # them into one, the file passes FTS5's own check, and FTS5's default merge
    # settings are back for any later writer.
    hash_setting = f"'hashsize', {build._FTS_HASH_BYTES}"
    monkeypatch.setattr(
        build, "_SCHEMA", tuple(s.replace(hash_setting, "'hashsize', 8192") for s in build._SCHEMA)
    )
    before_merge: list[int] = []
    finish = build._finish

    def counting_finish(connection: sqlite3.Connection, *args, **kwargs) -> None:
        before_merge.append(_segments(connection))
        finish(connection, *args, **kwargs)

    monkeypatch.setattr(build, "_finish", counting_finish)
    out = tmp_path / "merged.sqlite"
    build_index(REPO / "data" / "cables" / "samples", out)
    assert before_merge[0] > 16  # more than FTS5's default crisis merge would have left
    with sqlite3.connect(out) as connection:
        assert _segments(connection) == 1
        connection.execute("INSERT INTO cable_text(cable_text) VALUES('integrity-check')")
        settings = dict(connection.execute("SELECT k, v FROM cable_text_config"))
    assert (settings["automerge"], settings["crisismerge"]) == (4, 16)
    with open_index(out) as index:
        assert {hit.id for hit in index.search("Kosovo", limit=30)} >= {"10PRISTINA84"}


def _segments(connection: sqlite3.Connection) -> int:
    """How many b-tree segments the full-text index has (each has rows in its %_idx table)."""
    return connection.execute("SELECT count(DISTINCT segid) FROM cable_text_idx").fetchone()[0]
