#!/usr/bin/env python3
"""RSS over many 007 builds (issue 14: building 10 million tokens keeps RSS flat).

Usage: rss.py [count]. Builds `count` RTC publisher tokens through
agoratoken.v2.RtcTokenBuilder (default 10,000,000), one AccessToken class
build and one parse per 100, and prints the resident set size (from
/proc/self/statm) after a warm-up and at the end. Exits 1 when it grew by more
than 4 MiB.
"""

import os
import sys
import time

from agoratoken import v2

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"


def rss_kib() -> int:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    build = v2.RtcTokenBuilder.build_token_with_uid
    token = v2.AccessToken(APP_ID, CERT, expire=600)
    token.add_service(v2.ServiceRtm("alice"))
    token.services[0].add_privilege(v2.ServiceRtm.kPrivilegeLogin, 600)
    for i in range(100_000):
        build(APP_ID, CERT, "room-1", i, v2.Role_Publisher, 3600, 3600)
    start, began = rss_kib(), time.monotonic()
    for i in range(count):
        text = build(APP_ID, CERT, "room-1", i & 0xFFFFFFFF, v2.Role_Publisher, 3600, 3600)
        if i % 100 == 0:
            v2.parse(text)
            token.build()
    end = rss_kib()
    took = time.monotonic() - began
    print(f"rss[python]: {count} tokens in {took:.0f} s, RSS {start} KiB after warm-up, {end} KiB at the end")
    return 0 if end - start <= 4096 else 1


if __name__ == "__main__":
    sys.exit(main())
