"""What the parsed parts of a cable mean, in words a student can read.

Everything here explains the *model*: segments, header fields, defects and
decoded values that :mod:`cable_utils.parse` has already read. Nothing here
reads the telegram text again, so a lesson's explanation can never disagree
with what the parser found.

- :func:`explain_header_field`: a transmission-header line, token by token;
- :func:`explain_segment`: any segment, decoded (the segment explorer);
- :data:`DEFECT_EXPLANATIONS` and :func:`explain_defect`: what each kind of
  defect means for a historian, and what to do (lessons, the remix tour).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SEGMENT_KINDS, Cable, Defect, HeaderField, Segment
from ..parse import takes_cable
from ..parse.decoding import DTG, DELine, decode_de_line, decode_dtg, decode_precedence
from ..reference import codes as reference

__all__ = [
    "DEFECT_EXPLANATIONS",
    "HEADER_KINDS",
    "DefectExplanation",
    "Token",
    "explain_de_line",
    "explain_defect",
    "explain_dtg",
    "explain_header_field",
    "explain_security_level",
    "explain_segment",
]

#: Segment kinds that make up the transmission header (read line by line).
HEADER_KINDS = ("vzczc", "routing", "de_line", "security_line", "dtg", "from", "to", "info")


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a header line and what it means."""

    text: str
    meaning: str


# -- values ----------------------------------------------------------------------------


def explain_dtg(dtg: DTG) -> str:
    """``191347Z FEB 08`` in words.

    >>> explain_dtg(decode_dtg("191347Z FEB 08"))
    "191347Z FEB 08 = day 19, 13:47 UTC (Z = 'Zulu' time), February 2008: 19 February 2008, 13:47 UTC"
    """
    moment = dtg.moment
    return (
        f"{dtg.text} = day {moment.day:02d}, {moment:%H:%M} UTC (Z = 'Zulu' time), "
        f"{moment:%B %Y}: {moment:%d %B %Y, %H:%M} UTC"
    )


def explain_de_line(de: DELine, year: int | None = None, dtg: DTG | None = None) -> list[Token]:
    """The DE line token by token; with the year, the day of the year as a date,
    and with the DTG, how far the two time stamps are apart."""
    when = de.moment(year) if year else None
    day_text = f"day {de.day_of_year:03d} of the year"
    if when is not None:
        day_text += f" ({when:%d %B %Y})"
    tokens = [
        Token("DE", "'from': the station that sent the message"),
        Token(
            de.station,
            "routing indicator of the sending station: "
            f"{de.station_name or 'not in the routing table'}",
        ),
        Token(f"#{de.serial}", "the sending station's serial number for this message"),
    ]
    if de.section:
        tokens.append(
            Token(f"/{de.section}", f"section {int(de.section)} of a message sent in sections")
        )
    tokens.append(
        Token(
            f"{de.day_of_year:03d}{de.time}",
            f"{day_text}, {de.time[:2]}:{de.time[2:]} UTC: when it was transmitted",
        )
    )
    if dtg is not None and year is not None and (sent := de.moment(year)) is not None:
        gap = abs((sent - dtg.moment).total_seconds()) / 60
        agreement = (
            "the same moment as the date-time group"
            if gap < 1
            else f"{gap:.0f} minutes from the date-time group"
        )
        tokens.append(Token("", f"{sent:%d %b %Y %H:%M} UTC is {agreement} {dtg.text}"))
    return tokens


_SECURITY_MEANINGS = {
    "ZNY": "security line of classified traffic",
    "ZNR": "security line of unclassified traffic",
    "CCCCC": "CONFIDENTIAL (the level's letter repeated five times)",
    "SSSSS": "SECRET",
    "UUUUU": "UNCLASSIFIED",
    "TTTTT": "TOP SECRET",
}


def explain_security_level(token: str) -> str:
    """A token of the security line (``ZNY``, ``CCCCC``, ``ZZH``) in words."""
    return _SECURITY_MEANINGS.get(token) or _operating_signal(token)


def _operating_signal(token: str) -> str:
    # Meanings come from data/reference/operating_signals.csv, which says where a meaning
    # rests on one community parser only (ZZH): the decoder must not sound surer than that.
    row = reference.operating_signals().get(token.upper())
    if row and row.get("meaning"):
        return f"operating signal {token}: {row['meaning']}"
    return "operating signal (not in our table)"


def _routing_meaning(indicator: str, role: str) -> str:
    row = reference.routing_indicators().get(indicator.upper())
    name = row.get("name") if row else None
    return f"routing indicator of {role}: {name or 'not in the ACP 117 table'}"


def _addressee_routing_meaning(indicator: str, written_name: str) -> str:
    """What a routing indicator stands for, with the table's age made visible.

    The names in our table come from the 2010 edition of the routing book (ACP 117);
    a cable of another year may pair the same indicator with another name
    (08BAKU151, 2008: RUEHPS/USOFFICE PRISTINA, where the 2010 table has
    AMEMBASSY PRINSTINA). The cable's own name is the better witness for its year.
    """
    row = reference.routing_indicators().get(indicator.upper())
    name = row.get("name") if row else None
    if not name:
        return "routing indicator: not in the ACP 117 table (read the name that follows)"
    if not written_name or _same_station(name, written_name):
        return f"routing indicator: {name}"
    return (
        f"routing indicator. This cable pairs it with {written_name}; our table, from the "
        f"2010 routing book (ACP 117), names it {name}. Indicators and names change over "
        "time: for this cable, read the name it gives"
    )


def _same_station(table_name: str, written_name: str) -> bool:
    def words(name: str) -> set[str]:
        return {w for w in re.split(r"[^A-Z0-9]+", name.upper()) if len(w) > 2}

    return words(written_name) <= words(table_name)


_KEYWORDS = {
    "VZCZC": "start-of-message signal of the telegraph format (ACP 127)",
    "DE": "'from': the station that sent the message",
    "FM": "from: the sender",
    "TO": "action addressee(s)",
    "INFO": "information addressee(s)",
}


def _part_token(field: HeaderField, name: str, text: str, position: int) -> Token:
    """One part of a header field in words (see :class:`~cable_utils.model.HeaderField`)."""
    if name == "keyword":
        return Token(text, _KEYWORDS.get(text, "header keyword"))
    if name == "channel":
        return Token(
            text,
            "channel designator (so the community parser cable2graph describes this "
            "position; what this designator named is not stated in our sources)",
        )
    if name == "serial" and field.kind == "vzczc":
        return Token(text, "the relay's serial number for this message")
    if name == "prosign" and field.kind == "routing":
        return Token(
            text, f"precedence prosign, doubled: {decode_precedence(text[0]) or 'unknown'}"
        )
    if name == "prosign":
        prosigns = [part for part, _ in field.parts if part == "prosign"]
        role = ""
        if len(prosigns) == 2:
            role = " (for action addressees)" if position == 0 else " (for information addressees)"
        return Token(text, f"precedence: {decode_precedence(text) or 'unknown'}{role}")
    if name == "routing_indicator" and field.kind == "routing":
        return Token(text, _routing_meaning(text, "a receiving station"))
    if name == "routing_indicator":
        return Token(text + "/", _addressee_routing_meaning(text, field.part("name") or ""))
    if name == "name" and field.kind == "from":
        return Token(text, "the sending post or office")
    if name == "name":
        return Token(text, "plain-language address (PLAD) of the station")
    if name == "precedence":
        return Token(text, "precedence for this addressee")
    if name == "serial":
        return Token(
            text,
            "message control number for this addressee (so our reference note calls it; "
            "what sequence it counts is not stated in our sources)",
        )
    if name in ("signal", "level"):
        return Token(text, explain_security_level(text))
    if name == "dtg":
        decoded = decode_dtg(text)
        return Token(text, explain_dtg(decoded) if decoded else "not a valid date-time group")
    return Token(text, "not explained")


@takes_cable
def explain_header_field(cable: Cable, field: HeaderField) -> list[Token]:
    """One line of the transmission header, token by token, from the parsed parts.

    >>> from cable_utils import load_cable
    >>> cable = load_cable("08BAKU151")
    >>> [token.text for token in explain_header_field(cable, cable.header[3])]
    ['ZNY', 'CCCCC', 'ZZH']
    """
    if field.kind == "de_line" and (de := _de_of(field)) is not None:
        year = cable.date.year if cable.date else None
        dtg = decode_dtg(cable.dtg) if cable.dtg else None
        return explain_de_line(de, year, dtg)
    tokens = []
    for position, (name, text) in enumerate(field.parts):
        tokens.append(_part_token(field, name, text, position))
    return tokens


def _de_of(field: HeaderField) -> DELine | None:
    """The decoded DE line of a ``de_line`` field (from its parts, not its raw text)."""
    section = field.part("section")
    text = f"DE {field.part('station')} #{field.part('serial')}"
    text += f"/{section}" if section else ""
    return decode_de_line(f"{text} {field.part('julian')}")


# -- segments ---------------------------------------------------------------------------

_ARTIFACTS = {
    "linktext": "a TAGS code turned into a link ([PREL](#)) by the web page the text was copied "
    "from; the telegram had the bare code",
    "marker": "'[1](#)': a footnote-style link left by the web page; not part of the telegram",
    "pilcrow": "'¶': a paragraph sign added by the web page before a paragraph number",
}


def _marking_meaning(marking: str | None) -> str:
    if not marking:
        return "no portion marking"
    row = reference.markings().get(marking.upper())
    return row["meaning"] if row else "not in the markings table"


@takes_cable
def explain_segment(cable: Cable, segment: Segment) -> list[tuple[str, str]]:
    """What a segment says, decoded from the model: (item, explanation) rows. Any cable."""
    kind = segment.kind
    rows: list[tuple[str, str]] = [("kind", f"{kind}: {SEGMENT_KINDS.get(kind, '')}")]
    rows.extend(_segment_rows(cable, segment))
    rows.append(("offsets", f"raw characters {segment.start}–{segment.end}"))
    return rows


def _segment_rows(cable: Cable, segment: Segment) -> list[tuple[str, str]]:
    kind = segment.kind
    raw = cable.raw[segment.start : segment.end]
    if kind in HEADER_KINDS:
        fields = [f for f in cable.header if segment.start <= f.start and f.end <= segment.end]
        return [
            (token.text or "→", token.meaning)
            for field in fields
            for token in explain_header_field(cable, field)
        ]
    if kind == "banner":
        rows = [
            ("classification", cable.classification or "not recognised"),
            ("meaning", _marking_meaning(cable.classification)),
        ]
        if cable.id:
            rows.append(
                ("origin and serial", f"{cable.origin or '?'}, serial → cable ID {cable.id}")
            )
        return rows
    if kind == "handling":
        word = re.sub(r"\s+", " ", raw).strip().upper()
        row = reference.markings().get(word)
        return [(word, row["meaning"] if row else "a handling caveat (not in our table)")]
    if kind == "office":
        return [
            (
                cable.office or raw.strip(),
                "the office in Washington the cable is meant for; what the office symbol "
                "stands for is not verified in our sources: an open question",
            )
        ]
    if kind == "eo":
        return [
            ("order", f"Executive Order {cable.eo}" if cable.eo else "not recognised"),
            ("declassify on", str(cable.decl_date) if cable.decl_date else "not stated"),
        ]
    if kind == "tags":
        return [
            (t.code, f"{t.description or 'not in the TAGS table'} ({t.kind or 'unknown kind'})")
            for t in cable.tags
        ]
    if kind == "subject":
        return [("subject", cable.subject or raw.strip())]
    if kind == "ref":
        return [
            (f"{r.label or '-'}. {r.text}", f"cable ID {r.id}" if r.id else "not a cable number")
            for r in cable.references
        ]
    if kind == "classified_by":
        section = cable.reason_section or "?"
        return [("classified by", cable.classified_by or "not recognised")] + [
            (f"reason {section} ({r.letter})", r.meaning or "not in the reasons table")
            for r in cable.reasons
        ]
    if kind in ("paragraph", "text"):
        paragraph = next((p for p in cable.paragraphs if p.start == segment.start), None)
        if paragraph is None:
            return []
        return [
            ("number", str(paragraph.number) if paragraph.number else "unnumbered"),
            (
                "portion marking",
                f"({paragraph.marking or '-'}): {_marking_meaning(paragraph.marking)}",
            ),
            ("section", paragraph.section or "(main text)"),
            ("words", str(paragraph.word_count)),
        ]
    if kind == "artifact":
        return [(raw.strip(), _ARTIFACTS.get(segment.label, "added when the text was copied"))]
    if kind == "signature":
        return [("signed", cable.signer or raw.strip())]
    if kind == "section_heading":
        return [("heading", segment.label or raw.strip())]
    return []


# -- defects ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DefectExplanation:
    """What a kind of defect means for a historian, and what to do about it."""

    topic: str
    meaning: str
    what_to_do: str


#: One explanation per defect kind (``tests/test_defects.py`` keeps the keys equal
#: to :data:`cable_utils.model.DEFECT_KINDS`).
DEFECT_EXPLANATIONS: dict[str, DefectExplanation] = {
    "not_utf8": DefectExplanation(
        "Encoding",
        "The file was saved in an older Windows encoding, as many copies converted from "
        "PDF are. The text could still be read, but curly quotes, dashes and accented "
        "letters may differ from the original.",
        "Before quoting a name with accents or special characters, compare it with "
        "another edition of the cable.",
    ),
    "invalid_dtg": DefectExplanation(
        "Date",
        "The date-time group is there but does not form a real date (a typing or "
        "transcription slip, or damage in the copy). The cable's date cannot be "
        "taken from it.",
        "Take the date from the publisher's metadata and say in your citation where it came from.",
    ),
    "de_line_disagrees_with_dtg": DefectExplanation(
        "Date",
        "The two time stamps of the header (the DE line's day of the year and the "
        "date-time group) disagree by more than two days. One of them may be mistyped, "
        "or the copy joins parts of two messages.",
        "Check the date in another edition; do not build an argument on the exact day.",
    ),
    "id_disagrees_with_text": DefectExplanation(
        "Identity",
        "The ID the file was given does not match the ID that the text itself implies "
        "(year, post and serial). The file may be misnamed, or the record may contain "
        "a different cable from the one its name promises.",
        "Find out which cable you really have before you cite it: compare the SUBJECT "
        "and serial with the publisher's catalogue.",
    ),
    "de_line_disagrees_with_banner": DefectExplanation(
        "Identity",
        "The serial number in the transmission header differs from the one in the "
        "classification banner. Relayed or re-sent messages can do this; so can a copy "
        "put together from two records.",
        "Note both numbers; cite the banner's serial, which is the one in the cable ID.",
    ),
    "no_subject": DefectExplanation(
        "Subject",
        "No SUBJECT line was found. Some cables have none, and some copies lost it. "
        "Catalogues and search engines lean on the subject, so such a cable is easy to "
        "overlook.",
        "Describe the subject in your own words and say that the cable has no SUBJECT line.",
    ),
    "duplicate_paragraph_number": DefectExplanation(
        "Body",
        "The paragraph numbers repeat: a slip made when the cable was typed, or a "
        "paragraph lost or inserted in this copy. References such as 'paragraph 4' "
        "become ambiguous.",
        "When you cite a paragraph, quote its first words too, so a reader can find it.",
    ),
    "no_paragraphs": DefectExplanation(
        "Body",
        "The body has no numbered paragraphs: an older or very short message, or a copy "
        "that lost its body. Tools that work paragraph by paragraph (the paragraph "
        "browser, the redaction simulator) have little to show.",
        "Read the body as continuous text, and check whether the copy is complete.",
    ),
    "no_banner": DefectExplanation(
        "Classification",
        "No classification banner (CONFIDENTIAL, SECRET …) was found, so the text does "
        "not tell us how the cable was classified. The copy may have lost its front "
        "matter, or the banner is written in an unusual way.",
        "Take the classification from the publisher's metadata, say so, and do not guess "
        "from the content.",
    ),
    "garbled_banner": DefectExplanation(
        "Classification",
        "The classification banner is damaged in this copy: a letter doubled, missing or "
        "added (SS E C R E T, UUNCLAS, E C R E T), a slip of the release's conversion. "
        "The level could still be read from it.",
        "Read the level as the banner meant it, and check it against the header's security "
        "line (ZNY SSSSS) or the catalogue.",
    ),
    "banner_disagrees_with_header": DefectExplanation(
        "Classification",
        "The banner's classification level is not the one of the header's security line "
        "(ZNY CCCCC means CONFIDENTIAL, SSSSS SECRET, UUUUU UNCLASSIFIED). Where the banner "
        "names another post, it belongs to another cable run into this record, and the "
        "header's level is taken.",
        "Compare both with the catalogue, and say in your citation which one you follow.",
    ),
    "no_dtg": DefectExplanation(
        "Date",
        "No date-time group was found, so the cable has no date of its own. Any date "
        "you give it comes from somewhere else (the catalogue, the serial, the content).",
        "Cite the source of the date you use, and treat ordering against other cables with care.",
    ),
    "export_row": DefectExplanation(
        "Provenance",
        "The cable came inside a row of a database export (the cables.csv layout of the "
        "2011 release), not as a telegram on its own. The row's other fields are "
        "metadata added by the publisher, not part of the cable.",
        "Cite the cable, not the export row; the row's date and classification are the "
        "publisher's metadata and may be checked against the text.",
    ),
    "wrapper": DefectExplanation(
        "Provenance",
        "The file begins with lines that someone added before the telegram (an e-mail "
        "or a print-out header). They tell you how this copy travelled, not what the "
        "cable said.",
        "Read the wrapper as evidence about the copy's history, and keep it out of quotes "
        "from the cable.",
    ),
    "truncated": DefectExplanation(
        "Completeness",
        "The text seems to stop before the end of the message. Whatever the missing part "
        "said (often the comment or the signature) is unknown.",
        "Look for a complete edition; do not argue from what the cable does not say.",
    ),
    "partial_extract": DefectExplanation(
        "Completeness",
        "The record says itself that it is only an extract of the cable: the publisher "
        "left parts of the text out, so what is there is incomplete by design.",
        "Look for a complete edition; do not argue from what the cable does not say.",
    ),
    "spliced_record": DefectExplanation(
        "Identity",
        "The file holds more than one record: from the place shown on, the text is "
        "another cable's, run into this one by the publisher's database (a data error "
        "of the release, not of the cable).",
        "Separate the records before reading, and check which parts belong to which ID.",
    ),
}


def explain_defect(defect: Defect) -> DefectExplanation:
    """What ``defect`` means for a historian, in plain words (by its kind, never its wording).

    >>> explain_defect(Defect("no_banner", None, None, "no classification banner was found")).topic
    'Classification'
    """
    return DEFECT_EXPLANATIONS[defect.kind]
