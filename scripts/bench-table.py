#!/usr/bin/env python3
"""Prints one table from the benchmark results in target/bench/*.tsv.

Each benchmark writes lines `group<TAB>implementation<TAB>ns_per_op`. The first
line of a group is ours; every other row of the group gets the ratio
`its ns / our ns` (above 1: we are that many times faster).
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
files = sorted((root / "target" / "bench").glob("*.tsv"))
if not files:
    sys.exit("no benchmark results in target/bench/ (run `make bench`)")
groups = {}
for f in files:
    for line in f.read_text().splitlines():
        if not line.strip():
            continue
        group, impl, ns = line.split("\t")[:3]
        groups.setdefault(group, []).append((impl, float(ns)))
w1 = max(len(g) for g in groups)
w2 = max(len(i) for rows in groups.values() for i, _ in rows)
print(f"{'group':<{w1}}  {'implementation':<{w2}}  {'ns/op':>10}  {'vs ours':>8}")
for group, rows in groups.items():
    ours = rows[0][1]
    for impl, ns in rows:
        ratio = ns / ours if ours else float("nan")
        print(f"{group:<{w1}}  {impl:<{w2}}  {ns:>10.1f}  {ratio:>7.2f}x")
