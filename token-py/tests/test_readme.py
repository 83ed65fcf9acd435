"""Every ```python block of token-py/README.md runs (issue 17: snippets rot).

The blocks run in order in one namespace, as a reader would paste them, with
the names the README leaves to the reader bound to real values; a block that
raises, or names something it never imports, fails the test.
"""

import re
import time
from pathlib import Path

import agoratoken

README = Path(__file__).resolve().parent.parent / "README.md"
APP_ID = "970CA35de60c44645bbae8a215061b33"
APP_CERT = "5CFd2fd1755d40ecb72977518be15d3b"


def test_readme_python_blocks_run() -> None:
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) >= 5
    expire_ts = int(time.time()) + 3600
    old = agoratoken.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, "room-1", 42, agoratoken.Role_Publisher, expire_ts)
    names = {
        "app_id": APP_ID, "appId": APP_ID, "appID": APP_ID,
        "app_certificate": APP_CERT, "appCertificate": APP_CERT,
        "channelName": "room-1", "uid": 42, "expire_ts": expire_ts, "now": int(time.time()),
        "originToken": old, "old_token": old,
    }
    for n, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"{README}:python block {n}", "exec"), names)
        except Exception as e:  # the block's number and text in the failure
            raise AssertionError(f"README python block {n} failed: {e!r}\n{block}") from e
