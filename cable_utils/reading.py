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

from .model import Cable, Paragraph

__all__ = ["REPORTING_VERBS", "ParagraphVoice", "paragraph_voice", "paragraph_voices"]

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
_COMMENT_SECTION = re.compile(r"\bcomment\b", re.IGNORECASE)


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
    in_comment = bool(paragraph.section and _COMMENT_SECTION.search(paragraph.section))
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


def paragraph_voices(cable: Cable) -> list[ParagraphVoice]:
    return [paragraph_voice(p) for p in cable.paragraphs]
