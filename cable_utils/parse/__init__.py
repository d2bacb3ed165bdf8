"""The telegram format: the only code that knows how a cable is laid out.

:func:`parse_text` turns the text of one cable into a :class:`~cable_utils.model.Cable`;
:func:`load_cable` first resolves an ID, a path, bytes or pasted text to that
text (:func:`cable_utils.source.loading.read_source`).
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from ..model import Cable
from ..source.loading import read_source
from .fragments import read_fields
from .parser import parse_row, parse_text

__all__ = ["as_cable", "load_cable", "parse_row", "parse_text", "read_fields", "takes_cable"]

Params = ParamSpec("Params")
Result = TypeVar("Result")


def load_cable(source: str | os.PathLike[str] | bytes, *, strict: bool = False) -> Cable:
    """Load a cable from an ID in ``data/cables`` (``"08BAKU151"``), a path, bytes or text.

    >>> load_cable("08BAKU151").subject
    "AZERBAIJANI REACTION TO KOSOVO'S INDEPENDENCE"
    """
    found = read_source(source)
    return parse_text(
        found.text, source=found.source, cable_id=found.cable_id, notes=found.notes, strict=strict
    )


def as_cable(value: object, *, needed_by: str = "this function") -> Cable:
    """``value`` as a :class:`Cable`: a Cable as it is, an ID, path, bytes or text loaded.

    A learner who types ``header_decoder("08BAKU151")`` gets the cable read for
    them; anything else is refused with a message that says what to pass.

    >>> as_cable("08BAKU151").id
    '08BAKU151'
    >>> as_cable(151, needed_by="header_decoder")
    Traceback (most recent call last):
    ...
    TypeError: header_decoder() needs a cable, not int 151: pass a Cable (cable = load_cable("08BAKU151")) or a cable ID such as "08BAKU151"
    """
    if isinstance(value, Cable):
        return value
    if isinstance(value, (str, bytes, os.PathLike)):
        return load_cable(value)
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    raise TypeError(
        f"{needed_by}() needs a cable, not {type(value).__name__} {shown}: pass a Cable "
        '(cable = load_cable("08BAKU151")) or a cable ID such as "08BAKU151"'
    )


def takes_cable(function: Callable[Params, Result]) -> Callable[Params, Result]:
    """Let ``function(cable, ...)`` be called with an ID, path or text in place of the Cable.

    The first parameter must be named ``cable``; it may be passed by position
    or by name. Everything else reaches ``function`` unchanged.
    """
    parameters = list(inspect.signature(function).parameters)
    if not parameters or parameters[0] != "cable":
        raise TypeError(f"@takes_cable needs {function.__name__}'s first parameter to be 'cable'")
    name = function.__name__

    @functools.wraps(function)
    def with_cable(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        if args:
            args = (as_cable(args[0], needed_by=name), *args[1:])  # type: ignore[assignment]
        elif "cable" in kwargs:
            kwargs["cable"] = as_cable(kwargs["cable"], needed_by=name)
        return function(*args, **kwargs)

    return with_cable
