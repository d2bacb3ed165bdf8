"""Decoders: the explanations a student reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cable_utils import load_cable
from cable_utils.analysis.explain import explain_de_line, explain_dtg, explain_header_field
from cable_utils.parse.decoding import (
    decode_de_line,
    decode_decl_date,
    decode_dtg,
    decode_precedence,
    decode_routing_indicator,
)


def test_dtg():
    dtg = decode_dtg("191347Z FEB 08")
    assert dtg is not None
    assert dtg.moment == datetime(2008, 2, 19, 13, 47, tzinfo=UTC)
    assert "19 February 2008, 13:47 UTC" in explain_dtg(dtg)


@pytest.mark.parametrize(
    "bad", ["", "321347Z FEB 08", "191347Z FOO 08", "19134Z FEB 08", "191397Z FEB 08"]
)
def test_bad_dtg_is_none(bad):
    assert decode_dtg(bad) is None


def test_dtg_century():
    assert decode_dtg("250930Z FEB 72").moment.year == 1972
    assert decode_dtg("041820Z JAN 10").moment.year == 2010


def test_de_line_agrees_with_dtg():
    de = decode_de_line("DE RUEHKB #0151/01 0501347")
    assert (de.station, de.serial, de.section, de.day_of_year, de.time) == (
        "RUEHKB",
        "0151",
        "01",
        50,
        "1347",
    )
    assert de.station_name == "AMEMBASSY BAKU"
    assert de.moment(2008) == datetime(2008, 2, 19, 13, 47, tzinfo=UTC)
    tokens = explain_de_line(de, 2008, decode_dtg("191347Z FEB 08"))
    text = " ".join(t.meaning for t in tokens)
    assert "day 050" in text and "19 February 2008" in text
    assert "the same moment as the date-time group 191347Z FEB 08" in text


def test_precedence_and_routing():
    assert decode_precedence("P") == "PRIORITY"
    assert decode_precedence("O") == "IMMEDIATE"
    assert decode_precedence("Q") is None
    assert decode_routing_indicator("RUEHKB") == "AMEMBASSY BAKU"
    assert decode_routing_indicator("RUXXXXX") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DECL: 02/19/2018", date(2018, 2, 19)),
        ("DECL: 2/19/2016", date(2016, 2, 19)),
        ("DECL: 2019/12/17", date(2019, 12, 17)),
        ("DECL:  OADR", "OADR"),
        ("N/A", "N/A"),
        ("GDS", "GDS"),
        ("DECL: 13/45/2018", "13/45/2018"),
    ],
)
def test_decl_dates(text, expected):
    assert decode_decl_date(text) == expected


def test_header_fields_are_explained_from_the_parsed_parts():
    cable = load_cable("08BAKU151")
    fields = {field.kind: field for field in cable.header}
    zny = explain_header_field(cable, fields["security_line"])
    assert [t.text for t in zny] == ["ZNY", "CCCCC", "ZZH"]
    assert "CONFIDENTIAL" in zny[1].meaning
    to = explain_header_field(cable, fields["to"])
    assert [t.text for t in to] == ["TO", "RUEHC/", "SECSTATE WASHDC", "PRIORITY", "4798"]
    assert "action" in to[0].meaning
    vz = explain_header_field(cable, fields["vzczc"])
    assert [t.text for t in vz] == ["VZCZC", "XYZ", "0145"]
