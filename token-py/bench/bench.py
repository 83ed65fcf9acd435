#!/usr/bin/env python3
"""ns/token of agoratoken against the pure-Python builders on PyPI, in one run: 006 against
agora-token-builder, 007 (agoratoken.v2) against agoraiotools (Agora's Python 007 code).

Usage: bench.py [out.tsv]. Each TSV line is "group<TAB>implementation<TAB>ns_per_op",
ours first in each group. Rounds alternate between implementations and the best
round counts, so a busy machine slows both sides alike. Takes about 30 s.
"""

import importlib
import sys
import time
import timeit
from typing import Callable, Dict, List, Tuple

import agoratoken
from agoratoken import v2

theirs_access_token = importlib.import_module("agora_token_builder.AccessToken")
TheirRtc = importlib.import_module("agora_token_builder.RtcTokenBuilder").RtcTokenBuilder
TheirRtc2 = importlib.import_module("agoraiotools.RtcTokenBuilder2").RtcTokenBuilder
TheirRtm2 = importlib.import_module("agoraiotools.RtmTokenBuilder2").RtmTokenBuilder
TheirAccessToken2 = importlib.import_module("agoraiotools.AccessToken2").AccessToken

APP_ID = "970CA35de60c44645bbae8a215061b33"
CERT = "5CFd2fd1755d40ecb72977518be15d3b"
CHANNEL = "7d72365eb983485397e3e3f9d460bdda"
UID = 2882341273
EXPIRE = int(time.time()) + 3600
PUBLISHER = agoratoken.Role_Publisher
OURS = f"agoratoken {agoratoken.version()} (pyo3)"
PEER = "agora-token-builder 1.0.0 (pure Python)"
PEER007 = "agoraiotools 0.3.4 (pure Python)"
PUBLISHER_PRIVILEGES = [1, 2, 3, 4]

ours_builder = agoratoken.SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID)
ours_builder.initPrivileges(PUBLISHER)
peer_builder = theirs_access_token.AccessToken(APP_ID, CERT, CHANNEL, UID)
for p in PUBLISHER_PRIVILEGES:
    peer_builder.addPrivilege(p, 0)
TOKEN = ours_builder.buildToken()


def ours_new_builder() -> str:
    b = agoratoken.SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID)
    b.initPrivileges(PUBLISHER)
    return b.buildToken()


def peer_new_builder() -> str:
    b = theirs_access_token.AccessToken(APP_ID, CERT, CHANNEL, UID)
    for p in PUBLISHER_PRIVILEGES:
        b.addPrivilege(p, 0)
    return str(b.build())


def peer_parse() -> object:
    t = theirs_access_token.AccessToken()
    t.fromString(TOKEN)
    return t


TOKEN007 = v2.RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, PUBLISHER, 3600, 3600)


def peer_parse007() -> object:
    t = TheirAccessToken2()
    t.from_string(TOKEN007)
    return t


GROUPS: Dict[str, List[Tuple[str, Callable[[], object]]]] = {
    "python RtcTokenBuilder.buildTokenWithUid (publisher)": [
        (OURS, lambda: agoratoken.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, PUBLISHER, EXPIRE)),
        (PEER, lambda: TheirRtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, PUBLISHER, EXPIRE)),
    ],
    "python buildToken (builder reused)": [
        (OURS, ours_builder.buildToken),
        (PEER, peer_builder.build),
    ],
    "python new builder + buildToken": [
        (OURS, ours_new_builder),
        (PEER, peer_new_builder),
    ],
    "python parse": [
        (OURS, lambda: agoratoken.parse(TOKEN)),
        (PEER, peer_parse),
    ],
    "python 007 RtcTokenBuilder.build_token_with_uid (publisher)": [
        (OURS, lambda: v2.RtcTokenBuilder.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, PUBLISHER, 3600, 3600)),
        (PEER007, lambda: TheirRtc2.build_token_with_uid(APP_ID, CERT, CHANNEL, UID, PUBLISHER, 3600, 3600)),
    ],
    "python 007 RtmTokenBuilder.build_token": [
        (OURS, lambda: v2.RtmTokenBuilder.build_token(APP_ID, CERT, "alice", 3600)),
        (PEER007, lambda: TheirRtm2.build_token(APP_ID, CERT, "alice", 3600)),
    ],
    "python 007 parse (from_string)": [
        (OURS, lambda: v2.parse(TOKEN007)),
        (PEER007, peer_parse007),
    ],
}


def main() -> int:
    rounds, seconds = 15, 0.08
    timers: Dict[Tuple[str, str], Tuple[timeit.Timer, int]] = {}
    for group, impls in GROUPS.items():
        for name, fn in impls:
            timer = timeit.Timer(fn)
            number, took = timer.autorange()
            timers[group, name] = (timer, max(1, int(number * seconds / took)))
    best: Dict[Tuple[str, str], float] = {}
    for _ in range(rounds):
        for key, (timer, number) in timers.items():
            ns = timer.timeit(number) / number * 1e9
            best[key] = min(ns, best.get(key, float("inf")))
    lines = []
    print(f"{'group':<52}  {'implementation':<40}  {'ns/op':>10}  {'vs ours':>8}")
    for group, impls in GROUPS.items():
        ours = best[group, impls[0][0]]
        for name, _ in impls:
            ns = best[group, name]
            print(f"{group:<52}  {name:<40}  {ns:>10.1f}  {ns / ours:>7.2f}x")
            lines.append(f"{group}\t{name}\t{ns:.1f}\n")
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            out.writelines(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
