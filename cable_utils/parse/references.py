"""REF blocks: the cables (and other papers) a cable cites, and their Cablegate IDs.

A REF block is a list, lettered or not, written by hand at hundreds of posts
over forty years, so the reader is forgiving about its shape and strict about
what it calls a cable:

- **Entries** are split at labels that run A, B, C … (``A.``, ``a.``, ``A)``,
  ``(A)``, ``[A]``, ``A:``, ``A -``, several on one line or none at all); a
  label written twice (``A. A.``, ``A. (A)``, ``A. REF A``) is one label, and a
  letter out of sequence (``U.S.``) is no label. An unlettered list is split at
  semicolons.
- **Cables** are found in an entry as a post and a serial, with the year where
  it is written (``08 BAKU 146``, ``(08) SAO PAULO 581``, ``STATE (01) 201265``,
  ``QUITO 4525-91``, ``PANAMA 00789/08``, ``DOHA 152 (08)``, ``09DHAHRAN 201``,
  ``ASHGABAT687``), else the citing cable's year. One entry may cite several
  (``BRASILIA 2799 AND 2764``, ``Kabul 936/935``, ``2009 CAIRO 2394 2009 CAIRO 491``).
- **No ID is built from what is not a cable**: e-mails, dates, intelligence
  reports (IIR, TD), ``PARIS POINTS``, daily reports, a DERIVED FROM line; a
  post written with such a word (:data:`NOT_CABLE_WORDS`) makes no ID, and the
  entry keeps its text with no ID.
- **Posts** are written as the Cablegate IDs write them (:func:`canonical_post`).

>>> [(r.label, r.text, r.id) for r in read_references("A. BAKU 00146  B. BAKU 129 AND 130", 2008)]
[('A', 'BAKU 00146', '08BAKU146'), ('B', 'BAKU 129', '08BAKU129'), ('B', '130', '08BAKU130')]
>>> [(r.text, r.id) for r in read_references("A. PARIS POINTS JULY 15  B. 08 PARIS 1025", 2009)]
[('PARIS POINTS JULY 15', None), ('08 PARIS 1025', '08PARIS1025')]
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .patterns import PAGE_MARKER, REF_LABEL, REF_TOKEN

__all__ = [
    "NOT_CABLE_WORDS",
    "POST_ALIASES",
    "Cited",
    "canonical_cable_id",
    "canonical_post",
    "label_at",
    "next_label",
    "read_references",
    "ref_labels",
]


class Cited(NamedTuple):
    """One thing a REF block cites: its label, its text, its ID if it is a cable,
    and where its text is in the REF value (``start``, ``end``)."""

    label: str | None
    text: str
    id: str | None
    start: int
    end: int


#: Posts as writers spelt them, to the way the Cablegate IDs write them (abbreviations
#: and typos met in REF lines; many are from cablemap's ID tests, heuer/cablemap, BSD).
POST_ALIASES = {
    "RIO": "RIODEJANEIRO", "RIODEJAN": "RIODEJANEIRO", "RIODEJANIERO": "RIODEJANEIRO",
    "PARISFR": "UNESCOPARISFR", "USUNESCOPARISFR": "UNESCOPARISFR", "UNVIE": "UNVIEVIENNA",
    "PAUP": "PORTAUPRINCE", "PAP": "PORTAUPRINCE", "SANJSE": "SANJOSE", "USEU": "USEUBRUSSELS",
    "USUN": "USUNNEWYORK", "USUNNY": "USUNNEWYORK", "USUNNEYORK": "USUNNEWYORK",
    "HALIF": "HALIFAX", "KUALALUMP": "KUALALUMPUR", "BKK": "BANGKOK", "PANANA": "PANAMA",
    "PANAM": "PANAMA", "WELLINGOTN": "WELLINGTON", "MADRIDSP": "MADRID", "KINSTON": "KINGSTON",
    "BISHTEK": "BISHKEK", "VAT": "VATICAN", "SAOPAUO": "SAOPAULO", "SAOPAUL": "SAOPAULO",
    "SECSTATE": "STATE", "SECTSTATE": "STATE", "HAGUE": "THEHAGUE", "PHNOMPEN": "PHNOMPENH",
    "TRIPOLII": "TRIPOLI", "BRASILA": "BRASILIA", "MEXICOCITY": "MEXICO", "TALLIN": "TALLINN",
    "HK": "HONGKONG", "HCMC": "HOCHIMINHCITY", "HOCHIMINH": "HOCHIMINHCITY",
    "COLOMOBO": "COLOMBO", "CASA": "CASABLANCA", "BASRA": "BASRAH",
}  # fmt: skip

#: Words that make a "post and number" no cable: dates, e-mails, reports, meetings,
#: papers (``PARIS POINTS JULY 15``, ``CAIRO IIR 6 899 0149 10``, ``TD-314/21795-05``,
#: ``LONDON DAILY - 30 APRIL 2009``, ``DERIVED FROM: DSCG 05-1``).
_MONTHS = frozenset(
    """JAN JANUARY FEB FEBRUARY MAR MARCH APR APRIL MAY JUN JUNE JUL JULY AUG AUGUST SEP SEPT
    SEPTEMBER OCT OCTOBER NOV NOVEMBER DEC DECEMBER""".split()  # noqa: SIM905
)
NOT_CABLE_WORDS = _MONTHS | frozenset(
    """IIR IIRS TD INCSR UNSCR UNSC MTCR POC POINTS
    POINT DAILY REPORT REPORTS EMAIL E-MAIL EMAILS E-MAILS MAIL MEMO MEMCON TELCON LETTER FAX DVC
    SVTC VTC DTG MSG MESSAGE PARA PARAS PARAGRAPH PAGE SECTION OF FOR TO ON AT IN BY FROM WITH
    DATED RESOLUTION OSC DOC DSCG NOTE NONPAPER SECRETARY TELEGRAMS CALL MEETING CONVERSATION
    PHONE ARTICLE LAW DECREE THIS IS AS USDAO USDLO WEBSITE SIPRNET DIPNOTE DERIVED THRU DESK
    THROUGH""".split()  # noqa: SIM905
)  # fmt: skip
# Words around a post that are no part of it: "EMBASSY PARIS", "UNCLASS USDA FAS",
# "COLOMBO CABLES 0266", "REFERENCE: 01 ABUJA 997".
_LEADING_FILLER = frozenset(
    """REF REFS REFTEL REFTELS REFERENCE SEE ALSO EMBASSY AMEMBASSY AMCONSUL AMCONSULATE
    CONSULATE USMISSION UNCLASS UNCLASSIFIED CONFIDENTIAL SECRET SBU NOTAL PREVIOUS PRIOR
    OUR YOUR THE AND""".split()  # noqa: SIM905
)  # fmt: skip
_TRAILING_FILLER = frozenset("CABLE CABLES TEL TELS TELEGRAM NO NR NUMBER".split())  # noqa: SIM905
_NO_REFERENCE = frozenset({"NONE", "N/A", "NA", "NIL"})
#: Senders outside State's telegram system: their messages have no Cablegate ID, so
#: "WHITE HOUSE 853" (09BAGHDAD1104) is a reference, not a cable to build an ID for.
#: (White House stations are RHEH, not RUEH, in data/reference/routing_indicators.csv.)
NOT_STATE_SENDERS = frozenset({"WHITEHOUSE", "NSC"})
_MAX_POST_WORDS = 4


_NOT_A_CAPITAL = re.compile(r"[^A-Z]")


# Cached: a corpus cites the same few hundred posts (STATE, the post's own) again
# and again, and every REF entry that names a cable asks.
@functools.lru_cache(maxsize=4096)
def canonical_post(post: str) -> str:
    """A post as the Cablegate IDs write it: ``PORT-OF-SPAIN`` → ``PORTOFSPAIN``, ``RIO`` →
    ``RIODEJANEIRO``, ``EMBASSY VIENNA`` → ``VIENNA``."""
    letters = _NOT_A_CAPITAL.sub("", post.upper().replace("0", "O"))
    for prefix in ("AMEMBASSY", "EMBASSY"):
        if letters.startswith(prefix) and len(letters) > len(prefix):
            letters = letters[len(prefix) :]
    return POST_ALIASES.get(letters, letters)


def canonical_cable_id(cable_id: str) -> str:
    """A cable ID as Cablegate writes it (``05RIO123`` → ``05RIODEJANEIRO123``).

    >>> canonical_cable_id("06PORT-OF-SPAIN123")
    '06PORTOFSPAIN123'
    """
    match = re.match(r"^(\d\d)(.+?)0*(\d+)$", cable_id.strip())
    if match is None:
        return cable_id
    year, post, serial = match.groups()
    return f"{year}{canonical_post(post)}{int(serial)}"


# -- labels ----------------------------------------------------------------------------


def ref_labels(value: str) -> list[tuple[str, int, int]]:
    """The list labels of a REF value as (letter, start, end), upper-cased.

    A label counts only where the letters run A, B, C … from A; a label written
    twice in a row (``A. A.``, ``A. (A)``, ``A. REF A``) is one label, its span both.

    >>> ref_labels("A. A. 07 BAGHDAD 03668 B. B. 07 BAGHDAD 03764")
    [('A', 0, 6), ('B', 23, 29)]
    >>> [letter for letter, _, _ in ref_labels("U.S. NOTE; A) X B) Y")]
    ['A', 'B']
    """
    labels: list[tuple[str, int, int]] = []
    for match in REF_LABEL.finditer(value):
        letter = _letter(match)
        if labels and letter == labels[-1][0] and not value[labels[-1][2] : match.start()].strip():
            labels[-1] = (letter, labels[-1][1], match.end())  # the label written twice
            continue
        expected = chr(ord(labels[-1][0]) + 1) if labels else "A"
        if letter == expected:
            labels.append((letter, match.start(), match.end()))
    return labels


def _letter(label: re.Match[str]) -> str:
    return (label.group("paren") or label.group("bracket") or label.group("letter")).upper()


def label_at(text: str) -> str | None:
    """The letter of the REF label ``text`` starts with (``(b) 09 KABUL 3068`` → ``B``), if any."""
    match = REF_LABEL.match(text)
    return None if match is None else _letter(match)


def next_label(value: str) -> str:
    """The letter the next entry of this REF value would carry (``A`` when none yet)."""
    labels = ref_labels(value)
    return chr(ord(labels[-1][0]) + 1) if labels else "A"


# -- entries and the cables they cite ------------------------------------------------


def read_references(value: str, year: int | None) -> list[Cited]:
    """What the REF value ``value`` cites, in order; ``year`` is the citing cable's
    (for entries that write none; without it such entries get no ID)."""
    if " OF " in value.upper():  # (a cheap test before the page-marker search)
        # The cable's own page marker ("STATE 00016220 001.2 OF 005") is no reference.
        value = PAGE_MARKER.sub(lambda match: " " * len(match.group()), value)
    cited: list[Cited] = []
    last_post: tuple[str, str | None] | None = None
    for label, start, end in _entries(value):
        found, last_post = _cables_in(value, start, end, label, year, last_post)
        if found:
            cited += found
            continue
        text = value[start:end].strip(" \t\n;,.:-")
        if text and text.upper() not in _NO_REFERENCE:
            offset = value.index(text, start)
            cited.append(Cited(label, " ".join(text.split()), None, offset, offset + len(text)))
    return cited


def _entries(value: str) -> list[tuple[str | None, int, int]]:
    """(label, start, end) of each entry: the text after each label, or the
    semicolon-separated parts of an unlettered value (and any text before label A)."""
    labels = ref_labels(value)
    first = labels[0][1] if labels else len(value)
    entries: list[tuple[str | None, int, int]] = []
    position = 0
    separator = value.find(";", 0, first)
    while separator != -1:
        entries.append((None, position, separator))
        position = separator + 1
        separator = value.find(";", position, first)
    entries.append((None, position, first))
    for index, (letter, _, label_end) in enumerate(labels):
        end = labels[index + 1][1] if index + 1 < len(labels) else len(value)
        entries.append((letter, label_end, end))
    return [entry for entry in entries if value[entry[1] : entry[2]].strip()]


class _Token(NamedTuple):
    kind: str  # marking, pyear, date, number, word, sep
    text: str
    start: int
    end: int


def _tokens(value: str, start: int, end: int) -> list[_Token]:
    tokens = []
    for match in REF_TOKEN.finditer(value, start, end):
        kind = match.lastgroup or ""
        if kind == "marking":
            continue  # a portion marking ("(C)") is no part of a reference
        text = match.group()
        if kind == "word" and text.upper() == "AND":
            kind = "sep"
        tokens.append(_Token(kind, text, match.start(), match.end()))
    return tokens


def _cables_in(
    value: str,
    start: int,
    end: int,
    label: str | None,
    year: int | None,
    last_post: tuple[str, str | None] | None,
) -> tuple[list[Cited], tuple[str, str | None] | None]:
    """The cables cited in ``value[start:end]`` and the last post (and year) named."""
    tokens = _tokens(value, start, end)
    found: list[Cited] = []
    current: tuple[str, str | None] | None = None  # post and written year of the last cable
    index = 0
    consumed = 0  # tokens before this belong to cables already found
    while index < len(tokens):
        token = tokens[index]
        if token.kind != "number":
            index += 1
            continue
        post, year_before, first = _post_before(tokens, index)
        if post and first < consumed:
            # "BASRA 17 F. BAGHDAD 1103": the number before the post is the last serial
            year_before, first = None, consumed
        if post is None and current is not None and _continues(tokens, index):
            post, year_before, first = current[0], current[1], index  # "2799 AND 2764"
        elif post is None and not found and index == 0 and last_post is not None:
            alone = index + 1 == len(tokens) or tokens[index + 1].kind == "sep"
            if alone and not _a_year(token.text):
                post, year_before, first = last_post[0], last_post[1], index  # "B. 2962"
        elif post is None and index == 0:
            post, first = _post_after(tokens), index  # "870 Ulaanbaatar"
        if post is None:
            index += 1
            continue
        if _month_and_day(tokens, index):
            index += 3  # "KUJAWINSKI-FRANCE DESK 3/11 E-MAIL" (05PARIS1699): a date
            continue
        year_after, after = _year_after(tokens, index)
        if after < len(tokens) and tokens[after].text.upper().rstrip(".") in _MONTHS:
            index = after  # "PARIS 12 MARCH": a date
            continue
        if post == "":
            index = after  # a post that is no post (CAIRO IIR 6): what follows is no cable either
            while index < len(tokens) and tokens[index].kind != "word":
                index += 1
            continue
        serial = tokens[index].text.upper().replace("O", "0")
        written_year = year_after or year_before
        the_year = written_year[-2:] if written_year else (f"{year % 100:02d}" if year else None)
        cable_id = None
        if the_year is not None and len(serial.lstrip("0")) <= 6 and int(serial) > 0:
            cable_id = f"{the_year}{canonical_post(post)}{int(serial)}"
        text_start = tokens[first].start
        text_end = tokens[after - 1].end if after > index else tokens[index].end
        text = " ".join(value[text_start:text_end].split())
        found.append(Cited(label, text, cable_id, text_start, text_end))
        current = (post, year_before)
        index = consumed = after
    if current is not None:
        last_post = current
    return found, last_post


def _post_before(tokens: list[_Token], index: int) -> tuple[str | None, str | None, int]:
    """The post written before the serial ``tokens[index]``, the year before it and the
    index of the first token of the reference; ``""`` for a post that is no post."""
    position = index - 1
    year_mid = None
    if position >= 0 and tokens[position].text == "#":
        position -= 1  # BAGHDAD #3565
    if position >= 0 and tokens[position].kind == "pyear":
        year_mid = tokens[position].text.strip("()")  # STATE (01) 201265
        position -= 1
    if position >= 0 and tokens[position].text == ",":
        position -= 1  # PRAGUE, 1228
    words: list[_Token] = []
    while position >= 0 and tokens[position].kind == "word":
        words.insert(0, tokens[position])
        position -= 1
    if not words:
        return None, None, index
    first = index - (index - position - 1)
    year_before = year_mid
    if position >= 0 and tokens[position].kind in ("number", "pyear") and year_mid is None:
        candidate = tokens[position].text.strip("()")
        # "AMMAN 07718 99 BAKU 12": a two-digit number after a serial may be its year;
        # a four-digit one before a post is this one's (2009 CAIRO 2394 2009 CAIRO 491).
        if (len(candidate) == 4 and _a_year(candidate)) or (
            len(candidate) == 2 and (position == 0 or tokens[position - 1].kind != "number")
        ):
            year_before = candidate  # 08 BAKU 146, 2009 CAIRO 2394, (08) SAO PAULO 581
            first = position
    names = [word.text.upper().strip(".'’-") for word in words]
    while names and (names[0] in _LEADING_FILLER or len(names[0]) == 1):
        names.pop(0)  # "REF B LONDON 2649": a label repeated after REF is no part of the post
    while names and names[-1] in _TRAILING_FILLER:
        names.pop()
    if "".join(names) in NOT_STATE_SENDERS:
        return "", None, first
    if "".join(names) in POST_ALIASES:
        return " ".join(names), year_before, first  # "RIO DE JAN" (JAN is no month here)
    if (
        not names
        or len(names) > _MAX_POST_WORDS
        or any(name in NOT_CABLE_WORDS or len(name) < 2 for name in names)
    ):
        return "", None, first
    return " ".join(names), year_before, first


def _post_after(tokens: list[_Token]) -> str | None:
    """``870 Ulaanbaatar``: the post after a serial that opens the entry, if the entry is just that."""
    rest = tokens[1:]
    while rest and rest[-1].kind == "sep":
        rest = rest[:-1]  # "A) 377 KATHMANDU, B) …"
    words = [token.text.upper().strip(".'’-") for token in rest]
    if not words or len(words) > 2 or any(token.kind != "word" for token in rest):
        return None
    if any(word in NOT_CABLE_WORDS or word in _LEADING_FILLER for word in words):
        return None
    return " ".join(words)


def _continues(tokens: list[_Token], index: int) -> bool:
    """Whether the number ``tokens[index]`` continues a list of serials (``, 259032``,
    ``AND 2764``, ``/935``, ``& 12``) of the cable before it."""
    return (
        index >= 2
        and tokens[index - 1].text.upper() in (",", "/", "&", "AND")
        and (tokens[index - 2].kind in ("number", "pyear"))
    )


def _month_and_day(tokens: list[_Token], index: int) -> bool:
    """Whether the number ``tokens[index]`` starts a date written ``3/11`` (a month of one
    or two digits, a slash, a day), not a serial with its year (``PANAMA 00789/08``)."""
    serial = tokens[index].text
    if len(serial) > 2 or not serial.isdigit() or not 1 <= int(serial) <= 12:
        return False
    if index + 2 >= len(tokens):
        return False
    slash, day = tokens[index + 1], tokens[index + 2]
    return (
        slash.text == "/"
        and slash.start == tokens[index].end
        and day.start == slash.end
        and day.text.isdigit()
        and len(day.text) <= 2
    )


def _a_year(number: str) -> bool:
    """A number that reads as a year of the telegrams (``C. 2007 AND PREVIOUS`` in 07PARIS1791
    is no serial of the post before it)."""
    return len(number) == 4 and 1960 <= int(number) <= 2011


def _year_after(tokens: list[_Token], index: int) -> tuple[str | None, int]:
    """A year written after the serial ``tokens[index]`` (``(08)``, ``-91``, ``/08``, `` 99,``),
    and the index of the first token after the reference."""
    after = index + 1
    if after < len(tokens):
        token = tokens[after]
        if token.kind == "pyear":
            return token.text.strip("()"), after + 1
        if (
            token.text in ("-", "/")
            and after + 1 < len(tokens)
            and tokens[after + 1].kind == "number"
            and len(tokens[after + 1].text) == 2
            and token.start == tokens[index].end
            and tokens[after + 1].start == token.end
        ):
            return tokens[after + 1].text, after + 2  # QUITO 4525-91, PANAMA 00789/08
        if token.kind == "number" and len(token.text) in (2, 4):
            following = tokens[after + 1] if after + 1 < len(tokens) else None
            if following is None or following.text.upper() in (",", ";", "AND", ")"):
                return token.text, after + 1  # AMMAN 07718 99, MOSCOW 03242 2008
    return None, after
