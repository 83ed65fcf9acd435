"""Every ```python block of token-py/README.md runs on its own (issue 17: snippets rot).

Each block is written to a file in a temporary folder and run there by this interpreter in
isolated mode (``-I``: no current folder or PYTHON* variables on the path), so it imports the
installed wheel, not the source tree, and sees no name it does not define: a reader can paste
any one block into a file and run it. A block that raises (or names something it never
defines) fails the test with its number and output.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)


def test_the_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("n", range(1, len(BLOCKS) + 1))
def test_readme_python_block_runs_alone(n: int, tmp_path: Path) -> None:
    script = tmp_path / f"readme_block_{n}.py"
    # The block itself, then where agoratoken came from: the installed wheel, never token-py/python.
    probe = "\nimport agoratoken as _a, sys as _s; _s.stdout.write('\\nAGORATOKEN ' + _a.__file__ + '\\n')\n"
    script.write_text(BLOCKS[n - 1] + probe, encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", script.name], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"README python block {n} failed:\n{BLOCKS[n - 1]}\n{done.stderr}"
    where = done.stdout.rsplit("AGORATOKEN ", 1)[1].strip()
    assert "site-packages" in where and "token-py" not in where, where
