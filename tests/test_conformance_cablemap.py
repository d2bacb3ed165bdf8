"""cablemap's reader test cases (tests/conformance/cablemap/) through our fragment readers.

Issue 14 asks ``read_fields`` to pass at least 90 % of them and to list the
ones it disagrees with, and why: ``python tests/test_conformance_cablemap.py``
writes that list to ``tests/conformance/cablemap/DISAGREEMENTS.md``.

The 90 % are NOT reached yet (421 of 511, 82 %; most of the gap is cablemap's
classified_by cases, which expect the person's name without the title and
without the rest of the line, and TAGS written as words). The test holds the
rate reached as a floor, so that it can only go up; raise PASS_RATE as readers
improve, to 0.90 when the issue is done.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from conformance.cablemap import Case, load_cases

from cable_utils.parse import read_fields
from cable_utils.parse.decoding import decode_official_name
from cable_utils.parse.references import canonical_cable_id

REPORT = Path(__file__).parent / "conformance" / "cablemap" / "DISAGREEMENTS.md"
PASS_RATE = 0.82  # reached 4 Dec 2026 (421 of 511); the target is 0.90


def _names(value: str | None) -> list[str]:
    return [value] if value else []


def _fold(name: str) -> str:
    return re.sub(r"[^A-Z]", "", name.upper())


def our_answer(case: Case) -> Any:
    """What our readers say for a case, in cablemap's shape (see the data set's README)."""
    if case.reader == "other":  # canonicalize_id: an ID as Cablegate writes it
        return canonical_cable_id(case.input)
    year = case.args.get("year")
    fields = read_fields(case.input, year=year)
    if case.reader == "subject":
        return fields.get("subject")
    if case.reader == "tags":
        return fields.get("tags", [])
    if case.reader == "references":
        ids = [r["id"] for r in fields.get("references", []) if r["id"]]
        if case.variant == "objects":
            return [r["id"] or r["text"] for r in fields.get("references", [])]
        return ids
    if case.reader == "classified_by":  # cablemap gives the person's name alone
        return _names(decode_official_name(fields.get("classified_by")))
    if case.reader == "signer":
        return _names(fields.get("signer"))
    if case.reader == "declassification_date":
        return fields.get("decl_date")
    raise AssertionError(f"no reader for {case.reader}")


def expected_answer(case: Case) -> Any:
    if case.reader == "references" and case.variant == "objects":
        return [ref["value"] if ref["kind"] == "cable" else ref["value"] for ref in case.expected]
    return case.expected


def agrees(case: Case) -> bool:
    ours, theirs = our_answer(case), expected_answer(case)
    if case.reader in ("classified_by", "signer"):
        return [_fold(n) for n in ours] == [_fold(n) for n in theirs]
    if case.reader == "subject" and ours is not None and theirs is not None:
        return " ".join(ours.split()) == " ".join(theirs.split())
    if case.reader == "references" and case.variant == "objects":
        # cablemap keeps non-cable references as text; we give cables their ID and
        # keep the text of the others: compare the cable IDs only.
        cables = [ref["value"] for ref in case.expected if ref["kind"] == "cable"]
        return [value for value in ours if re.fullmatch(r"\d\d[A-Z]+\d+", value)] == cables
    return ours == theirs


def results() -> list[tuple[Case, bool]]:
    return [(case, agrees(case)) for case in load_cases()]


def test_our_readers_pass_at_least_the_rate_reached() -> None:
    found = results()
    passed = sum(ok for _, ok in found)
    assert passed / len(found) >= PASS_RATE, f"{passed} of {len(found)}"


def test_the_disagreements_file_lists_every_disagreement() -> None:
    listed = set(re.findall(r"^\| `([^`]+)` \|", REPORT.read_text(encoding="utf-8"), re.M))
    assert listed == {case.id for case, ok in results() if not ok}


def write_report() -> None:
    found = results()
    by_reader: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for case, ok in found:
        by_reader[case.reader] += 1
        passed[case.reader] += ok
    total = sum(passed.values())
    lines = [
        "# Where our readers disagree with cablemap's reader tests",
        "",
        "Made by `python tests/test_conformance_cablemap.py` (do not edit by hand);",
        "`tests/test_conformance_cablemap.py` checks that it lists every disagreement.",
        f"Our fragment readers (`cable_utils.parse.read_fields`) agree with **{total} of "
        f"{len(found)}** cases ({100 * total / len(found):.1f} %).",
        "",
        "| reader | agree | cases |",
        "| --- | ---: | ---: |",
        *[f"| {reader} | {passed[reader]} | {count} |" for reader, count in by_reader.items()],
        "",
        "Each disagreement: our answer, cablemap's, and cablemap's own note on the case",
        "where it has one (why another parser may reasonably differ).",
        "",
        "| case | ours | cablemap | note |",
        "| --- | --- | --- | --- |",
    ]
    for case, ok in found:
        if ok:
            continue
        ours = repr(our_answer(case)).replace("|", "\\|")[:160]
        theirs = repr(expected_answer(case)).replace("|", "\\|")[:160]
        note = (case.note or "").replace("|", "\\|").replace("\n", " ")[:200]
        lines.append(f"| `{case.id}` | {ours} | {theirs} | {note} |")
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{total} of {len(found)} agree; wrote {REPORT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    write_report()
