"""The telegram format's patterns: one copy of each, with the rule it encodes.

Every reader of :mod:`cable_utils.parse` takes its patterns from here, so a
format rule (what a date-time group looks like, how a banner is written) is
changed in one place and ``tests/test_patterns.py`` has one test per rule that
fails when it changes (the signer's name and the junk around it, which need
more than a pattern, are in :mod:`cable_utils.parse.signature`). Patterns use bounded repeats only where they are
searched (not matched at a known line start): a line of 200,000 blanks must
not make a search quadratic.

>>> DTG_VALUE.fullmatch("191347Z FEB 08").group("month")
'FEB'
>>> DE_LINE.match("DE RUEHKB #0151/01 0501347").group("station", "serial", "section")
('RUEHKB', '0151', '01')
"""

from __future__ import annotations

import re

__all__ = [
    "BANNER",
    "BANNER_ANYWHERE",
    "BARE_DTG_LINE",
    "DE_LINE",
    "DTG_LINE",
    "DTG_START",
    "DTG_VALUE",
    "END_MARKER",
    "ENTIRE_TEXT_LINE",
    "FIELD",
    "FIELD_KEYWORDS",
    "LEVEL_WORDS",
    "PAGE_MARKER",
    "PARAGRAPH_START",
    "UNNUMBERED_PARAGRAPH",
    "PRECEDENCE_PROSIGNS",
    "PRECEDENCE_WORDS",
    "REF_LABEL",
    "REF_TOKEN",
    "ROUTING_CONTINUATION",
    "ROUTING_LINE",
    "SECURITY_LEVELS",
    "SECURITY_LINE",
    "VZCZC_LINE",
]

# -- precedence ------------------------------------------------------------------
#: Precedence prosigns: Z flash, O immediate, P priority, R routine, Y emergency.
PRECEDENCE_PROSIGNS = "ZOPRY"
#: Precedence written out on an addressee line (``RUEHC/SECSTATE WASHDC PRIORITY 4798``).
PRECEDENCE_WORDS = r"FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE"

# -- date-time group ---------------------------------------------------------------
#: A date-time group: day, hour and minute, Z (UTC), month, two-digit year (``191347Z FEB 08``).
_DTG = (
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z[ \t]{1,8}"
    r"(?P<month>[A-Za-z]{3})[ \t]{1,8}(?P<year>\d{2})"
)
#: A DTG on its own, as a field value (decoding).
DTG_VALUE = re.compile(rf"[ \t]*{_DTG}[ \t]*")
#: The precedence and DTG line of the header (``P 191347Z FEB 08``), with optional
#: operating signals after it, and a service suffix that runs to the line end
#: (``O 031401Z JUN 08 ZDS CTG RUEHSD 0020 1580042``, ``(CCY AD40E4BD …)``);
#: ``prec`` holds one or two prosigns (action, info).
DTG_LINE = re.compile(
    rf"^(?P<prec>[{PRECEDENCE_PROSIGNS}](?:[ \t]+[{PRECEDENCE_PROSIGNS}])?)[ \t]+(?P<dtg>{_DTG})"
    r"(?:[ \t]+[A-Z0-9]{3,4})*(?:[ \t]+Z[A-Z]{2}\b[^\n]*|[ \t]*\(CCY\b[^\n]*)?[ \t]*$",
    re.IGNORECASE,
)
#: A DTG alone on a header line (older copies: ``191347Z FEB 08``).
BARE_DTG_LINE = re.compile(rf"^(?P<dtg>{_DTG})[ \t]*$")
#: Where a telegram starts inside a wrapper: a DTG line at a line start (searched).
DTG_START = re.compile(
    rf"^[ \t]{{0,8}}(?:[{PRECEDENCE_PROSIGNS}][ \t]{{1,4}}){{1,2}}{_DTG}\b", re.MULTILINE
)

# -- the other header lines --------------------------------------------------------
#: Start of message: VZCZC, then the relay's channel and serial (``VZCZCXYZ0145``).
VZCZC_LINE = re.compile(
    r"^[ \t]{0,8}VZCZC(?P<channel>[A-Z]{3})?(?P<serial>[A-Z0-9]*)[ \t]*$", re.MULTILINE
)
#: Routing line: a doubled prosign and the receiving stations' routing indicators.
ROUTING_LINE = re.compile(
    r"^(?P<prosign>ZZ|OO|PP|RR|YY)(?P<indicators>(?:[ \t]+[A-Z]{4,8})+)[ \t]*$"
)
#: A routing line continued: routing indicators only.
ROUTING_CONTINUATION = re.compile(r"^[A-Z]{4,8}(?:[ \t]+[A-Z]{4,8})*[ \t]*$")
#: The DE line: sending station, serial (and section), day of the year and time.
DE_LINE = re.compile(
    r"^[ \t]*DE[ \t]+(?P<station>[A-Z]{4,8})[ \t]+#(?P<serial>\d{1,5})(?:/(?P<section>\d{1,3}))?"
    r"[ \t]+(?P<julian>(?P<day>\d{3})(?P<time>\d{4}))\b"
)
#: The security line: ZNY (classified) or ZNR (unclassified), the level's letter
#: five times (CCCCC), then operating signals (``ZNY CCCCC ZZH``).
SECURITY_LINE = re.compile(
    r"^(?P<signal>ZN[YR])[ \t]+(?P<level>[A-Z]{5})(?P<signals>(?:[ \t]+[A-Z0-9]{3,4})*)[ \t]*$"
)

# -- classification ------------------------------------------------------------------


def _spaced(word: str) -> str:
    """A pattern for a word that may be letter-spaced (``C O N F I D E N T I A L``)."""
    return r"[ ]?".join(re.escape(letter) for letter in word)


#: The classification levels as plain words (end markers, page footers).
LEVEL_WORDS = r"TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE"


def _garbled(word: str) -> str:
    """A level word as a banner may write it: letter-spaced, its first letter doubled
    (``SS E C R E T``, ``UUNCLAS``), missing (``E C R E T``) or after a stray capital
    (``CSE C R E T``): damage of the release, read and reported (``garbled_banner``).

    The optional parts are written ``(?:…|)``, which matches exactly what ``(?:…)?``
    does: Python's ``re`` tries such a branch several times faster than an optional
    group, and every header line is tried against the banner."""
    return rf"(?:[A-Z][ ]?|)(?:{re.escape(word[0])}[ ]?|){_spaced(word[1:])}"


#: A level as a banner writes it, possibly letter-spaced or garbled.
_LEVEL = (
    rf"(?P<level>{_spaced('TOP')}[ \t]{{1,4}}{_spaced('SECRET')}|{_garbled('CONFIDENTIAL')}"
    rf"|{_garbled('SECRET')}|{_garbled('UNCLASSIFIED')}|{_garbled('UNCLAS')}"
    r"|LIMITED[ \t]{1,4}OFFICIAL[ \t]{1,4}USE)"
)
#: The level each letter of the security line's five stands for (``ZNY CCCCC``).
SECURITY_LEVELS = {
    "TTTTT": "TOP SECRET",
    "SSSSS": "SECRET",
    "CCCCC": "CONFIDENTIAL",
    "UUUUU": "UNCLASSIFIED",
    "EEEEE": "UNCLASSIFIED",  # E: unclassified (EFTO) traffic
}
#: The banner: level, an optional caveat, an optional SECTION n OF m, the post and serial
#: (``C O N F I D E N T I A L SECTION 01 OF 02 BAKU 000151``).
_BANNER_BODY = (
    rf"{_LEVEL}(?:[ \t]{{0,8}}//?[ \t]{{0,8}}(?P<caveat>NOFORN|SBU|FOUO|EXDIS|NODIS))?"
    r"(?:[ \t]{1,8}(?:SECTION[ \t]{1,8}(?P<section>\d{1,3})[ \t]{1,8}OF[ \t]{1,8}(?P<of>\d{1,3})))?"
    r"[ \t]{1,8}(?P<station>[A-Z][A-Z. ]{1,30}?)[ \t]{1,8}(?P<serial>\d{2,7})\b"
)
#: A banner starts a line (after blanks) or follows a TAB (an export row's payload).
BANNER = re.compile(rf"(?:^[ \t]{{0,20}}|(?<=\t)){_BANNER_BODY}", re.MULTILINE | re.IGNORECASE)
#: A banner anywhere, even mid-line (inside an export row of another cable).
BANNER_ANYWHERE = re.compile(rf"(?<![A-Za-z]){_BANNER_BODY}", re.IGNORECASE)

# -- front matter ------------------------------------------------------------------
#: The keywords that start a front-matter field, by field. A field's value runs
#: to the next keyword, a blank line or the first paragraph.
FIELD_KEYWORDS = {
    "caveat": r"\b(?:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS|STADIS)\b",
    "handling": r"\b(?:SENSITIVE(?: BUT UNCLASSIFIED)?|FOR OFFICIAL USE ONLY)\b",
    "office": r"(?:^|(?<=\s\s))(?:[A-Z]{2,12}[ \t]{1,8})?FOR[ \t]{1,8}(?=[A-Z/,. -]{0,80}\b[A-Z]{2,}/)",
    "eo": r"\bE\.?\s?O\.?\s?\d{5}\b",
    # Not "TAG)": "C O R R E C T E D C O P Y (PRIMARY TAG)" is no TAGS line.
    # "AGS:" is a TAGS label that lost its T ("DECL: 08/22/2017 AGS: PGOV, …", cablemap's
    # case tags_test_data-039).
    "tags": r"\bTAGS?\b(?![ \t]{0,8}\)):?|(?<![A-Za-z])(?-i:AGS:)",
    # Also "SUBJECT" without its colon, in capitals at a line's start ("SUBJECT SAG AGREES …",
    # cablemap's case subject_test_data-005).
    "subject": r"\bSUBJ(?:ECT)?\s*:|^[ \t]{0,8}(?-i:SUBJECT)(?=[ \t]{1,8}[A-Z(])",
    # REF:, Ref(s):, REF A) … without a colon, and REF: glued to the subject before it
    # (``… UK PRIMEREF: A. LONDON 1939``, cablemap's case references_test_data-035).
    "ref": r"\bREF(?:S|\(S\))?\s*:|\bREFTEL\b|\bREFS?(?=[ \t]{1,4}\(?A[.)])|(?<=[A-Z]{2})(?-i:REF):",
    "classified_by": r"(?:\(U\)\s*)?\bClass(?:i)?fied\s+By\b:?",  # also "Classfied By" (09ASHGABAT757)
}
FIELD = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in FIELD_KEYWORDS.items()),
    re.MULTILINE | re.IGNORECASE,
)

# -- references -----------------------------------------------------------------------
#: A REF entry's label: ``A.``, ``a.``, ``A)``, ``A:``, ``A -``, ``(A)``, ``(a)`` or
#: ``[A]``, at the start of the value or after a blank or a separator (not after a
#: dot: the ``S.`` of ``U.S.`` is no label). Which labels count (A, B, C … in turn)
#: is decided by :func:`~cable_utils.parse.references.ref_labels`.
REF_LABEL = re.compile(
    r"(?:^|(?<=[\s,;:]))(?:\((?P<paren>[A-Za-z])\)|\[(?P<bracket>[A-Za-z])\]"
    r"|(?P<letter>[A-Za-z])(?:[.):]|[ \t]{1,4}-)(?=[ \t\n(\[]|$))[ \t]{0,8}"
)
#: The pieces of a REF entry, for :mod:`~cable_utils.parse.references`: a portion
#: marking (``(C)``), a year in parentheses (``(08)``), a number, a word (``BAKU``,
#: ``PORT-AU-PRINCE``, ``U.S.``), any other character (``,``, ``/``, ``#``, ``-``).
#: Words hold no digits, so ``09DHAHRAN`` and ``ASHGABAT687`` come apart.
REF_TOKEN = re.compile(
    r"(?P<marking>\((?:U|C|S|TS|SBU|LOU|NF|[CS]//?NF|[CS]//?REL[^)\n]{0,30})\))"
    r"|(?P<pyear>\((?:\d{2}|\d{4})\))"
    r"|(?P<date>\d{1,4}/\d{1,2}/\d{1,4}|\d{6}Z[ \t]?[A-Za-z]{3}[ \t]?\d{2}(?:\d{2})?)"  # 2/22/08, a DTG
    r"|(?P<number>\d+|(?<![A-Za-z])O\d+)"  # LAGOS O1512: a letter O typed for a zero
    r"|(?P<word>[A-Za-z](?:[A-Za-z'’.]|0(?=[A-Za-z])|-(?=[A-Za-z]))*)"  # COTON0U
    r"|(?P<sep>[^\sA-Za-z0-9])"
)
#: A page marker of a multi-page cable (``STATE 00016220 001.2 OF 005``) or a printed
#: page header (``PAGE 02 ROME 01196 01 OF 02 082030Z``), which may run into a REF block.
PAGE_MARKER = re.compile(
    r"\b[A-Z][A-Z .]{0,30}?[ \t]{1,4}(?:0{3,}\d{1,6}|0\d{7})\s{1,8}\d{3}(?:\.\d)?[ \t]{1,4}OF[ \t]{1,4}\d{3}\b"
    r"|PAGE[ \t]{1,4}\d{2,3}[ \t]{1,4}[A-Z][A-Z .]{0,30}?[ \t]{1,4}\d{3,6}[ \t]{1,4}\d{2,3}[ \t]{1,4}OF"
    r"[ \t]{1,4}\d{2,3}(?:[ \t]{1,4}\d{6}Z)?"
)

# -- body --------------------------------------------------------------------------------
#: A numbered paragraph: number, dot, an optional portion marking ``(C)`` or
#: ``CONFIDENTIAL - ENTIRE TEXT`` (``1. (C) Summary: …``).
PARAGRAPH_START = re.compile(
    r"^[ \t]*(?P<number>\d{1,2})[ \t]*\.[ \t]*"
    r"(?:\((?P<mark>[A-Za-z/ -]{1,24})\)[ \t.]*|(?P<bare>(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)"
    r"[ \t]*-[ \t]*ENTIRE TEXT)\.?[ \t]*)?(?=\S|$)",
    re.MULTILINE,
)
#: An unnumbered paragraph opened by its portion marking and a sentence, in a cable of
#: one paragraph (08KUALALUMPUR317: `` (SBU) Poloff delivered reftel demarche …``):
#: a capitalised word then a lower-case one, so ``(U) Classified By:`` and a REF entry
#: such as ``(C) BAGHDAD 342`` are not taken for it.
UNNUMBERED_PARAGRAPH = re.compile(
    r"^[ \t]{0,8}\((?:U|SBU|C|S|TS)(?://?[A-Z]{1,8}){0,2}\)[ \t]{1,4}[A-Z][a-z]+[ \t]{1,4}[a-z]",
    re.MULTILINE,
)
#: A line that marks the whole text at once, before the first paragraph
#: (``(SECRET - ENTIRE TEXT)``, ``CONFIDENTIAL - ENTIRE TEXT.``).
ENTIRE_TEXT_LINE = re.compile(
    r"^[ \t]{0,20}\(?[ \t]{0,4}(?P<mark>[A-Za-z/]{1,24}(?:[ \t][A-Za-z/]{1,12}){0,2}[ \t]{0,4}-[ \t]{0,4}"
    r"ENTIRE[ \t]{1,4}TEXT)[ \t]{0,4}\)?[ \t]{0,4}\.?[ \t]{0,20}$",
    re.IGNORECASE,
)  # bounded repeats: a line of 60,000 blanks must not make it backtrack
#: End-of-message lines: NNNN, END CABLE TEXT, BT, or the banner level repeated.
END_MARKER = re.compile(
    r"^[ \t]*(?:NNNN|NNN|END CABLE TEXT|BT|"
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)(?:[ \t]{0,8}//[ \t]{0,8}NOFORN)?)"
    r"[ \t]*(?:\.[ \t]*)?$",
    re.IGNORECASE,
)
