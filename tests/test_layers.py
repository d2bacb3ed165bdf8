"""The layers of cable_utils hold (CONTRIBUTING.md), and the check can see a breach.

``lint-imports`` (import-linter) reads the contracts in ``pyproject.toml``. The
second test copies the package, adds one upward import (parse → views) and
expects the same contracts to fail, so a green run means something.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=package_parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layer_contracts_are_kept():
    result = _lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path):
    shutil.copytree(REPO / "cable_utils", tmp_path / "cable_utils")
    header = tmp_path / "cable_utils" / "parse" / "header.py"
    header.write_text(
        header.read_text(encoding="utf-8") + "\nfrom ..views import render  # noqa\n",
        encoding="utf-8",
    )
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "cable_utils.parse.header -> cable_utils.views.render" in result.stdout
