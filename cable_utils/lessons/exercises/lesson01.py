"""Self-checks of lesson 01, the anatomy of a cable. Expected answers come from the cable."""

from __future__ import annotations

import re
from typing import Any

from . import HOME_CABLE, exercise, solution
from .answers import fold, read_items
from .checking import post_answer, same_moment, same_number, same_set
from .feedback import Feedback, ModelAnswer, Point
from .lesson00 import SENDER_HINT, needs_origin
from .reading import compare_open

__all__: list[str] = []


@exercise(
    "01.1",
    prompt="Recall: which station sent the cable? Give the FM line's name (as written, or in "
    "plain words).",
    level="recall",
    requires=needs_origin,
    instead="Read the banner line: its place name is usually the sending post.",
)
def sender(answer: Any, cable: Any) -> Feedback:
    return post_answer(
        answer,
        cable.origin,
        right=f"the cable comes FM {cable.origin}.",
        hint=SENDER_HINT + " It is just under the date-time group.",
    )


@solution("01.1")
def sender_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer("01.1", True, cable.origin, f"the FM line reads 'FM {cable.origin}'.")


def needs_address_lines(cable: Any) -> str | None:
    if not cable.to and not cable.info:
        return (
            "this copy keeps no address lines (TO / INFO): its header was not kept, so there "
            "is nothing to count."
        )
    return None


@exercise(
    "01.2",
    prompt="Recall: how many information (INFO) addressees does the cable have?",
    level="recall",
    accepts="number",
    requires=needs_address_lines,
)
def info_count(answer: Any, cable: Any) -> Feedback:
    expected = len(cable.info)
    return same_number(
        answer,
        expected,
        right=f"{expected} addressee(s) receive it for information."
        if expected
        else "the cable has no INFO addressees.",
        hint="Count every line from INFO down to the classification banner: one addressee a "
        "line (a 'COLLECTIVE' is one line).",
    )


@solution("01.2")
def info_count_solution(cable: Any) -> ModelAnswer:
    names = [a.name for a in cable.info]
    return ModelAnswer(
        "01.2",
        True,
        str(len(names)),
        ("the INFO lines: " + "; ".join(names)) if names else "there is no INFO line.",
        value=len(names),
    )


def needs_date(cable: Any) -> str | None:
    if cable.date is None:
        return "this copy has no readable date-time group (DTG), so there is no moment to decode."
    return None


@exercise(
    "01.3",
    prompt="Analysis: decode the date-time group. When was the cable sent? Give the date and "
    "the time (UTC) in any clear form, e.g. 2008-02-19 13:47 or 19 Feb 2008, 13:47 UTC.",
    level="analysis",
    requires=needs_date,
    instead="Look for a date elsewhere: the E.O. line's declassification date, the banner or "
    "the catalogue's metadata; say which one you used.",
)
def sent_at(answer: Any, cable: Any) -> Feedback:
    return same_moment(
        answer,
        cable.date,
        right=f"{cable.dtg or 'the DTG'} = {cable.date:%d %B %Y, %H:%M} UTC.",
        hint="DDHHMMZ MON YY: day, hour, minute, Z (UTC), month, two-digit year.",
    )


@solution("01.3")
def sent_at_solution(cable: Any) -> ModelAnswer:
    return ModelAnswer(
        "01.3",
        True,
        f"{cable.date:%Y-%m-%d %H:%M} UTC",
        f"the DTG {cable.dtg or ''} reads day {cable.date:%d}, {cable.date:%H:%M} Z (UTC), "
        f"{cable.date:%B %Y}: {cable.date:%d %B %Y, %H:%M} UTC.",
    )


def needs_tags(cable: Any) -> str | None:
    if not cable.tags:
        return "this copy has no TAGS line."
    return None


def _glued_geographic(cable: Any) -> list[str]:
    """Unknown TAGS that are two country codes run together (06BAKU1835's IRAJ = IR + AJ)."""
    from ...reference.codes import tags as tag_table

    table = tag_table()
    glued = []
    for tag in cable.tags:
        if tag.kind is None and len(tag.code) == 4:
            halves = (tag.code[:2], tag.code[2:])
            if all((table.get(h) or {}).get("kind") == "geographic" for h in halves):
                glued.append(tag.code)
    return glued


@exercise(
    "01.4",
    prompt="Analysis: which TAGS are geographic (country) codes? List them, or 'none'.",
    level="analysis",
    accepts="items",
    requires=needs_tags,
)
def geographic_tags(answer: Any, cable: Any) -> Feedback:
    expected = [t.code for t in cable.tags if t.kind == "geographic"]
    aliases = {
        t.description: t.code for t in cable.tags if t.kind == "geographic" and t.description
    }
    hint = "Use the TAGS decoder table: the 'kind' column says which codes are geographic."
    items = [fold(item).split("(")[0].strip(" .").upper() for item in read_items(answer)]
    note = ""
    for code in _glued_geographic(cable):
        # IRAJ may be IR + AJ run together: the glued code, both halves, or neither are fine
        halves = {code[:2], code[2:]}
        named = halves & set(items)
        if named and named != halves:
            return Feedback.not_yet(
                f"{code} looks like {' and '.join(sorted(halves))} run together: name both "
                "halves, or neither.",
                hint,
            )
        items = [item for item in items if item not in halves | {code}]
        note += (
            f" ({code} is not a TAG on the list; it looks like two country codes run together, "
            "so it may be counted or not.)"
        )
    return same_set(
        items if items else ["none"],
        expected,
        aliases={fold(k).upper(): v for k, v in aliases.items()},
        right=(f"{', '.join(expected)}: the country TAGS (not ISO codes!)." if expected else
               "none of this cable's TAGS is a country code.") + note,
        hint=hint,
    )  # fmt: skip


@solution("01.4")
def geographic_tags_solution(cable: Any) -> ModelAnswer:
    found = [t for t in cable.tags if t.kind == "geographic"]
    glued = _glued_geographic(cable)
    meanings = "; ".join(f"{t.code} = {t.description}" for t in found)
    return ModelAnswer(
        "01.4",
        True,
        ", ".join(t.code for t in found) or "none",
        (f"{meanings}. " if meanings else "")
        + "The TAGS decoder marks these codes as geographic; State Department country codes are "
        "not ISO codes."
        + (f" {', '.join(glued)} looks like two country codes run together." if glued else ""),
    )


# ------------------------------------------------------------------------- 01.5 (open)

WHY_INFO_MODEL_08BAKU151 = (
    "USMISSION USOSCE in Vienna may have been informed because the cable ties Kosovo to the "
    'Nagorno-Karabakh peace process ("affect the NK peace process", ¶5), which the OSCE '
    "mediates; AMEMBASSY PARIS perhaps because France co-chairs the Minsk Group. Both are "
    "hypotheses: the cable never says why it went to them."
)


def needs_two_info(cable: Any) -> str | None:
    if len(cable.info) < 2:
        return "this copy has fewer than two INFO addressees, so there are not two to argue about."
    return None


#: Words of an address line that do not identify the addressee.
_GENERIC_ADDRESS_WORDS = {
    "amembassy", "amconsul", "usmission", "usoffice", "priority", "immediate", "routine",
    "collective", "washdc", "washington", "dept", "cdr", "the", "and", "afb",
}  # fmt: skip


def _addressees_named(text: str, cable: Any) -> list[str]:
    folded = fold(text)
    named = []
    for addressee in cable.info:
        words = [w for w in re.findall(r"[a-z0-9]+", fold(addressee.name)) if len(w) >= 3]
        significant = {w for w in words if w not in _GENERIC_ADDRESS_WORDS}
        significant |= {w[2:] for w in significant if w.startswith("us") and len(w) > 5}
        if any(re.search(rf"\b{re.escape(w)}\b", folded) for w in significant):
            named.append(addressee.name)
    return named


@exercise(
    "01.5",
    prompt="Open question: pick two INFO addressees and argue why the Embassy may have sent "
    "them the cable. Cite the cable's text.",
    level="open",
    requires=needs_two_info,
)
def why_info(answer: Any, cable: Any) -> Feedback:
    text = str(answer)
    does, misses = compare_open(text, cable, want_quote=True, want_hedge=True, min_words=25)
    named = _addressees_named(text, cable)
    if len(named) >= 2:
        does.append(
            Point(
                "addressees", f"names two of this cable's INFO addressees: {'; '.join(named[:3])}."
            )
        )
    else:
        listed = "; ".join(a.name for a in cable.info[:6])
        misses.append(
            Point(
                "addressees",
                f"the model names two INFO addressees of this cable (they are: {listed}).",
            )
        )
    return Feedback.saved(
        "no source we hold says why each addressee got the cable. Compare with the model answer "
        "and a classmate: whose reasons rest on the cable's text?",
        does=does,
        misses=misses,
    )


@solution("01.5")
def why_info_solution(cable: Any) -> ModelAnswer:
    if cable.id == HOME_CABLE:
        return ModelAnswer(
            "01.5",
            True,
            WHY_INFO_MODEL_08BAKU151,
            "it names two addressees, ties each to words in the cable, and says what is a guess.",
            written_for=HOME_CABLE,
        )
    first, second = cable.info[0].name, cable.info[1].name
    return ModelAnswer(
        "01.5",
        True,
        f"A model answer for this cable names two INFO addressees (for example {first} and "
        f"{second}), quotes the words of the cable that concern each of them, and says that the "
        "reasons are hypotheses: a cable does not say why it went to its addressees.",
        "no answer has been written for this cable; this is the shape one takes.",
    )
