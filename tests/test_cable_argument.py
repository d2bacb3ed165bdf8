"""Passing an ID where a Cable is expected (issue 13, item 5).

A learner who types ``header_decoder("08BAKU151")`` gets the cable loaded; a
value that is not a cable gets a ``TypeError`` that names the function and
says what to pass, never an ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from cable_utils.errors import CableNotFoundError, UnsafePathError
from cable_utils.parse import as_cable, load_cable, takes_cable

PACKAGE = Path(__file__).resolve().parents[1] / "cable_utils"
#: Layers whose public functions learners and notebooks call with a cable.
CALLED_WITH_A_CABLE = ("analysis", "views", "widgets", "lessons/page.py", "lessons/chosen.py")
#: Reached only through another entry point that already holds a Cable:
#: check()/solution() for the exercises, the corpus reader for its rows.
NOT_ENTRY_POINTS = ("lessons/exercises", "corpus", "cli.py")


def public_cable_functions() -> list[tuple[str, str]]:
    """(module, function) of every public module-level function whose first parameter is
    ``cable: Cable``, found by reading the source (so a new one cannot be missed)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith(CALLED_WITH_A_CABLE):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            first = node.args.args[0] if node.args.args else None
            if (
                first
                and first.arg == "cable"
                and ast.unparse(first.annotation or ast.Name("")) == "Cable"
            ):
                module = "cable_utils." + relative.removesuffix(".py").replace("/", ".")
                found.append((module.removesuffix(".__init__"), node.name))
    return found


FUNCTIONS = public_cable_functions()


def test_the_scan_finds_the_learner_facing_functions() -> None:
    names = {name for _module, name in FUNCTIONS}
    assert len(FUNCTIONS) >= 70
    assert {"header_decoder", "segment_explorer", "summary_table", "lesson_header"} <= names


@pytest.mark.parametrize("module, name", FUNCTIONS, ids=[f"{m}.{n}" for m, n in FUNCTIONS])
def test_every_public_function_taking_a_cable_accepts_an_id(module: str, name: str) -> None:
    function = getattr(importlib.import_module(module), name)
    assert getattr(function, "__wrapped__", None) is not None, f"{module}.{name} lacks @takes_cable"
    with pytest.raises(
        TypeError, match=rf"^{name}\(\) needs a cable, not NoneType None: pass a Cable"
    ):
        function(None)


def test_an_id_gives_what_the_cable_gives() -> None:
    from cable_utils.views.tables import summary_table

    by_id = summary_table("08BAKU151")
    by_cable = summary_table(load_cable("08BAKU151"))
    assert by_id.equals(by_cable)
    assert summary_table(cable="08BAKU151").equals(by_cable)  # by keyword too


def test_a_widget_opens_on_an_id() -> None:
    from cable_utils.widgets import header_decoder

    def texts(widget) -> list[str]:
        own = [widget.value] if isinstance(getattr(widget, "value", None), str) else []
        return own + [t for child in getattr(widget, "children", ()) for t in texts(child)]

    by_id = texts(header_decoder("08BAKU151"))
    assert by_id == texts(header_decoder(load_cable("08BAKU151")))
    assert any("DE RUEHKB #0151/01 0501347" in text for text in by_id)


def test_a_path_and_pasted_text_load_too(tmp_path: Path) -> None:
    from cable_utils.views.tables import paragraphs_table

    file = tmp_path / "note.txt"
    file.write_text("SUBJECT: A NOTE\n\n1. (U) One paragraph.\n2. (U) Another.\n", encoding="utf-8")
    assert list(paragraphs_table(file)["number"]) == [1, 2]
    assert list(paragraphs_table(file.read_text(encoding="utf-8"))["number"]) == [1, 2]


@pytest.mark.parametrize(
    "value, shown",
    [(151, "int 151"), ({"id": "08BAKU151"}, "dict {'id': '08BAKU151'}"), ([1, 2], "list [1, 2]")],
)
def test_what_is_not_a_cable_gets_a_message_saying_what_to_pass(value: object, shown: str) -> None:
    from cable_utils.widgets import segment_explorer

    with pytest.raises(TypeError) as raised:
        segment_explorer(value)
    message = str(raised.value)
    assert message.startswith(f"segment_explorer() needs a cable, not {shown}")
    assert 'load_cable("08BAKU151")' in message


def test_a_long_value_is_shortened_in_the_message() -> None:
    with pytest.raises(TypeError) as raised:
        as_cable(list(range(1000)), needed_by="summary_table")
    assert len(str(raised.value)) < 200


def test_a_wrong_id_or_an_unsafe_path_says_so_in_the_loaders_words() -> None:
    from cable_utils.views.tables import summary_table

    with pytest.raises(CableNotFoundError, match="no cable with ID '08BAKU999'"):
        summary_table("08BAKU999")
    with pytest.raises(UnsafePathError):
        summary_table("../../etc/passwd")


def test_the_decorator_refuses_a_function_whose_first_parameter_is_not_cable() -> None:
    def wrong(text: str) -> str:
        return text

    with pytest.raises(TypeError, match="first parameter to be 'cable'"):
        takes_cable(wrong)


def test_a_cable_passes_through_untouched() -> None:
    cable = load_cable("08BAKU151")
    assert as_cable(cable) is cable
