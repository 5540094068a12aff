"""Drive a real JupyterLab in headless Chromium (for the end-to-end tests).

The server runs on loopback with a random token and a fresh HOME, on a copy of
the notebooks (JupyterLab autosaves, and the committed notebooks must stay
without outputs); ``data/`` is linked read-only-by-convention from the
repository. Playwright drives Debian's Chromium (no browser download).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from analysis.paths import DATA_DIR, NOTEBOOKS_DIR

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    """Debian's Chromium (or ``$CHROMIUM``), if installed.

    Returns:
        str | None: The executable, or None.
    """
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab server.

    Attributes:
        base: ``http://127.0.0.1:PORT``.
        token: The random token.
        root: The folder served (a copy of ``notebooks/``).
        process: The server process.
        log: The server's log file.
    """

    base: str
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    def api(self, path: str, *, method: str = "GET") -> object:
        """Call the server's REST API.

        Args:
            path: e.g. ``/api/kernels``.
            method: HTTP method.

        Returns:
            object: The decoded JSON answer (None when empty).
        """
        req = urllib.request.Request(
            f"{self.base}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def url(self, notebook: str) -> str:
        """The URL opening one notebook, alone in a fresh workspace of its own."""
        workspace = "e2e-" + notebook.rsplit(".", 1)[0].replace("_", "-")
        return f"{self.base}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={self.token}"


def start_lab(workdir: Path) -> LabServer:
    """Start JupyterLab on loopback, random port and token, fresh HOME.

    Args:
        workdir: An empty folder to hold HOME, the notebooks' copy and logs.

    Returns:
        LabServer: The running server.
    """
    home = workdir / "home"
    root = workdir / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (workdir / "data").symlink_to(DATA_DIR, target_is_directory=True)
    (workdir / "figures").mkdir()
    settings = home / ".jupyter" / "lab" / "user-settings" / "@jupyterlab"
    (settings / "notebook-extension").mkdir(parents=True)
    # Render every cell (no virtual scrolling), so the test sees all outputs in the DOM.
    (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    (settings / "apputils-extension").mkdir(parents=True)
    (settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / ".ipython"),
        MPLCONFIGDIR=str(home / ".mpl"),
        PYTHONHASHSEED="0",
    )
    port, token = _free_port(), secrets.token_hex(24)
    log = workdir / "jupyterlab.log"
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        "--LabApp.extension_manager=readonly",
        "--ServerApp.allow_remote_access=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI runs as root
        cmd.append("--allow-root")
    process = subprocess.Popen(
        cmd, cwd=root, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )
    server = LabServer(base=f"http://127.0.0.1:{port}", token=token, root=root, process=process, log=log)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {process.returncode}: {log.read_text()[-2000:]}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            server.api("/api/status")
            return server
        time.sleep(0.5)
    stop_lab(server)
    raise RuntimeError(f"JupyterLab did not answer within 90 s: {log.read_text()[-2000:]}")


def stop_lab(server: LabServer) -> None:
    """Shut down every kernel, then the server; kill what remains.

    Args:
        server: The server to stop.
    """
    with contextlib.suppress(Exception):
        for kernel in server.api("/api/kernels") or []:
            server.api(f"/api/kernels/{kernel['id']}", method="DELETE")
    with contextlib.suppress(Exception):
        server.api("/api/shutdown", method="POST")
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, 9)
        server.process.wait(timeout=10)


#: JavaScript run in the page: the state of the notebook in the main area.
NOTEBOOK_STATE_JS = """
() => {
  const app = window.jupyterapp;
  const nb = app && app.shell.currentWidget;
  if (!nb || !nb.content || !nb.sessionContext) return null;
  const kernel = nb.sessionContext.session && nb.sessionContext.session.kernel;
  const cells = nb.content.widgets.filter(c => c.model.type === 'code').map(c => ({
    count: c.model.executionCount,
    source: c.model.sharedModel.getSource().slice(0, 80),
    source_full: c.model.sharedModel.getSource(),
    outputs: c.model.outputs.toJSON().map(o => ({
      type: o.output_type, ename: o.ename || null, evalue: o.evalue || null,
      mimes: Object.keys(o.data || {}), name: o.name || null })),
  }));
  return { status: kernel ? kernel.status : 'none', ready: nb.context.isReady, cells };
}
"""
