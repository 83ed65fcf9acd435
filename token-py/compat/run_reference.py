"""Runs Agora's own Python test files against agoratoken, with only their import lines changed.

    AGORA_TOOLS_DIR=/path/to/AgoraIO-Tools python3 token-py/compat/run_reference.py
    make compat-reference-python AGORA_TOOLS_DIR=/path/to/AgoraIO-Tools

``AGORA_TOOLS_DIR`` is a fetched copy of AgoraIO/Tools (it holds
``DynamicKey/AgoraDynamicKey/python3/test`` and ``.../python/test``). The in-scope files are
copied to a temporary folder outside the repository; each import of Agora's modules
(``from src.X import ...``, ``from src import X``, and the older ``import X`` /
``from X import ...`` of ``python/test``) is rewritten to ``agoratoken.reference``; nothing
else is touched. The files are then run with unittest, each test case counted once:

- passed / failed;
- known difference: a test that fails because this library deliberately refuses what Agora's
  code accepts (listed in ``KNOWN_DIFFERENCES`` with the reason, and in the README). One that
  passes is a failure, so the list stays true;
- skipped: a test of Agora's private packing helpers, or a file out of scope (``OUT_OF_SCOPE``).

The last line is ``compat[python, reference]: N passed, M failed, D known differences, K skipped``;
the exit status is non-zero when M > 0 or N = 0. Without ``AGORA_TOOLS_DIR`` it says it skipped
and exits 0 (it is not part of ``make test``: the vendor's files are never in the repository).
"""

import importlib.util
import os
import re
import shutil
import sys
import tempfile
import traceback
import unittest
from types import TracebackType
from typing import Dict, List, Tuple, Type, Union

_ExcInfo = Union[Tuple[Type[BaseException], BaseException, TracebackType], Tuple[None, None, None]]

# Agora's modules, as its tests import them, and where they are here.
REFERENCE_MODULES = (
    "AccessToken",
    "AccessToken2",
    "RtcTokenBuilder",
    "RtmTokenBuilder",
    "RtcTokenBuilder2",
    "RtmTokenBuilder2",
    "ChatTokenBuilder2",
    "fpa_token_builder",
    "apaas_token_builder",
    "education_token_builder",
    "utils",
)
TARGET = "agoratoken.reference"

# The test files of the scope: AccessToken (006), AccessToken2 (007) and every builder.
IN_SCOPE = (
    "AccessTokenTest.py",
    "AccessToken2Test.py",
    "RtcTokenBuilderTest.py",
    "RtmTokenBuilderTest.py",
    "RtcTokenBuilder2Test.py",
    "RtmTokenBuilder2Test.py",
    "ChatTokenBuilder2Test.py",
    "test_fpa_token_builder.py",
    "test_apaas_token_builder.py",
    "test_education_token_builder.py",
    # Agora's token printer (AgoraDynamicKey/parse.py) reads AccessToken2's private fields; its
    # test runs with parse.py copied beside it and both files' imports rewritten.
    "ParseTest.py",
)

# Scripts of Agora's that a test imports: copied (imports rewritten) to where the test looks.
SUPPORT_FILES = {"ParseTest.py": ("parse.py", "..")}  # from AgoraDynamicKey/, to the copy's suites folder

# Files not run, with the reason (each counts as one skipped entry).
OUT_OF_SCOPE = {
    "DynamicKeyTest.py": "DynamicKey (format 1), not 006/007",
    "DynamicKey2Test.py": "DynamicKey2, not 006/007",
    "DynamicKey3Test.py": "DynamicKey3, not 006/007",
    "DynamicKey4Test.py": "DynamicKey4, not 006/007",
    "DynamicKey5Test.py": "DynamicKey5, not 006/007",
    "SignalingTokenTest.py": "SignalingToken, not 006/007",
    "test_utils.py": "Agora's private packing helpers (src/Packer.py: pack_map_string, unpack_map_string)",
}

# Test cases of in-scope files that exercise Agora's private packing helpers (skipped).
SKIPPED_CASES = {
    "AccessTokenTest.test_pack_and_parse_helpers": "asserts Agora's private packing helpers packInt32 and packMap",
}

# Test cases that fail on purpose: this library refuses the input (see the README's
# "Differences from Agora's builders"), as "File.py::Class.test": "reason".
KNOWN_DIFFERENCES: Dict[str, str] = {
    "ParseTest.py::ParseTest.test_parse_unknown_privilege": (
        "builds RTC privilege 99, which Agora does not define: refused at build (\"privilege\"), as a token "
        "granting it would not grant what the caller asked for"
    ),
}

SUITES = ("python3", "python")
_PAST = {"pass": "passed", "skip": "skipped", "fail": "failed"}

_FROM_SRC = re.compile(r"^(\s*)from\s+(?:python3\.)?src\.(\w+)\s+import\s+(.+)$")
_FROM_SRC_PKG = re.compile(r"^(\s*)from\s+src\s+import\s+(.+)$")
_IMPORT_BARE = re.compile(r"^(\s*)import\s+(\w+)\s*$")
_FROM_BARE = re.compile(r"^(\s*)from\s+(\w+)\s+import\s+(.+)$")


def rewrite_imports(text: str) -> Tuple[str, int]:
    """Rewrites only the lines that import one of Agora's modules; returns the text and how many."""
    out, changed = [], 0
    for line in text.splitlines(keepends=True):
        body, end = line.rstrip("\r\n"), line[len(line.rstrip("\r\n")) :]
        new = body
        src, src_pkg = _FROM_SRC.match(body), _FROM_SRC_PKG.match(body)
        if src and src.group(2) in REFERENCE_MODULES:
            new = f"{src.group(1)}from {TARGET}.{src.group(2)} import {src.group(3)}"
        elif src_pkg:
            new = f"{src_pkg.group(1)}from {TARGET} import {src_pkg.group(2)}"
        else:
            bare, from_bare = _IMPORT_BARE.match(body), _FROM_BARE.match(body)
            if bare and bare.group(2) in REFERENCE_MODULES:
                new = f"{bare.group(1)}from {TARGET} import {bare.group(2)}"
            elif from_bare and from_bare.group(2) in REFERENCE_MODULES:
                new = f"{from_bare.group(1)}from {TARGET}.{from_bare.group(2)} import {from_bare.group(3)}"
        if new != body:
            changed += 1
        out.append(new + end)
    return "".join(out), changed


class _Collect(unittest.TestResult):
    """Every test's outcome by id: "pass", "fail" (with the traceback) or "skip"."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: Dict[str, Tuple[str, str]] = {}

    @staticmethod
    def _id(test: unittest.TestCase) -> str:
        return f"{type(test).__name__}.{test._testMethodName}"

    def addSuccess(self, test: unittest.TestCase) -> None:  # noqa: N802
        self.outcomes[self._id(test)] = ("pass", "")

    def addFailure(self, test: unittest.TestCase, err: _ExcInfo) -> None:  # noqa: N802
        self.outcomes[self._id(test)] = ("fail", "".join(traceback.format_exception(err[0], err[1], err[2])))

    def addError(self, test: unittest.TestCase, err: _ExcInfo) -> None:  # noqa: N802
        self.addFailure(test, err)

    def addSkip(self, test: unittest.TestCase, reason: str) -> None:  # noqa: N802
        self.outcomes[self._id(test)] = ("skip", reason)


def run_file(path: str, module_name: str) -> Tuple[Dict[str, Tuple[str, str]], str]:
    """Loads one rewritten test file and runs its tests; a file that fails to load is one failure."""
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    except Exception:
        return {}, traceback.format_exc()
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    tests: List[unittest.TestCase] = []

    def flatten(s: unittest.TestSuite) -> None:
        for t in s:
            if isinstance(t, unittest.TestSuite):
                flatten(t)
            else:
                tests.append(t)

    flatten(suite)
    result = _Collect()
    for test in tests:
        case = _Collect._id(test)
        if case in SKIPPED_CASES:
            result.outcomes[case] = ("skip", SKIPPED_CASES[case])
            continue
        test(result)
    return result.outcomes, ""


def main() -> int:
    tools = os.environ.get("AGORA_TOOLS_DIR", "")
    if not tools:
        print("compat[python, reference]: skipped: AGORA_TOOLS_DIR not set")
        return 0
    base = os.path.join(tools, "DynamicKey", "AgoraDynamicKey")
    if not os.path.isdir(base):
        print(f"compat[python, reference]: AGORA_TOOLS_DIR has no DynamicKey/AgoraDynamicKey: {tools}")
        return 1
    passed = failed = known = skipped = 0
    work = tempfile.mkdtemp(prefix="agoratoken-reference-python-")
    try:
        for suite in SUITES:
            test_dir = os.path.join(base, suite, "test")
            if not os.path.isdir(test_dir):
                print(f"{suite}/test: not in this copy of AgoraIO/Tools")
                continue
            copy_dir = os.path.join(work, suite, "test")
            os.makedirs(copy_dir)
            for name in sorted(os.listdir(test_dir)):
                if not name.endswith(".py") or name == "__init__.py":
                    continue
                where = f"{suite}/test/{name}"
                if name in OUT_OF_SCOPE:
                    skipped += 1
                    print(f"SKIP  {where}: out of scope: {OUT_OF_SCOPE[name]}")
                    continue
                if name not in IN_SCOPE:
                    failed += 1
                    print(f"FAIL  {where}: a test file this runner does not know: add it to IN_SCOPE or OUT_OF_SCOPE")
                    continue
                with open(os.path.join(test_dir, name), encoding="utf-8") as f:
                    text, changed = rewrite_imports(f.read())
                copy = os.path.join(copy_dir, name)
                with open(copy, "w", encoding="utf-8") as f:
                    f.write(text)
                if name in SUPPORT_FILES:
                    script, where_to = SUPPORT_FILES[name]
                    with open(os.path.join(base, script), encoding="utf-8") as f:
                        script_text, script_changed = rewrite_imports(f.read())
                    changed += script_changed
                    with open(os.path.join(copy_dir, "..", where_to, script), "w", encoding="utf-8") as f:
                        f.write(script_text)
                outcomes, load_error = run_file(copy, f"_reference_{suite}_{name[:-3]}")
                if load_error:
                    failed += 1
                    print(f"FAIL  {where}: does not load ({changed} import lines rewritten)\n{load_error}")
                    continue
                counts = {"pass": 0, "fail": 0, "known": 0, "skip": 0}
                for case, (status, detail) in sorted(outcomes.items()):
                    key = f"{name}::{case}"
                    if key in KNOWN_DIFFERENCES:
                        if status == "fail":
                            counts["known"] += 1
                            print(f"KNOWN {where}::{case}: {KNOWN_DIFFERENCES[key]}")
                        else:
                            counts["fail"] += 1
                            print(f"FAIL  {where}::{case}: listed as a known difference but {_PAST[status]}: update the list")
                        continue
                    counts[status] += 1
                    if status == "fail":
                        print(f"FAIL  {where}::{case}\n{detail}")
                    elif status == "skip":
                        print(f"SKIP  {where}::{case}: {detail}")
                print(
                    f"file  {where}: {counts['pass']} passed, {counts['fail']} failed, "
                    f"{counts['known']} known differences, {counts['skip']} skipped ({changed} import lines rewritten)"
                )
                passed += counts["pass"]
                failed += counts["fail"]
                known += counts["known"]
                skipped += counts["skip"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"compat[python, reference]: {passed} passed, {failed} failed, {known} known differences, {skipped} skipped")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
