#!/usr/bin/env python3
"""Writes a seed corpus per fuzz target from the conformance vectors:
parse006/parse_any get whole tokens, parse007 the text after "007",
inflate007 the decompressed contents. Usage: fuzz-seeds.py VECTORS_DIR CORPUS_DIR"""
import binascii, json, pathlib, sys

vectors, corpus = map(pathlib.Path, sys.argv[1:3])
seeds = {"parse006": set(), "parse007": set(), "parse_any": set(), "inflate007": set()}
for f in sorted(vectors.glob("*.jsonl")):
    for line in f.read_text().splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        token = case.get("token", "")
        if token:
            seeds["parse_any"].add(token.encode())
            (seeds["parse007"] if token.startswith("007") else seeds["parse006"]).add(
                token[3:].encode() if token.startswith("007") else token.encode())
        content = case.get("content_hex") or case.get("expected", {}).get("content_hex")
        if content:
            seeds["inflate007"].add(binascii.unhexlify(content))
for target, items in seeds.items():
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(sorted(items)):
        (d / f"vector-{i:04d}").write_bytes(data)
    print(f"{target}: {len(items)} seeds")
