"""A first look at who speaks in each paragraph (lesson 02; lesson 03 goes deep).

A cable mixes two voices: *reporting* (what officials, commentators and the
press said, attributed with verbs such as "said", "told us", "noted") and the
Embassy's *own analysis* (the "Comment" section, or sentences with "we").
This module only spots the cues; it does not decide who is right, and it can be
wrong: students should check each paragraph against its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Cable, Paragraph
from ..parse import takes_cable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "REPORTING_VERBS",
    "ParagraphVoice",
    "paragraph_voice",
    "paragraph_voices",
    "ref_trail",
    "voices_table",
]

#: Verbs of reported speech: a paragraph using them is (at least partly) reporting.
REPORTING_VERBS = (
    "said",
    "told",
    "stated",
    "noted",
    "stressed",
    "emphasized",
    "claimed",
    "characterized",
    "reiterated",
    "underscored",
    "suggested",
    "denied",
    "cautioned",
    "commented",
    "commenting",
    "added",
    "argued",
    "asserted",
    "explained",
    "remarked",
)
_VERB_PATTERN = re.compile(r"\b(" + "|".join(REPORTING_VERBS) + r")\b", re.IGNORECASE)
_OWN_VOICE = re.compile(
    r"\b(we|our|us|post|embassy|emboff|embassy's)\b(?!\s+(?:spoke|told))", re.IGNORECASE
)
# A section whose heading is just "Comment" (drafters underline it: "COMMENT -------").
_COMMENT_SECTION = re.compile(r"^[\s:.-]*comment[\s:.-]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParagraphVoice:
    """A light reading of one paragraph's voice."""

    paragraph: Paragraph
    voice: str  # "Embassy's own comment" / "reporting" / "mixed" / "unclear"
    reporting_cues: tuple[str, ...]
    own_voice_cues: tuple[str, ...]


def paragraph_voice(paragraph: Paragraph) -> ParagraphVoice:
    """Classify a paragraph by its section and its cues (a heuristic, not a verdict)."""
    verbs = tuple(dict.fromkeys(m.group(1).lower() for m in _VERB_PATTERN.finditer(paragraph.text)))
    own = tuple(dict.fromkeys(m.group(1).lower() for m in _OWN_VOICE.finditer(paragraph.text)))
    in_comment = bool(paragraph.section and _COMMENT_SECTION.match(paragraph.section))
    if in_comment:
        voice = "Embassy's own comment"
    elif verbs and own:
        voice = "mixed"
    elif verbs:
        voice = "reporting"
    elif own:
        voice = "Embassy's own voice"
    else:
        voice = "unclear"
    return ParagraphVoice(paragraph, voice, verbs, own)


@takes_cable
def paragraph_voices(cable: Cable) -> list[ParagraphVoice]:
    return [paragraph_voice(p) for p in cable.paragraphs]


@takes_cable
def ref_trail(cable: Cable) -> pd.DataFrame:
    """The REF entries joined to ``data/related/thread.csv`` (metadata only, no texts).

    A reference that the thread table does not hold says so; the table is the
    metadata of the cables around 08BAKU151 (source: data/related/README.md).
    """
    import csv

    import pandas as pd

    from ..source.paths import DATA_DIR

    path = DATA_DIR / "related" / "thread.csv"
    thread: dict[str, dict[str, str]] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            thread = {row["id"]: row for row in csv.DictReader(handle) if row.get("id")}
    rows = []
    for reference in cable.references:
        known = thread.get(reference.id or "")
        rows.append(
            {
                "label": reference.label,
                "as written": reference.text,
                "id": reference.id or "(not a cable number)",
                "date": (known or {}).get("date") or "",
                "subject": (known or {}).get("subject") or "",
                "published copy": (known or {}).get("url") or "",
                "note": (known or {}).get("note")
                or "not in data/related/thread.csv: metadata unknown here",
            }
        )
    columns = ["label", "as written", "id", "date", "subject", "published copy", "note"]
    return pd.DataFrame(rows, columns=columns)


@takes_cable
def voices_table(cable: Cable) -> pd.DataFrame:
    """One row per paragraph: number, section, voice, the cues that suggested it."""
    import pandas as pd

    rows = [
        {
            "number": v.paragraph.number,
            "section": v.paragraph.section or "(main text)",
            "voice (first look)": v.voice,
            "reporting verbs": ", ".join(v.reporting_cues),
            "own-voice words": ", ".join(v.own_voice_cues),
        }
        for v in paragraph_voices(cable)
    ]
    columns = ["number", "section", "voice (first look)", "reporting verbs", "own-voice words"]
    return pd.DataFrame(rows, columns=columns).astype({"number": "Int64"})
