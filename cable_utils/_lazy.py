"""Lazy re-export of names from the submodules of a package.

``cable_utils.widgets`` and ``cable_utils.plots`` have one submodule per lesson
topic. Their ``__init__`` looks a name up in those submodules on first use, so
a notebook can write ``from cable_utils.widgets import segment_explorer`` while
importing the package stays cheap and lessons do not edit a shared file.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any


def make_getattr(package: str, submodules: tuple[str, ...]):
    def __getattr__(name: str) -> Any:  # noqa: N807 (module-level __getattr__)
        if name.startswith("__"):
            raise AttributeError(name)
        for submodule in submodules:
            try:
                module = import_module(f"{package}.{submodule}")
            except ModuleNotFoundError as error:
                if error.name == f"{package}.{submodule}":
                    continue  # a lesson module that does not exist (yet)
                raise
            if name in getattr(module, "__all__", ()):
                return getattr(module, name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
