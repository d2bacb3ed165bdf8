"""The model of a cable: frozen, typed, and tied to the source text.

Every part that was read from the text carries ``start``/``end``: half-open
character offsets into :attr:`Cable.raw`, the text exactly as received. So
``cable.raw[part.start:part.end]`` shows what the part was read from, and a
notebook can highlight it.

The model imports no third-party library; pandas views live in
:mod:`cable_utils.views.tables` and are reached through methods that import it lazily.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Addressee",
    "Cable",
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
    warnings: tuple[str, ...] = ()
    dtg: str | None = None
    de_line: str | None = None
    serial: str | None = None
    section: tuple[int, int] | None = None  # (this section, of how many)
    source: str | None = None  # the file it came from, if any
    # A note that the cable was declassified ("DECLASSIFIED JUNE 21, 2006",
    # "Declassified/Released US Department of State EO Systematic Review …").
    declassification_note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # -- construction ---------------------------------------------------------
    @classmethod
    def from_text(
        cls, text: str, *, source: str | None = None, cable_id: str | None = None
    ) -> Cable:
        """Parse a cable from a string (for pasted text or tests)."""
        from .parse.parser import parse_text

        return parse_text(text, source=source, cable_id=cable_id)

    # -- reading back ---------------------------------------------------------
    def raw_text_of(self, part: Any) -> str:
        """The raw characters a segment, paragraph or field was read from."""
        return self.raw[part.start : part.end]

    def segments_of(self, kind: str) -> list[Segment]:
        return [segment for segment in self.segments if segment.kind == kind]

    def paragraph(self, number: int) -> Paragraph:
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        numbers = [p.number for p in self.paragraphs if p.number is not None]
        raise KeyError(f"{self.id or 'this cable'} has no paragraph {number}; it has {numbers}")

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
