"""What a lesson says about the cable it reads: its header, boxes about 08BAKU151, the notes.

Markdown cells cannot change when another cable is chosen, so a lesson says
what depends on the cable through short code cells:

* :func:`lesson_header` (the lesson's second code cell): which cable the lesson
  reads and why; for another cable, that 08BAKU151's passages are folded away,
  and the teacher's notes on that cable (``data/annotations/<ID>/notes.md``:
  its intro and the notes for this lesson), or where to write them.
* :func:`cable_box`: a passage written about 08BAKU151 (the convention: the
  cell is tagged ``cable:08BAKU151``). Shown as a labelled box on 08BAKU151;
  on any other cable it is folded under "In 08BAKU151 …", so nothing about
  Baku is presented as if it were about the chosen cable.
* :func:`cable_questions`: on another cable, the teacher's discussion questions
  for it, with what a good answer covers folded.
* :func:`primer_header`: the top of the context primer, which stays about
  08BAKU151's history and says so on another cable (with that cable's intro).
* :func:`worked_example`: a table or figure that belongs to 08BAKU151's worked
  example (the record of Kosovo's recognitions in lesson 04): made and shown on
  08BAKU151; on any other cable, a folded line saying what it is and how to see it.
* :func:`how_to_cite`: a citation of the cable the lesson reads, from its header.
* :func:`lesson_times`: each lesson's estimated time, read from its header card,
  so lesson 00's learning path never disagrees with the lessons.

Each returns an object that Jupyter shows as Markdown (``text/markdown``);
``str()`` gives the same Markdown, for tests and tools. Teacher's notes and
cable text are HTML-escaped: they are shown, never run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import capwords
from typing import Any

from .._arguments import instance_of, takes
from ..analysis.notes import CableNotes, load_notes
from ..model import Cable
from ..parse import takes_cable
from ..source.paths import PROJECT_DIR
from .chosen import DEFAULT_CABLE_ID, choice_reason

__all__ = [
    "LessonText",
    "cable_box",
    "cable_citation",
    "cable_questions",
    "how_to_cite",
    "lesson_header",
    "lesson_times",
    "notes_for",
    "primer_header",
    "worked_example",
]

#: The cell tag of a passage about 08BAKU151 (see CONTRIBUTING.md).
CABLE_TAG = f"cable:{DEFAULT_CABLE_ID}"


@dataclass(frozen=True)
class LessonText:
    """Markdown a lesson cell shows (``_repr_markdown_``); ``str()`` is the Markdown."""

    markdown: str
    #: what it is, for tests: "header", "box", "folded box", "questions", "pointer", "nothing"
    kind: str = ""

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __str__(self) -> str:
        return self.markdown


def _plain(text: str) -> str:
    """Text from a cable or a file, safe inside Markdown: no HTML, no formatting."""
    escaped = escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]#|~])", r"\\\1", escaped)


def _markdown_cell(text: str) -> str:
    """A lesson's own Markdown (``benchmarks/lesson_times.md`` in backticks) in a table
    cell: HTML shown as text and "|" escaped, the formatting kept."""
    return escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def _notes_markdown(text: str) -> str:
    """A teacher's Markdown, with any HTML in it shown as text."""
    return escape(text, quote=False)


@takes_cable
def notes_for(cable: Cable) -> CableNotes:
    """The teacher's notes on the cable (empty when it has none or no usable ID)."""
    return load_notes(cable.id or "")


def _identity(cable: Cable) -> str:
    parts = [cable.origin or "", cable.date.strftime("%d %b %Y") if cable.date else ""]
    who = ", ".join(part for part in parts if part)
    subject = f": *{_plain(cable.subject)}*" if cable.subject else ""
    return f"{_plain(who)}{subject}" if who or subject else "a cable without a header"


@takes_cable
def lesson_header(cable: Cable, lesson: str) -> LessonText:
    """The top of a lesson: which cable it reads, and the teacher's notes on any other cable.

    ``lesson`` is the lesson's number (``"01"``).
    """
    shown = _plain(cable.id or "this cable")
    why = _plain(choice_reason(cable))
    if cable.id == DEFAULT_CABLE_ID:
        return LessonText(f"**This lesson reads {shown}.** {why}", "header")
    lines = [
        f"**This lesson reads {shown}** ({_identity(cable)}). {why}",
        "",
        f"Everything computed here (tables, figures, self-checks) is about {shown}. Passages "
        f"written about 08BAKU151, the collection's own cable, are folded under "
        f"*In 08BAKU151*: open one to compare with a worked example.",
    ]
    notes = notes_for(cable)
    if notes.intro or notes.for_lesson(lesson):
        lines += ["", f"#### Teacher's notes on {shown}", ""]
        if notes.intro:
            lines += [_notes_markdown(notes.intro), ""]
        if notes.for_lesson(lesson):
            lines += [
                f"*For lesson {_plain(lesson)}:*",
                "",
                _notes_markdown(notes.for_lesson(lesson)),
            ]
    else:
        lines += [
            "",
            f"No teacher has written notes on {shown} yet. A teacher can add them in "
            f"`data/annotations/{shown}/notes.md` (what to write: REMIXING.md).",
        ]
    if notes.problems:
        lines += [
            "",
            f"*The notes file has {len(notes.problems)} problem(s); the parts without problems "
            f"are shown. `python -m cable_utils check-annotations {shown}` lists them.*",
        ]
    return LessonText("\n".join(lines).strip(), "header")


@takes_cable
@takes(text=instance_of(str, what="the text of the box", how='cable_box(cable, "…")'))
def cable_box(cable: Cable, text: str, *, about: str = DEFAULT_CABLE_ID) -> LessonText:
    """A passage about one cable (08BAKU151): a labelled box there, folded on any other.

    ``text`` is Markdown written by the lesson's authors (it is not escaped).
    """
    body = text.strip("\n")
    label = f"In {about}"
    if cable.id == about:
        quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in body.splitlines())
        return LessonText(f"> **{label}:**\n>\n{quoted}", "box")
    reading = _plain(cable.id or "another cable")
    summary = (
        f"{label}, the collection's cable (this lesson reads {reading}): a worked example, folded"
    )
    return LessonText(
        f"<details><summary>{escape(summary, quote=False)}</summary>\n\n{body}\n\n</details>",
        "folded box",
    )


@takes_cable
def cable_questions(cable: Cable) -> LessonText:
    """The teacher's discussion questions on a cable other than 08BAKU151.

    On 08BAKU151 it says where its questions are (the lesson's own box, above it): an
    empty output read as a cell that failed.
    What a good answer covers (the notes' model answers) is folded under each
    question, to open after the discussion.
    """
    if cable.id == DEFAULT_CABLE_ID:
        return LessonText(
            f"*This lesson reads {DEFAULT_CABLE_ID}: its questions are in the box above. On a "
            "cable you choose in lesson 05, the questions a teacher wrote on it appear here.*",
            "pointer",
        )
    shown = _plain(cable.id or "this cable")
    notes = notes_for(cable)
    if not notes.questions:
        return LessonText(
            f"*No teacher has written discussion questions on {shown} yet (the `## Questions` "
            f"of `data/annotations/{shown}/notes.md`). The general questions above apply to "
            "any cable.*",
            "questions",
        )
    lines = [f"**Questions on {shown}** (from the teacher's notes):", ""]
    for number, question in enumerate(notes.questions, start=1):
        lines.append(f"{number}. {_notes_markdown(question)}")
        answer = notes.answers.get(number)
        if answer:
            lines += [
                "",
                "   <details><summary>What a good answer covers (open after discussing)</summary>",
                "",
                f"   {_notes_markdown(answer)}",
                "",
                "   </details>",
                "",
            ]
    return LessonText("\n".join(lines).strip(), "questions")


@takes_cable
def cable_citation(cable: Cable) -> str:
    """A citation of the cable from its own header (plain text, not escaped).

    Sending post, subject, canonical ID, date and classification: what a reader
    needs to find any edition of the cable. Missing parts are left out, and said.
    """
    # capwords, not str.title: "KOSOVO'S" becomes "Kosovo's", not "Kosovo'S"
    subject = capwords((cable.subject or "").strip())
    title = f"\u201c{subject},\u201d" if subject else "untitled (no SUBJECT line),"
    rest = [f"cable {cable.id}" if cable.id else "cable without a canonical ID"]
    if cable.date:
        rest.append(f"{cable.date:%d %B %Y}".lstrip("0"))
    if cable.classification:
        rest.append(cable.classification)
    sender = cable.origin or "The sending post (no FM line in this copy)"
    return f"{sender}, {title} {', '.join(rest)}, as published by WikiLeaks"


@takes_cable
def how_to_cite(cable: Cable) -> LessonText:
    """How to cite the cable the lesson reads, and which copy of it was used."""
    copy = Path(cable.source).name if cable.source else ""
    where = f" (here: the file {_plain(copy)} of this collection)" if copy else ""
    return LessonText(
        f"**How to cite {_plain(cable.id or 'this cable')}.** {_plain(cable_citation(cable))}. "
        "Give the canonical ID: it is how every edition of the cable is found. "
        f"Name the copy you used{where} and, where the online address is known, "
        "the date you consulted it.",
        "citation",
    )


_ESTIMATED_TIME = re.compile(r"^\|\s*\*\*Estimated time\*\*\s*\|(.*)\|\s*$", re.M)
_TITLE = re.compile(r"^# (.+)$", re.M)


def lesson_times(folder: Path | None = None) -> LessonText:
    """A table of the lessons in ``notebooks/`` with the time each one's header card states.

    Read from the lessons themselves, so the learning path cannot drift from them.
    """
    folder = folder or PROJECT_DIR / "notebooks"
    rows = []
    for path in sorted(folder.glob("[0-9][0-9]*_*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        markdown = [
            "".join(c["source"]) if isinstance(c.get("source"), list) else str(c.get("source"))
            for c in cells
            if isinstance(c, dict) and c.get("cell_type") == "markdown"
        ]
        head = "\n".join(markdown[:3])
        title, time = _TITLE.search(head), _ESTIMATED_TIME.search(head)
        if title:
            stated = time.group(1).strip() if time else "not stated"
            # (the time is the lesson's own Markdown: its `file names` stay code, not "\`")
            rows.append(
                f"| {_plain(path.stem)} | {_plain(title.group(1))} | {_markdown_cell(stated)} |"
            )
    if not rows:
        return LessonText(f"*No lessons found in {_plain(str(folder))}.*", "nothing")
    head = "| Notebook | Title | Estimated time (from its header) |\n|---|---|---|"
    return LessonText(head + "\n" + "\n".join(rows), "times")


@takes_cable
def primer_header(cable: Cable) -> LessonText:
    """The top of the context primer (``00b``): it stays about 08BAKU151's history.

    The primer's history is that of 08BAKU151 whatever cable is chosen; on another
    cable it says so, and shows the teacher's introduction to that cable, whose own
    history the primer does not tell.
    """
    if cable.id == DEFAULT_CABLE_ID:
        return LessonText(
            f"**This primer is about {DEFAULT_CABLE_ID}**, the collection's cable: the "
            "history a reader needs around it.",
            "header",
        )
    shown = _plain(cable.id or "this cable")
    lines = [
        f"**You are reading {shown}** ({_identity(cable)}). {_plain(choice_reason(cable))}",
        "",
        f"This primer stays about **{DEFAULT_CABLE_ID}**: it tells the history around the "
        f"collection's cable, a worked example of the context any cable needs, not the "
        f"history of {shown}. Its figures mark where {shown} falls in time; exercise 00b.1 "
        "is a history question, and exercises 00b.2–00b.3, written for 08BAKU151, say so.",
    ]
    notes = notes_for(cable)
    if notes.intro:
        lines += ["", f"#### Teacher's notes on {shown}", "", _notes_markdown(notes.intro)]
    else:
        lines += [
            "",
            f"No teacher has written an introduction to {shown} yet "
            f"(`data/annotations/{shown}/notes.md`, its `## Intro`: REMIXING.md).",
        ]
    return LessonText("\n".join(lines).strip(), "header")


@takes_cable
def worked_example(
    cable: Cable,
    make: Callable[..., Any],
    *args: Any,
    what: str,
    about: str = DEFAULT_CABLE_ID,
    **kwargs: Any,
) -> Any:
    """``make(*args, **kwargs)`` on ``about`` (08BAKU151); on any other cable, what it is, folded.

    For a table or figure that only makes sense beside 08BAKU151 (the record of
    Kosovo's recognitions that lesson 04 checks the cable against): on another
    cable nothing is computed, and a folded "In 08BAKU151" box names it (``what``,
    the authors' Markdown) and says how to see it. A sentence (a ``describe_…``) is
    shown as text, not as a Python string in quote marks.
    """
    if cable.id == about:
        made = make(*args, **kwargs)
        return LessonText(_plain(made), "text") if isinstance(made, str) else made
    return cable_box(
        cable,
        f'{what.strip()} Shown when the lesson reads {about}: set `CABLE_ID = "{about}"` '
        "at the top and run the lesson again.",
        about=about,
    )
