"""Lesson figures as plotly JSON (views/plots/_style.JSONFigure): what a lesson sends is
what plotly itself would validate and send, and sending it needs no plotly.graph_objects."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import find_mentions, load_gazetteer
from cable_utils.analysis.argument import load_argument, load_timeline
from cable_utils.corpus import overview
from cable_utils.reference.history import load_context_places, load_recognitions
from cable_utils.views.plots import actors, anatomy, argument, body, corpus, history, remix
from cable_utils.views.plots._style import (
    JSONFigure,
    offline_geo_script,
    plotly_bundle,
    trace,
    world_topojson,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


def lesson_figures(cable, index) -> dict[str, JSONFigure]:
    """Every figure the lessons draw, built fresh (never touched as a go.Figure)."""
    gazetteer = load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    data = load_argument(cable, cable.id)
    events = load_timeline()
    return {
        "context map": history.context_map_figure(load_context_places()),
        "recognitions": history.recognitions_figure(
            load_recognitions(), cable, until=date(2008, 3, 31)
        ),
        "addressee map": anatomy.addressee_map_figure(cable),
        "paragraph lengths": body.paragraph_length_figure(cable),
        "redaction": body.redaction_figure(cable),
        "mentions": actors.mentions_by_actor_figure(gazetteer, mentions),
        "actor heatmap": actors.actor_paragraph_heatmap(gazetteer, mentions),
        "network": actors.co_mention_network(gazetteer, mentions),
        "argument map": argument.argument_map_figure(data, selected="C3"),
        "stance heatmap": argument.stance_heatmap(data, include_reference=True),
        "timeline": argument.timeline_figure(events, cable),
        "timeline close-up": argument.timeline_close_up(events, cable),
        "thread": remix.thread_figure(),
        "posts by year": corpus.posts_by_year_figure(overview.posts_by_year(index)),
        "classification": corpus.classification_figure(overview.classification_mix(index)),
        "tags alongside": corpus.tags_alongside_figure(overview.tags_alongside(index)),
        "issue across posts": corpus.issue_across_posts_figure(
            overview.issue_across_posts(index, "Kosovo"), query="Kosovo"
        ),
    }


def test_what_a_lesson_sends_is_valid_plotly_and_accessible(cable, index) -> None:
    for name, figure in lesson_figures(cable, index).items():
        assert isinstance(figure, JSONFigure), name
        sent = plotly_bundle(figure)["application/vnd.plotly.v1+json"]
        # plotly validates every property (a misspelt or misplaced one raises here) and
        # writes its shorthands out in full (a title string, a colour scale's name):
        # what the lesson sends must already be that
        checked = json.loads(go.Figure(sent["data"], layout=sent["layout"]).to_json())
        assert sent["data"] == checked["data"], name
        assert sent["layout"] == checked["layout"], name
        layout = sent["layout"]
        assert layout["title"]["text"], name
        assert layout["colorway"] and layout["template"]["layout"]["plot_bgcolor"] == "white"
        if not name.endswith("map") or name == "argument map":  # maps have no axes
            for axis in ("xaxis", "yaxis"):  # an axis shown has a title (the network hides them)
                if layout[axis].get("visible", True):
                    assert "text" in layout[axis]["title"], (name, axis)
        assert sent["config"]["showSendToCloud"] is False
        assert bundle_text(figure).startswith("[interactive figure] "), name


def bundle_text(figure: JSONFigure) -> str:
    return plotly_bundle(figure)["text/plain"]


def test_a_figure_used_as_a_go_figure_becomes_one_and_stays_one() -> None:
    figure = JSONFigure(trace("bar", x=["a", "b"], y=[1, 2]))
    figure.update_layout(title_text="Two bars", xaxis_title_text="letter")
    figure.update_yaxes(title={"text": "count"})
    assert figure.layout.title.text == "Two bars"  # now a validated go.Figure
    assert figure.layout.xaxis.title.text == "letter" and figure.data[0].type == "bar"
    figure.update_layout(title_text="Changed")  # goes to the go.Figure from now on
    figure.add_annotation(text="note", x=0, y=0)
    sent = plotly_bundle(figure)["application/vnd.plotly.v1+json"]
    assert sent["layout"]["title"]["text"] == "Changed"
    assert sent["layout"]["annotations"][0]["text"] == "note"
    assert sent["layout"]["yaxis"]["title"]["text"] == "count"


def test_a_misspelt_property_fails_when_validated() -> None:
    figure = JSONFigure(trace("bar", x=[1], y=[1], colour="red"))
    with pytest.raises(ValueError, match="colour"):
        figure.as_go_figure()


def test_json_values_are_written_as_plotly_writes_them() -> None:
    import pandas as pd

    figure = JSONFigure(trace("scatter", x=[date(2008, 2, 19)], y=pd.Series([math.nan])))
    figure.add_shape(type="line", x0=date(2008, 2, 17), x1=date(2008, 2, 17), y0=0, y1=1)
    sent = figure.plotly_json()
    assert sent["data"][0]["x"] == ["2008-02-19"] and sent["data"][0]["y"] == [None]
    assert sent["layout"]["shapes"][0]["x0"] == "2008-02-17"
    plotly_own = json.loads(go.Figure(figure._spec).to_json())
    assert plotly_own["data"][0]["x"] == ["2008-02-19"]


def test_showing_lesson_figures_imports_no_graph_objects() -> None:
    code = (
        "import sys\n"
        "from cable_utils import load_cable\n"
        "from cable_utils.analysis.argument import load_argument\n"
        "from cable_utils.plots import argument_map_figure, stance_heatmap, plotly_bundle\n"
        "cable = load_cable('08BAKU151')\n"
        "data = load_argument(cable, cable.id)\n"
        "for figure in (argument_map_figure(data), stance_heatmap(data)):\n"
        "    figure._repr_mimebundle_()\n"
        "print('plotly.basedatatypes' in sys.modules, 'narwhals' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]


def test_the_offline_map_script_carries_the_shipped_map_data() -> None:
    script = offline_geo_script()
    start = "Object.assign(window.PlotlyGeoAssets.topojson, "
    assert script.startswith("window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};")
    assert script.endswith(");") and "</script" not in script
    payload = script[script.index(start) + len(start) : -2]
    assert json.loads(payload) == {"world_110m": world_topojson()}


def test_mentions_figure_says_when_it_leaves_actors_out() -> None:
    """Lesson 03's bars showed 25 of 08BAKU151's 33 mentioned actors under a title that
    did not say so, while the text beside it counted all 33."""
    from cable_utils.analysis.actors import find_mentions, load_gazetteer
    from cable_utils.parse import load_cable
    from cable_utils.views.plots import actors

    cable = load_cable("08BAKU151")
    gazetteer = load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    mentioned = len({mention.actor_id for mention in mentions})
    assert mentioned > 25
    cut = actors.mentions_by_actor_figure(gazetteer, mentions).layout.title.text
    assert f"the 25 most mentioned of {mentioned} actors" in cut
    whole = actors.mentions_by_actor_figure(gazetteer, mentions, top=mentioned).layout.title.text
    assert whole == "Who is mentioned, and how often"


def test_a_long_title_is_shown_on_several_lines_and_kept_whole() -> None:
    """plotly draws a title on one line and cuts it at the figure's edge: the primer's map
    read "… Kosovo, the South Caucasus and the places i"."""
    from cable_utils.views.plots._style import JSONFigure, accessible_layout, plotly_bundle

    title = (
        "Where the history around 08BAKU151 happened: Kosovo, the South Caucasus and "
        "the places in between"
    )
    figure = accessible_layout(JSONFigure(), title=title, x_title="x", y_title="y")
    bundle = plotly_bundle(figure)
    shown = bundle["application/vnd.plotly.v1+json"]["layout"]
    lines = shown["title"]["text"].split("<br>")
    assert len(lines) == 2 and " ".join(lines) == title
    assert all(len(line) <= 75 for line in lines)
    assert shown["margin"]["t"] > 60  # room for the second line
    assert figure.layout.title.text == title  # the figure itself keeps one string
    assert bundle["text/plain"] == f"[interactive figure] {title}"
    short = plotly_bundle(
        accessible_layout(JSONFigure(), title="Short", x_title=None, y_title=None)
    )
    assert short["application/vnd.plotly.v1+json"]["layout"]["title"]["text"] == "Short"
