"""A teacher's notes on a cable: ``data/annotations/<ID>/notes.md``.

When a lesson reads a cable other than 08BAKU151, it shows that cable's notes
if a teacher wrote them: an introduction at the top of every lesson, notes for
one lesson, discussion questions with what a good answer covers, and timeline
rows for lesson 04. The file is Markdown, so it reads well on its own; its
level-2 headings name the parts (all optional, in any order, each at most once):

``## Intro``
    Shown at the top of every lesson: what the cable is and what to watch for.
``## Lesson 00`` … ``## Lesson 06``
    Shown at the top of that lesson only, under the intro.
``## Questions``
    A numbered list (``1.``, ``2.`` …): the discussion questions for this cable.
``## Model answers``
    A numbered list: what a good answer to the question of the same number covers.
``## Timeline``
    A Markdown table with the columns of ``data/timeline.csv``: ``start_date``,
    ``end_date``, ``precision`` (day / month / year), ``event``, ``category``,
    ``source``. Every row needs a date of its precision and a source.

A first line ``# …`` (a title) is allowed. :func:`check_notes` lists every
problem with its line number and a fix; :func:`load_notes` keeps what is good.
Notes are the teacher's text: lessons show them escaped (HTML in them is shown,
never run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .._arguments import CABLE_ID, takes
from ..source.paths import DATA_DIR, is_safe_id

__all__ = [
    "NOTES_FILE",
    "NOTES_SECTIONS",
    "CableNotes",
    "NoteProblem",
    "NotesTimelineRow",
    "check_notes",
    "load_notes",
    "notes_path",
    "parse_notes",
    "timeline_for",
]

NOTES_FILE = "notes.md"
#: The level-2 headings notes.md may use (besides "Lesson 00" … "Lesson 06").
NOTES_SECTIONS = ("Intro", "Questions", "Model answers", "Timeline")
_LESSON_HEADING = re.compile(r"^Lesson (0[0-6])$")
TIMELINE_COLUMNS = ("start_date", "end_date", "precision", "event", "category", "source")
_DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
MAX_NOTES_BYTES = 500_000


@dataclass(frozen=True, slots=True)
class NoteProblem:
    """One problem in notes.md: where, what, and how to fix it."""

    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"notes.md line {self.line}" if self.line else "notes.md"
        return f"{where}: {self.message}. Fix: {self.fix}"


@dataclass(frozen=True, slots=True)
class NotesTimelineRow:
    """A dated, sourced event from the notes' timeline (the columns of data/timeline.csv)."""

    start: date
    end: date | None
    precision: str
    event: str
    category: str
    source: str
    line: int


@dataclass(frozen=True)
class CableNotes:
    """The good parts of a notes.md (empty when there is none)."""

    cable_id: str
    path: Path | None = None
    title: str = ""
    intro: str = ""
    lessons: dict[str, str] = field(default_factory=dict)  # "01" -> Markdown
    questions: tuple[str, ...] = ()
    answers: dict[int, str] = field(default_factory=dict)  # question number -> Markdown
    timeline: tuple[NotesTimelineRow, ...] = ()
    problems: tuple[NoteProblem, ...] = ()

    @property
    def exists(self) -> bool:
        return self.path is not None

    def for_lesson(self, lesson: str) -> str:
        return self.lessons.get(lesson, "")


def notes_path(cable_id: str, folder: Path | None = None) -> Path:
    """``data/annotations/<ID>/notes.md`` (it may not exist)."""
    if folder is not None:
        return folder / NOTES_FILE
    if not is_safe_id(cable_id):
        raise ValueError(f"{cable_id!r} is not a cable ID")
    return Path(DATA_DIR) / "annotations" / cable_id / NOTES_FILE


def _sections(
    lines: list[str], problems: list[NoteProblem]
) -> tuple[str, dict[str, tuple[int, list[str]]]]:
    """The title and ``heading -> (line of the heading, body lines)``."""
    title = ""
    sections: dict[str, tuple[int, list[str]]] = {}
    current: list[str] | None = None
    ignoring = False  # under a heading already reported: its text is not reported again
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        heading = None if in_fence else re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if (
            heading
            and len(heading.group(1)) == 1
            and not sections
            and current is None
            and not title
        ):
            title = heading.group(2)
            continue
        if heading and len(heading.group(1)) == 2:
            name = heading.group(2).strip()
            canonical = _canonical_heading(name)
            if canonical is None:
                problems.append(
                    NoteProblem(
                        number,
                        f"the heading '## {name}' is not one notes.md knows",
                        "use ## Intro, ## Lesson 00 … ## Lesson 06, ## Questions, "
                        "## Model answers or ## Timeline (or make it a ### subheading)",
                    )
                )
                current, ignoring = None, True
                continue
            if canonical in sections:
                problems.append(
                    NoteProblem(number, f"'## {canonical}' appears twice", "merge the two parts")
                )
                current, ignoring = None, True
                continue
            current, ignoring = [], False
            sections[canonical] = (number, current)
            continue
        if current is not None:
            current.append(line)
        elif line.strip() and not ignoring and not (heading and len(heading.group(1)) > 2):
            problems.append(
                NoteProblem(
                    number,
                    "this text is not under any '## ' heading, so no lesson shows it",
                    "put it under '## Intro' (or another heading)",
                )
            )
    return title, sections


def _canonical_heading(name: str) -> str | None:
    for known in NOTES_SECTIONS:
        if name.casefold() == known.casefold():
            return known
    lesson = _LESSON_HEADING.match(name.strip().capitalize())
    return f"Lesson {lesson.group(1)}" if lesson else None


def _numbered_items(
    start_line: int, body: list[str], what: str, problems: list[NoteProblem]
) -> dict[int, str]:
    items: dict[int, list[str]] = {}
    lines: dict[int, int] = {}
    current: list[str] | None = None
    for offset, line in enumerate(body, start=start_line + 1):
        found = _NUMBERED.match(line)
        if found:
            number = int(found.group(1))
            if number in items:
                problems.append(
                    NoteProblem(offset, f"{what} number {number} appears twice", "renumber them")
                )
                current = None
                continue
            current = [found.group(2)]
            items[number] = current
            lines[number] = offset
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line.strip())
        elif line.strip():
            problems.append(
                NoteProblem(
                    offset,
                    f"this line is not part of a numbered {what}",
                    f"start each {what} with its number ('1. …'), and indent a continuation line",
                )
            )
    numbers = sorted(items)
    if what == "question" and numbers and numbers != list(range(1, len(numbers) + 1)):
        first_wrong = next(n for i, n in enumerate(numbers, start=1) if n != i)
        problems.append(
            NoteProblem(
                lines[first_wrong],
                f"the {what}s are numbered {', '.join(map(str, numbers))}",
                "number them 1, 2, 3 … without gaps",
            )
        )
    return {
        n: " ".join(" ".join(part for part in text if part).split()) for n, text in items.items()
    }


def _table_cells(line: str) -> list[str]:
    inner = line.strip().strip("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _parse_date(text: str, precision: str) -> date:
    return datetime.strptime(text.strip(), _DATE_FORMATS[precision]).date()


def _timeline(
    start_line: int, body: list[str], problems: list[NoteProblem]
) -> tuple[NotesTimelineRow, ...]:
    rows = [(n, line) for n, line in enumerate(body, start=start_line + 1) if line.strip()]
    table = [(n, line) for n, line in rows if line.lstrip().startswith("|")]
    other = [(n, line) for n, line in rows if not line.lstrip().startswith("|")]
    for number, _ in other[:1]:
        problems.append(
            NoteProblem(
                number,
                "the timeline holds text that is not part of its table",
                "keep only the Markdown table under '## Timeline' (notes go under '## Intro')",
            )
        )
    if len(table) < 2:
        if table or other:
            problems.append(
                NoteProblem(
                    start_line,
                    "the timeline has no table",
                    "write a Markdown table with the columns " + ", ".join(TIMELINE_COLUMNS),
                )
            )
        return ()
    header = [cell.casefold() for cell in _table_cells(table[0][1])]
    missing = [c for c in TIMELINE_COLUMNS if c not in header]
    if missing:
        problems.append(
            NoteProblem(
                table[0][0],
                f"the timeline table has no column {', '.join(missing)}",
                "its header must be | " + " | ".join(TIMELINE_COLUMNS) + " |",
            )
        )
        return ()
    events = []
    for number, line in table[2:]:
        cells = _table_cells(line)
        if len(cells) != len(header):
            problems.append(
                NoteProblem(
                    number,
                    f"this row has {len(cells)} cells, the header {len(header)}",
                    "write '\\|' for a '|' inside a cell, and give every column a cell (it may be empty)",
                )
            )
            continue
        row = dict(zip(header, cells, strict=True))
        precision = row["precision"] or "day"
        if precision not in _DATE_FORMATS:
            problems.append(
                NoteProblem(
                    number,
                    f"precision {precision!r} is not day, month or year",
                    "use day, month or year",
                )
            )
            continue
        try:
            start = _parse_date(row["start_date"], precision)
            end_text = row["end_date"]
            end = (
                _parse_date(end_text, "day" if len(end_text) == 10 else precision)
                if end_text
                else None
            )
        except ValueError:
            shape = {"day": "2008-02-17", "month": "2008-02", "year": "2008"}[precision]
            problems.append(
                NoteProblem(
                    number,
                    f"the date {row['start_date']!r} (or the end date) is not a {precision}",
                    f"write it like {shape}",
                )
            )
            continue
        if not row["event"]:
            problems.append(NoteProblem(number, "the row has no event", "say what happened"))
            continue
        if not row["source"]:
            problems.append(
                NoteProblem(
                    number,
                    f"the event {row['event'][:50]!r} has no source",
                    "name where the fact comes from (title, outlet, date, address)",
                )
            )
            continue
        if end is not None and end < start:
            problems.append(
                NoteProblem(number, "the event ends before it starts", "swap the dates")
            )
            continue
        events.append(
            NotesTimelineRow(
                start, end, precision, row["event"], row["category"], row["source"], number
            )
        )
    return tuple(sorted(events, key=lambda e: e.start))


def parse_notes(text: str, cable_id: str = "", path: Path | None = None) -> CableNotes:
    """Read the text of a notes.md; problems are listed, the good parts kept."""
    problems: list[NoteProblem] = []
    lines = text.lstrip("\ufeff").splitlines()
    title, sections = _sections(lines, problems)

    def body(name: str) -> tuple[int, list[str]]:
        return sections.get(name, (0, []))

    def prose(name: str) -> str:
        return "\n".join(body(name)[1]).strip()

    q_line, q_body = body("Questions")
    questions = _numbered_items(q_line, q_body, "question", problems) if q_body else {}
    a_line, a_body = body("Model answers")
    answers = _numbered_items(a_line, a_body, "answer", problems) if a_body else {}
    for number in sorted(set(answers) - set(questions)):
        problems.append(
            NoteProblem(
                a_line,
                f"model answer {number} has no question {number}",
                "add the question under '## Questions', or renumber the answers",
            )
        )
    t_line, t_body = body("Timeline")
    timeline = _timeline(t_line, t_body, problems) if "Timeline" in sections else ()
    lessons = {
        name.split()[1]: prose(name)
        for name in sections
        if name.startswith("Lesson ") and prose(name)
    }
    return CableNotes(
        cable_id=cable_id,
        path=path,
        title=title,
        intro=prose("Intro"),
        lessons=lessons,
        questions=tuple(questions[n] for n in sorted(questions)),
        answers={n: a for n, a in answers.items() if n in questions},
        timeline=timeline,
        problems=tuple(problems),
    )


def _read(path: Path) -> tuple[str | None, list[NoteProblem]]:
    try:
        if path.stat().st_size > MAX_NOTES_BYTES:
            return None, [
                NoteProblem(
                    None, "the file is far larger than teaching notes", "keep notes.md short"
                )
            ]
        data = path.read_bytes()
    except OSError as error:
        return None, [NoteProblem(None, f"could not be read ({error.strerror})", "check the file")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [
            NoteProblem(
                None,
                f"is not UTF-8 text (byte {error.start} cannot be read)",
                "save it as UTF-8 (in most editors: Save As › Encoding: UTF-8)",
            )
        ]


def load_notes(cable_id: str, folder: Path | None = None) -> CableNotes:
    """The teacher's notes on a cable (empty :class:`CableNotes` when there are none)."""
    if not is_safe_id(cable_id or "") and folder is None:
        return CableNotes(cable_id or "")
    path = notes_path(cable_id, folder)
    if not path.is_file():
        return CableNotes(cable_id)
    text, problems = _read(path)
    if text is None:
        return CableNotes(cable_id, path, problems=tuple(problems))
    return parse_notes(text, cable_id, path)


def check_notes(path: Path, cable_id: str = "") -> list[NoteProblem]:
    """Every problem of one notes.md (empty when it is fine or absent)."""
    if not path.is_file():
        return []
    text, problems = _read(path)
    if text is None:
        return problems
    return list(parse_notes(text, cable_id, path).problems)


@takes(CABLE_ID.or_none())
def timeline_for(cable_id: str | None) -> list:
    """The timeline lesson 04 shows: ``data/timeline.csv`` for 08BAKU151, else the notes' rows.

    ``data/timeline.csv`` is the sourced story around 08BAKU151 (Kosovo and
    Nagorno-Karabakh); it is never shown as if it were another cable's context.
    Another cable gets the rows under ``## Timeline`` in its notes.md, or none.
    """
    from .argument import TimelineEvent, load_timeline
    from .remix import COLLECTION_CABLE

    if cable_id == COLLECTION_CABLE:
        return load_timeline()
    notes = load_notes(cable_id or "")
    return [
        TimelineEvent(row.start, row.end, row.precision, row.event, row.category, row.source)
        for row in notes.timeline
    ]
