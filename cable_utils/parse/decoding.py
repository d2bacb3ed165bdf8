"""Value decoders: the codes of a cable as values (a DTG as a moment, a prosign as a word).

The parser needs these to build the model; what each value means to a student
is explained in :mod:`cable_utils.analysis.explain`. Decoders never raise on odd
input: they return ``None`` (or the token as written) so lessons can show what
was not understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from ..reference import codes as reference
from .patterns import DE_LINE, DTG_VALUE

__all__ = [
    "DTG",
    "DELine",
    "decode_de_line",
    "decode_decl_date",
    "decode_dtg",
    "decode_official_name",
    "decode_precedence",
    "decode_reasons",
    "decode_routing_indicator",
    "decode_tag",
    "normalise_official_name",
    "split_subject_marking",
    "tag_codes",
]

MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
        start=1,
    )
}

_PRECEDENCE_NAMES = {
    "Z": "FLASH",
    "O": "IMMEDIATE",
    "P": "PRIORITY",
    "R": "ROUTINE",
    "Y": "EMERGENCY COMMAND PRECEDENCE",
}


def _two_digit_year(yy: int) -> int:
    # Cablegate spans 1966–2010: 66–99 are 19xx, 00–65 are 20xx.
    return 1900 + yy if yy >= 66 else 2000 + yy


@dataclass(frozen=True, slots=True)
class DTG:
    """A date-time group such as ``191347Z FEB 08``."""

    text: str
    moment: datetime


_BLANKS = re.compile(r"\s+")


def decode_dtg(text: str) -> DTG | None:
    """``191347Z FEB 08`` → 19 Feb 2008 13:47 UTC; ``None`` if it is not a valid DTG."""
    match = DTG_VALUE.fullmatch(text or "")
    if match is None:
        return None
    day, hour, minute, month_name, yy = match.group("day", "hour", "minute", "month", "year")
    month = MONTHS.get(month_name.upper())
    if month is None:
        return None
    try:
        moment = datetime(
            _two_digit_year(int(yy)), month, int(day), int(hour), int(minute), tzinfo=UTC
        )
    except ValueError:
        return None
    return DTG(_BLANKS.sub(" ", text.strip()).upper(), moment)


@dataclass(frozen=True, slots=True)
class DELine:
    """The ``DE RUEHKB #0151/01 0501347`` line."""

    text: str
    station: str
    serial: str
    section: str | None
    day_of_year: int
    time: str  # HHMM
    station_name: str | None

    def moment(self, year: int) -> datetime | None:
        """The transmission time, given the year (the DE line does not say it)."""
        try:
            start = datetime(year, 1, 1, tzinfo=UTC)
            hours, minutes = int(self.time[:2]), int(self.time[2:])
            return start + timedelta(days=self.day_of_year - 1, hours=hours, minutes=minutes)
        except (ValueError, OverflowError):
            return None


def decode_de_line(text: str) -> DELine | None:
    match = DE_LINE.match(text or "")
    if match is None:
        return None
    station, serial, section, day, time = match.group("station", "serial", "section", "day", "time")
    return DELine(
        match.group().strip(),
        station,
        serial,
        section,
        int(day),
        time,
        decode_routing_indicator(station),
    )


def decode_routing_indicator(indicator: str) -> str | None:
    """``RUEHKB`` → ``AMEMBASSY BAKU`` (from the ACP 117 table), ``None`` if unknown."""
    row = reference.routing_indicators().get((indicator or "").upper())
    return row.get("name") if row else None


def decode_precedence(prosign: str) -> str | None:
    """``P`` → ``PRIORITY``."""
    prosign = (prosign or "").strip().upper()
    row = reference.precedences().get(prosign)
    if row and row.get("name"):
        return row["name"]
    return _PRECEDENCE_NAMES.get(prosign)


def tag_codes() -> frozenset[str]:
    """Every code of the TAGS table (what a TAGS line may hold besides words)."""
    return _TAG_CODES()


@lru_cache(maxsize=1)
def _TAG_CODES() -> frozenset[str]:  # noqa: N802 - a cached constant
    return frozenset(code.upper() for code in reference.tags())


def decode_tag(code: str) -> tuple[str | None, str | None]:
    """A TAGS code → (description, kind); ``(None, None)`` when not in the table."""
    row = reference.tags().get((code or "").upper())
    if not row:
        return None, None
    return row.get("description") or None, row.get("kind") or None


def decode_reasons(
    letters: list[str], section: str | None, order: str | None
) -> list[tuple[str, str | None]]:
    """Reason letters → (letter, meaning) under the cable's Executive Order."""
    return [(letter, reference.reason_meaning(letter, section, order)) for letter in letters]


_DATE_FORMS = (
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("m", "d", "y")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2})$"), ("m", "d", "yy")),
    (re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$"), ("m", "d", "y")),
)
# "21 JUNE 2006", "JUNE 21, 2006", "JUN 21 2006"
_NAMED_MONTH_FORMS = (
    (re.compile(r"^(\d{1,2})\s([A-Za-z]{3,9})\.?,?\s(\d{4})\b"), ("d", "mon", "y")),
    (re.compile(r"^([A-Za-z]{3,9})\.?\s(\d{1,2}),?\s(\d{4})\b"), ("mon", "d", "y")),
)
# Schedules written before a date: "GDS 8/12/85", "XGDS-2 12/31/99", "RDS-3 1/1/2000"
_SCHEDULE_PREFIX = re.compile(r"^(?:X?GDS|RDS)(?:-\d)?\s+(?=\d)", re.I)


def _parse_date_token(token: str) -> date | None:
    first = token.split()[0] if token.split() else ""
    for pattern, order in _DATE_FORMS:
        match = pattern.match(first)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts.get("y") or _two_digit_year(parts["yy"])
            try:
                return date(year, parts["m"], parts["d"])
            except ValueError:
                return None
    for pattern, order in _NAMED_MONTH_FORMS:
        match = pattern.match(token)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            month = MONTHS.get(parts["mon"][:3].upper())
            if month is None:
                return None
            try:
                return date(int(parts["y"]), month, int(parts["d"]))
            except ValueError:
                return None
    return None


def decode_decl_date(value: str) -> date | str | None:
    """The declassification field of an E.O. line: a date, or the token as written (``OADR``).

    ``DECL: 02/19/2018``, ``2019/12/17``, ``4/22/2019``, ``GDS 8/12/85 (…)`` and
    ``JUNE 21, 2006`` give dates; ``OADR``, ``N/A``, ``GDS`` and ``1.6X1`` stay tokens.
    """
    if not value:
        return None
    token = re.sub(r"\s+", " ", value.strip().rstrip("."))
    token = re.sub(r"^DECL\s*:?\s*", "", token, flags=re.I).strip()
    parsed = _parse_date_token(token)
    if parsed is None and _SCHEDULE_PREFIX.match(token):
        parsed = _parse_date_token(_SCHEDULE_PREFIX.sub("", token, count=1))
    if parsed is not None:
        return parsed
    return token or None


# Words of a classifying official's title (any case): what is left is the name.
_TITLE_WORDS = frozenset(
    """acting deputy chief of mission ambassador ambasssador amb political politcal economic
    counselor counsellor counselour couselor councelor minister minister-counselor
    minister-counsellor minister-counselour minister-couselor mc charge charg chargé
    d'affaires d'affaires, a.i. a.i ai poloff econoff polecon pol/econ pol econ polcouns
    econcouns pol/mil polmil dcm section unit institutional affairs consul consul-general
    general principal officer officers director assistant secretary under office head public
    senior advisor adviser regional security rso management consular defense attache the by
    for and a an acting/dcm pao cg cda dcm/cda e/p ecpo pe pol-econ polmilcouns econ/pol
    economic/political political/economic political-economic economic-political counselor,
    chief, minister, officer, ambassador, deputy, director, charge, secretary, coordinator
    manager specialist team leader environment science technology health esth internal
    external commercial agricultural legal attaché ops operations division department state
    bureau staff classified message this cda couns affairs affair de ltc col lt prt
    provincial reconstruction interagency governance affaires affiars ait dir useu mcounselor
    political-military ambassador-at-large permanent representative ecmin emin min coun usdel
    member io isn nea af polmincons com off mission cda congen dpo pdas das ipo chairman
    special envoy counsel counselr counseor counsleor councilor arso arms control delegate
    conoff legatt legat to embassy u.s. us ecopol ambassaor amabassador ambassadior ambasasdor direcotr cief""".split()  # noqa: SIM905
)  # fmt: skip


_NAME_SUFFIX = re.compile(r"^(?:JR|SR|II|III|IV)\.?$", re.I)
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")  # "W.S.", "S.K.": no sentence end
# The official ends where the reason starts, however it is written: "… PER 1.5 (B)",
# "… BASED ON E.O.12958", "… DUE TO 1,4 (C)", "… F0R REASONS", "… REA\nSONS: 1.4".
_OFFICIAL_TAIL = re.compile(
    r"\s*(?:\b(?:BASED(?:\s+(?:[O0]N|UPON))?|DUE\s+TO|F\s?[O0]\s?R|FR|PER|UNDER|(?-i:fo|f))\b\s*)?"
    r"(?:\bREA\s?S[O0]NS?\b|\bE\.\s?O\b\.?|\bE\.?O\.?\s?1\d{4}|\b(?:SECTION\s+)?1\s*[.,]\s*[45]\b|$)",
    re.I,
)
_REDACTED = re.compile(r"\bX{5,}\b")
_CLASSIFIED_BY = re.compile(r"\bclassified\s+by\b:?", re.I)
_NAME_SEPARATORS = re.compile(r",|\s+-\s+|;")
# Words that end a title or a place but are no piece of a wrapped name ("… Hoyt Y\nee").
_NOT_A_NAME_PIECE = frozenset(
    """an and as at by for in of on or per the to due
    bin ibn abu al el de da del di du la le van von der""".split()  # noqa: SIM905
)
_TITLE_GLUE = re.compile(r"([/:])")  # "DCM/Ted", "AMB:RCROCKER"
_PLACE_WORDS = frozenset(("for", "to"))  # "Ambassador to Sudan Timothy Carney"


def _is_title_word(lowered: str) -> bool:
    """A title word, also misspelt: a digit 0 for an o, a dot after it ("Dir."), or
    within two letters of "ambassador" ("Ambssador", "Ambassadot", "AMBASSAD0R")."""
    word = lowered.replace("0", "o").rstrip("'")
    if word in _TITLE_WORDS or len(word) > 2 and word.rstrip(".") in _TITLE_WORDS:
        return True
    return 7 <= len(word) <= 12 and word[:1] == "a" and _within_two_edits(word, "ambassador")


def _within_two_edits(word: str, target: str) -> bool:
    """Whether the Levenshtein distance between the words is at most 2."""
    previous = list(range(len(target) + 1))
    for i, letter in enumerate(word, start=1):
        current = [i]
        for j, other in enumerate(target, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            )
        previous = current
    return previous[-1] <= 2


def _official_words(part: str) -> list[str]:
    """The words of one part of an official, a title glued to a name split off
    ("DCM/Ted Osius", "AMB:RCROCKER", "Counselor:Steve Weston")."""
    words = []
    for word in part.split():
        head, glue, rest = (
            _TITLE_GLUE.split(word, maxsplit=1) if _TITLE_GLUE.search(word) else (word, "", "")
        )
        if glue and len(head) > 1 and len(rest) > 1 and _is_title_word(head.lower()):
            words.extend([head, rest])
        else:
            words.append(word)
    return words


def _name_runs(part: str) -> list[tuple[list[str], bool]]:
    """The runs of name-like words in ``part``, each with whether a title word
    directly precedes it; a piece of a name wrapped onto the next line is joined
    back ("Richa rd Hoagland", "Hoyt Y ee", "Charles O. Blah a")."""
    runs: list[tuple[list[str], bool]] = [([], False)]
    words = _official_words(part)
    after_title = False
    for position, word in enumerate(words):
        bare = word.replace("\\'", "'").strip("():")  # "Counselor:", "D\\'AFFAIRES"
        run = runs[-1][0]
        if (
            run
            and bare.isalpha()
            and bare.islower()
            and len(bare) <= 3
            and (bare not in _NOT_A_NAME_PIECE)
            and (bare != "a" or position == len(words) - 1)
        ):
            run[-1] += bare  # a name broken at the line's end
            continue
        lowered = bare.lower()
        first = bare[:1].replace("0", "O")
        initial = len(bare) == 1 and bare.isupper()
        name_like = (
            first.isupper()
            and "/" not in bare
            and not word.startswith("(")
            and not any(c.isdigit() for c in bare.replace("0", ""))
            and (not _is_title_word(lowered) or (initial and bool(run)))
            and (not initial or bool(run))  # "AFFAIR\nS ROBERT LUKE": no initial
        )
        if not name_like:
            after_title = _is_title_word(lowered)
            runs.append(([], after_title))
            continue
        sentence_end = (
            bare.endswith(".") and len(bare.rstrip(".")) > 2 and not _INITIALS.fullmatch(bare)
        )
        if not run:
            runs[-1] = (run, after_title)
        run.append(bare.rstrip(".") if sentence_end else bare)
        if sentence_end:
            runs.append(([], False))
    return [(run, titled) for run, titled in runs if run]


def _without_place(run: list[str]) -> list[str]:
    """The name at the end of a run that starts with a place ("SUDAN TIMOTHY CARNEY",
    "Pakistan Richard C. Holbrooke"): leading words dropped down to two, or three
    with a middle initial, or up to a first initial ("E. Anthony Wayne")."""
    while len(run) > 2 and not _is_initial(run[0]) and not (len(run) == 3 and _is_initial(run[1])):
        run = run[1:]
    return run


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 or _INITIALS.fullmatch(word) is not None


def decode_official_name(official: str | None) -> str | None:
    """The person's name in a Classified By line's official (title words removed).

    The name is the last run of two or more capitalised words that are no title
    words, in the first comma-separated part that has one (titles come first:
    "AIT Director Douglas Paal"); a word ending a sentence ends the run. Without
    such a run, a single word right after a title is the name ("DCM PSIMONS").

    >>> decode_official_name("Acting Deputy Chief of Mission Marc Wall")
    'Marc Wall'
    >>> decode_official_name("Rose E. Gottemoeller, Assistant Secretary, Department of State, VCI")
    'Rose E. Gottemoeller'
    >>> decode_official_name("Charge d'Affaires, a.i., Arnold A. Chacon")
    'Arnold A. Chacon'
    >>> decode_official_name("AMBASSADOR TO SUDAN TIMOTHY CARNEY")
    'TIMOTHY CARNEY'
    """
    if not official:
        return None
    if _REDACTED.search(official):
        return None  # "XXXXXXXXXXXX, Ambassador, U.S. Embassy Tripoli": the name is redacted
    *_, official = _CLASSIFIED_BY.split(official)  # "This message classified by …"
    official = official[: _OFFICIAL_TAIL.search(official).start()]  # type: ignore[union-attr]
    parts = [part.strip() for part in _NAME_SEPARATORS.split(official) if part.strip()]
    single: str | None = None
    for index, part in enumerate(parts):
        runs = _name_runs(part)
        names = [run for run, _ in runs if len(run) >= 2]
        if not names:
            if single is None:
                single = next((run[0] for run, titled in runs if titled and len(run[0]) > 3), None)
            continue
        run = names[-1]
        before = part.lower().split()[: -len(run)] if len(run) >= 3 else []
        if _PLACE_WORDS.intersection(before):
            run = _without_place(run)
        text = " ".join(run)
        following = parts[index + 1] if index + 1 < len(parts) else ""
        if _NAME_SUFFIX.match(following):
            text += f", {following}"
        return text
    return single


def normalise_official_name(name: str | None) -> str | None:
    """A name as written, with a digit 0 read as the letter O ("LEE 0. COLDREN" →
    "LEE O. COLDREN", "B0HLEN" → "BOHLEN"): typists' zeros in names. The words are
    kept in the text's case; nothing else is corrected.

    >>> normalise_official_name("AMBASSADOR R0BIN L. RAPHEL")
    'AMBASSADOR ROBIN L. RAPHEL'
    """
    if name is None:
        return None
    return re.sub(r"(?<![0-9])0(?![0-9])", "O", name)


_SUBJECT_MARKING = re.compile(r"\((?P<mark>[A-Z]{1,4}(?:/{1,2}[A-Z]{2,8})?)\)[ \t]*")


def split_subject_marking(subject: str) -> tuple[str | None, str]:
    """A subject's own portion marking and the subject without it.

    >>> split_subject_marking("(U) Secretary Clinton's July 14 conversation")
    ('U', "Secretary Clinton's July 14 conversation")
    >>> split_subject_marking("AZERBAIJANI REACTION TO KOSOVO")
    (None, 'AZERBAIJANI REACTION TO KOSOVO')
    """
    match = _SUBJECT_MARKING.match(subject)
    if match is None or match.end() == len(subject):
        return None, subject
    return match.group("mark"), subject[match.end() :]
