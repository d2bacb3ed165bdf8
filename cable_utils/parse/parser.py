"""``parse_text``: the one path from raw text to a :class:`~cable_utils.model.Cable`.

raw text → :func:`~cable_utils.source.normalise.normalise` (offset map) → header →
banner and front matter → body → model. Everything the readers find is
recorded with raw offsets; everything that looks wrong becomes a typed :class:`~cable_utils.model.Defect`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..errors import DefectError, EmptyCableError, NotACableError
from ..model import Cable, CorpusRow, Paragraph, Reason, Reference, Segment, Tag
from ..source.normalise import normalise
from .body import read_body, search_paragraph_start
from .context import ParseContext
from .decoding import (
    decode_de_line,
    decode_decl_date,
    decode_dtg,
    decode_precedence,
    decode_reasons,
    decode_tag,
    tag_codes,
)
from .front_matter import find_banner, find_banner_anywhere, read_front_matter
from .header import read_header
from .patterns import DTG_START, SECURITY_LEVELS, UNNUMBERED_PARAGRAPH, VZCZC_LINE
from .references import Cited, read_references
from .scan import search_after_breaks

__all__ = ["parse_row", "parse_text"]

_WHITESPACE = re.compile(r"\s+")  # compiled once: it runs for every field

_REASON_SECTION = re.compile(r"\b1\s*\.\s*([45])\b")
_REASON_LETTER = re.compile(r"(?<![A-Za-z])([a-hA-H])(?![A-Za-z])")
_LETTER_LIST = re.compile(
    r"\(?\s*\b([a-hA-H])\s*\)?(?:\s*(?:,|and|/|&)\s*\(?\s*\b[a-hA-H]\b\s*\)?)+\s*\.?\s*$"
)
_OFFICIAL_END = re.compile(
    r"(?<!\s)\s*(?:[,;:]?\s*\b(?:for\s+)?reasons?\b|[,;:]\s*1\s*\.\s*[45]\b"
    r"|,\s*\(?[a-h]\)?\s*(?:and|,|/)\s*\(?[a-h]\b)",  # not "Charge, d,Affaires"
    re.I,
)


def parse_text(
    text: str,
    *,
    source: str | None = None,
    cable_id: str | None = None,
    notes: Iterable[str] = (),
    strict: bool = False,
) -> Cable:
    """Parse the text of one cable. Raises :class:`NotACableError` for text that is not a cable.

    ``notes`` are what reading the source had to do (:func:`cable_utils.source.loading.decode_bytes`
    says when a file was not UTF-8); each becomes a ``not_utf8`` defect. What looks
    wrong in the text becomes a :class:`~cable_utils.model.Defect` on the cable;
    with ``strict=True`` any defect raises :class:`~cable_utils.errors.DefectError`
    instead (for a script that must not go on with a damaged record), as the
    ``strict`` policy of CPython's ``email`` package does.

    >>> parse_text("SUBJECT: A TEST\\n\\n1. (C) Text.\\n", strict=True)
    Traceback (most recent call last):
    ...
    cable_utils.errors.DefectError: no classification banner was found; no date-time group was found, so the cable has no date
    """
    cable = _parse(text, source=source, cable_id=cable_id, notes=notes, row=False)
    if strict and cable.defects:
        raise DefectError(cable.defects)
    return cable


def parse_row(
    text: str,
    *,
    source: str | None = None,
    cable_id: str | None = None,
    notes: Iterable[str] = (),
) -> CorpusRow:
    """The corpus row of one cable: ``CorpusRow.of_cable(parse_text(text, …), source=…)``, faster.

    A fast path that pays (``benchmarks/README.md``: it more than doubles one-core
    corpus throughput): the same readers run on the same text, but skip what a
    row does not hold: segments and their raw offsets, addressees, header
    fields, paragraph texts, markings and sections, the E.O. line and the
    classifying official. Its plain specification is the line above, and
    ``tests/test_corpus_rows.py`` checks the two give identical rows.

    >>> parse_row("CONFIDENTIAL BAKU 000151\\nSUBJECT: A TEST\\n\\n1. (C) Text.\\n").subject
    'A TEST'
    """
    return _parse(text, source=source, cable_id=cable_id, notes=notes, row=True)


def _parse(
    text: str,
    *,
    source: str | None,
    cable_id: str | None,
    notes: Iterable[str],
    row: bool,
):
    if not isinstance(text, str):
        raise TypeError(f"parse_text() needs a str, not {type(text).__name__}")
    if not text or text.isspace():  # (not text.strip(), which would copy the text)
        raise EmptyCableError("the text is empty: there is no cable to read")
    clean = normalise(text)
    context = ParseContext(clean, row=row)
    for note in notes:
        context.defect("not_utf8", note)
    for artifact in () if row else clean.artifacts:
        if artifact.kind in ("marker", "linktext", "pilcrow", "entity", "tag", "continuation"):
            context.segments.append(
                Segment("artifact", artifact.start, artifact.end, artifact.kind)
            )
        elif artifact.kind == "page":
            raw_start, raw_end = _trim_raw(text, artifact.start, artifact.end)
            if raw_end > raw_start:
                context.segments.append(Segment("page_header", raw_start, raw_end, "page"))

    start, end = _frame(context, cable_id)
    banner = find_banner(context, start)
    if banner is not None and banner.start >= end:
        banner = None
    banner = _skip_preamble(context, start, end, banner)
    start = context.fields.get("telegram_start", start)
    header_end = read_header(
        context, banner.start if banner else _first_paragraph(context, start, end), start
    )
    if banner is not None:
        context.add_segment("banner", banner.start, banner.end)
        front_start = banner.end
    else:
        front_start = header_end
    body_start = _first_paragraph(context, front_start, end)
    read_front_matter(context, front_start, body_start)
    if not row and (found := _DECLASSIFIED_LINE.search(context.text, front_start, body_start)):
        context.fields["declassification_note"] = found.group(1).strip()
    read_body(context, _body_start(context, body_start, front_start, end), end)
    _check_other_banners(context, banner)

    if not _looks_like_a_cable(context, banner):
        raise NotACableError(
            "this text has none of the parts of a cable (no date-time group, FM line, "
            "classification banner, TAGS, SUBJECT or numbered paragraphs)"
        )
    return _build_cable(context, banner, source=source, cable_id=cable_id)


_NO_DETAILS = (None, None, None, None)


def _first_paragraph(context: ParseContext, start: int = 0, end: int | None = None) -> int:
    end = len(context.text) if end is None else end
    match = search_paragraph_start(context.text, start, end)
    if match is None:  # a cable of one unnumbered paragraph: its marking opens the body
        match = UNNUMBERED_PARAGRAPH.search(context.text, start, end)
    return match.start() if match else end


def _body_start(context: ParseContext, first_paragraph: int, front_start: int, end: int) -> int:
    """The body starts at the first numbered paragraph, or after the last front-matter value."""
    spans = [span for key, span in context.fields.items() if key.endswith("_span")]
    spans += context.fields.get("ref_spans", [])
    fields_end = max((span_end for _, span_end in spans), default=front_start)
    fields_end = min(max(fields_end, context.fields.get("front_end", 0)), end)
    if first_paragraph < end:
        # Text between the last front-matter field and paragraph 1 (a KEY POINTS
        # block, an unnumbered summary) is body text.
        if (
            spans
            and fields_end < first_paragraph
            and context.text[fields_end:first_paragraph].strip()
        ):
            return fields_end
        return first_paragraph
    return fields_end


def _trim_raw(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


# A database-export row (cables.csv layout) inside a text: sequence number,
# date, cable ID, origin … then the text. Bounded repeats only (no backtracking
# on long lines).
_RECORD_ROW = re.compile(
    r"^(?:\d{1,7}[ \t]{1,8})?(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]\d{2}:\d{2}(?::\d{2})?)?[ \t]{1,8}"
    r"(?P<id>\d{2}[A-Z]{2,30}\d{1,7})[ \t]{1,8}(?P<origin>[^\t\n]{0,80}?)(?:\t|[ ]{2})",
    re.MULTILINE,
)
_ROW_DATE_HINT = re.compile(r"-\d\d-")
# A DTG line starts with blanks and a precedence prosign (search_after_breaks).
_DTG_CANDIDATE = re.compile(r"\n[ \t]{0,8}[ZOPRY]")
_DECLASSIFIED_LINE = re.compile(
    r"^[ \t]{0,8}(Declassified/Released\b[^\n]{0,200})", re.MULTILINE | re.IGNORECASE
)
_PARTIAL_EXTRACT = re.compile(
    r"^[^\n]{0,200}\bpartial extract\b[^\n]{0,300}", re.MULTILINE | re.IGNORECASE
)


def _frame(context: ParseContext, cable_id: str | None) -> tuple[int, int]:
    """Where this cable's text starts and ends in the normalised text.

    A file may wrap the cable in a database-export row (cables.csv layout), or
    run on into another cable's row (a spliced record, a real WikiLeaks data
    error). The first row that comes before any banner is a wrapper of this
    cable; a row after the banner starts another cable, which is cut off with a
    warning.
    """
    text = context.text
    start, end = 0, len(text)
    for row in _record_rows(text):
        before = text[start : row.start()]
        banner_before = find_banner(context, start)
        if banner_before is None or banner_before.start >= row.start():
            if "\t" in row.group():
                payload = _row_payload(text, row)
                kept = payload if payload is not None else row.end()
                context.add_segment("preamble", 0, kept, "database row")
                duplicate = (
                    " the transmission header before it is a second copy;"
                    if VZCZC_LINE.search(before)
                    else ""
                )
                context.defect(
                    "export_row",
                    f"the text is wrapped in a database-export row (cables.csv layout, fields "
                    f"separated by TABs) for {row.group('id')} on line {context.source.line_number(row.start())};"
                    f"{duplicate} only the text inside the row was read",
                    row.start(),
                    kept,
                )
                start = kept
            continue
        other = find_banner_anywhere(context, row.start(), row.start() + 600)
        context.fields["other_record"] = {
            "id": row.group("id"),
            "date": row.group("date"),
            "origin": row.group("origin").strip(),
            "line": context.source.line_number(row.start()),
            "start": row.start(),
            "banner": other,
        }
        context.add_segment("other_record", row.start(), len(text), row.group("id"))
        end = row.start()
        break
    window_end = min(end, start + 2000)
    # "xtract" in the lower-cased window: a cheap test that holds whenever the
    # case-insensitive pattern can match (no other character lower-cases to
    # x, t, r, a or c).
    if "xtract" in text[start:window_end].lower() and (
        match := _PARTIAL_EXTRACT.search(text, start, window_end)
    ):
        context.add_segment("preamble", match.start(), match.end(), "note")
        context.fields["partial_extract"] = match.group().strip()
        context.fields["partial_extract_span"] = (match.start(), match.end())
    return start, end


def _record_rows(text: str) -> Iterator[re.Match[str]]:
    """What ``_RECORD_ROW.finditer(text)`` finds, found faster.

    A row lies within one line and its date holds "-MM-". That literal-led
    search runs at C speed, and the row pattern is then tried only at the start
    of the lines where it was found, not at every character of the text. (The
    date's "-MM-" is always found: an earlier hit could only swallow its first
    dash if a dash came two characters before it, inside the year.)
    """
    tried = -1
    for hint in _ROW_DATE_HINT.finditer(text):
        line_start = text.rfind("\n", 0, hint.start()) + 1
        if line_start == tried:
            continue
        tried = line_start
        if row := _RECORD_ROW.match(text, line_start):
            yield row


def _row_payload(text: str, row: re.Match[str]) -> int | None:
    """Where the cable text starts inside a TAB-separated export row."""
    line_end = text.find("\n", row.start())
    line_end = len(text) if line_end == -1 else line_end
    fields = text[row.start() : line_end].split("\t")
    try:
        index = next(i for i, value in enumerate(fields) if value.strip() == row.group("id"))
    except StopIteration:
        return None
    if len(fields) <= index + 4:
        return None
    return row.start() + sum(len(value) + 1 for value in fields[: index + 4])


def _skip_preamble(context: ParseContext, start: int, end: int, banner):
    """A print-out wrapper before the telegram (09DOHA214): banner before VZCZC."""
    if banner is None:
        return banner
    text = context.text
    telegram = (
        VZCZC_LINE.search(text, start, end) if text.find("VZCZC", start, end) != -1 else None
    ) or search_after_breaks(DTG_START, _DTG_CANDIDATE, text, start, end)
    if telegram is None or telegram.start() < banner.start:
        return banner
    later = find_banner(context, telegram.start())
    if later is None or later.start >= end:
        return banner
    first_line = text[start : text.find("\n", start) if "\n" in text[start:] else end].strip()
    context.add_segment("preamble", start, telegram.start(), "wrapper")
    context.fields["telegram_start"] = telegram.start()
    lines = context.source.line_number(telegram.start()) - context.source.line_number(start)
    what, were = (
        ("the first line is", "it was")
        if lines == 1
        else (f"the first {lines} lines are", "they were")
    )
    context.defect(
        "wrapper",
        f"{what} a wrapper added before the telegram (an e-mail or database print-out "
        f"starting {first_line[:60]!r}); {were} not read as part of the cable",
        start,
        telegram.start(),
    )
    return later


def _check_other_banners(context: ParseContext, banner) -> None:
    """A spliced record: the body shows another cable's banner."""
    other = context.fields.get("other_record")
    if other is None:
        return
    if banner is not None and other["banner"] is not None:
        theirs = f"{other['banner'].station} {int(other['banner'].serial)}"
        ours = f"{banner.station} {int(banner.serial)}"
        context.defect(
            "spliced_record",
            f"spliced record: from line {other['line']} the body banner says {theirs} "
            f"(cable {other['id']} of {other['date']}) but the header says {ours}; "
            "that text belongs to another cable and was not read as part of this one",
            other["start"],
            len(context.text),
        )
    else:
        context.defect(
            "spliced_record",
            f"spliced record: from line {other['line']} the text is another cable's record "
            f"({other['id']}, {other['origin'] or 'unknown origin'}, {other['date']}); "
            "it was not read as part of this one",
            other["start"],
            len(context.text),
        )


def _looks_like_a_cable(context: ParseContext, banner) -> bool:
    fields = context.fields
    evidence = [
        banner is not None,
        "dtg" in fields,
        "from" in fields,
        "tags" in fields,
        "subject" in fields,
        "eo" in fields,
        "de" in fields,
    ]
    numbered = [p for p in fields.get("paragraphs", []) if p.number is not None]
    return sum(evidence) >= 2 or (sum(evidence) >= 1 and len(numbered) >= 1)


def _build_cable(
    context: ParseContext, banner, *, source: str | None, cable_id: str | None
) -> Cable:
    fields = context.fields
    defect = context.defect

    dtg = decode_dtg(fields["dtg"]) if "dtg" in fields else None
    if "dtg" in fields and dtg is None:
        defect(
            "invalid_dtg",
            f"the date-time group {fields['dtg']!r} is not a valid date",
            *fields["dtg_span"],
        )
    date = dtg.moment if dtg else None
    year = date.year if date else None
    de = decode_de_line(fields["de"]["line"]) if "de" in fields else None
    if de is not None and dtg is not None and (sent := de.moment(dtg.moment.year)) is not None:
        gap_hours = abs((sent - dtg.moment).total_seconds()) / 3600
        if gap_hours > 48:
            defect(
                "de_line_disagrees_with_dtg",
                f"the DE line says day {de.day_of_year:03d} ({sent:%d %b %Y}) but the date-time group says {dtg.text}",
                *fields["de"]["span"],
            )

    prosigns = fields.get("precedence_prosigns") or []
    precedence = decode_precedence(prosigns[0]) if prosigns else None
    to, info = fields.get("to", []), fields.get("info", [])
    if precedence is None and to and to[0].precedence:
        precedence = to[0].precedence

    classification = _classification(context, banner)
    handling = list(dict.fromkeys(fields.get("handling", [])))
    if banner and banner.caveat and banner.caveat not in handling:
        handling.insert(0, banner.caveat)

    computed_id = None
    if banner and year is not None:
        computed_id = f"{year % 100:02d}{banner.station.replace(' ', '').replace('.', '')}{int(banner.serial)}"
    if cable_id and computed_id and cable_id != computed_id:
        defect(
            "id_disagrees_with_text",
            f"the file name says {cable_id} but the banner and date give {computed_id}",
            banner.start,
            banner.end,
        )
    the_id = cable_id or computed_id
    if (
        de
        and banner
        and int(de.serial) != int(banner.serial)
        and not de.station.startswith("RUEHC")
    ):
        defect(
            "de_line_disagrees_with_banner",
            f"the DE line has serial #{de.serial} but the banner says {banner.station} {banner.serial}",
            *fields["de"]["span"],
        )

    # The E.O. line and the classifying official are no row fields and raise no defect.
    eo, decl, eo_classifier, note = _NO_DETAILS if context.row else _read_eo(fields.get("eo"))
    note = note or fields.get("declassification_note")
    classification_details = (
        (None, None, ()) if context.row else _classification_details(context, eo, eo_classifier)
    )
    tags = () if context.row else _read_tags(context)  # (a row takes the codes only)
    subject = fields.get("subject") or None
    if subject and subject.endswith(("...", "…")):
        subject = subject.rstrip(".… ").rstrip() or None
        defect(
            "truncated",
            "the text is truncated: the record stops after the SUBJECT line ('…')",
            *fields["subject_span"],
        )
    if subject is None:
        defect("no_subject", "no SUBJECT line was found")
    # Without a DTG, the ID gives the year of entries that write none.
    references_year = year or _year_of_id(the_id)
    references = () if context.row else _read_references(context, references_year)
    classified_by, reason_section, reasons = classification_details
    paragraphs = tuple(fields.get("paragraphs", []))
    # The second use of each number is where the slip is (one pass: a huge
    # cable may have thousands of paragraphs).
    first_use: set[int] = set()
    second_use: dict[int, Paragraph] = {}
    for paragraph in paragraphs:
        if paragraph.number in first_use:
            second_use.setdefault(paragraph.number, paragraph)
        elif paragraph.number is not None:
            first_use.add(paragraph.number)
    for number, second in sorted(second_use.items()):
        context.defect_at_raw(
            "duplicate_paragraph_number",
            f"paragraph number {number} is used twice (a numbering slip in the cable)",
            second.start,
            second.end,
        )
    if not any(p.number is not None for p in paragraphs):
        defect("no_paragraphs", "no numbered paragraphs were found")
    if banner is None:
        defect("no_banner", "no classification banner was found")
    if "partial_extract" in fields:
        defect(
            "partial_extract",
            f"the record says it is incomplete: {fields['partial_extract']!r}",
            *fields["partial_extract_span"],
        )
    _check_truncation(context, paragraphs)
    classified = fields.get("classified_by") or ""
    if not paragraphs and classified.endswith(("...", "…")):
        defect(  # 09KABUL3423: "Classified By: Political Counselor Annie Pforzheimer, ..."
            "truncated",
            "the text is truncated: the record stops after the Classified By line ('…')",
            *fields["classified_by_span"],
        )
    if date is None:
        defect("no_dtg", "no date-time group was found, so the cable has no date")

    if context.row:
        # The row's TAGS and cited IDs, read as _read_tags and _read_references
        # read them, without the model objects and raw offsets a row does not hold.
        span = fields.get("tags_span")
        codes = [code for code, _, _ in tag_entries(context.text, *span)] if span else []
        kept = [cited for _, cited in _cited_at(context, references_year) if cited.id]
        return CorpusRow(
            the_id,
            date.isoformat().replace("+00:00", "Z") if date else None,
            fields.get("from") or (banner.station if banner else None),
            classification,
            subject,
            codes,
            [cited.id for cited in kept],
            [cited.label or "-" for cited in kept],
            fields.get("signer"),
            sum(1 for p in paragraphs if p.number is not None),
            [d.message for d in context.defects],
            None,
            source or "",
        )
    segments = tuple(sorted(context.segments, key=lambda s: (s.start, -s.end)))
    return Cable(
        raw=context.source.raw,
        text=context.text,
        id=the_id,
        origin=fields.get("from") or (banner.station if banner else None),
        date=date,
        precedence=precedence,
        classification=classification,
        handling=tuple(handling),
        to=tuple(to),
        info=tuple(info),
        office=fields.get("office"),
        eo=eo,
        decl_date=decl,
        tags=tags,
        subject=subject,
        references=references,
        classified_by=classified_by,
        reason_section=reason_section,
        reasons=reasons,
        paragraphs=paragraphs,
        signer=fields.get("signer"),
        segments=segments,
        header=tuple(fields.get("header", ())),
        defects=tuple(context.defects),
        offsets=context.source,
        dtg=dtg.text if dtg else fields.get("dtg"),
        de_line=fields["de"]["line"] if "de" in fields else None,
        serial=banner.serial if banner else None,
        section=banner.section if banner else None,
        source=source,
        declassification_note=note,
    )


def _classification(context: ParseContext, banner) -> str | None:
    """The level: the banner's, else the security line's (``ZNY SSSSS``).

    When both are there and disagree, the disagreement is a defect; the header's
    level is taken when the banner names another post than the FM line (the
    banner then belongs to another cable run into this record).
    """
    security = context.fields.get("security_line")
    header_level = SECURITY_LEVELS.get(security.split()[1]) if security else None
    if banner is None:
        return header_level
    if banner.garbled:
        context.defect(
            "garbled_banner",
            f"the classification banner is garbled ({context.text[banner.start : banner.end]!r}); "
            f"it was read as {banner.level}",
            banner.start,
            banner.end,
        )
    if header_level is None or header_level == banner.level:
        return banner.level
    sender = (context.fields.get("from") or "").upper()
    banner_post = banner.station.replace(" ", "")
    other_post = bool(sender) and banner_post not in sender.replace(" ", "")
    level = header_level if other_post else banner.level
    context.defect(
        "banner_disagrees_with_header",
        f"the banner says {banner.level} ({banner.station}) but the header's security line "
        f"{security!r} says {header_level}; {level} was taken"
        + (" (the banner names another post than the FM line)" if other_post else ""),
        banner.start,
        banner.end,
    )
    return level


def _classification_details(
    context: ParseContext, eo: str | None, eo_classifier: str | None
) -> tuple[str | None, str | None, tuple[Reason, ...]]:
    """(classifying official, reason section, reasons) from Classified By or the E.O. line."""
    classified_by, reason_section, letters = _read_classified_by(
        context.fields.get("classified_by") or _classified_by_in_paragraphs(context)
    )
    if classified_by is None and eo_classifier:
        classified_by = eo_classifier
    reasons = tuple(
        Reason(letter, meaning) for letter, meaning in decode_reasons(letters, reason_section, eo)
    )
    return classified_by, reason_section, reasons


_EO_CLASSIFIER = re.compile(
    r"\((?P<name>[A-Z][A-Za-z .,'-]{2,60})\)\s*(?P<office>[A-Z][A-Z/-]{0,12})?\s*$"
)


def _read_eo(value: str | None) -> tuple[str | None, object, str | None, str | None]:
    """(order, declassification date or token, classifier named on the line, note)."""
    if not value:
        return None, None, None, None
    match = re.match(r"E\.?\s?O\.?\s?(\d{5})\s*:?\s*(.*)$", value, re.I)
    if match is None:
        return None, None, None, None
    order, rest = match.group(1), match.group(2).strip()
    if re.search(r"\bDECLASSIFIED\b", rest, re.I):
        # "AS AMENDED; DECLASSIFIED JUNE 21, 2006": when it was released, not a schedule.
        return order, None, None, rest
    classifier = None
    if found := _EO_CLASSIFIER.search(rest):
        # E.O. 11652/12065 lines name the classifier: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P
        classifier = found.group("name").strip()
    return order, decode_decl_date(rest) if rest else None, classifier, None


_CLASSIFIED_IN_TEXT = re.compile(r"\bClassified\s+by\b:?", re.I)


def _classified_by_in_paragraphs(context: ParseContext) -> str | None:
    """Some cables put "Classified by …" in a numbered paragraph (08STATE103511 ¶2)."""
    for paragraph in context.fields.get("paragraphs", [])[:3]:
        if found := _CLASSIFIED_IN_TEXT.search(paragraph.text):
            raw = context.source.raw
            position = raw.lower().find("classified", paragraph.start, paragraph.end)
            if position >= 0:
                context.segments.append(
                    Segment("classified_by", position, paragraph.end, "in a paragraph")
                )
            return paragraph.text[found.end() :].strip()
    return None


_OPEN_ENDING = re.compile(r"[A-Za-z0-9,]$")


def _check_truncation(context: ParseContext, paragraphs) -> None:
    """A record that stops mid-sentence (08VLADIVOSTOK68: 'On July 3, Presi...')."""
    if not paragraphs or context.fields.get("signer"):
        return
    last = paragraphs[-1].text.rstrip()
    if not last:
        return
    if last.endswith(("...", "…")) or _OPEN_ENDING.search(last):
        tail = last[-40:]
        context.defect_at_raw(
            "truncated",
            f"the text seems truncated: it ends mid-sentence ('…{tail}') with no signature",
            paragraphs[-1].start,
            paragraphs[-1].end,
        )


def _read_tags(context: ParseContext) -> tuple[Tag, ...]:
    span = context.fields.get("tags_span")
    if span is None:
        return ()
    tags = []
    for code, start, end in tag_entries(context.text, *span):
        description, kind = decode_tag(code)
        raw_start, raw_end = context.source.to_raw(start, end)
        tags.append(Tag(code, description, kind, raw_start, raw_end))
    return tuple(tags)


_TAG_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'.-]{0,60}")  # codes run together may be long


def tag_entries(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The TAGS of ``text[start:end]`` as (tag, start, end): codes, and the tags
    written as words that a plain split would cut up.

    A code in the TAGS table is a tag of its own, and codes run together
    (``ETRDEINVECINPGOVCS``, ``PHUMBA``) are split into them; a tag written twice
    is kept once. A word that is not a code, followed by a comma and a name on the
    same line, starts a person tag (``CLINTON, HILLARY``, ``STEINBERG, JAMES B.``);
    so do the two words after ``OVIP`` (an official visitor: ``OVIP BIDEN JOSEPH``
    is ``BIDEN, JOSEPH``). A run of words that are no codes on one line, one of them
    six letters or longer, is one subject tag (``HUMAN RIGHTS``, ``POLITICAL
    PARTIES``). Everything else is split at blanks and commas, as written. The
    line after the TAGS line continues it only after a comma or with a code.

    >>> [tag for tag, _, _ in tag_entries("OVIP CLINTON, HILLARY PREL HUMAN RIGHTS AJ", 0, 42)]
    ['OVIP', 'CLINTON, HILLARY', 'PREL', 'HUMAN RIGHTS', 'AJ']
    """
    known = tag_codes()
    words = _tag_words(text, start, end, known)
    entries: list[tuple[str, int, int]] = []
    index = 0
    while index < len(words):
        word, word_start, word_end = words[index]
        if index > 0 and _new_line_ends_tags(text, words[index - 1], words[index], known):
            break  # "TAGS: something\nhere": the TAGS line ended
        if word in known or not word.isalpha() and not word.replace(".", "").isalpha():
            entries.append((word, word_start, word_end))
            index += 1
            continue
        # A run of words that are no codes, on one line.
        run = [words[index]]
        while (
            index + len(run) < len(words)
            and words[index + len(run)][0] not in known
            and "\n" not in text[run[-1][2] : words[index + len(run)][1]]
        ):
            run.append(words[index + len(run)])
        comma_after = text.startswith(",", word_end) or text.startswith(" ,", word_end)
        visitor = bool(entries) and entries[-1][0] == "OVIP" and len(run) == 2
        if (comma_after or visitor) and len(run) >= 2:  # SURNAME, GIVEN NAMES
            given = run[1:3]
            name = f"{word}, {' '.join(w for w, _, _ in given)}"
            raw_word = text[given[-1][1] : given[-1][2]]
            if raw_word.endswith(".") and len(raw_word) <= 3 and not name.endswith("."):
                name += "."  # an initial keeps its dot: STEINBERG, JAMES B.
            entries.append((name, word_start, given[-1][2]))
            index += 1 + len(given)
            continue
        if len(run) >= 2 and any(len(w) >= 6 for w, _, _ in run):
            entries.append((" ".join(w for w, _, _ in run), run[0][1], run[-1][2]))
            index += len(run)
            continue
        entries.append((word, word_start, word_end))
        index += 1
    seen: set[str] = set()
    return [entry for entry in entries if not (entry[0] in seen or seen.add(entry[0]))]


def _tag_words(
    text: str, start: int, end: int, known: frozenset[str]
) -> list[tuple[str, int, int]]:
    """The words of a TAGS value, upper-cased, codes run together split apart."""
    words = []
    for match in _TAG_WORD.finditer(text, start, end):
        word = match.group().upper()
        word = word.rstrip(".") if len(word) > 2 else word
        pieces = None if word in known else _glued_codes(word, known)
        if pieces is None:
            words.append((word, match.start(), match.end()))
            continue
        position = match.start()
        for piece in pieces:
            words.append((piece, position, position + len(piece)))
            position += len(piece)
    return words


def _glued_codes(word: str, known: frozenset[str]) -> list[str] | None:
    """``ETRDEINVECINPGOVCS`` → ``ETRD EINV ECIN PGOV CS``: a word that is wholly
    country (two letters) and subject codes (four letters), one of them a subject
    code; else None."""
    if len(word) < 6 or not word.isalpha():
        return None
    for size in (4, 2):
        head = word[:size]
        if head not in known:
            continue
        if len(word) == size:
            return [head]
        rest = (
            _glued_codes(word[size:], known)
            if len(word) - size >= 6
            else _short_codes(word[size:], known)
        )
        if rest is not None and (size == 4 or any(len(piece) == 4 for piece in rest)):
            return [head, *rest]
    return None


def _short_codes(word: str, known: frozenset[str]) -> list[str] | None:
    """A tail of two or four letters: one code, or two country codes."""
    if word in known and len(word) in (2, 4):
        return [word]
    if len(word) == 4 and word[:2] in known and word[2:] in known:
        return [word[:2], word[2:]]
    return None


def _new_line_ends_tags(
    text: str,
    before: tuple[str, int, int],
    word: tuple[str, int, int],
    known: frozenset[str],
) -> bool:
    """Whether ``word``, first on a line after the TAGS line, is no tag: the line
    before did not end with a comma and the word is no code."""
    between = text[before[2] : word[1]]
    return "\n" in between and "," not in between and word[0] not in known


def _read_references(context: ParseContext, year: int | None) -> tuple[Reference, ...]:
    """The REF block's entries (:func:`~cable_utils.parse.references.read_references`);
    ``year`` is the citing cable's, for entries that write none."""
    references = []
    for start, cited in _cited_at(context, year):
        raw_start, raw_end = context.raw_span(start + cited.start, start + cited.end)
        references.append(Reference(cited.label, cited.text, cited.id, raw_start, raw_end))
    return tuple(references)


def _cited_at(context: ParseContext, year: int | None) -> Iterator[tuple[int, Cited]]:
    """Each entry of the REF block with where its value starts (``Cited`` offsets
    are relative to it)."""
    for start, end in context.fields.get("ref_spans", []):
        for cited in read_references(context.text[start:end], year):
            yield start, cited


def _year_of_id(cable_id: str | None) -> int | None:
    """The year an ID gives (``08BAKU151`` → 2008; only its last two digits are used)."""
    if cable_id and cable_id[:2].isdigit():
        number = int(cable_id[:2])
        return 1900 + number if number >= 60 else 2000 + number
    return None


def _read_classified_by(value: str | None) -> tuple[str | None, str | None, list[str]]:
    if not value:
        return None, None, []
    section_match = _REASON_SECTION.search(value)
    section = f"1.{section_match.group(1)}" if section_match else None
    if section_match:
        letters_text = value[section_match.end() :]
    else:
        tail = _LETTER_LIST.search(value[-120:])  # bounded: the letters end the line
        letters_text = tail.group() if tail else ""
    letters = list(dict.fromkeys(letter.lower() for letter in _REASON_LETTER.findall(letters_text)))
    official_end = _OFFICIAL_END.search(value)
    official = value[: official_end.start()] if official_end else value
    official = official.strip(" .,;:") or None
    return official, section, letters
