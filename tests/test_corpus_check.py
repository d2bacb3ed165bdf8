"""``make corpus-check`` (tools/corpus_check.py): the references line (issue 14).

The check judges REF entries on its own (not with the reader's word lists): an
entry names a cable when it holds a post and a serial and no mark of a non-cable
reference; an ID is canonical when its post is a State post of the routing table
or of the catalogue's IDs; an ID built from a non-cable reference fails the check.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "corpus_check.py"


@pytest.fixture(scope="module")
def corpus_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_check", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_check"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_state_posts_come_from_the_routing_table_and_the_catalogue(corpus_check) -> None:
    posts = corpus_check.state_posts(["08BAKU151"])
    assert {"BAKU", "STATE", "CASABLANCA", "USOSCE", "BASRAH", "CIUDADJUAREZ"} <= posts
    assert "WHITEHOUSE" not in posts  # the White House is no State post


@pytest.mark.parametrize(
    ("text", "ref_id", "counts"),
    [
        # (found, cables, canonical, from_non_cables) after adding the one entry
        ("05 CASA 1220", "05CASABLANCA1220", (1, 1, 1, 0)),  # 08CASABLANCA81
        ("BASRA 17", "09BASRAH17", (1, 1, 1, 0)),  # 09BAGHDAD1104
        ("WHITE HOUSE 853", None, (1, 0, 0, 0)),  # a White House message: no Cablegate ID
        ("WHITE HOUSE 853", "09WHITEHOUSE853", (1, 0, 0, 1)),  # an ID built from it
        ("BAGHDAD 342", None, (1, 1, 0, 0)),  # names a cable, no ID: a disagreement
        ("KUJAWINSKI-FRANCE DESK 3/11 E-MAIL", None, (1, 0, 0, 0)),  # 05PARIS1699
        ("KUJAWINSKI-FRANCE DESK 3/11 E-MAIL", "11KUJAWINSKIFRANCEDESK3", (1, 0, 0, 1)),
        ("LONDON DAILY - 30 APRIL 2009", None, (1, 0, 0, 0)),  # 09LONDON1082
        ("FREETOWN", None, (1, 0, 0, 0)),  # no serial: names no cable
    ],
)
def test_each_ref_entry_is_judged(corpus_check, text: str, ref_id: str | None, counts) -> None:
    tally = corpus_check.ReferenceTally()
    tally.add("TEST", text, ref_id, corpus_check.state_posts(["08BAKU151"]))
    assert (tally.found, tally.cables, tally.canonical, tally.from_non_cables) == counts
    assert bool(tally.disagreements) == (counts[1] != counts[2] or counts[3] > 0)


def test_the_corpus_references(corpus_check) -> None:
    _, crashes, _, references = corpus_check.check()
    assert not crashes
    assert references.found >= 790  # 796 REF entries on 5 Dec 2026
    assert references.from_non_cables == 0
    # every entry that names a cable gets a canonical ID
    assert references.cables == references.canonical, references.disagreements
