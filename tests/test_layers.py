"""The package's layers: imports between top-level units only point down the stage order
(lazy imports inside functions included), and every sub-package has an ``__init__.py``."""

from __future__ import annotations

import ast
from pathlib import Path

import innonlp

ROOT = Path(innonlp.__file__).parent
# lowest first; a unit may import only units of a lower rank (or its own)
RANKS = {
    "_version": 0, "errors": 0, "types": 1, "io": 1, "perf": 1, "sample": 1,
    "parallel": 2, "config": 2, "runfolder": 2,
    "privacy": 3, "ingest": 4, "nlp": 5, "keyphrases": 6, "themes": 7, "stance": 8, "codebook": 9,
    "compare": 10, "report": 11, "run": 12, "cli": 13, "__init__": 14, "__main__": 15,
}


def _unit(path: Path) -> str:
    rel = path.relative_to(ROOT).parts
    return rel[0][:-3] if rel[0].endswith(".py") else rel[0]


def _targets(path: Path, source: str | None = None) -> set[str]:
    """The top-level units ``path`` (or ``source`` read as if it were ``path``) imports,
    relative or absolute, anywhere in the file."""
    package = list(path.relative_to(ROOT).with_suffix("").parts)[:-1]
    out: set[str] = set()
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
                if not parts and node.module is None:
                    parts = [node.names[0].name]
            elif node.module and node.module.split(".")[0] == "innonlp":
                parts = node.module.split(".")[1:] or [node.names[0].name]
            else:
                continue
            out.add(parts[0] if parts else "__init__")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "innonlp":
                    out.add((a.name.split(".")[1:] or ["__init__"])[0])
    return out


def _edges() -> list[tuple[str, str, str]]:
    edges = []
    for f in sorted(ROOT.rglob("*.py")):
        src = _unit(f)
        for dst in _targets(f):
            if dst != src:
                edges.append((src, dst, str(f.relative_to(ROOT))))
    return edges


def test_every_unit_has_a_rank() -> None:
    units = {_unit(f) for f in ROOT.rglob("*.py")}
    assert units <= set(RANKS), f"units without a layer: {sorted(units - set(RANKS))}"


def test_imports_only_point_down() -> None:
    wrong = [f"{file}: {src} -> {dst}" for src, dst, file in _edges()
             if dst in RANKS and RANKS[dst] >= RANKS[src]]
    assert not wrong, "imports that point up or sideways:\n" + "\n".join(wrong)


def test_every_sub_package_has_an_init() -> None:
    missing = [str(d.relative_to(ROOT)) for d in ROOT.rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
               and not (d / "__init__.py").is_file()]
    assert not missing


def test_the_check_sees_lazy_and_absolute_imports() -> None:
    """The check itself: imports inside functions count, relative and absolute."""
    loader = ROOT / "nlp" / "loader.py"
    assert "run" in _targets(loader, "def f():\n    from ..run import pipeline\n")
    assert "themes" in _targets(loader, "def f():\n    import innonlp.themes.build\n")
    assert "nlp" not in _targets(loader, "from .analysis import x\n") - {"nlp"} \
        and _targets(loader, "from .analysis import x\n") == {"nlp"}
