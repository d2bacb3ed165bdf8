"""A class set for one cable: the lessons set to it, and a printable worksheet.

``make student CABLE=10MOSCOW228`` and ``make html CABLE=10MOSCOW228`` use this
module (through ``tools/make_student.py`` and ``tools/build_site.py``):

* :func:`set_lesson_cable` points a lesson's ``parameters`` cell at the cable
  (``CABLE_ID = "10MOSCOW228"``), as the remix tests do;
* :func:`cells_for_cable` leaves out the cells written about 08BAKU151 (tagged
  ``cable:08BAKU151``) when the class reads another cable;
* :func:`worksheet_html` writes the worksheet: the cable's identity and how to
  cite it, the teacher's introduction, every exercise that works on this cable
  with space for the answer, and the discussion questions of the teacher's
  notes. It is one self-contained HTML file that prints cleanly to PDF from any
  browser (print stylesheet, a page per lesson, answer boxes that are never cut).

Notebooks are handled as plain ``nbformat`` nodes (dicts with ``cells``); this
module does not import nbformat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from ..analysis.notes import load_notes
from ..errors import CableError
from ..model import Cable
from ..parse import takes_cable
from ..source.paths import is_safe_id

__all__ = [
    "CABLE_TAG_PREFIX",
    "WorksheetExercise",
    "cells_for_cable",
    "checked_class_cable",
    "set_lesson_cable",
    "worksheet_exercises",
    "worksheet_html",
]

CABLE_TAG_PREFIX = "cable:"
_CABLE_ID_LINE = re.compile(r"^CABLE_ID\s*(?::[^=]+)?=.*$", re.MULTILINE)
_LEVEL_LINES = {"recall": 2, "analysis": 5, "open": 10}


def checked_class_cable(cable_id: str) -> Cable:
    """The cable of a class set, or a :class:`CableError` saying why not (an ID only).

    Read as a lesson reads its ``CABLE_ID`` (:func:`~cable_utils.lessons.chosen.lesson_cable`),
    so a class set can be built for any cable its lessons can open, a corpus cable included.
    """
    from .chosen import lesson_cable

    given = (cable_id or "").strip()
    if not is_safe_id(given):
        raise CableError(
            f"{cable_id!r} is not a cable ID (like 10MOSCOW228); a class set is built for a "
            "cable of the collection (add one first with python -m cable_utils add)"
        )
    return lesson_cable(given)


def _tags(cell: Any) -> list[str]:
    return list((cell.get("metadata") or {}).get("tags") or [])


def set_lesson_cable(nb: Any, cable_id: str) -> bool:
    """Point the first ``parameters`` cell at ``cable_id``; False when the notebook has none."""
    assignment = f'CABLE_ID = "{cable_id}"'
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code" and "parameters" in _tags(cell):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            if _CABLE_ID_LINE.search(source):
                source = _CABLE_ID_LINE.sub(lambda _m: assignment, source, count=1)
            else:
                source = f"{source.rstrip()}\n{assignment}".lstrip()
            cell["source"] = source
            return True
    return False


def cells_for_cable(cells: Sequence[Any], cable_id: str) -> tuple[list[Any], int]:
    """The cells a class on ``cable_id`` needs: cells about another cable are left out.

    A cell tagged ``cable:08BAKU151`` is about 08BAKU151 only; it stays in a
    class set for 08BAKU151 and is left out of one for any other cable.
    Returns (cells, how many were left out).
    """
    kept = []
    for cell in cells:
        about = [t[len(CABLE_TAG_PREFIX) :] for t in _tags(cell) if t.startswith(CABLE_TAG_PREFIX)]
        if about and cable_id not in about:
            continue
        kept.append(cell)
    return kept, len(cells) - len(kept)


# --------------------------------------------------------------------------- the worksheet


@dataclass(frozen=True, slots=True)
class WorksheetExercise:
    id: str
    prompt: str
    level: str
    #: why the exercise does not work on this cable ("" when it does)
    not_here: str = ""


def _unavailable(item: Any, cable: Cable) -> str:
    """Why an exercise cannot work on ``cable`` ("" when it can), if the registry says."""
    probe = getattr(item, "unavailable_on", None)
    if probe is None:
        return ""
    try:
        return probe(cable) or ""
    except CableError as error:
        return str(error)


@takes_cable
def worksheet_exercises(cable: Cable) -> list[WorksheetExercise]:
    """Every registered exercise, in order, with why it does not work on ``cable``."""
    from .exercises import exercise_ids, get_exercise

    items = []
    for exercise_id in exercise_ids():
        item = get_exercise(exercise_id)
        items.append(
            WorksheetExercise(exercise_id, item.prompt, item.level, _unavailable(item, cable))
        )
    return items


PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #000; background: #fff;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 19pt; margin: 0 0 .4rem; }
h2 { font-size: 14pt; margin: 1.4rem 0 .5rem; border-bottom: 1px solid #000; }
.identity { border: 1px solid #000; padding: .5rem .7rem; margin: .6rem 0 1rem; }
.identity dt { font-weight: bold; float: left; width: 7.5rem; clear: left; }
.identity dd { margin: 0 0 .15rem 8rem; }
.who { display: flex; gap: 2rem; margin: .8rem 0; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-top: 1.2rem; }
.lesson { break-before: page; page-break-before: always; }
.lesson.first { break-before: auto; page-break-before: auto; }
.exercise, .question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1rem; }
.exercise .label { font-weight: bold; }
.answer { border: 1px solid #555; border-radius: 2px; margin-top: .35rem; padding: 0 .4rem; }
.answer .line { height: 1.75rem; border-bottom: 1px solid #aaa; }
.answer .line:last-child { border-bottom: 0; }
.skipped { font-style: italic; color: #333; }
.note { font-size: 9.5pt; color: #222; }
.intro { white-space: pre-wrap; }
@media screen { .print-hint { background: #fff8e6; border-left: 4px solid #E69F00;
  padding: .4rem .8rem; } }
@media print { .print-hint { display: none; } a { color: #000; text-decoration: none; }
  body { margin: 0; max-width: none; } }
"""


def _answer_box(level: str) -> str:
    """Ruled lines to write on (borders, so they print without "background graphics")."""
    lines = _LEVEL_LINES.get(level, 5)
    ruled = '<div class="line"></div>' * lines
    return f'<div class="answer" role="img" aria-label="space for the answer, {lines} lines">{ruled}</div>'


@takes_cable
def worksheet_html(
    cable: Cable,
    *,
    lesson_titles: dict[str, str] | None = None,
    exercises: Iterable[WorksheetExercise] | None = None,
    today: datetime | None = None,
) -> str:
    """The printable worksheet for a class on ``cable`` (one escaped, self-contained page).

    ``lesson_titles`` maps "01" to the lesson's title (read from the notebooks by
    the tools); ``exercises`` defaults to :func:`worksheet_exercises`.
    """
    cable_id = cable.id or "this cable"
    items = list(exercises if exercises is not None else worksheet_exercises(cable))
    notes = load_notes(cable.id or "")
    titles = dict(lesson_titles or {})
    when = (today or datetime.now(UTC)).strftime("%d %B %Y")
    date = cable.date.strftime("%d %B %Y, %H:%M UTC") if cable.date else "no date in the text"
    fields = [
        ("Cable", cable_id),
        ("Sent", date),
        ("From", cable.origin or "—"),
        ("Subject", cable.subject or "(no SUBJECT line)"),
        ("Classification", cable.classification or "no banner"),
    ]
    identity = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in fields)
    cite = (
        f"{cable.origin or 'The sending post'}, "
        f"“{(cable.subject or 'untitled').title()},” cable {cable_id}"
        + (f", {cable.date:%d %B %Y}" if cable.date else "")
        + ", as published by WikiLeaks. Name the copy you used."
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Worksheet: {escape(cable_id)} · Cable Classroom</title>",
        f"<style>{PRINT_CSS}</style></head><body>",
        '<p class="print-hint" role="note">To make a PDF or a paper copy: File › Print '
        "(or Ctrl+P / ⌘P), then “Save as PDF” or a printer. Each lesson starts on a new "
        "page.</p>",
        f"<h1>Worksheet: cable {escape(cable_id)}</h1>",
        '<div class="who"><span>Name</span><span>Date</span></div>',
        f'<dl class="identity">{identity}</dl>',
        f'<p class="note"><strong>How to cite it:</strong> {escape(cite)}</p>',
    ]
    if notes.intro:
        parts += ["<h2>About this cable</h2>", f'<p class="intro">{escape(notes.intro)}</p>']
    parts.append(
        '<p class="note">Answer in the boxes. The lessons check many answers for you: type the '
        "same answer into the lesson's self-check. Quote the cable exactly where you quote it.</p>"
    )
    by_lesson: dict[str, list[WorksheetExercise]] = {}
    for item in items:
        by_lesson.setdefault(item.id.split(".")[0], []).append(item)
    for index, (lesson, members) in enumerate(sorted(by_lesson.items())):
        title = titles.get(lesson, "")
        heading = f"Lesson {lesson}" + (f" · {title}" if title else "")
        css = "lesson first" if index == 0 else "lesson"
        parts.append(f'<section class="{css}"><h2>{escape(heading)}</h2>')
        for item in members:
            label = f"{item.id} ({item.level})"
            if item.not_here:
                parts.append(
                    f'<p class="skipped">{escape(label)}: left out: it does not work on '
                    f"{escape(cable_id)} ({escape(item.not_here)}).</p>"
                )
                continue
            parts.append(
                f'<div class="exercise"><span class="label">{escape(label)}</span> '
                f"{escape(item.prompt)}{_answer_box(item.level)}</div>"
            )
        parts.append("</section>")
    if notes.questions:
        parts.append('<section class="lesson"><h2>Discussion questions</h2>')
        for number, question in enumerate(notes.questions, start=1):
            parts.append(
                f'<div class="question"><span class="label">{number}.</span> '
                f"{escape(question)}{_answer_box('open')}</div>"
            )
        parts.append("</section>")
    parts.append(
        f'<p class="note">Cable Classroom worksheet for {escape(cable_id)}, made {escape(when)} '
        "with <code>make student CABLE=…</code> or <code>make html CABLE=…</code>.</p>"
    )
    parts.append("</body></html>\n")
    return "\n".join(parts)
