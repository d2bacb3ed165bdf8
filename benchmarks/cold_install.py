"""Time a cold `make lab` on a fresh clone: from the command to JupyterLab serving.

What a student does on a new laptop: clone, `make lab`. For each git revision asked
for, and for each repeat, this script

1. clones the repository into a new temporary folder (`git clone REPO`, then the
   revision checked out), so no `.venv`, stamp or build output is reused;
2. runs `make lab` there with an empty pip cache (a new `PIP_CACHE_DIR`, so every
   wheel is downloaded: a cold cache) or, with `--cache warm`, a cache that an
   untimed first run filled;
3. polls `/api/status` of the server every 0.25 s until it answers 200, and reports
   the seconds until then ("to serving"), and until `make` started
   `jupyter lab` (the install alone);
4. adds up the CPU seconds of `make` and everything it ran (pip, the server: less
   sensitive than wall time to a loaded machine), measures the size of `.venv`
   (disk blocks, as `du` counts them), counts the packages in it and adds up what
   pip says it downloaded (the same for every run, whatever the load), then stops
   the server and removes the clone.

Revisions are interleaved (before, after, before, after …) so that a change in the
machine's load falls on both; the load average is recorded before each run. The
index is PyPI only by default (`--index pypi`: the machine's pip configuration, such
as local wheel folders, is ignored, as on a student's laptop); `--index machine`
keeps it.

It takes minutes (about a minute a run), so it is not part of `make bench`:

    python benchmarks/cold_install.py --rev 08d8eb7 --rev main --repeat 3
    make bench-install BENCH_INSTALL_ARGS="--rev 08d8eb7 --rev main --repeat 3"

Prints Markdown; `--json PATH` also writes every run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_DEFAULT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 900
POLL_S = 0.25


@dataclass
class Run:
    rev: str
    commit: str
    repeat: int
    cache: str
    index: str
    load_before: float
    install_s: float
    serving_s: float
    cpu_s: float
    venv_mib: float
    download_mib: float
    packages: int
    ok: bool
    note: str = ""


def cpu_seconds_of_children() -> float:
    """User + system CPU of finished children (make, pip, the server), less sensitive
    than wall time to what the other developers run on the machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


DOWNLOADING = re.compile(r"^\s*Downloading \S+ \(([\d.]+) (kB|MB|GB)\)", re.MULTILINE)
UNIT = {"kB": 1e3, "MB": 1e6, "GB": 1e9}


def downloaded_mib(pip_log: str) -> float:
    """What pip says it downloaded ("Downloading x.whl (12.3 MB)"), in MiB."""
    return sum(float(n) * UNIT[unit] for n, unit in DOWNLOADING.findall(pip_log)) / 2**20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def disk_usage_mib(folder: Path) -> float:
    """Blocks on disk, each inode once (what `du -s` reports), in MiB."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            info = os.lstat(os.path.join(root, name))
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_blocks * 512
    return total / 2**20


def count_packages(venv: Path) -> int:
    return sum(1 for _ in venv.glob("lib/python*/site-packages/*.dist-info"))


def clone(repo: Path, rev: str, into: Path) -> str:
    subprocess.run(["git", "clone", "--quiet", str(repo), str(into)], check=True)
    for candidate in (rev, f"origin/{rev}"):
        done = subprocess.run(
            ["git", "-C", str(into), "checkout", "--quiet", "--detach", candidate],
            capture_output=True,
        )  # fmt: skip
        if done.returncode == 0:
            break
    else:
        raise SystemExit(f"cold_install: no revision {rev!r} in {repo}")
    return subprocess.run(
        ["git", "-C", str(into), "rev-parse", "--short", "HEAD"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def lab_environment(scratch: Path, port: int, token: str, cache: Path, index: str) -> dict:
    """The student's `make lab`, made observable: a known port and token, no browser,
    and a Jupyter config of its own (allowing root for revisions that predate the
    Makefile's own --allow-root)."""
    config = scratch / "jupyter-config"
    config.mkdir()
    if os.geteuid() == 0:
        (config / "jupyter_server_config.json").write_text(
            json.dumps({"ServerApp": {"allow_root": True}}), encoding="utf-8"
        )
    env = {
        **os.environ,
        "PIP_CACHE_DIR": str(cache),
        "JUPYTER_PORT": str(port),
        "JUPYTER_TOKEN": token,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(scratch / "jupyter-runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
        "BROWSER": "true",  # the server "opens" a browser that does nothing
        "PYTHONUNBUFFERED": "1",
    }
    if index == "pypi":
        env["PIP_CONFIG_FILE"] = os.devnull
        for name in ("PIP_FIND_LINKS", "PIP_EXTRA_INDEX_URL", "PIP_INDEX_URL", "PIP_CONSTRAINT"):
            env.pop(name, None)
    return env


def wait_for_status(port: int, token: str, process: subprocess.Popen, deadline: float) -> bool:
    url = f"http://127.0.0.1:{port}/api/status?token={token}"
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(POLL_S)
    return False


def stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        if process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            continue


def one_run(repo: Path, rev: str, repeat: int, cache_mode: str, index: str, cache: Path) -> Run:
    scratch = Path(tempfile.mkdtemp(prefix="cold-install-"))
    try:
        commit = clone(repo, rev, scratch / "clone")
        port, token = free_port(), secrets.token_hex(12)
        run_cache = cache if cache_mode == "warm" else scratch / "pip-cache"
        env = lab_environment(scratch, port, token, run_cache, index)
        load = os.getloadavg()[0]
        cpu_before = cpu_seconds_of_children()
        log = (scratch / "make-lab.log").open("w", encoding="utf-8")
        started = time.monotonic()
        process = subprocess.Popen(
            ["make", "lab"], cwd=scratch / "clone", env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )  # fmt: skip
        install_done: list[float] = []

        def read_output() -> None:
            for line in process.stdout:  # type: ignore[union-attr]
                log.write(line)
                if not install_done and "bin/jupyter lab" in line:
                    install_done.append(time.monotonic() - started)

        reader = threading.Thread(target=read_output, daemon=True)
        reader.start()
        ok = wait_for_status(port, token, process, started + TIMEOUT_S)
        serving = time.monotonic() - started
        stop(process)
        cpu = cpu_seconds_of_children() - cpu_before
        reader.join(5)
        log.close()
        venv = scratch / "clone" / ".venv"
        downloaded = downloaded_mib((scratch / "make-lab.log").read_text(encoding="utf-8"))
        note = "" if ok else (scratch / "make-lab.log").read_text(encoding="utf-8")[-800:]
        return Run(
            rev=rev, commit=commit, repeat=repeat, cache=cache_mode, index=index,
            load_before=round(load, 2),
            install_s=round(install_done[0], 1) if install_done else float("nan"),
            serving_s=round(serving, 1), cpu_s=round(cpu, 1), venv_mib=round(disk_usage_mib(venv), 1),
            download_mib=round(downloaded, 1),
            packages=count_packages(venv), ok=ok, note=note,
        )  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def markdown(runs: list[Run]) -> str:
    lines = [
        "| rev (commit) | run | cache | index | load before | install s | to serving s "
        "| CPU s | .venv MiB | downloaded MiB | packages |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r.rev} ({r.commit}) | {r.repeat} | {r.cache} | {r.index} | {r.load_before} "
            f"| {r.install_s} | {r.serving_s}{'' if r.ok else ' FAILED'} | {r.cpu_s} | {r.venv_mib} "
            f"| {r.download_mib} | {r.packages} |"
        )
    lines += [
        "",
        "| rev | runs ok | median install s | median to serving s | median CPU s | .venv MiB "
        "| downloaded MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for rev in dict.fromkeys(r.rev for r in runs):
        ok = [r for r in runs if r.rev == rev and r.ok]
        if not ok:
            lines.append(f"| {rev} | 0 | – | – | – | – | – |")
            continue
        lines.append(
            f"| {rev} | {len(ok)} | {statistics.median(r.install_s for r in ok):.1f} "
            f"| {statistics.median(r.serving_s for r in ok):.1f} "
            f"| {statistics.median(r.cpu_s for r in ok):.1f} "
            f"| {statistics.median(r.venv_mib for r in ok):.0f} "
            f"| {statistics.median(r.download_mib for r in ok):.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO_DEFAULT, help="repository to clone")
    parser.add_argument("--rev", action="append", help="revision to time (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", choices=("cold", "warm"), default="cold")
    parser.add_argument("--index", choices=("pypi", "machine"), default="pypi")
    parser.add_argument("--json", type=Path, help="also write every run here")
    args = parser.parse_args(argv)
    revs = args.rev or ["HEAD"]
    shared_cache = Path(tempfile.mkdtemp(prefix="cold-install-cache-"))
    runs: list[Run] = []
    try:
        if args.cache == "warm":  # fill the cache once, untimed
            for rev in revs:
                one_run(args.repo, rev, 0, "warm", args.index, shared_cache)
        for repeat in range(1, args.repeat + 1):
            for rev in revs:
                run = one_run(args.repo, rev, repeat, args.cache, args.index, shared_cache)
                runs.append(run)
                print(f"# {rev} run {repeat}: {run.serving_s} s, {run.venv_mib} MiB, "
                      f"load {run.load_before}{'' if run.ok else ' FAILED'}",
                      file=sys.stderr, flush=True)  # fmt: skip
    finally:
        shutil.rmtree(shared_cache, ignore_errors=True)
    print(f"load average after (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(markdown(runs))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in runs], indent=1), encoding="utf-8")
    return 0 if all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
