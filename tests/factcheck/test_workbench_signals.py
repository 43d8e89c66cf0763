"""`workbench.py up` stops every child when it is stopped with SIGTERM, not only with Ctrl-C."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What `up` does around its children, with a sleeping child in its own session as `up` starts them.
HARNESS = """
import signal, subprocess, sys, time
import workbench
for signum in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(signum, workbench.stop_on_termination)
children = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)]
try:
    # Printed inside the try: the test signals as soon as it reads the pid.
    print(children[0].pid, flush=True)
    time.sleep(60)
except KeyboardInterrupt:
    print("stopping", flush=True)
finally:
    workbench.stop_children(children, timeout=5)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_the_children_too():
    parent = subprocess.Popen([sys.executable, "-c", HARNESS], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    assert _alive(child_pid)
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=20) == 0
    assert "stopping" in parent.stdout.read()
    deadline = time.monotonic() + 10
    while _alive(child_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child_pid)
