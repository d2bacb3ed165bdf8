"""Decoders that turn the codes of a cable into explanations a student can read.

Each decoder takes the text as written and returns a small frozen object with
the interpreted values *and* a sentence of explanation, keeping source form and
meaning side by side. Decoders never raise on odd input: they return ``None``
(or a result that says "not recognised") so lessons can show what was not
understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..reference import codes as reference

__all__ = [
    "DTG",
    "DELine",
    "Token",
    "decode_de_line",
    "decode_decl_date",
    "decode_dtg",
    "decode_precedence",
    "decode_reasons",
    "decode_routing_indicator",
    "decode_security_line",
    "decode_tag",
    "explain_header_line",
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


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a header line and what it means."""

    text: str
    meaning: str


def _two_digit_year(yy: int) -> int:
    # Cablegate spans 1966–2010: 66–99 are 19xx, 00–65 are 20xx.
    return 1900 + yy if yy >= 66 else 2000 + yy


@dataclass(frozen=True, slots=True)
class DTG:
    """A date-time group such as ``191347Z FEB 08``."""

    text: str
    moment: datetime

    @property
    def explanation(self) -> str:
        return (
            f"{self.text} = day {self.moment.day:02d}, {self.moment:%H:%M} UTC (Z = 'Zulu' time), "
            f"{self.moment:%B %Y}: {self.moment:%d %B %Y, %H:%M} UTC"
        )


_DTG = re.compile(r"\s*(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2})\s*")
_BLANKS = re.compile(r"\s+")
_DE = re.compile(r"\s*DE\s+([A-Z]{4,8})\s+#(\d{1,5})(?:/(\d{1,3}))?\s+(\d{3})(\d{4})\b")


def decode_dtg(text: str) -> DTG | None:
    """``191347Z FEB 08`` → 19 Feb 2008 13:47 UTC; ``None`` if it is not a valid DTG."""
    match = _DTG.fullmatch(text or "")
    if match is None:
        return None
    day, hour, minute, month_name, yy = match.groups()
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

    def tokens(self, year: int | None = None) -> list[Token]:
        when = self.moment(year) if year else None
        day_text = f"day {self.day_of_year:03d} of the year"
        if when is not None:
            day_text += f" ({when:%d %B %Y})"
        tokens = [
            Token("DE", "'from': the station that sent the message"),
            Token(
                self.station,
                f"routing indicator of the sending station: {self.station_name or 'not in the routing table'}",
            ),
            Token(f"#{self.serial}", "the sending station's serial number for this message"),
        ]
        if self.section:
            tokens.append(
                Token(
                    f"/{self.section}", f"section {int(self.section)} of a message sent in sections"
                )
            )
        tokens.append(
            Token(
                f"{self.day_of_year:03d}{self.time}",
                f"{day_text}, {self.time[:2]}:{self.time[2:]} UTC: when it was transmitted",
            )
        )
        return tokens


def decode_de_line(text: str) -> DELine | None:
    match = _DE.match(text or "")
    if match is None:
        return None
    station, serial, section, day, time = match.groups()
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


def decode_security_line(text: str) -> list[Token]:
    """``ZNY CCCCC ZZH`` token by token."""
    meanings = {
        "ZNY": "security line of classified traffic",
        "ZNR": "security line of unclassified traffic",
        "CCCCC": "CONFIDENTIAL (the level's letter repeated five times)",
        "SSSSS": "SECRET",
        "UUUUU": "UNCLASSIFIED",
        "TTTTT": "TOP SECRET",
    }
    return [Token(token, meanings.get(token) or _operating_signal(token)) for token in text.split()]


def _operating_signal(token: str) -> str:
    # Meanings come from data/reference/operating_signals.csv, which says where a meaning
    # rests on one community parser only (ZZH): the decoder must not sound surer than that.
    row = reference.operating_signals().get(token.upper())
    if row and row.get("meaning"):
        return f"operating signal {token}: {row['meaning']}"
    return "operating signal (not in our table)"


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


def explain_header_line(
    line: str, *, year: int | None = None, dtg: DTG | None = None
) -> list[Token]:
    """Token-by-token explanation of one transmission-header line (for the header decoder)."""
    stripped = (line or "").strip()
    if stripped.startswith("VZCZC"):
        rest = stripped[5:]
        channel, serial = rest[:3], rest[3:]
        return [
            Token("VZCZC", "start-of-message signal of the telegraph format (ACP 127)"),
            Token(
                channel,
                "channel designator (so the community parser cable2graph describes this "
                "position; what this designator named is not stated in our sources)",
            ),
            Token(serial, "the relay's serial number for this message"),
        ]
    if de := decode_de_line(stripped):
        tokens = de.tokens(year)
        if dtg is not None and year is not None and (sent := de.moment(year)):
            gap = abs((sent - dtg.moment).total_seconds()) / 60
            agreement = (
                "the same moment as the date-time group"
                if gap < 1
                else f"{gap:.0f} minutes from the date-time group"
            )
            tokens.append(Token("", f"{sent:%d %b %Y %H:%M} UTC is {agreement} {dtg.text}"))
        return tokens
    if re.match(r"^ZN[YR]\b", stripped):
        return decode_security_line(stripped)
    match = re.match(
        r"^(?P<prec>[ZOPRY](?:\s+[ZOPRY])?)\s+(?P<dtg>\d{6}Z\s+[A-Z]{3}\s+\d{2})", stripped
    )
    if match:
        prosigns = match.group("prec").split()
        tokens = [
            Token(
                p,
                f"precedence: {decode_precedence(p) or 'unknown'}"
                + (" (for action addressees)" if len(prosigns) == 2 and i == 0 else "")
                + (" (for information addressees)" if len(prosigns) == 2 and i == 1 else ""),
            )
            for i, p in enumerate(prosigns)
        ]
        decoded = decode_dtg(match.group("dtg"))
        tokens.append(
            Token(
                match.group("dtg"),
                decoded.explanation if decoded else "not a valid date-time group",
            )
        )
        return tokens
    match = re.match(r"^(ZZ|OO|PP|RR|YY)\s+(.*)$", stripped)
    if match:
        prosign = match.group(1)
        tokens = [
            Token(
                prosign,
                f"precedence prosign, doubled: {decode_precedence(prosign[0]) or 'unknown'}",
            )
        ]
        for indicator in match.group(2).split():
            name = decode_routing_indicator(indicator)
            tokens.append(
                Token(
                    indicator,
                    f"routing indicator of a receiving station: {name or 'not in the ACP 117 table'}",
                )
            )
        return tokens
    match = re.match(r"^(TO|INFO|FM)\s+(.*)$", stripped)
    if match:
        word = {
            "TO": "action addressee(s)",
            "INFO": "information addressee(s)",
            "FM": "from: the sender",
        }
        tokens = [Token(match.group(1), word[match.group(1)])]
        tokens.extend(_address_tokens(match.group(2)))
        return tokens
    if "/" in stripped.split(" ")[0]:
        return _address_tokens(stripped)
    return [Token(stripped, "not a transmission-header line")]


def _routing_meaning(indicator: str, written_name: str) -> str:
    """What a routing indicator stands for, with the table's age made visible.

    The names in our table come from the 2010 edition of the routing book (ACP 117);
    a cable of another year may pair the same indicator with another name
    (08BAKU151, 2008: RUEHPS/USOFFICE PRISTINA, where the 2010 table has
    AMEMBASSY PRINSTINA). The cable's own name is the better witness for its year.
    """
    name = decode_routing_indicator(indicator)
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


def _address_tokens(text: str) -> list[Token]:
    match = re.match(
        r"^(?:(?P<ri>[A-Z]{3,8})/)?(?P<name>.*?)(?:\s+(?P<prec>FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE))?"
        r"(?:\s+(?P<serial>\d{1,5}(?:-\d{1,5})?))?\s*$",
        text.strip(),
    )
    if match is None:
        return [Token(text, "address")]
    tokens = []
    if match.group("ri"):
        ri = match.group("ri")
        tokens.append(Token(ri + "/", _routing_meaning(ri, match.group("name").strip())))
    tokens.append(Token(match.group("name"), "plain-language address (PLAD) of the station"))
    if match.group("prec"):
        tokens.append(Token(match.group("prec"), "precedence for this addressee"))
    if match.group("serial"):
        tokens.append(
            Token(
                match.group("serial"),
                "message control number for this addressee (so our reference note calls it; "
                "what sequence it counts is not stated in our sources)",
            )
        )
    return tokens
