"""Benchmark: validation throughput on synthetic corpora. Prints figures; asserts nothing.

Usage: python tests/bench/bench.py [--sizes 1000,10000] [--languages 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.corpus import generate  # noqa: E402


def _time_command(args: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="numbers of cases, comma-separated")
    parser.add_argument("--languages", type=int, default=3, help="languages per case (1-5)")
    parser.add_argument("--work", help="folder for the corpora (default: a temporary folder)")
    args = parser.parse_args()
    advocacy = str(Path(sys.executable).with_name("advocacy"))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="advocacy-bench-"))
    print(f"machine: {os.cpu_count()} cores; corpora in {work}")
    print(
        f"{'cases':>7} {'langs':>5} {'files':>7} {'generate s':>10} {'validate s':>10} {'files/s':>8}  exit"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        target = work / f"corpus-{size}x{args.languages}"
        start = time.perf_counter()
        files = generate(ROOT, target, size, args.languages)
        generated = time.perf_counter() - start
        seconds, code = _time_command([advocacy, "validate", "--root", str(target)], target)
        print(
            f"{size:>7} {args.languages:>5} {files:>7} {generated:>10.1f} {seconds:>10.2f} {files / seconds:>8.0f}  {code}"
        )


if __name__ == "__main__":
    main()
