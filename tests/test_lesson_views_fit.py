"""What lessons 05 and 06 show fits a lesson's column and reads as numbers should.

Found by walking through the lessons in JupyterLab at a 1280 px window (about
850 px of output): the years of lesson 06's issue figure read "2,008.5" and its
labels lay on top of each other; the longest classification bar's label was cut
to "334 ("; the concordances and the finder's keyword-in-context table ran off
the column (right context and raw offsets behind a sideways scroll); the upload
button read "Or upload a .tx…". The browser tests of lessons 05 and 06 check
the drawn result; these check the specifications that produce it.
"""

from __future__ import annotations

import re

import pandas as pd

from cable_utils.corpus import overview
from cable_utils.views.plots import corpus as corpus_plots
from cable_utils.views.plots.remix import thread_figure
from cable_utils.views.search import hit_kwic_html, kwic_html
from cable_utils.widgets import cable_chooser


def test_issue_figure_years_are_categories_and_posts_stand_apart(index) -> None:
    table = overview.issue_across_posts(index, "Karabakh OR Kosovo", years=(2008, 2010))
    figure = corpus_plots.issue_across_posts_figure(table, query="Karabakh OR Kosovo")
    layout = figure.layout
    assert layout.xaxis.type == "category"  # not a number axis with ticks at 2,008.5
    assert layout.yaxis.dtick >= 1 and float(layout.yaxis.dtick).is_integer()
    assert layout.yaxis.range[1] >= table["matching"].max() + 1  # room for the top label
    # posts of one year side by side, so equal counts do not stack their labels
    assert layout.scattermode == "group"
    groups = [trace.offsetgroup for trace in figure.data]
    assert len(set(groups)) == len(groups) == 5 and None not in groups


def test_issue_figure_of_an_empty_table_still_builds() -> None:
    empty = pd.DataFrame(columns=["post", "year", "matching", "cables", "share"])
    figure = corpus_plots.issue_across_posts_figure(empty, query="nothing")
    assert figure.layout.yaxis.dtick == 1 and len(figure.data) == 0


def test_classification_bars_leave_room_for_their_labels(index) -> None:
    mix = overview.classification_mix(index)
    figure = corpus_plots.classification_figure(mix)
    longest = mix["cables"].max()
    # "334 (52%)" needs about a fifth of the bar's length beside it at the lesson's width
    assert figure.layout.xaxis.range[1] >= 1.2 * longest
    assert figure.data[0].cliponaxis is False


def test_ref_trail_legend_leaves_the_dates_their_width() -> None:
    figure = thread_figure()
    assert figure.layout.legend.orientation == "h"  # under the plot, not beside it
    assert figure.layout.legend.y < 0


def _style(cell: str) -> str:
    return re.search(r"style='([^']*)'", cell).group(1)


def test_kwic_fits_its_column_and_keeps_whole_contexts_as_tooltips() -> None:
    left, right = "x" * 55 + " the left end", "the right end " + "y" * 55
    html = kwic_html(
        [(left, "Karabakh", right)], caption="c", meta=[("08BAKU151",)], meta_names=["ID"]
    )
    table = re.search(r"<table class='kwic' style='([^']*)'", html).group(1)
    assert "width:100%" in table and "table-layout:auto" in table
    cells = re.findall(r"<td[^>]*>", html)
    meta_cell, left_cell, match_cell, right_cell = cells
    for context in (left_cell, right_cell):
        assert "max-width:0" in _style(context) and "text-overflow:ellipsis" in _style(context)
    assert "direction:rtl" in _style(left_cell)  # cut at its start, next to nothing
    assert f"title='{left}'" in left_cell and f"title='{right}'" in right_cell
    assert "width:1%" in _style(meta_cell) and "width:1%" in _style(match_cell)
    assert "<span dir='ltr'" in html  # the left context's text still reads left to right


def test_finder_kwic_keeps_offsets_in_a_narrow_column(index) -> None:
    hit = index.search("Karabakh").hits[0]
    html = hit_kwic_html(hit, index.raw_text(hit.id))
    offsets = re.findall(r"<td style='([^']*)'>(\d+)–(\d+)</td>", html)
    assert len(offsets) == len(hit.spans)
    assert all("white-space:nowrap" in style and "width:1%" in style for style, _, _ in offsets)


def test_upload_button_is_as_wide_as_its_words(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    chooser = cable_chooser("08BAKU151")
    upload = next(child for child in _walk(chooser) if type(child).__name__ == "FileUpload")
    assert upload.layout.width == "auto"


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_lesson06_names_the_marker_label_its_ref_figure_draws(index) -> None:
    """Lesson 06 told learners to look for markers labelled '(outside the table)'; its
    figure labels a cited cable absent from the corpus '(date unknown)', so a learner
    concluded that every cited cable was in the corpus."""
    import json
    from pathlib import Path

    notebook = Path(__file__).resolve().parents[1] / "notebooks/06_the_cable_among_others.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    prose = next(
        "".join(cell["source"])
        for cell in cells
        if cell["cell_type"] == "markdown"
        and "is a cable named in a REF line" in "".join(cell["source"])
    )
    named = re.findall(r"\*(\([^)]*\))\*", prose)
    assert named, "the lesson no longer names a marker label: update this test"
    near = overview.reference_thread(index, "08BAKU151")
    figure = thread_figure(near, focus="08BAKU151", title="t")
    drawn = " ".join(text for trace in figure.data for text in trace.text)
    absent = [row.id for row in near if not row.text_included]
    assert sorted(absent) == ["08BAKU129", "08BAKU146"]
    for label in named:
        assert all(f"{cable_id} {label}" in drawn for cable_id in absent), (label, drawn)


def test_network_names_wrap_to_fit_their_column() -> None:
    """Lesson 03's network cut 'Azerbaijani political commentators (as a group)' at the edge."""
    from cable_utils import load_cable
    from cable_utils.analysis.actors import find_mentions, load_gazetteer
    from cable_utils.views.plots.actors import co_mention_network

    cable = load_cable("08BAKU151")
    gazetteer = load_gazetteer(cable)
    figure = co_mention_network(gazetteer, find_mentions(cable, gazetteer))
    names = [text for trace in figure.data if trace.name == "names" for text in trace.text]
    assert "Azerbaijani political<br>commentators (as a group)" in names
    assert all(len(line) <= 28 for name in names for line in name.split("<br>"))


#: Characters a button shows at ipywidgets' default width (148 px) before it cuts its words.
_BUTTON_CHARACTERS = 16


def _lesson_panels(index, tmp_path, monkeypatch) -> dict[str, object]:
    """Every panel the lessons build, on 08BAKU151."""
    from cable_utils import widgets
    from cable_utils.analysis.argument import load_argument, load_timeline
    from cable_utils.parse import load_cable
    from cable_utils.widgets.argument import argument_map_explorer, stance_coder

    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    cable = load_cable("08BAKU151")
    argument = load_argument(cable)
    return {
        "header_decoder": widgets.header_decoder(cable),
        "segment_explorer": widgets.segment_explorer(cable),
        "addressee_map": widgets.addressee_map(cable),
        "paragraph_browser": widgets.paragraph_browser(cable),
        "redaction_simulator": widgets.redaction_simulator(cable),
        "actor_explorer": widgets.actor_explorer(cable),
        "voice_sorter": widgets.voice_sorter(cable),
        "argument_map_explorer": argument_map_explorer(cable, argument),
        "stance_coder": stance_coder(cable, argument, folder=tmp_path),
        "cable_chooser": cable_chooser("08BAKU151"),
        "gazetteer_editor": widgets.gazetteer_editor(cable),
        "remix_tour": widgets.remix_tour(cable),
        "cable_finder": widgets.cable_finder(index),
        "context_timeline_explorer": widgets.context_timeline_explorer(load_timeline()),
    }


def test_every_button_shows_its_whole_label(index, tmp_path, monkeypatch) -> None:
    """Lesson 04's button read "Compare with ref…" while the text asked to press
    "Compare with reference": a label longer than the default width is cut."""
    cut = [
        f"{name}: {child.description!r}"
        for name, panel in _lesson_panels(index, tmp_path, monkeypatch).items()
        for child in _walk(panel)
        if type(child).__name__ in ("Button", "ToggleButton")
        and len(child.description) > _BUTTON_CHARACTERS
        and child.layout.width not in ("auto", "max-content")
    ]
    assert cut == []


from cable_utils.widgets._common import _DROPDOWN_MAX_EM  # noqa: E402

#: The average width of a character of the widgets' font, in em (measured in Chromium:
#: 644 px for a 95-character sample label at 13 px), and a Dropdown's box without a width.
_EM_PER_CHARACTER = 0.52
_DEFAULT_DROPDOWN_EM = 16


def _dropdown_em(layout_width: str | None) -> float | None:
    """The width of a Dropdown's box in em, or None when it is as wide as its words."""
    if layout_width in ("auto", "max-content"):
        return None
    if layout_width and layout_width.endswith("em"):
        return float(layout_width[:-2])
    return _DEFAULT_DROPDOWN_EM


def test_every_dropdown_shows_its_longest_choice(index, tmp_path, monkeypatch) -> None:
    """The primer's "Part of the story" showed "The weeks of the cable," and lesson 05's
    sample list cut its default entry to "…AZERBAIJANI REACTION TO KOSOVO'S"."""
    cut = []
    for name, panel in _lesson_panels(index, tmp_path, monkeypatch).items():
        for child in _walk(panel):
            if type(child).__name__ != "Dropdown" or not child.options:
                continue
            width = _dropdown_em(child.layout.width)
            longest = max((str(label) for label in child._options_labels), key=len)
            needed = (len(longest) + len(child.description)) * _EM_PER_CHARACTER
            # (a dropdown at the widest a lesson's column allows cannot do more)
            if width is not None and needed > width and width < _DROPDOWN_MAX_EM:
                cut.append(f"{name}: {longest!r} in {width} em")
    assert cut == []


def test_tags_alongside_bars_have_room_for_their_labels(index) -> None:
    """Lesson 06's bars gave three bars one 22 px row and shrank "AM: 1" to about 7 px."""
    from cable_utils.corpus.overview import tags_alongside
    from cable_utils.plots import tags_alongside_figure

    table = tags_alongside(index, ["AJ", "KV", "AM"])
    figure = tags_alongside_figure(table)
    shown = table[table.tag != ""]
    bars = shown.tag.nunique() * shown.focus.nunique()
    assert (figure.layout.height - 220) / bars >= 15
    assert figure.layout.uniformtext.minsize >= 10
