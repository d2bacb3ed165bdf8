"""ipywidgets explorers for the lessons. They read the model; they never parse.

Each builder returns a :class:`~cable_utils.widgets._common.Panel`: an
``ipywidgets.VBox`` with ``controls`` (name → control widget) and ``view``
(the widget whose content changes), so tests can drive it in-kernel.

Names are imported lazily: ``from cable_utils.widgets import solution`` imports
``widgets.checks`` only (see :mod:`cable_utils._lazy`).
"""

from .._lazy import make_dir, make_getattr

#: Submodule → its public names (its ``__all__``; tests/test_lazy_exports.py keeps them equal).
EXPORTS: dict[str, tuple[str, ...]] = {
    "_common": (
        "Panel", "card_html", "classroom_css", "classroom_script", "classroom_script_output",
        "label_html", "labelled", "note_html", "status_html", "toggle_choice",
    ),
    "anatomy": (
        "HEADER_KINDS", "addressee_map", "explain_kind", "header_decoder", "header_lines",
        "segment_explorer", "table_html",
    ),
    "body": ("BROWSE_MODES", "paragraph_browser", "paragraph_card_html", "redaction_simulator"),
    "actors": ("actor_explorer", "mention_highlight_html", "voice_reference", "voice_sorter"),
    "argument": (
        "argument_map_explorer", "argument_status", "evidence_html", "quote_highlight_html",
        "stance_coder",
    ),
    "remix": (
        "ChosenView", "TourPieces", "cable_chooser", "chosen_cable", "current_cable", "follow_chosen",
        "forget_shown", "gazetteer_editor", "refresh_followers", "remix_tour",
        "stance_template", "warnings_html",
    ),
    "checks": ("self_check", "solution"),
    "history": ("STORY_PARTS", "context_timeline_explorer", "events_html"),
    "finder": ("cable_finder",),
}  # fmt: skip
__getattr__ = make_getattr(__name__, EXPORTS)
__dir__ = make_dir(EXPORTS)
