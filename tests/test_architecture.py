"""The house keeps one direction of flow and small modules (ARCHITECTURE.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A module longer than this owns more than one thing: split it before it grows further.
MAX_LINES = 400


def test_every_layer_imports_only_downward() -> None:
    # import-linter reads the contract in pyproject.toml, in-function imports included.
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_the_contract_names_every_package() -> None:
    contract = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.importlinter]")[1]
    packages = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "suivi").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()
    }
    missing = sorted(
        name
        for name in packages
        if f'"suivi.{name}' not in contract
        and f"suivi.{name} " not in contract
        and f"| suivi.{name}" not in contract
    )
    assert not missing, f"packages outside the layer contract: {missing}"


@pytest.mark.parametrize(
    "module", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "suivi").rglob("*.py"))
)
def test_modules_stay_small(module: str) -> None:
    lines = (ROOT / module).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines"
