"""What a lesson function's first argument must be, checked where the learner calls it.

The lessons pass objects from cell to cell: the cable, the corpus index, the
cable's argument, the tables and lists the library returns. A learner who
passes one where another belongs (``posts_by_year(cable)``, or the stance
table where the argument goes: ``describe_stance_matrix(stance_matrix(argument))``)
should read which object the function needs and how to get it, not an
``AttributeError`` from deep inside pandas or plotly. :func:`takes` checks the
first parameter of a function against a :class:`Needs` and raises a
``TypeError`` that says so.

Classes are named by dotted path and looked up only in ``sys.modules``: if
their module was never imported, no value can be one of them, so checking
never imports anything (the reading layers stay light). Standard library only.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from numbers import Integral
from typing import Any, TypeVar

__all__ = [
    "ARGUMENT",
    "CABLE",
    "CABLE_ID",
    "GAZETTEER",
    "INDEX",
    "MENTIONS",
    "PLACES",
    "THREAD",
    "TIMELINE",
    "YEARS",
    "Needs",
    "instance_of",
    "items_of",
    "path_to",
    "table_from",
    "takes",
    "words",
]

Function = TypeVar("Function", bound=Callable[..., Any])


@dataclass(frozen=True)
class Needs:
    """An argument a function needs: what it is called, how to get one, and the test."""

    what: str  # "the corpus index"
    how: str  # "index = default_index()"
    fits: Callable[[object], bool]
    #: None is the parameter's default (``thread_figure()`` draws the collection's thread).
    none_allowed: bool = False
    #: The classes an instance or item must be of (for the record; ``fits`` tests them).
    classes: tuple[str | type, ...] = ()

    def or_none(self) -> Needs:
        """The same, with None allowed (the parameter's default)."""
        return replace(self, none_allowed=True)


def _class(dotted: str) -> type | None:
    """The class ``module:Name`` if its module is imported, else None (see the module note)."""
    module_name, _, name = dotted.partition(":")
    module = sys.modules.get(module_name)
    found = getattr(module, name, None) if module is not None else None
    return found if isinstance(found, type) else None


def _is_instance(value: object, classes: tuple[str | type, ...]) -> bool:
    for wanted in classes:
        cls = _class(wanted) if isinstance(wanted, str) else wanted
        if cls is not None and isinstance(value, cls):
            return True
    return False


def instance_of(*classes: str | type, what: str, how: str, none_allowed: bool = False) -> Needs:
    """An object of one of ``classes`` (a class, or ``"module:Name"``)."""
    return Needs(what, how, lambda value: _is_instance(value, classes), none_allowed, classes)


def items_of(*classes: str | type, what: str, how: str, none_allowed: bool = False) -> Needs:
    """A list or tuple whose items are all of ``classes`` (an empty one fits).

    Another iterator (a generator) passes unchecked: reading it would use it up.
    """

    def fits(value: object) -> bool:
        if isinstance(value, Iterator):
            return True
        return isinstance(value, list | tuple) and all(_is_instance(i, classes) for i in value)

    return Needs(what, how, fits, none_allowed, classes)


def table_from(maker: str, columns: Iterable[str], *, name: str = "table") -> Needs:
    """The table ``maker`` returns: a DataFrame holding at least ``columns``.

    Checked by its columns, so the learner's own selection of rows still fits.
    """
    needed = frozenset(columns)

    def fits(value: object) -> bool:
        held = getattr(value, "columns", None)
        return held is not None and needed <= {str(column) for column in held}

    return Needs(f"the table {maker} returns", f"{name} = {maker}", fits)


def words(what: str, how: str) -> Needs:
    """One string, or a collection of strings (``"TAGS"``, ``["TAGS", "REF"]``, a column
    of a table); not a table itself, whose iteration gives its column names.

    An iterator (a generator) passes unchecked: reading it would use it up.
    """

    def fits(value: object) -> bool:
        if isinstance(value, str | Iterator):
            return True
        if hasattr(value, "columns") or not isinstance(value, Iterable):
            return False
        return all(isinstance(item, str) for item in value)

    return Needs(what, how, fits)


def path_to(what: str, how: str) -> Needs:
    """A file's or folder's path (``str`` or ``pathlib.Path``)."""
    return Needs(what, how, lambda value: isinstance(value, str | os.PathLike))


# -- the objects the lessons pass from cell to cell ------------------------------

INDEX = instance_of(
    "cable_utils.corpus.index.reader:CorpusIndex",
    what="the corpus index",
    how="index = default_index()",
)
ARGUMENT = instance_of(
    "cable_utils.analysis.argument:ArgumentData",
    what="the cable's argument (its claims, evidence and stances)",
    how="argument = load_argument(cable)",
)
TIMELINE = items_of(
    "cable_utils.analysis.argument:TimelineEvent",
    what="a list of timeline events",
    how="events = load_timeline()",
)
THREAD = items_of(
    "cable_utils.corpus.thread:ThreadCable",
    what="the cables of a REF thread",
    how="thread = reference_thread(index, cable.id)",
)
PLACES = items_of(
    "cable_utils.reference.history:ContextPlace",
    what="the places of the context map",
    how="places = load_context_places()",
)
CABLE_ID = instance_of(str, what="a cable ID", how="cable_id = cable.id")
CABLE = instance_of("cable_utils.model:Cable", what="a cable", how="cable = lesson_cable()")
GAZETTEER = instance_of(
    "cable_utils.analysis.actors.gazetteer:Gazetteer",
    what="the cable's gazetteer (its actors)",
    how="gazetteer = load_gazetteer(cable)",
)
MENTIONS = items_of(
    "cable_utils.analysis.actors.mentions:Mention",
    what="the mentions of the actors",
    how="mentions = find_mentions(cable, gazetteer)",
)
YEARS = Needs(
    "a pair of years (the first and the last)",
    "years=(2008, 2010)",
    lambda value: (
        isinstance(value, list | tuple)
        and len(value) == 2
        # (Integral: a year read from a table is a numpy integer)
        and all(isinstance(year, Integral) and not isinstance(year, bool) for year in value)
    ),
)


def shown(value: object) -> str:
    """A short description of ``value`` for a message: ``Cable 08BAKU151``, ``str 'Kosovo'``."""
    kind = type(value).__name__
    if value is None:
        return "None"
    columns = getattr(value, "columns", None)
    if columns is not None and hasattr(value, "shape"):
        names = [str(column) for column in list(columns)[:4]]
        more = ", …" if len(columns) > 4 else ""
        return f"a {kind} with columns {', '.join(names)}{more}" if names else f"an empty {kind}"
    label = getattr(value, "id", None) or getattr(value, "cable_id", None)
    if isinstance(label, str):
        return f"{kind} {label}"
    text = repr(value)
    return f"{kind} {text if len(text) <= 40 else text[:37] + '...'}"


def refusal(function: str, needs: Needs, value: object) -> TypeError:
    """The error for ``function(value)`` when ``value`` is not what ``needs`` says."""
    return TypeError(
        f"{function}() needs {needs.what}, not {shown(value)}; get it with {needs.how}"
    )


def takes(needs: Needs | None = None, /, **by_name: Needs) -> Callable[[Function], Function]:
    """Check the first parameter of the decorated function against ``needs``, and the
    parameters named in ``by_name`` against theirs (``@takes(INDEX, focus=CABLE_ID)``).

    Each may be passed by position or by name; a call without one is left to
    Python (which names a missing argument itself, or uses the default).

    >>> @takes(instance_of(str, what="a word", how='word = "hello"'))
    ... def shout(word):
    ...     return word.upper()
    >>> shout(3)
    Traceback (most recent call last):
    ...
    TypeError: shout() needs a word, not int 3; get it with word = "hello"
    """

    def decorate(function: Function) -> Function:
        parameters = list(inspect.signature(function).parameters.values())
        wanted = dict(by_name)
        if needs is not None:
            wanted = {parameters[0].name: needs, **wanted}
        checks = [_check_of(parameters, parameter, need) for parameter, need in wanted.items()]
        name = function.__name__

        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            for position, parameter, need in checks:
                if position is not None and position < len(args):
                    value = args[position]
                elif parameter in kwargs:
                    value = kwargs[parameter]
                else:
                    continue
                if not (value is None and need.none_allowed) and not need.fits(value):
                    raise refusal(name, need, value)
            return function(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate


def _check_of(
    parameters: list[inspect.Parameter], name: str, need: Needs
) -> tuple[int | None, str, Needs]:
    """(position, name, need) of a checked parameter; a keyword-only one has no position."""
    for position, parameter in enumerate(parameters):
        if parameter.name == name:
            positional = parameter.kind in (
                parameter.POSITIONAL_ONLY,
                parameter.POSITIONAL_OR_KEYWORD,
            )
            return (position if positional else None), name, need
    raise TypeError(f"@takes names {name!r}, which is no parameter")
