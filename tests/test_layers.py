"""The package's layers: it imports anywhere, lower layers never import higher ones, no cycles.

Layers, lowest first: core -> sources -> rules -> topics -> publish -> pipeline (README "Layout").
"""
import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.core.project import project as the_project

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "factcheck"
NEW_LAYERS = ("core", "sources", "rules", "topics", "publish", "pipeline")   # each module under ~500 lines
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = ("factcheck",) + path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set:
    """Package modules that `name` imports, at top level or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names]
            if not all(target in MODULES for target in targets):   # names from `base`, not its submodules
                targets.append(base)
        else:
            continue
        for target in targets:
            while target and target not in MODULES:   # `from .core import registers` -> the module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}

# The layer of each module, lowest first; modules not yet moved into their layer's folder are named.
LAYERS = ("core", "sources", "rules", "topics", "publish", "pipeline")
NOT_YET_MOVED = {
    "pipeline": {"__main__"},
}


def _layer(name: str) -> int:
    parts = name.split(".")
    if name == "factcheck":
        return LAYERS.index("pipeline")
    if parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return next(LAYERS.index(layer) for layer, names in NOT_YET_MOVED.items() if parts[1] in names)


def test_every_module_imports_outside_a_checkout_and_finds_the_root_when_asked(tmp_path):
    """A copy of the package away from any checkout, started in /tmp without FACTCHECK_ROOT:
    importing every module must not look for the root; the root is given afterwards."""
    shutil.copytree(PACKAGE, tmp_path / "site" / "factcheck", ignore=shutil.ignore_patterns("__pycache__"))
    modules = sorted(name for name in MODULES if name != "factcheck.__main__")
    code = ("import importlib, os\n"
            f"for name in {modules!r}:\n"
            "    importlib.import_module(name)\n"
            f"os.environ['FACTCHECK_ROOT'] = {str(the_project().root)!r}\n"
            "from factcheck.core.registers import load_claims\n"
            "print(len(load_claims()))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_ROOT", "PYTHONPATH")}
    env["PYTHONPATH"] = str(tmp_path / "site")
    result = subprocess.run([sys.executable, "-c", code], cwd="/tmp", env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 0


def test_core_imports_nothing_above_it():
    for name, targets in GRAPH.items():
        if name.startswith("factcheck.core"):
            higher = sorted(t for t in targets if not t.startswith("factcheck.core") and t != "factcheck")
            assert not higher, f"{name} imports from a higher layer: {higher}"


# Known upward imports: none. (The topics draw with `core/charts`, the drawing kit, which sits in core.)
# Nothing may be added here.
KNOWN_UPWARD = set()


def _upward(graph):
    return {(name, t) for name, targets in graph.items() for t in targets
            if t != "factcheck" and _layer(t) > _layer(name)}


def test_every_module_has_a_layer_and_imports_only_the_same_or_a_lower_one():
    upward = sorted(_upward(GRAPH) - KNOWN_UPWARD)
    assert not upward, "imports from a higher layer: " + ", ".join(
        f"{name} ({LAYERS[_layer(name)]}) -> {t} ({LAYERS[_layer(t)]})" for name, t in upward)


def test_the_known_upward_imports_are_still_there():
    """An exception that no longer happens is taken off the list."""
    gone = sorted(KNOWN_UPWARD - _upward(GRAPH))
    assert not gone, f"no longer imported, remove from KNOWN_UPWARD: {gone}"


def _across_topics(graph):
    """Imports from one topic package into another (topics share code through the layers below)."""
    def topic(module):
        parts = module.split(".")
        return parts[2] if len(parts) > 2 and parts[1] == "topics" else None
    return {(name, t) for name, targets in graph.items() for t in targets
            if topic(name) and topic(t) and topic(name) != topic(t)}


def test_no_topic_imports_another():
    assert not _across_topics(GRAPH), sorted(_across_topics(GRAPH))
    assert _across_topics({"factcheck.topics.a.checks": {"factcheck.topics.b.data", "factcheck.topics.a.data"}}) == {
        ("factcheck.topics.a.checks", "factcheck.topics.b.data")}


def test_the_layer_check_finds_an_upward_import():
    assert _upward({"factcheck.core.text": {"factcheck.publish.charts"}}) == {
        ("factcheck.core.text", "factcheck.publish.charts")}
    assert _upward({"factcheck.publish.charts": {"factcheck.core.text", "factcheck.sources.eurostat"}}) == set()


# Package imports inside a function: only the command line's (start-up time), and the topic modules'
# until they move into topics/ (those imports guard no cycle; they go with the move).
IN_FUNCTION_ALLOWED = {"factcheck.pipeline.cli"}


def test_no_package_import_inside_a_function():
    for name, path in MODULES.items():
        if name in IN_FUNCTION_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.ImportFrom) and n.level]
                assert not inner, f"{name}:{inner[0].lineno if inner else ''} imports the package inside a function"


def _cycle(graph):
    """One import cycle as a list of modules, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle():
    assert _cycle(GRAPH) is None, " -> ".join(_cycle(GRAPH))


def test_the_cycle_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("layer", NEW_LAYERS)
def test_no_long_module_in_the_new_layers(layer):
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines (at most {MAX_LINES})"


def test_one_slug_per_topic_everywhere():
    """Each topic notebook NN-<slug> has its package, sources register, tests, and every published
    table and chart belongs to one topic (or the overview): nothing called "other"."""
    root = the_project().root
    slugs = sorted(p.stem.split("-", 1)[1] for p in (root / "notebooks").glob("[0-9][0-9]-*.ipynb")
                   if not p.stem.startswith("00-"))
    assert slugs, "no topic notebooks"
    for slug in slugs:
        package = slug.replace("-", "_")
        assert (PACKAGE / "topics" / package / "__init__.py").exists(), f"no package topics/{package}"
        assert (root / "data" / "sources" / f"{slug}.csv").exists(), f"no data/sources/{slug}.csv"
        assert list((root / "tests").glob(f"test_{package}*.py")), f"no tests/test_{package}*.py"
    owned = tuple(f"{slug}-" for slug in slugs)
    for path in list((root / "data" / "published").glob("*.csv")) + [p for p in (root / "figures").iterdir() if p.is_dir()]:
        assert path.name.startswith(owned) or path.name == "verdict-counts", f"{path} belongs to no topic"
    assert {p.name for p in (PACKAGE / "topics").iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        s.replace("-", "_") for s in slugs}
