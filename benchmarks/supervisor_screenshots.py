"""Screenshots of the supervisor console for docs/ (run under Xvfb or offscreen).

Simulates a plausible morning (08:00 to 14:20, five queues, 36 agents, lunch breaks, callers
who give up) into a real SQLite event log, opens the console on it with a driven clock and grabs
the window with each tab shown:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python benchmarks/supervisor_screenshots.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AGENTDESK_CONFIG", os.devnull)
os.environ.setdefault("AGENTDESK_SYSTEM_CONFIG", os.devnull)

from store.db import Base, make_engine
from store.eventlog import LoggedEvent, append_events

QUEUES = {"vip": 6.0, "billing": 34.0, "tech": 26.0, "sales": 14.0, "general": 18.0}  # calls/h
NAMES = [
    "Li Wei",
    "Wang Fang",
    "Zhang Min",
    "Liu Yang",
    "Chen Jing",
    "Yang Lei",
    "Zhao Li",
    "Huang Tao",
    "Zhou Na",
    "Wu Qiang",
    "Xu Hui",
    "Sun Yan",
    "Ma Jun",
    "Zhu Lin",
    "Hu Bo",
    "Guo Xin",
    "He Ping",
    "Lin Hong",
    "Gao Feng",
    "Luo Mei",
    "Anna Berg",
    "Tom Price",
    "Maria Lopez",
    "Omar Haddad",
    "Ken Sato",
    "Eva Novak",
    "Raj Patel",
    "Lucy Chen",
    "Paul Meyer",
    "Sara Kim",
    "Ivan Petrov",
    "Nina Roth",
    "Leo Costa",
    "Mia Wong",
    "Ben Okafor",
    "Zoe Martin",
]


def simulate(day0: float, now: float, seed: int = 3) -> list[tuple[float, str, dict[str, Any]]]:
    rng = random.Random(seed)
    qnames = list(QUEUES)
    agents: dict[str, dict[str, Any]] = {}
    for i, name in enumerate(NAMES[:22]):
        qs = [qnames[i % 5], qnames[(i + 2) % 5]]
        if i < 4:
            qs = ["vip", *qs]
        agents[f"A{i + 1:02d}"] = {
            "agent_id": f"A{i + 1:02d}",
            "name": name,
            "state": "logged_out",
            "reason": None,
            "since": day0,
            "queues": list(dict.fromkeys(qs)),
            "skills": {},
            "call_id": None,
            "handled": 0,
            "version": 0,
        }
    out: list[tuple[float, str, dict[str, Any]]] = []

    def agent(ts: float, aid: str, state: str, call: str | None = None, reason: str | None = None):
        a = agents[aid]
        a.update(state=state, since=ts, call_id=call, reason=reason)
        a["version"] += 1
        if state == "on_call":
            a["handled"] += 1
        out.append((ts, "agent.state", dict(a)))

    busy: dict[str, float] = {}
    breaks: dict[str, tuple[float, float]] = {}
    for i, aid in enumerate(agents):
        login = day0 + 8 * 3600 + rng.uniform(0, 900)
        agent(login, aid, "not_ready", reason="login")
        agent(login + rng.uniform(20, 120), aid, "ready")
        busy[aid] = login + 120
        b0 = day0 + 11.5 * 3600 + (i % 4) * 900
        breaks[aid] = (b0, b0 + 45 * 60)
    arrivals = []
    for q, per_hour in QUEUES.items():
        t = day0 + 8 * 3600 + 300
        while t < now:
            hour = (t - day0) / 3600
            boost = 1.6 if 10 <= hour < 11.5 or hour >= 13.8 else 1.0
            if q == "billing" and hour >= 14:
                boost = 4.0  # a billing run this afternoon: the queue is under water
            t += rng.expovariate(per_hour * boost / 3600)
            arrivals.append((t, q))
    arrivals.sort()
    n = 0
    for t, q in arrivals:
        n += 1
        cid = f"c{n:05d}"
        tier = rng.choices(["platinum", "gold", "silver", "standard", None], [1, 3, 5, 8, 6])[0]
        c = {
            "call_id": cid,
            "ani": f"+86 138 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            "dnis": "10086",
            "customer_id": None,
            "tier": tier,
            "language": "zh",
            "queue": q,
            "priority": 10 if tier in ("platinum", "gold") else 0,
            "state": "queued",
            "agent_id": None,
            "arrived_at": t,
            "queued_at": t,
            "offered_at": None,
            "answered_at": None,
            "ended_at": None,
            "ivr": {},
            "route": {},
            "version": 0,
        }

        def ev(ts: float, type_: str, c: dict[str, Any] = c, **ch: Any) -> None:
            c.update(ch)
            c["version"] += 1
            out.append((ts, type_, dict(c)))

        ev(t, "call.queued")
        talk = rng.lognormvariate(5.2, 0.5)
        wrap = rng.uniform(8, 45)
        best = None
        for aid, a in agents.items():
            if q not in a["queues"]:
                continue
            start = max(t, busy[aid])
            b0, b1 = breaks[aid]
            if start < b1 and start + talk + wrap + 10 > b0:
                start = max(start, b1)
            if best is None or start < best[0]:
                best = (start, aid)
        patience = rng.uniform(15, 150)
        if best is None or best[0] - t > patience:
            ev(t + patience, "call.abandoned", state="abandoned", ended_at=t + patience)
            continue
        start, aid = best
        b0, b1 = breaks[aid]
        if start >= b1 > busy[aid]:
            agent(max(b0, busy[aid]), aid, "not_ready", reason="lunch")
            agent(b1, aid, "ready")
        ring = rng.uniform(2, 6)
        ev(start, "call.offered", state="offered", agent_id=aid, offered_at=start)
        agent(start, aid, "reserved", cid)
        ev(start + ring, "call.connected", state="connected", answered_at=start + ring)
        agent(start + ring, aid, "on_call", cid)
        end = start + ring + talk
        ev(end, "call.ended", state="ended", ended_at=end)
        agent(end, aid, "wrap_up", cid)
        agent(end + wrap, aid, "ready")
        busy[aid] = end + wrap
    out.sort(key=lambda e: e[0])
    live = [e for e in out if e[0] <= now]
    # the billing run: callers waiting now, one of them ringing at an agent for too long
    # (an offer that never got an answer nor a revoke: drift)
    waiting = []
    for k, (ago, tier) in enumerate(((95, "standard"), (71, "gold"), (48, None), (12, "silver"))):
        c = {
            "call_id": f"w{k}",
            "ani": f"+86 139 0000 {1000 + k}",
            "dnis": "10086",
            "customer_id": None,
            "tier": tier,
            "language": "zh",
            "queue": "billing",
            "priority": 0,
            "state": "queued",
            "agent_id": None,
            "arrived_at": now - ago,
            "queued_at": now - ago,
            "offered_at": None,
            "answered_at": None,
            "ended_at": None,
            "ivr": {},
            "route": {},
            "version": 1,
        }
        live.append((now - ago, "call.queued", dict(c)))
        waiting.append(c)
    last_ready = [
        a for a, rec in _last_states(live).items() if rec["state"] == "ready" and a != "A01"
    ]
    if last_ready:
        aid = last_ready[0]
        a = agents[aid]
        a.update(_last_states(live)[aid])
        c = waiting[2]
        c.update(state="offered", agent_id=aid, offered_at=now - 47, version=2)
        live.append((now - 47, "call.offered", dict(c)))
        agent(now - 47, aid, "reserved", c["call_id"])
        live.append(out[-1])
    for aid, reason in (("A12", "meeting"), ("A20", "training")):
        a = agents[aid]
        a.update(_last_states(live)[aid])
        if a["state"] == "ready":
            agent(now - 300, aid, "not_ready", reason=reason)
            live.append(out[-1])
    live.sort(key=lambda e: e[0])
    return live


def _last_states(events: list[tuple[float, str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    st: dict[str, dict[str, Any]] = {}
    for _ts, t, d in events:
        if t == "agent.state":
            st[d["agent_id"]] = d
    return st


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from agentdesk.config import load_settings
    from desktop.supervisor.console import open_console
    from desktop.supervisor.worker import day_start

    docs = Path(__file__).resolve().parent.parent / "docs"
    day0 = day_start(time.time())
    now = day0 + 14 * 3600 + 20 * 60
    events = simulate(day0, now)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as d:
        url = f"sqlite:///{d}/shots.db"
        engine = make_engine(url)
        Base.metadata.create_all(engine, tables=[Base.metadata.tables["event_log"]])
        append_events(
            engine,
            [
                LoggedEvent(
                    "shots",
                    i,
                    ts,
                    t,
                    data.get("agent_id"),
                    data.get("call_id"),
                    data.get("queue"),
                    data,
                )
                for i, (ts, t, data) in enumerate(events, 1)
            ],
        )
        engine.dispose()
        win = open_console(
            load_settings(),
            store_url=url,
            connect_bus=False,
            clock=lambda: now,
            interval_minutes=30,
        )
        win.resize(1600, 980)
        win.show()
        done: list[int] = []
        win.figuresApplied.connect(lambda _v: done.append(1))
        deadline = time.monotonic() + 30
        while len(done) < 2 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        win.connection.setText(win.tr("● Live"))
        win.connection.setStyleSheet("color: #2e7d32;")
        win.agent_board.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        for tab, name in (
            (0, "supervisor.png"),
            (1, "supervisor_staffing.png"),
            (2, "supervisor_tiers.png"),
        ):
            win.tabs.setCurrentIndex(tab)
            t_end = time.monotonic() + 1.5
            while time.monotonic() < t_end:
                app.processEvents()
                time.sleep(0.02)
            win.grab().save(str(docs / name))
            print("wrote", docs / name)
        win.shutdown()
        win.close()


if __name__ == "__main__":
    main()
