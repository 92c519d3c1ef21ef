"""Run every benchmark in turn and print their figures (``make bench`` / ``make bench-full``).

    .venv/bin/python benchmarks/run_all.py            # quick sizes: a few minutes
    .venv/bin/python benchmarks/run_all.py --full     # the issues' sizes (1M customers, ...): long
    .venv/bin/python benchmarks/run_all.py routing    # only the named ones

Each benchmark is a standalone script under ``benchmarks/`` that generates its own data and
prints its own table; this runner only chooses the sizes and runs them one after another (never
in parallel: the figures are meant for a quiet 2-core machine).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

QUICK: dict[str, list[str]] = {
    "routing": ["routing_bench.py", "--decisions", "5000"],
    "bus": ["bus_bench.py", "--latency-seconds", "5", "--calls", "4000", "--subscribers", "200"],
    "store": ["store_bench.py", "--scale", "0.02", "--lookups", "5000"],
    "desktop": ["desktop_bench.py", "--customers", "20000", "--calls", "200", "--startups", "3"],
    "desktop-cpu": ["desktop_pop_cpu.py", "--pops", "150", "--rounds", "1", "--cold"],
    "supervisor": ["supervisor_bench.py", "--events", "200000", "--seconds", "10"],
}
FULL: dict[str, list[str]] = {
    "routing": ["routing_bench.py"],
    "bus": ["bus_bench.py"],
    "store": ["store_bench.py"],
    "desktop": ["desktop_bench.py"],
    "desktop-cpu": ["desktop_pop_cpu.py", "--cold"],
    "supervisor": ["supervisor_bench.py"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--full", action="store_true", help="the issues' full sizes (long)")
    ap.add_argument("names", nargs="*", choices=[[], *QUICK], help="benchmarks to run (all)")
    args = ap.parse_args()
    table = FULL if args.full else QUICK
    failed = []
    for name in args.names or list(table):
        script, *opts = table[name]
        print(f"\n===== {name}: {script} {' '.join(opts)}", flush=True)
        start = time.monotonic()
        rc = subprocess.call([sys.executable, str(HERE / script), *opts])
        print(f"===== {name}: exit {rc} after {time.monotonic() - start:.0f} s", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
