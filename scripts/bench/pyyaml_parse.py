#!/usr/bin/env python3
"""Times PyYAML's C-accelerated safe loader over the YAML files under a folder (the parser reference).

Usage: pyyaml_parse.py FOLDER [--runs N]

Files are read once, before timing, as text; each run parses every file with
`yaml.load_all(text, Loader=yaml.CSafeLoader)` on one thread. Prints one JSON object.
"""
import argparse
import json
import os
import platform
import sys
import time

import yaml


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    if not 1 <= arguments.runs <= 1000:
        parser.error("--runs must be between 1 and 1000")
    if not getattr(yaml, "__with_libyaml__", False):
        print("pyyaml_parse: PyYAML was built without libyaml; CSafeLoader is missing", file=sys.stderr)
        return 1

    texts = []
    for directory, _, names in sorted(os.walk(arguments.folder)):
        for name in sorted(names):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(directory, name), encoding="utf-8") as file:
                    texts.append(file.read())

    seconds = []
    documents = 0
    for _ in range(arguments.runs):
        start = time.perf_counter()
        documents = sum(1 for text in texts for _ in yaml.load_all(text, Loader=yaml.CSafeLoader))
        seconds.append(time.perf_counter() - start)

    print(json.dumps({
        "files": len(texts), "documents": documents, "bytes": sum(len(text.encode()) for text in texts),
        "seconds": seconds, "python": platform.python_version(), "pyyaml": yaml.__version__,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
