"""The classroom interface in the kernel: every panel carries its style and keyboard helper,
short choices are toggle buttons, every control has a name of its own, the focus ring
and the pressed toggle are visible enough (contrast read from the shipped stylesheet).

What only a browser can show (keys kept from JupyterLab's shortcuts, aria-pressed,
names in the accessibility tree) is tested in tests/browser/test_lesson03.py and
test_lesson04.py, which complete the voice sorter and the stance coder by keyboard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ipywidgets as widgets
import pytest

from cable_utils import load_cable
from cable_utils.analysis.argument import load_argument
from cable_utils.widgets import (
    actor_explorer,
    addressee_map,
    argument_map_explorer,
    cable_chooser,
    gazetteer_editor,
    header_decoder,
    paragraph_browser,
    redaction_simulator,
    remix_tour,
    segment_explorer,
    stance_coder,
    stance_template,
    voice_sorter,
)
from cable_utils.widgets._common import (
    SCRIPT_MARKER,
    Panel,
    classroom_css,
    classroom_script,
)


@pytest.fixture(scope="module")
def cable():
    return load_cable("08BAKU151")


@pytest.fixture(autouse=True)
def work(tmp_path, monkeypatch):
    from cable_utils.widgets.remix import forget_shown

    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(tmp_path))
    forget_shown()
    yield tmp_path
    forget_shown()


def _panels(cable) -> Iterator[Panel]:
    data = load_argument(cable)
    claims = [{"claim_id": "C1", "claim": "a claim"}, {"claim_id": "C2", "claim": "another"}]
    yield segment_explorer(cable)
    yield header_decoder(cable)
    yield addressee_map(cable)
    yield paragraph_browser(cable)
    yield redaction_simulator(cable)
    yield actor_explorer(cable)
    yield voice_sorter(cable)
    yield argument_map_explorer(cable, data)
    yield stance_coder(cable, data)
    yield cable_chooser()
    tour = remix_tour(cable)
    dict(tour.state["pieces"])  # every tab built, as if each were opened
    yield tour
    yield gazetteer_editor(cable)
    yield stance_template(cable, claims, [("Ilgar Mammadov", "ilgar_mammadov")])


def _walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _inputs(panel: Panel) -> list[widgets.Widget]:
    kinds = (widgets.Dropdown, widgets.Select, widgets.Text, widgets.Textarea, widgets.FileUpload)
    return [w for w in _walk(panel) if isinstance(w, (*kinds, widgets.ToggleButtons))]


def test_every_panel_carries_the_stylesheet_and_the_keyboard_helper(cable) -> None:
    for panel in _panels(cable):
        assert "<style>" in panel.heading.value and ".cable-panel" in panel.heading.value
        helper = panel.children[-1]  # the panel's own helper, last and invisible
        assert isinstance(helper, widgets.Output) and helper.layout.display == "none"
        assert SCRIPT_MARKER in helper.outputs[0]["data"]["application/javascript"]
        assert "cable-panel" in panel._dom_classes


def test_the_helper_uses_lumino_s_switch_for_every_non_text_control() -> None:
    script = classroom_script()
    # Lumino skips shortcuts for a key pressed in an element with this attribute
    assert 'setAttribute("data-lm-suppress-shortcuts", "true")' in script
    assert "select, button, input[type=radio], input[type=checkbox]" in script
    assert 'setAttribute("aria-pressed", pressed)' in script
    assert "window.cableClassroom" in script  # installed once per page


def test_short_choices_are_toggle_buttons(cable) -> None:
    data = load_argument(cable)
    assert isinstance(addressee_map(cable).controls["show"], widgets.ToggleButtons)
    assert isinstance(paragraph_browser(cable).controls["mode"], widgets.ToggleButtons)
    sorter = voice_sorter(cable)
    voices = [c for name, c in sorter.controls.items() if name != "check"]
    assert voices and all(isinstance(c, widgets.ToggleButtons) for c in voices)
    assert all(c.value is None for c in voices)  # nothing chosen for the student
    coder = stance_coder(cable, data)
    stances = [c for name, c in coder.controls.items() if name.startswith("stance:")]
    assert stances and all(isinstance(c, widgets.ToggleButtons) for c in stances)
    assert [label for label, _ in stances[0].options] == ["not coded", "FAVOR", "AGAINST", "NONE"]


def test_every_input_has_a_label_of_its_own(cable) -> None:
    for panel in _panels(cable):
        labels = [w.description for w in _inputs(panel)]
        assert all(label.strip() for label in labels), (panel.title, labels)
        assert len(labels) == len(set(labels)), (panel.title, labels)


def test_voice_sorter_checks_toggled_answers(cable) -> None:
    sorter = voice_sorter(cable)
    reference = sorter.state["reference"]
    first, second = list(reference)[:2]
    sorter.controls[first].value = reference[first]
    sorter.controls[second].value = "media" if reference[second] != "media" else "embassy"
    sorter.controls["check"].click()
    assert sorter.state["right"] == [first] and sorter.state["wrong"] == [second]
    assert f"1 of {len(reference)} right" in sorter.view.value
    assert "cable-card" in sorter.view.value


def test_argument_map_comes_under_the_claim_card(cable) -> None:
    """List, then the chosen claim's card, then the map at the panel's width: beside the
    list the map got 472 px in a lesson's column, and under the list it pushed the card
    out of sight (a choice seemed to do nothing)."""
    panel = argument_map_explorer(cable, load_argument(cable), initial="C3")
    (chooser,) = panel.control_box.children
    assert chooser is panel.controls["claim"] and isinstance(chooser, widgets.Select)
    order = list(panel.children)
    assert order.index(panel.control_box) < order.index(panel.view)
    assert order.index(panel.view) < order.index(panel.state["figure_area"])
    assert ("C3: No precedent for Karabakh", "C3") in chooser.options  # short labels, no "…"
    config = panel.state["figure"]["config"]
    assert (
        config["showSendToCloud"] is False
        and "sendChartToCloud" in config["modeBarButtonsToRemove"]
    )


def test_evidence_is_in_a_proportional_font_without_broken_words(cable) -> None:
    panel = argument_map_explorer(cable, load_argument(cable), initial="C13")
    box = re.search(r'<div class="cable-text cable-evidence"[^>]*style="([^"]*)"', panel.view.value)
    assert box, "no evidence box"
    style = box.group(1)
    assert "monospace" not in style and "font-family:var(--jp-content-font-family" in style
    assert "word-break:normal" in style and "overflow-y:auto" in style


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_ring_and_pressed_toggle_are_visible_enough() -> None:
    css = classroom_css()
    focus = re.search(r"--cable-focus:\s*(#[0-9a-fA-F]{6})", css).group(1)
    pressed = re.search(r"--cable-pressed:\s*(#[0-9a-fA-F]{6})", css).group(1)
    assert _contrast(focus, "#ffffff") >= 3  # WCAG 2.2 focus appearance
    assert _contrast(pressed, "#ffffff") >= 3  # pressed vs unpressed (white) toggles
    ring = re.search(r":focus-visible\s*\{([^}]*)\}", css).group(1)
    assert "outline: 2px solid var(--cable-focus)" in ring
    assert re.search(r"\.widget-html-content \{[^}]*\}", css) or "line-height: 1.45" in css


def test_projector_mode_enlarges_text_and_figures(cable) -> None:
    from cable_utils.lessons import projector_mode
    from cable_utils.views.plots import redaction_figure
    from cable_utils.views.plots._style import plotly_bundle

    normal = plotly_bundle(redaction_figure(cable))["application/vnd.plotly.v1+json"]
    try:
        style = projector_mode()
        html = style._repr_html_()
        assert "--jp-content-font-size1: 21px" in html and "--cable-text-size: 22px" in html
        big = plotly_bundle(redaction_figure(cable))["application/vnd.plotly.v1+json"]
        assert big["layout"]["font"]["size"] == 1.5 * normal["layout"]["font"]["size"]
        assert big["layout"]["height"] == round(1.5 * normal["layout"]["height"])
        labels = [a["font"]["size"] for a in big["layout"]["annotations"] if "font" in a]
        assert labels and all(size >= 19 for size in labels)  # 13 px labels grow too
        with pytest.raises(ValueError):
            projector_mode(5)
    finally:
        off = projector_mode(False)
    assert "<style>" not in off._repr_html_()
    again = plotly_bundle(redaction_figure(cable))["application/vnd.plotly.v1+json"]
    assert again["layout"] == normal["layout"]
