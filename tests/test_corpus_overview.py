"""Lesson 06's tables, figures and HTML views of the search index, and the cable finder.

Counts were taken from the files (``ls data/corpus/cables``, ``grep -z``), not
from the index: Paris wrote 60 cables of the collection (59 in the corpus and
the sample 07PARIS1791), 19 of them in 2007; three corpus cables carry the
TAGS code AM; 08BAKU151 cites 08BAKU146 and 08BAKU129, neither in the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils.corpus import overview
from cable_utils.corpus.index import build_index, open_index
from cable_utils.views.plots import corpus as corpus_plots
from cable_utils.views.search import concordance_html, hit_kwic_html, kwic_html, results_html

REPO = Path(__file__).resolve().parents[1]


def test_corpus_table_has_a_row_per_cable(index) -> None:
    frame = overview.corpus_table(index)
    assert len(frame) == 640 and frame["id"].is_unique
    baku = frame.set_index("id").loc["08BAKU151"]
    assert baku["post"] == "BAKU" and baku["date"] == "2008-02-19"
    assert baku["tags"] == ("PREL", "PGOV", "PBTS", "KPAO", "AJ")
    assert baku["refs"] == ("08BAKU146", "08BAKU129")
    # a partial extract without a date-time group is dated by the catalogue, and says so
    undated = frame.set_index("id").loc["04ANKARA7211"]
    assert undated["date_from"] == "catalogue" and undated["date"] == "2004-12-30"


def test_a_multi_word_tag_stays_whole(index) -> None:
    """09STATE78274's TAGS line: "OVIP, CLINTON, HILLARY, PGOV, …" (the Secretary's visit)."""
    tags = overview.corpus_table(index).set_index("id").loc["09STATE78274", "tags"]
    assert tags[:3] == ("OVIP", "CLINTON, HILLARY", "PGOV") and "HILLARY" not in tags
    (hit,) = index.search("Clinton", tags=["CLINTON, HILLARY"])
    assert hit.id == "09STATE78274" and "CLINTON, HILLARY" in hit.to_json()["tags"]
    alongside = overview.tags_alongside(index, "OVIP", top=500)  # every TAG beside OVIP
    assert "CLINTON, HILLARY" in set(alongside.tag) and "HILLARY" not in set(alongside.tag)


def test_posts_by_year_counts(index) -> None:
    table = overview.posts_by_year(index, top=200)
    assert table.loc["PARIS", "total"] == 60 and table.loc["PARIS", "2007"] == 19
    assert table["total"].sum() == 640
    assert list(table.columns)[0] == "before 2004"
    top = overview.posts_by_year(index, top=3)
    assert len(top) == 4 and top.index[-1].endswith("other posts")
    assert top["total"].sum() == 640
    matching = overview.posts_by_year(index, query="Karabakh")
    assert matching["total"].sum() == 8 and matching.loc["ANKARA", "total"] == 3


def test_classification_mix_and_tags_alongside(index) -> None:
    mix = overview.classification_mix(index)
    assert mix["cables"].sum() == 640 and abs(mix["share"].sum() - 1) < 0.01
    tags = overview.tags_alongside(index, ("AM", "ZZ"))
    am = tags[tags.focus == "AM"]
    assert am["cables_with_focus"].iloc[0] == 3
    assert (am["together"] <= 3).all()
    assert tags[tags.focus == "ZZ"].tag.tolist() == [""]  # a tag on no cable says so


def test_concordance_lines_point_at_their_matches(index) -> None:
    frame = overview.concordance(index, "precedent", width=40)
    assert frame.attrs["total_cables"] == 16 and len(frame) >= 16
    for row in frame.itertuples():
        raw = index.raw_text(row.id)
        assert raw[row.start : row.end].lower() == "precedent"
        assert len(row.left) <= 40 and len(row.right) <= 40
    assert list(frame["date"]) == sorted(frame["date"])  # date order


def test_issue_across_posts_shows_absences(index) -> None:
    table = overview.issue_across_posts(index, "Kosovo OR Karabakh")
    assert len(table) == 5 * 3  # every post and year, zeros included
    yerevan = table[table.post == "YEREVAN"].set_index("year")
    assert yerevan.loc[2008, "cables"] == 0 and yerevan.loc[2009, "cables"] == 1
    pristina = table[table.post == "PRISTINA"].set_index("year")
    assert pristina.loc[2009, "matching"] == 3 == pristina.loc[2009, "cables"]


def test_issue_across_posts_names_posts_as_the_search_filter_does(index) -> None:
    spelled = overview.issue_across_posts(index, "Kosovo", posts=["Embassy Baku", "pristina"])
    plain = overview.issue_across_posts(index, "Kosovo", posts=["BAKU", "PRISTINA"])
    assert spelled.equals(plain) and list(dict.fromkeys(spelled.post)) == ["BAKU", "PRISTINA"]
    assert plain[plain.post == "BAKU"].set_index("year").loc[2008, "matching"] == 1


def test_one_post_or_tag_given_as_a_string_is_one_not_its_letters(index) -> None:
    one = overview.issue_across_posts(index, "Kosovo", posts="BAKU")
    assert list(dict.fromkeys(one.post)) == ["BAKU"]
    alongside = overview.tags_alongside(index, "AJ")
    assert set(alongside.focus) == {"AJ"} and alongside.equals(
        overview.tags_alongside(index, ["AJ"])
    )


def test_a_negative_concordance_width_is_refused(index) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        overview.concordance(index, "Kosovo", width=-5)
    assert set(overview.concordance(index, "Kosovo", width=0).left) == {""}


def test_locate_quote_ignores_case_and_line_breaks(index) -> None:
    span = overview.locate_quote(index, "08BAKU151", "will not serve as a PRECEDENT for NK's")
    assert span is not None
    raw = index.raw_text("08BAKU151")
    assert raw[span[0] : span[1]].lower().split() == [
        "will",
        "not",
        "serve",
        "as",
        "a",
        "precedent",
        "for",
        "nk's",
    ]
    assert overview.locate_quote(index, "08BAKU151", "a sentence the cable never wrote") is None
    assert overview.locate_quote(index, "99NOWHERE1", "precedent") is None


def test_catalogue_disagreements_are_listed_not_fixed(index) -> None:
    # Read in the texts: 08RABAT727's banner and security line say CONFIDENTIAL
    # (catalogue: SECRET). The text filed as 10MEXICO614 opens with the banner of
    # an Islamabad cable, "S E C R E T SECTION 01 OF 04 ISLAMABAD 000416", but its
    # header's security line "ZNR UUUUU" is the cable's own: the parser takes that
    # (issue 14) and reports a banner_disagrees_with_header defect, so the text and
    # the catalogue (UNCLASSIFIED) agree.
    table = overview.catalogue_disagreements(index)
    found = {(row.id, row.field, row.text_says) for row in table.itertuples()}
    assert found == {("08RABAT727", "classification", "CONFIDENTIAL")}
    assert index.record("08RABAT727")["catalogue_classification"] == "SECRET"


def test_reference_web_names_absent_cables(index) -> None:
    web = overview.reference_web(index)
    cited = web[web.citing == "08BAKU151"]
    assert set(cited.cited) == {"08BAKU146", "08BAKU129"} and not cited.cited_in_corpus.any()
    assert web.cited_in_corpus.any()  # some REFs point inside the corpus
    thread = overview.reference_thread(index, "08BAKU151")
    by_id = {row.id: row for row in thread}
    assert by_id["08BAKU151"].text_included
    assert not by_id["08BAKU146"].text_included and "not in your corpus" in by_id["08BAKU146"].note


def test_figures_are_accessible_and_have_text_twins(index) -> None:
    table = overview.posts_by_year(index)
    figure = corpus_plots.posts_by_year_figure(table)
    assert figure.layout.title.text and figure.layout.xaxis.title.text
    assert figure.layout.yaxis.title.text
    assert figure.data[0].texttemplate  # numbers in the cells, not colour alone
    assert "PARIS (60)" in corpus_plots.describe_posts_by_year(table)
    mix = overview.classification_mix(index)
    bars = corpus_plots.classification_figure(mix)
    assert bars.data[0].marker.pattern.shape and bars.layout.xaxis.title.text
    assert "CONFIDENTIAL" in corpus_plots.describe_classification_mix(mix)
    tags = overview.tags_alongside(index)
    grouped = corpus_plots.tags_alongside_figure(tags)
    assert len(grouped.data) == 3 and all(
        trace.marker.pattern.shape is not None for trace in grouped.data
    )
    assert "carry AJ" in corpus_plots.describe_tags_alongside(tags)
    issue = overview.issue_across_posts(index, "Kosovo")
    lines = corpus_plots.issue_across_posts_figure(issue, query="Kosovo")
    assert len({trace.marker.symbol for trace in lines.data}) == len(lines.data) == 5
    assert "YEREVAN" in corpus_plots.describe_issue_across_posts(issue, query="Kosovo")


PAYLOAD = "<script>window.__pwned=1</script>"


def test_html_views_escape_cable_and_query_text(index, tmp_path: Path) -> None:
    text = (REPO / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace("AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE", PAYLOAD)
    text = text.replace("the Nagorno-Karabakh conflict", f"the Nagorno-Karabakh {PAYLOAD} conflict")
    folder = tmp_path / "cables"
    folder.mkdir()
    (folder / "08BAKU151.txt").write_text(text, encoding="utf-8")
    build_index(folder, tmp_path / "x.sqlite")
    with open_index(tmp_path / "x.sqlite") as hostile:
        results = hostile.search("Karabakh")
        hit = results.hits[0]
        pieces = [
            results_html(results, selected=hit.id),
            hit_kwic_html(hit, hostile.raw_text(hit.id), width=80),
            concordance_html(overview.concordance(hostile, "Karabakh", width=80)),
            kwic_html(
                [(PAYLOAD, "<b>", PAYLOAD)], caption=PAYLOAD, meta=[(PAYLOAD,)], meta_names=["<i>"]
            ),
        ]
    for html in pieces:
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;" in pieces[0] and "&lt;script&gt;" in pieces[1]


def test_a_one_cable_corpus_is_described_in_the_singular(tmp_path) -> None:
    """A remixer's small corpus: '1 cable', never '1 cables' or a false '0.00%'."""
    from cable_utils import plots

    build_index(REPO / "data" / "cables", tmp_path / "one.sqlite")
    with open_index(tmp_path / "one.sqlite") as one:
        words = " ".join(
            [
                plots.describe_posts_by_year(overview.posts_by_year(one)),
                plots.describe_tags_alongside(overview.tags_alongside(one)),
                plots.describe_reference_web(overview.reference_web(one)),
            ]
        )
        limits = overview.sample_limits(one).set_index("measure")["value"]
    assert "1 cables" not in words and "1 posts" not in words
    assert words.startswith("1 cable; the table shows 1 post with the most cables.")
    assert "1 cable carries AJ" in words and "1 cable of the corpus names 2 other cables" in words
    assert limits["share of the Cablegate release"] == "under 0.01% of 251,287"
