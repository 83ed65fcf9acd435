"""agoratoken.v2 (AccessToken2, "007"): every builder, the AccessToken class, parse, verify,
every failure path, threads, and the names against the core's table."""

import copy
import hashlib
import inspect
import json
import pathlib
import pickle
import threading
import time

import pytest

import agoratoken
from agoratoken import AgoraTokenError, v2
from agoratoken.v2 import (
    AccessToken,
    ApaasTokenBuilder,
    ChatTokenBuilder,
    EducationTokenBuilder,
    FpaTokenBuilder,
    Role_Publisher,
    Role_Subscriber,
    RtcTokenBuilder,
    RtmTokenBuilder,
    Service,
    ServiceApaas,
    ServiceChat,
    ServiceFCdn,
    ServiceFpa,
    ServiceRtc,
    ServiceRtm,
    ServiceRtm2,
    ServiceStreaming,
    parse,
    verify,
)

from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, UID, assert_no_certificate
from test_builder import ERROR_CODES

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"
# FORMAT007.md / build007 case 0001: the inputs of every reference test.
AGORA_RTC_TOKEN = (
    "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj"
)
CLASSES = {
    "rtc": v2.RtcTokenBuilder,
    "rtm": v2.RtmTokenBuilder,
    "chat": v2.ChatTokenBuilder,
    "fpa": v2.FpaTokenBuilder,
    "apaas": v2.ApaasTokenBuilder,
    "education": v2.EducationTokenBuilder,
    "convoai": v2.ConvoAITokenBuilder,
    "stt": v2.SttTokenBuilder,
}


def raises_code(code, action):
    with pytest.raises(AgoraTokenError) as info:
        action()
    err = info.value
    assert err.code == code, str(err)
    assert err.status == ERROR_CODES[code]
    assert_no_certificate(str(err))
    return err


def vectors(kind):
    lines = (VECTORS / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def rtc(uid=UID, role=Role_Publisher, token_expire=3600, privilege_expire=0):
    return RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, uid, role, token_expire, privilege_expire)


# --- names -------------------------------------------------------------------------------------


def test_every_row_of_the_core_table_is_a_method_with_the_reference_signature():
    recipes = agoratoken._agoratoken._tables()["recipes"]
    assert len(recipes) == 19
    for index, (name, params) in enumerate(recipes):
        prefix, method = name.split(".")
        fn = getattr(CLASSES[prefix], method)
        sig = inspect.signature(fn)
        names = list(sig.parameters)
        assert names == ["app_id", "app_certificate"] + [p for p, _kind, _default, _code in params], name
        for p, _kind, default, _code in params:
            want = inspect.Parameter.empty if default is None else default
            assert sig.parameters[p].default == want, (name, p)
        assert fn.__doc__ and len(fn.__doc__) > 30, name
        # The method calls its own row: the source names the row's constant.
        assert v2._RECIPE[name] == index



# --- what help() says about each builder is true ---------------------------------------------------

GOOD = {"uid": 42, "rtc_role": Role_Publisher, "apaas_role": 1, "expire": 3600, "privilege_expire": 600,
        "permissions": [(0, 0, ["room-1"])]}
BAD = {"uid": 2**32, "rtc_role": 3, "apaas_role": 40000, "expire": 2**32, "privilege_expire": 2**32,
       "permissions": [(9, 0, ["room-1"])], "channel_name": "bad/name", "user_account": "bad/name",
       "user_id": "x" * 256, "room_uuid": "x" * 65536, "user_uuid": "x" * 65536}


def _good(name, kind):
    return GOOD[kind] if kind in GOOD else ("room-1" if name in ("channel_name", "room_uuid") else "alice")


def _recipes():
    for name, params in agoratoken._agoratoken._tables()["recipes"]:
        prefix, method = name.split(".")
        yield name, getattr(CLASSES[prefix], method), params


@pytest.mark.parametrize("recipe", [r[0] for r in _recipes()])
def test_each_builder_docstring_lists_the_errors_it_raises(recipe):
    """Each parameter's bad value raises the category the docstring names for it; None raises
    null_argument (the RTC role aside: join-only); bytes and float raise TypeError."""
    _name, fn, params = next(r for r in _recipes() if r[0] == recipe)
    doc = fn.__doc__
    for heading in ("Raises ``AgoraTokenError``", "Raises ``TypeError``", "Source of the arguments", ">>> token ="):
        assert heading in doc, (recipe, heading)
    assert ("npm agora-token" in doc) == recipe.startswith(("convoai", "stt")), recipe
    good = [APP_ID, APP_CERTIFICATE] + [_good(n, k) for n, k, _d, _c in params]
    assert fn(*good).startswith("007")
    for field, value, code in [(0, "x" * 32, "app_id"), (1, "x" * 32, "app_certificate")]:
        args = list(good)
        args[field] = value
        raises_code(code, lambda: fn(*args))
    for i, (name, kind, _default, code) in enumerate(params, 2):
        assert f'``"{code}"``' in doc and f"``{name}``" in doc, (recipe, name)
        bad = BAD[kind] if kind in BAD else BAD[code]
        if recipe.startswith("chat") and code == "user_id":
            bad = "x" * 256
        args = list(good)
        args[i] = bad
        raises_code(code, lambda: fn(*args))
        args[i] = None
        if kind == "rtc_role":
            assert fn(*args).startswith("007")
        else:
            raises_code("null_argument", lambda: fn(*args))
        args[i] = b"x" if kind == "str" else 1.5
        if kind != "permissions":
            with pytest.raises(TypeError):
                fn(*args)
        args[i] = "a\ud800" if kind == "str" else good[i]
        if kind == "str":
            raises_code("utf8", lambda: fn(*args))
    if recipe.endswith("room_user_token"):  # user_uuid over 255 bytes: the RTM login's user_id
        raises_code("user_id", lambda: fn(APP_ID, APP_CERTIFICATE, "room-1", "x" * 256, 1, 3600))


def test_each_builder_docstring_example_runs():
    """The example of every builder's docstring, as doctest runs it: self-contained, builds a 007 token."""
    import doctest

    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tested = set()
    for recipe, fn, _params in _recipes():
        for test in finder.find(fn, recipe, globs={}):
            if test.examples:
                tested.add(recipe)
                runner.run(test)
    for name, obj in [("AccessToken", AccessToken), ("parse", v2.parse), ("verify", v2.verify)]:
        tests = [t for t in finder.find(obj, name, globs={}) if t.examples]
        assert tests, name
        for test in tests:
            tested.add(name)
            runner.run(test)
    assert len(tested) == 19 + 3
    assert runner.summarize(verbose=False).failed == 0


def test_constants_come_from_the_core():
    tables = agoratoken._agoratoken._tables()
    for type_id, class_name, privileges in tables["services"]:
        cls = getattr(v2, class_name)
        assert cls.kServiceType == type_id
        assert AccessToken.kServices[type_id] is cls
        for pid, pname in privileges:
            assert getattr(cls, pname) == pid
    assert (ServiceRtc.kPrivilegeJoinChannel, ServiceRtc.kPrivilegePublishDataStream) == (1, 4)
    assert (ServiceChat.kPrivilegeUser, ServiceChat.kPrivilegeApp) == (1, 2)
    assert (ServiceApaas.kPrivilegeRoomUser, ServiceApaas.kPrivilegeApp) == (1, 3)
    p = ServiceRtm2.Permissions
    assert (p.kMessageChannels, p.kStreamChannels, p.kGroupChannels, p.kServerGroups, p.kUsers) == (0, 1, 2, 3, 4)
    assert (p.kRead, p.kWrite) == (0, 1)
    assert (Role_Publisher, Role_Subscriber) == (1, 2)
    assert v2.get_version() == "007" and v2.VERSION_LENGTH == 3


def test_module_namespaces_hold_only_their_own_names():
    assert "IntEnum" not in dir(agoratoken) and "Literal" not in dir(agoratoken)
    assert "_IntEnum" not in dir(agoratoken)
    public = {n for n in dir(v2) if not n.startswith("_")}
    assert public == set(v2.__all__)
    assert agoratoken.v2 is v2


def test_help_tells_units_errors_and_an_example():
    for doc in (RtcTokenBuilder.__doc__, agoratoken.RtcTokenBuilder.__doc__):
        assert "Example" in doc and "AgoraTokenError" in doc
    assert "seconds from now" in RtcTokenBuilder.__doc__
    assert "Unix timestamp" in agoratoken.RtcTokenBuilder.__doc__
    assert "Unix" in agoratoken.RtcTokenBuilder.buildTokenWithUid.__doc__
    assert "Unix" in agoratoken.SimpleTokenBuilder.setPrivilege.__doc__
    for cls in CLASSES.values():
        assert cls.__doc__
    assert "seconds from now" in v2.__doc__


# --- builders ----------------------------------------------------------------------------------


def test_the_agora_sample_token_under_pinned_inputs():
    with v2._pinned(1111111, 1):
        token = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, Role_Subscriber, 600, 600)
    assert token == AGORA_RTC_TOKEN
    # Unpinned again: the clock and a fresh salt.
    t = parse(rtc())
    assert abs(t.issue_ts - time.time()) < 5
    assert t.salt != 1


def test_roles_and_privileges():
    pub = parse(rtc(role=Role_Publisher, privilege_expire=60)).services[0]
    assert pub.privileges == {1: 60, 2: 60, 3: 60, 4: 60}
    sub = parse(rtc(role=Role_Subscriber)).services[0]
    assert sub.privileges == {1: 0}
    raises_code("role", lambda: rtc(role=0))
    raises_code("role", lambda: rtc(role=3))
    # uid 0 is written as "" and admits anyone.
    token = rtc(uid=0)
    assert parse(token).services[0].uid == 0
    assert verify(token, APP_CERTIFICATE, CHANNEL, 12345) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, "alice") == "ok"


def test_every_builder_builds_what_it_says():
    cases = {
        "account": RtcTokenBuilder.build_token_with_user_account(APP_ID, APP_CERTIFICATE, CHANNEL, "alice", 1, 600),
        "uid_priv": RtcTokenBuilder.build_token_with_uid_and_privilege(APP_ID, APP_CERTIFICATE, CHANNEL, 7, 600, 1, 2, 3, 4),
        "account_priv": RtcTokenBuilder.build_token_with_user_account_and_privilege(
            APP_ID, APP_CERTIFICATE, CHANNEL, "bob", 600, 1, 2, 3, 4
        ),
        "rtm": RtcTokenBuilder.build_token_with_rtm(APP_ID, APP_CERTIFICATE, CHANNEL, "carol", 2, 600, 30),
        "rtm2": RtcTokenBuilder.build_token_with_rtm2(
            APP_ID, APP_CERTIFICATE, CHANNEL, "dave", 1, 600, 1, 2, 3, 4, "dave-rtm", 500
        ),
        "rtm_only": RtmTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, "erin", 600),
        "chat_user": ChatTokenBuilder.build_user_token(APP_ID, APP_CERTIFICATE, "frank", 600),
        "chat_app": ChatTokenBuilder.build_app_token(APP_ID, APP_CERTIFICATE, 600),
        "fpa": FpaTokenBuilder.build_token(APP_ID, APP_CERTIFICATE),
        "room": ApaasTokenBuilder.build_room_user_token(APP_ID, APP_CERTIFICATE, "room", "user-316", 0, 600),
        "user": ApaasTokenBuilder.build_user_token(APP_ID, APP_CERTIFICATE, "u", 600),
        "app": ApaasTokenBuilder.build_app_token(APP_ID, APP_CERTIFICATE, 600),
        "edu_room": EducationTokenBuilder.build_room_user_token(APP_ID, APP_CERTIFICATE, "room", "user-316", 0, 600),
        "convoai": v2.ConvoAITokenBuilder.build_token(APP_ID, APP_CERTIFICATE, CHANNEL, "a", 1, 600, 1, 2, 3, 4, "b", 5),
        "stt": v2.SttTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, CHANNEL, "a", 2, 600, 1, 2, 3, 4, "b", 5),
    }
    got = {k: parse(t) for k, t in cases.items()}
    for token in got.values():
        assert token.app_id == APP_ID
    assert [type(s).__name__ for s in got["rtm2"].services] == ["ServiceRtc", "ServiceRtm"]
    assert got["rtm2"].services[0].privileges == {1: 1, 2: 2, 3: 3, 4: 4}
    assert got["rtm2"].services[1].user_id == "dave-rtm" and got["rtm2"].services[1].privileges == {1: 500}
    assert got["rtm"].services[0].privileges == {1: 30}
    assert got["rtm"].services[1].privileges == {1: 600}
    assert got["uid_priv"].services[0].uid == "7"
    assert got["chat_app"].services[0].user_id == "" and got["chat_app"].services[0].privileges == {2: 600}
    assert got["fpa"].expire == 86400 and got["fpa"].services[0].privileges == {1: 0}
    room = got["room"].services
    assert [s.service_type() for s in room] == [2, 5, 7]
    assert room[0].user_id == "user-316" and room[1].user_id == hashlib.md5(b"user-316").hexdigest()
    assert room[2].room_uuid == "room" and room[2].role == 0 and room[2].privileges == {1: 600}
    assert got["edu_room"].services == room
    assert got["user"].services[0].role == -1 and got["app"].services[0].user_uuid == ""
    assert [s.service_type() for s in got["convoai"].services] == [1, 2, 9]
    assert [s.service_type() for s in got["stt"].services] == [1, 2, 10]
    assert got["stt"].services[0].privileges == {1: 1}
    for name, token in cases.items():
        assert verify(token, APP_CERTIFICATE) == "ok", name
        assert verify(token, APP_CERTIFICATE, now=int(time.time()) + 10**6) == "expired", name


def test_rtm2_permissions():
    perms = ServiceRtm2.Permissions()
    perms.add(perms.kUsers, perms.kWrite, ["u1"])
    perms.add(perms.kMessageChannels, perms.kRead, ["c1", "c2"])
    perms.add(perms.kUsers, perms.kWrite, ["u2"])  # replaces
    token = RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "alice", perms, 600)
    service = parse(token).services[0]
    assert isinstance(service, ServiceRtm2) and service.get_user_id() == "alice"
    assert service.get_permissions().details == {0: {0: ["c1", "c2"]}, 4: {1: ["u2"]}}
    as_list = RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "alice", [(4, 1, ["u2"]), (0, 0, ["c1", "c2"])], 600)
    assert parse(as_list).services == parse(token).services
    # expire defaults to 0, as in python3.
    assert parse(RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", perms)).expire == 0
    raises_code("permission", lambda: RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", [(5, 0, [])]))
    raises_code("permission", lambda: RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", [(0, 2, [])]))
    raises_code("permission", lambda: RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", [(2**70, 0, [])]))
    with pytest.raises(TypeError):
        perms.add(0, 0, "not-a-list")
    with pytest.raises(TypeError):
        RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", [(0, 0, "res")])
    with pytest.raises(TypeError):
        RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", [(0, 0)])
    with pytest.raises(TypeError):
        RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", 5)
    raises_code("null_argument", lambda: RtmTokenBuilder.build_token_with_permissions(APP_ID, APP_CERTIFICATE, "a", None))


# --- failure paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code,call",
    [
        ("app_id", lambda: rtc_with(app_id="")),
        ("app_id", lambda: rtc_with(app_id="00112233445566778899aabbccdd ee ")),
        ("app_certificate", lambda: rtc_with(app_certificate="x" * 32)),
        ("channel_name", lambda: rtc_with(channel_name="")),
        ("channel_name", lambda: rtc_with(channel_name="a/b")),
        ("channel_name", lambda: rtc_with(channel_name="c" * 65)),
        ("uid", lambda: rtc_with(uid=-1)),
        ("uid", lambda: rtc_with(uid=2**32)),
        ("uid", lambda: rtc_with(uid=2**64)),
        ("uid", lambda: rtc_with(uid=10**5000)),
        ("role", lambda: rtc_with(role=-(2**80))),
        ("expire", lambda: rtc_with(token_expire=-1)),
        ("expire", lambda: rtc_with(token_expire=2**32)),
        ("expire_ts", lambda: rtc_with(privilege_expire=2**32)),
        ("expire_ts", lambda: rtc_with(privilege_expire=2**100)),
        ("null_argument", lambda: rtc_with(uid=None)),
        ("null_argument", lambda: rtc_with(channel_name=None)),
        ("null_argument", lambda: rtc_with(app_certificate=None)),
        ("utf8", lambda: rtc_with(channel_name="ab\udc80")),
        ("user_account", lambda: RtcTokenBuilder.build_token_with_user_account(APP_ID, APP_CERTIFICATE, CHANNEL, "", 1, 60)),
        ("user_account", lambda: RtcTokenBuilder.build_token_with_user_account(APP_ID, APP_CERTIFICATE, CHANNEL, "a/b", 1, 60)),
        ("utf8", lambda: RtcTokenBuilder.build_token_with_user_account(APP_ID, APP_CERTIFICATE, CHANNEL, "\ud800", 1, 60)),
        ("user_id", lambda: RtmTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, "", 60)),
        ("user_id", lambda: RtmTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, "u" * 256, 60)),
        ("utf8", lambda: RtmTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, "\udfff", 60)),
        ("user_id", lambda: ChatTokenBuilder.build_user_token(APP_ID, APP_CERTIFICATE, "u" * 256, 60)),
        ("role", lambda: ApaasTokenBuilder.build_room_user_token(APP_ID, APP_CERTIFICATE, "r", "u", 32768, 60)),
        ("role", lambda: ApaasTokenBuilder.build_room_user_token(APP_ID, APP_CERTIFICATE, "r", "u", -32769, 60)),
        ("room_uuid", lambda: ApaasTokenBuilder.build_room_user_token(APP_ID, APP_CERTIFICATE, "r" * 65536, "u", 1, 60)),
        ("user_uuid", lambda: ApaasTokenBuilder.build_user_token(APP_ID, APP_CERTIFICATE, "u" * 65536, 60)),
        ("expire", lambda: ChatTokenBuilder.build_app_token(APP_ID, APP_CERTIFICATE, 2**33)),
        ("app_certificate", lambda: FpaTokenBuilder.build_token(APP_ID, "")),
    ],
)
def test_bad_input_raises_its_category(code, call):
    raises_code(code, call)


def rtc_with(**changes):
    args = dict(
        app_id=APP_ID, app_certificate=APP_CERTIFICATE, channel_name=CHANNEL, uid=UID, role=1, token_expire=60, privilege_expire=0
    )
    args.update(changes)
    return RtcTokenBuilder.build_token_with_uid(**args)


@pytest.mark.parametrize(
    "changes",
    [
        {"uid": True},
        {"uid": 1.0},
        {"uid": b"42"},
        {"role": True},
        {"role": 1.5},
        {"token_expire": "60"},
        {"privilege_expire": 0.0},
        {"channel_name": b"room"},
        {"app_id": b"970CA35de60c44645bbae8a215061b33"},
        {"app_certificate": 5},
    ],
)
def test_wrong_types_raise_type_error(changes):
    with pytest.raises(TypeError) as info:
        rtc_with(**changes)
    assert_no_certificate(str(info.value))


def test_arity_and_keywords_work_as_in_python():
    assert rtc_with(privilege_expire=5).startswith("007")
    with pytest.raises(TypeError):
        RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1)  # type: ignore[call-arg]
    with pytest.raises(AgoraTokenError):
        agoratoken._agoratoken._build(0, APP_ID, APP_CERTIFICATE, CHANNEL, 1, 1, 60, 0, 99)
    err = raises_code("null_argument", lambda: agoratoken._agoratoken._build(0, APP_ID, APP_CERTIFICATE, CHANNEL))
    assert "uid" in str(err)
    raises_code("internal", lambda: agoratoken._agoratoken._build(10**6, APP_ID, APP_CERTIFICATE))


def test_messages_never_hold_the_certificate():
    for call in (
        lambda: rtc_with(channel_name="bad/name"),
        lambda: rtc_with(app_id=APP_CERTIFICATE[:-1]),
        lambda: rtc_with(app_certificate=APP_CERTIFICATE + "0"),
        lambda: rtc_with(app_certificate=APP_CERTIFICATE[:-1] + "\udc80"),
    ):
        with pytest.raises(AgoraTokenError) as info:
            call()
        assert_no_certificate(str(info.value))
        assert_no_certificate(repr(info.value))
    token = AccessToken(APP_ID, APP_CERTIFICATE)
    token.add_service(ServiceRtc(CHANNEL, 1))
    assert_no_certificate(repr(token))
    with pytest.raises(TypeError):
        pickle.dumps(token)


# --- the AccessToken class ---------------------------------------------------------------------


def test_access_token_builds_every_build007_vector():
    for case in vectors("build007"):
        token = AccessToken(case["app_id"], case["app_certificate"], expire=case["expire"])
        token.issue_ts, token.salt = case["issue_ts"], case["salt"]
        for spec in case["services"]:
            token.add_service(service_of(spec))
        assert token.build() == case["token"], case["id"]
        # Read back and built again: the same token.
        again = parse(case["token"])
        again_token = AccessToken(case["app_id"], case["app_certificate"], expire=again.expire)
        again_token.issue_ts, again_token.salt = again.issue_ts, again.salt
        for s in again.services:
            again_token.add_service(s)
        assert again_token.build() == case["token"], case["id"]


def test_access_token_refuses_every_invalid007_vector_it_can_express():
    for case in vectors("invalid007"):
        repeated = any(len({p for p, _ in s["privileges"]}) != len(s["privileges"]) for s in case["services"]) or any(
            len({(rt, pt) for rt, pt, _ in s.get("permissions", [])}) != len(s.get("permissions", []))
            for s in case["services"]
        )
        token = AccessToken(case["app_id"], case["app_certificate"], expire=case["expire"])
        token.issue_ts, token.salt = case["issue_ts"], case["salt"]
        for spec in case["services"]:
            token.add_service(service_of(spec))
        unknown = [s["type"] for s in case["services"] if s["type"] not in AccessToken.kServices]
        if unknown and case["error"] == "service":
            # The class API writes a plain Service(n) of an unknown type as Agora's base class
            # does (the data form refuses it); Agora's from_string stops reading there.
            read = AccessToken()
            assert read.from_string(token.build()) and read.unread_service_type == unknown[0], case["id"]
            raises_code("service", lambda: parse(token.build()))
        elif repeated:
            token.build()  # the class API keeps the last of a repeated id, as Agora's code does
        else:
            raises_code(case["error"], token.build)


def service_of(spec):
    kind = spec["type"]
    cls = AccessToken.kServices.get(kind)
    if cls is None:
        service = Service(kind)
    elif kind in (1, 3, 6):
        service = cls(spec["channel_name"], spec["uid"] if "uid" in spec else spec["user_account"])
    elif kind in (2, 5):
        service = cls(spec["user_id"])
    elif kind == 8:
        perms = ServiceRtm2.Permissions()
        for rt, pt, res in spec["permissions"]:
            perms.add(rt, pt, res)
        service = ServiceRtm2(spec["user_id"], perms)
    elif kind == 7:
        service = ServiceApaas(spec["room_uuid"], spec["user_uuid"], spec["role"])
    else:
        service = cls()
    for p, e in spec["privileges"]:
        service.add_privilege(p, e)
    return service


def test_access_token_api():
    token = AccessToken(APP_ID, APP_CERTIFICATE, issue_ts=1111111, expire=600)
    token.salt = 1
    raises_code("no_service", token.build)
    a, b = ServiceRtc(CHANNEL, 1), ServiceRtc(CHANNEL, "alice")
    chat = ServiceChat("alice")
    for s in (chat, a, b):
        token.add_service(s)
    a.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 5)
    a.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 6)  # replaces
    assert a.privileges == {1: 6}
    assert token.get_services(ServiceRtc.kServiceType) == [a, b]
    text = token.build()
    read = AccessToken()
    assert read.from_string(text) is True
    assert [type(s) for s in read.services] == [ServiceRtc, ServiceRtc, ServiceChat]  # sorted by type, stable
    assert read.get_services(1)[0].privileges == {1: 6} and read.get_services(1)[1].uid == "alice"
    assert (read.issue_ts, read.expire, read.salt, read.app_id) == (1111111, 600, 1, APP_ID)
    assert len(read.signature) == 32 and read.content[:2] == b"\x20\x00"
    assert read.verify_signature(APP_CERTIFICATE) is True
    assert read.verify_signature(APP_CERTIFICATE.lower()) is False  # the certificate's case matters
    assert read.verify_signature("not-hex") is False
    assert AccessToken().verify_signature(APP_CERTIFICATE) is False
    # A 006 token is not read (False, as in Agora's code); a damaged 007 token raises.
    assert read.from_string(agoratoken.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, "c", 1, 1, 0)) is False
    assert read.services == [] and read.verify_signature(APP_CERTIFICATE) is False
    raises_code("zlib", lambda: read.from_string("007"))
    raises_code("base64", lambda: read.from_string(text[:-1] + "!"))
    with pytest.raises(TypeError):
        read.from_string(None)
    with pytest.raises(TypeError):
        token.add_service("rtc")
    # Copies share nothing mutable.
    clone = copy.deepcopy(token)
    clone.services[0].user_id = "bob"
    assert chat.user_id == "alice" and clone.build() != token.build()
    shallow = copy.copy(token)
    shallow.services.append(ServiceFpa())
    assert len(token.services) == 3
    # issue_ts 0 means "now", as in Agora's constructor.
    now = AccessToken(APP_ID, APP_CERTIFICATE, 0, 60)
    now.add_service(ServiceFpa())
    assert now.issue_ts is None and abs(parse(now.build()).issue_ts - time.time()) < 5


def test_services_check_their_fields_at_build():
    def build(*services):
        t = AccessToken(APP_ID, APP_CERTIFICATE)
        for s in services:
            t.add_service(s)
        return t.build()

    raises_code("channel_name", lambda: build(ServiceRtc()))
    raises_code("user_id", lambda: build(ServiceRtm()))
    assert build(ServiceChat())  # the app token's empty user id
    raises_code("user_account", lambda: build(ServiceStreaming("c", "")))
    assert parse(build(ServiceStreaming("c"))).services[0].account == 0
    assert parse(build(ServiceFCdn("c", 5))).services[0].account == "5"
    raises_code("service", lambda: build(Service(1)))  # a known type needs its class (its fields)
    raises_code("service", lambda: build(Service(10)))
    raises_code("service", lambda: build(Service(65536)))
    raises_code("service", lambda: build(Service(-1)))
    raises_code("service", lambda: build(Service(2**70)))
    raises_code("privilege", lambda: build(with_privilege(ServiceRtc("c", 1), 5, 0)))
    raises_code("privilege", lambda: build(with_privilege(v2.ServiceStt(), 1, 0)))
    raises_code("expire_ts", lambda: build(with_privilege(ServiceRtc("c", 1), 1, -1)))
    raises_code("uid", lambda: build(ServiceRtc("c", 2**32)))
    with pytest.raises(TypeError):
        build(ServiceRtc("c", 1.5))
    with pytest.raises(TypeError):
        build(with_privilege(ServiceRtc("c", 1), "1", 0))
    raises_code("role", lambda: build(ServiceApaas("r", "u", 40000)))
    raises_code("utf8", lambda: build(ServiceRtm("\ud800")))
    t = AccessToken(APP_ID, APP_CERTIFICATE, expire=-1)
    t.add_service(ServiceFpa())
    raises_code("expire", t.build)
    t.expire, t.salt = 1, 2**32
    raises_code("salt", t.build)
    t.salt, t.issue_ts = None, -5
    raises_code("issue_ts", t.build)


def with_privilege(service, privilege, expire):
    service.add_privilege(privilege, expire)
    return service


# --- parse and verify --------------------------------------------------------------------------


def test_parse_is_strict_and_explains():
    err = raises_code("version", lambda: parse(APP_ID))
    assert "app id" in str(err).lower()
    raises_code("version", lambda: parse(agoratoken.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, "c", 1, 1, 0)))
    raises_code("version", lambda: parse(""))
    raises_code("zlib", lambda: parse("007"))
    raises_code("base64", lambda: parse(AGORA_RTC_TOKEN + " "))
    raises_code("too_long", lambda: parse("007" + "A" * 100000))
    with pytest.raises(TypeError):
        parse(b"007")  # type: ignore[arg-type]
    for case in vectors("reject007"):
        raises_code(case["error"], lambda: parse(case["token"]))


def test_verify():
    token = rtc(uid=42, privilege_expire=60)
    now = parse(token).issue_ts
    assert verify(token, APP_CERTIFICATE, CHANNEL, 42, now) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, "42", now) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, 43, now) == "uid_mismatch"
    assert verify(token, APP_CERTIFICATE, "other", 42, now) == "channel_mismatch"
    assert verify(token, APP_CERTIFICATE, CHANNEL, 42, now + 61) == "privilege_expired"
    assert verify(token, APP_CERTIFICATE, CHANNEL, 42, now + 3601) == "expired"
    assert verify(token, APP_CERTIFICATE.lower(), CHANNEL, 42, now) == "signature_mismatch"
    assert verify(token, APP_CERTIFICATE, app_id=APP_ID.lower(), now=now) == "app_id_mismatch"
    assert verify(token, APP_CERTIFICATE, rtm_user_id="42", now=now) == "service_missing"
    chat = ChatTokenBuilder.build_user_token(APP_ID, APP_CERTIFICATE, "alice", 60)
    assert verify(chat, APP_CERTIFICATE, CHANNEL, 1) == "service_missing"
    both = RtcTokenBuilder.build_token_with_rtm(APP_ID, APP_CERTIFICATE, CHANNEL, "alice", 1, 60)
    assert verify(both, APP_CERTIFICATE, CHANNEL, "alice", rtm_user_id="alice") == "ok"
    assert verify(both, APP_CERTIFICATE, rtm_user_id="bob") == "uid_mismatch"
    raises_code("now", lambda: verify(token, APP_CERTIFICATE, now=-1))
    err = raises_code("now", lambda: verify(token, APP_CERTIFICATE, now=int(time.time() * 1000)))
    assert "milliseconds" in str(err)
    raises_code("now", lambda: verify(token, APP_CERTIFICATE, now=2**70))
    raises_code("null_argument", lambda: verify(token, APP_CERTIFICATE, CHANNEL))
    raises_code("null_argument", lambda: verify(token, APP_CERTIFICATE, uid=42))
    raises_code("app_certificate", lambda: verify(token, "x"))
    raises_code("zlib", lambda: verify("007", APP_CERTIFICATE))
    with pytest.raises(TypeError):
        verify(token, APP_CERTIFICATE, CHANNEL, 1.0)


# --- threads -----------------------------------------------------------------------------------


def test_threads_build_in_parallel_and_pins_stay_on_their_thread():
    results, errors = {}, []

    def pinned(i):
        try:
            with v2._pinned(1111111, 1):
                for _ in range(200):
                    t = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, Role_Subscriber, 600, 600)
                    if t != AGORA_RTC_TOKEN:
                        errors.append("pinned thread built another token")
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))

    def unpinned(i):
        try:
            results[i] = {parse(rtc()).salt for _ in range(200)}
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))

    threads = [threading.Thread(target=pinned if i % 2 else unpinned, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    salts = set().union(*results.values())
    assert len(salts) > 790 and 1 not in salts
    assert parse(rtc()).salt != 1  # the main thread was never pinned


def test_memory_stays_flat_over_many_builds():
    resource = pytest.importorskip("resource")

    def rss_kib():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() // 1024

    for _ in range(20000):
        rtc()
    start = rss_kib()
    for _ in range(100000):
        rtc()
        parse(AGORA_RTC_TOKEN)
    assert rss_kib() - start < 2048


# --- compatibility with agoraiotools (Agora's Python 007 code on PyPI) -------------------------


def test_agoraiotools_and_v2_write_the_same_tokens_and_read_each_other():
    theirs = pytest.importorskip("agoraiotools.AccessToken2")
    their_rtc = pytest.importorskip("agoraiotools.RtcTokenBuilder2")
    assert their_rtc.Role_Publisher == Role_Publisher and their_rtc.Role_Subscriber == Role_Subscriber

    def theirs_pinned(build_services, expire):
        t = theirs.AccessToken(APP_ID, APP_CERTIFICATE, issue_ts=1700000000, expire=expire)
        t._AccessToken__salt = 4242  # their constructor draws it; pin it as the vectors do
        for s in build_services(theirs):
            t.add_service(s)
        return t.build()

    def rtc_services(m):
        s = m.ServiceRtc(CHANNEL, UID)
        for p in (1, 2, 3, 4):
            s.add_privilege(p, 3600)
        r = m.ServiceRtm("alice")
        r.add_privilege(1, 600)
        c = m.ServiceChat("alice")
        c.add_privilege(1, 600)
        a = m.ServiceApaas("room", "user", 2)
        a.add_privilege(1, 600)
        return [s, r, c, a]

    expected = theirs_pinned(rtc_services, 600)
    with v2._pinned(1700000000, 4242):
        ours = RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, Role_Publisher, 600, 3600)
    assert ours == theirs_pinned(lambda m: rtc_services(m)[:1], 600)
    mine = AccessToken(APP_ID, APP_CERTIFICATE, issue_ts=1700000000, expire=600)
    mine.salt = 4242
    for s in rtc_services(v2):
        mine.add_service(s)
    assert mine.build() == expected
    # Each reads the other's tokens.
    fresh = their_rtc.RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, Role_Publisher, 600)
    assert verify(fresh, APP_CERTIFICATE, CHANNEL, UID) == "ok"
    back = theirs.AccessToken()
    assert back.from_string(rtc()) is True


def test_a_float_lifetime_is_refused_with_what_to_pass():
    # As Agora's python3 007 code (struct.pack('<I', 600.0) raises): refused, and the message says what to do.
    calls = {
        "token_expire": lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, 600.0),
        "privilege_expire": lambda: RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, 600, 60.5),
        "expire": lambda: RtmTokenBuilder.build_token(APP_ID, APP_CERTIFICATE, "alice", 600.9),
        "pub_audio_privilege_expire": lambda: RtcTokenBuilder.build_token_with_uid_and_privilege(
            APP_ID, APP_CERTIFICATE, CHANNEL, UID, 600, 600, 1e3, 600, 600),
    }
    for field, call in calls.items():
        with pytest.raises(TypeError) as info:
            call()
        assert str(info.value).startswith(f"{field}: expected int, got float; pass int({field})"), str(info.value)
    token = AccessToken(APP_ID, APP_CERTIFICATE, expire=600.0)
    token.add_service(ServiceRtc(CHANNEL, UID))
    with pytest.raises(TypeError, match=r"expire: expected int, got float; pass int\(expire\)"):
        token.build()
    rtc = ServiceRtc(CHANNEL, UID)
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 60.0)
    token = AccessToken(APP_ID, APP_CERTIFICATE, expire=600)
    token.add_service(rtc)
    with pytest.raises(TypeError, match=r"expire: expected int, got float; pass int\(expire\)"):
        token.build()
    # int(...) of the same values builds the token; a float uid or role keeps the plain message.
    assert RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, int(600.0)).startswith("007")
    with pytest.raises(TypeError, match=r"^role: expected int, got float$"):
        RtcTokenBuilder.build_token_with_uid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1.0, 600)
