"""Browser test harness: JupyterLab driven by headless Debian Chromium (Playwright).

Fixtures (see tests/browser/README.md):
    chromium_path  session  path of /usr/bin/chromium; skip if missing, FAIL when CI=true
    lab_server     session  a JupyterLab server on 127.0.0.1 over a temp copy of the repo
    browser        session  a Playwright Browser (Debian Chromium, offline flags)
    lab_page       function a LabPage in a fresh browser context with the offline guard

Every test under tests/browser/ is marked ``browser``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 2400}  # tall: the notebook scrolls inside the page
SCREENSHOT_DIR = REPO_ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}
KERNEL_DISPLAY_NAME = "Python 3 (ipykernel)"
# What the served temp root holds: repo folder -> folder name in the root.
SERVED_FOLDERS = {"notebooks": "notebooks", "data": "data", "tests/browser/fixtures": "fixtures"}
# User settings that keep Lab quiet and deterministic in tests.
LAB_SETTINGS = {
    # the news pop-up covers the page and fetches from the internet
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # all cells stay in the DOM, so selectors see cells below the fold
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "viewport(width, height): the browser window of a lab_page test"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    # Lets lab_page take a screenshot when the test body failed.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


# ------------------------------------------------------------------ server


@dataclass
class LabServer:
    """A running JupyterLab. ``root`` is the temp folder it serves."""

    base_url: str
    token: str
    root: Path
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def url(self, path: str, query: str = "") -> str:
        sep = "&" if query else ""
        return f"{self.base_url}/{path.lstrip('/')}?{query}{sep}token={self.token}"

    def api(self, method: str, path: str, timeout: float = 10) -> object:
        request = urllib.request.Request(
            f"{self.base_url}/api/{path.lstrip('/')}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method in ("POST", "PATCH") else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every session and kernel, so tests don't compete for the 2 cores."""
        for session in self.api("GET", "sessions") or []:
            self.api("DELETE", f"sessions/{session['id']}")
        for kernel in self.api("GET", "kernels") or []:
            self.api("DELETE", f"kernels/{kernel['id']}")

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare_root(root: Path) -> None:
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for source, target in SERVED_FOLDERS.items():
        if (REPO_ROOT / source).is_dir():
            shutil.copytree(REPO_ROOT / source, root / target, ignore=ignore)


def _write_settings(settings_dir: Path) -> None:
    for relpath, values in LAB_SETTINGS.items():
        path = settings_dir / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _stop(process: subprocess.Popen, server: LabServer | None) -> None:
    if process.poll() is None and server is not None:
        try:  # graceful: shuts kernels down too
            server.api("POST", "shutdown", timeout=5)
            process.wait(timeout=15)
        except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
            pass
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    # Kernels run in the server's own process group; leave none behind.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    base = tmp_path_factory.mktemp("jupyterlab")
    root, settings, workspaces, runtime, config = (
        base / name for name in ("root", "settings", "workspaces", "runtime", "config")
    )
    for folder in (root, settings, workspaces, runtime, config):
        folder.mkdir()
    _prepare_root(root)
    _write_settings(settings)
    token = secrets.token_hex(16)
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(workspaces),
        "JUPYTER_RUNTIME_DIR": str(runtime),
        "JUPYTER_CONFIG_DIR": str(config),  # ignore the developer's ~/.jupyter
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    log_path = base / "server.log"
    started = time.perf_counter()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server = LabServer(f"http://127.0.0.1:{port}", token, root, log_path, process)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}")
            try:
                server.api("GET", "status", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer in 90 s:\n{server.log_tail()}")
                time.sleep(0.2)
        print(f"\n[lab_server] {server.base_url} up in {time.perf_counter() - started:.1f}s")
        yield server
    finally:
        _stop(process, server)


# ------------------------------------------------------------------ browser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if CHROMIUM.exists():
        return str(CHROMIUM)
    message = f"{CHROMIUM} not found: apt-get install chromium (never 'playwright install')"
    if in_ci():
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


class OfflineGuard:
    """Records every request of a browser context; blocks and remembers external ones."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.external: list[str] = []

    def attach(self, context) -> None:
        context.on("request", self._record)
        # Abort before anything leaves the machine; the URL is kept for the report.
        context.route("**/*", self._route)

    def _record(self, request) -> None:
        self.requests.append(request.url)
        if not is_local(request.url):
            self.external.append(request.url)

    def _route(self, route) -> None:
        if is_local(route.request.url):
            route.fallback()
        else:
            self.external.append(route.request.url)
            route.abort("blockedbyclient")

    def watch_websockets(self, page) -> None:
        def record(ws) -> None:
            self.requests.append(ws.url)
            if not is_local(ws.url):
                self.external.append(ws.url)

        page.on("websocket", record)

    def assert_offline(self) -> None:
        external = sorted(set(self.external))
        assert not external, f"{len(external)} request(s) left the machine: {external}"


# ------------------------------------------------------------------ page helper

# JavaScript helpers, installed in every page before JupyterLab's own scripts.
_HARNESS_JS = """
window.__harness = {
  panel(path) {
    const app = window.jupyterapp;
    if (!app || !app.shell) return null;
    for (const w of app.shell.widgets('main')) {
      if (w.context && w.context.path === path && w.content && w.sessionContext) return w;
    }
    return null;
  },
  codeCells(panel) {
    return panel.content.widgets.filter(
      c => c.model.type === 'code' && c.model.sharedModel.getSource().trim() !== '');
  },
  kernelIdle(path, displayName) {
    const panel = this.panel(path);
    if (!panel || !panel.isVisible) return false;
    const session = panel.sessionContext.session;
    const kernel = session && session.kernel;
    if (!kernel || kernel.status !== 'idle') return false;
    if (kernel.connectionStatus !== 'connected') return false;
    const name = panel.node.querySelector('.jp-NotebookPanel-toolbar .jp-KernelName');
    const indicator = panel.node.querySelector('.jp-Notebook-ExecutionIndicator')
      || document.querySelector('.jp-Notebook-ExecutionIndicator');
    return !!(name && name.textContent.trim() === displayName
      && indicator && indicator.getAttribute('data-status') === 'idle');
  },
  runFinished(path, displayName) {
    if (!this.kernelIdle(path, displayName)) return false;
    const panel = this.panel(path);
    const prompts = panel.node.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt');
    if (Array.from(prompts).some(p => p.textContent.includes('*'))) return false;
    const cells = this.codeCells(panel);
    const errored = cells.some(
      c => c.model.outputs.toJSON().some(o => o.output_type === 'error'));
    return errored || cells.every(c => c.model.executionCount !== null);
  },
  figureLabelProblems(path) {
    // Text labels of every plotly figure: two that overlap, or one outside its figure.
    const found = [];
    this.panel(path).node.querySelectorAll('.js-plotly-plot').forEach(plot => {
      const title = ((plot.querySelector('.gtitle') || {}).textContent || '?').slice(0, 60);
      const svg = plot.querySelector('.main-svg').getBoundingClientRect();
      const labels = [];
      plot.querySelectorAll('.textpoint text, .bartext').forEach(node => {
        const box = node.getBoundingClientRect();
        if (box.width && box.height && node.textContent.trim()) labels.push([node.textContent, box]);
      });
      labels.forEach(([text, a], i) => {
        if (a.left < svg.left - 1 || a.right > svg.right + 1 || a.top < svg.top - 1
            || a.bottom > svg.bottom + 1) found.push(`${title}: '${text}' is cut off`);
        labels.slice(i + 1).forEach(([other, b]) => {
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) found.push(`${title}: '${text}' overlaps '${other}'`);
        });
      });
    });
    return found;
  },
  stickingOut(path, selector) {
    // Elements matching selector whose right edge passes their output area's.
    const found = [];
    this.panel(path).node.querySelectorAll(selector).forEach(node => {
      const area = node.closest('.jp-OutputArea-output');
      if (!area) return;
      const box = node.getBoundingClientRect(), limit = area.getBoundingClientRect().right;
      if (box.width && box.right > limit + 2) {
        found.push(`${selector} '${(node.textContent || '').trim().slice(0, 40)}': right edge `
          + `${Math.round(box.right)} px, its output ends at ${Math.round(limit)} px`);
      }
    });
    return found;
  },
  problems(path) {
    const panel = this.panel(path);
    const found = [];
    panel.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== 'code') return;
      const firstLine = cell.model.sharedModel.getSource().trim().split('\\n')[0];
      for (const o of cell.model.outputs.toJSON()) {
        if (o.output_type === 'error') {
          found.push(`cell ${index} (${firstLine}): ${o.ename}: ${o.evalue}`);
        } else if (o.output_type === 'stream' && o.name === 'stderr'
                   && String(o.text).includes('Traceback')) {
          const tail = String(o.text).slice(-500);
          found.push(`cell ${index} (${firstLine}): traceback on stderr: ${tail}`);
        }
      }
      for (const node of cell.node.querySelectorAll('.jp-OutputArea-output')) {
        const text = node.textContent || '';
        if (/Error displaying widget|Failed to load model class|model not found/i.test(text)) {
          found.push(`cell ${index} (${firstLine}): widget error: ${text.trim().slice(0, 200)}`);
        }
      }
    });
    return found;
  },
};
"""


class LabPage:
    """One JupyterLab tab: open a notebook, run it, inspect what it shows.

    ``page`` is the Playwright Page for anything the helpers don't cover.
    ``timings`` holds seconds per step (open, kernel, run_all).
    """

    NOTEBOOK_SELECTOR = ".jp-NotebookPanel:not(.lm-mod-hidden)"

    def __init__(self, page, server: LabServer, guard: OfflineGuard, name: str) -> None:
        self.page = page
        self.server = server
        self.guard = guard
        self.name = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
        self.path: str | None = None
        self.page_errors: list[str] = []
        self.timings: dict[str, float] = {}
        page.add_init_script(_HARNESS_JS)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        guard.watch_websockets(page)

    # -- navigation ---------------------------------------------------------------

    def open(self, notebook_relpath: str, timeout: float = 90) -> LabPage:
        """Open a notebook (path relative to the served root, e.g. ``notebooks/01_x.ipynb``)
        in a fresh workspace and wait until its kernel is idle."""
        if not (self.server.root / notebook_relpath).is_file():
            raise AssertionError(f"{notebook_relpath} is not in the served root {self.server.root}")
        self.path = notebook_relpath
        workspace = f"test-{uuid.uuid4().hex[:12]}"
        url = self.server.url(f"lab/workspaces/{workspace}/tree/{quote(notebook_relpath)}", "reset")
        started = time.perf_counter()
        self.page.goto(url, wait_until="domcontentloaded", timeout=timeout * 1000)
        self.page.wait_for_function(
            "path => !!window.__harness.panel(path)", arg=notebook_relpath, timeout=timeout * 1000
        )
        self.notebook.locator(".jp-Cell").first.wait_for(timeout=timeout * 1000)
        self.timings["open"] = time.perf_counter() - started
        self.wait_kernel_idle(timeout)
        self.timings["kernel"] = time.perf_counter() - started - self.timings["open"]
        return self

    def wait_kernel_idle(self, timeout: float = 60) -> None:
        """Wait until the kernel exists, is connected and idle (toolbar and indicator agree)."""
        self._require_open()
        self.page.wait_for_function(
            "([path, name]) => window.__harness.kernelIdle(path, name)",
            arg=[self.path, KERNEL_DISPLAY_NAME],
            timeout=timeout * 1000,
            polling=100,
        )

    def run_all(self, timeout: float = 180) -> float:
        """Clear outputs, run all cells, wait until every code cell ran (or one raised).

        Returns the seconds it took. Figures may still be drawing: wait for them with
        Playwright locators (``expect(...)`` or ``locator.wait_for()``)."""
        self.wait_kernel_idle()
        started = time.perf_counter()
        self.page.evaluate(
            """() => {
                const commands = window.jupyterapp.commands;
                return commands.execute('notebook:clear-all-cell-outputs').then(() => {
                    commands.execute('notebook:run-all-cells');  // not awaited
                    return true;
                });
            }"""
        )
        self.page.wait_for_function(
            "([path, name]) => window.__harness.runFinished(path, name)",
            arg=[self.path, KERNEL_DISPLAY_NAME],
            timeout=timeout * 1000,
            polling=200,
        )
        self.timings["run_all"] = time.perf_counter() - started
        return self.timings["run_all"]

    # -- inspection -----------------------------------------------------------

    @property
    def notebook(self):
        """Locator of the open notebook panel; scope your own selectors with it."""
        return self.page.locator(self.NOTEBOOK_SELECTOR)

    def locator(self, selector: str):
        """A Playwright locator inside the open notebook."""
        return self.notebook.locator(selector)

    def cells(self):
        return self.locator(".jp-Notebook .jp-Cell")

    def outputs(self):
        return self.locator(".jp-OutputArea-output")

    def panel(self, title: str):
        """The cable_utils panel (``.cable-panel``) whose heading is exactly ``title``."""
        return self.locator(".cable-panel").filter(
            has=self.page.locator(f"h4:text-is({json.dumps(title)})")
        )

    def dropdown(self, label: str):
        """The ``<select>`` of the ipywidgets Dropdown labelled ``label`` (e.g. "Actor:")."""
        return self.locator(f".widget-dropdown:has(> label:text-is({json.dumps(label)})) select")

    def use_work_folder(self, folder: str | Path) -> None:
        """Point the kernel's student-work folder at ``folder`` (never a real my_work/)."""
        code = f"import os; os.environ['CABLE_CLASSROOM_WORK'] = {json.dumps(str(folder))}"
        self.page.evaluate(
            """([path, code]) => {
                const kernel = window.__harness.panel(path).sessionContext.session.kernel;
                return kernel.requestExecute({code, silent: true}).done.then(() => true);
            }""",
            [self.path, code],
        )

    def plotly_figures(self):
        """Locator of the rendered plotly figures (``.js-plotly-plot``), in cell order."""
        return self.locator(".js-plotly-plot")

    def errors(self) -> list[str]:
        """Error outputs, tracebacks on stderr, widget render errors, JS page errors."""
        self._require_open()
        found = list(self.page.evaluate("path => window.__harness.problems(path)", self.path))
        found += [f"page error: {error}" for error in self.page_errors]
        return found

    def assert_no_errors(self) -> None:
        problems = self.errors()
        assert not problems, f"{self.path}: {len(problems)} problem(s)\n" + "\n".join(problems)

    def assert_offline(self) -> None:
        self.guard.assert_offline()

    def screenshot(self, name: str | None = None) -> Path:
        """Save a PNG of the page to artifacts/screenshots/ and print its path."""
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name or self.name)
        path = SCREENSHOT_DIR / f"{safe}.png"
        self.page.screenshot(path=str(path))
        print(f"[screenshot] {path}")
        return path

    def figure_label_problems(self) -> list[str]:
        """Text labels of the notebook's plotly figures that overlap another or are cut off."""
        self._require_open()
        return list(self.page.evaluate("p => window.__harness.figureLabelProblems(p)", self.path))

    def sticking_out(self, selector: str) -> list[str]:
        """Elements (CSS ``selector``) that run past the right edge of their output area,
        so part of them is hidden or needs a sideways scroll."""
        self._require_open()
        return list(
            self.page.evaluate(
                "([p, s]) => window.__harness.stickingOut(p, s)", [self.path, selector]
            )
        )

    def _require_open(self) -> None:
        if self.path is None:
            raise AssertionError("LabPage.open(notebook) first")


def run_on_chosen_cable(
    lab_page: LabPage,
    lab_server: LabServer,
    monkeypatch: pytest.MonkeyPatch,
    notebook: str,
    cable_id: str,
) -> None:
    """Choose ``cable_id`` as lesson 05 does, in a work folder of this test's own (never a
    real my_work/), then open ``notebook`` and Run All: no cell may fail."""
    from cable_utils.lessons.chosen import choose_cable

    work = lab_server.root / f"chosen_work_{Path(notebook).stem}"
    monkeypatch.setenv("CABLE_CLASSROOM_WORK", str(work))
    choose_cable(cable_id)  # the explicit choice, as lesson 05 makes it
    lab_page.open(notebook)
    lab_page.use_work_folder(str(work))
    lab_page.run_all(timeout=240)
    lab_page.assert_no_errors()


@pytest.fixture
def lab_page(browser, lab_server: LabServer, request: pytest.FixtureRequest) -> Iterator[LabPage]:
    marker = request.node.get_closest_marker("viewport")
    context = browser.new_context(viewport=dict(marker.kwargs) if marker else VIEWPORT)
    guard = OfflineGuard()
    guard.attach(context)
    page = context.new_page()
    page.set_default_timeout(30_000)
    lab = LabPage(page, lab_server, guard, request.node.name)
    try:
        yield lab
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            try:
                lab.screenshot(f"FAILED-{lab.name}")
            except Exception as exc:  # a crashed page must not hide the real failure
                print(f"[screenshot] failed: {exc}")
    finally:
        context.close()
        lab_server.shutdown_kernels()
    # Also checked here, so a test that forgets assert_offline() still fails on a leak.
    guard.assert_offline()
