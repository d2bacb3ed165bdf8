"""The model of a cable: frozen, typed, and tied to the source text.

Every part that was read from the text carries ``start``/``end``: half-open
character offsets into :attr:`Cable.raw`, the text exactly as received. So
``cable.raw[part.start:part.end]`` shows what the part was read from, and a
notebook can highlight it.

The model imports no third-party library; pandas views live in
:mod:`cable_utils.views.tables` and are reached through methods that import it lazily.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "DEFECT_KINDS",
    "Addressee",
    "Cable",
    "CorpusRow",
    "Defect",
    "HeaderField",
    "OffsetMap",
    "Paragraph",
    "Reason",
    "Reference",
    "SEGMENT_KINDS",
    "Segment",
    "Tag",
]

#: Segment kinds, in the order they usually appear, with a short description
#: (the segment explorer's legend uses these words).
SEGMENT_KINDS: dict[str, str] = {
    "preamble": "text added before the telegram (a print-out or database wrapper)",
    "distribution": "office distribution block (INFO LOG-00 …, ACTION …)",
    "page_header": "page header or page marker from a printed copy",
    "vzczc": "start-of-message line (VZCZC + channel + serial)",
    "routing": "precedence prosigns and the receiving station's routing indicator",
    "de_line": "DE line: originating station, serial, section, day-of-year and time",
    "security_line": "security line (ZNY CCCCC = confidential traffic) and operating signals",
    "dtg": "precedence and date-time group",
    "from": "FM: the sender",
    "to": "TO: the action addressees",
    "info": "INFO: the information addressees",
    "banner": "classification banner with the origin and serial number",
    "handling": "handling caveat (SIPDIS, NOFORN, SENSITIVE …)",
    "office": "office line: who in the Department should act (FOR EUR/CARC)",
    "eo": "Executive Order line with the declassification date",
    "tags": "TAGS: subject, program and country codes",
    "subject": "SUBJECT line",
    "ref": "REF: earlier messages this cable answers or cites",
    "classified_by": "who classified the cable and for which reasons",
    "summary": "a summary block",
    "section_heading": "a heading inside the body (Media Reaction, Comment …)",
    "paragraph": "a numbered paragraph with its portion marking",
    "text": "body text outside numbered paragraphs",
    "signature": "the signature (the chief of mission or the Secretary)",
    "end": "end-of-message marker or footer",
    "artifact": "a web-scrape artifact ([1](#), ¶, link brackets, hard line breaks)",
    "other_record": "text of another cable run into this file (a data error of the published record)",
}


def _check_kind(kind: str, known: Iterable[str], what: str) -> None:
    """Raise ValueError for a ``kind`` that is not one of ``known``, with the closest names."""
    if kind in known:
        return
    import difflib

    close = difflib.get_close_matches(str(kind), sorted(known), n=3)
    hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise ValueError(f"{kind!r} is not a {what} kind{hint} (the kinds: {', '.join(sorted(known))})")


#: The kinds of :class:`Defect` the parser reports: a closed set, so that a
#: lesson can explain each kind (``cable_utils.analysis.explain.DEFECT_EXPLANATIONS``
#: has one entry per kind, and a test keeps the two in step) and a test can
#: assert one without matching the wording of its message.
DEFECT_KINDS: frozenset[str] = frozenset(
    {
        "not_utf8",  # the file was not UTF-8 and was decoded as cp1252 or Latin-1
        "export_row",  # the text is wrapped in a database-export (cables.csv) row
        "wrapper",  # lines added before the telegram (an e-mail or print-out header)
        "spliced_record",  # the text runs on into another cable's record
        "partial_extract",  # the record says it is an extract
        "truncated",  # the text stops mid-record
        "invalid_dtg",  # a date-time group that is no real date
        "no_dtg",  # no date-time group at all
        "de_line_disagrees_with_dtg",  # the DE line's day and the DTG differ by > 48 h
        "de_line_disagrees_with_banner",  # the DE line's serial is not the banner's
        "id_disagrees_with_text",  # the file name's ID is not the one the text gives
        "no_banner",  # no classification banner
        "garbled_banner",  # the banner's level word is damaged (SS E C R E T, UUNCLAS)
        "banner_disagrees_with_header",  # the banner's level is not the security line's
        "no_subject",  # no SUBJECT line
        "no_paragraphs",  # no numbered paragraph
        "duplicate_paragraph_number",  # a paragraph number used twice
    }
)


@dataclass(frozen=True, slots=True)
class Defect:
    """Something wrong with the text as received, found while parsing it.

    ``kind`` is one of :data:`DEFECT_KINDS`; ``start``/``end`` are raw offsets of
    the place the defect is about, or ``None`` when it has no place (a missing
    SUBJECT line is nowhere). ``message`` says it in a sentence, naming what
    was seen; it is what :attr:`Cable.warnings` lists.

    >>> Defect("no_subject", None, None, "no SUBJECT line was found").to_dict()["kind"]
    'no_subject'
    """

    kind: str
    start: int | None
    end: int | None
    message: str

    def __post_init__(self) -> None:
        if self.kind not in DEFECT_KINDS:
            raise ValueError(
                f"unknown defect kind {self.kind!r}; the kinds are {sorted(DEFECT_KINDS)}"
            )

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "message": self.message}


class OffsetMap(Protocol):
    """Maps offsets of a cable's normalised text (``cable.text``) to its raw text and back.

    :class:`cable_utils.source.normalise.NormalisedText` is the one
    implementation; the model names only what it needs of it.
    """

    def to_raw(self, start: int, end: int) -> tuple[int, int]: ...

    def to_clean(self, raw_position: int) -> int: ...


@dataclass(frozen=True, slots=True)
class Segment:
    """A region of the raw text and what it is."""

    kind: str
    start: int
    end: int
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class HeaderField:
    """One line of the transmission header as the parser read it.

    ``kind`` is the line's segment kind (``de_line``, ``dtg``, ``to`` …) and
    ``parts`` its pieces in the order written, each ``(name, text)``: for
    ``DE RUEHKB #0151/01 0501347`` they are ``keyword DE``, ``station RUEHKB``,
    ``serial 0151``, ``section 01`` and ``julian 0501347``. ``start``/``end``
    are the line's raw offsets. The header decoder explains these parts; it
    never reads the line again.
    """

    kind: str
    parts: tuple[tuple[str, str], ...]
    start: int
    end: int

    def part(self, name: str) -> str | None:
        """The text of the first part called ``name``, or None."""
        return next((text for part, text in self.parts if part == name), None)


@dataclass(frozen=True, slots=True)
class Addressee:
    """One addressee of a TO or INFO line (``RUEHC/SECSTATE WASHDC PRIORITY 4798``)."""

    role: str  # "to" or "info"
    routing_indicator: str | None
    name: str
    precedence: str | None
    serial: str | None
    start: int
    end: int
    routing_name: str | None = None  # the RI's name in the routing table, if known

    def to_dict(self) -> dict[str, Any]:
        return {
            "routing_indicator": self.routing_indicator,
            "name": self.name,
            "precedence": self.precedence,
            "serial": self.serial,
        }


@dataclass(frozen=True, slots=True)
class Tag:
    """A TAGS code with its decoded description (``None`` when unknown)."""

    code: str
    description: str | None
    kind: str | None  # subject / program / geographic / organisation
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reference:
    """A REF entry: ``A. BAKU 00146`` → label ``A``, id ``08BAKU146``."""

    label: str | None
    text: str
    id: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "id": self.id}


@dataclass(frozen=True, slots=True)
class Reason:
    """A classification reason letter and its meaning under the cable's order."""

    letter: str
    meaning: str | None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body; ``number`` is ``None`` for unnumbered text."""

    number: int | None
    marking: str | None
    section: str | None
    text: str
    start: int
    end: int

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "marking": self.marking,
            "section": self.section,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Cable:
    """A parsed cable. Build one with :func:`cable_utils.load_cable` or :meth:`from_text`."""

    raw: str
    text: str
    id: str | None = None
    origin: str | None = None
    date: datetime | None = None
    precedence: str | None = None
    classification: str | None = None
    handling: tuple[str, ...] = ()
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    office: str | None = None
    eo: str | None = None
    decl_date: date | str | None = None
    tags: tuple[Tag, ...] = ()
    subject: str | None = None
    references: tuple[Reference, ...] = ()
    classified_by: str | None = None
    reason_section: str | None = None
    reasons: tuple[Reason, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    signer: str | None = None
    segments: tuple[Segment, ...] = ()
    defects: tuple[Defect, ...] = ()
    header: tuple[HeaderField, ...] = ()  # the transmission header, line by line
    dtg: str | None = None
    de_line: str | None = None
    serial: str | None = None
    section: tuple[int, int] | None = None  # (this section, of how many)
    source: str | None = None  # the file it came from, if any
    # A note that the cable was declassified ("DECLASSIFIED JUNE 21, 2006",
    # "Declassified/Released US Department of State EO Systematic Review …").
    declassification_note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    #: The map between ``text`` and ``raw`` (see :meth:`to_raw`); ``None`` only
    #: for a cable built by hand, whose ``text`` is its ``raw``.
    offsets: OffsetMap | None = field(default=None, compare=False, repr=False)

    # -- construction ---------------------------------------------------------
    @classmethod
    def from_text(
        cls, text: str, *, source: str | None = None, cable_id: str | None = None
    ) -> Cable:
        """Parse a cable from a string (for pasted text or tests)."""
        from .parse.parser import parse_text

        return parse_text(text, source=source, cable_id=cable_id)

    # -- reading back ---------------------------------------------------------
    @property
    def warnings(self) -> tuple[str, ...]:
        """The messages of :attr:`defects`, in the order they were found."""
        return tuple(defect.message for defect in self.defects)

    def defects_of(self, kind: str) -> list[Defect]:
        """The defects of one kind (:data:`DEFECT_KINDS`); a kind that does not exist is an error."""
        _check_kind(kind, DEFECT_KINDS, "defect")
        return [defect for defect in self.defects if defect.kind == kind]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of ``text[start:end]``: analysis finds things in the normalised
        ``text`` and reports them with this, so it never normalises ``raw`` again.

        >>> cable = Cable.from_text("SUBJECT: A TEST[1](#)\\n\\n1. (C) Text.\\n")
        >>> start = cable.text.index("Text")
        >>> cable.raw[slice(*cable.to_raw(start, start + 4))]
        'Text'
        """
        if self.offsets is None:
            return self._identity(start, end)
        return self.offsets.to_raw(start, end)

    def to_clean(self, raw_position: int) -> int:
        """The offset in ``text`` of the first character read from ``raw`` at or after
        ``raw_position`` (``len(text)`` when none is)."""
        if self.offsets is None:
            return self._identity(raw_position, raw_position)[0]
        return self.offsets.to_clean(raw_position)

    def _identity(self, start: int, end: int) -> tuple[int, int]:
        if self.text != self.raw:
            raise ValueError(
                "this Cable has no offset map; build it with load_cable() or Cable.from_text()"
            )
        start = min(max(start, 0), len(self.text))
        return start, min(max(end, start), len(self.text))

    def raw_text_of(self, part: Any) -> str:
        """The raw characters a segment, paragraph or field was read from."""
        return self.raw[part.start : part.end]

    def segments_of(self, kind: str) -> list[Segment]:
        """The segments of one kind (:data:`SEGMENT_KINDS`); a kind that does not exist is an error.

        (An empty list would read as "this cable has none" for a misspelt kind.)
        """
        _check_kind(kind, SEGMENT_KINDS, "segment")
        return [segment for segment in self.segments if segment.kind == kind]

    def paragraph(self, number: int | str) -> Paragraph:
        """The paragraph numbered ``number`` (``3`` or ``"3"``, as typed into a box)."""
        if isinstance(number, str) and number.strip().isdigit():
            number = int(number)
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        numbers = [p.number for p in self.paragraphs if p.number is not None]
        raise KeyError(f"{self.id or 'this cable'} has no paragraph {number!r}; it has {numbers}")

    @property
    def addressees(self) -> tuple[Addressee, ...]:
        return self.to + self.info

    @property
    def tag_codes(self) -> list[str]:
        return [tag.code for tag in self.tags]

    # -- JSON contract --------------------------------------------------------
    def to_json_dict(self) -> dict[str, Any]:
        """The stable JSON contract of ``python -m cable_utils show --json``."""
        decl: str | None
        decl = self.decl_date.isoformat() if isinstance(self.decl_date, date) else self.decl_date
        return {
            "id": self.id,
            "origin": self.origin,
            "date": self.date.isoformat().replace("+00:00", "Z") if self.date else None,
            "precedence": self.precedence,
            "classification": self.classification,
            "handling": list(self.handling),
            "to": [a.to_dict() for a in self.to],
            "info": [a.to_dict() for a in self.info],
            "eo": self.eo,
            "decl_date": decl,
            "tags": self.tag_codes,
            "subject": self.subject,
            "references": [r.to_dict() for r in self.references],
            "classified_by": self.classified_by,
            "reason_section": self.reason_section,
            "reasons": [r.letter for r in self.reasons],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "signer": self.signer,
            "segments": [s.to_dict() for s in self.segments],
            "warnings": list(self.warnings),
            "defects": [d.to_dict() for d in self.defects],
        }

    # -- pandas views (lazy import) ---------------------------------------------
    def paragraphs_frame(self) -> pd.DataFrame:
        from .views.tables import paragraphs_table

        return paragraphs_table(self)

    def addressees_frame(self) -> pd.DataFrame:
        from .views.tables import addressees_table

        return addressees_table(self)

    def segments_frame(self) -> pd.DataFrame:
        from .views.tables import segments_table

        return segments_table(self)

    def references_frame(self) -> pd.DataFrame:
        from .views.tables import references_table

        return references_table(self)

    def tags_frame(self) -> pd.DataFrame:
        from .views.tables import tags_table

        return tags_table(self)

    # -- display --------------------------------------------------------------
    def __repr__(self) -> str:
        when = self.date.strftime("%d %b %Y %H:%MZ") if self.date else "undated"
        return (
            f"<Cable {self.id or '(no id)'} · {self.origin or 'unknown origin'} · {when} · "
            f"{self.classification or 'unclassified?'} · {self.subject or '(no subject)'}>"
        )

    def _repr_html_(self) -> str:
        from .views.render import summary_card_html

        return summary_card_html(self)


class CorpusRow(NamedTuple):
    """One cable of a corpus, as the columns of a corpus table (:data:`CORPUS_COLUMNS`).

    A row, not a cable: it holds the fields a table of many cables needs and no
    offsets (a row has no text to point into; load the cable for those). It is a
    named tuple, so it is a row of a CSV file or a DataFrame as it stands.
    """

    id: str | None
    date: str | None  # ISO 8601, UTC ("2008-02-19T13:47:00Z")
    origin: str | None
    classification: str | None
    subject: str | None
    tags: list[str]
    references: list[str]  # canonical IDs of the REF entries that name a cable
    reference_labels: list[str]  # their letters, "-" if none
    signer: str | None
    paragraphs: int  # numbered paragraphs
    warnings: list[str]
    error: str | None  # why the cable could not be read, or None
    source: str

    @classmethod
    def of_cable(cls, cable: Cable, *, source: str = "") -> CorpusRow:
        """The row of a parsed cable."""
        references = [r for r in cable.references if r.id]
        return cls(
            cable.id,
            cable.date.isoformat().replace("+00:00", "Z") if cable.date else None,
            cable.origin,
            cable.classification,
            cable.subject,
            [tag.code for tag in cable.tags],
            [r.id for r in references],
            [r.label or "-" for r in references],
            cable.signer,
            sum(1 for p in cable.paragraphs if p.number is not None),
            list(cable.warnings),
            None,
            source,
        )
