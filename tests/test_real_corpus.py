"""Issue 14: each fix of the parser, tested on the real line of a real cable (data/corpus).

The line each test is about is quoted in it; ``make corpus-check`` gives the
numbers over the whole corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.redaction import marking_meaning, portion_levels
from cable_utils.model import Cable
from cable_utils.parse import parse_text, read_fields
from cable_utils.parse.decoding import (
    decode_official_name,
    normalise_official_name,
    split_subject_marking,
)
from cable_utils.parse.parser import tag_entries
from cable_utils.parse.references import canonical_cable_id, canonical_post
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


# -- references ---------------------------------------------------------------------------


def _ref_block(cable: Cable) -> str:
    """The raw text of the cable's REF block, its blanks collapsed."""
    spans = cable.segments_of("ref")
    return " ".join(cable.raw[spans[0].start : spans[-1].end].split())


@pytest.mark.parametrize(
    ("cable_id", "ref_block", "ids"),
    [
        # labels with their own punctuation, a label written twice
        ("08OSLO670", "REF: A. A: OSLO 629 B. B: OSLO 585 C. C: OSLO 522",
         ["08OSLO629", "08OSLO585", "08OSLO522"]),
        ("10KABUL693", "REF: A. (a) KABUL 673 ¶B. (b) 09 KABUL 3068", ["10KABUL673", "09KABUL3068"]),
        # lower-case labels, the posts in mixed case
        ("08BERLIN643", "Ref: a. 07 state 75839 b. State 15220 c. Berlin 195 d. State 40087 e. Berlin 511",
         ["07STATE75839", "08STATE15220", "08BERLIN195", "08STATE40087", "08BERLIN511"]),
        ("09BAKU687", "REF: a) BAKU 575", ["09BAKU575"]),
        # the year glued to the post; SECSTATE written for STATE
        ("10RIYADH184", "REF: A. 09DHAHRAN 201 B. 09RIYADH 1302 C. 09RIYADH 1397 D. 09RIYADH 1492 "
         "E. 09RIYADH 1557 F. 09RIYADH 1642 G. RIYADH 103 H. SECSTATE 3080 I. SECSTATE 11182",
         ["09DHAHRAN201", "09RIYADH1302", "09RIYADH1397", "09RIYADH1492", "09RIYADH1557",
          "09RIYADH1642", "10RIYADH103", "10STATE3080", "10STATE11182"]),
        ("10SHENYANG5", "REF: A. 10SHENYANG 003 B. 09SHENYANG 167", ["10SHENYANG3", "09SHENYANG167"]),
        # a list split at commas; the year written after the serial
        ("09BRASILIA905", "REFS: SAO PAULO 273, SAO PAULO 90, BRASILIA 791, BRASILIA 799",
         ["09SAOPAULO273", "09SAOPAULO90", "09BRASILIA791", "09BRASILIA799"]),
        ("09MOSCOW821", "REF: MOSCOW 03242 2008", ["08MOSCOW3242"]),
        # REF: glued to the end of the subject line
        ("08LONDON1991", "REF: A. LONDON 1939 B. LONDON 1704", ["08LONDON1939", "08LONDON1704"]),
    ],
)  # fmt: skip
def test_each_cable_a_real_ref_block_names_gets_its_id(cable_id, ref_block, ids) -> None:
    cable = corpus_cable(cable_id)
    assert _ref_block(cable) == ref_block
    assert [reference.id for reference in cable.references if reference.id] == ids


@pytest.mark.parametrize(
    ("cable_id", "ref_block", "kept"),
    [
        ("08STOCKHOLM494", "REF: A. USDAO STOCKHOLM DTG 051506ZJUN2008 B. IIR 6 982 0173",
         ["USDAO STOCKHOLM DTG 051506ZJUN2008", "IIR 6 982 0173"]),
        ("08NAIROBI2290", "REF: A. USDLO KHARTOUM IIR 6 890 0139 08 201536Z FEB 08 "
         "¶B. USDAO NAIROBI IIR 6 854 0108 08 291553Z JAN 08 "
         "¶C. USDAO NAIROBI IIR 6 854 0026 08 091427Z NOV 07",
         ["USDLO KHARTOUM IIR 6 890 0139 08 201536Z FEB 08",
          "USDAO NAIROBI IIR 6 854 0108 08 291553Z JAN 08",
          "USDAO NAIROBI IIR 6 854 0026 08 091427Z NOV 07"]),
        ("06PARIS7579", "REF: A. PARIS POINTS NOV 22 ¶B. PARIS 7425", ["PARIS POINTS NOV 22"]),
        ("09LONDON2222", "REF: A. LONDON 2186 (NOTAL) B. LONDON 1707 (NOTAL) C. EMBASSY LONDON "
         "DAILY REPORT 9/16/2009 (NOTAL) D. EMBASSY LONDON DAILY REPORT 9/21/2009 (NOTAL)",
         ["EMBASSY LONDON DAILY REPORT 9/16/2009 (NOTAL)",
          "EMBASSY LONDON DAILY REPORT 9/21/2009 (NOTAL)"]),
        ("08BAGHDAD293", "REF: 08 JAN 08 BAGHDAD O/I (SELF-PROCLAIMED SISTANI EMISSARIES)",
         ["08 JAN 08 BAGHDAD O/I (SELF-PROCLAIMED SISTANI EMISSARIES)"]),
        ("06CARACAS219", "REF: A. A: HAVANA 00118 ¶B. B: HAVANA 00697 ¶C. C: TD-314/63777-05 "
         "LIMITED DISTRIBUTION ¶D. D: IIR 6 902 9698 06",
         ["TD-314/63777-05 LIMITED DISTRIBUTION", "IIR 6 902 9698 06"]),
        # a White House message has no Cablegate ID (its stations are RHEH, not State's RUEH)
        ("09BAGHDAD1104", "REF: A. WHITE HOUSE 853 ¶B. BAGHDAD 342 ¶C. BAGHDAD 762 ¶D. BAGHDAD 383 "
         "¶E. BASRA 17 ¶F. BAGHDAD 1103 ¶G. BAGHDAD 289", ["WHITE HOUSE 853"]),
        # a DERIVED FROM line after the list is no reference
        ("10MEXICO141", "REF: 10 MEXICO 127; 10 SANTIAGO 51; 10 SANTO DOMINGO 67 DERIVED FROM: DSCG 05-1 B, D",
         []),
    ],
)  # fmt: skip
def test_no_id_is_built_from_a_reference_that_is_no_cable(cable_id, ref_block, kept) -> None:
    # Reports, e-mails, dates and talking points keep their text and get no ID.
    cable = corpus_cable(cable_id)
    assert _ref_block(cable) == ref_block
    assert [reference.text for reference in cable.references if reference.id is None] == kept
    assert all(re.fullmatch(r"\d\d[A-Z]+[1-9]\d{0,5}", r.id) for r in cable.references if r.id)
    assert not any(
        word in (reference.id or "")
        for reference in cable.references
        for word in ("IIR", "POINTS", "JAN", "DSCG", "DAILY", "ZJUN", "WHITEHOUSE")
    )


def test_a_marking_after_a_blank_line_does_not_continue_the_ref_block() -> None:
    # 10BRASILIA108: "REF: 2009 BRASILIA 1381 \n\n(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED …"
    cable = corpus_cable("10BRASILIA108")
    assert [(r.text, r.id) for r in cable.references] == [("2009 BRASILIA 1381", "09BRASILIA1381")]


def test_without_a_dtg_the_id_gives_the_year_of_the_references() -> None:
    # 04RANGOON88 has no DTG line: "REF: STATE 297614 AND PREVIOUS 03 RANGOON 1427"
    cable = corpus_cable("04RANGOON88")
    assert cable.date is None
    assert [r.id for r in cable.references] == ["04STATE297614", "03RANGOON1427"]


def test_the_subject_stops_at_a_glued_ref() -> None:
    # 08LONDON1991: "SUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIMEREF: A. LONDON 1939"
    assert (
        corpus_cable("08LONDON1991").subject == "(C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIME"
    )


@pytest.mark.parametrize(
    ("value", "year", "cited"),
    [
        # cablemap's cases (tests/conformance/cablemap): several cables in one entry
        ("REF: SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394 \n2009 CAIRO 491", 2010,
         ["10SECDEF122723", "09CAIRO2394", "09CAIRO491"]),
        ("REF: A. REF A STATE 122214 B. REF B LONDON 2649", 2009, ["09STATE122214", "09LONDON2649"]),
        ("REF: A. A) MANAMA 20 \nB. B) 2/22/08 GRAY-ERELI E-MAIL", 2008, ["08MANAMA20"]),
        ("REF: (A) LAGOS O1512, (B) LAGOS 01545", 2002, ["02LAGOS1512", "02LAGOS1545"]),
        ("REF: COTON0U 348", 2008, ["08COTONOU348"]),
        ("REFS: A) 377 KATHMANDU, B) 01 KATHMANDU 2383", 2002, ["02KATHMANDU377", "01KATHMANDU2383"]),
        ("REF: A. 08 BAKU 146 B. BAKU 129 AND 130", 2008, ["08BAKU146", "08BAKU129", "08BAKU130"]),
        ("REF: A. RICHARD-WITMER EMAIL 10/9 \n\nB. WITMER-HOLLIDAY EMAILS 9-22 THRU 10-7", 2003, []),
    ],
)  # fmt: skip
def test_fragment_ref_blocks(value: str, year: int, cited: list[str]) -> None:
    found = read_fields(value, year=year)
    assert [r["id"] for r in found.get("references", []) if r["id"]] == cited


# -- headings, sections and TAGS -----------------------------------------------------------


def test_a_page_marker_with_a_six_digit_serial_is_no_heading() -> None:
    # 09STATE120288: "STATE 00120288  002 OF 008" (the serial padded with two zeros only)
    cable = corpus_cable("09STATE120288")
    headings = [segment.label for segment in cable.segments_of("section_heading")]
    assert not any("00120288" in heading for heading in headings)
    assert len(cable.segments_of("page_header")) == 7
    assert "STATE 00120288" not in cable.text


@pytest.mark.parametrize(
    ("cable_id", "sections"),
    [
        # "¶1. (S/NF) SUMMARY:  This cable provides the full text of the …" and no "End summary"
        ("08STATE116392", ["Summary", None, None, None]),
        # "¶1. (C) Summary. After a tumultuous year …" … "End Summary." in paragraph 3
        ("05MADRID541", ["Summary", "Summary", "Summary", None, None]),
        # a "Summary" heading, then "¶1. (S) Vice Foreign Minister … End summary."
        ("10SEOUL272", ["Summary", None, None]),
    ],
)
def test_a_summary_ends_where_the_cable_says_so(cable_id: str, sections: list) -> None:
    cable = corpus_cable(cable_id)
    numbered = [p.section for p in cable.paragraphs if p.number is not None]
    assert numbered[: len(sections)] == sections


def test_a_corrected_copy_line_is_no_tags_line() -> None:
    # The line of issue 14; 08BISHKEK1095 has "C O R R E C T E D  C O P Y (ADDRESSEE)"
    fragment = (
        "C O R R E C T E D C O P Y (PRIMARY TAG)\nSIPDIS\nTAGS PREL, ECON, KG\nSUBJECT: A TEST\n"
    )
    assert read_fields(fragment)["tags"] == ["PREL", "ECON", "KG"]
    assert corpus_cable("08BISHKEK1095").tag_codes == ["PREL", "ECON", "KG"]


@pytest.mark.parametrize(
    ("cable_id", "subject"),
    [
        # "SUBJECT: PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS \nFOR USD/P FLOURNOY"
        ("09KABUL376", "PRESIDENT KARZAI PREVIEWS STRATEGIC REVIEW IDEAS FOR USD/P FLOURNOY"),
        # "… SHOULD DEMAND A RECOUNT \nClassfied By: Charge Richard Miles, reasons 1.4 (b) and (d)."
        (
            "09ASHGABAT757",
            "IRAN POST-ELECTION: [Source removed] CALLS RESULTS A “COUP D’ETAT;” SAYS "
            "INTERNATIONAL COMMUNITY SHOULD DEMAND A RECOUNT",
        ),
        # "SUBJECT: ZIM NOTES 11-09-2009 \n----------- \n¶1. SUMMARY"
        ("09HARARE888", "ZIM NOTES 11-09-2009"),
        # "… SOUTH AFRICA’S NEXT PRESIDENT\n-------\nSummary\n-------"
        ("09PRETORIA939", "PART 1 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA’S NEXT PRESIDENT"),
    ],
)
def test_the_subject_stops_where_it_ends(cable_id: str, subject: str) -> None:
    assert corpus_cable(cable_id).subject == subject


def test_a_misspelt_classified_by_is_read() -> None:
    cable = corpus_cable(
        "09ASHGABAT757"
    )  # "Classfied By: Charge Richard Miles, reasons 1.4 (b) and (d)."
    assert (cable.classified_by, cable.reason_section) == ("Charge Richard Miles", "1.4")
    assert [reason.letter for reason in cable.reasons] == ["b", "d"]


def test_an_entire_text_line_marks_the_whole_text() -> None:
    # Issue 14: "(SECRET - ENTIRE TEXT)" on a line before paragraph 1 was read as text.
    cable = parse_text(
        "SECRET BAKU 000151\nSUBJECT: A TEST\n\n(SECRET - ENTIRE TEXT)\n\n1. Text.\n\n2. More.\n"
    )
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        (1, "SECRET - ENTIRE TEXT"),
        (2, None),
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        # quoted by issue 14 from a Cablegate cable (that cable is not in the collection)
        ("(SECRET - ENTIRE TEXT)", "SECRET"),
        # 90CAPETOWN97 (data/cables/samples): "¶1.  CONFIDENTIAL - ENTIRE TEXT."
        ("CONFIDENTIAL - ENTIRE TEXT.", "CONFIDENTIAL"),
        # 79TEHRAN8980 (data/cables/samples): "¶1. (C - ENTIRE TEXT)."
        ("(C - ENTIRE TEXT).", "CONFIDENTIAL"),
    ],
)
def test_entire_text_marks_are_in_the_markings_table(line: str, level: str) -> None:
    cable = parse_text(f"SECRET BAKU 000151\nSUBJECT: A TEST\n\n{line}\n\n1. Text.\n\n2. More.\n")
    mark = cable.paragraphs[0].marking
    assert marking_meaning(mark) != "not in the markings table"
    levels = portion_levels(cable)
    assert [portion.level for portion in levels] == [level, level]
    assert "in markings.csv" in levels[0].basis  # read from the table, not guessed by a letter
    assert levels[1].basis == "unmarked: ENTIRE TEXT mark"


def test_a_real_entire_text_paragraph_marks_the_cable() -> None:
    cable = load_cable(CORPUS.parents[1] / "cables" / "samples" / "90CAPETOWN97.txt")
    assert cable.paragraphs[0].marking == "CONFIDENTIAL - ENTIRE TEXT"
    assert {portion.level for portion in portion_levels(cable)} == {"CONFIDENTIAL"}
    assert "in markings.csv" in portion_levels(cable)[0].basis


@pytest.mark.parametrize(
    ("cable_id", "tags_line", "tags"),
    [
        # codes run together are split into them
        ("09PARIS1267", "TAGS: ECON EINDETRD KIPR PREL FR", ["ECON", "EIND", "ETRD", "KIPR", "PREL", "FR"]),
        # the two words after OVIP are a visitor's name; "AF" on the next line is a code
        ("09SANTIAGO324", "TAGS: OVIP BIDEN JOSEPH PREL ECON PGOV SOCI UK PK\nAF",
         ["OVIP", "BIDEN, JOSEPH", "PREL", "ECON", "PGOV", "SOCI", "UK", "PK", "AF"]),
        # a tag written twice is one tag
        ("06PARIS2242", "TAGS: KJUS FR KJUS PREL PGOV KCRM PTER", ["KJUS", "FR", "PREL", "PGOV", "KCRM", "PTER"]),
    ],
)  # fmt: skip
def test_tags_of_real_tags_lines(cable_id: str, tags_line: str, tags: list[str]) -> None:
    cable = corpus_cable(cable_id)
    assert tags_line in cable.text
    assert cable.tag_codes == tags


@pytest.mark.parametrize(
    ("fragment", "tags"),
    [
        # cablemap's cases tags_test_data-002 and -004: a word on the next line is no tag,
        # unless the TAGS line ends with a comma
        ("TAGS: something\nhere", ["SOMETHING"]),
        ("TAGS: something,\nhere", ["SOMETHING", "HERE"]),
        # tags_test_data-042: "TAGS: KCRM KWMN ASEC PHUMBA"
        (
            "TAGS: KCRM KWMN ASEC PHUMBA\nSUBJECT: X",
            ["KCRM", "KWMN", "ASEC", "PHUM", "BA"],
        ),
    ],
)
def test_tags_lines_of_fragments(fragment: str, tags: list[str]) -> None:
    assert read_fields(fragment)["tags"] == tags


@pytest.mark.parametrize(
    ("tail", "signer"),
    [
        # cablemap's signer cases: the name before a release stamp, a message-centre
        # note, a level line, a record-ID footer; a name with "##"; a name run onto
        # the last line of text before the junk
        ("RECENT MONTHS.\n\nSULLIVAN\n\nCONFIDENTIAL\n\nDeclassified/Released US Department "
         "of State EO Systematic\nReview 30 JUN 2006\n", "SULLIVAN"),
        ("QUIET.  END COMMENT.\n\nBARTHOLOMEW\n\nNOTE BY OC/T:  HEADING AS RECEIVED.  "
         "CORRECTION TO FOLLOW.\n", "BARTHOLOMEW"),
        ("IMAGE WHILE PROCEEDING WITH BUSINESS AS USUAL.\n\nGILLESPIE##\n", "GILLESPIE"),
        ("MONGOLIA'S AGENT IN CHINA.\n\nLORD\nLIMITED OFFICIAL USE\nNNNN", "LORD"),
        ("RABTA FOR ILLICIT B/CW PRODUCTION. \nSEMBLER \n \n      SECRET \n \n> \n"
         " 2002ROME01748 - Classification: SECRET", "SEMBLER"),
        ("     REPORT.  END OF TEXT. BAKER\n\n\nUNCLASSIFIED\n", "BAKER"),
    ],
)  # fmt: skip
def test_signer_before_end_junk(tail: str, signer: str) -> None:
    assert read_fields(tail)["signer"] == signer


@pytest.mark.parametrize(
    ("official", "name"),
    [
        ("Charge Affaires Daniel Speckhard", "Daniel Speckhard"),
        ("Classified by AIT DIR Stephen M. Young", "Stephen M. Young"),
        ("Acting Ecmin William Meara", "William Meara"),
        ("AMBASSADOR-AT-LARGE PIERRE-RICHARD PROSPER", "PIERRE-RICHARD PROSPER"),
    ],
)
def test_more_titles_of_classifying_officials(official: str, name: str) -> None:
    # cablemap's classified_by cases: title words of its lists and typos of them
    assert decode_official_name(official) == name


# -- issue 14, third round: cablemap's cases (real lines, the cable named by cablemap) -------


@pytest.mark.parametrize(
    ("fragment", "name"),
    [
        # 95DAMASCUS5748: initials with dots are no sentence end
        ("1. CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY:\nCHRISTOPHER W.S. ROSS, AMBASSADOR.  "
         "REASON: 1.5 (D) .", "CHRISTOPHER W.S. ROSS"),
        ("1.  CLASSIFIED BY POL/ECONOFF. S.K. ABEYTA.  REASON:  1.5(D)", "S.K. ABEYTA"),  # 96BOGOTA8773
        ("Classified By: A/DCM D.C. McCullough, reason para 1.4 (b)", "D.C. McCullough"),  # 05DHAKA3073
        # a place between the title and the name (96NAIROBI6573, 09STATE75025, 08STATE67468)
        ("1.  CLASSIFIED BY AMBASSADOR TO SUDAN TIMOTHY CARNEY.\nREASON 1.5(D).", "TIMOTHY CARNEY"),
        ("Classified By: Special Representative for Afghanistan and Pakistan \n"
         "Richard C. Holbrooke \n \n1.  (U)  This is an action request; see paragraph 4.",
         "Richard C. Holbrooke"),
        ("Classified By: SCA/DAS for Central Asia George Krol \n \n 1.  (C)", "George Krol"),
        # the reason written another way ends the name (06HONGKONG3559, 98USUNNEWYORK1638,
        # 05ROME3781, 03KUWAIT3762, 03SANAA1319, 04HARARE766, 09TIRANA81)
        ("CLASSIFIED BY: ACTING DEPUTY PRINCIPAL OFFICER LAURENT CHARBONNET.  REA \nSONS: 1.4 (B,D)",
         "LAURENT CHARBONNET"),
        ("CLASSIFIED BY DEPUTY POLITICAL COUNSEL0R HOWARD STOFFER \nPER 1.5 (B) AND (D).  "
         "ACTION REQUEST IN PARA 10 BELOW.", "HOWARD STOFFER"),
        ("Classified By: DCM ANNA BORG BASED ON E.O.12958 REASONS 1.4 (b) and (d)", "ANNA BORG"),
        ("Classified By: CDA FRANK URBANCIC BASED UPON REASONS 1.5 (B) AND (D)", "FRANK URBANCIC"),
        ("Classified By: CHARGE ALAN MISENHEIMER F0R REASONS 1.5 (B) AND (D)", "ALAN MISENHEIMER"),
        ("Classified By: DCM ROBERT E. WHITEHEAD DUE TO 1,4 (C) AND (D).", "ROBERT E. WHITEHEAD"),
        ("Classified By: AMBASSADOR JOHN L. WITHERS II FR REASONS 1.4 (b) AND (d \n).",
         "JOHN L. WITHERS II"),
        # "classified by" said again inside the line (06BEIJING22125, 09BEIJING2690, 08STATE104902)
        ("Classified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMIC AFFAIR \nS ROBERT LUKE; "
         "REASON 1.4 (B) AND (D).", "ROBERT LUKE"),
        ("Classified By: This message classified by Econ Minister Counselor \nWilliam Weinstein "
         "for reasons 1.4 (b), (d) and (e).", "William Weinstein"),
        ("Classified By: 1. CLASSIFIED BY NEA ASSISTANT SECRETARY DAVID WELCH \nREASONS: 1.4 (B) "
         "AND (D)", "DAVID WELCH"),
        # a name broken at the line's end (09KABUL2261, 04ANKARA5764, 07ASHGABAT350)
        ("Classified By: Interagency Provincial Affairs Deputy Coordinator Hoyt Y \nee for reasons "
         "1.4 (b) and (d)", "Hoyt Yee"),
        ("Classified By: Classified by Deputy Political Counselor Charles O. Blah \na, E.O. 12958, "
         "reasons 1.4 (b) and (d).", "Charles O. Blaha"),
        ("Classified By: Classified by Acting Charge d'Affaires, Ambassador Richa \nrd Hoagland, "
         "for reasons 1.4(B) and (D).", "Richard Hoagland"),
        # an initial without its dot (09KABUL1233); a title glued to the name (09BUDAPEST372,
        # 07NEWDELHI5334, 06ISLAMABAD3684)
        ("Classified By: PRT and Sub-National Governance Acting Director Patricia \n A McNerney for "
         "reasons 1.4 (b) and (d)", "Patricia A McNerney"),
        ("Classified By: Acting Pol/Econ Counselor:Steve Weston, \nreasons 1.4 (b and d)", "Steve Weston"),
        ("Classified By: Acting DCM/Ted Osius for reasons 1.4 (b and d)", "Ted Osius"),
        ("Classified By: AMB:RCROCKER, Reasons 1.4 (b) and (c)", "RCROCKER"),
        ("Classified By: EUR/PRA, Dir. AFriedt, Reason 1.4 (b/d)", "AFriedt"),  # 08STATE3581
        # "d,Affaires" is no list of reason letters (08BANGKOK1778)
        ("Classified By: Charge, d,Affaires a. i. James F. Entwistle, reason 1.4 \n(b) and (d).",
         "James F. Entwistle"),
        # misspelt titles (06COLOMBO123, 08TBILISI1121, 09TBILISI463, 97SOFIA3097, 05NEWDELHI8162)
        ("Classified By: Abassador Robert O. Blake, Jr. for reasons \n1.4 (b and (d).",
         "Robert O. Blake, Jr"),  # the official ends at "Jr."
        ("Classified By: Ambassadot John F. Tefft for reason 1.4 (b) and (d).", "John F. Tefft"),
        ("Classified By: AMBSSADOR JOHN F. TEFFT.  REASONS:  1.4 (B) AND (D).", "JOHN F. TEFFT"),
        ("1.(U)  CLASSIFIED BY AMBASSAD0R B0HLEN.  REAS0N: \n1.5(B,D).", "B0HLEN"),
        ("Classified By: Charge' Bob Blake for Reasons 1.4 (B, D)", "Bob Blake"),
        # a Classified By line naming cables, then the real one (05ANKARA7671); a corrected
        # copy's notice (00TELAVIV4462)
        ("Classified By: ADANA 222 \nADANA 216 \nADANA 207 \nANKARA 6772 \n \nClassified by DCM "
         "Nancy McEldowney; reasons 1.4 b and d.", "Nancy McEldowney"),
        ("C O N F I D E N T I A L TEL AVIV 004462 \n \n- - C O R R E C T E D  C O P Y - - "
         "CLASSIFIED BY LINE ADDED \n \nE.O. 12958: DECL: 08/24/05 \nTAGS: KWBG, PTER, PGOV, PREL, IS "
         "\nSUBJECT: BIN LADIN CONNECTION IN GAZA FOUND PUZZLING; \nCONNECTION TO HAMAS QUESTIONED \n"
         " \nCLASSIFIED BY DCM PSIMONS PER 1.5 (B) AND (D) \n", "PSIMONS"),
    ],
)  # fmt: skip
def test_classifying_officials_of_real_lines(fragment: str, name: str) -> None:
    assert decode_official_name(read_fields(fragment).get("classified_by")) == name


def test_no_official_where_the_line_names_none() -> None:
    # 95TELAVIV17504: the line gives the reason and the precedence, no name
    fragment = (
        "1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY SECTION 1.5 (B)\nAND (D).  NIACT "
        "PRECEDENCE BECAUSE OF GOVERNMENT CRISIS IN\nISRAEL.\n\n2.  SU"
    )
    assert decode_official_name(read_fields(fragment).get("classified_by")) is None
    # 09TRIPOLI771 (data/corpus): the name is redacted
    assert corpus_cable("09TRIPOLI771").classified_by.startswith("XXXXXXXXXXXX")
    assert decode_official_name(corpus_cable("09TRIPOLI771").classified_by) is None


def test_a_typists_zero_read_as_the_letter_o() -> None:
    # 96STATE183372: "CLASSIFIED BY LEE 0. COLDREN, DIRECTOR, SA/PAB,"
    name = decode_official_name(read_fields("1.  (U) CLASSIFIED BY LEE 0. COLDREN, DIRECTOR, SA/PAB, \n"
                                            "DEPARTMENT OF STATE. REASON: 1.5(D).").get("classified_by"))  # fmt: skip
    assert name == "LEE 0. COLDREN"
    assert normalise_official_name(name) == "LEE O. COLDREN"
    assert normalise_official_name("CABLE 1101") == "CABLE 1101"  # digits in numbers stay


@pytest.mark.parametrize(
    ("fragment", "year", "ids"),
    [
        # 08RIODEJANEIRO165: "RIO DE JAN" is a post (JAN no month here)
        ("SUBJECT: AMBASSADOR SOBEL MEETS WITH KEY ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN "
         "138; B) 08 RIO DE JAN 0044 and previous", 2008, ["08RIODEJANEIRO138", "08RIODEJANEIRO44"]),
        # 09NAIROBI1938: a REF block before the next page's banner
        ("REF: A. 08 STATE 81854\n\n\nS e c r e t nairobi 001938", 2009, ["08STATE81854"]),
        # 08TRIPOLI402: the cable's own page marker, cut by a blank line, is no reference
        ("REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402 \n\n001.2 OF 003", 2008,
         ["08TRIPOLI199", "08TRIPOLI227"]),
        # 04BRASILIA2680: an entry cut by a blank line before its serial
        ("REF:   A) BRASILIA 2605, B) BRASILIA 2447, C) RIO \n \nDE JANEIRO 1291", 2004,
         ["04BRASILIA2605", "04BRASILIA2447", "04RIODEJANEIRO1291"]),
        # 03KATHMANDU2366: REF: repeated after label A; the serial 2282 is no year
        ("REF: A. REF: KATHMANDU 2282 \n     ¶B. KATHMANDU 2298 \n\nClassified By: AM", 2003,
         ["03KATHMANDU2282", "03KATHMANDU2298"]),
        # 08CASABLANCA81: CASA is Casablanca; 09BAGHDAD1104: BASRA is REO Basrah (BASRAH)
        ("REF: (A) 05 CASA 1220 (B) 07 CASA 169", 2008, ["05CASABLANCA1220", "07CASABLANCA169"]),
        ("REF: ¶D. BAGHDAD 383 \n¶E. BASRA 17 \n¶F. BAGHDAD 1103", 2009,
         ["09BAGHDAD383", "09BASRAH17", "09BAGHDAD1103"]),
        # 05PARIS1699: "3/11" is a date (of an e-mail), no serial and year
        ("REF: A. PARIS 1610 \n\n¶B. KUJAWINSKI-FRANCE DESK 3/11 E-MAIL \n", 2005,
         ["05PARIS1610", None]),
    ],
)  # fmt: skip
def test_references_of_real_ref_blocks(fragment: str, year: int, ids: list[str]) -> None:
    assert [ref["id"] for ref in read_fields(fragment, year=year)["references"]] == ids


def test_tags_label_without_its_t_and_long_glued_codes() -> None:
    # 07BUENOSAIRES1673: "DECL: 08/22/2017 AGS: PGOV, PREL, ECON, SOCI, AR"
    fragment = "DECL: 08/22/2017 AGS: PGOV, PREL, ECON, SOCI, AR"
    assert read_fields(fragment)["tags"] == ["PGOV", "PREL", "ECON", "SOCI", "AR"]
    # 09CAIRO2205: nine codes run together, 34 letters
    fragment = "E.O. 12958: N/A TAGS: KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG\n\nSUBJECT: BLIND COPTIC"
    assert read_fields(fragment)["tags"] == [
        "KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG"
    ]  # fmt: skip


def test_subjects_of_real_lines() -> None:
    # cablemap's subject cases: SUBJECT without its colon; a subject in capitals running
    # into a line of prose; a subject's own marking
    fragment = "SUBJECT SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES\nREF A. RIYADH 1579"
    assert read_fields(fragment)["subject"] == "SAG AGREES TO USG STEPS TO PROTECT OIL FACILITIES"
    fragment = (
        "TAGS ENRG, EUN, ECON, EIND, KGHG, SENV, SW\nSUBJECT: SWEDISH DEPUTY PM URGES SENIOR USG "
        "VISITS TO SWEDEN DURING\nEU PRESIDENCY; WANTS TO LAUNCH U.S.-EU ALERNATIVE ENERGY "
        "PARTNERSHIP AT U.S.-EU SUMMIT\nThis is an Action request. Please see para 2.\n"
    )
    assert read_fields(fragment)["subject"].endswith("PARTNERSHIP AT U.S.-EU SUMMIT")
    subject = "(U) Secretary Clinton's July 14 conversation with Dutch Foreign Minister Verhagen"
    assert split_subject_marking(subject) == ("U", subject[4:])


# -- issue 14: the truncation audit (data/corpus/REVIEWED.md) --------------------------------


@pytest.mark.parametrize(
    ("cable_id", "last_lines", "signer"),
    [
        ("05PARIS1699", "End comment. / Leach / T ONE ORDERED RELEASED ON...", "Leach"),
        ("08BERLIN643", "… posed in the German nonpaper. / Timken jr", "Timken jr"),
        ("08LONDON1350", "Visit London’s Classified Website: http://…/Portal:Unit ed_Kingdom TUTTLE",
         "TUTTLE"),
        ("09BRASILIA1540", "… an autonomous offense. KUBISKE 2009-12-31", "KUBISKE"),
        ("09PRETORIA954", "… rings true for South Africa in 2009. LA LIME", "LA LIME"),
        ("09SANAA2208", "Local agent in Yemen: XXXXXXXXXXXX / End text. SECHE", "SECHE"),
        ("09SAOPAULO487", "WHITE / Track impresión: … propiedad de EL PAÍS / ID:\t187536", "WHITE"),
        ("09STATE63860", "… upon request. CLINTON / NNNN / End Cable Text / XXXXXXXXXXXX", "CLINTON"),
        ("10BOGOTA13", "End comment. / BROWNFIELD / EPET @ EL P", "BROWNFIELD"),
        ("10BRUSSELS183", "MURRAY / End Cable Text / Zenaida X Toledo 07/30/2008 04:04:14 PM From "
         "DB/Inbox: TRANS / .", "MURRAY"),
        # a name run onto the trailer's address
        ("06PARIS7755", "Please visit Paris’ Classified Website at: "
         "http://www.state.sgov.gov/p/eur/paris/index.c fm STAPLETON", "STAPLETON"),
        ("07LONDON4472", "Visit London’s Classified Website: "
         "http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle", "Tuttle"),
        ("08LONDON1115", "Visit London’s Classified Website: "
         "http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom LEBARON", "LEBARON"),
        ("08LONDON639", "Visit London’s Classified Website: "
         "http://www.state.sgov.gov/p/eur/london/index. cfm TUTTLE", "TUTTLE"),
    ],
)  # fmt: skip
def test_signed_cables_are_not_called_truncated(
    cable_id: str, last_lines: str, signer: str
) -> None:
    cable = corpus_cable(cable_id)
    assert cable.signer == signer
    assert "truncated" not in [defect.kind for defect in cable.defects]


def test_the_corpus_cables_that_really_stop_are_called_truncated() -> None:
    # 06KABUL3934 stops after its office lines: "CENTCOM FOR CG CFC-A, CG CJTF-76, POLAD \n ...";
    # 09KABUL3423 after "Classified By: Political Counselor Annie Pforzheimer, ..."
    truncated = [
        path.stem
        for path in sorted(CORPUS.glob("*.txt"))
        if "truncated" in [defect.kind for defect in load_cable(path).defects]
    ]
    assert truncated == ["06KABUL3934", "09KABUL3423"]


def test_a_cable_of_one_unnumbered_paragraph_ends_its_ref_at_the_paragraph() -> None:
    # 08KUALALUMPUR317: "REF: STATE 40380\n (SBU) Poloff delivered reftel demarche and
    # nonpaper …\nKEITH": the marked sentence opens the body, so it is no REF entry and
    # the signature after it is read.
    cable = corpus_cable("08KUALALUMPUR317")
    assert [(r.text, r.id) for r in cable.references] == [("STATE 40380", "08STATE40380")]
    assert cable.signer == "KEITH"
    assert len(cable.paragraphs) == 1
    assert cable.raw[cable.paragraphs[0].start :].startswith("(SBU) Poloff delivered reftel")


@pytest.mark.parametrize(
    "line", ["(U) Classified By: Ambassador Keith", "(C) BAGHDAD 342", "(SBU) SUBJECT: A DEMARCHE"]
)
def test_a_marked_field_or_ref_entry_is_no_unnumbered_paragraph(line: str) -> None:
    from cable_utils.parse.patterns import UNNUMBERED_PARAGRAPH

    assert UNNUMBERED_PARAGRAPH.search(line) is None
