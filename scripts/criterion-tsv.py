#!/usr/bin/env python3
"""Turns criterion's estimates (target/criterion/<group>/<bench>/new/estimates.json)
into bench-table rows: `label<TAB>implementation<TAB>ns_per_op`.

Usage: criterion-tsv.py LABEL GROUP OURS [OTHER ...] >> out.tsv, where GROUP is
the criterion group and OURS/OTHER are benchmark names; OURS is printed first.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
label, group, *names = sys.argv[1:]
for name in names:
    est = json.loads((root / group / name / "new" / "estimates.json").read_text())
    print(f"{label}\t{name}\t{est['mean']['point_estimate']:.1f}")
