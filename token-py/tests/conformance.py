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
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

import agoratoken
from agoratoken import AgoraTokenError, v2
from agoratoken.v2 import AccessToken, Service, ServiceApaas, ServiceRtm2

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


# --- 007 -------------------------------------------------------------------------------------

CHANNEL_TYPES: Dict[int, Callable[[str, Union[int, str]], Service]] = {
    v2.ServiceRtc.kServiceType: v2.ServiceRtc,
    v2.ServiceStreaming.kServiceType: v2.ServiceStreaming,
    v2.ServiceFCdn.kServiceType: v2.ServiceFCdn,
}
USER_ID_TYPES: Dict[int, Callable[[str], Service]] = {
    v2.ServiceRtm.kServiceType: v2.ServiceRtm,
    v2.ServiceChat.kServiceType: v2.ServiceChat,
}
NO_FIELD_TYPES: Dict[int, Callable[[], Service]] = {
    cls.kServiceType: cls for cls in (v2.ServiceFpa, v2.ServiceConvoAI, v2.ServiceStt)
}


def service007(spec: Case) -> Service:
    """A build007 service object as the AccessToken class API builds it."""
    kind = spec["type"]
    service: Service
    if kind in CHANNEL_TYPES:
        service = CHANNEL_TYPES[kind](spec["channel_name"], user_of(spec))
    elif kind in USER_ID_TYPES:
        service = USER_ID_TYPES[kind](spec["user_id"])
    elif kind == ServiceRtm2.kServiceType:
        permissions = ServiceRtm2.Permissions()
        for resource_type, permission_type, resources in spec["permissions"]:
            permissions.add(resource_type, permission_type, resources)
        service = ServiceRtm2(spec["user_id"], permissions)
    elif kind == ServiceApaas.kServiceType:
        service = ServiceApaas(spec["room_uuid"], spec["user_uuid"], spec["role"])
    elif kind in NO_FIELD_TYPES:
        service = NO_FIELD_TYPES[kind]()
    else:
        service = Service(kind)
    for privilege, expire in spec["privileges"]:
        service.add_privilege(privilege, expire)
    return service


def build007(case: Case) -> str:
    """build007 through the public AccessToken class API."""
    token = AccessToken(case["app_id"], case["app_certificate"], expire=case["expire"])
    token.issue_ts, token.salt = case["issue_ts"], case["salt"]
    for spec in case["services"]:
        token.add_service(service007(spec))
    return token.build()


def build007_data(case: Case) -> str:
    """invalid007 through the native data entry, which also sees repeated privilege ids and
    RTM2 pairs (the class API keeps the last of a repeated id, as Agora's code does)."""
    services: List[Tuple[Any, ...]] = []
    for spec in case["services"]:
        user = spec["uid"] if "uid" in spec else spec.get("user_account")
        fields = [spec.get(k) for k in ("channel_name",)] + [user] + [
            spec.get(k) for k in ("user_id", "room_uuid", "user_uuid", "role", "permissions")
        ]
        services.append((spec["type"], spec["privileges"], *fields))
    token: str = agoratoken._agoratoken._build007(  # type: ignore[attr-defined]
        case["app_id"], case["app_certificate"], case["issue_ts"], case["expire"], case["salt"], services
    )
    return token


BUILDER_CLASSES: Dict[str, Any] = {
    "rtc": v2.RtcTokenBuilder,
    "rtm": v2.RtmTokenBuilder,
    "chat": v2.ChatTokenBuilder,
    "fpa": v2.FpaTokenBuilder,
    "apaas": v2.ApaasTokenBuilder,
    "education": v2.EducationTokenBuilder,
    "convoai": v2.ConvoAITokenBuilder,
    "stt": v2.SttTokenBuilder,
}


def builder007(case: Case) -> str:
    """Calls the reference-named builder, issue_ts and salt pinned on this thread."""
    prefix, method = case["builder"].split(".")
    build = getattr(BUILDER_CLASSES[prefix], method)
    with v2._pinned(case["issue_ts"], case["salt"]):
        token: str = build(case["app_id"], case["app_certificate"], **case["args"])
    return token


def compare007(token: str, case: Case) -> Optional[str]:
    content = v2.parse(token).content.hex()
    if content != case["content_hex"]:
        return f"content {content}, expected {case['content_hex']}"
    return None if token == case["token"] else f"built {token!r}, expected {case['token']!r}"


def token_form(service: Service) -> Case:
    """A parsed service in the vectors' token form."""
    out: Case = {"type": service.service_type(), "privileges": [[k, v] for k, v in service.privileges.items()]}
    fields = vars(service)
    if service.service_type() in CHANNEL_TYPES:
        user = fields.get("uid", fields.get("account"))
        out.update(channel_name=fields["channel_name"], account="" if user == 0 else str(user))
    elif isinstance(service, ServiceRtm2):
        grants = service.get_permissions().details
        out.update(
            user_id=service.get_user_id(),
            permissions=[[rt, pt, res] for rt, by_type in grants.items() for pt, res in by_type.items()],
        )
    elif isinstance(service, ServiceApaas):
        out.update(room_uuid=service.room_uuid, user_uuid=service.user_uuid, role=service.role)
    elif "user_id" in fields:
        out["user_id"] = fields["user_id"]
    return out


def check_parse007(case: Case) -> Optional[str]:
    token = v2.parse(case["token"])
    got = {
        "app_id": token.app_id,
        "issue_ts": token.issue_ts,
        "expire": token.expire,
        "salt": token.salt,
        "signature_hex": token.signature.hex(),
        "services": [token_form(s) for s in token.services],
        "content_hex": token.content.hex(),
    }
    expected = case["expected"]
    if set(expected) != set(got):
        return f"unexpected fields in expected: {sorted(set(expected) ^ set(got))}"
    for field, value in expected.items():
        if got[field] != value:
            return f"{field}: got {got[field]!r}, expected {value!r}"
    check = case.get("verify")
    if check is not None:
        rtc = check.get("rtc")
        channel, user = (rtc["channel_name"], user_of(rtc)) if rtc else (None, None)
        result = v2.verify(case["token"], check["app_certificate"], channel, user, check["now"])
        if result != check["result"]:
            return f"verify: got {result!r}, expected {check['result']!r}"
        signed = token.verify_signature(check["app_certificate"])
        if signed == (result == "signature_mismatch"):
            return "verify_signature disagrees with verify"
    return None


CHECKS: Dict[str, Callable[[Case], Optional[str]]] = {
    "build006": check_build006,
    "parse006": check_parse006,
    "reject006": check_reject006,
    "invalid006": check_invalid006,
    "build007": lambda case: compare007(build007(case), case),
    "builder007": lambda case: compare007(builder007(case), case),
    "parse007": check_parse007,
    "reject007": lambda case: expect_error(case, lambda: v2.parse(case["token"])),
    "invalid007": lambda case: expect_error(case, lambda: build007_data(case)),
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
