"""Starts the example endpoint on 127.0.0.1, fetches tokens, checks them with agoratoken.verify."""

import json
import os
import pathlib
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

import agoratoken

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import server  # noqa: E402

APP_ID = "970CA35de60c44645bbae8a215061b33"
APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b"


def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture(scope="module")
def base():
    httpd = server.make_server("127.0.0.1", 0, APP_ID, APP_CERTIFICATE)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_rtc_token_for_uid_and_account(base):
    status, body = get(base, "/rtc-token?channel=room-1&uid=42&role=subscriber&expire=600")
    assert status == 200
    assert body["token"].startswith("006" + APP_ID)  # the format the docstring names
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", 42) == "ok"
    assert agoratoken.parse(body["token"]).privileges == {agoratoken.kJoinChannel: body["expires"]}
    status, body = get(base, "/rtc-token?channel=room-1&uid=alice")
    assert status == 200
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", "alice") == "ok"
    assert len(agoratoken.parse(body["token"]).privileges) == 4  # publisher by default


@pytest.mark.parametrize("uid", [0, 7, 4294967295])
def test_canonical_decimal_uid_is_that_uid(base, uid):
    status, body = get(base, f"/rtc-token?channel=room-1&uid={uid}")
    assert status == 200
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", uid) == "ok"


# The same list as examples/php/test.php: text that is not a uid in canonical decimal form
# (the library's rule, which the builder applies) is minted as a user account.
@pytest.mark.parametrize("account", ["007", "alice", "-1", "4294967296", "99999999999", "1.0", "+1", " 1"])
def test_other_uid_text_is_an_account(base, account):
    status, body = get(base, "/rtc-token?channel=room-1&uid=" + quote(account, safe=""))
    assert status == 200, body
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", account) == "ok"


def test_uid_with_leading_zero_is_not_uid_7(base):
    status, body = get(base, "/rtc-token?channel=room-1&uid=007")
    assert status == 200
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", "007") == "ok"
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-1", 7) == "uid_mismatch"


def test_rtm_token(base):
    status, body = get(base, "/rtm-token?account=bob")
    assert status == 200
    assert body["token"].startswith("006" + APP_ID)
    assert agoratoken.verify(body["token"], APP_CERTIFICATE, "bob", 0) == "ok"


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/rtc-token?channel=a/b&uid=1", 400, "channel_name"),
        ("/rtc-token?uid=1", 400, "channel_name"),
        # Digits beyond 32 bits are an account too, refused when longer than 255 bytes.
        ("/rtc-token?channel=r&uid=" + "9" * 5000, 400, "user_account"),
        ("/rtc-token?channel=r&uid=a%2Fb", 400, "user_account"),
        # Digits that str.isdigit() takes but are no uid: an account, refused by its own check.
        ("/rtc-token?channel=r&uid=%C2%B2", 400, "user_account"),
        ("/rtc-token?channel=r&uid=%D9%A1%D9%A2", 400, "user_account"),
        ("/rtc-token?channel=r&role=admin", 400, "role"),
        ("/rtc-token?channel=r&expire=0", 400, "expire"),
        ("/rtc-token?channel=r&expire=x", 400, "expire"),
        ("/rtm-token", 400, "user_account"),
        ("/nope", 404, "not_found"),
    ],
)
def test_bad_requests(base, path, status, code):
    got_status, body = get(base, path)
    assert (got_status, body["error"]) == (status, code)
    assert APP_CERTIFICATE.lower() not in json.dumps(body).lower()


def test_malformed_request_target_is_a_400(base):
    # urllib cannot send such a target: write the request by hand.
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := s.recv(4096):
            reply += chunk
    assert reply.startswith(b"HTTP/1.0 400 ") or reply.startswith(b"HTTP/1.1 400 "), reply[:80]
    assert b'"error": "url"' in reply
    assert get(base, "/rtm-token?account=bob")[0] == 200


def test_bad_credentials_refused_at_start():
    with pytest.raises(agoratoken.AgoraTokenError) as info:
        server.make_server("127.0.0.1", 0, APP_ID, APP_CERTIFICATE[:-1] + "x")
    assert info.value.code == "app_certificate"


def test_runs_as_a_program():
    env = dict(os.environ, AGORA_APP_ID=APP_ID, AGORA_APP_CERTIFICATE=APP_CERTIFICATE)
    script = pathlib.Path(server.__file__)
    proc = subprocess.Popen(
        [sys.executable, str(script), "--port", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), line
        status, body = get(line.split()[-1], "/rtc-token?channel=room-2&uid=7")
        assert status == 200
        assert agoratoken.verify(body["token"], APP_CERTIFICATE, "room-2", 7) == "ok"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert APP_CERTIFICATE not in err and "room-2" not in err
    bad = subprocess.run(
        [sys.executable, str(script), "--port", "0"],
        env=dict(env, AGORA_APP_CERTIFICATE="nope"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert bad.returncode == 2 and "app_certificate" in bad.stderr
