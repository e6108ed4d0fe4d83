"""Prints (or runs) the ```python blocks of the repository's README.md, in order, as one
script: the README's Python quickstart as the test command executes it.

    python bindings-python/tools/readme_python.py          # print the script
    python bindings-python/tools/readme_python.py --run    # run it (exit status 1 on error)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def blocks(text: str) -> list[str]:
    """The bodies of the fenced ```python blocks of a Markdown text."""
    return re.findall(r"^```python[ \t]*\n(.*?)^```[ \t]*$", text, flags=re.S | re.M)


def script(path: Path = README) -> str:
    found = blocks(path.read_text(encoding="utf-8"))
    if not found:
        raise SystemExit(f"no ```python block in {path}")
    return "\n".join(found)


if __name__ == "__main__":
    code = script()
    if "--run" in sys.argv[1:]:
        exec(compile(code, str(README), "exec"), {"__name__": "__readme__"})
    else:
        print(code)
