"""Issue 14: each fix of the parser, tested on the real line of a real cable (data/corpus).

The line each test is about is quoted in it; ``make corpus-check`` gives the
numbers over the whole corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.model import Cable
from cable_utils.parse import read_fields
from cable_utils.parse.decoding import decode_official_name
from cable_utils.parse.front_matter import canonical_cable_id, canonical_post
from cable_utils.parse.parser import tag_entries
from cable_utils.parse.signature import is_end_junk, read_tail, signer_of_line

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "cables"


def corpus_cable(cable_id: str) -> Cable:
    return load_cable(CORPUS / f"{cable_id}.txt")


# -- signers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cable_id", "last_line", "signer"),
    [
        ("05PARIS104", "Leach", "Leach"),  # mixed case after "… up to 10 years in prison."
        ("08LONDON1837", "LeBaron", "LeBaron"),  # after "Visit London’s Classified Website: …"
        ("09TELAVIV1184", "CUNNINGHAM", "CUNNINGHAM"),  # after a URL and a row of asterisks
        ("05MADRID541", "MANZANARES .", "MANZANARES"),
        ("08LONDON2651", "End Cable Text", "LEBARON"),  # LEBARON / NNNN / End Cable Text
        (
            "10KABUL104",
            "… a post-jirga plan cross U.S. redlines. END COMMENT EIKENBERRY",
            "EIKENBERRY",
        ),
    ],
)
def test_signer_is_found_at_the_end_of_a_real_cable(cable_id, last_line, signer) -> None:
    cable = corpus_cable(cable_id)
    assert cable.raw.rstrip().endswith(last_line.split("… ")[-1])
    assert cable.signer == signer
    assert not cable.defects_of("truncated")  # no false "text seems truncated"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("END TEXT HEFFERN", "HEFFERN"),
        ("MINIMIZE CONSIDERED SHANNON", "SHANNON"),
        ("SOBEL 2008-01-08", "SOBEL"),
        ("SHANNON SHANNON", "SHANNON"),
        ("XXXXXXXXXXXX", None),  # a redaction is no name
        ("END COMMENT.", None),
        ("Media Reaction", "Media Reaction"),  # a name-shaped line, see the next test
    ],
)
def test_signature_lines(line: str, name: str | None) -> None:
    assert signer_of_line(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Visit London’s Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom",
        "Please visit Paris' Classified Website at: ",
        "           \"Visit Ankara's Classified Web Site at http://www.intelink.s ",
        "www.state.sgov.gov/demarche. ",
        "VISIT LONDON'S CLASSIFIED WEBSITE:",  # the London trailer in capitals
        "NNNN",
    ],
)
def test_trailer_lines_are_end_junk(line: str) -> None:
    assert is_end_junk(line)


def test_a_sentence_naming_a_website_is_text() -> None:
    # Only a trailer line is junk: text that merely mentions a web site is not.
    assert not is_end_junk("The embassy will post the statement on its public web site today.")
    assert not is_end_junk("1. (C) Summary: the ministry's classified annex arrived.")


def test_a_heading_shaped_line_needs_a_sentence_before_it() -> None:
    # The last word of a wrapped sentence is no signer: "… the meeting with\nMinister".
    assert read_tail(["we discussed the meeting with", "Minister Lavrov"]).name is None
    assert read_tail(["the talks went well.", "Minister Lavrov"]).name == "Minister Lavrov"


# -- classification ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cable_id", "banner_line", "level"),
    [
        ("05PARIS1699", "SS E C R E T SECTION 01 OF 02 PARIS 001699", "SECRET"),
        (
            "09BEIJING1378",
            "CC O N F I D E N T I A L SECTION 01 OF 04 BEIJING 001378",
            "CONFIDENTIAL",
        ),
        ("07SANAA473", "E C R E T SANAA 000473", "SECRET"),
    ],
)
def test_a_garbled_banner_is_read_and_reported(cable_id, banner_line, level) -> None:
    cable = corpus_cable(cable_id)
    assert banner_line in cable.raw
    assert cable.classification == level
    (defect,) = cable.defects_of("garbled_banner")
    assert banner_line.split(" SECTION")[0] in cable.raw[defect.start : defect.end]
    # A doubled-letter banner never ends up as an INFO addressee.
    assert not any("E C R E T" in a.name or "O N F" in a.name for a in cable.info)


def test_without_a_banner_the_security_line_gives_the_level() -> None:
    cable = corpus_cable("07LAPAZ3262")  # "ZNY SSSSS ZZH", no banner line
    assert cable.classification == "SECRET"
    assert cable.defects_of("no_banner")


def test_a_banner_of_another_post_yields_to_the_security_line() -> None:
    # 10MEXICO614: "ZNR UUUUU ZZH" in the header, "S E C R E T SECTION 01 OF 04 ISLAMABAD
    # 000416" in the body: the body is another cable's.
    cable = corpus_cable("10MEXICO614")
    assert cable.classification == "UNCLASSIFIED"
    (defect,) = cable.defects_of("banner_disagrees_with_header")
    assert "ISLAMABAD" in cable.raw[defect.start : defect.end]


# -- TAGS, classifying officials, posts ------------------------------------------------------


def test_multi_word_tags_stay_whole() -> None:
    line = "OVIP CLINTON, HILLARY PREL POLITICAL PARTIES AJ"
    assert [tag for tag, _, _ in tag_entries(line, 0, len(line))] == [
        "OVIP",
        "CLINTON, HILLARY",
        "PREL",
        "POLITICAL PARTIES",
        "AJ",
    ]


@pytest.mark.parametrize(
    ("official", "name"),
    [
        ("Acting Deputy Chief of Mission Marc Wall", "Marc Wall"),
        ("AIT Director Douglas Paal", "Douglas Paal"),
        ("ROBERT P. FINN, DEPUTY CHIEF OF MISSION", "ROBERT P. FINN"),
        ("Charge d'Affaires, a.i., Arnold A. Chacon", "Arnold A. Chacon"),
    ],
)
def test_the_classifying_officials_name(official: str, name: str) -> None:
    assert decode_official_name(official) == name


@pytest.mark.parametrize(
    ("written", "cablegate"),
    [
        ("RIO", "RIODEJANEIRO"),
        ("TALLIN", "TALLINN"),
        ("UNVIE", "UNVIEVIENNA"),
        ("USEU", "USEUBRUSSELS"),
    ],
)
def test_posts_are_written_as_the_cablegate_ids_write_them(written: str, cablegate: str) -> None:
    assert canonical_post(written) == cablegate
    assert canonical_cable_id(f"09{written}123") == f"09{cablegate}123"


def test_fragment_readers_on_the_seed_cables_ref_block() -> None:
    found = read_fields("REF: A. BAKU 00146\nB. BAKU 00129\n", year=2008)
    assert [r["id"] for r in found["references"]] == ["08BAKU146", "08BAKU129"]


def test_subject_keyword_written_twice() -> None:
    # 10BRUSSELS183: "SUBJECT: SUBJECT: DEPUTY NSA MICHAEL FROMAN VISIT TO\nBRUSSELS, JANUARY 27, 2010"
    cable = corpus_cable("10BRUSSELS183")
    assert cable.subject == "DEPUTY NSA MICHAEL FROMAN VISIT TO BRUSSELS, JANUARY 27, 2010"


@pytest.mark.parametrize(
    ("cable_id", "signer"),
    [
        ("10BAKU98", "Lu"),  # "other labor strikes.\nLu": a two-letter name
        ("07LONDON3175", "tuttle"),  # "http://www.state.sgov.gov/p/eur/london/index. cfm\ntuttle"
    ],
)
def test_short_and_lower_case_signers(cable_id: str, signer: str) -> None:
    assert corpus_cable(cable_id).signer == signer
