"""CITATION.cff: the fields CFF 1.2.0 requires, with the collection's values."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

CFF = Path(__file__).resolve().parent.parent / "CITATION.cff"


def test_citation_file_is_valid_cff_120() -> None:
    data = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    # required by the CFF 1.2.0 schema: cff-version, message, title, authors
    assert data["cff-version"] == "1.2.0"
    assert isinstance(data["message"], str) and data["message"].strip()
    assert data["title"] == "Cable Classroom"
    assert data["type"] in ("software", "dataset") and data["type"] == "software"
    # an entity author has "name" (a person would have family-names/given-names)
    assert data["authors"] == [{"name": "Cable Classroom contributors"}]
    assert data["license"] == "MIT"
    assert data["version"] == "0.1.0"
    # a string (quoted), in the schema's date pattern
    assert isinstance(data["date-released"], str)
    assert re.fullmatch(r"\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])", data["date-released"])
    assert data["date-released"] == "2026-11-27"
    assert "08BAKU151" in data["abstract"]
    assert isinstance(data["keywords"], list) and len(data["keywords"]) >= 5
    assert all(isinstance(k, str) and k for k in data["keywords"])
    allowed = {
        "cff-version", "message", "title", "type", "authors", "version", "date-released",
        "license", "abstract", "keywords", "repository-code", "url", "doi", "identifiers",
        "preferred-citation", "references", "contact", "commit", "license-url", "repository",
        "repository-artifact",
    }  # fmt: skip
    assert set(data) <= allowed, set(data) - allowed
