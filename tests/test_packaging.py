"""pyproject.toml, the two locks, environment.yml and the Makefile tell one story.

`make lock` compiles requirements/runtime.txt (what `make lab` installs) and
requirements/test.txt (runtime + the `test` extra, what `make test` adds) from
pyproject.toml, with hashes. These tests fail when a lock is out of date with
pyproject (a requirement missing or unsatisfied, a pin nothing requires), when the
runtime stack differs between the locks or from environment.yml, when code imports
a package that is not installed by its lock, or when the Makefile stops installing
the right lock, with hashes, or stops explaining a wrong Python in one line.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO_ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME_LOCK = REPO_ROOT / "requirements" / "runtime.txt"
TEST_LOCK = REPO_ROOT / "requirements" / "test.txt"
LOCKS = (RUNTIME_LOCK, TEST_LOCK)
ENV_PATH = REPO_ROOT / "environment.yml"
RUN_MAKE_LOCK = "run `make lock` (see CONTRIBUTING.md) and commit both locks"

# Versions that must move together (front-end extensions are built against each other).
STACK = (
    "jupyterlab", "ipywidgets", "jupyterlab-widgets", "widgetsnbextension",
    "plotly", "pandas", "numpy", "ipykernel",
)  # fmt: skip
# What no student needs: these must stay out of the runtime lock.
TEST_ONLY_TOOLS = ("pytest", "playwright", "hypothesis", "ruff")
CONDA_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s=]+)$")
HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})")


# ---------------------------------------------------------------- reading the inputs


@dataclass(frozen=True)
class Pin:
    """One entry of a lock: `name==version [; marker]` and its hashes."""

    name: str
    version: Version
    marker: str
    hashes: frozenset[str]

    def applies_here(self) -> bool:
        return not self.marker or Marker(self.marker).evaluate()


def lock_entries(text: str) -> Iterator[str]:
    """Logical lines of a requirements file: continuations joined, comments dropped."""
    entry = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not entry and (not line or line.startswith("#")):
            continue
        entry += " " + line.removesuffix("\\")
        if not line.endswith("\\"):
            yield entry.strip()
            entry = ""
    if entry:
        yield entry.strip()


def parse_lock(text: str, label: str) -> list[Pin]:
    pins = []
    for entry in lock_entries(text):
        assert not entry.startswith("-"), f"{label}: option or editable line {entry!r}"
        requirement = Requirement(entry.split(" --hash=")[0])
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", (
            f"{label}: {requirement} is not an exact 'name==version' pin"
        )
        pins.append(
            Pin(
                name=canonicalize_name(requirement.name),
                version=Version(specifiers[0].version),
                marker=str(requirement.marker or ""),
                hashes=frozenset(HASH.findall(entry)),
            )
        )
    return pins


def read_lock(path: Path) -> list[Pin]:
    assert path.is_file(), f"{path.relative_to(REPO_ROOT)} is missing: {RUN_MAKE_LOCK}"
    return parse_lock(path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT)))


def versions_here(pins: Iterable[Pin]) -> dict[str, Version]:
    """The version of each package that pip installs on this machine."""
    return {pin.name: pin.version for pin in pins if pin.applies_here()}


def runtime_requirements() -> list[Requirement]:
    return [Requirement(spec) for spec in PYPROJECT["project"]["dependencies"]]


def extra_test_requirements() -> list[Requirement]:
    return [Requirement(spec) for spec in PYPROJECT["project"]["optional-dependencies"]["test"]]


def build_requirements() -> list[Requirement]:
    return [Requirement(spec) for spec in PYPROJECT["build-system"]["requires"]]


def lock_roots(path: Path) -> list[Requirement]:
    """What a lock is compiled from (the Makefile's `lock` recipe): pyproject's lists."""
    roots = runtime_requirements() + build_requirements()
    return roots + extra_test_requirements() if path == TEST_LOCK else roots


def environment() -> dict:
    return yaml.safe_load(ENV_PATH.read_text(encoding="utf-8"))


def conda_pins() -> dict[str, Version]:
    pins = {}
    for entry in environment()["dependencies"]:
        if isinstance(entry, str) and (match := CONDA_PIN.match(entry.strip())):
            pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


# ---------------------------------------------------------------- staleness


def _marker_allows(marker: Marker | None, extras: frozenset[str]) -> bool:
    """Follow every platform's requirements (the locks are universal), but a requirement
    behind an extra only when that extra was asked for."""
    if marker is None or "extra" not in str(marker):
        return True
    return any(marker.evaluate({"extra": extra}) for extra in extras)


def reachable_names(roots: Iterable[Requirement]) -> set[str]:
    """Names reachable from `roots` through the installed packages' own metadata.

    A package for another platform (appnope on macOS, pywinpty on Windows) is not
    installed here; it is reached through its installed parent's requirement list.
    """
    seen: set[tuple[str, frozenset[str]]] = set()
    queue = [(canonicalize_name(r.name), frozenset(r.extras)) for r in roots]
    while queue:
        name, extras = queue.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue
        for spec in requires:
            requirement = Requirement(spec)
            if _marker_allows(requirement.marker, extras):
                queue.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return {name for name, _ in seen}


def lock_problems(pins: list[Pin], roots: list[Requirement], label: str) -> list[str]:
    """Why `pins` is not the lock `roots` compile to (empty when it is)."""
    problems = []
    here = versions_here(pins)
    for requirement in roots:
        name = canonicalize_name(requirement.name)
        if name not in here:
            problems.append(f"pyproject.toml requires {requirement} but {label} has no {name}")
        elif not requirement.specifier.contains(here[name], prereleases=True):
            problems.append(
                f"{label} pins {name}=={here[name]}, outside pyproject.toml's {requirement}"
            )
    reachable = reachable_names(roots)
    for pin in pins:
        if pin.name not in reachable:
            problems.append(
                f"{label} pins {pin.name}=={pin.version}, which nothing in pyproject.toml requires"
            )
    return problems


@pytest.mark.parametrize("path", LOCKS, ids=lambda p: p.name)
def test_lock_is_up_to_date_with_pyproject(path: Path) -> None:
    label = str(path.relative_to(REPO_ROOT))
    problems = lock_problems(read_lock(path), lock_roots(path), label)
    assert not problems, f"{label} is out of date with pyproject.toml; {RUN_MAKE_LOCK}:\n  " + (
        "\n  ".join(problems)
    )


def test_staleness_check_catches_a_stray_pin_and_a_new_requirement() -> None:
    """The check above can fail: a hand-added pin and an unlocked dependency are caught."""
    pins = read_lock(RUNTIME_LOCK)
    stray = Pin("networkx", Version("3.6.1"), "", frozenset({"0" * 64}))
    problems = lock_problems([*pins, stray], lock_roots(RUNTIME_LOCK), "runtime.txt")
    assert problems == [
        "runtime.txt pins networkx==3.6.1, which nothing in pyproject.toml requires"
    ]
    added = [*lock_roots(RUNTIME_LOCK), Requirement("rich>=13")]
    assert lock_problems(pins, added, "runtime.txt") == [
        "pyproject.toml requires rich>=13 but runtime.txt has no rich"
    ]
    narrowed = [*lock_roots(RUNTIME_LOCK), Requirement("jupyterlab<4")]
    assert any(
        "outside pyproject.toml's jupyterlab<4" in p for p in lock_problems(pins, narrowed, "x")
    )


@pytest.mark.parametrize("path", LOCKS, ids=lambda p: p.name)
def test_lock_is_exact_hashed_and_excludes_the_project(path: Path) -> None:
    pins = read_lock(path)
    assert len(pins) > 20, f"{path.name} should pin the whole stack, not a handful of packages"
    assert canonicalize_name(PYPROJECT["project"]["name"]) not in {pin.name for pin in pins}
    for pin in pins:
        assert pin.hashes, (
            f"{path.name}: {pin.name} has no --hash (pip --require-hashes refuses it)"
        )
    for name in {pin.name for pin in pins}:
        same = [pin for pin in pins if pin.name == name]
        if len(same) > 1:  # a fork by platform or Python: only one may apply anywhere
            assert all(pin.marker for pin in same), f"{path.name} pins {name} twice"
            assert sum(pin.applies_here() for pin in same) <= 1, f"{path.name}: two {name} here"
    assert "generated by `make lock`" in path.read_text(encoding="utf-8").lower()


def test_runtime_lock_is_repeated_exactly_in_the_test_lock() -> None:
    runtime, test = set(read_lock(RUNTIME_LOCK)), set(read_lock(TEST_LOCK))
    differing = sorted(f"{pin.name}=={pin.version}" for pin in runtime - test)
    assert not differing, (
        f"the test lock does not repeat these runtime pins (version, marker or hashes): "
        f"{differing}; {RUN_MAKE_LOCK}"
    )
    assert len(test) > len(runtime), "the test lock adds nothing to the runtime lock"


def test_runtime_lock_carries_no_test_tools() -> None:
    runtime = {pin.name for pin in read_lock(RUNTIME_LOCK)}
    assert not runtime & set(TEST_ONLY_TOOLS), "make lab would install test tools"
    test = {pin.name for pin in read_lock(TEST_LOCK)}
    assert set(TEST_ONLY_TOOLS) <= test


def test_stack_pinned_together() -> None:
    runtime, test = versions_here(read_lock(RUNTIME_LOCK)), versions_here(read_lock(TEST_LOCK))
    conda = conda_pins()
    for name in STACK:
        assert name in runtime, f"{name} missing from requirements/runtime.txt"
        assert test.get(name) == runtime[name], (
            f"{name}: requirements/test.txt {test.get(name)} != runtime.txt {runtime[name]}"
        )
        assert conda.get(name) == runtime[name], (
            f"{name}: environment.yml pins {conda.get(name)}, requirements/runtime.txt "
            f"{runtime[name]}: copy the lock's version into environment.yml"
        )


@pytest.mark.parametrize("requirement", runtime_requirements(), ids=str)
def test_runtime_dependency_pinned_in_conda_too(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    conda = conda_pins()
    assert name in conda, f"{name} has no exact '==' pin in environment.yml"
    assert requirement.specifier.contains(conda[name], prereleases=True)


def test_environment_yml_matches_project() -> None:
    env = environment()
    assert "conda-forge" in env["channels"]
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert python, "environment.yml does not choose a python"
    python_version = Version(python[0].split("=")[-1])
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]).contains(python_version)
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    # the conda route is the students' route: the runtime, like `make lab`
    assert pip_sections and pip_sections[0] == ["-e ."]


def test_installed_versions_are_the_test_lock() -> None:
    """What `make test` installed is what the lock says (a stale venv is caught here)."""
    wrong = []
    for name, version in versions_here(read_lock(TEST_LOCK)).items():
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            wrong.append(f"{name} not installed")
            continue
        if installed != version:
            wrong.append(f"{name} {installed} installed, lock pins {version}")
    assert not wrong, f"the venv differs from requirements/test.txt (run `make test`): {wrong}"


# ---------------------------------------------------------------- imports against locks


def imported_top_level_modules(folder: Path) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules


# Modules of our own that scripts import by path (benchmarks use tests/pathological_inputs).
PROJECT_MODULES = {
    path.stem
    for folder in ("tests", "benchmarks", "tools")
    for path in (REPO_ROOT / folder).rglob("*")
    if path.suffix == ".py" or path.is_dir()
}


def third_party_distributions(folder: Path) -> dict[str, str]:
    """Module → distribution for every import in `folder` that is not stdlib or ours."""
    ours = {"cable_utils"} | PROJECT_MODULES
    providers = metadata.packages_distributions()
    found = {}
    for module in sorted(imported_top_level_modules(folder)):
        if module in sys.stdlib_module_names or module in ours or module == "__future__":
            continue
        distributions = providers.get(module)
        assert distributions, (
            f"{folder.name}/ imports {module!r}, which no installed package provides: add its "
            f"package to pyproject.toml and {RUN_MAKE_LOCK}"
        )
        found[module] = canonicalize_name(distributions[0])
    return found


@pytest.mark.parametrize("folder", ["tests", "benchmarks"])
def test_test_extra_declares_what_tests_and_benchmarks_import(folder: str) -> None:
    declared = {
        canonicalize_name(r.name) for r in runtime_requirements() + extra_test_requirements()
    }
    for module, distribution in third_party_distributions(REPO_ROOT / folder).items():
        assert distribution in declared, (
            f"{folder}/ imports {module!r} (package {distribution}), which pyproject.toml does not "
            f"declare: add it to the `test` extra and {RUN_MAKE_LOCK}"
        )


@pytest.mark.parametrize("folder", ["cable_utils", "tools"])
def test_runtime_lock_provides_what_the_library_and_tools_import(folder: str) -> None:
    """`make lab`, `make html`, `make student` and `make strip` have the runtime lock only."""
    runtime = {pin.name for pin in read_lock(RUNTIME_LOCK)}
    for module, distribution in third_party_distributions(REPO_ROOT / folder).items():
        assert distribution in runtime, (
            f"{folder}/ imports {module!r} (package {distribution}), which requirements/"
            f"runtime.txt does not install: add it to pyproject.toml's dependencies and "
            f"{RUN_MAKE_LOCK}"
        )


# ---------------------------------------------------------------- the Makefile


def make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run make in the repository as a user would, not as a sub-make of `make test`."""
    outer = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=REPO_ROOT, env={**outer, **(env or {})},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def messages(stderr: str) -> list[str]:
    """What make said besides its own closing '*** [...] Error' line."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]


needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def test_makefile_targets() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "test", "lint", "bench", "strip", "lock", "clean", "install"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"Makefile lacks '{target}:'"
    assert re.search(r"^PYTHON \?= python3$", makefile, re.MULTILINE)


@needs_make
def test_make_lab_installs_the_runtime_lock_only_and_test_adds_the_test_lock(tmp_path) -> None:
    venv = f"VENV={tmp_path / 'venv'}"
    lab = make("-n", "lab", venv)
    assert lab.returncode == 0, lab.stderr
    assert re.search(r"pip install .*--require-hashes -r requirements/runtime\.txt", lab.stdout)
    assert "requirements/test.txt" not in lab.stdout
    assert re.search(r"pip install .*--no-deps .*-e \.", lab.stdout)
    test = make("-n", "test", venv)
    assert test.returncode == 0, test.stderr
    assert re.search(r"pip install .*--require-hashes -r requirements/runtime\.txt", test.stdout)
    assert re.search(r"pip install .*--require-hashes -r requirements/test\.txt", test.stdout)
    for target in ("lint", "bench"):
        assert "requirements/test.txt" in make("-n", target, venv).stdout, target


def fake_venv(tmp_path: Path) -> tuple[Path, Path]:
    """A venv whose stamps are fresh and whose `jupyter` only prints its arguments."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    log = tmp_path / "jupyter-args.json"
    jupyter = venv / "bin" / "jupyter"
    jupyter.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"open({str(log)!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    jupyter.chmod(0o755)
    for stamp in (".cable-classroom-runtime", ".cable-classroom-test"):
        (venv / stamp).touch()
    return venv, log


@needs_make
def test_second_run_installs_nothing(tmp_path) -> None:
    venv, _ = fake_venv(tmp_path)
    for target in ("lab", "test"):
        dry = make("-n", target, f"VENV={venv}")
        assert dry.returncode == 0, dry.stderr
        assert "pip install" not in dry.stdout, f"make {target} reinstalls with fresh stamps"


@needs_make
@pytest.mark.parametrize("uid", ["0", "1000"], ids=["root", "user"])
def test_make_lab_adds_allow_root_only_as_root_and_says_why(tmp_path, uid: str) -> None:
    venv, log = fake_venv(tmp_path)
    fake_bin = tmp_path / "fakebin"
    fake_bin.mkdir()
    (fake_bin / "id").write_text(f"#!/bin/sh\necho {uid}\n", encoding="utf-8")
    (fake_bin / "id").chmod(0o755)
    env = {"PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}"}
    result = make("lab", f"VENV={venv}", env=env)
    assert result.returncode == 0, result.stderr
    args = json.loads(log.read_text(encoding="utf-8"))
    assert args[0] == "lab" and args[-1] == "notebooks/00_start_here.ipynb"
    if uid == "0":
        assert "--allow-root" in args
        assert "running as root" in result.stdout and "--allow-root" in result.stdout
    else:
        assert "--allow-root" not in args
        assert "running as root" not in result.stdout


# Stand-ins for the two bad interpreters a workshop laptop may have (`-c CODE` is "$2").
PYTHON_3_10 = 'case "$1" in -V) echo "Python 3.10.14";; *) exit 1;; esac\n'
PYTHON_WITHOUT_VENV = 'case "$2" in *ensurepip*) exit 1;; esac\nexec "{real}" "$@"\n'


def fake_python(folder: Path, name: str, body: str) -> str:
    script = folder / name
    script.write_text("#!/bin/sh\n" + body.format(real=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def old_pythons() -> list[str]:
    """Real interpreters older than 3.11 on this machine (pyenv's), if any."""
    found = []
    for python in sorted(Path.home().glob(".pyenv/versions/3.*/bin/python3")):
        version = python.parent.parent.name.split(".")
        if version[1].isdigit() and int(version[1]) < 11:
            found.append(str(python))
    return found


def bad_python(tmp_path: Path, case: str) -> tuple[str, str]:
    """(PYTHON=…, what make's one line must say)."""
    if case == "missing":
        return str(tmp_path / "no-such-python"), "not found"
    if case == "3.10 (simulated)":
        return fake_python(tmp_path, "python3.10", PYTHON_3_10), "needs Python 3.11 or newer"
    return fake_python(tmp_path, "python3-no-venv", PYTHON_WITHOUT_VENV), "python3-venv"


@needs_make
@pytest.mark.parametrize("case", ["missing", "3.10 (simulated)", "no ensurepip"])
def test_wrong_python_gets_one_line_from_make(tmp_path, case: str) -> None:
    python, expected = bad_python(tmp_path, case)
    venv = tmp_path / "venv"
    result = make("lab", f"PYTHON={python}", f"VENV={venv}")
    assert result.returncode != 0
    assert not venv.exists(), "a half-made venv would break the next run"
    lines = messages(result.stderr)
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@needs_make
@pytest.mark.parametrize("python", old_pythons() or ["none"])
def test_real_old_python_gets_one_line_from_make(tmp_path, python: str) -> None:
    if python == "none":
        pytest.skip("no Python older than 3.11 on this machine (the simulated case still runs)")
    result = make("lab", f"PYTHON={python}", f"VENV={tmp_path / 'venv'}")
    lines = messages(result.stderr)
    assert result.returncode != 0 and len(lines) == 1, result.stderr
    assert "needs Python 3.11 or newer" in lines[0] and "Python 3." in lines[0]


# ---------------------------------------------------------------- entry points


def test_project_metadata() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == "cable-classroom"
    assert project["scripts"]["cable-utils"] == "cable_utils.cli:main"
    assert SpecifierSet(project["requires-python"]) == SpecifierSet(">=3.11")
    assert "assets/*" in PYPROJECT["tool"]["setuptools"]["package-data"]["cable_utils"]
    runtime = {canonicalize_name(r.name) for r in runtime_requirements()}
    assert runtime == {"jupyterlab", "ipywidgets", "pandas", "plotly"}


def test_ci_runs_make_test_and_lint() -> None:
    script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in script.splitlines()]
    assert "set -euo pipefail" in commands
    assert any(re.search(r"(^|\s)make test(\s|$)", c) for c in commands), ".ci/run lacks make test"
    assert any(re.search(r"(^|\s)make lint(\s|$)", c) for c in commands), ".ci/run lacks make lint"


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
