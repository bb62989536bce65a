#!/usr/bin/env python3
"""Checks the workflow files as far as a machine without the runners can: each parses as YAML,
has jobs with steps, and every repository path and script a `run:` step names exists."""
import pathlib, re, sys
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
problems = []
for wf in sorted((root / ".github/workflows").glob("*.yml")):
    doc = yaml.safe_load(wf.read_text())
    jobs = doc.get("jobs") or {}
    if not jobs or (True not in doc and "on" not in doc):  # YAML reads a bare `on` as True
        problems.append(f"{wf.name}: no trigger or no jobs")
    for name, job in jobs.items():
        steps = job.get("steps") or []
        if not steps:
            problems.append(f"{wf.name}/{name}: no steps")
        for step in steps:
            for word in re.findall(r"[\w./-]+", step.get("run", "")):
                if re.match(r"^(\./|installer/|\.github/|src/|docs/)", word) and "*" not in word:
                    if not (root / word.lstrip("./") if word.startswith("./") else root / word).exists():
                        problems.append(f"{wf.name}/{name}: '{word}' does not exist")
    print(f"{wf.name}: {len(jobs)} job(s), {sum(len(j.get('steps') or []) for j in jobs.values())} steps")
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
