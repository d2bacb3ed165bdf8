"""What a keyboard or screen-reader user meets in a panel, measured in the browser.

Shared by the lesson tests that complete a task by keyboard alone:

- :func:`notebook_state`: how many cells, and which is active (a key that
  reached a notebook shortcut changes one of them);
- :func:`focus_ring`: the outline a focused control shows, and its contrast
  against what is behind it (WCAG 2.2: 2 px, at least 3:1);
- :func:`control_names`: every control's role, accessible name and pressed
  state, read from Chromium's accessibility tree (``aria_snapshot``);
- :func:`truncated_cells`: table cells that end in "..." or "…" (pandas' cut).
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

#: The classroom laptop of issue 19: ``@pytest.mark.viewport(**CLASSROOM)``.
CLASSROOM = {"width": 1366, "height": 768}
#: Where screenshots are kept (git-ignored), as in conftest.LabPage.screenshot.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

NOTEBOOK_STATE_JS = """path => {
  const panel = window.__harness.panel(path);
  return {cells: panel.content.widgets.length, active: panel.content.activeCellIndex};
}"""

FOCUS_RING_JS = """el => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const style = getComputedStyle(el);
  // what the ring is drawn on: the first ancestor with an opaque background
  let node = el.parentElement, behind = [255, 255, 255];
  while (node) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg.length >= 3 && (bg.length < 4 || bg[3] > 0.5)) { behind = bg.slice(0, 3); break; }
    node = node.parentElement;
  }
  const ring = parse(style.outlineColor).slice(0, 3);
  const [a, b] = [luminance(ring), luminance(behind)].sort((x, y) => y - x);
  return {
    width: parseFloat(style.outlineWidth) || 0,
    style: style.outlineStyle,
    contrast: (a + 0.05) / (b + 0.05),
    focused: document.activeElement === el,
  };
}"""

TRUNCATED_CELLS_JS = """root => Array.from(root.querySelectorAll('td, th'))
  .map(cell => cell.textContent.trim())
  .filter(text => /(\\.\\.\\.|…)$/.test(text))"""

#: Roles of the controls a student operates.
CONTROL_ROLES = ("button", "checkbox", "combobox", "listbox", "radio", "textbox", "slider")
_SNAPSHOT_LINE = re.compile(
    r"^\s*- (?P<role>" + "|".join(CONTROL_ROLES) + r')(?: "(?P<name>(?:[^"\\]|\\.)*)")?'
    r"(?P<rest>.*)$"
)


def notebook_state(lab_page) -> dict[str, int]:
    return lab_page.page.evaluate(NOTEBOOK_STATE_JS, lab_page.path)


def focus_ring(locator) -> dict[str, object]:
    return locator.evaluate(FOCUS_RING_JS)


def control_names(locator) -> list[tuple[str, str, bool]]:
    """(role, accessible name, pressed) of every control inside ``locator``."""
    found = []
    for line in locator.aria_snapshot().splitlines():
        match = _SNAPSHOT_LINE.match(line)
        if match:
            name = (match.group("name") or "").replace('\\"', '"')
            found.append((match.group("role"), name, "[pressed]" in match.group("rest")))
    return found


def truncated_cells(locator) -> list[str]:
    return locator.evaluate(TRUNCATED_CELLS_JS)


def assert_no_share_button(lab_page) -> None:
    """Every chart has its toolbar, and none offers "Share chart" (an upload to a cloud)."""
    figures = lab_page.plotly_figures()
    expect(figures.first).to_be_visible()
    titles = lab_page.notebook.locator(".modebar-btn").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('data-title') || '')"
    )
    assert titles, "no plotly toolbar found: the check would prove nothing"
    assert not [t for t in titles if "share" in t.lower() or "cloud" in t.lower()], titles
