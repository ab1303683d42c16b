"""The shape of the code: which package may import which, no import cycles, no module too long
to read in one sitting. A violation here is how the layers start to blur.

The map these tests enforce is drawn in docs/ARCHITECTURE.md ("Packages"). Imports inside
functions and under `if TYPE_CHECKING:` count like any other: a cycle hidden in a function is
still a cycle a newcomer has to untangle."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / "tools"
BOT = REPO / "bot"
FORBIDDEN = ("bot", "slack_bolt", "slack_sdk", "langchain", "langchain_core", "langgraph", "openai")

# tools/ packages and the other tools/ packages each may import. `core` is the shared base
# (errors, provenance, stages, redaction, text formatting); everything else is one capability.
TOOLS_PACKAGES: dict[str, set[str]] = {
    "core": set(),
    "data": {"core"},
    "analytics": {"core", "data"},
    "charts": {"core"},
    "feedback": {"core", "data", "analytics"},
    "predict": {"core", "data", "analytics"},
    "personas": {"core", "data", "analytics", "feedback"},
    "alerts": {"core", "data", "analytics", "predict", "charts"},
    "journey_map": {"core", "data", "analytics", "feedback", "charts"},
    "digest": {"core", "data", "analytics", "feedback", "predict", "alerts", "charts"},
    # Sources that sync themselves (inbox, URL, vendor APIs): they fetch, then load through
    # data's ingest and recipes; nothing else is needed, and nothing in tools/ needs them.
    "sources": {"core", "data"},
    # Erasure of one customer: it reaches the journey store (data), the feedback store and the
    # persona cards, so it sits above them; nothing imports it but the bot.
    "privacy": {"core", "data", "feedback", "personas"},
}

# bot/ packages: who may import whom, bottom to top. A package may always import its own modules.
BOT_PACKAGES: dict[str, set[str]] = {
    # bot's top-level modules: config, state, the answer log, prompts, ports (the Poster seam),
    # the Answer type, the alert wiring from config. Everything builds on them, so they import
    # no bot package.
    "base": set(),
    # Output for people (terminal text, Block Kit, rendered messages) from tools/ results and
    # Answers; it knows nothing of the agent, the Slack transport or the scheduler.
    "render": {"base"},
    # Tools, planner and model loop; it returns Answers and may render, never post or schedule.
    "agent": {"base", "render"},
    # Digests and alerts on a clock: the agent's digest (bot/agent/digest.py), rendered, and
    # posted through the Poster seam in base, never through the Slack package.
    "scheduler": {"base", "render", "agent"},
    # The Slack transport: listeners call the agent and the scheduler's features.
    "slack": {"base", "render", "agent", "scheduler"},
    # The command line wires everything; nothing imports it.
    "cli": {"base", "render", "agent", "scheduler", "slack"},
}

MAX_LINES = 800  # the hard ceiling; aim for about 500

# Folders that are split top-level modules, not layers: bot/config/ is the config module in
# several files (by what each section configures), part of bot's base like bot/state.py.
BASE_FOLDERS = {"bot": {"config"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for root in (TOOLS, BOT) for p in sorted(root.rglob("*.py"))}


def _imported(path: Path) -> list[str]:
    """Every absolute name an import statement in `path` mentions (module or module.attr)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.extend(f"{module}.{a.name}" for a in node.names)
    return out


@cache
def _graph() -> dict[str, frozenset[str]]:
    """Module -> project modules it imports. `from pkg import sub` is an edge to pkg.sub when
    sub is a module, otherwise to pkg itself."""
    mods = _modules()
    graph: dict[str, frozenset[str]] = {}
    for name, path in mods.items():
        deps: set[str] = set()
        for target in _imported(path):
            while target and target not in mods:
                target = target.rpartition(".")[0]
            if target and target != name:
                deps.add(target)
        graph[name] = frozenset(deps)
    return graph


def _top_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _package(module: str, root: str) -> str | None:
    parts = module.split(".")
    if parts[0] != root:
        return None
    if len(parts) == 1:
        return "base"
    sub = parts[1]
    is_package = (REPO / root / sub).is_dir() and sub not in BASE_FOLDERS.get(root, set())
    return sub if is_package else "base"


def test_tools_never_import_the_adapters_or_vendor_sdks():
    offenders = {
        str(p.relative_to(TOOLS)): sorted(_top_imports(p) & set(FORBIDDEN))
        for p in TOOLS.rglob("*.py")
        if _top_imports(p) & set(FORBIDDEN)
    }
    assert offenders == {}


def test_tools_never_read_the_environment():
    readers = [
        str(p.relative_to(TOOLS))
        for p in TOOLS.rglob("*.py")
        if "os.environ" in p.read_text(encoding="utf-8") or "getenv(" in p.read_text(encoding="utf-8")
    ]
    assert readers == []


def test_tools_is_packages_only():
    loose = sorted(p.name for p in TOOLS.glob("*.py") if p.name != "__init__.py")
    assert loose == [], "every tools/ module belongs to a capability package"
    assert set(TOOLS_PACKAGES) == {p.name for p in TOOLS.iterdir() if (p / "__init__.py").exists()}


def _violations(root: str, rules: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, deps in _graph().items():
        src = _package(module, root)
        if src is None:
            continue
        for dep in deps:
            dst = _package(dep, root)
            if dst is None or dst == src:
                continue
            if dst not in rules[src]:
                bad.append(f"{module} -> {dep} ({src} may not import {dst})")
    return sorted(bad)


def test_tools_packages_import_only_what_the_map_allows():
    assert _violations("tools", {**TOOLS_PACKAGES, "base": set()}) == []


def test_the_bot_map_names_every_bot_package():
    on_disk = {p.name for p in BOT.iterdir() if p.is_dir() and any(p.glob("*.py"))} - BASE_FOLDERS["bot"]
    assert set(BOT_PACKAGES) - {"base"} == on_disk
    assert not any("cli" in allowed for name, allowed in BOT_PACKAGES.items() if name != "cli")


def test_bot_packages_import_only_what_the_map_allows():
    assert _violations("bot", BOT_PACKAGES) == []


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": frozenset({"b"}), "b": frozenset()}) == []


def test_no_import_cycles_between_modules():
    assert _cycles(dict(_graph())) == []


def test_no_module_too_long_to_read_in_one_sitting():
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
