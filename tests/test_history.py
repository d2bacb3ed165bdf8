"""The history around the cable in the library: sources, recognitions, the cable's numbers,
the primer's figures and explorer, and the decoder and card fixes of issue 16."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.argument import TimelineEvent, load_timeline, timeline_table
from cable_utils.analysis.history import (
    NAGORNO_KARABAKH_DECLARED,
    NAGORNO_KARABAKH_DECLARED_SOURCES,
    cumulative_by_day,
    cumulative_count,
    daily_maximum,
    recognition_claim,
    recognitions_per_day,
    whole_years_between,
    years_between,
    years_claim_check,
)
from cable_utils.reference.glossary import define, glossary_table
from cable_utils.reference.history import (
    HistoryTableError,
    Recognition,
    load_context_places,
    load_recognitions,
    recognitions_table,
)
from cable_utils.reference.sources import cite, load_sources, source_ids, sources_table

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


@pytest.fixture(scope="module")
def recognitions():
    return load_recognitions()


def made_up(*rows: tuple[str, bool]) -> list[Recognition]:
    return [
        Recognition(date.fromisoformat(day), f"State {i}", un, ("x",), "yes", None, "")
        for i, (day, un) in enumerate(rows)
    ]


# ------------------------------------------------------------------------- sources


def test_cite_resolves_ids_and_leaves_free_text_alone() -> None:
    table = load_sources()
    assert cite("un-sc6686") == "United Nations, 10 Jun 1999 [un-sc6686]"
    both = cite("un-sc6686; wp-kfor")
    assert both.count("[") == 2 and "; " in both
    assert cite("my own interview, 2024") == "my own interview, 2024"
    assert cite("un-sc6686;not-a-source") == "un-sc6686;not-a-source"
    assert cite("un-sc6686", full=True).endswith(table["un-sc6686"].address)
    assert source_ids(" a ; ;b ") == ["a", "b"]


def test_sources_table_lists_unknown_ids_instead_of_dropping_them() -> None:
    table = sources_table("un-sc6686;nope")
    assert list(table["id"]) == ["un-sc6686", "nope"]
    assert table.iloc[1]["author_or_outlet"] == "(not in data/sources.csv)"
    assert table.iloc[0]["date"] == "10 Jun 1999"


def test_tables_meant_for_reading_show_whole_cells() -> None:
    """pandas cuts cells at 50 characters; glossary and sources tables must not."""
    entry = define("Nagorno-Karabakh")
    assert len(entry.definition) > 200
    assert glossary_table("TAGS").equals(glossary_table(["TAGS"]))  # one term, not its letters
    html = glossary_table(["Nagorno-Karabakh"])._repr_html_()
    tail = "seven surrounding districts and held them after the ceasefire of May 1994"
    assert tail in entry.definition and tail in html  # far past pandas' 50 characters
    assert "[" in glossary_table(["KFOR"]).iloc[0]["source"]  # ids shown as citations
    title = load_sources()["icj-ao-2010"].title
    assert title in sources_table("icj-ao-2010")._repr_html_()


# -------------------------------------------------------------------- recognitions


def test_recognitions_load_in_date_order_with_their_sources(recognitions) -> None:
    with (REPO / "data" / "recognitions.csv").open(encoding="utf-8", newline="") as handle:
        assert len(recognitions) == len(list(csv.DictReader(handle)))
    assert [r.date for r in recognitions] == sorted(r.date for r in recognitions)
    assert all(r.sources for r in recognitions)
    assert [r.state for r in recognitions if not r.un_member] == ["Taiwan (Republic of China)"]


def test_a_malformed_recognitions_file_is_reported_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "recognitions.csv"
    path.write_text(
        "date,state,un_member,sources,checked,reported_rank,note\n"
        "2008-02-30,Nowhere,yes,x,yes,,\n"
        "2008-02-18,Somewhere,maybe,x,yes,tenth,\n",
        encoding="utf-8",
    )
    with pytest.raises(HistoryTableError) as raised:
        load_recognitions(path)
    message = str(raised.value)
    assert "line 2" in message and "line 3" in message and "reported_rank" in message


def test_counting_functions_on_a_small_made_up_record() -> None:
    record = made_up(
        ("2008-02-17", True), ("2008-02-18", True), ("2008-02-18", True),
        ("2008-02-19", False), ("2008-02-19", True), ("2008-02-19", True),
    )  # fmt: skip
    assert recognitions_per_day(record) == {
        date(2008, 2, 17): 1,
        date(2008, 2, 18): 2,
        date(2008, 2, 19): 2,
    }
    assert daily_maximum(record) == (date(2008, 2, 18), 2)  # the earliest on a tie
    assert daily_maximum(record, un_only=False) == (date(2008, 2, 19), 3)
    assert cumulative_count(record, date(2008, 2, 18)) == 3
    assert cumulative_count(record, date(2008, 2, 19), un_only=False) == 6
    assert cumulative_by_day(record)[-1] == (date(2008, 2, 19), 5)
    with pytest.raises(ValueError):
        daily_maximum([])


def test_the_record_and_the_cable_disagree(cable, recognitions) -> None:
    claim = recognition_claim(cable)
    assert claim is not None
    assert (claim.in_one_day, claim.declared_ready, claim.years) == (16, 37, 17)
    raw = cable.raw[claim.start : claim.end]
    assert raw.startswith("in only one day 16 states") and raw.endswith("in over 17 years")
    day, most = daily_maximum(recognitions)
    assert (day, most) == (date(2008, 2, 18), 6)
    assert cumulative_count(recognitions, cable.date.date()) == 9
    assert cumulative_count(recognitions, cable.date.date(), un_only=False) == 10


def test_the_claim_is_only_found_where_it_is_made() -> None:
    assert recognition_claim(load_cable("06BAKU1835")) is None
    assert years_claim_check(load_cable("06BAKU1835")) is None


def test_over_seventeen_years_does_not_hold(cable) -> None:
    check = years_claim_check(cable)
    assert check is not None and check.claimed_over == 17
    assert check.since == NAGORNO_KARABAKH_DECLARED and check.until == date(2008, 2, 19)
    assert 16.4 < check.actual_years < 16.5 and not check.holds
    assert years_between(date(2000, 1, 1), date(2001, 1, 1)) == pytest.approx(1.0, abs=0.01)


def test_whole_years_count_an_anniversary_only_once_reached() -> None:
    declared = NAGORNO_KARABAKH_DECLARED
    assert whole_years_between(declared, date(2008, 2, 19)) == 16
    assert whole_years_between(declared, date(2008, 9, 1)) == 16
    assert whole_years_between(declared, date(2008, 9, 2)) == 17


def test_recognitions_table_has_rows_to_count_not_totals(recognitions) -> None:
    february = recognitions_table(until=date(2008, 2, 29))
    assert list(february.columns) == ["date", "state", "un_member", "sources", "checked", "note"]
    assert len(february) == sum(1 for r in recognitions if r.date <= date(2008, 2, 29))
    assert february["sources"].str.contains(r"\[", regex=True).all()  # cited, with ids
    members = recognitions_table(un_only=True)
    assert members["un_member"].all() and len(members) == sum(r.un_member for r in recognitions)
    # what lesson 04 asks students to compute, done the way its hint suggests
    un = february[february["un_member"]]
    assert un.groupby("date").size().max() == daily_maximum(recognitions)[1]
    assert (un["date"] <= date(2008, 2, 19)).sum() == cumulative_count(
        recognitions, date(2008, 2, 19)
    )


def test_lesson_04_checks_compute_from_the_record_not_a_constant(cable, recognitions) -> None:
    from cable_utils.lessons import check, model_answer
    from cable_utils.lessons.exercises import lesson04

    assert not hasattr(lesson04, "LARGEST_SINGLE_DAY_RECOGNITIONS")
    _day, most = daily_maximum(recognitions)
    by_then = cumulative_count(recognitions, cable.date.date())
    assert check("04.2", f"{most}, {by_then}", cable, save=False).correct
    assert model_answer("04.2", cable).value == [most, by_then]
    whole = whole_years_between(NAGORNO_KARABAKH_DECLARED, cable.date.date())
    assert check("04.4", str(whole), cable, save=False).correct
    assert not check("04.4", str(recognition_claim(cable).years), cable, save=False).correct


def test_lesson_04_follows_the_record_when_the_record_changes(
    cable, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cable_utils.lessons import check, model_answer

    record = made_up(
        ("2008-02-18", True), ("2008-02-18", True), ("2008-02-19", True), ("2008-02-19", False),
        ("2008-02-25", True), ("2008-02-25", True), ("2008-02-25", True),
    )  # fmt: skip
    monkeypatch.setattr(
        "cable_utils.reference.history.load_recognitions", lambda path=None: tuple(record)
    )
    assert check("04.2", "3, 3", cable, save=False).correct  # 3 on 25 Feb; 3 UN members by 19 Feb
    assert not check("04.2", "6, 9", cable, save=False).correct
    assert "counts State 3: not a UN member" in check("04.2", "3, 4", cable, save=False).message
    assert "at most 3 recognitions" in model_answer("04.3", cable).answer


def test_the_written_part_of_04_3_is_saved_and_the_model_reasoning_follows(
    cable, recognitions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cable_utils.lessons import check, model_answer

    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    answer = (
        "The record has far fewer recognitions on any one day. Seyidov may have counted the "
        "states that announced they would recognise; the Embassy only relays what he noted on "
        "Day.Az without checking it."
    )
    feedback = check("04.3", answer, cable)
    assert feedback.kind == "open" and not feedback.correct
    assert feedback.saved_to and answer in Path(feedback.saved_to).read_text(encoding="utf-8")
    assert {"intentions", "chain"} <= feedback.keys_done()
    _day, most = daily_maximum(recognitions)
    by_then = cumulative_count(recognitions, cable.date.date())
    model = model_answer("04.3", cable)
    assert f"at most {most} recognitions" in model.answer
    assert f"{by_then} UN member states" in model.answer
    assert f"{recognition_claim(cable).in_one_day} 'in only one day'" in model.answer


def test_the_declaration_date_is_the_timelines_and_is_sourced() -> None:
    events = [e for e in load_timeline() if e.start == NAGORNO_KARABAKH_DECLARED]
    assert any("Nagorno-Karabakh Republic" in e.event for e in events)
    cited = {part for e in events for part in source_ids(e.source)}
    assert set(NAGORNO_KARABAKH_DECLARED_SOURCES) <= cited <= set(load_sources())


# ------------------------------------------------------------------------- figures


def test_recognitions_figure_marks_the_claim_and_the_cable(cable, recognitions) -> None:
    from cable_utils.plots import describe_recognitions, recognitions_figure

    figure = recognitions_figure(recognitions, cable, until=date(2008, 3, 31))
    assert figure.layout.title.text.startswith("Recognitions of Kosovo")
    assert figure.layout.xaxis.title.text == "Date"
    assert figure.layout.yaxis.title.text == "Number of states"
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert {trace.marker.pattern.shape for trace in bars} == {"", "."}  # a cue beside colour
    assert max(max(trace.y) for trace in bars) == 6
    assert [shape.y0 for shape in figure.layout.shapes if shape.y0 == 16]  # the claim
    assert any(str(shape.x0) == "2008-02-19" for shape in figure.layout.shapes)
    text = describe_recognitions(recognitions, cable, until=date(2008, 2, 29))
    assert "The largest number on one day is 6, on 18 Feb 2008" in text
    assert "21 UN members had recognised Kosovo by 29 Feb 2008" in text
    assert "9 UN members (10 states in all)" in text


def test_context_map_uses_shape_and_colour_and_says_it_in_words() -> None:
    from cable_utils.plots import context_map_figure, describe_context_map

    places = load_context_places()
    figure = context_map_figure(places)
    symbols = [trace.marker.symbol for trace in figure.data]
    assert len(symbols) == len(set(symbols)) == len({p.kind for p in places})
    assert sum(len(trace.lat) for trace in figure.data) == len(places)
    assert figure.layout.title.text
    text = describe_context_map(places)
    assert all(p.place in text for p in places)
    for place in places:
        assert all(part in load_sources() for part in source_ids(place.source)), place.place


def test_timeline_draws_a_month_across_its_month_and_keeps_category_symbols_apart(cable) -> None:
    from cable_utils.plots import timeline_figure

    events = load_timeline()
    figure = timeline_figure(events, cable)
    markers = [trace for trace in figure.data if trace.mode == "markers"]
    symbols = [trace.marker.symbol for trace in markers]
    assert len(symbols) == len(set(symbols)) == len({e.category for e in events})
    month = TimelineEvent(date(2008, 4, 1), None, "month", "Something in April", "diplomacy", "x")
    spans = [t for t in timeline_figure([month]).data if t.mode == "lines"]
    assert [list(spans[0].x)] == [[date(2008, 4, 1), date(2008, 4, 30)]]


def test_timeline_table_cites_sources_and_filters_by_topic() -> None:
    table = timeline_table(load_timeline(), topic="Nagorno-Karabakh")
    assert set(table["topic"]) == {"Nagorno-Karabakh"}
    assert all("[" in cell for cell in table["source"])
    assert (table["source_ids"].str.len() > 0).all()


# ------------------------------------------------------------------------- widgets


def test_context_explorer_switches_parts_and_escapes_text(cable) -> None:
    from cable_utils.widgets import STORY_PARTS, context_timeline_explorer

    events = load_timeline()
    panel = context_timeline_explorer(events, cable)
    first = panel.state["events"]
    assert first and {e.topic for e in first} == {STORY_PARTS[panel.controls["part"].value]}
    panel.controls["part"].value = "What happened next, 2008–2024"
    assert {e.topic for e in panel.state["events"]} == {"afterwards"}
    assert "2024" in panel.view.value and "href=" in panel.view.value
    assert panel.state["figure"].layout.title.text.endswith("What happened next, 2008–2024")
    hostile = TimelineEvent(date(2008, 2, 19), None, "day", "<script>x</script>", "diplomacy", "a")
    panel = context_timeline_explorer([hostile], initial="Everything, 1988–2024")
    assert "<script>" not in panel.view.value and "&lt;script&gt;" in panel.view.value


def test_actor_profile_cites_the_sources_table(cable) -> None:
    from cable_utils.analysis.actors import load_gazetteer
    from cable_utils.widgets.actors import _profile_html

    gazetteer = load_gazetteer(cable)
    html = _profile_html(gazetteer, "ilgar_mammadov", [], [])
    assert "European Court of Human Rights, 22 May 2014 [echr-ilgar-2014]" in html


# --------------------------------------------------------------- decoder and card


def test_decoder_does_not_give_zzh_a_settled_meaning(cable) -> None:
    # The header decoder explains the parsed header (issue 13), not re-read lines.
    from cable_utils.analysis.explain import explain_header_field, explain_security_level

    security = next(field for field in cable.header if field.kind == "security_line")
    tokens = {t.text: t.meaning for t in explain_header_field(cable, security)}
    assert "not established" in tokens["ZZH"]
    with (REPO / "data" / "reference" / "operating_signals.csv").open(encoding="utf-8") as h:
        zfd = next(row for row in csv.DictReader(h) if row["signal"] == "ZFD")
    assert explain_security_level("ZFD") == f"operating signal ZFD: {zfd['meaning']}"


def test_decoder_shows_when_the_2010_table_names_a_station_differently(cable) -> None:
    from cable_utils.analysis.explain import explain_header_field

    for field in (f for f in cable.header if f.kind == "info"):
        tokens = explain_header_field(cable, field)
        meaning = next(t.meaning for t in tokens if t.text.endswith("/"))
        addressee = next(a for a in cable.info if a.name == field.part("name"))
        table_name = addressee.routing_name
        if table_name and not set(addressee.name.split()) <= set(table_name.split()):
            assert addressee.name in meaning and table_name in meaning and "2010" in meaning
        elif table_name:
            assert meaning == f"routing indicator: {table_name}"
    pristina = next(f for f in cable.header if f.part("name") == "USOFFICE PRISTINA")
    tokens = explain_header_field(cable, pristina)
    assert "AMEMBASSY PRINSTINA" in tokens[0].meaning and "USOFFICE PRISTINA" in tokens[0].meaning
    assert "running count" not in tokens[-1].meaning


def test_summary_card_keeps_the_level_apart_from_handling_markers(cable) -> None:
    from cable_utils.views.render import summary_card_html, summary_fields

    fields = dict(summary_fields(cable))
    assert fields["Classification"] == "CONFIDENTIAL"
    assert fields["Handling markers"] == "SIPDIS"
    assert "CONFIDENTIAL / SIPDIS" not in summary_card_html(cable)


def test_map_labels_do_not_cover_each_other_or_run_off_the_map() -> None:
    """Every label of the primer's map stood above its marker: in the Caucasus "Tskhinvali"
    covered "Tbilisi", Yerevan, Stepanakert and Lachin piled up, and "Khankendi" ran off
    the map's edge. The positions are chosen on a model of the drawn map."""
    from cable_utils.reference.history import load_context_places
    from cable_utils.views.plots import history as maps

    places = load_context_places()
    positions = maps._map_label_positions(places)
    layout = maps._MapLayout(places)
    boxes = {name: layout.box(name, slot) for name, slot in positions.items()}
    right, bottom = maps._map_point(maps._MAP_LATITUDES[0], maps._MAP_LONGITUDES[1])
    for name, box in boxes.items():
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= right and box[3] <= bottom, name
        for other, other_box in boxes.items():
            # At most the corner of a letter (px²): seven places lie within a few degrees.
            assert other == name or maps._overlap(box, other_box) < 30, (name, other)
    assert len(set(positions.values())) > 1  # (not all above their markers)
    figure = maps.context_map_figure(places)
    drawn = [p for trace in figure.data for p in trace.textposition]
    assert sorted(drawn) == sorted(positions.values())
