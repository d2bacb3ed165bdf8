"""Issue 14: each fix of the parser, tested on the real line of a real cable (data/corpus).

The line each test is about is quoted in it; ``make corpus-check`` gives the
numbers over the whole corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.model import Cable
from cable_utils.parse import parse_text, read_fields
from cable_utils.parse.decoding import decode_official_name
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
        for word in ("IIR", "POINTS", "JAN", "DSCG", "DAILY", "ZJUN")
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
