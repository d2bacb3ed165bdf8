"""Who said what: statements attributed to an actor through a speech verb.

Each statement carries the clause said (raw offsets), the verb, and an
event-data code in the style of CAMEO (Conflict and Mediation Event
Observations; Schrodt, *CAMEO Conflict and Mediation Event Observations Event
and Actor Codebook*, 2012, cited in ``data/sources.csv``), flagged where the
coding is a judgement call, with the reason in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Cable
from ...parse import takes_cable
from .folding import fold
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import Mention, find_mentions
from .text import CableText, remembered, sentence_bounds

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CODE_LABELS", "SPEECH_VERBS", "Statement", "find_statements", "statements_table"]

#: Speech verbs (every form searched) and the event code each suggests by itself.
SPEECH_VERBS: dict[str, str] = {
    "say": "010",
    "state": "010",
    "tell": "010",
    "note": "010",
    "stress": "010",
    "emphasize": "010",
    "emphasise": "010",
    "characterize": "010",
    "characterise": "010",
    "claim": "010",
    "caution": "010",
    "deny": "010",
    "underscore": "010",
    "reiterate": "010",
    "suggest": "010",
    "comment": "010",
    "add": "010",
    "assert": "010",
    "argue": "010",
    "warn": "010",
    "explain": "010",
    "insist": "010",
    "remark": "010",
    "observe": "010",
    "confirm": "010",
    "acknowledge": "010",
    "announce": "010",
    "predict": "010",
    "report": "010",
    "echo": "010",
    "disavow": "010",
    "affirm": "010",
    "maintain": "010",
    "urge": "010",
    "opine": "010",
    "complain": "012",
    "lament": "012",
    "criticize": "111",
    "criticise": "111",
    "denounce": "111",
    "condemn": "111",
    "accuse": "112",
    "reject": "120",
    "defend": "052",
}
_IRREGULAR = {"say": ("said", "says", "saying"), "tell": ("told", "tells", "telling")}


def _verb_forms(lemma: str) -> dict[str, str]:
    if lemma in _IRREGULAR:
        return {form: lemma for form in (lemma, *_IRREGULAR[lemma])}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms = [lemma, lemma + "s", lemma + "d", stem + "ing"]
    elif lemma.endswith("y") and lemma not in ("say",):
        stem = lemma[:-1]
        forms = [lemma, stem + "ies", stem + "ied", lemma + "ing"]
    elif lemma.endswith(("ss", "sh", "ch", "o")):
        forms = [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms = [lemma, lemma + "s", lemma + "ed", lemma + "ing"]
    return {form: lemma for form in forms}


_VERB_FORMS: dict[str, str] = {}
for _lemma in SPEECH_VERBS:
    _VERB_FORMS.update(_verb_forms(_lemma))
_VERB_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(_VERB_FORMS, key=len, reverse=True)) + r")(?![\w-])"
)

#: Words that may stand between a speaker and the verb ("Ibrahimov also emphasized").
_SKIPPABLE = re.compile(
    r"(?:\s+|^)(?:also|separately|again|later|then|publicly|privately|repeatedly|further|"
    r"may|might|would|will|could|can|did|does|has|have|had|is|was|continuing|continues|"
    r"to|not|reportedly|firmly|strongly)\s*$"
)


@dataclass(frozen=True)
class Statement:
    speaker: str  # actor id
    verb: str  # as written
    lemma: str
    start: int  # raw offsets of what was said (the clause)
    end: int
    text: str
    verb_start: int
    verb_end: int
    paragraph: int | None
    code: str  # CAMEO-like event code
    code_label: str
    judgement_call: bool
    why: str  # why the speaker and code were chosen, in words


CODE_LABELS = {
    "010": "make statement",
    "012": "make pessimistic comment",
    "052": "defend verbally",
    "054": "grant diplomatic recognition",
    "110": "disapprove",
    "111": "criticize or denounce",
    "112": "accuse",
    "120": "reject",
}


#: A recognition whose subject is a count of other states: "16 states had already
#: recognized", "not a single country had recognized", "another 37 had declared".
_REPORTED_RECOGNITIONS = re.compile(
    r"\b(?:\d+|a single|single|several|many|some|few|other|\w+ other|all)\s+"
    r"(?:states|state|countries|country|nations|nation|governments)\b"
    r"(?:\s+\w+){0,3}?\s+(?:recogni[sz]ed|recogni[sz]e|recogni[sz]es)\b"
)


def _code_for(lemma: str, clause: str) -> tuple[str, bool, str]:
    """An event code for a statement, whether it is a judgement call, and why."""
    folded = fold(clause)
    if _REPORTED_RECOGNITIONS.search(folded):
        # "16 states had already recognized …; not a single country had recognized …":
        # the speaker reports what other states did; that is a statement, not the
        # speaker's own (non-)recognition. The negation rule below fired here once and
        # coded Seyidov's report 120 "reject".
        return (
            "010",
            True,
            "reports recognitions by other states (a count): a statement (010), not a "
            "recognition (054) or a rejection (120) by the speaker; the numbers are the "
            "speaker's claim",
        )
    negated_recognition = re.search(r"\b(?:not|never|no)\b[^.;]{0,30}\brecogni[sz]", folded)
    if negated_recognition:
        return (
            "120",
            True,
            (
                "announces non-recognition: coded 120 (reject) by hand; a verb dictionary that "
                "codes 'recognize' as 054 would get the opposite event if it missed the 'not'"
            ),
        )
    if re.search(r"\brecogni[sz]e[sd]?\b[^.;]{0,40}\bindependence\b", folded) and lemma != "deny":
        return (
            "054",
            True,
            "'recognize … independence' is a recognition event (054) only if it is granted",
        )
    if re.search(r"\b(?:illegal|violat\w*|unilateral)\b", folded):
        return (
            "111",
            True,
            "calls the act illegal or a violation: 111 (criticize or denounce); 112 (accuse) is defensible",  # noqa: E501
        )
    if re.search(r"\b(?:not happy|skeptical|sceptical|worried|concerned|pessimistic)\b", folded):
        return (
            "012",
            True,
            "voices a worry or pessimism: 012; 110 (disapprove) if read as aimed at someone",
        )
    code = SPEECH_VERBS.get(lemma, "010")
    if lemma in ("deny", "disavow", "caution", "warn", "urge"):
        return code, True, f"'{lemma}' has no code of its own on our short list, so 010"
    return (
        code,
        False,
        "a plain statement verb: 010" if code == "010" else f"the verb '{lemma}' suggests {code}",
    )


def _strip_trailing_insertions(left: str) -> str:
    """Remove "-- … --", "( … )", commas and skippable words between a subject and its verb."""
    previous = None
    while previous != left:
        previous = left
        left = left.rstrip()
        left = re.sub(r"\s*--[^-]*--$", "", left)
        left = re.sub(r"\s*\([^()]*\)$", "", left)
        left = left.rstrip(",")
        left = _SKIPPABLE.sub("", left)
    return left


@dataclass
class _Clause:
    start: int  # normalised-text offsets
    end: int


def _clause_after(
    text: str, position: int, sentence_end: int, lemma: str, subordinate: bool
) -> list[_Clause]:
    """What was said: the that-clause or object after the verb, split at "and that" / ", nor"."""
    rest = text[position:sentence_end]
    that = re.match(
        r"(?:\s+(?:on|to|in|at|with|for)\s(?:[^,.;\"]|\.(?=\w)){0,60}?|\s+(?:us|him|her|them|emboff|the\s+\w+|\w+))??\s+that\s+",  # noqa: E501
        rest,
    )
    if that is None and lemma == "tell":
        that = re.match(r"\s+(?:us|him|her|them|emboff|the\s+\w+|[A-Z]\w+)\s+(?!that\b)", rest)
    start = position + (that.end() if that else len(rest) - len(rest.lstrip()))
    body = text[start:sentence_end]
    if subordinate:
        comma = re.search(r",\s", body)
        if comma:
            body = body[: comma.start()]
    if that is None:
        # an object, not a clause: it ends at the next comma, "and" + verb, or a time phrase
        stop = re.search(
            r",\s|\s+and\s*,|\s+and\s+(?=\w+(?:ed|d)\b)|\s+in\s+(?:a|an|the)\s|\s\(", body
        )
        if stop:
            body = body[: stop.start()]
    else:
        stop = re.search(r"\s\((?!\")|\s+and\s+(?:said|stated|added|noted)\b", body)
        if stop:
            body = body[: stop.start()]
    body = body.rstrip(" .;,")
    clauses: list[_Clause] = []
    offset = start
    for part in re.split(r"(\s+and\s+that\s+|,\s+(?=nor\s))", body):
        if re.fullmatch(r"\s+and\s+that\s+|,\s+", part or ""):
            offset += len(part)
            continue
        if part.strip():
            clauses.append(_Clause(offset, offset + len(part.rstrip(" .;,"))))
        offset += len(part)
    return clauses


@takes_cable
def find_statements(cable: Cable, gazetteer: Gazetteer | None = None) -> list[Statement]:
    """Who said what: statements attributed to an actor through a speech verb.

    The speaker is the actor mentioned right before the verb (skipping "also",
    "may", appositions in dashes or brackets); "and said" continues the previous
    speaker; a participle ("suggesting", "While disavowing") takes the speaker of
    its main clause; "he" is the last person named in the paragraph. Headlines
    ("…," EXO) are statements of the outlet. Every result says why.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    key = ("statements", cable.raw, gazetteer)
    return list(remembered(key, lambda: _find_statements(cable, gazetteer)))


def _find_statements(cable: Cable, gazetteer: Gazetteer) -> list[Statement]:
    text = CableText(cable)
    mentions = find_mentions(cable, gazetteer)
    body_mentions = [m for m in mentions if m.part in ("paragraph", "text") and m.how != "metonym"]
    by_end: dict[int, list[Mention]] = {}
    for m in body_mentions:
        by_end.setdefault(m.clean_end, []).append(m)
    statements: list[Statement] = []
    for paragraph in cable.paragraphs:
        low, high = text.clean_index(paragraph.start), text.clean_index(paragraph.end)
        statements += _paragraph_statements(
            text, gazetteer, body_mentions, by_end, paragraph.number, low, high
        )
    statements += _headline_statements(text, gazetteer, body_mentions)
    return sorted(statements, key=lambda s: (s.verb_start, s.start))


def _speaker_before(
    clean: str, position: int, sentence_start: int, by_end: dict[int, list[Mention]]
) -> tuple[list[Mention], str]:
    left = clean[sentence_start:position]
    stripped = _strip_trailing_insertions(left)
    end = sentence_start + len(stripped)
    found = by_end.get(end, [])
    if not found:
        return [], ""
    chosen = sorted(found, key=lambda m: (m.how == "title", -(m.clean_end - m.clean_start)))[0]
    speakers = [chosen]
    note = ""
    # "X and Y may state": coordinated subjects
    before = clean[sentence_start : chosen.clean_start]
    coordinated = re.search(r"\s+and\s+$", before)
    if coordinated:
        others = by_end.get(sentence_start + coordinated.start(), [])
        if others:
            speakers.insert(0, others[0])
            note = "coordinated subjects: both speak"
    # "Ismailzade -- like several other commentators … -- said": a shared voice
    insertion = left[len(stripped) :]
    like = re.search(r"--\s*like\s", insertion)
    if like:
        inside = [
            m
            for ms in by_end.values()
            for m in ms
            if end < m.clean_start and m.clean_end <= position and m.how == "title"
        ]
        if inside:
            speakers.append(inside[0])
            note = "shared voice ('like …'): the group is an unnamed co-speaker"
    return speakers, note


def _paragraph_statements(
    text: CableText,
    gazetteer: Gazetteer,
    mentions: list[Mention],
    by_end: dict[int, list[Mention]],
    number: int | None,
    low: int,
    high: int,
) -> list[Statement]:
    clean = text.text
    found: list[Statement] = []
    previous_in_sentence: dict[int, Statement] = {}
    for match in _VERB_PATTERN.finditer(clean, low, high):
        verb = match.group(1)
        lemma = _VERB_FORMS[verb]
        s_start, s_end = sentence_bounds(clean, match.start())
        s_start, s_end = max(s_start, low), min(s_end, high)
        before = clean[s_start : match.start()]
        if _is_noun_use(clean, match.start()):
            continue  # a noun ("the statement", "a claim"), not a verb
        speakers, note = _speaker_before(clean, match.start(), s_start, by_end)
        # the verb sits inside a "while …" clause when no comma closes it before the verb
        subordinate = bool(re.search(r"\b(?:while|although|though|whereas)\s[^,]*$", before, re.I))
        judgement = bool(note)
        why = note or "the actor named right before the verb"
        if not speakers and verb.endswith("ing"):
            if re.match(r"\s*(?:while|after|when|by)?\s*$", before, re.I):
                # "While disavowing …, former Presidential advisor Vafa Guluzade claimed"
                comma = clean.find(", ", match.end(), s_end)
                after = [m for m in mentions if comma != -1 and comma < m.clean_start < s_end]
                persons = [m for m in after if gazetteer[m.actor_id].is_person and m.how != "title"]
                if persons:
                    speakers, why = (
                        [persons[0]],
                        "participle at the start: the subject of the main clause",
                    )
                    judgement = True
            elif re.search(r",\s*$", before):
                last = previous_in_sentence.get(s_start)
                if last is not None:
                    speakers = [m for m in mentions if m.actor_id == last.speaker][:1]
                    why = "participle after a comma: the speaker of the main clause (or the Embassy's inference)"  # noqa: E501
                    judgement = True
        if not speakers and re.search(r"\band\s*$", before):
            last = previous_in_sentence.get(s_start)
            if last is not None:
                speakers = [m for m in mentions if m.actor_id == last.speaker][:1]
                why = "'and' + verb: the same speaker as the verb before"
        if not speakers:
            continue
        if re.match(r"\s*As\s", clean[s_start : match.start()]) and lemma == "tell":
            # "As Foreign Minister Mammadyarov told the Ambassador, the GOAJ is likely …"
            comma = clean.find(", ", match.end(), s_end)
            clauses = (
                [_Clause(comma + 2, _trim_end(clean, comma + 2, s_end))] if comma != -1 else []
            )
            why += "; 'As X told Y, …': what was said is the main clause"
            judgement = True
        else:
            clauses = _clause_after(clean, match.end(), s_end, lemma, subordinate)
        if subordinate:
            judgement = True
            why += "; inside a subordinate clause of someone else's statement (nested speech)"
        for speaker in speakers:
            said = _Attribution(speaker.actor_id, verb, lemma, match.span(), number, judgement, why)
            for clause in clauses:
                statement = _make_statement(text, said, clause)
                found.append(statement)
                previous_in_sentence[s_start] = statement
        found += _borrowed_points(text, by_end, clauses, match.end(), number, s_end)
    return found


def _is_noun_use(clean: str, position: int) -> bool:
    """ "the statement", "these remarks": a determiner before the word makes it a noun."""
    before = clean[max(0, position - 12) : position]
    return bool(
        re.search(
            r"\b(?:the|a|an|his|her|its|their|this|that|these|those|our|such)\s+$", before, re.I
        )
    )


def _trim_end(clean: str, start: int, end: int) -> int:
    body = clean[start:end]
    stop = re.search(r"\s\(", body)
    if stop:
        body = body[: stop.start()]
    return start + len(body.rstrip(" .;,"))


def _borrowed_points(
    text: CableText,
    by_end: dict[int, list[Mention]],
    clauses: list[_Clause],
    verb_end: int,
    number: int | None,
    s_end: int,
) -> list[Statement]:
    """ "(a point Deputy Foreign Minister Khalafov separately made to DCM)": the same content, another speaker."""  # noqa: E501
    clean = text.text
    out = []
    for point in re.finditer(
        r"\(a point\s+(.{1,80}?)\s+(?:\w+ly\s+)?(made|raised)\b", clean[verb_end:s_end]
    ):
        verb_start = verb_end + point.start(2)
        speakers, _ = _speaker_before(clean, verb_start, verb_end + point.start(1), by_end)
        for speaker in speakers:
            said = _Attribution(
                speaker.actor_id,
                point.group(2),
                "make",
                (verb_start, verb_start + len(point.group(2))),
                number,
                True,
                "'a point X made': X said the same thing, separately (the content is borrowed)",
            )
            out.extend(_make_statement(text, said, clause) for clause in clauses[:1])
    return out


@dataclass(frozen=True)
class _Attribution:
    """Who spoke, through which verb (normalised-text span), and why we think so."""

    speaker: str
    verb: str
    lemma: str
    verb_span: tuple[int, int]
    paragraph: int | None
    judgement: bool
    why: str


def _make_statement(text: CableText, said: _Attribution, clause: _Clause) -> Statement:
    raw_start, raw_end = text.clean_to_raw(clause.start, clause.end)
    verb_start, verb_end = text.clean_to_raw(*said.verb_span)
    what = text.cable.raw[raw_start:raw_end]
    code, code_judgement, code_why = _code_for(said.lemma, what)
    return Statement(
        speaker=said.speaker,
        verb=said.verb,
        lemma=said.lemma,
        start=raw_start,
        end=raw_end,
        text=what,
        verb_start=verb_start,
        verb_end=verb_end,
        paragraph=said.paragraph,
        code=code,
        code_label=CODE_LABELS.get(code, ""),
        judgement_call=said.judgement or code_judgement,
        why=f"{said.why}; code: {code_why}",
    )


def _headline_statements(
    text: CableText, gazetteer: Gazetteer, mentions: list[Mention]
) -> list[Statement]:
    """'"Headline," OUTLET, date': a headline is a statement of the outlet."""
    clean = text.text
    out = []
    media = {a.id for a in gazetteer.actors if a.type == "media outlet"}
    for m in mentions:
        if m.actor_id not in media:
            continue
        before = clean[max(0, m.clean_start - 200) : m.clean_start]
        headline = re.search(r"\"([^\"]{3,160}?)[,.]?\"\s*,?\s*$", before)
        if headline is None:
            continue
        h_start = m.clean_start - len(before) + headline.start(1)
        h_text = headline.group(1).rstrip(",.")
        s_start, _ = sentence_bounds(clean, h_start)
        verbs = [
            v
            for v in _VERB_PATTERN.finditer(clean, s_start, h_start)
            if not _is_noun_use(clean, v.start())
        ]
        # the verb that introduces the headline, else the outlet's name stands in for it
        verb_span = verbs[-1].span() if verbs else (m.clean_start, m.clean_end)
        verb = verbs[-1].group(1) if verbs else "headline"
        said = _Attribution(
            m.actor_id,
            verb,
            _VERB_FORMS.get(verb, "headline"),
            verb_span,
            m.paragraph,
            True,
            "a headline followed by the outlet's name: the outlet's statement",
        )
        out.append(_make_statement(text, said, _Clause(h_start, h_start + len(h_text))))
    return out


@takes_cable
def statements_table(cable: Cable, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Who said what: speaker, verb, what was said (with raw offsets), paragraph, code, judgement call."""  # noqa: E501
    import pandas as pd

    gazetteer = gazetteer if gazetteer is not None else load_gazetteer(cable)
    rows = [
        {
            "speaker": s.speaker,
            "speaker_name": gazetteer[s.speaker].name,
            "voice": gazetteer[s.speaker].voice,
            "verb": s.verb,
            "said": s.text,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "code": s.code,
            "code_label": s.code_label,
            "judgement_call": s.judgement_call,
            "why": s.why,
        }
        for s in find_statements(cable, gazetteer)
    ]
    columns = [
        "speaker",
        "speaker_name",
        "voice",
        "verb",
        "said",
        "paragraph",
        "start",
        "end",
        "code",
        "code_label",
        "judgement_call",
        "why",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"paragraph": "Int64"})
