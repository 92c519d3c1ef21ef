"""Figures of the frozen build: size, build durations, and how fast the frozen app starts.

    .venv/bin/python benchmarks/dist_figures.py            # measure dist/ as built by make dist
    .venv/bin/python benchmarks/dist_figures.py --build    # build it first (about 2-3 minutes)

Prints the build's size (whole, per largest part, tarball, .deb), the freeze and packaging
durations recorded in dist/build-info.json, and the median wall time of frozen commands
(`--version`, `store init`, `store seed`, `lookup`) over a few runs. Generates its own store in
a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def timed(cmd: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=300)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="run installer/build.py first")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.build:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "installer" / "build.py")], check=True)
        print(f"build (freeze + package): {time.perf_counter() - t0:.0f} s")
    info_path = DIST / "build-info.json"
    if not info_path.is_file():
        print("no dist/build-info.json: run `make dist` (or this script with --build)")
        return 1
    info = json.loads(info_path.read_text("utf-8"))
    print(f"version {info['version']}")
    print(f"frozen folder: {info['frozen_dir_bytes'] / 1e6:.0f} MB")
    for part, size in info.get("largest_parts_bytes", {}).items():
        print(f"  {part:<22} {size / 1e6:6.1f} MB")
    for key in ("tarball", "deb"):
        if key in info:
            print(f"{info[key]}: {info[key + '_bytes'] / 1e6:.0f} MB")
    for key in ("freeze_seconds", "package_seconds"):
        if key in info:
            print(f"{key.replace('_', ' ')}: {info[key]}")
    exe = str(DIST / "agentdesk" / "agentdesk")
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": tmp,
            "QT_QPA_PLATFORM": "offscreen",
            "AGENTDESK_CONFIG": os.devnull,
        }
        url = f"sqlite:///{tmp}/bench.db"
        print(f"frozen start-up, median of {args.runs} runs:")
        print(f"  --version          {timed([exe, '--version'], env, args.runs):.2f} s")
        print(f"  store init         {timed([exe, 'store', 'init', '--url', url], env, 1):.2f} s")
        seed = [exe, "store", "seed", "--url", url, "--customers", "1000"]
        print(f"  store seed (1000)  {timed(seed, env, 1):.2f} s")
        lookup = [exe, "lookup", "--url", url, "--customer", "C0000001"]
        print(f"  lookup             {timed(lookup, env, args.runs):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
