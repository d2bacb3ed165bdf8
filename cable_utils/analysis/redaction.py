"""Who may read which paragraph: a teaching model of three readers.

A cable is classified paragraph by paragraph: each numbered paragraph carries a
*portion marking* such as ``(C)`` or ``(U)``, and the banner gives the highest
level of any paragraph. This module asks, for three imagined readers, which
paragraphs they would see and what share of the words they would lose.

The rules (a model for class, not the Department's release procedure)
--------------------------------------------------------------------
1. **Levels are ordered** UNCLASSIFIED < CONFIDENTIAL < SECRET < TOP SECRET
   (``data/reference/classification_levels.csv``; E.O. 12958 §1.3 names the
   three classified levels, see ``data/reference/notes/eo_classification_reasons.md``).
2. **A paragraph's level comes from its portion marking**, read through
   ``data/reference/markings.csv``: ``U`` → UNCLASSIFIED, ``C`` → CONFIDENTIAL,
   ``S`` → SECRET, ``SBU`` → UNCLASSIFIED with the SBU caveat, ``C/NF`` →
   CONFIDENTIAL with NOFORN, ``S/REL CHINA`` → SECRET releasable to China …
   A marking not in the table is read by its first letter (``S/REL TO UKRAINE``
   → SECRET) and the decision says so.
3. **"ENTIRE TEXT" marks** (``(C - ENTIRE TEXT)``, markings.csv) give every
   later unmarked paragraph the same level.
4. **An unmarked paragraph** otherwise takes the banner's level: a reader who
   cannot tell how sensitive a paragraph is must treat it as the whole cable.
   On a declassified cable (its E.O. line says ``DECLASSIFIED``) the banner is the
   level after declassification, and the decision says so.
   An unmarked paragraph of an unmarked, unbannered cable counts as UNCLASSIFIED
   and the decision says it was a guess.
5. **Readers**:

   * *public release*: sees only paragraphs that are UNCLASSIFIED with no
     protective caveat. SBU ("unclassified, but to be protected", markings.csv)
     and FOUO ("for official use only") are withheld.
   * *uncleared reader* (an official without a security clearance): sees every
     UNCLASSIFIED paragraph, SBU and FOUO included; nothing classified.
   * *CONFIDENTIAL-cleared reader* (a U.S. official cleared to CONFIDENTIAL):
     sees UNCLASSIFIED and CONFIDENTIAL paragraphs; NOFORN does not stop a U.S.
     national; SECRET and TOP SECRET are withheld.

What this leaves out, on purpose: need-to-know, the declassification date
(08BAKU151's ``DECL: 02/19/2018`` has passed, so a review might release it all),
and the fact that the published copy reached the public by a leak, not by a
release. These are good discussion points.

"Words lost" counts the words of withheld paragraphs (``Paragraph.word_count``)
as a share of the words of all paragraphs of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Cable, Paragraph
from ..parse import takes_cable
from ..reference import codes as reference

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LEVELS",
    "READERS",
    "PortionLevel",
    "Reader",
    "RedactionResult",
    "portion_levels",
    "reader_names",
    "redaction_table",
    "simulate",
    "simulate_all",
    "marking_meaning",
]

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
_PROTECTIVE_CAVEATS = {"SBU", "FOUO"}
_FIRST_LETTER = {"U": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "T": "TOP SECRET"}


@dataclass(frozen=True, slots=True)
class Reader:
    """An imagined reader: the highest level they may see, and whether SBU/FOUO reach them."""

    name: str
    max_level: str
    sees_protected_unclassified: bool
    description: str

    def may_read(self, level: str, caveats: frozenset[str]) -> bool:
        if LEVELS.index(level) > LEVELS.index(self.max_level):
            return False
        if level == "UNCLASSIFIED" and caveats & _PROTECTIVE_CAVEATS:
            return self.sees_protected_unclassified
        return True


#: The three readers of the redaction simulator, in order of widening access.
READERS: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader(
            "public release",
            "UNCLASSIFIED",
            False,
            "a member of the public reading an official release: unmarked-sensitive (SBU, FOUO) "
            "and classified paragraphs are withheld",
        ),
        Reader(
            "uncleared reader",
            "UNCLASSIFIED",
            True,
            "an official with no security clearance: all unclassified paragraphs, SBU included",
        ),
        Reader(
            "CONFIDENTIAL-cleared reader",
            "CONFIDENTIAL",
            True,
            "a U.S. official cleared to CONFIDENTIAL: unclassified and CONFIDENTIAL paragraphs",
        ),
    )
}


def marking_meaning(marking: str | None) -> str:
    """What a portion marking or banner means, from markings.csv."""
    if not marking:
        return "no portion marking"
    row = reference.markings().get(re.sub(r"\s+", " ", marking.strip().upper()))
    return row["meaning"] if row else "not in the markings table"


def reader_names() -> list[str]:
    return list(READERS)


@dataclass(frozen=True, slots=True)
class PortionLevel:
    """The level a paragraph is read at, its caveats, and why."""

    paragraph: Paragraph
    level: str
    caveats: frozenset[str]
    basis: str


def _banner_level(cable: Cable) -> str | None:
    level = (cable.classification or "").upper()
    return level if level in LEVELS else None


def _banner_basis(cable: Cable) -> str:
    """Why an unmarked paragraph has the banner's level, and how far the banner is the original.

    A declassified cable (``E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006`` on
    72TEHRAN1164) carries the banner of its release, not of its writing: the paragraph's
    level when it was sent is unknown, and the decision must not pretend otherwise.
    """
    basis = "unmarked: takes the banner's level"
    note = cable.declassification_note or ""
    if "DECLASSIFIED" in note.upper():
        basis += (
            f" (the banner after declassification, {note.strip()}; the level when sent is unknown)"
        )
    return basis


def _read_marking(marking: str) -> tuple[str | None, frozenset[str], str]:
    """A portion marking → (level, caveats, how it was read)."""
    key = re.sub(r"\s+", " ", marking.strip().upper())
    row = reference.markings().get(key)
    if row and row.get("level", "").upper() in LEVELS:
        caveat = (row.get("caveat") or "").strip().upper()
        caveats = frozenset({caveat}) if caveat else frozenset()
        return row["level"].upper(), caveats, f"marking ({marking}) in markings.csv"
    level = _FIRST_LETTER.get(key[:1])
    if key.startswith(("TS", "TOP SECRET")):
        level = "TOP SECRET"
    caveats = set()
    if re.search(r"\bN(?:O)?F(?:ORN)?\b", key.replace("/", " ")):
        caveats.add("NOFORN")
    if "REL" in key.split("/")[-1]:
        caveats.add("REL")
    if level is None:
        return None, frozenset(caveats), f"marking ({marking}) not understood"
    return level, frozenset(caveats), f"marking ({marking}) not in markings.csv: read by its letter"


@takes_cable
def portion_levels(cable: Cable) -> list[PortionLevel]:
    """Each paragraph's level under the rules in this module's docstring."""
    banner = _banner_level(cable)
    inherited: tuple[str, frozenset[str]] | None = None
    decided: list[PortionLevel] = []
    for paragraph in cable.paragraphs:
        if paragraph.marking:
            level, caveats, basis = _read_marking(paragraph.marking)
            if level is not None:
                if "ENTIRE TEXT" in paragraph.marking.upper():
                    inherited = (level, caveats)
                decided.append(PortionLevel(paragraph, level, caveats, basis))
                continue
        if inherited is not None:
            decided.append(
                PortionLevel(paragraph, inherited[0], inherited[1], "unmarked: ENTIRE TEXT mark")
            )
        elif banner is not None:
            decided.append(PortionLevel(paragraph, banner, frozenset(), _banner_basis(cable)))
        else:
            decided.append(
                PortionLevel(paragraph, "UNCLASSIFIED", frozenset(), "unmarked, no banner: guessed")
            )
    return decided


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """What one reader sees of a cable."""

    reader: Reader
    kept: tuple[PortionLevel, ...]
    withheld: tuple[PortionLevel, ...]

    @property
    def words_total(self) -> int:
        return sum(p.paragraph.word_count for p in self.kept + self.withheld)

    @property
    def words_lost(self) -> int:
        return sum(p.paragraph.word_count for p in self.withheld)

    @property
    def share_lost(self) -> float:
        """Share of the body's words this reader does not see (0 when there are none)."""
        return self.words_lost / self.words_total if self.words_total else 0.0

    @property
    def withheld_numbers(self) -> list[int]:
        return [p.paragraph.number for p in self.withheld if p.paragraph.number is not None]

    @property
    def kept_numbers(self) -> list[int]:
        return [p.paragraph.number for p in self.kept if p.paragraph.number is not None]


@takes_cable
def simulate(cable: Cable, reader: str | Reader) -> RedactionResult:
    """Which paragraphs ``reader`` (a name in :data:`READERS` or a Reader) sees."""
    if isinstance(reader, str):
        try:
            reader = READERS[reader]
        except KeyError:
            known = ", ".join(READERS)
            raise ValueError(f"no reader called {reader!r}; choose one of: {known}") from None
    kept, withheld = [], []
    for portion in portion_levels(cable):
        (kept if reader.may_read(portion.level, portion.caveats) else withheld).append(portion)
    return RedactionResult(reader, tuple(kept), tuple(withheld))


@takes_cable
def simulate_all(cable: Cable) -> list[RedactionResult]:
    return [simulate(cable, reader) for reader in READERS.values()]


@takes_cable
def redaction_table(cable: Cable) -> pd.DataFrame:
    """One row per paragraph: level, caveats, basis, and who sees it (✓ / withheld)."""
    import pandas as pd

    rows = []
    for portion in portion_levels(cable):
        row = {
            "number": portion.paragraph.number,
            "marking": portion.paragraph.marking or "(none)",
            "level": portion.level,
            "caveats": ", ".join(sorted(portion.caveats)) or "",
            "words": portion.paragraph.word_count,
            "basis": portion.basis,
        }
        for reader in READERS.values():
            row[reader.name] = (
                "sees" if reader.may_read(portion.level, portion.caveats) else "withheld"
            )
        rows.append(row)
    columns = ["number", "marking", "level", "caveats", "words", "basis", *READERS]
    return pd.DataFrame(rows, columns=columns).astype({"number": "Int64"})
