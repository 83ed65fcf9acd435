#!/usr/bin/env python3
"""A minimal Agora token endpoint on the standard library's http.server.

    AGORA_APP_ID=... AGORA_APP_CERTIFICATE=... python3 server.py --port 8080
    curl 'http://127.0.0.1:8080/rtc-token?channel=room-1&uid=42&role=publisher'
    curl 'http://127.0.0.1:8080/rtm-token?account=alice'

Mints AccessToken 006 tokens ("006..."): agoratoken.RtcTokenBuilder (RTC, the role's
privileges until `expires`) and agoratoken.RtmTokenBuilder (RTM login until `expires`).
For 007 tokens, use agoratoken.v2 (RtcTokenBuilder.build_token_with_uid, ...), whose
lifetimes are seconds from now rather than a Unix time.

The `uid` text is read by the library's rule (the builder takes it as text): canonical
decimal form within 0..4294967295 ("42", "0": any user) is that numeric uid; the builder
refuses any other text with a "uid" error, and the text is then minted as a user account
("007", "alice", "4294967296"): "007" is not uid 7. examples/php/index.php does the same.
`expire` is a lifetime in seconds (1..86400, default 3600).

Replies with JSON: {"token": ..., "expires": ...}, or {"error": <category>,
"message": ...} with status 400. The certificate is never logged or returned.
"""

import argparse
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Optional, Union
from urllib.parse import SplitResult, parse_qs, urlsplit

import agoratoken

ROLES = {"publisher": agoratoken.Role_Publisher, "subscriber": agoratoken.Role_Subscriber}
DEFAULT_LIFETIME = 3600
MAX_LIFETIME = 24 * 3600


class BadRequest(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def mint(path: str, query: Dict[str, str], app_id: str, app_certificate: str) -> Dict[str, Union[str, int]]:
    """The token for one request; raises BadRequest or agoratoken.AgoraTokenError."""
    try:
        lifetime = int(query.get("expire", DEFAULT_LIFETIME))
    except ValueError:
        raise BadRequest("expire", "expire: must be a number of seconds") from None
    if not 0 < lifetime <= MAX_LIFETIME:
        raise BadRequest("expire", f"expire: must be 1..{MAX_LIFETIME} seconds")
    expires = int(time.time()) + lifetime
    if path == "/rtc-token":
        channel = query.get("channel", "")
        role = ROLES.get(query.get("role", "publisher"))
        if role is None:
            raise BadRequest("role", "role: must be publisher or subscriber")
        uid = query.get("uid", "0")
        try:
            # The builder reads uid text by the library's rule: canonical decimal only.
            token = agoratoken.RtcTokenBuilder.buildTokenWithUid(app_id, app_certificate, channel, uid, role, expires)
        except agoratoken.AgoraTokenError as e:
            if e.code != "uid":
                raise
            # Not a numeric uid: a user account (the library checks its characters and length).
            token = agoratoken.RtcTokenBuilder.buildTokenWithAccount(
                app_id, app_certificate, channel, uid, role, expires
            )
    elif path == "/rtm-token":
        token = agoratoken.RtmTokenBuilder.buildToken(
            app_id, app_certificate, query.get("account", ""), agoratoken.Role_Rtm_User, expires
        )
    else:
        raise BadRequest("not_found", "use /rtc-token or /rtm-token")
    return {"token": token, "expires": expires}


def split_target(target: str) -> Optional[SplitResult]:
    """The request target as a URL, or None when it is none (urlsplit raises on "http://[")."""
    try:
        return urlsplit(target)
    except ValueError:
        return None


def make_server(host: str, port: int, app_id: str, app_certificate: str) -> ThreadingHTTPServer:
    # Checked once at start: a bad id or certificate fails here, not per request.
    agoratoken.SimpleTokenBuilder(app_id, app_certificate, "check", 0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status: int = 200
            body: Dict[str, Union[str, int]]
            url = split_target(self.path)
            try:
                if url is None:
                    raise BadRequest("url", "the request target is not a valid URL")
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                body = mint(url.path, query, app_id, app_certificate)
            except agoratoken.AgoraTokenError as e:  # names the field, never the certificate
                status, body = 400, {"error": e.code, "message": str(e)}
            except BadRequest as e:
                status, body = (404 if e.code == "not_found" else 400), {"error": e.code, "message": str(e)}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            # Paths only (no query: it may carry user names).
            # (Also called for requests refused before a path was read, or whose target is no URL.)
            url = split_target(getattr(self, "path", ""))
            path = "?" if url is None else url.path
            sys.stderr.write(f"{self.command} {path} -> {args[1] if len(args) > 1 else ''}\n")

    return ThreadingHTTPServer((host, port), Handler)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    args = parser.parse_args()
    app_id = os.environ.get("AGORA_APP_ID", "")
    app_certificate = os.environ.get("AGORA_APP_CERTIFICATE", "")
    try:
        server = make_server(args.host, args.port, app_id, app_certificate)
    except agoratoken.AgoraTokenError as e:
        print(f"cannot start: {e} (set AGORA_APP_ID and AGORA_APP_CERTIFICATE)", file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    print(f"listening on http://{host!s}:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
