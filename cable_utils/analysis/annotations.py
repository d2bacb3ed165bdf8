"""One validator for every annotation folder: ``data/annotations/<ID>/`` and ``my_work/<ID>/``.

The same checks run everywhere an annotation is read or written:

* ``make test`` runs them on every folder in ``data/annotations/``
  (``tests/test_annotations.py``);
* ``python -m cable_utils check-annotations <ID>`` runs them on the curated
  folder and on the student's ``my_work/<ID>/`` (and ``my_work/<ID>_stances.csv``);
* lesson 04 (:func:`cable_utils.analysis.argument.load_argument`) keeps the good
  rows and lists every bad one, so one bad row never empties the argument map;
* :func:`cable_utils.analysis.remix.save_claims` refuses to write claims that
  would not pass.

Each problem names the file, the line (the header is line 1) and a fix, in
plain words. Problems a spreadsheet causes get a hint of their own: a file saved
with ``;`` or TAB between columns, a file not saved as UTF-8, a quote typed with
curly quotation marks where the cable has straight ones (or the other way
round), a quote that starts with the paragraph number and marking. Holders,
speakers and actors are checked against the folder's ``actors.csv``, else the
curated gazetteer, else the student's, else the automatic draft, and an unknown
id gets the closest known ones as suggestions.

Nothing here writes a file.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CableError
from ..model import Cable
from ..parse import takes_cable
from ..source.paths import DATA_DIR, is_safe_id, work_root
from .notes import NOTES_FILE, check_notes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ANNOTATION_FILES",
    "AnnotationCheck",
    "Problem",
    "annotation_folders",
    "check_annotations",
    "check_claim_rows",
    "curated_folder",
    "known_actors",
    "quote_problem",
    "read_annotation_table",
    "work_folder",
]

STANCES = ("FAVOR", "AGAINST", "NONE")
RELATION_KINDS = ("support", "attack")
MENTION_KINDS = ("name", "title", "metonym", "pronoun")
MAX_TABLE_BYTES = 5_000_000

#: file -> (columns that must be in the header, every column the file may have)
ANNOTATION_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "actors.csv": (
        ("id", "name"),
        ("id", "name", "aliases", "titles", "type", "affiliation", "country", "role",
         "actor_code", "voice", "metonym_forms", "background", "background_source"),
    ),
    "claims.csv": (
        ("claim_id", "claim", "holder", "stance", "quote"),
        ("claim_id", "claim", "question", "holder", "stance", "paragraph", "quote", "note"),
    ),
    "relations.csv": (
        ("from_claim", "to_claim", "relation"),
        ("from_claim", "to_claim", "relation", "note"),
    ),
    "reference_stances.csv": (
        ("actor", "claim_id", "stance", "justification"),
        ("actor", "claim_id", "stance", "justification"),
    ),
    "statements.csv": (
        ("id", "paragraph", "speaker", "verb", "quote"),
        ("id", "paragraph", "speaker", "verb", "quote", "cameo_code", "judgement_call", "note"),
    ),
    "mentions_expected.csv": (
        ("actor", "surface", "count", "kind"),
        ("actor", "surface", "count", "kind", "note"),
    ),
}  # fmt: skip
STANCE_CODING_COLUMNS = (
    ("actor", "claim_id", "stance"),
    ("actor", "claim_id", "stance", "justification"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: the file, the line (1 is the header; None for the whole file), what, and a fix."""

    file: str
    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.message}. Fix: {self.fix}"


@dataclass(frozen=True)
class AnnotationCheck:
    """The result of checking one annotation folder: good rows per file, and every problem."""

    cable_id: str
    folder: Path
    files: tuple[str, ...]
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    actors_from: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_lines(self, file: str) -> set[int]:
        return {p.line for p in self.problems if p.file == file and p.line}

    def report(self) -> str:
        """A plain-text report: the folder, what was found, and every problem with its fix."""
        found = ", ".join(self.files) or "no annotation files"
        head = f"{self.folder} ({self.cable_id}): {found}."
        if not self.problems:
            return f"{head} No problems."
        lines = [f"{head} {len(self.problems)} problem(s):"]
        lines += [f"- {problem}" for problem in self.problems]
        return "\n".join(lines)

    def problems_table(self) -> pd.DataFrame:
        """One row per problem: file, line, problem, fix (empty with these columns when none)."""
        import pandas as pd

        return pd.DataFrame(
            [(p.file, p.line, p.message, p.fix) for p in self.problems],
            columns=["file", "line", "problem", "fix"],
        )


# --------------------------------------------------------------------------- folders


def curated_folder(cable_id: str) -> Path:
    """``data/annotations/<ID>/``."""
    return Path(DATA_DIR) / "annotations" / _checked_id(cable_id)


def work_folder(cable_id: str) -> Path:
    """``my_work/<ID>/`` (or under ``$CABLE_CLASSROOM_WORK``); it may not exist."""
    return work_root() / _checked_id(cable_id)


def _checked_id(cable_id: str) -> str:
    if not is_safe_id(cable_id):
        raise CableError(
            f"{cable_id!r} is not a cable ID: an ID uses only letters, digits, '_' and '-' "
            "(like 10MOSCOW228), never a path"
        )
    return cable_id


def annotation_folders(data_dir: Path | None = None) -> list[Path]:
    """Every curated annotation folder (``data/annotations/*/``)."""
    base = Path(data_dir or DATA_DIR) / "annotations"
    return sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []


# --------------------------------------------------------------------------- reading


def _decode(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if b"\x00" in data[:4096]:
        return None, [
            Problem(file, None, "holds binary data, not a CSV table", "save it as CSV (UTF-8)")
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        guess = ""
        try:
            data.decode("cp1252")
            guess = " It looks like the Windows encoding (cp1252) that spreadsheets use by default."
        except UnicodeDecodeError:
            pass
        return None, [
            Problem(
                file,
                None,
                f"is not UTF-8 text (byte {error.start} cannot be read).{guess} Nothing in it "
                "was used",
                "save it as 'CSV UTF-8' (Excel: File › Save As › CSV UTF-8 (Comma delimited); "
                "LibreOffice Calc: File › Save As › Text CSV, character set Unicode (UTF-8))",
            )
        ]


def _delimiter_problem(header_line: str, file: str) -> Problem | None:
    for delimiter, name in ((";", "';'"), ("\t", "TAB")):
        if delimiter in header_line and header_line.count(delimiter) > header_line.count(","):
            return Problem(
                file,
                1,
                f"this file uses {name} between columns, not commas. Nothing in it was used",
                "save it as CSV with commas (LibreOffice Calc: File › Save As › Text CSV, field "
                "delimiter ','; Excel: CSV UTF-8 (Comma delimited))",
            )
    return None


def read_annotation_table(
    path: Path,
    required: Iterable[str],
    *,
    file: str | None = None,
) -> tuple[list[str], list[dict[str, str]], list[Problem]]:
    """(header, rows, problems) of one annotation CSV; each row carries its line as ``_line``.

    A file that cannot be read as a comma-separated UTF-8 table gives no rows
    and one problem that says why and how to fix it.
    """
    name = file or path.name
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            return [], [], [
                Problem(name, None, f"is {size:,} bytes, far more than an annotation table",
                        "check that this is the right file")
            ]  # fmt: skip
        data = path.read_bytes()
    except OSError as error:
        return [], [], [Problem(name, None, f"could not be read ({error.strerror})", "check it")]
    text, problems = _decode(data, name)
    if text is None:
        return [], [], problems
    if not text.strip():
        return [], [], [Problem(name, None, "is empty", "write the header line and the rows")]
    first = next(line for line in text.splitlines() if line.strip())
    wrong_delimiter = _delimiter_problem(first, name)
    if wrong_delimiter:
        return [], [], [wrong_delimiter]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[dict[str, str]] = []
    header: list[str] = []
    previous_end = 0
    try:
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not header:
                if not any(cell.strip() for cell in record):
                    continue
                header = [cell.strip() for cell in record]
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(header):
                problems.append(
                    Problem(
                        name,
                        start,
                        f"this row has {len(record)} cells but the header names {len(header)} "
                        "columns",
                        "put double quotes around a cell that contains a comma "
                        '("Baku, Azerbaijan")',
                    )
                )
                continue
            row = {
                column: (record[i].strip() if i < len(record) else "")
                for i, column in enumerate(header)
            }
            row["_line"] = str(start)
            rows.append(row)
    except csv.Error as error:
        problems.append(
            Problem(
                name,
                reader.line_num,
                f"is not a well-formed CSV table here ({error})",
                "a cell that contains a double quote must be quoted, with the quote doubled "
                '("the ""unique case"" line")',
            )
        )
    missing = [column for column in required if column not in header]
    if missing:
        hints = []
        for column in missing:
            close = difflib.get_close_matches(column, header, n=1, cutoff=0.6)
            lowered = [h for h in header if h.casefold().replace(" ", "_") == column]
            if lowered:
                hints.append(f"'{lowered[0]}' should be written '{column}'")
            elif close:
                hints.append(f"is '{close[0]}' meant to be '{column}'?")
        problems.append(
            Problem(
                name,
                1,
                f"the header has no column {', '.join(missing)} (it names: "
                f"{', '.join(header) or 'nothing'}). Nothing in the file was used",
                ("; ".join(hints) + "; " if hints else "")
                + "the first line must name the columns, e.g. "
                + ",".join(required),
            )
        )
        return header, [], problems
    return header, rows, problems


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class KnownActors:
    """The actor ids a holder or speaker may use, and where they come from."""

    ids: tuple[str, ...]
    described: str

    def problem(self, file: str, line: int, column: str, actor_id: str) -> Problem | None:
        if not actor_id:
            return Problem(file, line, f"the {column} is empty", "give an actor id")
        if actor_id in self.ids:
            return None
        close = difflib.get_close_matches(actor_id, self.ids, n=3, cutoff=0.5)
        suggestion = f"did you mean {', '.join(close)}? " if close else ""
        listed = ", ".join(self.ids[:20]) + (" …" if len(self.ids) > 20 else "")
        return Problem(
            file,
            line,
            f"the {column} {actor_id!r} is not an actor of {self.described}",
            f"{suggestion}use an id from that list ({listed or 'it is empty'}), or add a row "
            f"with id {actor_id!r} to actors.csv",
        )


@takes_cable
def known_actors(cable: Cable, folder: Path, own_rows: list[dict[str, str]] | None) -> KnownActors:
    """The actors to check ids against: the folder's actors.csv, else a gazetteer.

    For a curated folder the curated gazetteer comes before a student's; for a
    work folder the student's comes first (as the lessons read them).
    """
    if own_rows is not None:
        return KnownActors(
            tuple(r["id"] for r in own_rows if r.get("id")), f"{folder.name}/actors.csv"
        )
    from .actors import load_gazetteer

    order = ("yours", "curated") if _is_work(folder) else ("curated", "yours")
    for source in order:
        try:
            gazetteer = load_gazetteer(cable, source=source)
        except CableError:
            continue
        where = "the curated gazetteer" if source == "curated" else "your gazetteer"
        return KnownActors(tuple(gazetteer.ids), f"{where} ({gazetteer.path})")
    try:
        draft = load_gazetteer(cable, source="draft")
    except CableError:
        return KnownActors((), "the draft gazetteer (it found no one)")
    return KnownActors(
        tuple(draft.ids),
        "the draft gazetteer (found automatically; lesson 05's editor saves a checked actors.csv)",
    )


def _is_work(folder: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(work_root().resolve())
    except OSError:
        return False


def _check_actors(
    cable: Cable, rows: list[dict[str, str]], problems: list[Problem]
) -> list[dict[str, str]]:
    from .actors import ACTOR_TYPES, VOICES

    file = "actors.csv"
    good: list[dict[str, str]] = []
    seen: set[str] = set()
    text = " ".join(cable.text.split()).casefold()
    ids = {r["id"] for r in rows if r.get("id")}
    for row in rows:
        line = int(row["_line"])
        before = len(problems)
        actor_id, name = row.get("id", ""), row.get("name", "")
        if not actor_id:
            problems.append(
                Problem(file, line, "the row has no id", "give a snake_case id (khazar_ibrahimov)")
            )
        elif not re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", actor_id):
            problems.append(
                Problem(file, line, f"the id {actor_id!r} has characters an id may not use",
                        "use letters, digits and '_' only (khazar_ibrahimov)")
            )  # fmt: skip
        elif actor_id in seen:
            problems.append(
                Problem(file, line, f"the id {actor_id!r} is used twice", "give each actor one row")
            )
        if not name:
            problems.append(
                Problem(file, line, f"the actor {actor_id!r} has no name", "write the name")
            )
        kind = row.get("type", "")
        if kind and kind not in ACTOR_TYPES:
            problems.append(
                Problem(file, line, f"the type {kind!r} is not one the lessons know",
                        "use one of: " + ", ".join(ACTOR_TYPES))
            )  # fmt: skip
        voice = row.get("voice", "")
        if voice and voice not in VOICES:
            problems.append(
                Problem(file, line, f"the voice {voice!r} is not one the lessons know",
                        "use one of: " + ", ".join(VOICES))
            )  # fmt: skip
        affiliation = row.get("affiliation", "")
        if affiliation and affiliation not in ids:
            problems.append(
                Problem(file, line, f"the affiliation {affiliation!r} is not an actor id of this file",
                        "use the id of another row, or leave it empty")
            )  # fmt: skip
        background, source = row.get("background", ""), row.get("background_source", "")
        if background and background != "not verified" and source in ("", "—"):
            problems.append(
                Problem(file, line, f"the background of {actor_id!r} has no source",
                        "name the source (title, outlet, date), or write 'not verified'")
            )  # fmt: skip
        forms = [name, *_split(row.get("aliases", "")), *_split(row.get("titles", ""))]
        if name and not any(_occurs(form, text) for form in forms if form):
            problems.append(
                Problem(
                    file, line,
                    f"none of the name, aliases or titles of {actor_id!r} occurs in the cable",
                    "add to aliases the form the cable uses (search the cable for it)",
                )
            )  # fmt: skip
        seen.add(actor_id)
        if len(problems) == before:
            good.append(row)
    return good


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


def _occurs(form: str, folded_text: str) -> bool:
    words = " ".join(form.split()).casefold()
    return bool(re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", folded_text))


# --------------------------------------------------------------------------- quotes


_TYPOGRAPHY = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'",
     "–": "-", "—": "--", "…": "...", "\u00a0": " "}
)  # fmt: skip
_LEADING_NUMBER = re.compile(
    r"^\s*(¶?\s*\d{1,2}\s*\.\s*)?\(\s*[A-Z/ -]{1,16}\s*\)\s*|^\s*¶?\s*\d{1,2}\s*\.\s+"
)


def _pattern(quote: str, flags: int = 0) -> re.Pattern[str] | None:
    words = quote.split()
    return re.compile(r"\s+".join(re.escape(w) for w in words), flags) if words else None


def _paragraph_at(cable: Cable, raw_start: int) -> int | None:
    for paragraph in cable.paragraphs:
        if paragraph.start <= raw_start < paragraph.end:
            return paragraph.number
    return None


@takes_cable
def quote_problem(cable: Cable, quote: str, paragraph: int | None) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when ``quote`` is not in the cable (in ``paragraph``).

    None when the quote occurs. The hints cover what goes wrong when quotes are
    typed or copied through a word processor: curly vs straight quotation marks
    and dashes, the paragraph number and marking copied with the text, an
    ellipsis joining two stretches, different capitals, another paragraph.
    """
    from .argument import locate_quote

    if not quote.strip():
        return ("there is no quote", "copy the exact words from the cable")
    if locate_quote(cable, quote, paragraph=paragraph) is not None:
        return None
    anywhere = locate_quote(cable, quote)
    short = quote if len(quote) <= 60 else quote[:57] + "…"
    if anywhere is not None:
        where = _paragraph_at(cable, anywhere[0])
        elsewhere = (
            f"it is in paragraph {where}" if where else "it is outside the numbered paragraphs"
        )
        return (f"the quote {short!r} is not in paragraph {paragraph}: {elsewhere}",
                "correct the paragraph number (or leave it empty)")  # fmt: skip
    text = cable.text
    stripped = _LEADING_NUMBER.sub("", quote, count=1)
    if stripped != quote and stripped.strip() and locate_quote(cable, stripped) is not None:
        return (f"the quote {short!r} starts with the paragraph number or marking",
                f"leave them out: the quote should start {stripped.split()[0]!r}")  # fmt: skip
    plain_quote = quote.translate(_TYPOGRAPHY)
    plain_text = text.translate(_TYPOGRAPHY)
    pattern = _pattern(plain_quote)
    if pattern is not None and (plain_quote != quote or plain_text != text):
        match = pattern.search(plain_text) if pattern else None
        if match:
            original = _original_slice(text, plain_text, match.start(), match.end())
            if original is not None:
                cable_word, your_word = _first_difference(original, quote)
                return (
                    f"the quote {short!r} differs from the cable in its quotation marks or "
                    f"dashes: the cable writes {cable_word} with {_marks(cable_word)}, your "
                    f"quote {your_word} with {_marks(your_word)}",
                    "copy the words from the cable as they are (straight or curly quotes included)",
                )
    caseless = _pattern(quote, re.IGNORECASE)
    if caseless is not None and (match := caseless.search(text)):
        return (f"the quote {short!r} has other capitals than the cable, which writes "
                f"{' '.join(match.group(0).split())[:60]!r}",
                "copy the words with the cable's capitals")  # fmt: skip
    if "..." in quote or "…" in quote:
        return (f"the quote {short!r} joins two parts of the cable with an ellipsis",
                "a quote is one stretch of the cable: quote one part, or give each part its own row")  # fmt: skip
    words = quote.split()
    found = 0
    for size in range(len(words), 0, -1):
        if locate_quote(cable, " ".join(words[:size])) is not None:
            found = size
            break
    if found >= 3:
        return (f"the quote {short!r} does not occur in the cable: its first {found} words do, "
                f"then it departs from the text at {' '.join(words[found:found + 4])!r}",
                "compare the rest of the quote with the cable word by word")  # fmt: skip
    return (f"the quote {short!r} does not occur in the cable",
            "copy the exact words from the cable (search the cable for a few of them)")  # fmt: skip


def _original_slice(text: str, plain: str, start: int, end: int) -> str | None:
    """The stretch of ``text`` that became ``plain[start:end]`` (translation can lengthen)."""
    if len(text) == len(plain):
        return text[start:end]
    mapping = []
    for index, char in enumerate(text):
        mapping.extend([index] * len(char.translate(_TYPOGRAPHY)))
    mapping.append(len(text))
    if end > len(mapping) - 1:
        return None
    return text[mapping[start] : mapping[end - 1] + 1]


def _first_difference(cable_version: str, yours: str) -> tuple[str, str]:
    """The word in which the cable and the quote first differ, as each writes it."""
    for left, right in zip(cable_version.split(), yours.split(), strict=False):
        if left != right:
            return left, right
    return cable_version[:30], yours[:30]


def _marks(word: str) -> str:
    if any(c in word for c in "“”„‟‘’‚‛"):
        return "curly quotation marks"
    if any(c in word for c in "–—"):
        return "a typographic dash"
    if "…" in word:
        return "an ellipsis character"
    if any(c in word for c in "\"'"):
        return "straight quotation marks"
    if "-" in word:
        return "hyphens"
    return "other characters"


# --------------------------------------------------------------------------- claims


@takes_cable
def check_claim_rows(
    cable: Cable,
    rows: list[dict[str, str]],
    actors: KnownActors,
    problems: list[Problem],
    file: str = "claims.csv",
) -> list[dict[str, str]]:
    """The good rows of a claims table; a problem for every bad one."""
    good: list[dict[str, str]] = []
    texts: dict[str, str] = {}
    pairs: set[tuple[str, str]] = set()
    numbers = {p.number for p in cable.paragraphs if p.number is not None}
    for row in rows:
        line = int(row["_line"])
        before = len(problems)
        claim_id = row.get("claim_id", "")
        holder = row.get("holder", "")
        stance = row.get("stance", "").upper()
        if not claim_id:
            problems.append(
                Problem(file, line, "the row has no claim_id", "give the claim an id (C1, C2 …)")
            )
        text = row.get("claim", "")
        if claim_id and text:
            first = texts.setdefault(claim_id, text)
            if first != text:
                problems.append(
                    Problem(file, line, f"claim {claim_id} has another wording here than on an earlier row",
                            "write the claim the same way on every row of its id (or leave it empty)")
                )  # fmt: skip
        trouble = actors.problem(file, line, "holder", holder)
        if trouble:
            problems.append(trouble)
        if stance not in STANCES:
            problems.append(
                Problem(file, line, f"the stance {row.get('stance', '')!r} is not FAVOR, AGAINST or NONE",
                        "write FAVOR, AGAINST or NONE")
            )  # fmt: skip
        paragraph_text = row.get("paragraph", "")
        paragraph = int(paragraph_text) if paragraph_text.isdigit() else None
        if paragraph_text and paragraph is None:
            problems.append(
                Problem(file, line, f"the paragraph {paragraph_text!r} is not a number",
                        "write the paragraph's number (3), or leave it empty")
            )  # fmt: skip
        elif paragraph is not None and paragraph not in numbers:
            problems.append(
                Problem(file, line, f"the cable has no paragraph {paragraph}",
                        f"its paragraphs are {', '.join(map(str, sorted(numbers))) or 'not numbered'}")
            )  # fmt: skip
            paragraph = None
        wrong = quote_problem(cable, row.get("quote", ""), paragraph)
        if wrong:
            problems.append(Problem(file, line, *wrong))
        if claim_id and holder and (claim_id, holder) in pairs:
            problems.append(
                Problem(file, line, f"{claim_id} already has a row for {holder}",
                        "keep one row per claim and holder")
            )  # fmt: skip
        pairs.add((claim_id, holder))
        if len(problems) == before:
            good.append(row)
    for claim_id in {r.get("claim_id", "") for r in good} - set(texts):
        first_line = min(int(r["_line"]) for r in good if r.get("claim_id") == claim_id)
        problems.append(
            Problem(file, first_line, f"claim {claim_id} has no wording on any row",
                    "write the claim (a short proposition) in the claim column")
        )  # fmt: skip
        good = [r for r in good if r.get("claim_id") != claim_id]
    return good


def _check_relations(
    rows: list[dict[str, str]], claims: set[str], problems: list[Problem]
) -> list[dict[str, str]]:
    file = "relations.csv"
    good, seen = [], set()
    for row in rows:
        line, before = int(row["_line"]), len(problems)
        source, target = row.get("from_claim", ""), row.get("to_claim", "")
        for column, value in (("from_claim", source), ("to_claim", target)):
            if value not in claims:
                problems.append(
                    Problem(file, line, f"{column} {value!r} is not a claim of claims.csv (or its rows have problems)",
                            "use a claim_id of claims.csv")
                )  # fmt: skip
        if row.get("relation", "").lower() not in RELATION_KINDS:
            problems.append(
                Problem(file, line, f"the relation {row.get('relation', '')!r} is not support or attack",
                        "write support or attack")
            )  # fmt: skip
        if source and source == target:
            problems.append(
                Problem(
                    file,
                    line,
                    "a claim cannot support or attack itself",
                    "join two different claims",
                )
            )
        if (source, target) in seen:
            problems.append(
                Problem(file, line, f"{source} → {target} is listed twice", "keep one row")
            )
        seen.add((source, target))
        if len(problems) == before:
            good.append(row)
    return good


def _check_reference(
    rows: list[dict[str, str]],
    claims: set[str],
    held: dict[tuple[str, str], str],
    actors: KnownActors,
    problems: list[Problem],
    file: str = "reference_stances.csv",
    *,
    need_justification: bool = True,
) -> list[dict[str, str]]:
    good, seen = [], set()
    for row in rows:
        line, before = int(row["_line"]), len(problems)
        actor, claim_id = row.get("actor", ""), row.get("claim_id", "")
        stance = row.get("stance", "").upper()
        trouble = actors.problem(file, line, "actor", actor)
        if trouble:
            problems.append(trouble)
        if claim_id not in claims:
            problems.append(
                Problem(file, line, f"the claim {claim_id!r} is not in claims.csv (or its rows have problems)",
                        "use a claim_id of claims.csv")
            )  # fmt: skip
        if stance not in STANCES and (need_justification or stance):
            problems.append(
                Problem(file, line, f"the stance {row.get('stance', '')!r} is not FAVOR, AGAINST or NONE",
                        "write FAVOR, AGAINST or NONE")
            )  # fmt: skip
        if need_justification and not row.get("justification", ""):
            problems.append(
                Problem(file, line, "the row has no justification", "say in one line why")
            )
        if (actor, claim_id) in seen:
            problems.append(
                Problem(file, line, f"{actor} × {claim_id} is coded twice", "keep one row")
            )
        seen.add((actor, claim_id))
        if (actor, claim_id) in held and stance in STANCES and held[(actor, claim_id)] != stance:
            problems.append(
                Problem(file, line, f"{actor} is {held[(actor, claim_id)]} on {claim_id} in claims.csv, "
                        f"but {stance} here", "make the two files agree")
            )  # fmt: skip
        if len(problems) == before:
            good.append(row)
    return good


def _check_statements(
    cable: Cable, rows: list[dict[str, str]], actors: KnownActors, problems: list[Problem]
) -> list[dict[str, str]]:
    file = "statements.csv"
    good, seen = [], set()
    for row in rows:
        line, before = int(row["_line"]), len(problems)
        if row.get("id", "") in seen:
            problems.append(
                Problem(file, line, f"the id {row.get('id')!r} is used twice", "renumber")
            )
        seen.add(row.get("id", ""))
        trouble = actors.problem(file, line, "speaker", row.get("speaker", ""))
        if trouble:
            problems.append(trouble)
        paragraph_text = row.get("paragraph", "")
        paragraph = int(paragraph_text) if paragraph_text.isdigit() else None
        if paragraph is None:
            problems.append(
                Problem(file, line, f"the paragraph {paragraph_text!r} is not a number", "write it")
            )
        else:
            wrong = quote_problem(cable, row.get("quote", ""), paragraph)
            if wrong:
                problems.append(Problem(file, line, *wrong))
            verb = row.get("verb", "")
            try:
                body = cable.paragraph(paragraph).text
            except KeyError:
                body = ""
            if verb and not re.search(r"(?<!\w)" + re.escape(verb) + r"(?!\w)", body):
                problems.append(
                    Problem(file, line, f"the verb {verb!r} is not in paragraph {paragraph}",
                            "write the verb as the cable does")
                )  # fmt: skip
        call = row.get("judgement_call", "")
        if call and call not in ("yes", "no"):
            problems.append(
                Problem(file, line, f"judgement_call {call!r} is not yes or no", "write yes or no")
            )
        if call == "yes" and not row.get("note", ""):
            problems.append(
                Problem(file, line, "a judgement call needs a note", "say why it is one")
            )
        if len(problems) == before:
            good.append(row)
    return good


def _check_mentions(
    rows: list[dict[str, str]], actors: KnownActors, problems: list[Problem]
) -> list[dict[str, str]]:
    file = "mentions_expected.csv"
    good = []
    for row in rows:
        line, before = int(row["_line"]), len(problems)
        trouble = actors.problem(file, line, "actor", row.get("actor", ""))
        if trouble:
            problems.append(trouble)
        if row.get("kind", "") not in MENTION_KINDS:
            problems.append(
                Problem(file, line, f"the kind {row.get('kind', '')!r} is not known",
                        "use one of: " + ", ".join(MENTION_KINDS))
            )  # fmt: skip
        if not row.get("count", "").isdigit():
            problems.append(
                Problem(
                    file, line, f"the count {row.get('count', '')!r} is not a number", "write it"
                )
            )
        if not row.get("surface", ""):
            problems.append(
                Problem(file, line, "the surface is empty", "write the form as in the cable")
            )
        if len(problems) == before:
            good.append(row)
    return good


# --------------------------------------------------------------------------- a folder


@takes_cable
def check_annotations(
    cable: Cable,
    folder: Path | None = None,
    *,
    cable_id: str | None = None,
    stances_file: Path | None = None,
) -> AnnotationCheck:
    """Check every annotation file in ``folder`` against ``cable``; never raises for bad data.

    ``folder`` is ``data/annotations/<ID>/`` unless given (``my_work/<ID>/`` for
    a student's work). ``stances_file`` adds a student's stance coding
    (``my_work/<ID>_stances.csv``) to the check.
    """
    the_id = cable_id or cable.id or ""
    base = folder if folder is not None else curated_folder(the_id)
    problems: list[Problem] = []
    tables: dict[str, list[dict[str, str]]] = {}
    present = [name for name in ANNOTATION_FILES if (base / name).is_file()]
    for name in present:
        required, _ = ANNOTATION_FILES[name]
        _, rows, found = read_annotation_table(base / name, required)
        problems += found
        tables[name] = rows
    good: dict[str, list[dict[str, str]]] = {}
    own_actors = None
    if "actors.csv" in tables:
        own_actors = _check_actors(cable, tables["actors.csv"], problems)
        good["actors.csv"] = own_actors
    unreadable = any(p.file == "actors.csv" and p.line in (None, 1) for p in problems)
    actors = known_actors(
        cable, base, own_actors if own_actors is not None and not unreadable else None
    )
    claims: list[dict[str, str]] = []
    if "claims.csv" in tables:
        claims = check_claim_rows(cable, tables["claims.csv"], actors, problems)
        good["claims.csv"] = claims
    claim_ids = {r["claim_id"] for r in claims}
    held = {(r["holder"], r["claim_id"]): r["stance"].upper() for r in claims}
    if "relations.csv" in tables:
        good["relations.csv"] = _check_relations(tables["relations.csv"], claim_ids, problems)
    if "reference_stances.csv" in tables:
        good["reference_stances.csv"] = _check_reference(
            tables["reference_stances.csv"], claim_ids, held, actors, problems
        )
    if "statements.csv" in tables:
        good["statements.csv"] = _check_statements(
            cable, tables["statements.csv"], actors, problems
        )
    if "mentions_expected.csv" in tables:
        good["mentions_expected.csv"] = _check_mentions(
            tables["mentions_expected.csv"], actors, problems
        )
    if (base / NOTES_FILE).is_file():
        present.append(NOTES_FILE)
        problems += [
            Problem(NOTES_FILE, p.line, p.message, p.fix)
            for p in check_notes(base / NOTES_FILE, the_id)
        ]
    if stances_file is not None and stances_file.is_file():
        name = stances_file.name
        present.append(name)
        required, _ = STANCE_CODING_COLUMNS
        _, rows, found = read_annotation_table(stances_file, required, file=name)
        problems += found
        good[name] = _check_reference(
            rows, claim_ids or {r.get("claim_id", "") for r in rows}, {}, actors, problems, file=name,
            need_justification=False,
        )  # fmt: skip
    order = {name: index for index, name in enumerate([*ANNOTATION_FILES, NOTES_FILE])}
    problems.sort(key=lambda p: (order.get(p.file, 99), p.line or 0))
    return AnnotationCheck(the_id, base, tuple(present), good, tuple(problems), actors.described)
