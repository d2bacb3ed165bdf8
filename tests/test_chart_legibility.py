"""Charts a room can read: no two labels on top of each other, no marker hidden under
another, short labels on the argument map, text twins that say what the figure draws,
and no toolbar button that uploads a chart to a cloud service.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import find_mentions, load_gazetteer
from cable_utils.analysis.argument import load_argument
from cable_utils.views.plots._style import (
    LABEL_SLOTS,
    PLOTLY_CONFIG,
    plotly_bundle,
    spread_labels,
    stagger_labels,
)
from cable_utils.views.plots.actors import co_mention_network, describe_co_mentions
from cable_utils.views.plots.anatomy import addressee_map_figure
from cable_utils.views.plots.argument import (
    argument_map_figure,
    describe_stance_matrix,
    stance_heatmap,
)
from cable_utils.views.plots.remix import thread_figure

PEOPLE_AND_BODIES = ("person", "government body", "media outlet", "reporting embassy")


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def data(cable):
    return load_argument(cable)


# ------------------------------------------------------------------ helpers


def test_spread_labels_keeps_order_and_gap() -> None:
    wanted = [50.8, 48.9, 48.8, 48.2, 42.7]
    placed = spread_labels(wanted, 2.6, -80, 80)
    assert placed[0] == 50.8  # the top one does not move
    ordered = sorted(placed, reverse=True)
    assert ordered == placed  # same order as their points
    assert all(a - b >= 2.6 - 1e-9 for a, b in zip(ordered, ordered[1:], strict=False))
    assert spread_labels([0.0, 0.0], 1.0, 0.0, 5.0) == [1.0, 0.0]  # pushed back in range


def test_stagger_labels_finds_free_slots() -> None:
    positions = stagger_labels([0, 3, 6, 100], [10, 10, 10, 10], marker=1)
    assert positions[:3] == ["top center", "bottom center", "middle right"]
    assert positions[3] == "top center" and set(positions) <= set(LABEL_SLOTS)


# ------------------------------------------------------------------ the map


def test_roles_in_one_city_stand_side_by_side(cable) -> None:
    figure = addressee_map_figure(cable)
    markers = {t.name: t for t in figure.data if t.mode == "markers"}
    washington = [
        (role, lon)
        for role, trace in markers.items()
        for lat, lon, hover in zip(trace.lat, trace.lon, trace.hovertext, strict=True)
        if hover.startswith("Washington")
    ]
    assert {role for role, _ in washington} == {"action (TO)", "information (INFO)"}
    assert len({lon for _, lon in washington}) == 2, "the TO square is under the INFO circle"


def test_every_city_is_named_once_and_crowded_names_do_not_overlap(cable) -> None:
    figure = addressee_map_figure(cable)
    names = [t for t in figure.data if t.name == "city names"]
    named = [n for t in names for n in t.text]
    assert sorted(named) == sorted(set(named))
    assert {"Paris", "Brussels", "Stuttgart", "Vienna", "Washington", "Baku"} <= set(named)
    callouts = next(t for t in names if t.textposition == "middle left")
    lats = sorted(callouts.lat)
    assert {"Paris", "Brussels", "Stuttgart", "Vienna"} <= set(callouts.text)
    assert all(b - a >= 2.5 for a, b in zip(lats, lats[1:], strict=False))
    leaders = next(t for t in figure.data if t.name == "leader lines")
    assert list(leaders.lat).count(None) == len(callouts.text)  # one leader per callout


# ------------------------------------------------------------------ the network


def test_network_names_stand_apart_and_the_description_matches(cable) -> None:
    gazetteer = load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    figure = co_mention_network(gazetteer, mentions, types=PEOPLE_AND_BODIES)
    for column in (t for t in figure.data if t.name == "names"):
        heights = sorted(column.y)
        assert all(b - a >= 0.08 for a, b in zip(heights, heights[1:], strict=False))
    drawn = [t for t in figure.data if t.mode == "lines" and t.name != "leader lines"]
    text = describe_co_mentions(gazetteer, mentions, types=PEOPLE_AND_BODIES)
    assert text.startswith(f"{len(drawn)} pairs of actors")
    assert "Azerbaijan – Kosovo" not in text  # states are not drawn, so not described
    assert "Azerbaijan – Kosovo" in describe_co_mentions(gazetteer, mentions)


def test_one_type_without_its_comma_is_one_type_and_a_typo_is_named(cable) -> None:
    gazetteer = load_gazetteer(cable)
    mentions = find_mentions(cable, gazetteer)
    one = describe_co_mentions(gazetteer, mentions, types=("person"))  # noqa: UP034 (the slip)
    assert one == describe_co_mentions(gazetteer, mentions, types=("person",))
    assert "these types: person" in one and "p, e, r" not in one
    drawn = co_mention_network(gazetteer, mentions, types="person")
    assert drawn.to_dict() == co_mention_network(gazetteer, mentions, types=("person",)).to_dict()
    typo = describe_co_mentions(gazetteer, mentions, types=("persn", "person"))
    assert "no actor in this list has the type 'persn'; the types are: " in typo
    assert "the type 'person'" not in typo


# ------------------------------------------------------------------ the argument map


def test_argument_map_nodes_carry_short_labels_and_marks_keep_off_the_claims(data) -> None:
    figure = argument_map_figure(data, selected="C3")
    labels = {
        a.name[6:]: a.text for a in figure.layout.annotations if (a.name or "")[:6] == "label "
    }
    assert set(labels) == {c.id for c in data.claims}
    for claim in data.claims:
        assert labels[claim.id].startswith(f"<b>{claim.id}</b><br>")
        words = html.unescape(re.sub(r"<[^>]+>", " ", labels[claim.id])).split()
        assert " ".join(words[1:]) == claim.short_label  # the label, whole, wrapped
    nodes = [
        (x, y) for t in figure.data if t.mode == "markers" for x, y in zip(t.x, t.y, strict=True)
    ]
    layers = {x for x, _ in nodes}
    marks = [(x, y) for t in figure.data if (t.name or "").endswith("labels") for x, y in
             zip(t.x, t.y, strict=True)]  # fmt: skip
    assert marks and all(x not in layers for x, _ in marks)  # never on a column of claims


def test_stance_heatmap_has_a_text_twin(data) -> None:
    figure = stance_heatmap(data, include_reference=True)
    heat = figure.data[0]
    twin = describe_stance_matrix(data, include_reference=True).splitlines()
    lines = {line.split(" ", 1)[0]: line for line in twin}
    stances = {"F": "FAVOR", "A": "AGAINST", "N": "NONE"}
    checked = 0
    for actor, row in zip(heat.y, heat.text, strict=True):
        for claim_id, letter in zip(heat.x, row, strict=True):
            if not letter:
                continue
            line = lines[claim_id]
            stance = stances[letter.upper()]
            named = f"{actor} (inferred)" if letter.islower() else actor
            segment = line.split(f"{stance}: ", 1)[1].split("; ")[0]  # this stance's names
            assert named in segment, (claim_id, actor, letter, line)
            checked += 1
    assert checked > 40  # the heatmap is mostly coded: the check covers it


# ------------------------------------------------------------------ toolbar


@pytest.mark.parametrize("build", ["map", "network", "argument", "thread"])
def test_no_figure_offers_to_upload_itself(build, cable, data) -> None:
    gazetteer = load_gazetteer(cable)
    figures = {
        "map": lambda: addressee_map_figure(cable),
        "network": lambda: co_mention_network(gazetteer, find_mentions(cable, gazetteer)),
        "argument": lambda: argument_map_figure(data),
        "thread": lambda: thread_figure(),
    }
    bundle = plotly_bundle(figures[build]())
    config = bundle["application/vnd.plotly.v1+json"]["config"]
    assert config == {**config, **PLOTLY_CONFIG}
    assert config["showSendToCloud"] is False
    assert "sendChartToCloud" in config["modeBarButtonsToRemove"]
    shown = figures[build]()._repr_mimebundle_()  # how a lesson cell shows it
    assert json.dumps(shown["application/vnd.plotly.v1+json"]["config"]) == json.dumps(config)
