"""gunicorn as in production: two sync workers on a free local port, settings from the environment
(DEBUG off), restarted when a slow page left it with a queue of requests still to answer."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from .probe import probe

WORKERS = 2
TIMEOUT = 30  # gunicorn's default: a worker that takes longer is killed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The database this process uses, for the server: the same one, also inside a test."""
    db = settings.DATABASES["default"]
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{quote(db['USER'], safe='')}{password}@{host}{port}/{db['NAME']}"


class Server:
    def __init__(self, *, bare_path: str):
        self.port = free_port()
        self.bare_path = bare_path
        self.process = None
        self.restarts = 0
        # gunicorn's own messages (a worker killed after the timeout, tracebacks at a quick shutdown).
        self.log = Path(tempfile.gettempdir()) / f"loket-bench-gunicorn-{self.port}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if connection.vendor != "postgresql":
            raise RuntimeError("The benchmark runs against PostgreSQL (DATABASE_URL=postgres://...).")
        env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "loket.settings"}
        log = self.log.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                sys.executable,
                "-m",
                "gunicorn",
                "loket.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={WORKERS}",
                "--worker-class=sync",
                f"--timeout={TIMEOUT}",
                "--log-level=error",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group, so that stop() ends the workers too
        )
        log.close()  # the child has its own copy
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn stopped at start (exit code {self.process.returncode}); see {self.log}."
                )
            if probe(self.base + self.bare_path, timeout=2).status == 200:
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within a minute; see {self.log}.")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            # SIGQUIT: gunicorn's quick shutdown, without finishing the requests still queued.
            os.killpg(self.process.pid, signal.SIGQUIT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        self.start()

    def settle(self, wait: float = 5) -> None:
        """After a run: when the bare view does not answer within `wait` seconds, the workers are still
        busy with a queue of slow requests; start afresh rather than measure the next page behind it."""
        if probe(self.base + self.bare_path, timeout=wait).status != 200:
            self.restart()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
