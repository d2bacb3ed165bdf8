"""pyproject.toml, requirements/lock.txt and environment.yml tell one story.

The runtime stack is pinned in two places (the pip lock used by `make lab`/`make
test`, and environment.yml for conda users). These tests fail when the two drift
apart, when a pin falls outside pyproject's ranges, or when the entry points of
the working agreement (README quick start, .ci/run, Makefile) lose a command.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO_ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK_PATH = REPO_ROOT / "requirements" / "lock.txt"
ENV_PATH = REPO_ROOT / "environment.yml"

# Versions that must move together (front-end extensions are built against each other).
STACK = ("jupyterlab", "ipywidgets", "jupyterlab-widgets", "plotly", "pandas", "ipykernel")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")
CONDA_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s=]+)$")


def runtime_requirements() -> list[Requirement]:
    return [Requirement(spec) for spec in PYPROJECT["project"]["dependencies"]]


def extra_test_requirements() -> list[Requirement]:
    return [Requirement(spec) for spec in PYPROJECT["project"]["optional-dependencies"]["test"]]


def lock_pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for number, raw in enumerate(LOCK_PATH.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"lock.txt line {number} is not an exact 'name==version' pin: {raw!r}"
        name = canonicalize_name(match.group(1))
        assert name not in pins, f"lock.txt pins {name} twice"
        pins[name] = Version(match.group(2))
    return pins


def environment() -> dict:
    return yaml.safe_load(ENV_PATH.read_text(encoding="utf-8"))


def conda_pins() -> dict[str, Version]:
    pins = {}
    for entry in environment()["dependencies"]:
        if isinstance(entry, str) and (match := CONDA_PIN.match(entry.strip())):
            pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


def test_lock_is_exact_and_excludes_the_project() -> None:
    pins = lock_pins()
    assert len(pins) > 20, "lock.txt should pin the whole stack, not a handful of packages"
    assert canonicalize_name(PYPROJECT["project"]["name"]) not in pins
    assert "-e" not in LOCK_PATH.read_text(encoding="utf-8").split()


@pytest.mark.parametrize("requirement", runtime_requirements(), ids=str)
def test_runtime_dependency_pinned_consistently(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    lock, conda = lock_pins(), conda_pins()
    assert name in lock, f"{name} missing from requirements/lock.txt"
    assert name in conda, f"{name} has no exact '==' pin in environment.yml"
    assert lock[name] == conda[name], (
        f"{name}: lock.txt pins {lock[name]}, environment.yml pins {conda[name]}"
    )
    assert requirement.specifier.contains(lock[name], prereleases=True), (
        f"{name}=={lock[name]} does not satisfy pyproject's {requirement}"
    )


@pytest.mark.parametrize("requirement", extra_test_requirements(), ids=str)
def test_test_dependency_locked(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    lock = lock_pins()
    assert name in lock, f"test extra {name} missing from requirements/lock.txt"
    assert requirement.specifier.contains(lock[name], prereleases=True), (
        f"{name}=={lock[name]} does not satisfy pyproject's {requirement}"
    )


def test_stack_pinned_together() -> None:
    lock, conda = lock_pins(), conda_pins()
    for name in STACK:
        assert name in lock, f"{name} missing from lock.txt"
        assert conda.get(name) == lock[name], (
            f"{name}: environment.yml {conda.get(name)} != lock.txt {lock[name]}"
        )


def test_environment_yml_matches_project() -> None:
    env = environment()
    assert "conda-forge" in env["channels"]
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert python, "environment.yml does not choose a python"
    python_version = Version(python[0].split("=")[-1])
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(python_version)
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert pip_sections and "-e .[test]" in pip_sections[0]


def test_project_metadata() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == "cable-classroom"
    assert project["scripts"]["cable-utils"] == "cable_utils.cli:main"
    assert "assets/*" in PYPROJECT["tool"]["setuptools"]["package-data"]["cable_utils"]
    runtime = {canonicalize_name(r.name) for r in runtime_requirements()}
    assert runtime == {"jupyterlab", "ipywidgets", "pandas", "plotly"}


def test_ci_runs_make_test_and_lint() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in script.splitlines()]
    assert "set -euo pipefail" in commands
    assert any(re.search(r"(^|\s)make test(\s|$)", c) for c in commands), ".ci/run lacks make test"
    assert any(re.search(r"(^|\s)make lint(\s|$)", c) for c in commands), ".ci/run lacks make lint"


def test_makefile_targets() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "test", "lint", "bench", "strip", "lock", "clean"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"Makefile lacks '{target}:'"
    assert re.search(r"^PYTHON \?= python3$", makefile, re.MULTILINE)


def test_readme_quick_start() -> None:
    readme = REPO_ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    text = readme.read_text(encoding="utf-8")
    heading = re.search(r"^#+ .*quick ?start.*$", text, re.IGNORECASE | re.MULTILINE)
    assert heading, "README.md has no 'Quick start' section"
    block = re.search(r"^(```|~~~)[^\n]*\n(.*?)^\1", text[heading.end() :], re.S | re.M)
    assert block, "README.md quick start has no code block"
    commands = [line.split("#")[0].strip() for line in block.group(2).splitlines()]
    assert "make lab" in commands, "README quick start lacks 'make lab'"
    assert "make test" in commands, "README quick start lacks 'make test'"


def test_offline_map_asset_matches_bundled_plotlyjs() -> None:
    from plotly.offline._plotlyjs_version import __plotlyjs_version__

    assets = REPO_ROOT / "cable_utils" / "assets"
    topology = json.loads((assets / "world_110m.json").read_text(encoding="utf-8"))
    assert topology["type"] == "Topology"
    assert {"countries", "coastlines", "land"} <= topology["objects"].keys()
    assert topology["arcs"], "topology without arcs draws nothing"
    readme = (assets / "README.md").read_text(encoding="utf-8")
    assert f"`plotly.js` **{__plotlyjs_version__}**" in readme, (
        f"plotly bundles plotly.js {__plotlyjs_version__}; regenerate the map with "
        "tools/fetch_geo_assets.py and update cable_utils/assets/README.md"
    )
