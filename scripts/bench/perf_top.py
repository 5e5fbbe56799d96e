#!/usr/bin/env python3
"""Top functions of a `perf script -F comm,tid,ip,sym` dump, by self and by inclusive share of samples.

Usage: perf_top.py DUMP [--include TEXT] [--exclude TEXT] [--top N]

Only stacks with a frame containing --include (and none containing --exclude) count. Swift symbols are
demangled with `swift demangle`.
"""
import argparse
import collections
import subprocess
import sys


def stacks(path):
    stack = []
    with open(path, errors="replace") as dump:
        for line in dump:
            if not line.strip():
                if stack:
                    yield stack
                stack = []
            elif line[0] in " \t":
                parts = line.strip().split(" ", 1)
                stack.append(parts[1] if len(parts) > 1 else "?")
    if stack:
        yield stack


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump")
    parser.add_argument("--include", default="")
    parser.add_argument("--exclude", default=None)
    parser.add_argument("--top", type=int, default=30)
    arguments = parser.parse_args()

    every = list(stacks(arguments.dump))
    chosen = [s for s in every if any(arguments.include in f for f in s)
              and not (arguments.exclude and any(arguments.exclude in f for f in s))]
    if not chosen:
        print("perf_top: no sample matches", file=sys.stderr)
        return 1
    names = sorted({frame for stack in chosen for frame in stack})
    demangled = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                               capture_output=True, text=True).stdout.split("\n")
    readable = {name: text[:140] for name, text in zip(names, demangled)}

    own = collections.Counter(readable[stack[0]] for stack in chosen)
    inclusive = collections.Counter()
    for stack in chosen:
        inclusive.update({readable[frame] for frame in stack})
    print(f"{len(chosen)} of {len(every)} samples")
    for title, counter in (("self", own), ("inclusive", inclusive)):
        print(f"== {title}")
        for name, count in counter.most_common(arguments.top):
            print(f"{100 * count / len(chosen):5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
