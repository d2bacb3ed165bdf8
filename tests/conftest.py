"""Settings for every test: no test reads or writes a developer's real ``my_work/``.

The student-work folder (saved work, added cables, the chosen cable) decides what
a lesson reads, so a choice made while trying the lessons must not change what
the tests see. Unless ``CABLE_CLASSROOM_WORK`` is already set, the whole run uses
an empty temporary folder; tests that need their own still set it themselves.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_CREATED: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("CABLE_CLASSROOM_WORK", "").strip():
        folder = tempfile.mkdtemp(prefix="cable-classroom-work-")
        _CREATED.append(folder)
        os.environ["CABLE_CLASSROOM_WORK"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CREATED:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get("CABLE_CLASSROOM_WORK") == folder:
            del os.environ["CABLE_CLASSROOM_WORK"]


@pytest.fixture(scope="session")
def index(tmp_path_factory: pytest.TempPathFactory):
    """The search index of the collection's default sources, built once for the session
    (the finder, corpus-overview and figure tests read it; none writes to it)."""
    from cable_utils.corpus.index import build_index, default_sources, open_index

    path = tmp_path_factory.mktemp("index") / "corpus.sqlite"
    build_index(default_sources(), path)
    with open_index(path) as opened:
        yield opened
