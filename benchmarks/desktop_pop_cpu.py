"""The GUI thread's CPU per pop, in process: the pop path driven directly (issue 4).

No switchboard and no bus thread: the desk's controller is handed each ``call.offered`` with
its card already read, as the bus bridge hands them over, and the posted events are sent at
once (layout, paint), as in ``desktop_bench.py``. What is left is the GUI thread's own work,
measured with ``time.thread_time()``, per kind of pop (known number, known right after a
chooser or form, ambiguous, unknown). Much less noisy than the full benchmark, for comparing
changes to the desk's GUI code.

``--cold`` touches 64 MB between pops, as a real desk's caches are cold when a call comes
(calls seconds or minutes apart, other programs running): the pop's GUI CPU is about half as
much again as with warm caches, most of it in Python. ``--off PARTS`` (comma-separated:
banner, card, lists, labels, controls, status) alternates pops with those widgets' painting
disabled (``setUpdatesEnabled(False)``) with normal pops, to see what each part costs.

    .venv/bin/python benchmarks/desktop_pop_cpu.py [--customers 20000] [--pops 400] [--cold]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop_bench import RULES, build_replica, callers


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--customers", type=int, default=20_000)
    p.add_argument("--pops", type=int, default=400)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--cold", action="store_true", help="touch 64 MB between pops")
    p.add_argument("--off", default="", help="parts painted off in alternate pops")
    p.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "agentdesk-bench"))
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from agentdesk.config import load_settings
    from desktop.app import DesktopApp, dispose_qapp, make_qapp

    folder = Path(args.data_dir)
    url = build_replica(folder, args.customers)
    rules = folder / "bench_rules.yaml"
    rules.write_text(RULES)
    rng = random.Random(7)
    known, shared, _cid, _prefix = callers(url, args.pops, rng)
    settings = load_settings(
        {
            "commands_endpoint": "tcp://127.0.0.1:9",  # no switchboard: nothing connects
            "events_endpoint": "tcp://127.0.0.1:9",
            "rules": str(rules),
        },
        environ={},
    )
    app = make_qapp(settings, native_dialogs=False)  # as `agentdesk desktop` runs
    desk = DesktopApp(
        settings,
        agent_id="A001",
        store_url=url,
        data_dir=Path(tempfile.mkdtemp(prefix="agentdesk-bench-")),
    )
    w, c = desk.window, desk.controller
    w.resize(1366, 740)
    w.show()
    app.processEvents()
    c.bus.prefetch = None
    c.on_connection(True, "")
    c.agent = {"agent_id": "A001", "state": "ready"}
    pops: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for i in range(args.pops):
        r = rng.random()
        if r < 0.05 and shared:
            ani = rng.choice(shared)
        elif r < 0.15:
            ani = f"+86139{rng.randint(0, 99_999_999):08d}"
        else:
            ani = known[i % len(known)]
        call = {
            "call_id": f"K{i}",
            "ani": ani,
            "queue": "general",
            "state": "offered",
            "agent_id": "A001",
            "ivr": {"menu": "1", "intent": "billing", "verified": True},
            "route": {"reason": "skill", "step": 1},
            "version": 1,
        }
        pops.append((call, c.fetch_card(call)))
    card_w = w.card
    parts = {
        "banner": [w.banner],
        "card": [card_w],
        "lists": [card_w.purchases, card_w.issues, card_w.interactions],
        "labels": [
            card_w.name,
            card_w.customer_id,
            card_w.lifecycle,
            card_w.value,
            card_w.language,
            card_w.phones,
            card_w.freshness,
            card_w.ivr,
            card_w.route,
            card_w.points,
        ],
        "controls": [w.controls],
        "status": [w.status],
    }
    off = [x for x in args.off.split(",") if x]
    for name in off:
        if name not in parts:
            p.error(f"--off: unknown part {name!r} (one of {', '.join(parts)})")
    modes = ["", *off]
    thrash = bytearray(64 << 20) if args.cold else None
    times: dict[str, list[float]] = {}
    prev = "found"
    for rnd in range(args.rounds):
        for i, (call, card) in enumerate(pops):
            mode = modes[(i + rnd) % len(modes)]
            for name, widgets in parts.items():
                for widget in widgets:
                    widget.setUpdatesEnabled(name != mode)
            app.sendPostedEvents()
            app.processEvents()
            if thrash is not None:
                thrash[:] = bytes(len(thrash))
            call = dict(call, call_id=f"{call['call_id']}-{rnd}", offered_at=time.time())
            t0 = time.thread_time()
            c._early_card = (call["call_id"], card)
            c.on_event("call.offered", call, {}, time.time())
            app.sendPostedEvents()
            spent = time.thread_time() - t0
            status = str(card.get("status"))
            kind = status if status != "found" or prev == "found" else "found after a switch"
            prev = status
            if i >= 10 or rnd:
                times.setdefault(f"{kind}{' (' + mode + ' off)' if mode else ''}", []).append(
                    spent * 1000
                )
            c.on_event("call.ended", dict(call, state="ended"), {}, time.time())
            app.sendPostedEvents()
            app.processEvents()
    print(
        f"GUI-thread CPU per pop, {args.customers:,} customers, "
        f"{'cold' if args.cold else 'warm'} caches, load {os.getloadavg()[0]:.2f}:"
    )
    for kind, values in sorted(times.items()):
        v = sorted(values)
        n = len(v)
        print(
            f"  {kind:36s} n={n:4d} p50 {v[n // 2]:.2f} p90 {v[int(n * 0.9)]:.2f} "
            f"p99 {v[min(n - 1, int(n * 0.99))]:.2f} mean {statistics.mean(v):.2f} ms"
        )
    desk.shutdown()
    dispose_qapp(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
