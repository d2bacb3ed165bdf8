"""Lazy re-export of names from the submodules of a package.

``cable_utils.widgets`` and ``cable_utils.views.plots`` have one submodule per
lesson topic. Their ``__init__`` lists which submodule holds each public name
(``EXPORTS``) and imports that one submodule on first use, so a notebook can
write ``from cable_utils.widgets import solution`` without importing every other
lesson's widgets (looking the name up submodule by submodule imported them all:
about 35 ms of a lesson's first cell for ``solution`` alone, measured in
benchmarks/README.md). ``tests/test_lazy_exports.py`` checks that each table
equals its submodules' own ``__all__``, so a new public name cannot be missed.

``__all__`` and ``dir()`` list every exported name without importing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

#: submodule → the public names it defines (its ``__all__``).
Exports = Mapping[str, tuple[str, ...]]


def _index(exports: Exports) -> dict[str, str]:
    """name → submodule; a name listed under two submodules is a mistake."""
    index: dict[str, str] = {}
    for submodule, names in exports.items():
        for name in names:
            if name in index:
                raise ValueError(f"{name!r} is exported by both {index[name]} and {submodule}")
            index[name] = submodule
    return index


def make_getattr(package: str, exports: Exports) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports the one submodule holding a public name."""
    index = _index(exports)

    def __getattr__(name: str) -> Any:  # noqa: N807 (module-level __getattr__)
        if name == "__all__":
            return sorted(index)
        submodule = index.get(name)
        if submodule is None:
            raise AttributeError(
                f"module {package!r} has no attribute {name!r}; "
                f"dir({package.rsplit('.', 1)[-1]}) lists what it has"
            )
        return getattr(import_module(f"{package}.{submodule}"), name)

    return __getattr__


def make_dir(exports: Exports) -> Callable[[], list[str]]:
    """A module ``__dir__`` that lists the exported names (importing nothing)."""
    names = sorted(_index(exports))

    def __dir__() -> list[str]:  # noqa: N807 (module-level __dir__)
        return list(names)

    return __dir__
