"""Extract cablemap's reader test cases into ``tests/conformance/cablemap/cases.json``.

cablemap (https://github.com/heuer/cablemap, Lars Heuer, BSD licence) tests its
field readers with tables of (cable text, expected value) pairs in
``cablemap.core/tests/test_reader_*.py``. This script turns those tables into a
data set that any parser can be checked against, keeping every case traceable
to the file, commit, test function and line it came from.

Where the source texts come from
    The test files were read from a stored copy of the public repository (a code
    search index), page by page. Each page was saved as it was received, as JSON
    (``{"repo", "path", "commit", "offset", "total_chars", "text"}``), in
    ``tools/cablemap_sources/<file>@<commit>+<offset>.json``. That folder is
    git-ignored: cablemap's source files are not part of this repository. So
    this script cannot run in CI; it is kept as the exact record of how the JSON
    was made. With the pages in place:

        python tools/extract_cablemap_cases.py            # rewrite cases.json
        python tools/extract_cablemap_cases.py --check    # exit 1 if it would change

How the Python literals are read
    The files are Python 2. The only Python 2 syntax in the tables is the ``ur``
    string prefix, rewritten to ``r`` after checking the literal holds no
    ``\\u``/``\\U`` escape (the only escapes a Python 2 ``ur`` literal
    processes). Each table entry is then evaluated with :func:`ast.literal_eval`
    on its exact source text; the ``cable(...)``/``mail(...)`` reference
    constructors of ``test_reader_references_ng.py`` are evaluated by a
    whitelist that only accepts literal arguments. Python 2 byte strings in
    these UTF-8 files are recorded as their text.

Nothing is fixed by hand: a case cablemap's own test gets wrong (a typo in an
expected value) is kept as written and carries a ``note``.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import io
import json
import re
import sys
import tokenize
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = "heuer/cablemap"
ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT / "tools" / "cablemap_sources"
OUTPUT = ROOT / "tests" / "conformance" / "cablemap" / "cases.json"

# cablemap.core/cablemap/core/consts.py (heuer/cablemap @ 3aa1f8857a62cd18392bf20a7382c7db7153438f):
# REF_KIND_CABLE = 1, REF_KIND_EMAIL = 2, REF_KIND_BOOK = 3, REF_KIND_TEL = 4, REF_KIND_REPORT = 5.
REFERENCE_KINDS = {"cable": 1, "mail": 2, "book": 3, "tel": 4, "report": 5}
REFERENCE_KIND_NAMES = {
    "cable": "cable",
    "mail": "email",
    "book": "book",
    "tel": "tel",
    "report": "report",
}


@dataclass(frozen=True)
class SourceFile:
    """One cablemap test file at one commit, and the reader it tests."""

    name: str  # file name in cablemap.core/tests/
    commit: str
    total_chars: int
    reader: str  # this data set's reader name
    function: str  # the cablemap function the tests call
    why_this_version: str

    @property
    def path(self) -> str:
        return f"cablemap.core/tests/{self.name}"


# The index holds many versions of each file but gives no commit dates. For each
# file two versions were read (the one find_files lists and the one read_file
# returns by default); the table keeps the more complete one (a superset of the
# other's cases, or the one with cablemap's 2015 licence header).
SOURCE_FILES = (
    SourceFile(
        "test_reader_subject.py",
        "0043e50abc3c2890fe62cb325514281da01eea9b",
        10188,
        "subject",
        "parse_subject",
        "36 cases; the other version read (117af38) has the first 34 of them",
    ),
    SourceFile(
        "test_reader_tags.py",
        "141d826dc54632cf1b59a54f20e7d6e0b2eb1cba",
        14141,
        "tags",
        "parse_tags",
        "superset of the other version read (03c6469), with one expected value corrected "
        "('GOI EXTERNAL') and the canonicalize=False table",
    ),
    SourceFile(
        "test_reader_references.py",
        "9859a320b924b74b752c0374cb6c3921bdc1ddd6",
        21442,
        "references",
        "parse_references",
        "superset of the other version read (0344cbd), with one expected value changed "
        "(10CAIRO177: 10SECDEF122723 instead of 10STATE122723)",
    ),
    SourceFile(
        "test_reader_references_ng.py",
        "03a6fed311f70f71647b94acd39ed49834ab8ce4",
        13375,
        "references",
        "parse_references",
        "2015 licence header; superset of the other version read (5f100f2)",
    ),
    SourceFile(
        "test_reader_classified_by.py",
        "29aed3d9538bfbeb8a6fbfa608b952209ea82124",
        39450,
        "classified_by",
        "parse_classified_by",
        "2015 licence header (the renamed test_reader_classificationist.py); the other "
        "version read (feb6479) lacks its last cable cases",
    ),
    SourceFile(
        "test_reader_signers.py",
        "0438d8c5b469de9a4e9f3ac5db9cb31a2f3ca8d5",
        28065,
        "signer",
        "parse_signers",
        "2015 licence header; the other version read (c8fb5d2) is an early 2,627-character draft",
    ),
    SourceFile(
        "test_reader_nondisclosure_deadline.py",
        "57e15b0286ec13068fb3a181302fabb4c4f2908d",
        2959,
        "declassification_date",
        "parse_nondisclosure_deadline",
        "same cases as the other version read (1162db7), newer licence header (2011 - 2012)",
    ),
    SourceFile(
        "test_reader_id_c14n.py",
        "c0f842372ab9a016f7a583e71e913d32de88ee72",
        4206,
        "other",
        "canonicalize_id",
        "38 cases; the other version read (0016a98) has the first 9 of them",
    ),
)


# ---------------------------------------------------------------- reading the pages


def assemble(source: SourceFile, directory: Path) -> str:
    """The file's text, from its saved pages; every page and the total length are checked."""
    pages = sorted(
        directory.glob(f"{source.name}@{source.commit}+*.json"),
        key=lambda page: int(page.stem.rsplit("+", 1)[1]),
    )
    if not pages:
        raise SystemExit(f"no saved pages for {source.name}@{source.commit} in {directory}")
    text = ""
    for page in pages:
        record = json.loads(page.read_text(encoding="utf-8"))
        expected = {"repo": REPO, "path": source.path, "commit": source.commit}
        if any(record[key] != value for key, value in expected.items()):
            raise SystemExit(f"{page.name}: names another file or commit")
        if record["offset"] != len(text) or record["total_chars"] != source.total_chars:
            raise SystemExit(f"{page.name}: offset or total length does not fit the other pages")
        text += record["text"]
    if len(text) != source.total_chars:
        raise SystemExit(
            f"{source.name}: {len(text)} characters, the index says {source.total_chars}"
        )
    return text


_UR_PREFIX = re.compile(r"(?<![A-Za-z0-9_])ur(?=['\"])")


def python3_source(text: str) -> str:
    """Rewrite the Python 2 ``ur'…'`` prefix to ``r'…'`` (same lines, same values)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(_UR_PREFIX.sub("r", text)).readline))
    for token in tokens:
        if token.type == tokenize.STRING and token.string.startswith("r"):
            original_line = text.splitlines()[token.start[0] - 1]
            was_ur = re.search(r"(?<![A-Za-z0-9_])ur['\"]", original_line) is not None
            if was_ur and re.search(r"\\[uU]", token.string):
                raise SystemExit(f"line {token.start[0]}: a ur'' literal with a \\u escape")
    return _UR_PREFIX.sub("r", text)


def comments_by_line(source: str) -> dict[int, str]:
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string
    return comments


def preceding_comment(lines: list[str], comments: dict[int, str], line: int) -> str | None:
    """The comment lines right above ``line`` (1-based), e.g. ``# 07REYKJAVIK232``."""
    found = []
    number = line - 1
    while number >= 1 and lines[number - 1].strip().startswith("#") and number in comments:
        found.append(comments[number].strip())
        number -= 1
    return "\n".join(reversed(found)) or None


_CABLE_ID_IN_COMMENT = re.compile(r"^#\s*(\d{2,4}[A-Z][A-Z0-9]*?\d+)\b")


def cable_id_from_comment(comment: str | None) -> str | None:
    if comment is None:
        return None
    match = _CABLE_ID_IN_COMMENT.match(comment.splitlines()[-1])
    return match.group(1) if match else None


# ---------------------------------------------------------------- evaluating entries


def literal(source: str, node: ast.AST) -> Any:
    """The value of a literal node, by :func:`ast.literal_eval` of its exact source text."""
    segment = ast.get_source_segment(source, node)
    if segment is None:
        raise SystemExit(f"line {node.lineno}: no source text for this node")
    return ast.literal_eval(segment.strip())


def reference_object(source: str, node: ast.Call) -> dict[str, Any]:
    """``cable(u'07TALLINN366', u'A')`` → {"value", "kind", "kind_code", "enum"}."""
    if not isinstance(node.func, ast.Name) or node.func.id not in REFERENCE_KINDS:
        raise SystemExit(f"line {node.lineno}: not a reference constructor")
    if node.keywords or not 1 <= len(node.args) <= 2:
        raise SystemExit(f"line {node.lineno}: unexpected arguments")
    values = [literal(source, argument) for argument in node.args]
    return {
        "value": values[0],
        "kind": REFERENCE_KIND_NAMES[node.func.id],
        "kind_code": REFERENCE_KINDS[node.func.id],
        "enum": values[1] if len(values) == 2 else None,
    }


def names(value: Any) -> list[str]:
    """cablemap's tests wrap a single name in a tuple; () means none."""
    if isinstance(value, tuple):
        return list(value)
    return [value]


@dataclass
class Entry:
    """One table entry, unpacked as cablemap's test function unpacks it."""

    input: str
    args: dict[str, Any]
    expected: Any
    cable_id: str | None = None


Unpacker = Callable[[str, ast.AST], Entry]


def subject_entry(source: str, node: ast.AST) -> Entry:
    # test_parse_subject: (content, expected) or (content, clean, expected); clean=True
    values = literal(source, node)
    if len(values) == 3:
        content, clean, expected = values
    else:
        (content, expected), clean = values, True
    return Entry(content, {"clean": clean}, expected)


def tags_entry(canonicalize: bool | None) -> Unpacker:
    # test_tags: parse_tags(content); test_c14n_disabled: parse_tags(content, canonicalize=False)
    def unpack(source: str, node: ast.AST) -> Entry:
        content, expected = literal(source, node)
        args = {} if canonicalize is None else {"canonicalize": canonicalize}
        return Entry(content, args, list(expected))

    return unpack


def references_entry(source: str, node: ast.AST) -> Entry:
    # test_parse_references: (content, year, expected) or (content, year, reference_id, expected)
    values = literal(source, node)
    if len(values) == 4:
        content, year, reference_id, expected = values
    else:
        (content, year, expected), reference_id = values, None
    return Entry(
        content, {"year": year, "reference_id": reference_id}, list(expected), reference_id
    )


def tripoli_entry(reference_id: str) -> Unpacker:
    # test_malformed_tripoli_cables: {reference_id: (content, year, expected)}
    def unpack(source: str, node: ast.AST) -> Entry:
        content, year, expected = literal(source, node)
        return Entry(
            content, {"year": year, "reference_id": reference_id}, list(expected), reference_id
        )

    return unpack


def references_ng_entry(source: str, node: ast.AST) -> Entry:
    # test_parse_references (ng): (content, year, [cable(...), mail(...), ...]); parse_references(content, year)
    if not isinstance(node, ast.Tuple) or len(node.elts) != 3:
        raise SystemExit(f"line {node.lineno}: expected (content, year, [references])")
    content_node, year_node, expected_node = node.elts
    if not isinstance(expected_node, ast.List):
        raise SystemExit(f"line {node.lineno}: expected a list of references")
    expected = []
    for element in expected_node.elts:
        if not isinstance(element, ast.Call):
            raise SystemExit(f"line {element.lineno}: not a reference constructor")
        expected.append(reference_object(source, element))
    year = literal(source, year_node)
    return Entry(literal(source, content_node), {"year": year}, expected)


def classified_by_entry(source: str, node: ast.AST) -> Entry:
    # test_parse_classified_by: (cable_id, expected, content[, normalize]); normalize=False
    values = literal(source, node)
    if len(values) == 4:
        cable_id, expected, content, normalize = values
    else:
        (cable_id, expected, content), normalize = values, False
    return Entry(content, {"normalize": normalize}, names(expected), cable_id or None)


def signer_entry(source: str, node: ast.AST) -> Entry:
    # test_data: (expected, content) or (expected, content, c14n); c14n=False
    values = literal(source, node)
    if len(values) == 3:
        expected, content, c14n = values
    else:
        (expected, content), c14n = values, False
    return Entry(content, {"c14n": c14n}, names(expected))


def plain_entry(source: str, node: ast.AST) -> Entry:
    # (content, expected), called with the content only
    content, expected = literal(source, node)
    return Entry(content, {}, expected)


@dataclass(frozen=True)
class Table:
    """A module-level table of test data and how its entries are unpacked."""

    variable: str
    unpack: Unpacker | None  # None: a dict of reference_id → entry (the Tripoli table)
    variant: str | None = None


TABLES: dict[str, tuple[Table, ...]] = {
    "test_reader_subject.py": (Table("_TEST_DATA", subject_entry),),
    "test_reader_tags.py": (
        Table("_TEST_DATA", tags_entry(None)),
        Table("_TEST_DATA_NO_C14N", tags_entry(False)),
    ),
    "test_reader_references.py": (
        Table("_TEST_DATA", references_entry, "ids"),
        Table("_TRIPOLI_TESTS", None, "ids"),
    ),
    "test_reader_references_ng.py": (Table("_TEST_DATA", references_ng_entry, "objects"),),
    "test_reader_classified_by.py": (Table("_TEST_DATA", classified_by_entry),),
    "test_reader_signers.py": (Table("_TEST_DATA", signer_entry),),
    "test_reader_nondisclosure_deadline.py": (Table("_TEST_DATA", plain_entry),),
    "test_reader_id_c14n.py": (Table("_TEST_DATA", plain_entry),),
}

# Tables of cable IDs whose texts come from cablemap's own cable store (cable_by_id):
# they have no input text here, so they are kept apart, as "cable_cases".
CABLE_TABLES = {
    "test_reader_classified_by.py": "_TEST_CABLES",
    "test_reader_signers.py": "_TEST_CABLES",
}


# How the cable tables are checked: test_cables calls parse_signers(cable.content, c14n);
# test_cable_classified_by reads the Cable model's classified_by property.
CABLE_FUNCTIONS = {
    "test_reader_classified_by.py": "Cable.classified_by",
    "test_reader_signers.py": "parse_signers",
}
CABLE_NOTES = {
    "test_reader_classified_by.py": (
        "cablemap's test_cable_classified_by turns a single expected name into tuple(name), "
        "a tuple of its characters, before comparing, so as written this check could not "
        "pass in that version; the expected value here is the name as its table gives it."
    ),
}


def module_tables(tree: ast.Module) -> dict[str, ast.AST]:
    found = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and target.id.startswith("_"):
                found[target.id] = statement.value
    return found


def consumer(tree: ast.Module, variable: str) -> str:
    """The test function that reads ``variable``."""
    functions = [
        statement.name
        for statement in tree.body
        if isinstance(statement, ast.FunctionDef)
        and any(isinstance(n, ast.Name) and n.id == variable for n in ast.walk(statement))
    ]
    if len(functions) != 1:
        raise SystemExit(f"{variable} is read by {functions or 'no test function'}")
    return functions[0]


def table_entries(table: ast.AST, unpack: Unpacker | None) -> Iterator[tuple[ast.AST, Unpacker]]:
    if unpack is None:
        if not isinstance(table, ast.Dict):
            raise SystemExit(f"line {table.lineno}: expected a dict")
        for key, value in zip(table.keys, table.values, strict=True):
            if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
                raise SystemExit(f"line {table.lineno}: dict key is not a string")
            yield value, tripoli_entry(key.value)
        return
    if not isinstance(table, ast.Tuple):
        raise SystemExit(f"line {table.lineno}: expected a tuple of entries")
    for element in table.elts:
        yield element, unpack


# ---------------------------------------------------------------- notes

NOTES_FILE = ROOT / "tools" / "cablemap_case_notes.json"


def rule_notes(reader: str, entry: Entry) -> list[str]:
    """Notes that follow from the case itself (the same rule for every case)."""
    notes = []
    if "\\n" in entry.input:
        notes.append(
            "The input holds a literal backslash followed by 'n' (an escaped \\n in "
            "cablemap's source), not a line break; kept as written."
        )
    if reader == "subject" and re.search(r"SUBJECT:\s*\((?:U|C|S|SBU)\)", entry.input, re.I):
        notes.append(
            "cablemap convention: clean=True drops the subject's own classification "
            "marking ('(S)', '(U)'); clean=False keeps it."
        )
    if reader == "tags" and entry.expected != plain_tags(entry.input):
        notes.append(
            "Depends on cablemap's TAG vocabulary: the expected list is not a plain split of "
            "the TAGS line (multi-word tags, person tags as 'SURNAME, GIVEN', glued or "
            "misspelt tags split or corrected, repeats and non-tags such as SIPDIS dropped)."
        )
    if reader == "classified_by":
        notes.extend(name_notes(entry))
    if reader == "classified_by" and entry.args.get("normalize"):
        notes.append(
            "cablemap convention: normalize=True rewrites the name (title case, digit 0 read "
            "as the letter O, known misspellings corrected from cablemap's list of names)."
        )
    if reader == "references" and entry.args.get("reference_id"):
        notes.append(
            "reference_id is the citing cable; cablemap uses it to skip that cable's own "
            "page marker (e.g. 'TRIPOLI 00000402 001.2 OF 003') inside the REF block."
        )
    if reader == "references":
        renamed = stations_not_in_text(entry)
        if renamed:
            notes.append(
                "Depends on cablemap's station names (its consts._STATIONS and c14n rules): "
                + ", ".join(renamed)
                + " is not written that way in the text."
            )
    return notes


def plain_tags(text: str) -> list[str]:
    """The TAGS value split on commas and spaces, upper-cased, repeats dropped (no vocabulary)."""
    label = re.search(r"\b(?:tags?|ags)\b[ \t]*:?", text, re.I)
    if label is None:
        return []
    lines = text[label.end() :].split("\n")
    value = lines[0]
    for line in lines[1:]:
        if not value.rstrip().endswith(","):
            break
        value += " " + line
    value = re.split(r"\bsubject\b", value, flags=re.I)[0]
    words = [word.upper() for word in re.split(r"[,\s]+", value) if word]
    return list(dict.fromkeys(words))


def name_notes(entry: Entry) -> list[str]:
    """A classifying official's name that the text does not write as such."""
    flat = " ".join(entry.input.split())
    glued = "".join(entry.input.split())
    notes = []
    for name in entry.expected:
        if name in flat or entry.args.get("normalize"):
            continue
        if "".join(name.split()) in glued:
            notes.append(
                f"The name '{name}' is broken across a line wrap in the text; cablemap "
                "joins the pieces."
            )
        else:
            notes.append(f"The text does not write the name as '{name}'.")
    return notes


def stations_not_in_text(entry: Entry) -> list[str]:
    folded = re.sub(r"[^A-Z]", "", entry.input.upper())
    stations = []
    for item in entry.expected:
        value = item["value"] if isinstance(item, dict) else item
        if isinstance(item, dict) and item["kind"] != "cable":
            continue
        match = re.fullmatch(r"\d{2}([A-Z]+)\d+", value)
        if match and match.group(1) not in folded and match.group(1) not in stations:
            stations.append(match.group(1))
    return stations


def hand_notes() -> dict[str, dict[str, str]]:
    """Reviewed notes, keyed by case id, each with a snippet its input must contain."""
    return json.loads(NOTES_FILE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- building the data set


def case_key(case: dict[str, Any]) -> str:
    """What makes two cases the same test: reader, function, input, arguments, expected."""
    fields = ("reader", "function", "input", "args", "expected")
    return json.dumps([case[field] for field in fields], sort_keys=True, ensure_ascii=False)


def extract(directory: Path) -> dict[str, Any]:
    notes = hand_notes()
    used_notes: set[str] = set()
    cases: list[dict[str, Any]] = []
    cable_cases: list[dict[str, Any]] = []
    files = []
    seen: dict[str, dict[str, Any]] = {}
    for source_file in SOURCE_FILES:
        text = assemble(source_file, directory)
        source = python3_source(text)
        tree = ast.parse(source)
        lines = source.splitlines()
        comments = comments_by_line(source)
        tables = module_tables(tree)
        files.append(
            {
                "path": source_file.path,
                "commit": source_file.commit,
                "characters": len(text),
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "reader": source_file.reader,
                "function": source_file.function,
                "why_this_version": source_file.why_this_version,
            }
        )
        stem = source_file.name.removeprefix("test_reader_").removesuffix(".py")
        for table in TABLES[source_file.name]:
            function = consumer(tree, table.variable)
            for index, (node, unpack) in enumerate(
                table_entries(tables[table.variable], table.unpack)
            ):
                entry = unpack(source, node)
                comment = preceding_comment(lines, comments, node.lineno)
                case_id = f"{stem}{table.variable.lower()}-{index:03d}"
                provenance = {
                    "repo": REPO,
                    "path": source_file.path,
                    "commit": source_file.commit,
                    "test_function": function,
                    "table": table.variable,
                    "index": index,
                    "line": node.lineno,
                    "end_line": node.end_lineno,
                    "comment": comment,
                }
                case = {
                    "id": case_id,
                    "reader": source_file.reader,
                    "function": source_file.function,
                    "variant": table.variant,
                    "input": entry.input,
                    "args": entry.args,
                    "expected": entry.expected,
                    "cable_id": entry.cable_id or cable_id_from_comment(comment),
                    "source": provenance,
                }
                case_notes = rule_notes(source_file.reader, entry)
                if case_id in notes:
                    if notes[case_id]["input_contains"] not in entry.input:
                        raise SystemExit(f"note for {case_id} does not fit its input")
                    case_notes.append(notes[case_id]["note"])
                    used_notes.add(case_id)
                if case_notes:
                    case["note"] = " ".join(case_notes)
                key = case_key(case)
                if key in seen:
                    seen[key].setdefault("also_at", []).append(provenance)
                    continue
                seen[key] = case
                cases.append(case)
        if source_file.name in CABLE_TABLES:
            variable = CABLE_TABLES[source_file.name]
            function = consumer(tree, variable)
            for index, node in enumerate(tables[variable].elts):
                values = literal(source, node)
                if source_file.reader == "signer":  # (expected, cable_id, c14n)
                    expected, cable_id, c14n = values
                    args: dict[str, Any] = {"c14n": c14n}
                else:  # (cable_id, expected)
                    cable_id, expected = values
                    args = {}
                cable_case = {
                    "id": f"{stem}_test_cables-{index:03d}",
                    "reader": source_file.reader,
                    "function": CABLE_FUNCTIONS[source_file.name],
                    "cable_id": cable_id,
                    "args": args,
                    "expected": names(expected),
                    "source": {
                        "repo": REPO,
                        "path": source_file.path,
                        "commit": source_file.commit,
                        "test_function": function,
                        "table": variable,
                        "index": index,
                        "line": node.lineno,
                        "end_line": node.end_lineno,
                        "comment": None,
                    },
                }
                if source_file.name in CABLE_NOTES and isinstance(expected, str):
                    cable_case["note"] = CABLE_NOTES[source_file.name]
                cable_cases.append(cable_case)
    unused = set(notes) - used_notes
    if unused:
        raise SystemExit(f"notes for cases that do not exist: {sorted(unused)}")
    counts: dict[str, int] = {}
    for case in cases:
        counts[case["reader"]] = counts.get(case["reader"], 0) + 1
    return {
        "format": 1,
        "description": (
            "cablemap's reader test cases (heuer/cablemap, cablemap.core/tests/test_reader_*.py), "
            "extracted by tools/extract_cablemap_cases.py; see README.md beside this file."
        ),
        "licence": "BSD-3-Clause (Copyright (c) 2011 - 2015 -- Lars Heuer); see README.md",
        "repository": REPO,
        "files": files,
        "counts": dict(sorted(counts.items())),
        "cases": cases,
        "cable_cases": cable_cases,
    }


def render(data: dict[str, Any]) -> str:
    """Readable JSON with one case per line, so a change to a case is a one-line diff."""
    lists = ("cases", "cable_cases")
    head = json.dumps(
        {k: v for k, v in data.items() if k not in lists}, ensure_ascii=False, indent=1
    )
    parts = [head[: head.rstrip().rfind("}")].rstrip()]
    for name in lists:
        lines = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in data[name])
        parts.append(f',\n "{name}": [\n{lines}\n ]')
    return "".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output would change")
    options = parser.parse_args(argv)
    text = render(extract(options.sources))
    if options.check:
        current = options.output.read_text(encoding="utf-8") if options.output.exists() else ""
        if current != text:
            print(f"{options.output} is out of date", file=sys.stderr)
            return 1
        print(f"{options.output} is up to date")
        return 0
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {options.output}: {data['counts']}, {len(data['cable_cases'])} cable cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
