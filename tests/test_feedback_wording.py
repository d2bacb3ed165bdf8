"""Counts in what a learner reads agree with their number ("1 cable matches", not "1 cables match")."""

from __future__ import annotations

from cable_utils import load_cable
from cable_utils.corpus.index.reader import SearchResults
from cable_utils.lessons.exercises import check
from cable_utils.lessons.exercises.reading import compare_open


def test_one_matching_cable_is_one_cable() -> None:
    assert str(SearchResults('"Minsk Group"', 1, ())).startswith(
        "1 cable matches '\"Minsk Group\"'"
    )
    assert str(SearchResults("Karabakh", 8, ())).startswith("8 cables match 'Karabakh'")
    assert str(SearchResults("x", 0, ())).startswith("0 cables match")


def test_a_one_word_answer_is_one_word() -> None:
    _, misses = compare_open("Kosovo", None, want_quote=False, min_words=20)
    assert [point.text for point in misses if point.key == "length"] == [
        "1 word: the model answer takes about 20 or more."
    ]


def test_none_for_a_cable_that_cites_others_is_read_as_none_not_as_an_id() -> None:
    # The prompt offers 'none'; it used to come back as "not in the REF line: NONE".
    feedback = check("06.3", "none", load_cable("08BAKU151"), save=False)
    assert feedback.verdict == "not yet"
    assert "names 2 cables" in feedback.message and "NONE" not in feedback.message


def test_one_mention_is_one_mention_in_lesson_03s_actor_explorer() -> None:
    """08BAKU151 has actors mentioned once: the explorer listed 'Armenia (1 mentions)'."""
    from cable_utils.widgets.actors import actor_explorer

    def options(widget):
        yield from getattr(widget, "options", ())
        for child in getattr(widget, "children", ()):
            yield from options(child)

    labels = [label for label, _ in options(actor_explorer(load_cable("08BAKU151")))]
    assert "Armenia (1 mention)" in labels and "Kosovo (31 mentions)" in labels
    assert not [label for label in labels if label.endswith("(1 mentions)")]


def test_one_line_of_one_cable_in_a_concordance_caption() -> None:
    import pandas as pd

    from cable_utils.views.search import concordance_html

    frame = pd.DataFrame(
        [
            (
                "10ANKARA302",
                "2010-02-26",
                "ANKARA",
                "framework for ",
                "Minsk Group",
                " progress",
                5,
                16,
            )
        ],
        columns=["id", "date", "post", "left", "match", "right", "start", "end"],
    )
    frame.attrs.update(total_cables=1, cables_read=1, query='"Minsk Group"')
    assert "1 line for &#x27;&quot;Minsk Group&quot;&#x27; in the 1 matching cable" in (
        concordance_html(frame)
    )
    frame.attrs.update(total_cables=3_192, cables_read=200)
    assert "in 200 of the 3,192 matching cables" in concordance_html(frame)


def test_counts_in_the_words_beside_figures_and_panels_agree_with_their_number() -> None:
    from cable_utils._words import counted
    from cable_utils.parse import parse_text

    assert [counted(n, "cable") for n in (0, 1, 2, 1_500)] == [
        "0 cables", "1 cable", "2 cables", "1,500 cables",
    ]  # fmt: skip
    doha = load_cable("09DOHA214")  # a print-out wrapper of 19 lines before the telegram
    (long_wrapper,) = doha.defects_of("wrapper")
    assert long_wrapper.message.startswith("the first 19 lines are a wrapper")
    telegram = doha.raw[long_wrapper.end :].lstrip("\n")
    (wrapper,) = parse_text("CONFIDENTIAL DOHA 000214\n" + telegram).defects_of("wrapper")
    assert wrapper.message.startswith("the first line is a wrapper") and "it was not read" in (
        wrapper.message
    )
