"""The layers of docs/architecture.md, checked on every import of the source tree (module level and
inside functions): a layer never imports one above it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"

# Pure-Python engines: text in, dataclasses out. No Django, no database, no web layer.
ENGINES = ("claims/extraction", "claims/matching", "claims/checkworthiness")
FRAMEWORKS = ("django", "rest_framework", "celery", "simple_history", "import_export")
# What no engine and no claims/lib module may reach: the database and everything above it.
APP_LAYERS = (
    "claims.models", "claims.display", "claims.representations", "claims.services", "claims.selectors", "claims.tasks",
    "claims.api", "claims.admin", "claims.exports", "claims.forms", "claims.management",
)
# Doors call services; a service never imports a door. (A service may queue its own Celery task:
# tasks are thin and import the services back inside their bodies.)
DOORS = ("claims.api", "claims.admin", "claims.exports", "claims.forms", "claims.management")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources(*folders: str):
    for folder in folders:
        base = ROOT / folder
        files = [base] if base.suffix == ".py" else sorted(base.rglob("*.py"))
        for path in files:
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), imports_of(path)


def under(module: str, prefixes) -> bool:
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def violations(files, forbidden) -> set[tuple[str, str]]:
    return {(name, module) for name, modules in files for module in modules if under(module, forbidden)}


def test_the_engines_import_no_framework_and_no_app_layer():
    assert violations(sources(*ENGINES), FRAMEWORKS + APP_LAYERS) == set()


def test_lib_reaches_no_database_and_no_layer_above():
    assert violations(sources("claims/lib"), APP_LAYERS + ("rest_framework", "celery")) == set()


def test_services_and_selectors_import_no_door():
    assert violations(sources("claims/services", "claims/selectors"), DOORS) == set()


def test_the_claim_object_reads_only_models():
    """claims/representations.py (the §4 object) sits under services and selectors: both show it."""
    above = ("claims.services", "claims.selectors", "claims.tasks", *DOORS)
    assert violations(sources("claims/representations.py"), above) == set()


def test_selectors_only_read():
    assert violations(sources("claims/selectors"), ("claims.services", "claims.tasks")) == set()
