"""Compatibility with the PyPI package `agora-token-builder`, the builder we replace.

For the same inputs, its tokens and ours parse to the same fields apart from
salt and ts; each verifies with the other's parser; and with salt and ts
fixed, the tokens are identical.
"""

import importlib

import pytest

# Plain imports: the package is part of the test environment, never skipped. Its
# __init__ rebinds the names RtcTokenBuilder/RtmTokenBuilder to the classes, so
# the modules (which hold the constants) are imported by their full names.
theirs_access_token = importlib.import_module("agora_token_builder.AccessToken")
theirs_rtc_module = importlib.import_module("agora_token_builder.RtcTokenBuilder")
theirs_rtm_module = importlib.import_module("agora_token_builder.RtmTokenBuilder")
TheirRtc = theirs_rtc_module.RtcTokenBuilder
TheirRtm = theirs_rtm_module.RtmTokenBuilder

import agoratoken
from agoratoken import RtcTokenBuilder, RtmTokenBuilder, parse, verify

from conftest import APP_CERTIFICATE, APP_ID, CHANNEL, FAR_FUTURE

CASES = [
    ("uid", 2882341273, agoratoken.Role_Publisher),
    ("uid", 0, agoratoken.Role_Subscriber),
    ("uid", 4294967295, agoratoken.Role_Admin),
    ("uid", 1, agoratoken.Role_Attendee),
    ("account", "alice@example.com", agoratoken.Role_Publisher),
    ("account", "007", agoratoken.Role_Subscriber),
]


def theirs_parse(token):
    """The reference parser: version check, then salt, ts and privileges."""
    t = theirs_access_token.AccessToken()
    assert t.fromString(token) is True
    return t


def theirs_rebuild(token, channel, user):
    """Verification with their code: re-sign the parsed message and compare."""
    parsed = theirs_parse(token)
    again = theirs_access_token.AccessToken(token[3:35], APP_CERTIFICATE, channel, user)
    again.salt, again.ts, again.messages = parsed.salt, parsed.ts, parsed.messages
    return again.build()


def same_fields(a, b):
    pa, pb = parse(a), parse(b)
    return (pa.app_id, pa.crc_channel_name, pa.crc_uid, pa.privileges) == (
        pb.app_id,
        pb.crc_channel_name,
        pb.crc_uid,
        pb.privileges,
    )


def test_constants_match_theirs():
    for name in ["kJoinChannel", "kPublishAudioStream", "kPublishVideoStream", "kPublishDataStream", "kRtmLogin"]:
        assert getattr(agoratoken, name) == getattr(theirs_access_token, name), name
    for name in ["Role_Attendee", "Role_Publisher", "Role_Subscriber", "Role_Admin"]:
        assert getattr(agoratoken, name) == getattr(theirs_rtc_module, name), name
    assert agoratoken.Role_Rtm_User == theirs_rtm_module.Role_Rtm_User


@pytest.mark.parametrize("kind, user, role", CASES)
def test_rtc_tokens_agree(kind, user, role):
    if kind == "uid":
        ours = RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, user, role, FAR_FUTURE)
        theirs = TheirRtc.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, user, role, FAR_FUTURE)
    else:
        ours = RtcTokenBuilder.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, CHANNEL, user, role, FAR_FUTURE)
        theirs = TheirRtc.buildTokenWithAccount(APP_ID, APP_CERTIFICATE, CHANNEL, user, role, FAR_FUTURE)
    assert same_fields(ours, theirs)
    # Theirs verifies with our parser; ours with theirs (re-signed identically).
    assert verify(theirs, APP_CERTIFICATE, CHANNEL, user) == "ok"
    assert verify(ours, APP_CERTIFICATE, CHANNEL, user) == "ok"
    assert theirs_rebuild(ours, CHANNEL, user) == ours
    assert theirs_rebuild(theirs, CHANNEL, user) == theirs
    ours_parsed, their_view = parse(ours), theirs_parse(ours)
    assert (their_view.salt, their_view.ts, their_view.messages) == (
        ours_parsed.salt,
        ours_parsed.ts,
        ours_parsed.privileges,
    )


def test_rtm_tokens_agree():
    ours = RtmTokenBuilder.buildToken(APP_ID, APP_CERTIFICATE, "bob", 1, FAR_FUTURE)
    theirs = TheirRtm.buildToken(APP_ID, APP_CERTIFICATE, "bob", 1, FAR_FUTURE)
    assert same_fields(ours, theirs)
    assert verify(theirs, APP_CERTIFICATE, "bob", 0) == "ok"
    assert theirs_rebuild(ours, "bob", "") == ours


@pytest.mark.parametrize("kind, user, role", CASES)
def test_fixed_salt_and_ts_give_identical_tokens(kind, user, role):
    ours = agoratoken.SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, user)
    ours.initPrivileges(role)
    theirs = theirs_access_token.AccessToken(APP_ID, APP_CERTIFICATE, CHANNEL, user)
    for privilege in ours.privileges:
        ours.setPrivilege(privilege, FAR_FUTURE - privilege)
        theirs.addPrivilege(privilege, FAR_FUTURE - privilege)
    ours.salt, ours.ts = theirs.salt, theirs.ts = 123456789, 1700000000
    assert ours.buildToken() == theirs.build()


def test_init_token_builder_reads_their_tokens():
    theirs = TheirRtc.buildTokenWithUid(APP_ID, APP_CERTIFICATE, CHANNEL, 42, 1, FAR_FUTURE)
    ours = agoratoken.SimpleTokenBuilder(APP_ID, APP_CERTIFICATE, CHANNEL, 42)
    assert ours.initTokenBuilder(theirs) == 0
    parsed = parse(theirs)
    ours.salt, ours.ts = parsed.salt, parsed.ts  # init takes the privileges only
    assert ours.buildToken() == theirs  # same salt, ts, privileges: the same token
