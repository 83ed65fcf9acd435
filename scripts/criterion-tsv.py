#!/usr/bin/env python3
"""Turns criterion's estimates (target/criterion/<group>/<bench>/new/estimates.json)
into bench-table rows: `label<TAB>implementation<TAB>ns_per_op`.

Usage: criterion-tsv.py LABEL GROUP OURS [OTHER ...] >> out.tsv, where GROUP is
the criterion group and OURS/OTHER are benchmark names; OURS is printed first.
A name `a+b` is the sum of two benchmarks of the group (a floor made of parts,
such as parse + the HMACs for verify).
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
label, group, *names = sys.argv[1:]
def mean(name):
    est = json.loads((root / group / name / "new" / "estimates.json").read_text())
    return est["mean"]["point_estimate"]


for name in names:
    print(f"{label}\t{name}\t{sum(mean(part) for part in name.split('+')):.1f}")
