"""Loading: IDs, paths, bytes, text, and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from cable_utils import Cable, CableError, load_cable
from cable_utils.errors import (
    BinaryInputError,
    CableNotFoundError,
    EmptyCableError,
    InputTooLargeError,
    NotACableError,
    UnsafePathError,
)
from cable_utils.source.paths import DATA_DIR, find_cable_file, known_cable_ids

SEED = DATA_DIR / "cables" / "08BAKU151.txt"


def test_id_path_bytes_and_text_agree():
    by_id = load_cable("08BAKU151")
    by_path = load_cable(SEED)
    by_str_path = load_cable(str(SEED))
    by_bytes = load_cable(SEED.read_bytes())
    by_text = Cable.from_text(SEED.read_text(encoding="utf-8"))
    for other in (by_path, by_str_path, by_bytes, by_text):
        assert other.to_json_dict() == by_id.to_json_dict()
    assert by_id.source == str(SEED.resolve())


def test_known_ids_include_the_cable():
    assert "08BAKU151" in known_cable_ids()


def test_crlf_and_bom_keep_offsets_into_raw(tmp_path: Path):
    text = SEED.read_text(encoding="utf-8")
    variant = tmp_path / "08BAKU151.txt"
    variant.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    cable = load_cable(variant)
    assert cable.raw.startswith("\ufeff")
    assert cable.subject == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    assert [p.marking for p in cable.paragraphs] == ["C", "C", "U", "U", "C"]
    for segment in cable.segments:
        assert "\r" not in cable.raw[segment.start : segment.end].rstrip()[-1:]
    assert cable.raw[cable.paragraphs[0].start :].startswith("1. (C)")


def test_cp1252_fallback_warns(tmp_path: Path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "08BAKU151.txt"
    path.write_bytes(text.encode("cp1252"))
    cable = load_cable(path)
    assert cable.subject == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    assert "¶" in cable.raw
    assert any("cp1252" in warning for warning in cable.warnings)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyCableError),
        (b"   \n\n\t ", EmptyCableError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryInputError),
        (b"%PDF-1.4\n\x00\x01\x02\x03", BinaryInputError),
        (b"Dear Sir,\nThank you for your letter.\nYours faithfully\n", NotACableError),
    ],
)
def test_bad_files_raise_a_named_cable_error(tmp_path: Path, content: bytes, error: type):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(error) as caught:
        load_cable(path)
    assert isinstance(caught.value, CableError)
    assert str(caught.value)  # a message that names the problem


def test_huge_file_is_refused_without_reading(tmp_path: Path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"A" * (10 * 1024 * 1024))

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the huge file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InputTooLargeError, match="load_corpus"):
        load_cable(path)


def test_huge_bytes_are_refused():
    with pytest.raises(InputTooLargeError):
        load_cable(b"x" * (10 * 1024 * 1024))


def test_unknown_id():
    with pytest.raises(CableNotFoundError, match="99NOWHERE1"):
        load_cable("99NOWHERE1")


def test_an_id_typed_as_people_write_it_is_found() -> None:
    cable = load_cable("08BAKU151")
    assert load_cable("08baku151").raw == cable.raw  # lower case
    assert load_cable("08BAKU000151").raw == cable.raw  # the banner's "BAKU 000151"


def test_an_unknown_id_suggests_the_close_ones_and_names_a_corpus_cable() -> None:
    with pytest.raises(CableNotFoundError, match=r"did you mean 08BAKU151\?"):
        load_cable("09BAKU151")
    with pytest.raises(CableNotFoundError) as corpus:
        load_cable("10ankara87")  # lesson 06 finds it; the collection does not hold it
    assert "10ANKARA87 is a cable of the corpus" in str(corpus.value)
    assert "lesson 06's cable finder" in str(corpus.value)


@pytest.mark.parametrize(
    "sneaky", ["../../etc/passwd", "..", "samples/../../x", "08BAKU151.txt/..", "/etc/passwd\x00"]
)
def test_ids_cannot_leave_the_data_folder(sneaky: str):
    with pytest.raises(UnsafePathError):
        find_cable_file(sneaky)


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="cable ID, a path, bytes or text"):
        load_cable(151)  # type: ignore[arg-type]


def test_a_cable_with_no_header_still_parses_with_warnings():
    text = SEED.read_text(encoding="utf-8")
    body_only = text[text.index("C O N F I D E N T I A L") :]
    cable = Cable.from_text(body_only)
    assert cable.subject == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    assert cable.date is None
    assert any("date-time group" in warning for warning in cable.warnings)
    assert len(cable.paragraphs) == 5


def test_not_a_cable_text():
    with pytest.raises(NotACableError, match="none of the parts of a cable"):
        Cable.from_text("just a line of ordinary prose\nand another\n")


@pytest.mark.parametrize("sneaky", ["../../etc/passwd", "../../../../../../etc/hostname"])
def test_load_cable_refuses_string_paths_that_climb_out(sneaky: str):
    with pytest.raises(UnsafePathError, match="neither a cable ID"):
        load_cable(sneaky)


def test_a_path_object_outside_the_collection_is_read_on_purpose(tmp_path):
    outside = tmp_path / "mine.txt"
    outside.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_cable(outside).subject == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"


def test_a_relative_path_into_the_collection_is_allowed(monkeypatch):
    monkeypatch.chdir(SEED.parent.parent.parent / "notebooks")
    assert load_cable("../data/cables/08BAKU151.txt").id == "08BAKU151"


def test_a_folder_says_it_is_a_folder(tmp_path):
    with pytest.raises(CableError, match="is a folder"):
        load_cable(tmp_path)


def test_a_huge_pasted_string_is_refused():
    with pytest.raises(InputTooLargeError, match="pasted text"):
        load_cable("VZCZC\n" + "x" * 2_100_000)


def test_a_missing_data_folder_says_the_collection_runs_from_a_clone(monkeypatch, tmp_path):
    from cable_utils.source import paths

    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "nowhere")
    with pytest.raises(CableNotFoundError, match="runs from a clone"):
        paths.find_cable_file("08BAKU151")
