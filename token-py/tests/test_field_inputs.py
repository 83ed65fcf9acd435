"""The field reports of issue 12, replayed through the Python binding: each
kind's right answer, as the core gives it to every binding."""
import time

import pytest

import agoratoken as at
from agoratoken import v2

APP = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
CERT = "f0e1d2c3b4a5968778695a4b3c2d1e0f"


def test_uid_0_is_a_wildcard_in_006_and_007():
    t6 = at.RtcTokenBuilder.buildTokenWithUid(APP, CERT, "live", 0, at.Role_Subscriber, 0)
    assert at.verify(t6, CERT, "live", 12345) == "ok"
    assert at.verify(t6, CERT, "live", "bob") == "ok"
    assert at.verify(t6, CERT, "other", 12345) == "channel_mismatch"
    t7 = v2.RtcTokenBuilder.build_token_with_uid(APP, CERT, "live", 0, v2.Role_Subscriber, 600)
    assert v2.verify(t7, CERT, "live", 12345) == "ok"
    assert v2.verify(t7, CERT, "live", "bob") == "ok"
    # The reverse does not hold: a token for uid 42 is not valid for uid 0.
    t42 = v2.RtcTokenBuilder.build_token_with_uid(APP, CERT, "live", 42, v2.Role_Subscriber, 600)
    assert v2.verify(t42, CERT, "live", 0) == "uid_mismatch"


def test_a_renewed_token_lives_again():
    now = int(time.time())
    b = at.SimpleTokenBuilder(APP, CERT, "c", 42)
    b.ts = now + 30
    for p in (1, 2, 3, 4):
        b.setPrivilege(p, now + 30)
    r = at.SimpleTokenBuilder(APP, CERT, "c", 42)
    r.initTokenBuilder(b.buildToken())
    r.setPrivilege(at.kJoinChannel, now + 3600)
    assert at.verify(r.buildToken(), CERT, "c", 42, now + 600) == "ok"


def test_now_in_milliseconds_names_now():
    t6 = at.RtcTokenBuilder.buildTokenWithUid(APP, CERT, "room-1", 42, at.Role_Publisher, 0)
    t7 = v2.RtcTokenBuilder.build_token_with_uid(APP, CERT, "room-1", 42, v2.Role_Publisher, 600)
    ms = int(time.time() * 1000)
    for call in (lambda: at.verify(t6, CERT, "room-1", 42, ms), lambda: v2.verify(t7, CERT, "room-1", 42, now=ms)):
        with pytest.raises(at.AgoraTokenError) as e:
            call()
        assert e.value.code == "now"
        assert str(e.value).startswith("now:") and "milliseconds" in str(e.value)


def test_a_negative_uid_is_reported_as_a_signed_view():
    for call in (
        lambda: at.SimpleTokenBuilder(APP, CERT, "c", -5),
        lambda: v2.RtcTokenBuilder.build_token_with_uid(APP, CERT, "c", -5, v2.Role_Publisher, 600),
    ):
        with pytest.raises(at.AgoraTokenError) as e:
            call()
        assert e.value.code == "uid"
        assert str(e.value).startswith("uid:") and "4294967291" in str(e.value)


@pytest.mark.parametrize(
    "damage, needle",
    [
        (lambda t: '"' + t + '"', "quotes"),
        (lambda t: t.replace("/", "\\/"), "JSON escapes"),
        (lambda t: t.replace("+", "%2B").replace("/", "%2F"), "URL-encoded"),
        (lambda t: t.replace("+", " "), "became a space"),
        (lambda t: t.replace("+", "-").replace("/", "_"), "URL-safe"),
        (lambda t: t[:-7], "cut short"),
        (lambda t: "", "empty"),
        (lambda t: APP, "app id"),
        (lambda t: "005" + t[3:], "older Agora dynamic key"),
    ],
)
def test_damaged_tokens_are_diagnosed(damage, needle):
    # A 006 token whose base64 holds both '+' and '/' (salts are random).
    t = next(
        tok
        for tok in (at.RtcTokenBuilder.buildTokenWithUid(APP, CERT, "room-1", 42, at.Role_Publisher, 0) for _ in range(500))
        if "+" in tok[35:] and "/" in tok[35:]
    )
    with pytest.raises(at.AgoraTokenError) as e:
        at.parse(damage(t))
    assert needle in str(e.value)


def test_a_006_token_handed_to_the_007_reader_says_so():
    t6 = at.RtcTokenBuilder.buildTokenWithUid(APP, CERT, "c", 1, at.Role_Publisher, 0)
    with pytest.raises(at.AgoraTokenError) as e:
        v2.parse(t6)
    assert "AccessToken (006)" in str(e.value)


def test_rtm_tokens_verify_as_rtm_tokens():
    now = int(time.time())
    r6 = at.RtmTokenBuilder.buildToken(APP, CERT, "alice", at.Role_Rtm_User, now + 60)
    assert at.verifyRtm(r6, CERT, "alice") == "ok"
    assert at.verifyRtm(r6, CERT, "bob") == "uid_mismatch"
    assert at.verifyRtm(r6, CERT, "alice", now + 61) == "privilege_expired"
    r7 = v2.RtmTokenBuilder.build_token(APP, CERT, "alice", 60)
    assert v2.verify(r7, CERT, rtm_user_id="alice") == "ok"
    assert v2.verify(r7, CERT, rtm_user_id="bob") == "uid_mismatch"
