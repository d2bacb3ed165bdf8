"""A lesson object passed where another belongs gets a message, not a traceback from deep inside.

The lessons hand objects from cell to cell: the cable, the corpus index, the
cable's argument, the tables of lesson 06, the timeline's events. Each function
a notebook imports is called here with each of those objects in the place of
its first argument (and with a string and None). It may work, or refuse in
words that name the function and what it needs; it must not fail with an
``AttributeError`` or ``KeyError`` from inside pandas or the library (which is
what ``describe_stance_matrix(stance_matrix(argument))`` or
``posts_by_year(cable)`` did before ``cable_utils._arguments``).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import sys
from pathlib import Path

import pytest

from cable_utils import _arguments
from cable_utils._arguments import Needs, instance_of, items_of, takes
from cable_utils.errors import CableError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = str(ROOT / "cable_utils")

#: Functions left out, and why.
NOT_CALLED = {
    "readable_tables": "sets pandas options; takes no lesson object",
    "offline_geo_script": "returns a script; takes no lesson object",
    "check": "a self-check: a wrong answer is its own subject (tests/test_exercises.py)",
    "solution": "takes an exercise number (tests/test_exercises.py)",
    "self_check": "takes an exercise number (tests/test_exercises.py)",
    "lesson_times": "reads the measured times; takes no lesson object",
}
#: Failures that come from inside: what a learner must never get for a wrong argument.
DEEP = (AttributeError, KeyError, IndexError, UnboundLocalError, ZeroDivisionError)


def notebook_imports() -> list[tuple[str, str]]:
    """(module, name) of every ``from cable_utils… import name`` in a notebook's code."""
    found: set[tuple[str, str]] = set()
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "cable_utils"
                ):
                    found.update((node.module, alias.name) for alias in node.names)
    return sorted(found)


LESSON_FUNCTIONS = [
    pytest.param(module, name, id=name)
    for module, name in notebook_imports()
    if name not in NOT_CALLED
    and callable(getattr(importlib.import_module(module), name))
    and not isinstance(getattr(importlib.import_module(module), name), type)
]


def _positional(module: str, name: str) -> list[inspect.Parameter]:
    function = getattr(importlib.import_module(module), name)
    return [
        parameter
        for parameter in inspect.signature(function).parameters.values()
        if parameter.kind is parameter.POSITIONAL_OR_KEYWORD
    ]


#: Those that take two or more arguments by position.
TWO_PLACE_FUNCTIONS = [
    pytest.param(module, name, id=name)
    for module, name in (case.values for case in LESSON_FUNCTIONS)
    if len(_positional(module, name)) >= 2
]
WRONG = [
    "cable", "index", "argument", "posts table", "concordance", "events", "gazetteer",
    "thread", "word", "None",
]  # fmt: skip


@pytest.fixture(scope="module")
def lesson_objects(index) -> dict[str, object]:
    from cable_utils.analysis.actors import load_gazetteer
    from cable_utils.analysis.argument import load_argument, load_timeline
    from cable_utils.corpus.overview import concordance, posts_by_year, reference_thread
    from cable_utils.lessons.chosen import lesson_cable

    cable = lesson_cable("08BAKU151")
    return {
        "cable": cable,
        "index": index,
        "argument": load_argument(cable),
        "posts table": posts_by_year(index),
        "concordance": concordance(index, "precedent"),
        "events": load_timeline(),
        "gazetteer": load_gazetteer(cable),
        "thread": reference_thread(index, "08BAKU151"),
        "word": "Kosovo",
        "None": None,
    }


def _problem(name: str, call: str, error: BaseException) -> str | None:
    """What is wrong with ``error`` as the answer to a wrong argument, or None if nothing."""
    message = str(error)
    if isinstance(error, CableError):  # the library's own typed error ("not in the glossary")
        return None
    if isinstance(error, DEEP):
        return f"{call} failed inside: {type(error).__name__}: {message}"
    if isinstance(error, TypeError):
        # Python's own message for a call that does not fit the signature, or ours.
        fits = message.startswith(f"{name}()") and any(
            word in message for word in ("takes", "missing", "needs", "got an unexpected")
        )
        return None if fits else f"{call}: TypeError: {message}"
    if "ambiguous" in message or not _innermost_file(error).startswith(PACKAGE):
        return f"{call} failed outside the library: {type(error).__name__}: {message}"
    return None


@pytest.mark.parametrize(("module", "name"), LESSON_FUNCTIONS)
@pytest.mark.parametrize("given", WRONG)
def test_a_wrong_object_is_refused_in_words(module, name, given, lesson_objects):
    function = getattr(importlib.import_module(module), name)
    try:
        function(lesson_objects[given])
    except Exception as error:  # noqa: BLE001 - judged by _problem
        problem = _problem(name, f"{name}({given})", error)
        assert problem is None, problem


@pytest.mark.parametrize(("module", "name"), TWO_PLACE_FUNCTIONS)
def test_a_wrong_second_object_is_refused_in_words(module, name, lesson_objects):
    """``actor_paragraph_heatmap(gazetteer, cable)``, ``timeline_figure(events, "08BAKU151")``:
    every pair of lesson objects in the first two places."""
    function = getattr(importlib.import_module(module), name)
    problems = []
    for first in WRONG:
        for second in WRONG:
            try:
                function(lesson_objects[first], lesson_objects[second])
            except Exception as error:  # noqa: BLE001 - judged by _problem
                problems.append(_problem(name, f"{name}({first}, {second})", error))
    assert [problem for problem in problems if problem] == []


def _innermost_file(error: BaseException) -> str:
    traceback = error.__traceback__
    assert traceback is not None
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    return traceback.tb_frame.f_code.co_filename


def test_the_message_names_what_to_pass(lesson_objects):
    from cable_utils.corpus.overview import posts_by_year
    from cable_utils.plots import describe_posts_by_year, describe_stance_matrix, stance_heatmap

    with pytest.raises(TypeError) as refused:
        posts_by_year(lesson_objects["cable"])
    assert str(refused.value) == (
        "posts_by_year() needs the corpus index, not Cable 08BAKU151; "
        "get it with index = default_index()"
    )
    with pytest.raises(TypeError, match=r"get it with argument = load_argument\(cable\)"):
        describe_stance_matrix(lesson_objects["posts table"])
    with pytest.raises(TypeError, match=r"^stance_heatmap\(\) needs the cable's argument"):
        stance_heatmap(data=lesson_objects["cable"])  # by name too
    with pytest.raises(TypeError, match=r"by_post_year = posts_by_year\(index\)$"):
        describe_posts_by_year(lesson_objects["concordance"])


def test_the_right_object_still_works(lesson_objects):
    from cable_utils.plots import describe_posts_by_year, describe_stance_matrix

    assert "cable" in describe_posts_by_year(lesson_objects["posts table"])
    # A learner's own selection of rows is still the table the function needs.
    table = lesson_objects["posts table"]
    assert describe_posts_by_year(table.head(3))
    assert describe_stance_matrix(lesson_objects["argument"])


def test_every_class_named_by_path_exists():
    """The checks name classes by ``module:Name`` (see the module); a rename must not
    make every check refuse the real object."""
    named = [
        wanted
        for needs in vars(_arguments).values()
        if isinstance(needs, Needs)
        for wanted in needs.classes
        if isinstance(wanted, str)
    ]
    assert len(named) >= 5
    for dotted in named:
        module, _, name = dotted.partition(":")
        assert isinstance(getattr(importlib.import_module(module), name), type), dotted


def test_a_class_whose_module_is_not_imported_is_not_imported_by_a_check():
    needs = instance_of("cable_utils_absent_module:Thing", what="a thing", how="thing = Thing()")
    assert not needs.fits(object())
    assert "cable_utils_absent_module" not in sys.modules


def test_items_are_checked_and_a_generator_is_not_used_up():
    needs = items_of(int, what="numbers", how="numbers = [1, 2]")

    @takes(needs)
    def total(numbers):
        return sum(numbers)

    assert total([1, 2]) == 3
    assert total(number for number in (1, 2)) == 3
    with pytest.raises(TypeError, match=r"^total\(\) needs numbers, not list \['a'\]"):
        total(["a"])
    with pytest.raises(TypeError, match="not str '12'"):
        total("12")


def test_a_call_without_the_argument_is_left_to_python():
    @takes(instance_of(str, what="a word", how='word = "a"'))
    def shout(word: str = "hey") -> str:
        return word.upper()

    assert shout() == "HEY"
    assert shout(word="a") == "A"
    with pytest.raises(TypeError, match="needs a word"):
        shout(word=3)


def test_the_checks_import_nothing_heavy():
    source = Path(_arguments.__file__).read_text(encoding="utf-8")
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {
        "__future__", "functools", "inspect", "os", "sys", "collections.abc",
        "dataclasses", "numbers", "typing",
    }, imported  # fmt: skip


def test_a_cable_where_its_id_belongs_is_refused_not_misread(lesson_objects):
    """These took the Cable for an ID: an empty thread, a figure with no focus, or
    "the index could not be read here" (the binding error of SQLite, read as damage)."""
    from cable_utils.corpus.overview import issue_across_posts, reference_thread, tags_alongside
    from cable_utils.plots import describe_thread, thread_figure

    index, cable = lesson_objects["index"], lesson_objects["cable"]
    near = reference_thread(index, cable.id)
    refused = [
        lambda: reference_thread(index, cable),
        lambda: thread_figure(near, focus=cable),
        lambda: describe_thread(near, focus=cable),
        lambda: index.raw_text(cable),
        lambda: index.cable(cable),
        lambda: index.record(cable_id=cable),
        lambda: index.spans(cable, "Kosovo"),
    ]
    for call in refused:
        with pytest.raises(
            TypeError,
            match=r"needs a cable ID, not Cable 08BAKU151; get it with cable_id = cable.id",
        ):
            call()
    with pytest.raises(TypeError, match=r"^tags_alongside\(\) needs a TAGS code or a list of them"):
        tags_alongside(index, cable)
    with pytest.raises(TypeError, match=r"needs a pair of years .*, not int 2008"):
        issue_across_posts(index, "Kosovo", years=2008)
    # What the lessons pass still works, a set of posts included.
    assert not issue_across_posts(index, "Kosovo", posts={"BAKU", "PARIS"}).empty
    assert "08BAKU151" in describe_thread(near, focus=cable.id)


def test_a_column_of_terms_is_a_list_of_terms_and_a_table_is_not(lesson_objects) -> None:
    import pandas as pd

    from cable_utils.reference.glossary import glossary_table

    assert list(glossary_table(pd.Series(["TAGS", "REF"])).term) == ["TAGS", "REF"]
    with pytest.raises(TypeError, match=r"^glossary_table\(\) needs a term or a list of terms"):
        glossary_table(lesson_objects["posts table"])


def test_years_read_from_a_table_are_years(lesson_objects) -> None:
    import pandas as pd

    from cable_utils.corpus.overview import issue_across_posts

    year = pd.Series([2008, 2010])
    years = (year.min(), year.max())  # numpy integers, as a table gives them
    assert type(years[0]) is not int
    assert not issue_across_posts(lesson_objects["index"], "Kosovo", years=years).empty
