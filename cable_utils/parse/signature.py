"""The end of a cable: the signer's name and the junk that may follow it.

A cable ends with the name of the chief of mission or the Secretary
(``DERSE``, ``Leach``, ``LeBaron``), on a line of its own or run onto the last
line. Published copies add junk around it: end markers (``NNNN``, ``End Cable
Text``), the post's intranet trailer (``Visit London's Classified Website:``, a
URL, a row of asterisks), the banner repeated, a page marker, HTML and even a
database query. :func:`read_tail` walks back over the last lines, sets the junk
aside, and finds the name.

>>> lines = ["the talks went well.", "Visit London's Classified Website:", "http://x", "LeBaron"]
>>> read_tail(lines)
Tail(signature_line=3, name='LeBaron', first_tail_line=1)
>>> read_tail(["... politics.", "END TEXT HEFFERN"]).name
'HEFFERN'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .patterns import BANNER, END_MARKER

__all__ = ["Tail", "inline_signer", "is_end_junk", "read_tail", "signer_of_line"]

# Lines that are never the cable's own text at its end.
_JUNK = re.compile(
    r"""^\s*(?:
        [.>*\-_=~#|\s]*                                   # dots, '>', rows of asterisks or dashes
      | (?:</?[A-Za-z][^>]{0,80}>\s*)+                     # HTML left from a web page
      | SELECT\s+\*\s+FROM\b.*                              # a database query
      | (?:SIPDIS|NOFORN|NNNN|NNN|BT|END\s+CABLE\s+TEXT|END\s+(?:OF\s+)?(?:CABLE|TEXT|MESSAGE))\.?
      | [A-Z][A-Z .]{1,30}?\s+0{2,}\d{1,6}\s+\d{3}\s+OF\s+\d{3}     # a page marker
      | NOTE\s+BY\s+OC/T\b.{0,200} | NOTE:\s+NOT\s+PASSED\b.{0,200}     # the message centre's notes
      | Declassified/Released\b.{0,200} | Review\s+\d{1,2}\s+[A-Z]{3}\s+\d{4}  # a release stamp
      | \d{4}[A-Z]{3,12}\d{3,6}\s{0,4}-\s{0,4}(?:Classification:\s{0,4})?[A-Z ]{4,30}  # 2002ROME01748 - SECRET
      | X{4,}                                             # a redaction alone, after the end markers
      | (?-i:[A-Z][A-Z ,'-]{2,80})\.\.\.                    # "T ONE ORDERED RELEASED ON..." (05PARIS1699)
      | ID:\s{0,4}\d{3,9} | [A-Z]{2,12}\s@\sEL\sP.{0,10}    # a newspaper's print stamp (09SAOPAULO487)
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A post's intranet trailer or an address anywhere in the line (searched in the
# lower-cased line: a case-insensitive search of an alternation costs about
# four times as much, and the tail of every cable is read).
_TRAILER = re.compile(
    r"classified\s+web\s*site|siprnet\s+web\s*site|https?://|www\.|sgov\.gov|intelink|portal:"
    r"|propiedad de el pa|from db/inbox:"  # a newspaper's print stamp, an inbox stamp (10BRUSSELS183)
)
# A name: capitalised words (LeBaron, McMullen, O'Brien), or initials.
_NAME_WORD = r"(?:[A-Z][A-Za-z'’-]{0,30}[A-Za-z]|[A-Z]\.)"  # bounded: no backtracking runs
_NAME_LINE = re.compile(
    rf"^\s*(?P<name>{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,2}}(?:,?[ ](?:jr|sr)\.?)?)"  # "Timken jr"
    r"\s*(?:\.|\#{1,4})?\s*"  # GILLESPIE##
    r"(?:\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?)?\s*$"  # "SOBEL 2008-01-08"
)
_END_PHRASE = re.compile(r"^\s*END\s+(?:OF\s+)?(?:TEXT|COMMENT|SUMMARY|NOTE|QUOTE)\s*[.:]\s+", re.I)
_LOWER_NAME_LINE = re.compile(r"^\s*(?P<name>[a-z][a-z'-]{2,20})\s*$")  # "tuttle" after a trailer
# Words that make a line a heading, a marker or a routing instruction, not a name.
_NOT_NAMES = frozenset(
    """END TEXT COMMENT COMMENTS SUMMARY NOTE BEGIN MINIMIZE CONSIDERED CLASSIFIED BY REASON
    REASONS SIPDIS NOFORN NNNN BT UNCLASSIFIED UNCLAS SECRET CONFIDENTIAL TOP LIMITED
    OFFICIAL USE TAGS SUBJECT SUBJ REF REFS PAGE FOR STATE THE AND OF TO IN ON AT THANKS
    THANK YOU REGARDS VISIT PLEASE CABLE MESSAGE SECTION BACKGROUND ACTION REQUEST INFO
    INFORMATION AMEMBASSY AMCONSUL SECSTATE WASHDC DECL DECLASSIFY PARA PARAS POINTS DRAFTED
    CLEARED APPROVED NONE ENDS YES NO OK QUOTE UNQUOTE""".split()  # noqa: SIM905
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?:[.!?:;\"”’')\]]|x{3,}|X{3,})\s*$")
_CAPITALS_WORD = r"[A-Z][A-Z'’-]{0,30}[A-Z]"
_INLINE = re.compile(
    r"(?:(?P<end_comment>\bEND\s+(?:COMMENT|SUMMARY|NOTE)\b\.?)|[.!?\"”’)\]])[ \t]{1,8}"
    rf"(?P<name>(?-i:{_CAPITALS_WORD}[ ]{_CAPITALS_WORD})|{_NAME_WORD})"  # "… in 2009. LA LIME"
    r"[ \t]*\.?(?:[ \t]{1,4}\d{4}-\d{2}-\d{2})?[ \t]*$",  # "… offense. KUBISKE 2009-12-31"
    re.IGNORECASE,
)
# An address, at most two pieces of it broken off by blanks ("index. cfm"), then a name.
_NAME_AFTER_ADDRESS = re.compile(
    r"https?://\S{1,200}(?:[ \t]{1,4}[a-z_.]\S{0,40}|[ \t]{1,4}\S*[_./]\S*){0,2}"
    rf"[ \t]{{1,4}}(?P<name>{_NAME_WORD})[ \t]*\.?[ \t]*$"
)
# A name in capitals after a trailer on the same line ("…Portal:Unit ed_Kingdom TUTTLE").
_AFTER_TRAILER = re.compile(rf"[ \t](?P<name>(?-i:{_CAPITALS_WORD}))[ \t]*\.?[ \t]*$")


class Tail(NamedTuple):
    """Where the end of a cable starts among its last lines, and the signer's name."""

    signature_line: int | None  # index of the line holding the name, if any
    name: str | None
    first_tail_line: int  # the first line of the signature or the junk after the text


_LONGEST_LINE = 300  # a signature or trailer line is short; longer lines are text


def is_end_junk(line: str) -> bool:
    """An end marker, a trailer, a repeated banner, a page marker: no text of the cable."""
    if len(line) > _LONGEST_LINE:
        return False
    if _JUNK.match(line) or _TRAILER.search(line.lower()) or END_MARKER.match(line):
        return True
    banner = BANNER.match(line)
    return banner is not None and not line[banner.end() :].strip()


def signer_of_line(line: str, *, after_trailer: bool = False) -> str | None:
    """The name if ``line`` is a signature line (``MANZANARES .``, ``END TEXT HEFFERN``), else None."""
    if len(line) > _LONGEST_LINE:
        return None
    line = _END_PHRASE.sub("", line, count=1)  # "End text. SECHE" (09SANAA2208)
    match = _NAME_LINE.match(line)
    if match is not None:
        words = match.group("name").split()
        # "END TEXT HEFFERN", "MINIMIZE CONSIDERED SHANNON", "CLINTON UNQUOTE CLINTON":
        # the name is what follows the last marker word.
        markers = [i for i, word in enumerate(words) if word.upper().rstrip(".") in _NOT_NAMES]
        if markers:
            words = words[markers[-1] + 1 :]
        # "SHANNON SHANNON", "SHANNON Shannon": a name typed twice is one name.
        if len(words) == 2 and words[0].upper() == words[1].upper():
            words = words[:1]
        name = " ".join(words)
        letters = name.replace(".", "").replace(" ", "")
        short_name = len(letters) == 2 and letters[0].isupper() and letters[1].islower()  # "Lu"
        if (len(letters) < 3 and not short_name) or set(name.upper()) <= {"X", " "}:
            return None  # an initial alone, or a redaction (XXXXXXXXXXXX)
        return name
    if after_trailer and (lower := _LOWER_NAME_LINE.match(line)):
        return lower.group("name") if lower.group("name").upper() not in _NOT_NAMES else None
    return None


def read_tail(lines: list[str]) -> Tail:
    """Walk back over the last non-blank ``lines`` of a body: junk, then perhaps a name.

    A name in capitals stands on its own; a mixed-case one (``Leach``) needs the
    line before it to end a sentence (or a redaction ``xxxx``, or a trailer), so
    that the last word of a paragraph wrapped onto a line of its own is not taken
    for a signer.
    """
    index = len(lines) - 1
    if index >= 0 and (name := _name_after_address(lines[index])):
        # "… Classified Website: http://…/index. cfm Tuttle": the name ends the trailer
        first = index
        while first > 0 and is_end_junk(lines[first - 1]):
            first -= 1
        return Tail(index, name, first)
    saw_trailer = False
    while index >= 0 and is_end_junk(lines[index]):
        saw_trailer = True
        index -= 1
    first_tail = index + 1
    if index < 0:
        return Tail(None, None, first_tail)
    line = lines[index]
    trailer_before = index > 0 and is_end_junk(lines[index - 1])
    name = signer_of_line(line, after_trailer=saw_trailer or trailer_before)
    if name is None:
        return Tail(None, None, first_tail)
    stripped = line.strip()
    mixed_case = not stripped.isupper()
    previous = lines[index - 1] if index > 0 else ""
    if mixed_case and index > 0 and not (_SENTENCE_END.search(previous) or trailer_before):
        return Tail(None, None, first_tail)
    first = index  # a trailer before the name ("Visit ... Classified Website") ends the text too
    if trailer_before:  # (the line before the name, already tested)
        first -= 1
        while first > 0 and is_end_junk(lines[first - 1]):
            first -= 1
    return Tail(index, name, first)


def _name_after_address(line: str) -> str | None:
    """The name run onto the end of a trailer line after its address (``…/index.c fm
    STAPLETON``, ``…/Portal:Unit ed_Kingdom LEBARON``, ``…/london/index. cfm Tuttle``)."""
    if len(line) > _LONGEST_LINE or "://" not in line:
        return None
    match = _NAME_AFTER_ADDRESS.search(line)
    if match is None or match.group("name").upper() in _NOT_NAMES:
        return None
    return match.group("name")


def inline_signer(last_line: str) -> tuple[str, int] | None:
    """A name run onto the end of the last line (``… END COMMENT EIKENBERRY``,
    ``… politics. Burns``): (name, where it starts in the line), or None."""
    match = _INLINE.search(last_line, max(0, len(last_line) - 80))  # the line's end only
    if match is None and _TRAILER.search(last_line.lower()):
        match = _AFTER_TRAILER.search(last_line, max(0, len(last_line) - 40))
    if match is None:
        return None
    name = match.group("name")
    if name.upper().rstrip(".") in _NOT_NAMES or len(name) < 3:
        return None
    end_comment = match.re is _INLINE and match.group("end_comment")
    if not (end_comment or name.isupper() or name[0].isupper()):
        return None
    return name, match.start("name")
