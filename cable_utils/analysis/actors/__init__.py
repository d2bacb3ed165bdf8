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

pandas is imported only by the functions that return a DataFrame. Names are imported
lazily (see :mod:`cable_utils._lazy`): ``from cable_utils.analysis.actors import
actors_table`` does not import the draft rules or the evaluation, which a cable with
a curated gazetteer never needs (about 8 ms of lesson 05's tour).
"""

from ..._lazy import make_dir, make_getattr

#: Submodule → its public names (its ``__all__``; tests/test_lazy_exports.py keeps them equal).
EXPORTS: dict[str, tuple[str, ...]] = {
    "drafts": ("DRAFT_TITLES", "draft_actors"),
    "evaluation": ("DraftScore", "ReferenceActor", "read_reference_csv", "score_draft"),
    "folding": ("fold", "fold_with_map", "form_pattern", "plain_form_pattern"),
    "gazetteer": (
        "ACTOR_TYPES", "ACTOR_TYPE_CAMEO", "GAZETTEER_COLUMNS", "VOICES", "Actor", "Gazetteer",
        "curated_gazetteer_path", "gazetteer_csv_text", "load_gazetteer", "parse_gazetteer_csv",
        "save_gazetteer", "user_gazetteer_path",
    ),
    "mentions": ("HOW", "Mention", "find_mentions", "mentions_table"),
    "statements": ("CODE_LABELS", "SPEECH_VERBS", "Statement", "find_statements", "statements_table"),
    "tables": ("actors_json", "actors_table"),
}  # fmt: skip
__getattr__ = make_getattr(__name__, EXPORTS)
__dir__ = make_dir(EXPORTS)
