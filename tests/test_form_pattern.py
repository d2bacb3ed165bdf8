"""The fast whole-word pattern of an actor's form finds exactly what the plain one finds.

``form_pattern`` moves the "not after a word character or a dot" check behind the
form's first word so the regex engine can search for that word quickly; the plain
version (``plain_form_pattern``) puts it first. These tests hold the two equal on
hand-made edge cases, on every form of every gazetteer of the collection's cables
and part of the corpus, and on the mentions found with either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import fold, load_gazetteer
from cable_utils.analysis.actors import mentions as mentions_module
from cable_utils.analysis.actors import text as text_module
from cable_utils.analysis.actors.folding import form_pattern, plain_form_pattern
from cable_utils.analysis.actors.lexicon import TITLES
from cable_utils.analysis.actors.text import CableText

ROOT = Path(__file__).resolve().parents[1]


def _spans(pattern, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("form", "text"),
    [
        ("Aliyev", "aliyev said"),  # at the very start: nothing before it
        ("Aliyev", "said aliyev"),  # at the very end
        ("Aliyev", "x.aliyev aliyev .aliyev -aliyev _aliyev 1aliyev (aliyev) aliyevs"),
        ("U.S.", "the u.s. and u.s.a. and xu.s. and u.s.-led"),
        ("Foreign Minister", "foreign   minister, deputy foreign\nminister foreignminister"),
        ("Mammadyarov", "mammadyarov's mämmädyarov mammadyarov.com mammadyarov."),
        ("OSCE Minsk Group", "osce minsk group, osce minsk groups, osce  minsk\tgroup"),
        ("aa", "aaaa aa aa.aa aa"),  # overlapping candidates of a repeated first word
        ("a a", "a a a a"),
        ("(MFA)", "the (mfa) said (mfa)x"),
    ],
)
def test_edge_cases_match_alike(form: str, text: str) -> None:
    folded = fold(text)
    assert _spans(form_pattern(form), folded) == _spans(plain_form_pattern(form), folded)


def test_the_edge_cases_are_not_vacuous() -> None:
    """The cases above do match, and do refuse: a pattern that matched nothing (or
    everything) would pass the comparison without testing anything."""
    assert _spans(form_pattern("Aliyev"), "x.aliyev aliyev -aliyev aliyevs") == [
        (9, 15),
        (17, 23),
    ]
    assert _spans(form_pattern("Foreign Minister"), "foreign \n minister") == [(0, 18)]


@pytest.fixture(scope="module")
def real_cables() -> list[tuple[object, object]]:
    """(cable, its gazetteer: curated, else drafted) for the collection's cables and every
    fifteenth cable of the corpus."""
    paths = sorted((ROOT / "data" / "cables").rglob("*.txt"))
    paths += sorted((ROOT / "data" / "corpus" / "cables").glob("*.txt"))[::15]
    cables = [load_cable(path) for path in paths]
    return [(cable, load_gazetteer(cable)) for cable in cables]


def _forms(gazetteer) -> list[str]:
    forms = {form for actor in gazetteer.actors for form in actor.names}
    forms |= {form for actor in gazetteer.actors for form in (*actor.titles, *actor.metonym_forms)}
    return sorted(form for form in forms if fold(form).strip())


@pytest.mark.slow
def test_every_gazetteer_form_matches_alike_on_real_cables(real_cables) -> None:
    """Each cable's gazetteer forms and the lexicon's titles, on its own folded text."""
    assert len(real_cables) > 60
    compared = matched = 0
    for cable, gazetteer in real_cables:
        folded = CableText(cable).folded
        for form in [*_forms(gazetteer), *TITLES]:
            fast, plain = (
                _spans(form_pattern(form), folded),
                _spans(plain_form_pattern(form), folded),
            )
            assert fast == plain, (cable.id, form)
            compared += 1
            matched += len(fast)
    assert compared > 10_000 and matched > 1_000  # the comparison saw real matches


@pytest.mark.slow
def test_mentions_are_the_same_with_the_plain_pattern(
    real_cables, monkeypatch: pytest.MonkeyPatch
) -> None:
    text_module._REMEMBERED.clear()
    fast = [mentions_module.find_mentions(c, g) for c, g in real_cables]
    text_module._REMEMBERED.clear()  # found afresh, not handed back from the memo
    monkeypatch.setattr(mentions_module, "form_pattern", plain_form_pattern)
    plain = [mentions_module.find_mentions(c, g) for c, g in real_cables]
    text_module._REMEMBERED.clear()
    assert fast == plain
    assert sum(map(len, fast)) > 1_000
