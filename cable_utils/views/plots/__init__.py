"""plotly figures built from the model: accessible, offline, returned (never shown).

Every figure has a title, labelled axes, the Okabe–Ito palette plus a second cue
(pattern, marker symbol or label), and a companion text summary: each builder's
result can be paired with :func:`cable_utils.views.plots.describe` or a table.

Figures are built as plotly JSON (:class:`~._style.JSONFigure`) and shown as they
are, so a lesson never imports ``plotly.graph_objects``; used as a ``go.Figure``
(``fig.layout.title.text``, ``fig.update_traces(…)``) a figure becomes one.

Names are imported lazily: ``from cable_utils.plots import timeline_figure``
imports ``plots.argument`` only (see :mod:`cable_utils._lazy`).
"""

from ..._lazy import make_dir, make_getattr

#: Submodule → its public names (its ``__all__``; tests/test_lazy_exports.py keeps them equal).
EXPORTS: dict[str, tuple[str, ...]] = {
    "_style": (
        "JSONFigure", "MARKER_SYMBOLS", "OKABE_ITO_SEQUENCE", "PATTERN_SHAPES", "PLOTLY_CONFIG",
        "accessible_layout", "as_lesson_figure", "figure_scale", "mark_day", "offline_geo_script",
        "plotly_bundle", "scaled_for_display", "set_figure_scale", "spread_labels",
        "stagger_labels", "trace", "world_topojson",
    ),
    "anatomy": (
        "ROLE_FILTERS", "addressee_map_figure", "describe_addressee_map", "mapped_addresses",
    ),
    "body": (
        "describe_paragraph_lengths", "describe_redaction", "paragraph_length_figure",
        "redaction_figure",
    ),
    "actors": (
        "actor_paragraph_heatmap", "co_mention_edges", "co_mention_network",
        "describe_co_mentions", "describe_mentions", "mentions_by_actor_figure",
    ),
    "argument": (
        "HOLDER_GROUPS", "argument_layout", "argument_map_figure", "argument_map_json",
        "describe_argument_map", "describe_stance_matrix", "describe_timeline", "holder_group",
        "stance_heatmap", "timeline_close_up", "timeline_figure",
    ),
    "remix": ("describe_thread", "thread_figure", "thread_layout"),
    "history": (
        "PLACE_KINDS", "context_map_figure", "describe_context_map", "describe_recognitions",
        "recognitions_figure",
    ),
    "corpus": (
        "classification_figure", "describe_classification_mix", "describe_issue_across_posts",
        "describe_posts_by_year", "describe_reference_web", "describe_tags_alongside",
        "issue_across_posts_figure", "posts_by_year_figure", "tags_alongside_figure",
    ),
}  # fmt: skip
__getattr__ = make_getattr(__name__, EXPORTS)
__dir__ = make_dir(EXPORTS)
