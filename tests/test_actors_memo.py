"""The speed-ups of lesson 03 change nothing that is found.

Lesson 03 took about three times a bare kernel because every mention looked up
its sentence by scanning the whole text, and every table, widget and self-check
found the mentions again. The sentence marks are now found once per text and
mentions/statements once per (text, gazetteer): these tests hold the faster
versions to the plain ones.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from cable_utils import load_cable
from cable_utils.analysis import actors
from cable_utils.analysis.actors import mentions as mentions_module
from cable_utils.analysis.actors import statements as statements_module
from cable_utils.analysis.actors import text as text_module
from cable_utils.source.paths import known_cable_ids


def _plain_sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The first version: scan the whole text for every position."""
    starts = [0] + [m.end() for m in text_module._SENTENCE_END.finditer(text)]
    start = max(s for s in starts if s <= position)
    ends = [m.start() + 1 for m in text_module._SENTENCE_END.finditer(text, position)]
    return start, (min(ends) if ends else len(text))


@pytest.mark.parametrize("cable_id", ["08BAKU151", *sorted(known_cable_ids())[:6]])
def test_sentence_bounds_agree_with_the_whole_text_scan_at_every_word(cable_id: str) -> None:
    text = text_module.CableText(load_cable(cable_id))
    for folded in (text.text, text.folded):
        words = [m.start() for m in re.finditer(r"\w+", folded)]
        assert words, cable_id
        for position in words:
            assert text_module.sentence_bounds(folded, position) == _plain_sentence_bounds(
                folded, position
            ), (cable_id, position)


def test_mentions_and_statements_are_found_once_and_handed_out_fresh() -> None:
    cable = load_cable("08BAKU151")
    gazetteer = actors.load_gazetteer(cable)
    first = actors.find_mentions(cable, gazetteer)
    first.clear()  # a caller changing its list must not change the next caller's
    again = actors.find_mentions(cable, gazetteer)
    assert again and again == mentions_module._find_mentions(cable, gazetteer, True)
    said = actors.find_statements(cable, gazetteer)
    assert said == statements_module._find_statements(cable, gazetteer)


def test_another_gazetteer_or_text_is_found_afresh() -> None:
    cable = load_cable("08BAKU151")
    gazetteer = actors.load_gazetteer(cable)
    fewer = dataclasses.replace(gazetteer, actors=gazetteer.actors[1:])
    dropped = gazetteer.actors[0].id
    assert any(m.actor_id == dropped for m in actors.find_mentions(cable, gazetteer))
    assert not any(m.actor_id == dropped for m in actors.find_mentions(cable, fewer))
    other = load_cable("06BAKU1835")
    draft = actors.load_gazetteer(other)
    assert actors.find_mentions(other, draft) == mentions_module._find_mentions(other, draft, True)
