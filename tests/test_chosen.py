"""The chosen cable: ``choose_cable`` (an explicit action) and ``lesson_cable`` (what lessons read).

Every test has its own work folder. Bad input must leave the previous choice,
the work folder and the repository's data exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.errors import (
    BinaryInputError,
    CableError,
    CableNotFoundError,
    EmptyCableError,
    InputTooLargeError,
    NotACableError,
    UnsafePathError,
)
from cable_utils.lessons.chosen import (
    DEFAULT_CABLE_ID,
    choice_path,
    choose_cable,
    current_choice,
    describe_choice,
    forget_choice,
    lesson_cable,
)
from cable_utils.source.paths import known_cable_ids

REPO = Path(__file__).resolve().parents[1]
CABLES = REPO / "data" / "cables"
CORPUS = REPO / "data" / "corpus" / "cables"
MOSCOW = CABLES / "samples" / "10MOSCOW228.txt"
# a real cable that is not in data/cables: the regression corpus
OUTSIDE = CORPUS / "06BELGRADE1681.txt"


def snapshot(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(folder))
    return folder


@pytest.fixture(scope="module")
def collection_before() -> dict[str, str]:
    return snapshot(CABLES)


@pytest.fixture(autouse=True)
def _repository_data_never_changes(collection_before: dict[str, str]):
    yield
    assert snapshot(CABLES) == collection_before, "a test changed data/cables"


def upload_value(name: str, data: bytes) -> tuple[dict, ...]:
    """What an ipywidgets 8 FileUpload holds after one file was chosen."""
    return (
        {
            "name": name,
            "type": "text/plain",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime(2026, 1, 1),
        },
    )


# ------------------------------------------------------------------ reading the choice


def test_nothing_chosen_means_08baku151_and_nothing_is_written(work: Path) -> None:
    assert current_choice() is None
    cable = lesson_cable()
    assert cable.id == DEFAULT_CABLE_ID
    assert lesson_cable(None).id == DEFAULT_CABLE_ID
    assert lesson_cable("").id == DEFAULT_CABLE_ID
    assert "collection's cable" in describe_choice(cable)
    assert not work.exists()  # reading never creates the work folder


def test_choose_by_id_then_every_lesson_reads_it(work: Path) -> None:
    cable = choose_cable("10MOSCOW228")
    assert cable.id == "10MOSCOW228"
    choice = current_choice()
    assert choice is not None and (choice.cable_id, choice.how) == ("10MOSCOW228", "id")
    assert lesson_cable().id == "10MOSCOW228"
    assert "You chose it (chosen by ID" in describe_choice(lesson_cable())
    # a choice by ID copies nothing
    assert not (work / "cables").exists()
    assert json.loads(choice_path().read_text(encoding="utf-8"))["cable_id"] == "10MOSCOW228"


def test_an_explicit_cable_id_wins_over_the_choice(work: Path) -> None:
    choose_cable("10MOSCOW228")
    cable = lesson_cable("72TEHRAN1164")
    assert cable.id == "72TEHRAN1164"
    assert "set in the lesson's CABLE_ID cell" in describe_choice(cable)
    assert "10MOSCOW228" in describe_choice(cable)


def test_forget_choice_goes_back_to_08baku151(work: Path) -> None:
    choose_cable("10MOSCOW228")
    assert forget_choice() is True
    assert lesson_cable().id == DEFAULT_CABLE_ID
    assert forget_choice() is False


def test_a_chosen_cable_whose_file_is_gone_falls_back_and_says_so(work: Path) -> None:
    cable = choose_cable(MOSCOW.read_text(encoding="utf-8") + "\nmy addition\n")
    assert cable.id.startswith("10MOSCOW228_copy_")
    (work / "cables" / f"{cable.id}.txt").unlink()
    fallback = lesson_cable()
    assert fallback.id == DEFAULT_CABLE_ID
    assert "can no longer be found" in describe_choice(fallback)


@pytest.mark.parametrize(
    "content", ["{not json", '{"cable_id": "../../etc/passwd", "how": "id"}', "[]", ""]
)
def test_an_unreadable_choice_record_is_ignored(work: Path, content: str) -> None:
    work.mkdir(parents=True)
    choice_path().write_text(content, encoding="utf-8")
    assert current_choice() is None
    assert lesson_cable().id == DEFAULT_CABLE_ID


# ------------------------------------------------------------------ texts are added first


def test_pasted_text_is_added_to_the_work_folder_and_opens_by_id(work: Path) -> None:
    text = OUTSIDE.read_text(encoding="utf-8")
    cable = choose_cable(text)
    assert cable.id == "06BELGRADE1681"
    kept = work / "cables" / "06BELGRADE1681.txt"
    assert kept.read_bytes() == OUTSIDE.read_bytes()  # byte-identical
    assert "06BELGRADE1681" in known_cable_ids()
    assert load_cable("06BELGRADE1681").subject == cable.subject  # any lesson can open it
    assert lesson_cable().id == "06BELGRADE1681"
    assert current_choice().how == "paste"
    sources = (work / "cables" / "SOURCES.md").read_text(encoding="utf-8")
    assert "pasted in a lesson" in sources


def test_pasted_text_without_an_id_gets_one_the_lessons_can_open(work: Path) -> None:
    text = "SUBJECT: NOTES FROM A MEETING\n\n1. (U) The minister said nothing new.\n"
    cable = choose_cable(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    assert cable.id == f"my_cable_{digest[:8]}"
    assert load_cable(cable.id).raw == text
    assert lesson_cable().id == cable.id
    assert any("names no cable" in note for note in current_choice().notes)


def test_pasting_the_collections_own_text_chooses_it_without_a_copy(work: Path) -> None:
    cable = choose_cable(MOSCOW.read_text(encoding="utf-8"))
    assert cable.id == "10MOSCOW228"
    assert not (work / "cables" / "10MOSCOW228.txt").exists()
    assert lesson_cable().id == "10MOSCOW228"


def test_an_upload_is_added_under_the_id_of_its_text(work: Path) -> None:
    data = (CABLES / "samples" / "07KINGSTON382.txt").read_bytes()  # cp1252, CRLF
    edited = data + b"\r\n"  # not the collection's copy
    cable = choose_cable(upload_value("kingston.txt", edited))
    assert cable.id.startswith("07KINGSTON382")
    assert (work / "cables" / f"{cable.id}.txt").read_bytes() == edited
    assert current_choice().how == "upload" and current_choice().given == "kingston.txt"
    assert any("not valid UTF-8" in w for w in lesson_cable().warnings)


def test_bytes_and_a_path_outside_the_collection(work: Path, tmp_path: Path) -> None:
    outside = tmp_path / "belgrade.txt"
    outside.write_bytes(OUTSIDE.read_bytes())
    cable = choose_cable(outside)
    assert cable.id == "06BELGRADE1681"
    assert current_choice().how == "path"
    assert (work / "cables" / "06BELGRADE1681.txt").is_file()
    again = choose_cable(OUTSIDE.read_bytes(), name="belgrade.txt")
    assert again.id == "06BELGRADE1681"  # the same text: no second copy
    assert sorted(p.name for p in (work / "cables").glob("*.txt")) == ["06BELGRADE1681.txt"]


def test_a_path_inside_the_collection_is_chosen_by_its_id(work: Path) -> None:
    cable = choose_cable(MOSCOW)
    assert cable.id == "10MOSCOW228"
    assert current_choice().how == "id"
    assert not (work / "cables").exists()


# ------------------------------------------------------------------ bad input


BAD_INPUTS = {
    "empty paste": ("\n\n", EmptyCableError, "empty"),
    "empty string": ("   ", EmptyCableError, "nothing was given"),
    "not a cable": ("Dear diary,\ntoday I read a cable.\n", NotACableError, "not a cable"),
    "ten megabytes": ("VZCZC\n" + "x" * 10_000_000, InputTooLargeError, "at most"),
    "binary bytes": (b"\x00\x01\x02PNG" * 100, BinaryInputError, "binary"),
    "path characters": ("../../etc/passwd", UnsafePathError, "neither a cable ID"),
    "unknown id": ("99NOWHERE1", CableNotFoundError, "99NOWHERE1"),
    "a folder": (Path("/"), CableError, "folder"),
    "empty upload": ((), CableError, "no file was uploaded"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_changes_nothing(work: Path, case: str) -> None:
    choose_cable("10MOSCOW228")
    choose_cable(OUTSIDE.read_text(encoding="utf-8"))
    before = snapshot(work)
    source, error, phrase = BAD_INPUTS[case]
    with pytest.raises(error) as refused:
        choose_cable(source)
    assert phrase in str(refused.value)
    assert snapshot(work) == before
    assert current_choice().cable_id == "06BELGRADE1681"


def test_a_wrong_type_is_a_type_error(work: Path) -> None:
    with pytest.raises(TypeError, match="cable ID, a path, pasted text"):
        choose_cable(151)


# ------------------------------------------------------------------ watchers, Cable objects


def test_watchers_hear_every_choice_in_this_kernel(work: Path) -> None:
    from cable_utils.lessons.chosen import chosen_source, watch

    heard: list[str] = []
    stop = watch(lambda cable: heard.append(cable.id))
    choose_cable("10MOSCOW228")
    choose_cable(OUTSIDE.read_text(encoding="utf-8"))
    with pytest.raises(CableError):
        choose_cable("99NOWHERE1")  # a refusal tells nobody
    assert chosen_source() == "paste"
    forget_choice()
    stop()
    choose_cable("72TEHRAN1164")
    assert heard == ["10MOSCOW228", "06BELGRADE1681", DEFAULT_CABLE_ID]
    assert chosen_source() == "id"


def test_a_cable_already_read_is_chosen_by_id_or_added(work: Path) -> None:
    from cable_utils.analysis.remix import load_pasted, load_uploaded

    assert choose_cable(load_cable("10MOSCOW228")).id == "10MOSCOW228"
    assert not (work / "cables").exists()
    uploaded = load_uploaded(upload_value("belgrade.txt", OUTSIDE.read_bytes()))
    assert choose_cable(uploaded, how="upload").id == "06BELGRADE1681"
    assert current_choice().how == "upload" and current_choice().given == "belgrade.txt"
    pasted = load_pasted("SUBJECT: A NOTE\n\n1. (U) Nothing new.\n")
    chosen = choose_cable(pasted)
    assert chosen.id.startswith("my_cable_") and lesson_cable().id == chosen.id
