#!/usr/bin/env python3
"""Conformance runner of the Python binding over the shared vectors (format v1).

A plain program, not a pytest test, so that its summary line is the last thing
printed. Reads every *.jsonl of $AGORA_TOKEN_VECTORS, else <repo root>/tests/vectors.
Exits non-zero when a case fails or none ran.
"""

import json
import os
import pathlib
import sys
from typing import Any, Callable, Dict, List, Optional, Union

import agoratoken
from agoratoken import AgoraTokenError

Case = Dict[str, Any]
REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def vectors_dir() -> pathlib.Path:
    env = os.environ.get("AGORA_TOKEN_VECTORS")
    return pathlib.Path(env) if env else REPO_ROOT / "tests" / "vectors"


def user_of(case: Case) -> Union[int, str]:
    has_uid, has_account = "uid" in case, "user_account" in case
    if has_uid == has_account:
        raise ValueError("the case must have exactly one of uid and user_account")
    user: Union[int, str] = case["uid"] if has_uid else case["user_account"]
    return user


def build(case: Case) -> str:
    builder = agoratoken.SimpleTokenBuilder(case["app_id"], case["app_certificate"], case["channel_name"], user_of(case))
    builder.salt = case["salt"]
    builder.ts = case["ts"]
    for privilege, expire in case["privileges"]:
        builder.setPrivilege(privilege, expire)
    return builder.buildToken()


def check_build006(case: Case) -> Optional[str]:
    token = build(case)
    return None if token == case["token"] else f"built {token!r}, expected {case['token']!r}"


def check_parse006(case: Case) -> Optional[str]:
    parsed = agoratoken.parse(case["token"])
    got = {
        "app_id": parsed.app_id,
        "signature_hex": parsed.signature_hex,
        "crc_channel_name": parsed.crc_channel_name,
        "crc_uid": parsed.crc_uid,
        "salt": parsed.salt,
        "ts": parsed.ts,
        "privileges": [[k, v] for k, v in parsed.privileges.items()],
    }
    expected = case["expected"]
    if set(expected) != set(got):
        return f"unexpected fields in expected: {sorted(set(expected) ^ set(got))}"
    for field, value in expected.items():
        if got[field] != value:
            return f"{field}: got {got[field]!r}, expected {value!r}"
    check = case.get("verify")
    if check is not None:
        result = agoratoken.verify(
            case["token"], check["app_certificate"], check["channel_name"], user_of(check), check["now"]
        )
        if result != check["result"]:
            return f"verify: got {result!r}, expected {check['result']!r}"
    return None


def expect_error(case: Case, action: Callable[[], object]) -> Optional[str]:
    try:
        value = action()
    except AgoraTokenError as e:
        if e.code != case["error"]:
            return f"error {e.code!r} ({e}), expected {case['error']!r}"
        if agoratoken.error_name(e.status) != e.code:
            return f"status {e.status} does not name {e.code!r}"
        return None
    return f"accepted (gave {value!r}), expected error {case['error']!r}"


def check_reject006(case: Case) -> Optional[str]:
    return expect_error(case, lambda: agoratoken.parse(case["token"]))


def check_invalid006(case: Case) -> Optional[str]:
    return expect_error(case, lambda: build(case))


CHECKS: Dict[str, Callable[[Case], Optional[str]]] = {
    "build006": check_build006,
    "parse006": check_parse006,
    "reject006": check_reject006,
    "invalid006": check_invalid006,
}


def main() -> int:
    directory = vectors_dir()
    passed = failed = 0
    files: List[pathlib.Path] = sorted(directory.glob("*.jsonl")) if directory.is_dir() else []
    if not files:
        print(f"no *.jsonl vectors in {directory}")
    seen = set()
    for path in files:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                case = json.loads(line)
                where = f"{path.name}:{lineno} {case['id']}"
                if case["id"] in seen:
                    raise ValueError("duplicate id")
                seen.add(case["id"])
                check = CHECKS.get(case["kind"])
                problem = f"unknown kind {case['kind']!r}" if check is None else check(case)
            except Exception as e:  # a case that cannot run is a failure, never a skip
                problem = f"{type(e).__name__}: {e}"
            if problem is None:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {where}: {problem}")
    print(f"conformance[python]: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
