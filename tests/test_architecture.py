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


# --- Import circles and imports inside functions -----------------------------------------------------------

PACKAGES = ("claims", "factcheck")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


def top_level_imports(path: Path, package: str) -> set[str]:
    """What a module imports while it loads: every import outside function bodies (class bodies run
    at load time too). A relative import is resolved against `package`."""
    found = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def import_graph() -> dict[str, set[str]]:
    """module → the project modules it loads at import time. Importing `a.b.c` also runs `a` and
    `a.b`; a module's own parent packages are left out (Python loads them first, always)."""
    modules = project_modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        own_parents = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        targets = set()
        for imported in top_level_imports(path, package):
            parts = imported.split(".")
            targets.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        graph[name] = {target for target in targets if target in modules and target not in own_parents | {name}}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_two_modules_import_each_other_even_through_others():
    assert circles(import_graph()) == []


def test_the_circle_finder_finds_a_circle_through_a_third_module():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def function_level_imports(path: Path):
    """(line number, line, the lines just above) of every import inside a function body."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    yield inner.lineno, lines[inner.lineno - 1], lines[: inner.lineno - 1]


def explained(line: str, above: list[str]) -> bool:
    """A comment on the import's line, or on the line above it or above the run of imports it is in."""
    if "#" in line:
        return True
    for previous in reversed(above):
        stripped = previous.strip()
        if stripped.startswith("#"):
            return True
        if not stripped.startswith(("import ", "from ")):
            return False
    return False


def test_every_import_inside_a_function_says_why_it_is_there():
    """Module-level is the rule; an import inside a function needs its reason beside it (a circle it
    breaks, a slow library only one path needs, Django's app loading)."""
    unexplained = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in project_modules().values()
        for number, line, above in function_level_imports(path)
        if not explained(line, above)
    ]
    assert unexplained == []
