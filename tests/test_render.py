"""views.render: highlighted HTML of a cable (escaped; innermost segment wins)."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from cable_utils import load_cable
from cable_utils.model import Segment
from cable_utils.views.render import SEGMENT_COLOURS, highlight_html

KINDS = ("tags", "artifact", "paragraph", "banner")


def _plain_highlight_html(raw: str, segments: list[Segment]) -> str:
    """The definition (the first, quadratic version): for every stretch between
    boundaries, the shortest covering segment, first in (start, -end) order."""
    chosen = sorted(segments, key=lambda s: (s.start, -s.end))
    points = sorted(
        {0, len(raw)} | {max(0, min(p, len(raw))) for s in chosen for p in (s.start, s.end)}
    )
    pieces = []
    for left, right in zip(points, points[1:], strict=False):
        if left == right:
            continue
        covering = [s for s in chosen if s.start <= left and right <= s.end]
        chunk = escape(raw[left:right])
        if not covering:
            pieces.append(chunk)
            continue
        innermost = min(covering, key=lambda s: s.end - s.start)
        colour, border = SEGMENT_COLOURS[innermost.kind]
        pieces.append(
            f'<mark class="seg seg-{escape(innermost.kind)}" title="{escape(innermost.kind)}" '
            f'style="background:{colour}55;border-bottom:2px {border} {colour};">{chunk}</mark>'
        )
    return (
        '<pre class="cable-text" style="white-space:pre-wrap;word-break:normal;'
        'overflow-wrap:break-word;font-size:12px;line-height:1.5">'  # words kept whole
        + "".join(pieces)
        + "</pre>"
    )


segments = st.lists(
    st.builds(Segment, st.sampled_from(KINDS), st.integers(-2, 30), st.integers(-2, 30)),
    max_size=12,
)


@given(st.text(alphabet="ab<&\n", min_size=1, max_size=30), segments)
def test_innermost_segment_wins_as_the_definition_says(raw: str, found: list[Segment]) -> None:
    html = highlight_html(raw, found)
    assert html == _plain_highlight_html(raw, found)


def test_the_seed_cable_is_highlighted_and_escaped() -> None:
    cable = load_cable("08BAKU151")
    html = highlight_html(cable.raw, cable.segments)
    assert 'class="seg seg-tags"' in html and "[1](#)" in html
    assert "<script" not in highlight_html("<script>x</script>", [Segment("tags", 0, 8)])
