"""Lesson 05 runs top to bottom with a sample cable, an uploaded file and pasted text.

The widgets are driven in-kernel: a cell inserted after the chooser sets the
upload widget's value, or pastes text and clicks the button, exactly as a
student would. The rest of the lesson then runs on that cable. Pasted HTML and
script must stay text everywhere: in outputs and in every widget's HTML.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbrun import outputs_text, run_notebook

REPO_ROOT = Path(__file__).resolve().parent.parent
LESSON = REPO_ROOT / "notebooks" / "05_remix_your_own_cable.ipynb"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def xss_cable() -> str:
    """08BAKU151 with a script in the SUBJECT and an image payload in paragraph 3."""
    text = (REPO_ROOT / "data" / "cables" / "08BAKU151.txt").read_text(encoding="utf-8")
    text = text.replace(
        "SUBJECT: AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE", f"SUBJECT: {SCRIPT}"
    )
    text = text.replace("(U) The Azerbaijani media", f"(U) {IMG} The Azerbaijani media")
    assert SCRIPT in text and IMG in text
    return text


WIDGET_WALK = """
import ipywidgets as _w
def _html_of(widget, seen=None):
    seen = seen if seen is not None else set()
    if id(widget) in seen:
        return ""
    seen.add(id(widget))
    out = widget.value if isinstance(widget, (_w.HTML, _w.HTMLMath)) else ""
    for child in getattr(widget, "children", ()):
        out += _html_of(child, seen)
    return out
_tour = remix_tour(cable)
dict(_tour.state["pieces"])  # every tab built, as if each were opened
_all_html = _html_of(chooser) + _html_of(_tour) + _html_of(actor_editor)
print("WIDGET-HTML-BYTES", len(_all_html))
"""


def lesson_with(extra_after_chooser: str | None, final: str | None = None) -> nbformat.NotebookNode:
    nb = nbformat.read(LESSON, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "cable_chooser(CABLE_ID)" in c.source)
    if extra_after_chooser:
        nb.cells.insert(index + 1, nbformat.v4.new_code_cell(extra_after_chooser))
    if final:
        nb.cells.append(nbformat.v4.new_code_cell(final))
    return nb


def run(nb: nbformat.NotebookNode, tmp_path: Path, cable_id: str | None = None):
    path = tmp_path / LESSON.name
    nbformat.write(nb, path)
    # the lesson reads ../data/cables/samples: run it from notebooks/, like JupyterLab does
    return run_notebook(path, cable_id=cable_id, cwd=REPO_ROOT / "notebooks")


@pytest.fixture(autouse=True)
def work_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    return folder


def test_with_a_sample_cable(tmp_path: Path, work_folder: Path) -> None:
    nb = run(
        lesson_with(None, 'print("CHOSEN", cable.id, chooser.state["source"])'),
        tmp_path,
        "72TEHRAN1164",
    )
    text = outputs_text(nb)
    assert "CHOSEN 72TEHRAN1164 sample" in text
    assert "ACCELERATION OF F-4ES FOR IRAN" in text  # the summary card
    # Run All with the placeholders in place writes nothing: no claims, no stances, no answers
    assert files_under(work_folder) == {}
    # the check cells answered without an answer; the solution cells only offer a button
    assert "No answer yet" in text
    assert "Model answer" not in text


def files_under(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


HAND_WRITTEN = {
    "{id}/claims.csv": (
        "claim_id,claim,question,holder,stance,paragraph,quote,note\n"
        "C1,A claim a teacher wrote,,someone,FAVOR,1,not checked here,hand-written\n"
    ),
    "{id}/actors.csv": (
        "id,name,aliases,titles,type,affiliation,country,role,actor_code,voice,metonym_forms,"
        "background,background_source\nsomeone,Someone,,,person,,,a person,,unofficial,,,\n"
    ),
    "{id}/answers.csv": "exercise,answer,saved_at\n05.5,my own words,2026-01-01T00:00:00Z\n",
    "{id}_stances.csv": "actor,claim_id,stance,justification\nsomeone,C1,NONE,by hand\n",
    "notes.txt": "a learner's notes\n",
}


@pytest.mark.parametrize("cable_id", ["72TEHRAN1164", "08BAKU151"])
def test_run_all_twice_leaves_hand_written_work_byte_identical(
    tmp_path: Path, work_folder: Path, cable_id: str
) -> None:
    for name, text in HAND_WRITTEN.items():
        path = work_folder / name.format(id=cable_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    before = files_under(work_folder)
    for _ in range(2):
        nb = run(lesson_with(None), tmp_path, cable_id)
        assert files_under(work_folder) == before
    assert "No answer yet" in outputs_text(nb)


def test_with_an_uploaded_file(tmp_path: Path, work_folder: Path) -> None:
    upload = """
import datetime
_data = open("../data/cables/samples/10MOSCOW228.txt", "rb").read()
chooser.controls["upload"].value = ({"name": "10MOSCOW228.txt", "type": "text/plain",
    "size": len(_data), "content": memoryview(_data), "last_modified": datetime.datetime(2026, 1, 1)},)
assert chooser.state["source"] == "upload", chooser.state["outcome"]
"""
    final = 'print("CHOSEN", cable.id, chooser.state["source"])\nactor_editor.state["save"]()'
    nb = run(lesson_with(upload, final), tmp_path)
    text = outputs_text(nb)
    assert "CHOSEN 10MOSCOW228 upload" in text
    assert "RUSSIAN DRAFT BILL WOULD REQUIRE ON-SHORE CREDIT CARD PROCESSING" in text
    saved = (work_folder / "10MOSCOW228" / "actors.csv").read_text(encoding="utf-8")
    assert "matthias_mitman" in saved  # the draft from "Classified By: ... Matthias Mitman"
    assert not (work_folder / "10MOSCOW228" / "claims.csv").exists()  # no claims written yet


def test_with_pasted_text_and_xss_payloads_stay_text(tmp_path: Path) -> None:
    paste = (
        f"chooser.controls['paste'].value = {json.dumps(xss_cable())}\n"
        "chooser.controls['load'].click()\n"
        "assert chooser.state['source'] == 'paste', chooser.state['outcome']"
    )
    final = (
        WIDGET_WALK
        + "\nassert '<script>window.__pwned' not in _all_html"
        + "\nassert '<img src=x onerror' not in _all_html"
        + "\nassert '&lt;script&gt;window.__pwned=1&lt;/script&gt;' in _all_html"
        + "\nassert '&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;' in _all_html"
        + '\nprint("CHOSEN", cable.id, chooser.state["source"], cable.subject)'
    )
    nb = run(lesson_with(paste, final), tmp_path)
    text = outputs_text(nb)
    # a changed copy of a collection cable is added under its own ID (the chosen-cable
    # contract); the plain-text print shows the subject literally
    assert re.search(r"CHOSEN 08BAKU151(_copy_[0-9a-f]+)? paste " + re.escape(SCRIPT), text)
    html = "\n".join(
        "".join(o["data"]["text/html"])
        if not isinstance(o["data"]["text/html"], str)
        else o["data"]["text/html"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    )
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # the summary card
    assert "<script>window.__pwned" not in html
    assert "<img src=x onerror" not in html


def test_changing_the_cable_shows_the_banner_and_the_button_redraws_the_views(
    tmp_path: Path,
) -> None:
    final = (
        'chooser.controls["sample"].value = "10MOSCOW228"\n'
        'print("BANNER", "Cable changed" in chooser.state["banner"].value)\n'
        "from cable_utils.widgets.remix import _shown_ids\n"
        'print("BEFORE", sorted(set(_shown_ids())))\n'
        'chooser.controls["rerun"].click()\n'
        'print("AFTER", sorted(set(_shown_ids())), chosen_cable(chooser).id)\n'
    )
    text = outputs_text(run(lesson_with(None, final), tmp_path, "08BAKU151"))
    assert "BANNER True" in text
    assert "BEFORE ['08BAKU151']" in text  # the warnings, the tour and the comparison
    assert "AFTER ['10MOSCOW228'] 10MOSCOW228" in text
