"""The fast whole-word patterns of actors' forms find exactly what the plain ones find.

``form_pattern`` moves the "not after a word character or a dot" check behind the
form's first word so the regex engine can search for that word quickly; the plain
version (``plain_form_pattern``) puts it first. These tests hold the two equal on
hand-made edge cases, on every form of every gazetteer of the collection's cables
and part of the corpus, and on the mentions found with either; and the same for the draft rules' patterns
(``drafts._whole_word`` and ``drafts._plain_whole_word``) and the drafts made with either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.actors import draft_actors, drafts, fold, load_gazetteer
from cable_utils.analysis.actors import mentions as mentions_module
from cable_utils.analysis.actors import text as text_module
from cable_utils.analysis.actors.folding import form_pattern, plain_form_pattern
from cable_utils.analysis.actors.lexicon import TITLES, known_organisations, known_states
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


# ---------------------------------------------------------------- the draft rules' patterns


@pytest.mark.parametrize("exact", [True, False])
@pytest.mark.parametrize(
    ("form", "text"),
    [
        ("Baku", "Baku said. BAKU, baku, -Baku .Baku xBaku Baku-based Baku-1 Bakus (Baku)"),
        ("U.S.", "U.S. forces, u.s. and U.S.-led, XU.S. and U.S"),
        ("OSCE Minsk Group", "the OSCE  Minsk\nGroup; OSCE MINSK GROUP; osce minsk group"),
        ("the Foreign Ministry", "The Foreign Ministry and the foreign  ministry, the Foreign"),
        ("MFA", "MFA, mfa, MFA-run, .MFA, the MFA's"),
        ("Élysée", "Élysée ÉLYSÉE élysée -Élysée"),
        ("aa", "aaaa aa aa.aa aa"),
    ],
)
def test_draft_patterns_match_alike(form: str, text: str, exact: bool) -> None:
    fast, plain = drafts._whole_word(form, exact=exact), drafts._plain_whole_word(form, exact=exact)
    assert _spans(fast, text) == _spans(plain, text)


def test_draft_patterns_are_not_vacuous() -> None:
    assert _spans(drafts._whole_word("Baku", exact=False), "Baku, BAKU, baku, -Baku Bakus") == [
        (0, 4),
        (6, 10),
    ]


@pytest.mark.slow
def test_every_lexicon_form_matches_alike_on_real_cables(real_cables) -> None:
    """The states and organisations the draft rules look for, on each cable's searched text."""
    forms = sorted({f for known in (*known_states(), *known_organisations()) for f in known.forms})
    pairs = [
        (form, drafts._whole_word(form, exact=exact), drafts._plain_whole_word(form, exact=exact))
        for form in forms
        if form.strip()
        for exact in (True, False)
    ]
    matched = 0
    for cable, _ in real_cables[::3]:  # a third of them: 900 patterns, twice, on each
        reader = drafts._Reader(cable)
        text = reader.search + "\n" + reader.subject
        for form, fast, plain in pairs:
            found = _spans(fast, text)
            assert found == _spans(plain, text), (cable.id, form)
            matched += len(found)
    assert len(pairs) > 800 and matched > 1_000


@pytest.mark.slow
def test_drafts_are_the_same_with_the_plain_pattern(
    real_cables, monkeypatch: pytest.MonkeyPatch
) -> None:
    cables = [cable for cable, _ in real_cables]
    fast = [draft_actors(cable).actors for cable in cables]
    monkeypatch.setattr(drafts, "_whole_word", drafts._plain_whole_word)
    assert [draft_actors(cable).actors for cable in cables] == fast
    assert sum(len(d) for d in fast) > 500
