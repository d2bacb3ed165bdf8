"""Lazy re-export of names from the submodules of a package.

``cable_utils.widgets`` and ``cable_utils.views.plots`` have one submodule per
lesson topic. Their ``__init__`` looks a name up in those submodules on first
use, so a notebook can write ``from cable_utils.widgets import segment_explorer``
while importing the package stays cheap and lessons do not edit a shared file.

``__all__`` and ``dir()`` list every public name of the submodules (each
submodule sets its own ``__all__``), so tab completion and ``help()`` work;
asking for them imports the submodules.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from types import ModuleType
from typing import Any


def _submodule(package: str, submodule: str) -> ModuleType | None:
    try:
        return import_module(f"{package}.{submodule}")
    except ModuleNotFoundError as error:
        if error.name == f"{package}.{submodule}":
            return None  # a lesson module that does not exist (yet)
        raise


def _public_names(package: str, submodules: tuple[str, ...]) -> list[str]:
    names: dict[str, None] = {}
    for submodule in submodules:
        module = _submodule(package, submodule)
        names.update(dict.fromkeys(getattr(module, "__all__", ())))
    return sorted(names)


def make_getattr(package: str, submodules: tuple[str, ...]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that finds public names in ``submodules``."""

    def __getattr__(name: str) -> Any:  # noqa: N807 (module-level __getattr__)
        if name == "__all__":
            return _public_names(package, submodules)
        if name.startswith("__"):
            raise AttributeError(name)
        for submodule in submodules:
            module = _submodule(package, submodule)
            if module is not None and name in getattr(module, "__all__", ()):
                return getattr(module, name)
        raise AttributeError(
            f"module {package!r} has no attribute {name!r}; dir({package.rsplit('.', 1)[-1]}) "
            "lists what it has"
        )

    return __getattr__


def make_dir(package: str, submodules: tuple[str, ...]) -> Callable[[], list[str]]:
    """A module ``__dir__`` that lists the public names of ``submodules``."""

    def __dir__() -> list[str]:  # noqa: N807 (module-level __dir__)
        return _public_names(package, submodules)

    return __dir__
