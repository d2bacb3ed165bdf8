"""The regression corpus in data/corpus/ is complete and byte-identical to what was received."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _checksums() -> dict[str, str]:
    entries = {}
    for line in (CORPUS / "CHECKSUMS.sha256").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        assert re.fullmatch(r"[0-9a-f]{64}", digest), f"bad checksum line {line!r}"
        entries[name] = digest
    return entries


def test_every_corpus_file_matches_its_checksum() -> None:
    entries = _checksums()
    on_disk = {"metadata.csv"} | {f"cables/{p.name}" for p in (CORPUS / "cables").iterdir()}
    assert on_disk == set(entries), (
        f"unlisted: {on_disk - set(entries)}, missing: {set(entries) - on_disk}"
    )
    wrong = [
        name
        for name, digest in entries.items()
        if hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() != digest
    ]
    assert not wrong, f"checksum mismatch: {wrong}"


def test_metadata_names_every_cable_once() -> None:
    with (CORPUS / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["file"] for row in rows] == sorted({row["file"] for row in rows})
    files = {f"cables/{p.name}" for p in (CORPUS / "cables").glob("*.txt")}
    assert {row["file"] for row in rows} == files
    for row in rows:
        assert row["file"] == f"cables/{row['reference_id']}.txt", row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row["created"]), row
        assert row["classification"] and row["origin"], row


def test_the_provenance_note_travels_with_the_copy() -> None:
    note = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert "chillicoder/cablegate" in note and "68ddbf742f98" in note
