"""The real server, as production runs it: gunicorn with several worker processes on the
database the tests use, started, stopped and restarted by a test (or a benchmark)."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RealServer:
    def __init__(self, database_url: str, workers: int = 2, log: Path | None = None):
        """`log`: where gunicorn's output goes (a file of its own otherwise): a pipe that
        nobody reads would fill up and stall the server."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.env = {**os.environ, "DATABASE_URL": database_url, "APP_ENV": "production",
                    "SECRET_KEY": "real-server-test-key", "SESSION_COOKIE_SECURE": "0"}
        self.own_log = log is None
        self.log = log or Path(tempfile.mkstemp(prefix="gunicorn-", suffix=".log")[1])
        self.process = None

    def start(self) -> "RealServer":
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
                [str(GUNICORN), "--workers", str(self.workers),
                 "--bind", f"127.0.0.1:{self.port}", "--graceful-timeout", "5", "wsgi:app"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self.wait_until_answering()

    def wait_until_answering(self) -> "RealServer":
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped: " + self.log.read_text(errors="replace"))
            try:
                urllib.request.urlopen(self.url + "/login", timeout=10)  # noqa: S310 - local
                return self
            except OSError:  # not listening yet, or no worker ready yet
                time.sleep(0.1)  # waiting for a process to bind, not for the app's clock
        raise RuntimeError("gunicorn did not answer within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        self.process = None
        if self.own_log:
            self.log.unlink(missing_ok=True)

    def restart(self) -> None:
        self.stop()
        self.start()

    def call(self, method: str, path: str, token: str, body=None) -> tuple[int, dict]:
        """One JSON API call: (status, body)."""
        request = urllib.request.Request(  # noqa: S310 - our own server
            self.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")
