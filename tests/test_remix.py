"""Lesson 05 library: choosing a cable (samples, upload, paste), warnings in plain words,
and the structural comparison with 08BAKU151."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from cable_utils import load_cable
from cable_utils.analysis.remix import (
    compare_structure,
    era_of,
    explain_warning,
    load_pasted,
    load_uploaded,
    markings_used,
    sample_cables,
    sample_options,
    samples_table,
    try_load,
    warnings_table,
)
from cable_utils.model import Defect
from cable_utils.source.paths import DATA_DIR, known_cable_ids

DATA = Path(DATA_DIR) / "cables"
SAMPLES = DATA / "samples"


def upload_value(name: str, data: bytes) -> tuple[dict, ...]:
    """The value an ipywidgets 8 FileUpload holds after one file was chosen."""
    return (
        {
            "name": name,
            "type": "text/plain",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime(2026, 1, 1),
        },
    )


# ------------------------------------------------------------------ samples


def test_sample_options_list_every_shipped_cable_with_the_collection_cable_first() -> None:
    options = sample_options()
    ids = [cable_id for _label, cable_id in options]
    assert sorted(ids) == known_cable_ids()
    assert len(ids) == len(set(ids))
    assert ids[0] == "08BAKU151"
    labels = dict((cable_id, label) for label, cable_id in options)
    # read from the files: 10MOSCOW228 is dated 010441Z FEB 10, sent by AMEMBASSY MOSCOW
    assert "2010-02-01" in labels["10MOSCOW228"]
    assert "AMEMBASSY MOSCOW" in labels["10MOSCOW228"]
    assert "ACCELERATION OF F-4ES FOR IRAN" in labels["72TEHRAN1164"]
    for sample in sample_cables():
        assert (sample.date or "undated") in labels[sample.id]


def test_samples_are_in_date_order_after_the_collection_cable() -> None:
    dated = [s.date for s in sample_cables()[1:] if s.date]
    assert dated == sorted(dated)
    # the oldest cable of the files, read one by one, comes first
    dates = [load_cable(cid).date for cid in known_cable_ids() if cid != "08BAKU151"]
    assert dated[0] == min(d for d in dates if d).date().isoformat()


def test_samples_table_columns() -> None:
    frame = samples_table()
    assert list(frame.columns) == ["id", "date", "origin", "classification", "subject"]
    row = frame.set_index("id").loc["08BAKU151"]
    assert row["classification"] == "CONFIDENTIAL"
    assert row["subject"] == "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"


# ------------------------------------------------------------------ loading


def test_upload_in_ipywidgets8_format_gives_the_cable_and_its_id() -> None:
    data = (SAMPLES / "10MOSCOW228.txt").read_bytes()
    cable = load_uploaded(upload_value("10MOSCOW228.txt", data))
    assert cable.id == "10MOSCOW228"
    assert cable.raw == data.decode("utf-8")
    assert cable.source == "uploaded: 10MOSCOW228.txt"


def test_upload_through_a_real_fileupload_widget() -> None:
    import ipywidgets as widgets

    data = (SAMPLES / "72TEHRAN1164.txt").read_bytes()
    upload = widgets.FileUpload(accept=".txt", multiple=False)
    upload.value = upload_value("72TEHRAN1164.txt", data)
    cable = load_uploaded(upload.value)
    assert cable.id == "72TEHRAN1164"
    assert cable.subject == "ACCELERATION OF F-4ES FOR IRAN"


def test_upload_of_a_cp1252_file_warns_about_the_encoding_in_plain_words() -> None:
    data = (SAMPLES / "07KINGSTON382.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    cable = load_uploaded(upload_value("07KINGSTON382.txt", data))
    table = warnings_table(cable)
    assert "Encoding" in set(table["topic"])
    meaning = table.set_index("topic").loc["Encoding", "meaning"]
    assert "PDF" in meaning and "accented" in meaning


def test_upload_with_a_name_that_is_not_an_id_has_the_id_from_the_text() -> None:
    data = (SAMPLES / "10MOSCOW228.txt").read_bytes()
    cable = load_uploaded(upload_value("my cable (copy).txt", data))
    assert cable.id == "10MOSCOW228"  # from the banner and the date


def test_old_ipywidgets7_upload_dict_is_accepted_too() -> None:
    data = (SAMPLES / "10MOSCOW228.txt").read_bytes()
    value = {"10MOSCOW228.txt": {"metadata": {"name": "10MOSCOW228.txt"}, "content": data}}
    assert load_uploaded(value).id == "10MOSCOW228"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((), "no file was uploaded"),
        (
            upload_value("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
            "binary",
        ),
        (upload_value("empty.txt", b"   \n"), "empty"),
        (upload_value("notes.txt", b"Shopping list\nmilk\neggs\n"), "none of the parts of a cable"),
    ],
    ids=["nothing", "binary", "empty", "not-a-cable"],
)
def test_bad_uploads_give_a_plain_message_not_an_exception(value, expected: str) -> None:
    outcome = try_load("upload", value)
    assert not outcome.ok
    assert outcome.cable is None
    assert outcome.message.startswith("Could not read the uploaded file")
    assert expected in outcome.message


def test_pasted_text_is_parsed_like_a_file() -> None:
    text = (SAMPLES / "09ABUDHABI1151.txt").read_text(encoding="utf-8")
    cable = load_pasted(text)
    assert cable.id == "09ABUDHABI1151"
    assert cable.raw == text
    assert cable.source == "pasted text"


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_empty_paste_says_so(text: str) -> None:
    outcome = try_load("paste", text)
    assert not outcome.ok
    assert "nothing was pasted" in outcome.message


def test_paste_that_is_not_a_cable_is_reported() -> None:
    outcome = try_load("paste", "<script>window.__pwned=1</script>")
    assert not outcome.ok
    assert "none of the parts of a cable" in outcome.message


def test_try_load_sample_counts_warnings_in_its_message() -> None:
    good = try_load("sample", "10MOSCOW228")
    assert good.ok and good.cable.id == "10MOSCOW228"
    assert "no warnings" in good.message
    undated = try_load("sample", "09DOHA214")
    assert undated.ok
    assert f"{len(undated.cable.warnings)} thing(s) look unusual" in undated.message
    missing = try_load("sample", "99NOWHERE1")
    assert not missing.ok and "99NOWHERE1" in missing.message
    unsafe = try_load("sample", "../../etc/passwd")
    assert not unsafe.ok and "not a cable ID" in unsafe.message
    with pytest.raises(ValueError):
        try_load("fax", "x")


# ------------------------------------------------------------------ warnings


def every_sample_defect() -> list[tuple[str, Defect]]:
    # The shipped cables (described in tests/expected): every defect kind is explained.
    shipped = json.loads((Path(__file__).parent / "expected" / "samples.json").read_text())
    ids = ["08BAKU151", *sorted(key for key in shipped if not key.startswith("_"))]
    return [(cid, d) for cid in ids for d in load_cable(cid).defects]


def test_the_samples_do_have_defects_to_explain() -> None:
    assert len(every_sample_defect()) >= 4


@pytest.mark.parametrize(("cable_id", "defect"), every_sample_defect())
def test_every_defect_the_samples_raise_is_explained_by_its_kind(
    cable_id: str, defect: Defect
) -> None:
    explanation = explain_warning(defect)
    assert explanation.kind == defect.kind
    assert explanation.warning == defect.message
    assert len(explanation.meaning.split()) >= 15
    assert explanation.what_to_do


@pytest.mark.parametrize(
    ("kind", "topic", "phrase"),
    [
        ("no_dtg", "Date", "Cite the source"),
        ("no_banner", "Classification", "do not guess"),
        ("no_subject", "Subject", "SUBJECT"),
        ("no_paragraphs", "Body", "paragraph browser"),
        ("id_disagrees_with_text", "Identity", "misnamed"),
        ("invalid_dtg", "Date", "metadata"),
    ],
)
def test_explanations(kind: str, topic: str, phrase: str) -> None:
    explanation = explain_warning(Defect(kind, None, None, "any wording at all"))
    assert explanation.topic == topic
    assert phrase in explanation.meaning + explanation.what_to_do


def test_rewording_a_warning_keeps_its_explanation() -> None:
    """The explanation follows the kind: a message that says nothing still gets it."""
    worded = explain_warning(Defect("spliced_record", 5, 9, "spliced record: from line 3 …"))
    reworded = explain_warning(Defect("spliced_record", 5, 9, "two cables in one file"))
    assert worded.meaning == reworded.meaning and worded.topic == "Identity"


def test_warnings_table_for_a_clean_cable_is_empty_with_columns() -> None:
    frame = warnings_table(load_cable("08BAKU151"))
    assert frame.empty
    assert list(frame.columns) == ["warning", "kind", "topic", "meaning", "what_to_do"]


# ------------------------------------------------------------------ comparison


def test_era_uses_the_decade_and_the_eo_line() -> None:
    assert era_of(load_cable("08BAKU151")) == "2000s; E.O. 12958 (in force from 1995)"
    # 79TEHRAN8980: "E.O. 12065: GDS 8/12/85"
    assert era_of(load_cable("79TEHRAN8980")) == "1970s; E.O. 12065 (in force 1978–1982)"
    # 72TEHRAN1164 carries "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006": a later line
    assert "later than the cable" in era_of(load_cable("72TEHRAN1164"))
    assert "later than the cable" not in era_of(load_cable("86MADRID5480"))


def test_markings_used() -> None:
    assert markings_used(load_cable("08BAKU151")) == ["C", "U"]  # ¶1–2 (C), ¶3–4 (U), ¶5 (C)
    assert markings_used(load_cable("10MOSCOW228")) == ["C"]  # every paragraph is (C)


def test_compare_with_itself_is_all_same() -> None:
    cable = load_cable("08BAKU151")
    frame = compare_structure(cable, cable)
    assert frame["same"].all()
    assert frame.attrs == {"this_cable": "08BAKU151", "reference": "08BAKU151"}


def test_compare_a_1972_cable_with_08baku151() -> None:
    frame = compare_structure(load_cable("72TEHRAN1164"))
    assert list(frame.columns) == ["aspect", "feature", "this_cable", "reference", "same"]
    rows = frame.set_index("feature")
    assert rows.loc["date", "this_cable"] == "1972-02-25"
    assert rows.loc["date", "reference"] == "2008-02-19"
    assert rows.loc["banner level", "this_cable"] == "UNCLASSIFIED"
    assert rows.loc["banner level", "reference"] == "CONFIDENTIAL"
    assert rows.loc["portion markings used", "reference"] == "C, U"
    header = frame[frame["aspect"] == "header part"].set_index("feature")
    vzczc = [f for f in header.index if f.startswith("vzczc")][0]
    # the 1972 copy starts at "R 250930Z FEB 72": no VZCZC transmission header
    assert header.loc[vzczc, "this_cable"] == "no"
    assert header.loc[vzczc, "reference"] == "yes"
    subject = [f for f in header.index if f.startswith("subject")][0]
    assert header.loc[subject, "same"]
    assert not frame["same"].all()
