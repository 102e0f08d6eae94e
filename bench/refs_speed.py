#!/usr/bin/env python3
"""How fast ``bantin.refs`` finds citations at archive scale.

    refs_speed.py [--n N] [--repeat R]

Generates the benchmark archive of N directives (bench/generate.py, same
seed, same bytes), and times ``refs.find_mentions`` over every directive body
(CPU time, the least of R runs: a shared machine only ever adds time).
Prints one Markdown table row: size, mentions, mentions per MB, MB/s.
"""

from __future__ import annotations

import argparse
import sys
import time

import generate

from bantin import refs
from bantin.corpus import split_front_matter


def bodies(n: int) -> list[str]:
    archive = generate.generate(n)
    return [split_front_matter(text)[1] for path, text in sorted(archive.files.items())
            if path.startswith("content/directives/")]


def measure(texts: list[str], repeat: int) -> tuple[int, float]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        found = sum(len(refs.find_mentions(t)) for t in texts)
        best = min(best, time.process_time() - start)
    return found, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = bodies(args.n)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    found, seconds = measure(texts, args.repeat)
    print("| directives | text (MB) | mentions | mentions per MB | CPU s | MB/s |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.n:,} | {megabytes:.1f} | {found:,} | {found / megabytes:,.0f} | {seconds:.2f} | {megabytes / seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
