"""Store benchmark: the speed targets of the store issue, measured through our own code.

    .venv/bin/python benchmarks/store_bench.py              # full size (1M customers; long)
    .venv/bin/python benchmarks/store_bench.py --scale 0.05 # a quick run

At scale 1: 1M customers, ~5M purchases, ~1M issues, ~3M interactions seeded into a real
PostgreSQL (the ``pgserver`` wheel in a temporary directory, or ``--central URL``). Measured:

* first full sync from PostgreSQL into an empty SQLite replica (``agentdesk store sync`` in a
  child process: wall time and the child's peak RSS); target <= 120 s, <= 500 MB;
* incremental sync of 1,000 changed rows (updates, inserts, deletes); target <= 1 s;
* card lookup by phone (``store.card.lookup_card``) on the replica: p50/p99; target p99 <= 1 ms;
  the same lookups against central PostgreSQL, and the ratio;
* CSV import of 1M customers (``agentdesk store import``, SQLite store); target <= 60 s.

It generates its own data in a temporary directory and removes it afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from store.card import lookup_card  # noqa: E402
from store.db import make_engine  # noqa: E402
from store.schema import migrate  # noqa: E402
from store.seed import seed  # noqa: E402
from store.sync import sync_once  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = psutil.virtual_memory().total / 2**30
    return (
        f"{cpu}; {os.cpu_count()} logical cores; {ram:.1f} GiB RAM; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}"
    )


def start_pg(root: Path) -> tuple[Any, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

        server = pgserver.get_server(root / "pgdata", cleanup_mode="delete")
    uri = server.get_uri()
    host = uri.split("host=", 1)[1]
    server.psql("CREATE DATABASE bench;")
    return server, f"postgresql+psycopg://postgres@/bench?host={host}"


def load() -> str:
    """The 1-minute load average, to read a wall-clock figure with (the machine is shared)."""
    return f"load {os.getloadavg()[0]:.1f}"


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return s[k]


def lookup_times(
    engine: Engine, phones: list[str]
) -> tuple[list[float], list[float], dict[str, int]]:
    """Wall-clock and CPU (this thread) seconds per lookup, and the statuses seen."""
    times: list[float] = []
    cpu: list[float] = []
    statuses: dict[str, int] = {}
    with Session(engine) as session:
        for p in phones[:200]:  # warm up caches and compiled statements
            lookup_card(session, phone=p)
        for p in phones:
            c0 = time.thread_time()
            t0 = time.perf_counter()
            card = lookup_card(session, phone=p)
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
            statuses[card["status"]] = statuses.get(card["status"], 0) + 1
    return times, cpu, statuses


def child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def change_rows(central: Engine, n: int, rng: random.Random, customers: int) -> None:
    """``n`` changed rows on central: customer updates, new purchases, issue updates, deletes."""
    k = n // 4
    ids = [f"C{rng.randrange(1, customers + 1):07d}" for _ in range(k)]
    with central.begin() as conn:
        conn.execute(
            text("UPDATE customers SET tier = 'gold' WHERE customer_id = :c"),
            [{"c": c} for c in dict.fromkeys(ids)],
        )
        conn.execute(
            text(
                "INSERT INTO purchases (purchase_id, customer_id, product, amount, currency, "
                "purchased_at) VALUES (:p, :c, 'Bench item', 9.5, 'CNY', '2026-11-21 10:00:00')"
            ),
            [{"p": f"B{time.time_ns()}{i}", "c": c} for i, c in enumerate(ids)],
        )
        conn.execute(
            text(
                "UPDATE issues SET status = 'closed' WHERE issue_id IN "
                "(SELECT issue_id FROM issues WHERE status = 'open' ORDER BY issue_id LIMIT :k)"
            ),
            {"k": k},
        )
        conn.execute(
            text(
                "DELETE FROM interactions WHERE interaction_id IN "
                "(SELECT interaction_id FROM interactions ORDER BY interaction_id LIMIT :k)"
            ),
            {"k": n - 3 * k},
        )


def write_customers_csv(path: Path, n: int) -> None:
    """``n`` customers in the CSV of CONTRACT 6, numbers in mixed formats."""
    rng = random.Random(7)
    tiers = ["platinum", "gold", "silver", "standard"]
    lives = ["prospect", "new", "established", "expanding"]
    with path.open("w", encoding="utf-8") as fh:
        fh.write("customer_id,name,tier,lifecycle,language,phones,email,lifetime_value\n")
        for i in range(n):
            body = (i * 48271 + 12345) % 100_000_000
            fmt = i % 3
            if fmt == 0:
                phone = f"+86 138 {body // 10000:04d} {body % 10000:04d}"
            elif fmt == 1:
                phone = f"138{body:08d}"
            else:
                phone = f"0086138{body:08d}"
            if i % 10 == 0:
                phone += f";+1 415 {200 + i % 700:03d} {i % 10000:04d}"
            fh.write(
                f"K{i:07d},Customer {i},{tiers[rng.randrange(4)]},{lives[rng.randrange(4)]},"
                f"zh,{phone},k{i}@example.cn,{rng.random() * 10000:.2f}\n"
            )


def child_rusage_max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 1M customers (default)")
    ap.add_argument("--central", metavar="URL", help="use this PostgreSQL instead of pgserver")
    ap.add_argument("--lookups", type=int, default=20_000, help="card lookups to time")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()

    customers = max(1000, int(1_000_000 * args.scale))
    work = Path(tempfile.mkdtemp(prefix="agentdesk-bench-"))
    rows: list[tuple[str, str, str]] = []
    server = None
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"scale {args.scale}: {customers} customers; work dir {work}", flush=True)
    try:
        if args.central:
            central_url = args.central
        else:
            server, central_url = start_pg(work)
        central = make_engine(central_url)
        migrate(central)

        t0 = time.perf_counter()
        summary = seed(
            central,
            customers,
            seed=42,
            progress=lambda k: print(f"  seeded {k}/{customers}", end="\r", flush=True),
        )
        print()
        rows.append(
            ("seed central PostgreSQL", f"{time.perf_counter() - t0:.1f} s", summary.line())
        )
        print(summary.line(), flush=True)
        with central.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()

        # 1. first full sync, in a child process (its own peak RSS)
        replica = work / "replica.db"
        cpu0 = child_cpu()
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "agentdesk.cli", "store", "sync", "--central", central_url,
             "--local", str(replica)],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        full_s = time.perf_counter() - t0
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        rss = child_rusage_max_rss_mb()
        rows.append(
            (
                "first full sync (PG -> empty SQLite)",
                f"{full_s:.1f} s",
                f"target <= 120 s; sync process CPU {child_cpu() - cpu0:.1f} s; {load()}",
            )
        )
        rows.append(("  peak RSS of the sync process", f"{rss:.0f} MB", "target <= 500 MB"))
        rows.append(("  sync output", "", proc.stdout.strip()))
        print(proc.stdout.strip(), flush=True)

        local = make_engine(f"sqlite:///{replica}")
        # 2. incremental sync of 1,000 changed rows
        sync_once(central, local)  # settle
        change_rows(central, 1000, random.Random(1), customers)
        t0 = time.perf_counter()
        inc = sync_once(central, local)
        inc_s = time.perf_counter() - t0
        rows.append(
            (
                "incremental sync, 1,000 changed rows",
                f"{inc_s * 1000:.0f} ms",
                f"target <= 1 s; pulled {inc.rows}, deleted {inc.deleted}; {load()}",
            )
        )

        # 3. card lookup by phone: local replica vs central
        with local.connect() as conn:
            top = conn.execute(text("SELECT max(rowid) FROM customer_phones")).scalar_one()
            rng = random.Random(3)
            ids = sorted({rng.randrange(1, top + 1) for _ in range(min(args.lookups, top))})
            phones = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                phones += (
                    conn.execute(
                        text(
                            "SELECT phone FROM customer_phones "
                            f"WHERE rowid IN ({','.join(map(str, chunk))})"
                        )
                    )
                    .scalars()
                    .all()
                )
        phones = [phones[i % len(phones)] for i in range(args.lookups)]
        rng.shuffle(phones)
        for i in range(0, len(phones), 50):
            phones[i] = f"+86199{rng.randrange(10**8):08d}"  # some unknown callers
        lt, lcpu, st = lookup_times(local, phones)
        ct, _, _ = lookup_times(central, phones[: max(2000, len(phones) // 4)])
        p50l, p99l = percentile(lt, 50) * 1000, percentile(lt, 99) * 1000
        p50c, p99c = percentile(ct, 50) * 1000, percentile(ct, 99) * 1000
        rows.append(
            (
                "card lookup by phone, local replica",
                f"p50 {p50l:.3f} ms, p99 {p99l:.3f} ms",
                f"target p99 <= 1 ms; {len(lt)} lookups {st}; {load()}",
            )
        )
        rows.append(
            (
                "  CPU time per lookup (excl. waiting for a core)",
                f"p50 {percentile(lcpu, 50) * 1000:.3f} ms, "
                f"p99 {percentile(lcpu, 99) * 1000:.3f} ms",
                "thread CPU clock, same lookups",
            )
        )
        rows.append(
            (
                "card lookup by phone, central PostgreSQL",
                f"p50 {p50c:.3f} ms, p99 {p99c:.3f} ms",
                f"mean {statistics.mean(ct) * 1000:.3f} ms over {len(ct)} lookups",
            )
        )
        rows.append(
            (
                "  central / local ratio",
                f"p50 x{p50c / p50l:.1f}, p99 x{p99c / p99l:.1f}",
                "same process, same cards",
            )
        )
        local.dispose()
        central.dispose()

        # 4. CSV import of 1M customers into a fresh SQLite store
        csv_dir = work / "csv"
        csv_dir.mkdir()
        write_customers_csv(csv_dir / "customers.csv", customers)
        cpu0 = child_cpu()
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "agentdesk.cli", "store", "import", "--url",
             f"sqlite:///{work / 'imported.db'}", str(csv_dir)],
            cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        imp_s = time.perf_counter() - t0
        rows.append(
            (
                f"CSV import of {customers} customers (SQLite)",
                f"{imp_s:.1f} s",
                f"target <= 60 s at 1M; CPU {child_cpu() - cpu0:.1f} s; {load()}; "
                f"{proc.stdout.strip() or proc.stderr.strip()[:200]}",
            )
        )
    finally:
        if server is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server.cleanup()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print()
    print(f"Store benchmark, scale {args.scale} ({customers} customers)")
    print(f"Machine: {machine()}; load average now {os.getloadavg()[0]:.1f} (1 min)")
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:>{vwidth}}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
