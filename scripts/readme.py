#!/usr/bin/env python3
"""Keeps the root README's language sections equal to each binding's README.

Each binding documents itself in token-<lang>/README.md (the package's own
readme); the root README carries the same text after the marker line, in a
fixed order. `readme.py --write` rewrites that part; `readme.py --check` fails
when it differs (run by `make test`).
"""
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = "<!-- LANGUAGE SECTIONS: generated from token-*/README.md by `make readme` -->"
ORDER = ["token-capi", "token-cpp", "token-go", "token-php", "token-py", "token-node", "token-java"]


def expected() -> str:
    readme = (ROOT / "README.md").read_text()
    head = readme.split(MARKER)[0].rstrip("\n")
    parts = [(ROOT / d / "README.md").read_text().strip("\n") for d in ORDER]
    return head + "\n\n" + MARKER + "\n\n" + "\n\n".join(parts) + "\n"


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    want = expected()
    have = (ROOT / "README.md").read_text()
    if mode == "--write":
        (ROOT / "README.md").write_text(want)
        return 0
    if MARKER not in have or have != want:
        print("README.md's language sections differ from token-*/README.md: run `make readme`", file=sys.stderr)
        return 1
    print("README.md: language sections match token-*/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
