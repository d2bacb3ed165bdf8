"""One test per format rule of ``cable_utils.parse.patterns``: change a rule, and its test fails.

Lines quoted are real lines of the cables in ``data/cables`` and ``data/corpus``.
"""

from __future__ import annotations

import pytest

from cable_utils.parse import patterns


def test_dtg_is_day_hour_minute_zulu_month_two_digit_year() -> None:
    match = patterns.DTG_VALUE.fullmatch("191347Z FEB 08")
    assert match is not None
    assert match.group("day", "hour", "minute", "month", "year") == ("19", "13", "47", "FEB", "08")
    assert patterns.DTG_VALUE.fullmatch("191347 FEB 08") is None  # no Z: not a DTG


def test_dtg_line_is_one_or_two_prosigns_then_the_dtg() -> None:
    assert patterns.DTG_LINE.match("P 191347Z FEB 08").group("prec", "dtg") == (
        "P",
        "191347Z FEB 08",
    )
    assert patterns.DTG_LINE.match("O R 250930Z FEB 72").group("prec") == "O R"
    assert patterns.DTG_LINE.match("Q 191347Z FEB 08") is None
    assert patterns.BARE_DTG_LINE.match("191347Z FEB 08").group("dtg") == "191347Z FEB 08"
    assert patterns.DTG_START.search("From: x\nP 191347Z FEB 08\n").start() == 8


@pytest.mark.parametrize(
    "line",  # real lines: 08RIYADH1619, 09ABUDHABI744, issue 14
    [
        "O 291012Z OCT 08 ZDK CTG NUMEROUS REQUESTS",
        "O 221011Z JUL 09 ZDK CTG RUEHDO #3763",
        "O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042",
        "O 220500Z JUL 08 ZDK CTG #00732",
    ],
)
def test_dtg_line_may_end_in_a_service_suffix(line: str) -> None:
    assert patterns.DTG_LINE.match(line).group("dtg")[:7] == line[2:9]


def test_de_line_is_station_serial_section_day_of_year_and_time() -> None:
    match = patterns.DE_LINE.match("DE RUEHKB #0151/01 0501347")
    assert match.group("station", "serial", "section", "day", "time") == (
        "RUEHKB",
        "0151",
        "01",
        "050",
        "1347",
    )
    assert patterns.DE_LINE.match("DE RUEHKB 0151 0501347") is None  # the serial has its #


def test_security_line_is_zny_or_znr_and_five_level_letters() -> None:
    match = patterns.SECURITY_LINE.match("ZNY CCCCC ZZH")
    assert match.group("signal", "level", "signals") == ("ZNY", "CCCCC", " ZZH")
    assert patterns.SECURITY_LINE.match("ZNR UUUUU") is not None
    assert patterns.SECURITY_LINE.match("ZNY CCCC ZZH") is None


def test_vzczc_and_routing_lines() -> None:
    assert patterns.VZCZC_LINE.match("VZCZCXYZ0145").group("channel", "serial") == (
        "XYZ",
        "0145",
    )
    match = patterns.ROUTING_LINE.match("PP RUEHWEB")
    assert match.group("prosign") == "PP" and match.group("indicators").split() == ["RUEHWEB"]
    assert patterns.ROUTING_LINE.match("PQ RUEHWEB") is None  # the prosign is doubled


@pytest.mark.parametrize(
    ("line", "level", "station", "serial"),
    [
        ("C O N F I D E N T I A L BAKU 000151", "C O N F I D E N T I A L", "BAKU", "000151"),
        ("S E C R E T SECTION 01 OF 05 ANKARA 007211", "S E C R E T", "ANKARA", "007211"),
        ("UNCLAS SECTION 01 OF 02 STATE 000284", "UNCLAS", "STATE", "000284"),
        ("CONFIDENTIAL //NOFORN KABUL 003237", "CONFIDENTIAL", "KABUL", "003237"),
    ],
)
def test_banner_is_level_caveat_section_post_and_serial(line, level, station, serial) -> None:
    match = patterns.BANNER.search(line)
    assert match.group("level", "station", "serial") == (level, station, serial)


def test_banner_starts_a_line_or_follows_a_tab() -> None:
    assert patterns.BANNER.search("see CONFIDENTIAL BAKU 000151") is None
    assert patterns.BANNER.search("x\tCONFIDENTIAL BAKU 000151") is not None
    assert patterns.BANNER_ANYWHERE.search("see CONFIDENTIAL BAKU 000151") is not None


def test_precedence_words_and_prosigns() -> None:
    assert set(patterns.PRECEDENCE_PROSIGNS) == set("ZOPRY")
    assert "NIACT" in patterns.PRECEDENCE_WORDS


@pytest.mark.parametrize(
    ("line", "number", "mark"),
    [
        ("1. (C) The GOAJ's initial response", "1", "C"),
        ("12.(S/NF) Comment:", "12", "S/NF"),
        ("3. CONFIDENTIAL - ENTIRE TEXT.", "3", None),
        ("  4.  Text", "4", None),
    ],
)
def test_paragraph_start_is_a_number_a_dot_and_an_optional_marking(line, number, mark) -> None:
    match = patterns.PARAGRAPH_START.match(line)
    assert match.group("number") == number and match.group("mark") == mark


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("(SECRET - ENTIRE TEXT)", "SECRET - ENTIRE TEXT"),
        ("CONFIDENTIAL - ENTIRE TEXT.", "CONFIDENTIAL - ENTIRE TEXT"),
        ("(C - ENTIRE TEXT).", "C - ENTIRE TEXT"),
        ("The entire text of the speech follows.", None),
    ],
)
def test_an_entire_text_line_is_a_level_a_dash_and_entire_text(line, mark) -> None:
    found = patterns.ENTIRE_TEXT_LINE.match(line)
    assert (found.group("mark") if found else None) == mark


def test_a_year_is_no_paragraph_start() -> None:
    assert patterns.PARAGRAPH_START.match("2008. It was") is None  # at most two digits


@pytest.mark.parametrize(
    ("value", "labels"),
    [
        ("A. BAKU 00146 B. BAKU 00129", ["A", "B"]),
        ("(A) STATE 123; (B) STATE 456", ["A", "B"]),
        ("(A)STATE 071143, (B)STATE 073601", ["A", "B"]),  # 07STATE152317: glued to the post
        ("a. KABUL 673 b. KABUL 700", ["a", "b"]),
        ("A: OSLO 629 B: OSLO 700", ["A", "B"]),
        ("[A] STATE 1 [B] STATE 2", ["A", "B"]),
        ("U.S. NOTE", []),  # a letter and a dot before another letter: no label
    ],
)
def test_ref_labels_are_a_letter_with_a_dot_colon_or_bracket(value, labels) -> None:
    found = [
        m.group("letter") or m.group("paren") or m.group("bracket")
        for m in patterns.REF_LABEL.finditer(value)
    ]
    assert found == labels


def test_ref_tokens_split_a_year_or_serial_glued_to_the_post() -> None:
    tokens = [(m.lastgroup, m.group()) for m in patterns.REF_TOKEN.finditer("09DHAHRAN 201 (08)")]
    assert tokens == [("number", "09"), ("word", "DHAHRAN"), ("number", "201"), ("pyear", "(08)")]
    assert [m.group() for m in patterns.REF_TOKEN.finditer("ASHGABAT687")] == ["ASHGABAT", "687"]


def test_a_page_marker_is_a_post_a_padded_serial_and_a_page() -> None:
    assert patterns.PAGE_MARKER.search("REF: A. STATE 00016220 001.2 OF 005 B. X") is not None
    assert patterns.PAGE_MARKER.search("REF: STATE 16220 OF 2009") is None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("SIPDIS", "caveat"),
        ("E.O. 12958: DECL: 02/19/2018", "eo"),
        ("TAGS: PREL PGOV", "tags"),
        ("SUBJECT: AZERBAIJANI REACTION", "subject"),
        ("REF: A. BAKU 00146", "ref"),
        ("Classified By: Deputy Chief of Mission Donald Lu", "classified_by"),
        ("STATE FOR EUR/CARC", "office"),
    ],
)
def test_front_matter_fields_start_at_their_keywords(text, field) -> None:
    assert patterns.FIELD.match(text).lastgroup == field


def test_end_markers() -> None:
    assert patterns.END_MARKER.match("NNNN")
    assert patterns.END_MARKER.match("CONFIDENTIAL // NOFORN")
