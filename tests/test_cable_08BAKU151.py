"""Every field of 08BAKU151, checked against values written by reading the cable."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from cable_utils import load_cable
from cable_utils.source.normalise import normalise


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


def test_identity_and_date(cable):
    assert cable.id == "08BAKU151"
    assert cable.origin == "AMEMBASSY BAKU"
    assert cable.date == datetime(2008, 2, 19, 13, 47, tzinfo=UTC)
    assert cable.dtg == "191347Z FEB 08"
    assert cable.precedence == "PRIORITY"
    assert cable.serial == "000151"


def test_classification_and_handling(cable):
    assert cable.classification == "CONFIDENTIAL"
    assert cable.handling == ("SIPDIS",)  # written twice in the cable, one caveat
    assert cable.office == "FOR EUR/CARC"


def test_addressees(cable):
    assert [(a.routing_indicator, a.name, a.precedence, a.serial) for a in cable.to] == [
        ("RUEHC", "SECSTATE WASHDC", "PRIORITY", "4798")
    ]
    assert [(a.routing_indicator, a.name, a.serial) for a in cable.info] == [
        ("RUCNCIS", "CIS COLLECTIVE", None),
        ("RUEHAK", "AMEMBASSY ANKARA", "2654"),
        ("RUEHFR", "AMEMBASSY PARIS", "0484"),
        ("RUEHPS", "USOFFICE PRISTINA", "0199"),
        ("RUEHBS", "USEU BRUSSELS", None),
        ("RUEAIIA", "CIA WASHINGTON DC", None),
        ("RUEHVEN", "USMISSION USOSCE", "0824"),
        ("RHMFISS", "CDR USEUCOM VAIHINGEN GE", None),
        ("RUEKJCS", "SECDEF WASHDC", None),
    ]
    assert all(a.precedence == "PRIORITY" for a in cable.info)
    assert cable.to[0].routing_name == "DEPT OF STATE WASHINGTON DC"


def test_eo_tags_subject(cable):
    assert cable.eo == "12958"
    assert cable.decl_date == date(2018, 2, 19)
    assert cable.tag_codes == ["PREL", "PGOV", "PBTS", "KPAO", "AJ"]
    decoded = {t.code: t.description for t in cable.tags}
    assert decoded["AJ"] == "Azerbaijan"
    assert "Political" in decoded["PREL"]
    assert cable.subject == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"


def test_references(cable):
    assert [(r.label, r.text, r.id) for r in cable.references] == [
        ("A", "BAKU 00146", "08BAKU146"),
        ("B", "BAKU 00129", "08BAKU129"),
    ]


def test_classified_by_and_reasons(cable):
    assert cable.classified_by == "Deputy Chief of Mission Donald Lu"
    assert cable.reason_section == "1.4"
    assert [r.letter for r in cable.reasons] == ["b", "d"]
    assert "foreign government" in (cable.reasons[0].meaning or "").lower()
    assert "foreign relations" in (cable.reasons[1].meaning or "").lower()


def test_paragraphs(cable):
    got = [(p.number, p.marking, p.section) for p in cable.paragraphs]
    assert got == [
        (1, "C", None),
        (2, "C", None),
        (3, "U", "Media Reaction"),
        (4, "U", "Media Reaction"),
        (5, "C", "Comment"),
    ]
    assert cable.paragraphs[0].text.startswith("The GOAJ's initial response")
    assert cable.paragraphs[1].text.endswith("self-determination over territorial integrity.")
    assert cable.paragraphs[4].text.endswith("delink Kosovo's status from NK's status.")
    # Headings are not part of the paragraph before them.
    assert "Media Reaction" not in cable.paragraphs[1].text
    assert "-----" not in cable.paragraphs[3].text


def test_signer_and_no_warnings(cable):
    assert cable.signer == "DERSE"
    assert cable.warnings == ()


def test_paragraph_offsets_point_at_their_text(cable):
    for paragraph in cable.paragraphs:
        raw = cable.raw[paragraph.start : paragraph.end]
        assert raw.lstrip("¶").startswith(f"{paragraph.number}. ({paragraph.marking})")
        clean = " ".join(normalise(raw).text.split())
        assert clean.endswith(paragraph.text[-40:])
        assert paragraph.text[:40] in clean


EXPECTED_SEGMENT_TEXT = {
    "vzczc": r"^VZCZCXYZ0145$",
    "routing": r"^PP RUEHWEB$",
    "de_line": r"^DE RUEHKB #0151/01 0501347$",
    "security_line": r"^ZNY CCCCC ZZH$",
    "dtg": r"^P 191347Z FEB 08$",
    "from": r"^FM AMEMBASSY BAKU$",
    "to": r"^TO RUEHC/SECSTATE WASHDC PRIORITY 4798$",
    "info": r"^INFO RUCNCIS/CIS COLLECTIVE PRIORITY.*RUEKJCS/SECDEF WASHDC PRIORITY$",
    "banner": r"^C O N F I D E N T I A L BAKU 000151$",
    "handling": r"^SIPDIS$",
    "office": r"^FOR EUR/CARC$",
    "eo": r"^E\.O\. 12958: DECL: 02/19/2018$",
    "tags": r"^TAGS: \[PREL\]\(#\) \[PGOV\]\(#\) \[PBTS\]\(#\) \[KPAO\]\(#\) \[AJ\]\(#\)$",
    "subject": r"^SUBJECT: AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE$",
    "ref": r"^REF: A\. BAKU 00146\s+\[1\]\(#\)B\. BAKU 00129$",
    "classified_by": r"^Classified By: Deputy Chief of Mission Donald Lu for reasons 1\.4 \(b\) and \(d\)\.$",
    "section_heading": r"^(Media Reaction|Comment)\s+-----$",
    "paragraph": r"^[1-5]\. \((C|U)\) ",
    "signature": r"^DERSE$",
    "artifact": r"^(\[1\]\(#\)|¶|\[(PREL|PGOV|PBTS|KPAO|AJ)\]\(#\))$",
}


def test_every_segment_covers_what_it_claims(cable):
    kinds = {segment.kind for segment in cable.segments}
    assert kinds == set(EXPECTED_SEGMENT_TEXT)
    for segment in cable.segments:
        text = cable.raw[segment.start : segment.end]
        assert re.search(EXPECTED_SEGMENT_TEXT[segment.kind], text, re.S), (segment, text)


def test_segment_counts(cable):
    counts = {}
    for segment in cable.segments:
        counts[segment.kind] = counts.get(segment.kind, 0) + 1
    assert counts["paragraph"] == 5
    assert counts["handling"] == 2
    assert counts["section_heading"] == 2
    assert counts["artifact"] == 3 + 3 + 5  # [1](#) markers, pilcrows, TAG links


def test_addressee_and_tag_offsets(cable):
    for addressee in cable.addressees:
        assert cable.raw[addressee.start : addressee.end].startswith(
            f"{addressee.routing_indicator}/{addressee.name}"
        )
    for tag in cable.tags:
        assert cable.raw[tag.start : tag.end] == tag.code
    for reference in cable.references:
        assert cable.raw[reference.start : reference.end].endswith(reference.text)


def test_json_contract_keys_and_types(cable):
    data = cable.to_json_dict()
    assert list(data) == [
        "id", "origin", "date", "precedence", "classification", "handling", "to", "info",
        "eo", "decl_date", "tags", "subject", "references", "classified_by",
        "reason_section", "reasons", "paragraphs", "signer", "segments", "warnings", "defects",
    ]  # fmt: skip
    assert data["date"] == "2008-02-19T13:47:00Z"
    assert data["decl_date"] == "2018-02-19"
    assert data["reasons"] == ["b", "d"]
    assert set(data["to"][0]) == {"routing_indicator", "name", "precedence", "serial"}
    assert set(data["paragraphs"][0]) == {"number", "marking", "section", "text", "start", "end"}
    assert set(data["segments"][0]) == {"kind", "start", "end"}


def test_raw_text_is_the_file_as_received(cable):
    from cable_utils.source.paths import DATA_DIR

    assert cable.raw == (DATA_DIR / "cables" / "08BAKU151.txt").read_bytes().decode("utf-8")
