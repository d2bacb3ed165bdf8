"""Field readers for any fragment of a cable: a pasted SUBJECT and REF block,
a "Classified By" line, the last lines with the signature.

:func:`read_fields` runs the parser's own readers (front matter, header lines,
the tail of the body) on whatever text it is given, and returns the keys of
the JSON contract it found, and nothing for the ones it did not. It never
refuses a fragment: ``python -m cable_utils show --fragment`` prints its result.
"""

from __future__ import annotations

from typing import Any

from ..source.normalise import normalise
from . import parser
from .body import search_paragraph_start
from .context import ParseContext
from .decoding import decode_dtg
from .front_matter import find_banner, read_front_matter
from .header import read_header
from .signature import inline_signer, read_tail

__all__ = ["read_fields"]


def read_fields(text: str, year: int | None = None) -> dict[str, Any]:
    """The contract's fields found in ``text``, a fragment of a cable (or a whole one).

    ``year`` completes REF entries written without one (``BAKU 146`` in a 2008
    cable is ``08BAKU146``); without it, a DTG or banner year in the fragment is
    used, and entries without a year get no ID.

    >>> read_fields("SUBJECT: AZERBAIJANI REACTION TO KOSOVO\\n\\nREF: A. BAKU 146", year=2008)
    {'subject': 'AZERBAIJANI REACTION TO KOSOVO', 'references': [{'label': 'A', 'text': 'BAKU 146', 'id': '08BAKU146'}]}
    >>> read_fields("okay. END COMMENT.\\n\\nDERSE\\n")
    {'signer': 'DERSE'}
    """
    if not isinstance(text, str):
        raise TypeError(f"read_fields() needs a str, not {type(text).__name__}")
    if not text.strip():
        return {}
    context = ParseContext(normalise(text))
    clean = context.text
    banner = find_banner(context, 0)
    header_end = read_header(context, banner.start if banner else len(clean))
    front_start = banner.end if banner else header_end
    if banner is not None and clean[header_end : banner.start].strip():
        # Text before the banner is no header: the banner is a later page's
        # ("REF: A. 08 STATE 81854\n\n\nS e c r e t nairobi 001938").
        front_start = header_end
    first_paragraph = search_paragraph_start(clean, front_start, len(clean))
    read_front_matter(
        context, front_start, first_paragraph.start() if first_paragraph else len(clean)
    )
    fields = context.fields
    found: dict[str, Any] = {}
    dtg = decode_dtg(fields["dtg"]) if "dtg" in fields else None
    if dtg is not None:
        found["date"] = dtg.moment.isoformat().replace("+00:00", "Z")
        year = year or dtg.moment.year
    if banner is not None:
        found["classification"] = banner.level
    if "from" in fields:
        found["origin"] = fields["from"]
    if fields.get("eo"):
        eo, decl, _, _ = parser._read_eo(fields["eo"])
        if eo:
            found["eo"] = eo
        if decl is not None:
            found["decl_date"] = decl if isinstance(decl, str) else decl.isoformat()
    if tags := parser._read_tags(context):
        found["tags"] = [tag.code for tag in tags]
    if fields.get("subject"):
        found["subject"] = fields["subject"].rstrip(".… ").rstrip() or fields["subject"]
    if references := parser._read_references(context, year):
        found["references"] = [reference.to_dict() for reference in references]
    classified_by = fields.get("classified_by") or _classified_by_anywhere(clean)
    if classified_by:
        official, section, letters = parser._read_classified_by(classified_by)
        if official:
            found["classified_by"] = official
        if section:
            found["reason_section"] = section
        if letters:
            found["reasons"] = letters
    if signer := _signer(clean, fields):
        found["signer"] = signer
    return found


def _classified_by_anywhere(clean: str) -> str | None:
    """A "Classified by" inside a paragraph (``1. (U) CLASSIFIED BY ROBERT P. FINN, …``)."""
    found = parser._CLASSIFIED_IN_TEXT.search(clean)
    if found is None:
        return None
    blank = clean.find("\n\n", found.end())
    value = " ".join(clean[found.end() : len(clean) if blank == -1 else blank].split())
    return value.strip(" :;") or None


def _signer(clean: str, fields: dict[str, Any]) -> str | None:
    """The name at the end of the fragment, after any front-matter value."""
    ends = [end for key, (_, end) in _spans(fields)]
    after = max(ends, default=0)
    lines = [line for line in clean[after:].splitlines() if line.strip()]
    if not lines:
        return None
    last_lines = lines[-12:]
    tail = read_tail(last_lines)
    if tail.name is not None:
        return tail.name
    # A name run onto the last line of text, before any junk ("… END OF TEXT. BAKER").
    found = inline_signer(last_lines[tail.first_tail_line - 1]) if tail.first_tail_line else None
    return found[0] if found else None


def _spans(fields: dict[str, Any]) -> list[tuple[str, tuple[int, int]]]:
    spans = [(key, span) for key, span in fields.items() if key.endswith("_span")]
    spans += [("ref", span) for span in fields.get("ref_spans", [])]
    return spans
