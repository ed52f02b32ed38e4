#!/usr/bin/env python3
"""Whole-process times of the tenderlint binary, what a pre-commit hook or a CI step sees.

    benches/startup.py [BINARY] [ROUNDS]      (default target/release/tenderlint, 21 rounds)

Each round runs every command once, one after the other, so that all of them meet the same
load on a shared machine (paired); the medians over the rounds are printed as a Markdown
table. The goals (issue 26): a small tender <= 15 ms and `rules list` <= 8 ms; check /
extract <= 1.4 on pandoc_big.docx (skipped when ../shared or $TENDERLINT_SHARED lacks it).
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("TENDERLINT_SHARED", os.path.join(ROOT, "..", "shared"))
PANDOC_BIG = os.path.join(SHARED, "corpora", "docx-generated", "pandoc_big.docx")
SMALL_TENDER = os.path.join(ROOT, "fixtures", "tenders", "nb-legevakt")


def commands(binary):
    """(name, argv) of every command timed; a check exits 1 when rules fail, which is fine."""
    out = [
        ("--version", [binary, "--version"]),
        ("rules list", [binary, "rules", "list"]),
        ("check small tender (fixtures/tenders/nb-legevakt)",
         [binary, "check", SMALL_TENDER, "--format", "json"]),
    ]
    if os.path.isfile(PANDOC_BIG):
        out.append(("check pandoc_big.docx", [binary, "check", PANDOC_BIG, "--format", "json"]))
        out.append(("extract pandoc_big.docx", [binary, "extract", PANDOC_BIG]))
    return out


def run_once(argv):
    """(wall ms, CPU ms) of one run. CPU time (user + system) varies less than wall
    time when other work shares the cores."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {code}")
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                             os.path.join(ROOT, "target", "release", "tenderlint"))
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    cmds = commands(binary)
    for _, argv in cmds:  # warm the page cache
        run_once(argv)
    wall = {name: [] for name, _ in cmds}
    cpu = {name: [] for name, _ in cmds}
    for _ in range(rounds):
        for name, argv in cmds:
            w, c = run_once(argv)
            wall[name].append(w)
            cpu[name].append(c)
    med = {name: statistics.median(t) for name, t in wall.items()}
    print(f"| command ({rounds} rounds, paired) | median wall ms | min wall ms | median CPU ms |")
    print("|---|---:|---:|---:|")
    for name, t in wall.items():
        print(f"| `{name}` | {med[name]:.1f} | {min(t):.1f} | {statistics.median(cpu[name]):.1f} |")
    if "check pandoc_big.docx" in med:
        ratio = med["check pandoc_big.docx"] / med["extract pandoc_big.docx"]
        print(f"\ncheck / extract on pandoc_big.docx (median wall): **{ratio:.2f}**")


if __name__ == "__main__":
    main()
