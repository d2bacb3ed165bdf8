"""The lazy packages' export tables (cable_utils/_lazy.py): complete, and really lazy."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module

import pytest

from cable_utils import plots, widgets
from cable_utils.analysis import actors
from cable_utils.views import plots as views_plots

PACKAGES = [widgets, views_plots, actors]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_each_table_equals_its_submodules_all(package):
    for submodule, names in package.EXPORTS.items():
        module = import_module(f"{package.__name__}.{submodule}")
        assert sorted(names) == sorted(module.__all__), (
            f"{package.__name__}.EXPORTS[{submodule!r}] differs from {module.__name__}.__all__: "
            "add or remove the names in the package's __init__.py"
        )


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_name_resolves_to_its_submodule(package):
    for submodule, names in package.EXPORTS.items():
        module = import_module(f"{package.__name__}.{submodule}")
        for name in names:
            assert getattr(package, name) is getattr(module, name)
    assert (
        sorted(dir(package))
        == package.__all__
        == sorted(n for names in package.EXPORTS.values() for n in names)
    )


def test_unknown_names_say_where_to_look():
    with pytest.raises(AttributeError, match=r"dir\(widgets\) lists what it has"):
        widgets.no_such_widget  # noqa: B018
    with pytest.raises(AttributeError, match="no attribute"):
        plots.no_such_figure  # noqa: B018


def modules_loaded_by(imports: str) -> set[str]:
    """The cable_utils modules a fresh interpreter has loaded after running ``imports``."""
    code = f"import sys\n{imports}\nprint(' '.join(m for m in sys.modules if m.startswith('cable_utils.')))\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return set(result.stdout.split())


def test_a_name_imports_only_its_own_submodule():
    # In a fresh interpreter: asking for one name must not import the other lessons' modules.
    loaded = modules_loaded_by(
        "from cable_utils.widgets import solution\nfrom cable_utils.plots import timeline_figure"
    )
    assert "cable_utils.widgets.checks" in loaded
    assert "cable_utils.views.plots.argument" in loaded
    for other in ("anatomy", "body", "actors", "remix", "finder", "history"):
        assert f"cable_utils.widgets.{other}" not in loaded, loaded
    for other in ("anatomy", "body", "actors", "remix", "corpus", "history"):
        assert f"cable_utils.views.plots.{other}" not in loaded, loaded


def test_the_actor_table_does_not_import_the_draft_rules():
    # lesson 05's tour on a cable with a curated gazetteer needs neither drafts nor scores
    loaded = modules_loaded_by(
        "from cable_utils.analysis.actors import actors_table, load_gazetteer"
    )
    assert "cable_utils.analysis.actors.tables" in loaded
    for other in ("drafts", "evaluation", "lexicon"):
        assert f"cable_utils.analysis.actors.{other}" not in loaded, loaded
