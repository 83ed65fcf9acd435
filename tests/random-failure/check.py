"""token-py under randfail.so (see randfail.c): a failing OS random source is
AgoraTokenError with code "random" (an Exception, not a PanicException), the
interpreter goes on, and it mints again once the source works. Run by make
test-python."""

import os
import sys

from agoratoken import AgoraTokenError, RtcTokenBuilder, SimpleTokenBuilder, v2

path = os.environ.get("AGORATOKEN_RANDFAIL_FILE")
if not path:
    sys.exit("random-failure[python]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set")
APP_ID, CERT = "970CA35de60c44645bbae8a215061b33", "5CFd2fd1755d40ecb72977518be15d3b"
passed = failed = 0


def check(ok: bool, what: str) -> None:
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"random-failure[python]: FAILED: {what}", file=sys.stderr)


def category(mint) -> str:
    try:
        mint()
    except AgoraTokenError as e:
        return f"{e.code} {e.status}"
    except Exception as e:  # noqa: BLE001 - report what came instead
        return type(e).__name__
    return "no exception"


b = SimpleTokenBuilder(APP_ID, CERT, "room-1", 42)
open(path, "w").close()
got = category(b.buildToken)
check(got == "random -32", f"buildToken raises code random (got {got})")
got = category(lambda: RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, "room-1", 42, 1, 0))
check(got == "random -32", f"the RTC helper raises code random (got {got})")
got = category(lambda: v2.RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, "room-1", 42, 1, 600))
check(got == "random -32", f"the 007 RTC builder raises code random (got {got})")
token = v2.AccessToken(APP_ID, CERT)
token.add_service(v2.ServiceFpa())
got = category(token.build)
check(got == "random -32", f"AccessToken.build raises code random (got {got})")
os.remove(path)
check(b.buildToken().startswith("006"), "builds again once the source works")
check(token.build().startswith("007"), "007 builds again once the source works")
print(f"random-failure[python]: {passed} passed, {failed} failed")
sys.exit(0 if failed == 0 and passed > 0 else 1)
