"""Lesson 04: claims, relations, stance matrix, agreement, figures and widgets."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.argument import (
    AnnotationError,
    agreement,
    cohen_kappa,
    lesson_template,
    load_argument,
    load_timeline,
    locate_quote,
    stance_matrix,
)
from cable_utils.lessons.exercises import check
from cable_utils.source.normalise import normalise
from cable_utils.source.paths import DATA_DIR

FOLDER = Path(DATA_DIR) / "annotations" / "08BAKU151"


def _rows(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def data(cable):
    return load_argument(cable)


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path / "work"))


# ------------------------------------------------------------------ the curated files


def test_every_quote_occurs_in_its_paragraph_with_raw_offsets(cable, data) -> None:
    rows = _rows("claims.csv")
    evidence = [e for c in data.claims for e in c.evidence]
    assert len(evidence) == len(rows) > 20
    for item in evidence:
        raw_piece = cable.raw[item.start : item.end]
        # the raw span, cleaned of scrape artifacts, is the quote (whitespace aside)
        assert normalise(raw_piece).text.split() == item.quote.split(), item
        paragraph = cable.paragraph(item.paragraph)
        assert paragraph.start <= item.start < item.end <= paragraph.end, item


def test_every_holder_is_a_known_actor_and_every_relation_joins_known_claims() -> None:
    actors = {row["id"] for row in _rows("actors.csv")}
    claims = {row["claim_id"] for row in _rows("claims.csv")}
    assert {row["holder"] for row in _rows("claims.csv")} <= actors
    for row in _rows("relations.csv"):
        assert row["from_claim"] in claims and row["to_claim"] in claims, row
        assert row["relation"] in ("support", "attack")
    for row in _rows("reference_stances.csv"):
        assert row["actor"] in actors and row["claim_id"] in claims, row


def test_the_precedent_claim_has_the_split_the_cable_reports(data) -> None:
    c3 = data.claim("C3")
    assert c3.stance_of("khazar_ibrahimov") == "FAVOR"  # the official denial, paragraph 3
    assert c3.stance_of("ilgar_mammadov") == "AGAINST"  # "sets a clear precedent"
    attackers = {r.source for r in data.relations if r.target == "C3" and r.kind == "attack"}
    assert {"C5", "C6"} <= attackers


def test_quote_that_is_not_in_the_cable_is_not_located(cable) -> None:
    assert locate_quote(cable, "Kosovo is a precedent, says Baku") is None
    assert locate_quote(cable, "deeply worried", paragraph=5) is not None
    assert locate_quote(cable, "deeply worried", paragraph=1) is None


def test_validation_lists_every_problem(cable, tmp_path: Path) -> None:
    broken = tmp_path / "08BAKU151"
    shutil.copytree(FOLDER, broken)
    with (broken / "claims.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["C99", "Invented", "Q?", "nobody_known", "FAVOR", "2", "words not in it", ""]
        )
        writer.writerow(["C98", "Misplaced", "Q?", "goaj", "FAVOR", "1", "deeply worried", ""])
    with (broken / "relations.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(["C3", "C404", "support", ""])
    with pytest.raises(AnnotationError) as raised:
        load_argument(cable, folder=broken, strict=True)
    message = str(raised.value)
    assert "'nobody_known' is not an actor" in message
    assert "does not occur in the cable" in message
    assert "not in paragraph 1: it is in paragraph 5" in message
    assert "'C404' is not a claim" in message
    # without strict, the good rows are loaded and each bad row is listed with its line
    data = load_argument(cable, folder=broken)
    ids = {claim.id for claim in data.claims}
    assert {f"C{n}" for n in range(1, 17)} <= ids and not {"C98", "C99"} & ids
    good_rows = len(_rows("claims.csv"))
    assert [p.split(":")[0] for p in data.problems[:3]] == [
        f"claims.csv line {good_rows + 2}",
        f"claims.csv line {good_rows + 2}",
        f"claims.csv line {good_rows + 3}",
    ]
    assert any(p.startswith("relations.csv line") and "'C404'" in p for p in data.problems)
    assert all("Fix:" in p for p in data.problems)


def test_stance_matrix_matches_claims_csv(data) -> None:
    matrix = stance_matrix(data)
    for row in _rows("claims.csv"):
        assert matrix.loc[row["holder"], row["claim_id"]] == row["stance"]
    filled = stance_matrix(data, include_reference=True)
    for row in _rows("reference_stances.csv"):
        # claims.csv evidence wins; elsewhere the reference fills in
        assert filled.loc[row["actor"], row["claim_id"]] in ("FAVOR", "AGAINST", "NONE")
    assert filled.loc["khazar_ibrahimov", "C5"] == "AGAINST"  # inferred in the reference


# ------------------------------------------------------------------ agreement


def test_kappa_on_hand_computed_cases() -> None:
    # 2 × 2: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → p_o 0.7, p_e 0.5·0.6 + 0.5·0.4 = 0.5
    first = ["Y"] * 25 + ["N"] * 25
    second = ["Y"] * 20 + ["N"] * 5 + ["Y"] * 10 + ["N"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    # three labels: p_o 4/6, p_e (3·2 + 2·2 + 1·2)/36 = 1/3 → kappa 0.5
    a = ["FAVOR", "FAVOR", "FAVOR", "AGAINST", "AGAINST", "NONE"]
    b = ["FAVOR", "FAVOR", "AGAINST", "AGAINST", "NONE", "NONE"]
    assert cohen_kappa(a, b) == pytest.approx(0.5)
    assert cohen_kappa(a, a) == pytest.approx(1.0)
    assert cohen_kappa(["NONE"] * 4, ["NONE"] * 4) is None  # undefined, not 1 or a crash
    assert cohen_kappa([], []) is None
    with pytest.raises(ValueError):
        cohen_kappa(["A"], [])


def test_agreement_with_reference_lists_disagreements_with_evidence(data) -> None:
    coding = {key: stance for key, (stance, _) in data.reference.items()}
    total = len(coding)
    coding[("ilgar_mammadov", "C3")] = "FAVOR"  # the reference says AGAINST
    coding[("fariz_ismailzade", "C6")] = "FAVOR"  # reporter read as holder
    del coding[("vafa_guluzade", "C1")]
    result = agreement(coding, data)
    assert (result.compared, result.agreed, result.not_coded) == (total - 1, total - 3, 1)
    assert result.percent == pytest.approx(100 * (total - 3) / (total - 1))
    assert 0 < result.kappa < 1
    rows = result.disagreements.set_index(["actor", "claim_id"])
    assert set(rows.index) == {("ilgar_mammadov", "C3"), ("fariz_ismailzade", "C6")}
    assert "sets a clear precedent" in rows.loc[("ilgar_mammadov", "C3"), "evidence"]
    assert rows.loc[("ilgar_mammadov", "C3"), "reference"] == "AGAINST"
    assert "Agreement" in result.summary() and "2 disagreement" in result.summary()


# ------------------------------------------------------------------ timeline


def test_timeline_is_sourced_and_holds_the_key_dates() -> None:
    events = load_timeline()
    assert all(event.source for event in events)
    starts = {event.start for event in events}
    for key in (
        date(2008, 2, 17),
        date(2008, 2, 19),
        date(2008, 3, 4),
        date(2008, 3, 14),
        date(2010, 7, 22),
    ):
        assert key in starts, key


def test_timeline_with_a_bad_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text(
        "start_date,end_date,precision,event,category,source\n2008-02-30,,day,Bad day,x,src\n"
        "2008-02-17,,day,No source,x,\n",
        encoding="utf-8",
    )
    with pytest.raises(AnnotationError, match="line 2") as raised:
        load_timeline(path)
    assert "has no source" in str(raised.value)


# ------------------------------------------------------------------ figures


def test_argument_map_separates_support_and_attack_without_colour(data) -> None:
    from cable_utils.views.plots.argument import argument_map_figure, describe_argument_map

    figure = argument_map_figure(data, selected="C3")
    lines = {trace.name: trace for trace in figure.data if trace.mode == "lines"}
    support = next(t for name, t in lines.items() if name.startswith("supports"))
    attack = next(t for name, t in lines.items() if name.startswith("attacks"))
    assert support.line.dash == "solid" and attack.line.dash == "dash"
    n_support = sum(r["relation"] == "support" for r in _rows("relations.csv"))
    n_attack = sum(r["relation"] == "attack" for r in _rows("relations.csv"))
    assert list(support.x).count(None) == n_support and list(attack.x).count(None) == n_attack
    labels = [t for t in figure.data if t.name and t.name.endswith("labels")]
    assert sorted(set(t.text) for t in labels) == [{"+"}, {"−"}]
    nodes = [t for t in figure.data if t.mode == "markers" and t.customdata is not None]
    assert sorted(c for t in nodes for c in t.customdata) == sorted(c.id for c in data.claims)
    # every node is named by its ID and short label, on a white ground over the lines
    labels = {a.name: a for a in figure.layout.annotations if (a.name or "").startswith("label ")}
    assert len(labels) == len(data.claims)
    assert "No precedent for" in labels["label C3"].text and "<b>C3</b>" in labels["label C3"].text
    assert all(a.bgcolor.startswith("rgba(255,255,255") for a in labels.values())
    assert len({t.marker.symbol for t in nodes}) == len(nodes) >= 3  # a symbol per group
    assert figure.layout.title.text and figure.layout.xaxis.title.text
    assert figure.to_dict() == argument_map_figure(data, selected="C3").to_dict()  # deterministic
    assert "C5 attacks C3" in describe_argument_map(data)


@pytest.mark.parametrize("selected", ["C3", "C12", None])
def test_fast_map_json_shows_the_same_as_the_figure(data, selected) -> None:
    import json

    from cable_utils.views.plots.argument import argument_map_figure, argument_map_json

    argument_map_json(data, "C1")  # warm the cache with another selection first
    fast = argument_map_json(data, selected)
    slow = json.loads(argument_map_figure(data, selected=selected).to_json())
    assert fast["data"] == slow["data"]
    assert fast["layout"]["annotations"] == slow["layout"]["annotations"]


def test_stance_heatmap_has_letters_and_evidence_on_hover(data) -> None:
    from cable_utils.views.plots.argument import stance_heatmap

    figure = stance_heatmap(data)
    heat = figure.data[0]
    actors = list(stance_matrix(data).index)
    row = actors.index("ilgar_mammadov")
    column = list(heat.x).index("C5")
    assert heat.text[row][column] == "F"
    assert "sets a clear precedent" in heat.hovertext[row][column]
    assert figure.layout.yaxis.title.text == "Actor"


def test_timeline_figure_places_the_cable(cable) -> None:
    from cable_utils.views.plots.argument import describe_timeline, timeline_figure

    events = load_timeline()
    figure = timeline_figure(events, cable, start=date(2008, 2, 10), end=date(2008, 3, 20))
    assert [str(s.x0) for s in figure.layout.shapes] == ["2008-02-19"]
    assert "this cable" in figure.layout.annotations[0].text
    shown = [x for trace in figure.data for x in trace.x]
    assert all(date(2008, 2, 10) <= x <= date(2008, 3, 20) for x in shown)
    assert "▶ this cable (08BAKU151)" in describe_timeline(events, cable)


# ------------------------------------------------------------------ widgets


def test_explorer_highlights_the_chosen_claims_evidence(cable, data) -> None:
    from cable_utils.widgets.argument import argument_map_explorer

    panel = argument_map_explorer(cable, data, initial="C3")
    assert "Rasim Musabeyov denied any similarity" in panel.view.value
    panel.controls["claim"].value = "C13"
    assert panel.state["selected"] == "C13"
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', panel.view.value, re.S)
    assert len(marks) == 1 and "wait-and-see" in marks[0]
    assert "Musabeyov" not in panel.view.value.split('class="cable-text')[0]  # not a holder
    traces = [t for t in panel.state["figure"]["data"] if "C13" in (t.get("customdata") or [])]
    assert max(traces[0]["marker"]["size"]) == 30


def test_explorer_escapes_cable_text() -> None:
    from cable_utils.analysis.argument import ArgumentData, Claim, Evidence
    from cable_utils.widgets.argument import argument_map_explorer

    text = (Path(DATA_DIR) / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    hostile = load_cable_from_text(text.replace("Vugar Seyidov", "<script>alert(1)</script>"))
    quote = "<script>alert(1)</script> noted"
    start, end = locate_quote(hostile, quote)
    claim = Claim(
        "X1", "<b>bold</b> claim", "Q", (Evidence("X1", "who", "FAVOR", 4, quote, "", start, end),)
    )
    panel = argument_map_explorer(hostile, ArgumentData("TEST", (claim,)))
    assert "<script>" not in panel.view.value and "&lt;script&gt;" in panel.view.value
    assert "<b>bold</b>" not in panel.view.value


def load_cable_from_text(text: str):
    from cable_utils import Cable

    return Cable.from_text(text, cable_id="08BAKU151")


def test_stance_coder_saves_reloads_and_compares(cable, data, tmp_path: Path) -> None:
    from cable_utils.widgets.argument import stance_coder

    panel = stance_coder(cable, data, folder=tmp_path)
    panel.controls["actor"].value = "ilgar_mammadov"
    panel.controls["stance:C3"].value = "AGAINST"
    panel.controls["justification:C3"].value = "sets a clear precedent"
    panel.controls["stance:C5"].value = "NONE"
    saved = (tmp_path / "08BAKU151_stances.csv").read_text(encoding="utf-8")
    assert "ilgar_mammadov,C3,AGAINST,sets a clear precedent" in saved
    assert "ilgar_mammadov,C5,NONE," in saved

    panel.controls["compare"].click()
    result = panel.state["agreement"]
    assert (result.compared, result.agreed) == (2, 1)
    assert "Agreement 1 of 2" in panel.view.value
    assert "His own words" in panel.view.value  # the reference's reason for C5

    reopened = stance_coder(cable, data, folder=tmp_path)
    reopened.controls["actor"].value = "ilgar_mammadov"
    assert reopened.controls["stance:C3"].value == "AGAINST"
    assert reopened.controls["justification:C3"].value == "sets a clear precedent"
    reopened.controls["actor"].value = "vafa_guluzade"
    assert reopened.controls["stance:C3"].value == ""  # switching actors saves nothing


def test_stance_coder_keeps_a_corrupt_file_and_says_so(cable, data, tmp_path: Path) -> None:
    from cable_utils.widgets.argument import stance_coder

    corrupt = tmp_path / "08BAKU151_stances.csv"
    corrupt.write_bytes(b"actor,claim_id,stance,justification\n\xff\xfe\x00garbage")
    before = corrupt.read_bytes()
    panel = stance_coder(cable, data, folder=tmp_path)
    status = panel.state["status"].value
    assert "could not be read" in status and "08BAKU151_stances.2.csv" in status
    panel.controls["stance:C1"].value = "FAVOR"
    assert corrupt.read_bytes() == before
    assert "FAVOR" in (tmp_path / "08BAKU151_stances.2.csv").read_text(encoding="utf-8")


# ------------------------------------------------------------------ cables without claims


def test_a_cable_without_claims_gets_an_empty_argument_and_a_template() -> None:
    from cable_utils.views.plots.argument import argument_map_figure
    from cable_utils.widgets.argument import argument_map_explorer, argument_status, stance_coder

    other = load_cable("07BERN881")
    empty = load_argument(other, "07BERN881")
    assert not empty.curated
    assert "no curated claims" in argument_status(other, empty).value
    template = lesson_template(other, empty)
    assert list(template.columns)[:4] == ["claim_id", "claim", "question", "holder"]
    assert (template["quote"] == "").all()
    assert argument_map_figure(empty).layout.annotations
    assert "nothing to explore" in argument_map_explorer(other, empty).view.value
    assert stance_coder(other, empty).controls["compare"].disabled


# ------------------------------------------------------------------ self-checks


def test_self_checks_use_the_cable(cable) -> None:
    assert check("04.1", "16", cable).correct
    assert not check("04.1", "6", cable).correct
    assert check("04.5", "Ilgar Mammadov, Azerbaijani public", cable).correct
    assert not check("04.5", "Ilgar Mammadov, Fariz Ismailzade", cable).correct
    assert check("04.2", "6, 9", cable, save=False).correct
    assert not check("04.2", "16, 9", cable, save=False).correct
    assert check("04.4", "16", cable, save=False).correct
    assert not check("04.4", "17", cable, save=False).correct
    assert not check("04.6", "It is fine.", cable, save=False).correct
