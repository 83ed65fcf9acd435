"""SimpleTokenBuilder: every method, every failure path, the documented constants."""

import copy
import enum
import pathlib
import pickle
import re
import threading
import time
import zlib

import pytest

import agoratoken
from agoratoken import AgoraTokenError, Privileges, Role, SimpleTokenBuilder

from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, CLASSIC_TOKEN, FAR_FUTURE, UID, assert_no_certificate

ROOT = pathlib.Path(__file__).resolve().parents[2]
ALL_PRIVILEGES = {
    "kJoinChannel": 1,
    "kPublishAudioStream": 2,
    "kPublishVideoStream": 3,
    "kPublishDataStream": 4,
    "kPublishAudioCdn": 5,
    "kPublishVideoCdn": 6,
    "kRequestPublishAudioStream": 7,
    "kRequestPublishVideoStream": 8,
    "kRequestPublishDataStream": 9,
    "kInvitePublishAudioStream": 10,
    "kInvitePublishVideoStream": 11,
    "kInvitePublishDataStream": 12,
    "kAdministrateChannel": 101,
    "kRtmLogin": 1000,
}
ERROR_CODES = {
    "app_id": -1,
    "app_certificate": -2,
    "channel_name": -3,
    "user_account": -4,
    "uid": -5,
    "version": -6,
    "base64": -7,
    "truncated": -8,
    "trailing": -9,
    "app_id_mismatch": -10,
    "channel_mismatch": -11,
    "uid_mismatch": -12,
    "privilege": -13,
    "role": -14,
    "salt": -15,
    "ts": -16,
    "expire_ts": -17,
    "null_argument": -18,
    "internal": -19,
    "buffer_too_small": -20,
    "zlib": -21,
    "signature": -22,
    "no_service": -23,
    "service": -24,
    "permission": -25,
    "utf8": -26,
    "user_id": -27,
    "room_uuid": -28,
    "user_uuid": -29,
    "issue_ts": -30,
    "expire": -31,
    "random": -32,
    "too_long": -33,
    "now": -34,
}


def raises_code(code, action):
    with pytest.raises(AgoraTokenError) as info:
        action()
    err = info.value
    assert err.code == code, str(err)
    assert err.status == ERROR_CODES[code]
    assert isinstance(err, ValueError)
    assert str(err).startswith(code + ":") or str(err).startswith("null_argument:"), str(err)
    assert_no_certificate(str(err))
    assert_no_certificate(repr(err))
    return err


# --- package ---------------------------------------------------------------------------


def test_version_is_the_workspace_version():
    cargo = (ROOT / "Cargo.toml").read_text()
    section = cargo.split("[workspace.package]", 1)[1]
    workspace_version = re.search(r'^version\s*=\s*"([^"]+)"', section, re.M).group(1)
    pyproject = (ROOT / "token-py" / "pyproject.toml").read_text()
    assert re.search(r'^version\s*=\s*"([^"]+)"', pyproject, re.M).group(1) == workspace_version
    assert agoratoken.version() == workspace_version
    assert agoratoken.__version__ == workspace_version


def test_installed_package_is_typed():
    package = pathlib.Path(agoratoken.__file__).parent
    assert (package / "py.typed").is_file()
    assert "class SimpleTokenBuilder" in (package / "__init__.pyi").read_text()
    assert agoratoken.SimpleTokenBuilder.__module__ == "agoratoken"


def test_error_table_is_the_core_table():
    assert dict(agoratoken._agoratoken._error_table()) == ERROR_CODES
    for name, status in ERROR_CODES.items():
        assert agoratoken.error_name(status) == name
    assert agoratoken.error_name(0) is None
    assert agoratoken.error_name(min(ERROR_CODES.values()) - 1) is None
    assert agoratoken.error_name(2**80) is None
    assert agoratoken.error_name(-(2**80)) is None
    with pytest.raises(TypeError):
        agoratoken.error_name(True)
    with pytest.raises(TypeError):
        agoratoken.error_name("-3")
    raises_code("null_argument", lambda: agoratoken.error_name(None))


def test_constants():
    assert {p.name: p.value for p in Privileges} == ALL_PRIVILEGES
    for name, value in ALL_PRIVILEGES.items():
        constant = getattr(agoratoken, name)
        assert constant == value and constant is Privileges[name]
    assert {r.name: r.value for r in Role} == {"Attendee": 0, "Publisher": 1, "Subscriber": 2, "Admin": 101}
    assert (agoratoken.Role_Attendee, agoratoken.Role_Publisher) == (0, 1)
    assert (agoratoken.Role_Subscriber, agoratoken.Role_Admin) == (2, 101)
    assert agoratoken.Role_Rtm_User == 1 and agoratoken.Role_Rtm_User is agoratoken.RtmRole.Rtm_User
    assert issubclass(Privileges, enum.IntEnum) and issubclass(Role, enum.IntEnum)
    for name in agoratoken.__all__:
        assert hasattr(agoratoken, name), name


def test_every_privilege_reaches_the_wire(builder):
    builder.salt, builder.ts = 7, FAR_FUTURE
    for i, privilege in enumerate(Privileges):
        builder.setPrivilege(privilege, 1000 + i)
    parsed = agoratoken.parse(builder.buildToken())
    assert parsed.privileges == {p.value: 1000 + i for i, p in enumerate(Privileges)}


# --- construction ----------------------------------------------------------------------


def test_classic_token():
    b = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    b.salt = 1
    b.ts = 1111111
    b.setPrivilege(agoratoken.kJoinChannel, 1446455471)
    assert b.buildToken() == CLASSIC_TOKEN
    # Keywords with the documented names.
    k = SimpleTokenBuilder(appID=APP_ID, appCertificate=APP_CERTIFICATE, channelName=CHANNEL, uid=UID)
    k.salt, k.ts = 1, 1111111
    k.setPrivilege(privilege=1, expireTimestamp=1446455471)
    assert k.buildToken() == CLASSIC_TOKEN


def test_uid_forms(builder):
    def crc_uid(uid):
        b = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, uid)
        return agoratoken.parse(b.buildToken()).crc_uid

    assert crc_uid(0) == zlib.crc32(b"")
    assert crc_uid("0") == zlib.crc32(b"0")
    assert crc_uid(2**32 - 1) == zlib.crc32(b"4294967295")
    assert crc_uid(7) == crc_uid("7")
    assert crc_uid(Role.Admin) == zlib.crc32(b"101")  # an int subclass is an int
    assert crc_uid("007") == zlib.crc32(b"007")


@pytest.mark.parametrize("uid", [-1, 2**32, 2**63, 2**64, 2**100, -(2**70)])
def test_uid_out_of_range_is_an_error(uid):
    err = raises_code("uid", lambda: SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, uid))
    assert str(uid) in str(err)


def test_huge_int_is_reported_without_printing_it(builder, capfd):
    # 10**5000 has more digits than Python converts to text (4300 by default): the error
    # must still be an AgoraTokenError, and nothing may reach stderr as an unraisable exception.
    huge = 10**5000
    for code, action in [
        ("uid", lambda: SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, huge)),
        ("expire_ts", lambda: builder.setPrivilege(1, -huge)),
        ("salt", lambda: setattr(builder, "salt", huge)),
        ("role", lambda: builder.initPrivileges(huge)),
    ]:
        err = raises_code(code, action)
        assert "too long to print" in str(err) and "unprintable" not in str(err)
    assert capfd.readouterr().err == ""


def test_int_subclass_text_is_not_asked(builder):
    class Shouting(int):
        def __str__(self):
            return APP_CERTIFICATE

        __repr__ = __str__

    err = raises_code("uid", lambda: SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, Shouting(2**70)))
    assert str(2**70) in str(err)


@pytest.mark.parametrize("uid", [True, False, 1.0, b"1", [1], object()])
def test_uid_wrong_type(uid):
    with pytest.raises(TypeError, match="uid"):
        SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, uid)


@pytest.mark.parametrize(
    "args, code",
    [
        (("970CA35de60c44645bbae8a215061b3", APP_CERTIFICATE, CHANNEL, UID), "app_id"),
        (("970CA35de60c44645bbae8a215061b3x", APP_CERTIFICATE, CHANNEL, UID), "app_id"),
        (("", APP_CERTIFICATE, CHANNEL, UID), "app_id"),
        ((APP_ID, APP_CERTIFICATE + "0", CHANNEL, UID), "app_certificate"),
        ((APP_ID, APP_CERTIFICATE[:-1] + "z", CHANNEL, UID), "app_certificate"),
        ((APP_ID, APP_CERTIFICATE[:-1], CHANNEL, UID), "app_certificate"),
        ((APP_ID, "", CHANNEL, UID), "app_certificate"),
        ((APP_ID, APP_CERTIFICATE, "", UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, "x" * 65, UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, "a/b", UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, "caf\u00e9", UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, "a\0b", UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, CHANNEL, ""), "user_account"),
        ((APP_ID, APP_CERTIFICATE, CHANNEL, "u" * 256), "user_account"),
        ((APP_ID, APP_CERTIFICATE, CHANNEL, "a b\n"), "user_account"),
        # Lone surrogates are not valid Unicode: they fail their own field's check.
        (("\ud800" * 32, APP_CERTIFICATE, CHANNEL, UID), "app_id"),
        ((APP_ID, APP_CERTIFICATE[:-1] + "\udc80", CHANNEL, UID), "app_certificate"),
        ((APP_ID, APP_CERTIFICATE, "room\ud800", UID), "channel_name"),
        ((APP_ID, APP_CERTIFICATE, CHANNEL, "\udfff"), "user_account"),
    ],
)
def test_invalid_input(args, code):
    raises_code(code, lambda: SimpleTokenBuilder(*args))


def test_limits_are_accepted():
    SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, "x" * 64, "u" * 255)
    SimpleTokenBuilder(APP_ID.lower(), APP_CERTIFICATE.upper(), "azAZ09 !#$%&()+-:;<=.>?@[]^_{}|~,", 1)


def test_checks_run_in_field_order():
    raises_code("app_id", lambda: SimpleTokenBuilder("x", "y", "", ""))
    raises_code("app_certificate", lambda: SimpleTokenBuilder(APP_ID, "y", "", ""))
    raises_code("channel_name", lambda: SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, "", ""))


WRONG_TYPES = [1, 1.5, b"970CA35de60c44645bbae8a215061b33", ["x"], object()]


@pytest.mark.parametrize(
    "position, bad",
    # An int is a valid uid (position 3).
    [(p, bad) for p in range(4) for bad in WRONG_TYPES if not (p == 3 and bad == 1)],
)
def test_wrong_types(position, bad):
    args = [APP_ID, APP_CERTIFICATE, CHANNEL, UID]
    args[position] = bad
    with pytest.raises(TypeError) as info:
        SimpleTokenBuilder(*args)
    assert_no_certificate(str(info.value))


def test_certificate_never_in_a_type_error():
    with pytest.raises(TypeError) as info:
        SimpleTokenBuilder(APP_ID, APP_CERTIFICATE.encode(), CHANNEL, UID)
    assert_no_certificate(str(info.value))
    assert "appCertificate" in str(info.value)


@pytest.mark.parametrize("position", range(4))
def test_none_is_null_argument(position):
    args = [APP_ID, APP_CERTIFICATE, CHANNEL, UID]
    args[position] = None
    raises_code("null_argument", lambda: SimpleTokenBuilder(*args))


def test_arity():
    with pytest.raises(TypeError):
        SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1)  # type: ignore[call-arg]


# --- privileges ------------------------------------------------------------------------


def test_init_privileges(builder):
    publisher = {1: 0, 2: 0, 3: 0, 4: 0}
    for role, expected in [
        (Role.Attendee, publisher),
        (Role.Publisher, publisher),
        (Role.Admin, publisher),
        (Role.Subscriber, {1: 0}),
    ]:
        builder.setPrivilege(agoratoken.kRtmLogin, 5)
        builder.initPrivileges(role)
        assert builder.privileges == expected, role
        builder.initPrivileges(int(role))
        assert builder.privileges == expected
    for bad in [3, -1, 100, 2**40, 2**80]:
        raises_code("role", lambda: builder.initPrivileges(bad))
    raises_code("null_argument", lambda: builder.initPrivileges(None))
    for bad in [True, "1", 1.0]:
        with pytest.raises(TypeError):
            builder.initPrivileges(bad)
    assert builder.privileges == {1: 0}  # unchanged by the failures


def test_set_and_remove_privilege(builder):
    assert builder.privileges == {}
    builder.setPrivilege(agoratoken.kRtmLogin, 9)
    builder.setPrivilege(agoratoken.kJoinChannel, 2**32 - 1)
    builder.setPrivilege(agoratoken.kPublishAudioStream, 0)
    builder.setPrivilege(agoratoken.kJoinChannel, 5)  # replaces
    assert list(builder.privileges.items()) == [(1, 5), (2, 0), (1000, 9)]
    builder.removePrivilege(agoratoken.kPublishAudioStream)
    builder.removePrivilege(agoratoken.kPublishAudioStream)  # absent: no-op
    assert builder.privileges == {1: 5, 1000: 9}
    snapshot = builder.privileges
    snapshot[77] = 1  # a copy: the builder does not change
    assert builder.privileges == {1: 5, 1000: 9}
    for bad in [0, 13, 100, 999, 1001, -1, 65536 + 1, 2**70]:
        raises_code("privilege", lambda: builder.setPrivilege(bad, 1))
        raises_code("privilege", lambda: builder.removePrivilege(bad))
    for bad in [-1, 2**32, 2**90]:
        raises_code("expire_ts", lambda: builder.setPrivilege(1, bad))
    raises_code("null_argument", lambda: builder.setPrivilege(None, 1))
    raises_code("null_argument", lambda: builder.setPrivilege(1, None))
    raises_code("null_argument", lambda: builder.removePrivilege(None))
    for bad in [True, "1", 1.0]:
        with pytest.raises(TypeError):
            builder.setPrivilege(bad, 1)
        with pytest.raises(TypeError):
            builder.removePrivilege(bad)
    for bad in [True, "1", b"1"]:
        with pytest.raises(TypeError):
            builder.setPrivilege(1, bad)
    for bad in [-1.0, 2.0**32, float("nan"), float("inf"), -float("inf")]:
        raises_code("expire_ts", lambda: builder.setPrivilege(1, bad))
    assert builder.privileges == {1: 5, 1000: 9}


def test_set_privilege_truncates_a_float_expiry_as_agora_does(builder):
    # Agora's python3 006 code packs int(x): 1446455471.9 is written as 1446455471.
    builder.setPrivilege(agoratoken.kJoinChannel, 1446455471.9)
    builder.setPrivilege(agoratoken.kRtmLogin, -0.5)  # truncates to 0 (never expires)
    builder.setPrivilege(agoratoken.kPublishAudioStream, 2.0**32 - 0.5)
    assert builder.privileges == {1: 1446455471, 2: 2**32 - 1, 1000: 0}
    assert all(type(v) is int for v in builder.privileges.values())


# --- salt and ts -----------------------------------------------------------------------


def test_salt_and_ts_properties(builder):
    assert builder.salt is None and builder.ts is None
    builder.salt, builder.ts = 0, 2**32 - 1
    assert (builder.salt, builder.ts) == (0, 2**32 - 1)
    parsed = agoratoken.parse(builder.buildToken())
    assert (parsed.salt, parsed.ts) == (0, 2**32 - 1)
    assert builder.buildToken() == builder.buildToken()  # reproducible
    for name in ("salt", "ts"):
        for bad in [-1, 2**32, 2**100]:
            raises_code(name, lambda: setattr(builder, name, bad))
        for bad in [-1.0, 2.0**32, float("nan"), float("inf")]:
            raises_code(name, lambda: setattr(builder, name, bad))
        for bad in [True, "1", b"1"]:
            with pytest.raises(TypeError):
                setattr(builder, name, bad)
        with pytest.raises(AttributeError):
            delattr(builder, name)
    assert (builder.salt, builder.ts) == (0, 2**32 - 1)  # unchanged by the failures
    builder.salt, builder.ts = 7.9, 1111111.5  # truncated, as Agora's int(x)
    assert (builder.salt, builder.ts) == (7, 1111111)
    builder.salt = None
    builder.ts = None
    assert builder.salt is None and builder.ts is None


def test_default_ts_is_now_plus_24h(builder):
    before = int(time.time())
    ts = agoratoken.parse(builder.buildToken()).ts
    after = int(time.time())
    assert before + 86400 <= ts <= after + 86400


def test_fresh_csprng_salt_per_token(builder):
    salts = [agoratoken.parse(builder.buildToken()).salt for _ in range(200)]
    assert len(set(salts)) == len(salts)
    other = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    assert agoratoken.parse(other.buildToken()).salt not in salts
    # Drawn from all 32 bits, not a small range.
    assert max(salts) > 2**31 or sum(s > 2**24 for s in salts) > 150
    assert builder.salt is None  # drawing does not fix it


# --- initTokenBuilder ------------------------------------------------------------------


def test_init_token_builder_success():
    b = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    assert b.initTokenBuilder(CLASSIC_TOKEN) == 0
    # The privileges only: salt and ts are drawn afresh unless set.
    assert (b.salt, b.ts, b.privileges) == (None, None, {1: 1446455471})
    b.salt, b.ts = 1, 1111111
    assert b.buildToken() == CLASSIC_TOKEN
    b.setPrivilege(agoratoken.kPublishAudioStream, 3)
    renewed = b.buildToken()
    assert agoratoken.parse(renewed).privileges == {1: 1446455471, 2: 3}


def _corrupt(token, at, char):
    return token[:at] + char + token[at + 1 :]


@pytest.mark.parametrize(
    "token, code",
    [
        ("007" + CLASSIC_TOKEN[3:], "version"),
        ("", "version"),
        (CLASSIC_TOKEN[:10] + "g" + CLASSIC_TOKEN[11:], "app_id"),
        (CLASSIC_TOKEN[:30], "app_id"),
        (CLASSIC_TOKEN[:35], "truncated"),
        (CLASSIC_TOKEN[:-4], "truncated"),
        (CLASSIC_TOKEN + "AAAA", "trailing"),
        (CLASSIC_TOKEN[:-1] + "!", "base64"),
        (CLASSIC_TOKEN + "\n", "base64"),
        (CLASSIC_TOKEN[:40] + "\ud800" + CLASSIC_TOKEN[41:], "base64"),
        ("006" + "0" * 32 + CLASSIC_TOKEN[35:], "app_id_mismatch"),
    ],
)
def test_init_token_builder_failures(builder, token, code):
    builder.salt, builder.ts = 5, 6
    builder.setPrivilege(agoratoken.kRtmLogin, 7)
    assert builder.initTokenBuilder(token) == ERROR_CODES[code]
    assert (builder.salt, builder.ts, builder.privileges) == (5, 6, {1000: 7})  # unchanged


def test_init_token_builder_mismatches():
    other_channel = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, "another", UID)
    assert other_channel.initTokenBuilder(CLASSIC_TOKEN) == ERROR_CODES["channel_mismatch"]
    other_user = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID + 1)
    assert other_user.initTokenBuilder(CLASSIC_TOKEN) == ERROR_CODES["uid_mismatch"]
    same_user_as_account = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, str(UID))
    assert same_user_as_account.initTokenBuilder(CLASSIC_TOKEN) == 0


def test_init_token_builder_argument_types(builder):
    assert builder.initTokenBuilder(None) == ERROR_CODES["null_argument"]
    for bad in [1, CLASSIC_TOKEN.encode(), ["x"]]:
        with pytest.raises(TypeError):
            builder.initTokenBuilder(bad)


# --- object behaviour ------------------------------------------------------------------


def test_repr_hides_the_certificate(builder):
    builder.salt = 3
    text = repr(builder)
    assert APP_ID in text and CHANNEL in text and str(UID) in text and "salt=3" in text
    assert_no_certificate(text)
    assert_no_certificate(str(builder))


def test_pickling_is_refused(builder):
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="cannot be pickled") as info:
            pickle.dumps(builder, protocol)
        assert_no_certificate(str(info.value))


def test_copy_is_independent(builder):
    builder.salt, builder.ts = 1, 1111111
    builder.setPrivilege(1, 1446455471)
    for clone in (copy.copy(builder), copy.deepcopy(builder)):
        assert clone is not builder
        assert clone.buildToken() == builder.buildToken() == CLASSIC_TOKEN
        clone.setPrivilege(2, 1)
        clone.salt = 2
        assert builder.privileges == {1: 1446455471} and builder.salt == 1


def test_classes_are_final():
    for cls in (SimpleTokenBuilder, agoratoken.RtcTokenBuilder, agoratoken.ParsedToken):
        with pytest.raises(TypeError):
            type("Sub", (cls,), {})


def test_error_pickles_with_its_category():
    err = raises_code("channel_name", lambda: SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, "", UID))
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.code, again.status, str(again)) == (AgoraTokenError, err.code, err.status, str(err))


def test_threads_share_and_own_builders():
    shared = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, UID)
    shared.initPrivileges(Role.Publisher)
    results, errors = [], []
    lock = threading.Lock()

    def work(n):
        try:
            own = SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, n)
            own.setPrivilege(agoratoken.kJoinChannel, FAR_FUTURE)
            tokens = []
            for i in range(200):
                tokens.append((shared.buildToken(), UID))
                tokens.append((own.buildToken(), n))
                if i % 50 == 0:
                    shared.setPrivilege(agoratoken.kPublishDataStream, 0)  # concurrent mutation is safe
            with lock:
                results.extend(tokens)
        except BaseException as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 8 * 400
    assert len({t for t, _ in results}) == len(results)  # fresh salts across threads
    for token, uid in results:
        assert agoratoken.verify(token, APP_CERTIFICATE, CHANNEL, uid) == "ok"
