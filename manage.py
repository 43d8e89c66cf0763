#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys
from pathlib import Path

# Written by a running `workbench.py up`: its Redis and database, so a second shell's commands
# (ingest, load_demo…) reach the same worker. Variables set in the shell take precedence.
RUNTIME_ENV = Path(__file__).resolve().parent / "var" / "workbench.env"


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    from factcheck.env import load_env_file

    load_env_file(RUNTIME_ENV)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
