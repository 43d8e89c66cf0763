"""`python manage.py load_demo` — the demo newsroom: users for each role, references, articles.

Everything loaded is written for this project (claims/demo/). Safe to run again: users are updated,
references re-imported by key, identical articles are not ingested twice.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from claims import roles

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
DEMO_PASSWORD = "factcheck-demo"
DEMO_USERS = (
    ("admin", None),
    ("chief", roles.CHIEF_EDITORS),
    ("editor", roles.EDITORS),
    ("viewer", roles.VIEWERS),
)


class Command(BaseCommand):
    help = "Load the demo newsroom: one user per role, the demo references and the demo articles."

    def add_arguments(self, parser):
        parser.add_argument("--sync", action="store_true", help="process the articles here instead of queueing")
        parser.add_argument("--force", action="store_true", help="allow on a production (DEBUG=0) database")

    def handle(self, *args, sync=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("refusing to create demo users with a known password while DEBUG is off (--force)")
        self._users()
        for name in ("references.jsonl", "article_references.jsonl"):
            if (DEMO_DIR / name).exists():
                call_command("import_references", str(DEMO_DIR / name), stdout=self.stdout, stderr=self.stderr)
        ingest_args = [str(DEMO_DIR / "articles")] + (["--sync"] if sync else [])
        call_command("ingest", *ingest_args, stdout=self.stdout, stderr=self.stderr)
        names = ", ".join(name for name, _ in DEMO_USERS)
        self.stdout.write(f"demo users: {names} (password: {DEMO_PASSWORD})")

    def _users(self):
        User = get_user_model()
        for username, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = role is None
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role)])
