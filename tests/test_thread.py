"""The REF trail of 08BAKU151 (data/related/thread.csv) and the same graph for a user's corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from cable_utils.corpus.thread import (
    ThreadCable,
    corpus_thread,
    edges_table,
    load_thread,
    thread_edges,
    thread_summary,
    thread_table,
)
from cable_utils.views.plots.remix import describe_thread, thread_figure, thread_layout


def test_thread_rows_and_the_two_references_of_08baku151() -> None:
    rows = {c.id: c for c in load_thread()}
    assert len(rows) == 11
    # REF: A. BAKU 00146  B. BAKU 00129 (read in the cable)
    assert rows["08BAKU151"].refs == ("08BAKU146", "08BAKU129")
    assert rows["08BAKU151"].ref_line == "A. BAKU 00146; B. BAKU 00129"
    assert not any(c.text_included for c in rows.values())
    assert rows["08BAKU129"].date_kind == "meeting"


def test_edges_follow_the_ref_lines() -> None:
    edges = thread_edges()
    assert ("08BAKU151", "08BAKU146") in edges
    assert ("08BAKU151", "08BAKU129") in edges
    assert ("08STATE21209", "08BAKU129") in edges  # "A. USUN 178; B. BAKU 129"
    assert len(edges) == 12  # counted from the refs column: 2+2+1+1+1+1+2+1+1
    assert len(set(edges)) == len(edges)


def test_table_states_addresses_and_that_texts_are_not_included() -> None:
    table = thread_table()
    assert list(table["id"][:2]) == ["08BAKU129", "08BAKU151"]  # by date
    assert table["id"].iloc[-1] == "08BAKU146"  # undated last
    assert set(table["text_included"]) == {"no"}
    by_id = table.set_index("id")
    assert by_id.loc["08BAKU129", "published_copy"].startswith("https://search.wikileaks.org/")
    assert by_id.loc["08BAKU146", "published_copy"] == "not located"
    assert "data/cables/08BAKU151.txt" in by_id.loc["08BAKU151", "published_copy"]
    assert by_id.loc["08BAKU129", "date_is"] == "meeting date"


def test_summary_sentence() -> None:
    text = thread_summary()
    assert "08BAKU151 cites 08BAKU146 and 08BAKU129." in text
    assert "not included" in text
    assert "08STATE13716" in text  # cited by 08BAKU129, not in the table
    assert describe_thread() == text
    assert "08BAKU151 is cited by 08STATE21209" not in text
    assert "08BAKU129 is cited by 08BAKU151 and 08STATE21209." in thread_summary(focus="08BAKU129")


def test_layout_is_deterministic_and_dates_go_left_to_right() -> None:
    cables, edges = load_thread(), thread_edges()
    first = thread_layout(cables, edges)
    assert first == thread_layout(list(reversed(cables)), edges)
    assert first["08BAKU129"][0] < first["08BAKU151"][0] < first["08BAKU160"][0]
    # same post, same lane
    assert first["08BAKU129"][1] == first["08BAKU151"][1]
    assert first["08BAKU151"][1] != first["08STATE21209"][1]
    # 08BAKU146 has no date: placed before the cable that cites it, marked unknown
    x, _, known = first["08BAKU146"]
    assert not known and x < first["08BAKU151"][0]


def test_figure_is_accessible() -> None:
    figure = thread_figure()
    assert "REF trail" in figure.layout.title.text
    assert figure.layout.xaxis.title.text.startswith("Date")
    assert figure.layout.yaxis.title.text == "Sending post"
    assert len(figure.layout.annotations) == 12  # one arrow per REF citation
    symbols = [t.marker.symbol for t in figure.data]
    base = {s[0].replace("-open", "") for s in symbols}
    assert len(base) == len(figure.data)  # a different marker per post (second cue)
    colours = {t.marker.color for t in figure.data}
    assert len(colours) == len(figure.data)
    labels = [label for t in figure.data for label in t.text]
    assert "<b>08BAKU151</b>" in labels
    assert any("08BAKU146" in label and "date unknown" in label for label in labels)
    hovers = " ".join(h for t in figure.data for h in t.hovertext)
    assert "https://search.wikileaks.org/plusd/cables/08BAKU129_a.html" in hovers


def test_text_in_the_figure_is_escaped() -> None:
    rows = corpus_thread(
        pd.DataFrame({"citing": ["01X<b>1"], "cited": ["02Y2"]}),
        [{"id": "01X<b>1", "subject": "<script>alert(1)</script>", "date": "2001-01-01"}],
    )
    figure = thread_figure(rows, focus="none")
    hovers = " ".join(h for t in figure.data for h in t.hovertext)
    assert "<script>" not in hovers and "&lt;script&gt;" in hovers


def test_corpus_edges_make_the_same_kind_of_graph() -> None:
    edges = pd.DataFrame(
        {
            "citing": ["10MOSCOW228", "10MOSCOW228", "10MOSCOW300"],
            "cited": ["10MOSCOW100", "09STATE5", "10MOSCOW228"],
        }
    )
    meta = pd.DataFrame(
        {
            "id": ["10MOSCOW228", "10MOSCOW300"],
            "date": pd.to_datetime(["2010-02-01", "2010-02-05"]),
            "subject": ["A", "B"],
        }
    )
    rows = {c.id: c for c in corpus_thread(edges, meta)}
    assert rows["10MOSCOW228"].refs == ("10MOSCOW100", "09STATE5")
    assert rows["10MOSCOW228"].date == "2010-02-01"
    assert rows["10MOSCOW228"].text_included
    assert not rows["09STATE5"].text_included
    assert thread_edges(rows.values()) == list(zip(edges["citing"], edges["cited"], strict=True))
    assert "10MOSCOW228 is cited by 10MOSCOW300." in thread_summary(
        rows.values(), focus="10MOSCOW228"
    )
    assert len(thread_figure(list(rows.values()), focus="10MOSCOW228").layout.annotations) == 3


def test_corpus_edges_with_other_column_names_and_unknown_ones() -> None:
    rows = corpus_thread(pd.DataFrame({"source": ["A1"], "target": ["B2"]}))
    assert [r.refs for r in rows] == [("B2",), ()]
    with pytest.raises(ValueError, match="citing and cited"):
        corpus_thread(pd.DataFrame({"x": ["A"], "y": ["B"]}))


def test_edges_table_marks_cited_cables_outside_the_table() -> None:
    frame = edges_table(thread_edges(), known=[c.id for c in load_thread()])
    outside = set(frame.loc[~frame["cited_in_table"], "cited"])
    assert outside == {
        "08STATE13716",
        "08STATE14284",
        "08STATE16319",
        "08USUNNEWYORK178",
        "08BAKU275",
    }


def test_corpus_thread_from_the_sample_folder() -> None:
    from cable_utils.corpus.thread import load_corpus_thread, neighbourhood

    rows = load_corpus_thread("data/cables/samples")
    by_id = {r.id: r for r in rows}
    # 10MOSCOW228 has "REF: MOSCOW 00079" (read in the file) -> 10MOSCOW79, not a sample
    assert by_id["10MOSCOW228"].refs == ("10MOSCOW79",)
    assert by_id["10MOSCOW228"].text_included and not by_id["10MOSCOW79"].text_included
    near = neighbourhood(rows, "10MOSCOW228")
    assert {r.id for r in near} == {"10MOSCOW228", "10MOSCOW79"}
    summary = thread_summary(near, focus="10MOSCOW228")
    assert "10MOSCOW228 cites 10MOSCOW79." in summary
    assert "1 of them is in your corpus" in summary


def test_summary_of_a_cable_outside_the_table_says_so() -> None:
    """Lesson 06 on a chosen cable the index does not hold: an empty picture, named as such."""
    empty = thread_summary([], focus="10PASTED1")
    assert empty == (
        "This thread has 0 cables linked by 0 REF citations. 10PASTED1 is not among them, "
        "so no REF link to or from it can be shown here."
    )
    assert "has no ID" in thread_summary([], focus="")
    assert "08BAKU151 is not among" not in thread_summary(focus="08BAKU151")


def test_summary_counts_in_words_and_speaks_of_the_thread_not_a_table() -> None:
    """Lesson 06 draws the thread as a figure with no table beside it; the summary said
    "The table has 3 cables", "5 cited cable(s) are outside the table" and "1 of them is
    in your corpus (their texts are there)"."""
    one_outside = [
        ThreadCable(
            id="10A1", date="2010-01-05", date_kind="dtg", dtg="", classification="",
            subject="", ref_line="A. 10B2", refs=("10B2",), url="", text_included=True, note="",
        )
    ]  # fmt: skip
    summary = thread_summary(one_outside, focus="10A1")
    assert summary.startswith("This thread has 1 cable linked by 1 REF citation.")
    assert "1 cited cable is outside this thread (10B2): only its ID is known here." in summary
    assert "1 of them is in your corpus (its text is there)" in summary
    assert "table" not in summary and "(s)" not in summary


def test_a_short_trail_has_no_ticks_between_days(index) -> None:
    """Lesson 06's REF links around 08BAKU151 span a few days; plotly ticked them every
    12 hours ("00:00 / 12:00 Feb 15") although the trail knows days only."""
    from cable_utils.corpus.overview import reference_thread

    short = thread_figure(reference_thread(index, "08BAKU151"), focus="08BAKU151")
    assert int(short.layout.xaxis.dtick) % 86_400_000 == 0
    # A trail of weeks (lesson 05's, 8 Feb to 25 Mar 2008) keeps plotly's own ticks.
    assert thread_figure(load_thread(), focus="08BAKU151").layout.xaxis.dtick is None
