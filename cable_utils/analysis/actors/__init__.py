"""Actors: a transparent gazetteer, alias-aware mentions, who-said-what, draft actors.

Everything here is rule-based on purpose, so a student can audit every match.
One concern per module:

* ``gazetteer`` — :func:`load_gazetteer` reads a list of actors (id, name,
  aliases, titles …) from ``data/annotations/<ID>/actors.csv`` (curated), from
  the student's own ``my_work/<ID>/actors.csv``, or drafts one;
  :func:`save_gazetteer` writes it back atomically.
* ``folding`` — :func:`fold`: case- and diacritic-blind names, with a map back.
* ``text`` — the cable's normalised and folded text, and the maps to raw offsets.
* ``mentions`` — :func:`find_mentions` finds every alias, title and metonym in
  the cable and says *how* each matched. Offsets point into ``cable.raw``:
  ``cable.raw[start:end]`` is the surface text.
* ``statements`` — :func:`find_statements` finds who-said-what through speech
  verbs, with the clause said, its offsets and an event-data (CAMEO-like)
  code, flagged where the coding is a judgement call.
* ``lexicon`` — the word lists the draft rules read: titles, ordinary words,
  known states (TAGS) and organisations (``data/actors/organisations.csv``).
* ``drafts`` — :func:`draft_actors` proposes a first gazetteer for a cable
  nobody annotated: people, organisations and states, each typed.
* ``evaluation`` — :func:`score_draft` compares a draft with a reference list
  (precision of actor and type, recall of the frequent actors).
* ``tables`` — :func:`actors_table` and the JSON contract :func:`actors_json`.

pandas is imported only by the functions that return a DataFrame.
"""

from __future__ import annotations

from .drafts import DRAFT_TITLES, draft_actors
from .evaluation import DraftScore, ReferenceActor, read_reference_csv, score_draft
from .folding import fold, fold_with_map
from .gazetteer import (
    ACTOR_TYPE_CAMEO,
    ACTOR_TYPES,
    GAZETTEER_COLUMNS,
    VOICES,
    Actor,
    Gazetteer,
    curated_gazetteer_path,
    gazetteer_csv_text,
    load_gazetteer,
    parse_gazetteer_csv,
    save_gazetteer,
    user_gazetteer_path,
)
from .mentions import HOW, Mention, find_mentions, mentions_table
from .statements import CODE_LABELS, SPEECH_VERBS, Statement, find_statements, statements_table
from .tables import actors_json, actors_table

__all__ = [
    "ACTOR_TYPES",
    "ACTOR_TYPE_CAMEO",
    "CODE_LABELS",
    "DRAFT_TITLES",
    "GAZETTEER_COLUMNS",
    "HOW",
    "SPEECH_VERBS",
    "VOICES",
    "Actor",
    "DraftScore",
    "Gazetteer",
    "Mention",
    "ReferenceActor",
    "Statement",
    "actors_json",
    "actors_table",
    "curated_gazetteer_path",
    "draft_actors",
    "find_mentions",
    "find_statements",
    "fold",
    "fold_with_map",
    "gazetteer_csv_text",
    "load_gazetteer",
    "mentions_table",
    "parse_gazetteer_csv",
    "read_reference_csv",
    "save_gazetteer",
    "score_draft",
    "statements_table",
    "user_gazetteer_path",
]
