"""The README's Python quickstart runs: its ```python blocks, extracted and executed in
order (the fresh-venv check of scripts/test-python.sh runs the same script against the
installed wheel), and the example scripts of examples/python/ run to completion."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "bindings-python" / "tools" / "readme_python.py"


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("readme_python", TOOL)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_readme_python_blocks_run(capsys: pytest.CaptureFixture[str]) -> None:
    code = _tool().script()  # type: ignore[attr-defined]
    assert "import clusterpolicy as cp" in code
    exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out
    assert out.startswith("True ")
    assert "actors[0].country unknown_country_code" in out


def test_mission_example_runs(tmp_path: Path) -> None:
    script = ROOT / "examples" / "python" / "mission.py"
    args = [sys.executable, str(script), "--out", str(tmp_path)]
    if importlib.util.find_spec("matplotlib") is not None:
        args.append("--plots")
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, env={**os.environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr
    assert "mission complete" in done.stdout
    assert (tmp_path / "report.html").read_text().startswith("<!DOCTYPE html>")
