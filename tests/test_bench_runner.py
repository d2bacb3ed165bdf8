"""``make bench`` runs every benchmark in one go: none may need arguments it cannot give."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _runner():
    spec = importlib.util.spec_from_file_location("run_all", BENCHMARKS / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_benchmark_runs_without_arguments_or_is_listed_as_by_hand() -> None:
    by_hand = _runner().BY_HAND
    needing_arguments = {
        script.name
        for script in BENCHMARKS.glob("bench_*.py")
        if re.search(r"required\s*=\s*True", script.read_text(encoding="utf-8"))
    }
    assert needing_arguments == set(by_hand), (
        "a bench_*.py with a required argument fails `make bench`; give it a default or "
        "list it in run_all.BY_HAND with the reason"
    )


def test_by_hand_scripts_are_reported_not_run(tmp_path: Path, monkeypatch) -> None:
    runner = _runner()
    ran: list[str] = []

    def pretend_to_run(script: Path) -> tuple[int, float, str, str]:
        ran.append(script.name)
        return 0, 0.0, "ok", ""

    monkeypatch.setattr(runner, "run_script", pretend_to_run)
    monkeypatch.setattr(runner, "versions", lambda: [])
    out = tmp_path / "results.md"
    assert runner.main(["--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for name in runner.BY_HAND:
        assert name not in ran
        assert f"| {name} | not run |" in text
    assert ran, "the other benchmarks still run"
