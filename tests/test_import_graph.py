"""No import circles: read from the source (every import, also those inside functions and
under TYPE_CHECKING), so a circle hidden from the running program still fails here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

import nianbao_gui

PACKAGE = Path(nianbao_gui.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package's own modules that ``path`` imports (``from .x import y`` may name one)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(target for target in targets if target in modules and target != name)
    return found


def _graph() -> dict[str, set[str]]:
    paths = [p for p in PACKAGE.rglob("*.py") if "forms" not in p.parts]
    modules = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, modules) for p in paths}


def _cycles(graph: dict[str, set[str]], within: str) -> list[list[str]]:
    """Strongly connected groups of more than one module under ``within`` (Tarjan)."""
    nodes = {n for n in graph if n.startswith(within)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node] & nodes:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return groups


def _without_init_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    # A package's __init__ re-exporting its own modules (and they importing siblings through
    # it) is not a circle of concern: drop the edges between a package and what it holds.
    return {
        name: {t for t in targets if not t.startswith(name + ".") and not name.startswith(t + ".")}
        for name, targets in graph.items()
    }


def test_the_command_line_has_no_import_circle() -> None:
    graph = _without_init_edges(_graph())
    assert "nianbao_gui.cli" not in graph["nianbao_gui.cli_parser"]
    assert _cycles({k: v for k, v in graph.items() if k.count(".") == 1}, "nianbao_gui.") == []


def test_core_has_no_import_circle() -> None:
    assert _cycles(_without_init_edges(_graph()), "nianbao_gui.core") == []


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = _graph()
    assert "nianbao_gui.cli_parser" in graph["nianbao_gui.cli"]  # imported inside main()


def _reaching(graph: dict[str, set[str]], under: str, into: str) -> dict[str, set[str]]:
    """Modules under ``under`` that import a module under ``into``, and which."""
    found = {
        name: {t for t in targets if t == into or t.startswith(into + ".")}
        for name, targets in graph.items()
        if name == under or name.startswith(under + ".")
    }
    return {name: targets for name, targets in found.items() if targets}


def test_the_page_layout_does_not_import_the_word_writer() -> None:
    """core/pages (layout, preview, PDF) reads the typesetting values from core/typeset, not
    from the Word writer's style XML (issue 21 item 5); typeset/ reads neither of them."""
    graph = _graph()
    assert _reaching(graph, "nianbao_gui.core.pages", "nianbao_gui.core.export") == {}
    assert _reaching(graph, "nianbao_gui.core.typeset", "nianbao_gui.core.export") == {}
    assert _reaching(graph, "nianbao_gui.core.typeset", "nianbao_gui.core.pages") == {}


_NO_DOCX = """
import sys
heavy = ("docx", "nianbao_gui.core.export.word")
import nianbao_gui.core.pages
import nianbao_gui.core.pages.pdf
print("pages:", sorted(m for m in sys.modules if m.startswith(heavy)))
import nianbao_gui.core.export
print("export:", sorted(m for m in sys.modules if m.startswith(heavy)))
"""


def test_the_pdf_code_loads_without_python_docx() -> None:
    """Loading the page layout, its PDF writer and the export entry point does not load
    python-docx (0.2 s): only writing a .docx does."""
    result = subprocess.run(
        [sys.executable, "-c", _NO_DOCX], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split("\n")[:2] == ["pages: []", "export: []"], result.stdout


def test_only_main_knows_the_main_window() -> None:
    """Features get the session and the dock or menu they own (issue 21 item 1): no module
    of the window layer imports ``main_window`` but main.py (TYPE_CHECKING imports count)."""
    graph = _graph()
    window = "nianbao_gui.app.main_window"
    importers = {name for name, targets in graph.items() if window in targets}
    assert importers == {"nianbao_gui.app.main"}


def test_the_window_layer_has_no_import_circle() -> None:
    assert _cycles(_without_init_edges(_graph()), "nianbao_gui.app") == []


# Qt's own widget calls that say "window" (``self.window()``: the top-level widget this one is
# shown in, ``box.setWindowTitle(…)``): a widget asking Qt, not a feature handed the window.
_QT_WINDOW_CALLS = frozenset(name for name in dir(QWidget) if "window" in name.lower())
# What is the window by another name: the action table holds it as ``features`` (the handlers'
# root), and ``FileHost`` was the window as a protocol.
_WINDOW_ALIASES = frozenset({"FileHost", "ActionTable", "features"})


def _window_names(path: Path) -> set[str]:
    """The names in ``path``'s code (not its comments or strings) that speak of a window: a
    variable, argument or attribute ``window``, a type such as ``MainWindow``, ``FileHost``,
    the action table (whose ``features`` is the window); not a call of Qt's own widget API."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            name = node.id
        elif isinstance(node, ast.Attribute):
            name = node.attr
            if id(node) in calls and name in _QT_WINDOW_CALLS:
                continue
        elif isinstance(node, ast.arg):
            name = node.arg
        elif isinstance(node, ast.alias):
            name = node.asname or node.name
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = node.name
        else:
            continue
        if "window" in name.lower() or name in _WINDOW_ALIASES:
            found.add(name)
    return found


# every feature of the window (issue 21 item 1); a new feature folder belongs here
FEATURES = ("check", "compare", "editor", "export", "figures", "files", "pages")


def test_no_feature_ever_sees_the_window() -> None:
    """Each feature works on the session and the one dock or menu it owns (issue 21 item 1):
    no ``.window``, no window type, no protocol or table that is the window by another name,
    anywhere in a feature's folder."""
    app = PACKAGE / "app"
    folders = {p.name for p in app.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(FEATURES) <= folders
    paths = sorted(path for folder in FEATURES for path in (app / folder).rglob("*.py"))
    assert len(paths) >= 30
    assert {p.name: _window_names(p) for p in paths if _window_names(p)} == {}


def test_the_window_check_sees_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from x import MainWindow\ndef f(window, table: ActionTable):\n"
        "    host.window.show()  # a window\n    table.features.files\n"
        "    self.window().isVisible()\n    box.setWindowTitle('x')\n",
        encoding="utf-8",
    )
    assert _window_names(sample) == {"MainWindow", "window", "ActionTable", "features"}
