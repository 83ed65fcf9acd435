"""RtcTokenBuilder / RtmTokenBuilder helpers, parse and verify."""

import time
import typing
import zlib

import pytest

import agoratoken
from agoratoken import AgoraTokenError, ParsedToken, RtcTokenBuilder, RtmTokenBuilder, parse, verify

from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, CLASSIC_TOKEN, FAR_FUTURE, UID, assert_no_certificate

PUBLISHER = {1: FAR_FUTURE, 2: FAR_FUTURE, 3: FAR_FUTURE, 4: FAR_FUTURE}


def code_of(action):
    with pytest.raises(AgoraTokenError) as info:
        action()
    assert_no_certificate(str(info.value))
    return info.value.code


# --- RtcTokenBuilder -------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [(0, PUBLISHER), (1, PUBLISHER), (101, PUBLISHER), (2, {1: FAR_FUTURE})],
)
def test_rtc_roles(role, expected):
    before = int(time.time())
    token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, UID, role, FAR_FUTURE)
    p = parse(token)
    assert p.app_id == APP_ID and p.privileges == expected
    assert p.crc_channel_name == zlib.crc32(CHANNEL.encode()) and p.crc_uid == zlib.crc32(str(UID).encode())
    assert before + 86400 <= p.ts <= int(time.time()) + 86400
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID) == "ok"


def test_rtc_account_and_aliases():
    a = RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, CHANNEL, "alice", 1, FAR_FUTURE)
    b = RtcTokenBuilder.build_token_with_account(APP_ID, APP_CERTIFICATE, CHANNEL, "alice", 1, FAR_FUTURE)
    c = RtcTokenBuilder.buildTokenWithUid(
        appId=APP_ID, appCertificate=APP_CERTIFICATE, channelName=CHANNEL, uid=7, role=2, privilegeExpiredTs=0
    )
    d = RtcTokenBuilder.build_token_with_uid(
        app_id=APP_ID, app_certificate=APP_CERTIFICATE, channel_name=CHANNEL, uid=7, role=2, privilege_expired_ts=0
    )
    for token, user in [(a, "alice"), (b, "alice"), (c, 7), (d, "7")]:
        assert verify(token, APP_CERTIFICATE, CHANNEL, user) == "ok"
    assert parse(a).privileges == parse(b).privileges == PUBLISHER
    assert parse(c).privileges == parse(d).privileges == {1: 0}
    assert len({a, b}) == 2  # fresh salt per token


def test_rtc_uid_zero_signs_the_empty_string():
    token = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, 0, 1, 0)
    assert parse(token).crc_uid == zlib.crc32(b"")
    assert verify(token, APP_CERTIFICATE, CHANNEL, 0) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, "0") == "ok"  # a uid-0 token is any user's


@pytest.mark.parametrize("name", ["buildTokenWithUid", "build_token_with_uid"])
def test_rtc_uid_failures(name):
    f = getattr(RtcTokenBuilder, name)
    ok = [APP_ID, APP_CERTIFICATE, CHANNEL, UID, 1, FAR_FUTURE]

    def call(i, value):
        args = list(ok)
        args[i] = value
        return lambda: f(*args)

    assert code_of(call(0, "nothex")) == "app_id"
    assert code_of(call(1, "nothex")) == "app_certificate"
    assert code_of(call(2, "a/b")) == "channel_name"
    assert code_of(call(3, -1)) == "uid"
    assert code_of(call(3, 2**32)) == "uid"
    assert code_of(call(4, 3)) == "role"
    assert code_of(call(4, 2**64)) == "role"
    assert code_of(call(5, -1)) == "expire_ts"
    assert code_of(call(5, 2**32)) == "expire_ts"
    # A uid as text must be canonical decimal (the same user); other text is a uid error.
    for text in ["007", "+1", " 1", "1.0", "4294967296", "", "abc"]:
        assert code_of(call(3, text)) == "uid"
    for i in range(6):
        if i != 4:
            assert code_of(call(i, None)) == "null_argument"
    for i, bad in [(0, 1), (1, b"x"), (2, 1.0), (3, b"1"), (3, True), (3, 1.0), (4, "1"), (4, True), (4, 1.0), (5, "1")]:
        with pytest.raises(TypeError) as info:
            call(i, bad)()
        assert_no_certificate(str(info.value))
    for bad in [-1.0, 2.0**32, float("nan"), float("inf")]:
        assert code_of(call(5, bad)) == "expire_ts"


@pytest.mark.parametrize("name", ["buildTokenWithUid", "build_token_with_uid"])
def test_rtc_accepts_what_agora_accepts_for_the_same_token(name):
    f = getattr(RtcTokenBuilder, name)
    expected = f(APP_ID, APP_CERTIFICATE, CHANNEL, 42, agoratoken.Role_Subscriber, FAR_FUTURE)
    p = parse(expected)
    # A uid in canonical decimal text (request.args["uid"]) signs the same user as the int.
    assert parse(f(APP_ID, APP_CERTIFICATE, CHANNEL, "42", agoratoken.Role_Subscriber, FAR_FUTURE)).crc_uid == p.crc_uid
    assert verify(f(APP_ID, APP_CERTIFICATE, CHANNEL, "42", 1, FAR_FUTURE), APP_CERTIFICATE, CHANNEL, 42) == "ok"
    assert parse(f(APP_ID, APP_CERTIFICATE, CHANNEL, "0", 1, FAR_FUTURE)).crc_uid == zlib.crc32(b"")
    # A None role is join-only, as Agora's code builds it (its role test is `role in (0, 1, 101)`).
    joined = parse(f(APP_ID, APP_CERTIFICATE, CHANNEL, 42, None, FAR_FUTURE))
    assert joined.privileges == {agoratoken.kJoinChannel: FAR_FUTURE}
    # A float expiry is truncated, as Agora's int(x).
    assert parse(f(APP_ID, APP_CERTIFICATE, CHANNEL, 42, None, FAR_FUTURE + 0.9)).privileges == {1: FAR_FUTURE}
    # Roles outside the table stay refused: Agora's code would build a join-only token silently.
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, CHANNEL, 42, 5, FAR_FUTURE)) == "role"


@pytest.mark.parametrize("name", ["buildTokenWithAccount", "build_token_with_account"])
def test_rtc_account_failures(name):
    f = getattr(RtcTokenBuilder, name)
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, CHANNEL, "", 1, 0)) == "user_account"
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, CHANNEL, "a\tb", 1, 0)) == "user_account"
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, CHANNEL, None, 1, 0)) == "null_argument"
    with pytest.raises(TypeError):
        f(APP_ID, APP_CERTIFICATE, CHANNEL, 42, 1, 0)


def test_helpers_are_static_and_not_constructible():
    with pytest.raises(TypeError):
        RtcTokenBuilder()
    with pytest.raises(TypeError):
        RtmTokenBuilder()


# --- RtmTokenBuilder -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["buildToken", "build_token"])
def test_rtm(name):
    f = getattr(RtmTokenBuilder, name)
    token = f(APP_ID, APP_CERTIFICATE, "bob", agoratoken.Role_Rtm_User, FAR_FUTURE)
    p = parse(token)
    assert p.privileges == {1000: FAR_FUTURE}
    assert p.crc_channel_name == zlib.crc32(b"bob") and p.crc_uid == zlib.crc32(b"")
    assert verify(token, APP_CERTIFICATE, "bob", 0) == "ok"
    # Agora's code ignores the role: every int gives the same token.
    for role in [0, 2, -1, 2**64]:
        other = f(APP_ID, APP_CERTIFICATE, "bob", role, FAR_FUTURE)
        assert parse(other).privileges == {1000: FAR_FUTURE} and verify(other, APP_CERTIFICATE, "bob", 0) == "ok"
    assert parse(f(APP_ID, APP_CERTIFICATE, "bob", 1, FAR_FUTURE + 0.5)).privileges == {1000: FAR_FUTURE}
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, "", 1, 0)) == "user_account"
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE[:5], "bob", 1, 0)) == "app_certificate"
    assert code_of(lambda: f(APP_ID, APP_CERTIFICATE, "bob", 1, 2**32)) == "expire_ts"
    assert code_of(lambda: f(None, APP_CERTIFICATE, "bob", 1, 0)) == "null_argument"
    for bad in [(APP_ID, APP_CERTIFICATE, 5, 1, 0), (APP_ID, APP_CERTIFICATE, "bob", True, 0)]:
        with pytest.raises(TypeError):
            f(*bad)


def test_rtm_keywords():
    token = RtmTokenBuilder.buildToken(
        appId=APP_ID, appCertificate=APP_CERTIFICATE, userAccount="bob", role=1, privilegeExpiredTs=0
    )
    assert parse(token).privileges == {1000: 0}


# --- parse -----------------------------------------------------------------------------


def test_parse_fields():
    p = parse(CLASSIC_TOKEN)
    assert isinstance(p, ParsedToken)
    assert p.app_id == APP_ID
    assert p.signature_hex == "95d1f654070fbbd9c5682fd7b218687743a3e88bc6e08f054b9f229227239747"
    assert p.signature == bytes.fromhex(p.signature_hex)
    assert (p.crc_channel_name, p.crc_uid) == (zlib.crc32(CHANNEL.encode()), zlib.crc32(str(UID).encode()))
    assert (p.salt, p.ts, p.privileges) == (1, 1111111, {1: 1446455471})
    assert p == parse(CLASSIC_TOKEN) and p != parse(RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "x", 1, 0))
    assert "salt=1" in repr(p) and APP_ID in repr(p)
    with pytest.raises(AttributeError):
        p.salt = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    "token, code",
    [
        ("005" + CLASSIC_TOKEN[3:], "version"),
        ("", "version"),
        ("006xyz", "app_id"),
        (CLASSIC_TOKEN[:35], "truncated"),
        (CLASSIC_TOKEN[:-8], "truncated"),
        (CLASSIC_TOKEN + "AAAA", "trailing"),
        (CLASSIC_TOKEN.replace("+", "-"), "base64"),
        (CLASSIC_TOKEN[:-1], "base64"),
        ("006" + APP_ID + "\u00e9", "base64"),
        ("\ud800" + CLASSIC_TOKEN, "version"),
    ],
)
def test_parse_rejects(token, code):
    assert code_of(lambda: parse(token)) == code


def test_parse_argument_types():
    assert code_of(lambda: parse(None)) == "null_argument"
    for bad in [6, CLASSIC_TOKEN.encode(), [CLASSIC_TOKEN]]:
        with pytest.raises(TypeError):
            parse(bad)


# --- verify ----------------------------------------------------------------------------


def _token(privileges, ts=FAR_FUTURE, uid=UID, channel=CHANNEL):
    b = agoratoken.SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, channel, uid)
    b.ts = ts
    for privilege, expire in privileges.items():
        b.setPrivilege(privilege, expire)
    return b.buildToken()


def test_verify_results():
    token = _token({1: 2000})
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID, 1000) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, str(UID), 1000) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID, 1000, APP_ID) == "ok"
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID, 1000, "0" * 32) == "app_id_mismatch"
    assert verify(token, APP_CERTIFICATE, "other", UID, 1000) == "channel_mismatch"
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID + 1, 1000) == "uid_mismatch"
    assert verify(token, APP_CERTIFICATE.lower(), CHANNEL, UID, 1000) == "signature_mismatch"
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID, 2001) == "privilege_expired"
    assert verify(token, APP_CERTIFICATE, CHANNEL, UID, FAR_FUTURE + 1) == "expired"
    assert verify(_token({1: 0}), APP_CERTIFICATE, CHANNEL, UID, FAR_FUTURE) == "ok"
    assert verify(_token({2: 5}), APP_CERTIFICATE, CHANNEL, UID, 1000) == "ok"  # no join privilege
    assert verify(_token({1: 0}, ts=10), APP_CERTIFICATE, CHANNEL, UID) == "expired"  # default now
    assert verify(_token({1: 0}), APP_CERTIFICATE, CHANNEL, UID, now=None, appId=None) == "ok"
    assert set(typing.get_args(agoratoken.VerifyResult)) == {
        "ok",
        "app_id_mismatch",
        "channel_mismatch",
        "uid_mismatch",
        "signature_mismatch",
        "expired",
        "privilege_expired",
    }


def test_verify_failures():
    token = _token({1: 0})
    assert code_of(lambda: verify(token, "short", CHANNEL, UID)) == "app_certificate"
    assert code_of(lambda: verify(token[:-4], APP_CERTIFICATE, CHANNEL, UID)) == "truncated"
    assert code_of(lambda: verify("x", APP_CERTIFICATE, CHANNEL, UID)) == "version"
    assert code_of(lambda: verify(token, APP_CERTIFICATE, CHANNEL, -1)) == "uid"
    assert code_of(lambda: verify(token, APP_CERTIFICATE, CHANNEL, UID, -1)) == "now"
    assert code_of(lambda: verify(token, APP_CERTIFICATE, CHANNEL, UID, 2**40)) == "now"
    for i in range(4):
        args = [token, APP_CERTIFICATE, CHANNEL, UID]
        args[i] = None
        assert code_of(lambda: verify(*args)) == "null_argument"
    for args in [
        (1, APP_CERTIFICATE, CHANNEL, UID),
        (token, APP_CERTIFICATE.encode(), CHANNEL, UID),
        (token, APP_CERTIFICATE, 3, UID),
        (token, APP_CERTIFICATE, CHANNEL, True),
        (token, APP_CERTIFICATE, CHANNEL, 1.0),
    ]:
        with pytest.raises(TypeError) as info:
            verify(*args)
        assert_no_certificate(str(info.value))
    with pytest.raises(TypeError):
        verify(token, APP_CERTIFICATE, CHANNEL, UID, "1000")
    with pytest.raises(TypeError):
        verify(token, APP_CERTIFICATE, CHANNEL, UID, 1000, 5)
