"""Supervisor console benchmark (issue 5 targets). Generates its own data; prints figures.

1. Load a day of N events (default 1,000,000) from a real SQLite event log into the metrics
   fold, then compute every figure once.                     target: load <= 10 s
   Then the load alone in a fresh process, for its peak resident memory (ru_maxrss).
2. The live console (real Qt widgets, offscreen or Xvfb) over that day, with 2,000 agents and
   200 queues, fed 50 events/s for S seconds (the events enter the metrics thread exactly as the
   bus thread hands them over); refresh at 1 Hz.  targets: figures recomputed <= 50 ms,
   no GUI event over 16 ms (measured by a QApplication.notify override).
3. Then, the feed still running: a click on each header of the 2,000-row agent board (a real
   mouse click on the header, so Qt's sort goes through the model as a user's would), 0.4 s
   apart, and the board sorted by state for T seconds, where refreshes move rows.
   Printed per click and for the sorted refreshes: the slowest GUI event, wall and GUI-thread
   CPU (the click itself, and any event up to the next click, i.e. the repaint).
                                                                 target: no GUI event over 16 ms

    .venv/bin/python benchmarks/supervisor_bench.py [--events 1000000] [--seconds 20]
        [--sort-seconds 10]   (the sort phase needs no big day: --events 20000 will do)
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AGENTDESK_CONFIG", os.devnull)
os.environ.setdefault("AGENTDESK_SYSTEM_CONFIG", os.devnull)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import msgspec
from sqlalchemy import insert

from store.db import Base, make_engine
from store.eventlog import EventLogRow
from telephony.metrics import MetricSettings, load_fold, record_from_dict

N_AGENTS = 2000
N_QUEUES = 200
EPOCH = "bench-epoch"


class Day:
    """A synthetic contact-center day: agents cycle ready -> reserved -> on_call -> wrap_up."""

    def __init__(self, start: float, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.start = start
        self.queues = [f"q{i:03d}" for i in range(N_QUEUES)]
        self.agents = {
            f"a{i:04d}": {
                "agent_id": f"a{i:04d}",
                "name": f"Agent {i}",
                "state": "logged_out",
                "reason": None,
                "since": start,
                "queues": [self.queues[i % N_QUEUES], self.queues[(i * 7) % N_QUEUES]],
                "skills": {},
                "call_id": None,
                "handled": 0,
                "version": 0,
            }
            for i in range(N_AGENTS)
        }
        self.n = 0

    def _agent(
        self, ts: float, aid: str, state: str, call_id: str | None = None, reason: str | None = None
    ) -> tuple[float, str, dict[str, Any]]:
        a = self.agents[aid]
        a.update(state=state, since=ts, call_id=call_id, reason=reason)
        a["version"] += 1
        if state == "on_call":
            a["handled"] += 1
        return (ts, "agent.state", dict(a))

    def logins(self) -> list[tuple[float, str, dict[str, Any]]]:
        out = []
        for aid in self.agents:
            out.append(self._agent(self.start, aid, "not_ready", reason="login"))
            out.append(self._agent(self.start + 1, aid, "ready"))
        return out

    def call(self, t: float, aid: str) -> list[tuple[float, str, dict[str, Any]]]:
        """~9 events: a call, its agent's states (or an abandon)."""
        rng = self.rng
        self.n += 1
        cid = f"c{self.n}"
        q = self.agents[aid]["queues"][0]
        c = {
            "call_id": cid,
            "ani": f"+86138{self.n:08d}",
            "dnis": "10086",
            "customer_id": None,
            "tier": rng.choice(["platinum", "gold", "silver", "standard", None]),
            "language": "zh",
            "queue": q,
            "priority": 0,
            "state": "queued",
            "agent_id": None,
            "arrived_at": t,
            "queued_at": t,
            "offered_at": None,
            "answered_at": None,
            "ended_at": None,
            "ivr": {"menu": "2"},
            "route": {"rule": "r", "step": 0, "reason": "bench"},
            "version": 0,
        }
        out: list[tuple[float, str, dict[str, Any]]] = []

        def ev(ts: float, type_: str, **ch: Any) -> None:
            c.update(ch)
            c["version"] += 1
            out.append((ts, type_, dict(c)))

        ev(t, "call.queued")
        wait = rng.expovariate(1 / 15)
        if rng.random() < 0.08:
            ev(t + wait, "call.abandoned", state="abandoned", ended_at=t + wait)
            return out
        t1 = t + wait
        ev(t1, "call.offered", state="offered", agent_id=aid, offered_at=t1)
        out.append(self._agent(t1, aid, "reserved", cid))
        t2 = t1 + rng.uniform(1, 6)
        ev(t2, "call.connected", state="connected", answered_at=t2)
        out.append(self._agent(t2, aid, "on_call", cid))
        t3 = t2 + rng.expovariate(1 / 200)
        ev(t3, "call.ended", state="ended", ended_at=t3)
        out.append(self._agent(t3, aid, "wrap_up", cid))
        out.append(self._agent(t3 + rng.uniform(5, 40), aid, "ready"))
        return out


def build_log(url: str, n_events: int, start: float) -> tuple[Day, float]:
    engine = make_engine(url)
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["event_log"]])
    day = Day(start)
    events = day.logins()
    calls = max(1, int((n_events - len(events)) / 7.55))  # 8 events a call, 2 if abandoned
    gap = (86400 - 3600) / calls
    aids = list(day.agents)
    for i in range(calls):
        events.extend(day.call(start + 60 + i * gap, aids[i % N_AGENTS]))
    events.sort(key=lambda e: e[0])
    enc = msgspec.json.Encoder()
    t0 = time.perf_counter()
    with engine.begin() as conn:
        for b in range(0, len(events), 50_000):
            conn.execute(
                insert(EventLogRow),
                [
                    {
                        "epoch": EPOCH,
                        "seq": b + i + 1,
                        "ts": ts,
                        "type": type_,
                        "agent_id": d.get("agent_id"),
                        "call_id": d.get("call_id"),
                        "queue_id": d.get("queue"),
                        "data": enc.encode(d).decode(),
                    }
                    for i, (ts, type_, d) in enumerate(events[b : b + 50_000])
                ],
            )
    engine.dispose()
    print(f"generated {len(events):,} events ({calls:,} calls) in {time.perf_counter() - t0:.1f} s")
    return day, events[-1][0]


_LOAD_ALONE = """
import sys, time
sys.path.insert(0, sys.argv[1])
from store.db import make_engine
from telephony.metrics import MetricSettings, load_fold
def hwm():  # this process's peak resident memory, MB (Linux; ru_maxrss counts the parent's)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
engine = make_engine(sys.argv[2])
before = hwm()
c0, t0 = time.process_time(), time.perf_counter()
load_fold(engine, float(sys.argv[3]), None, MetricSettings())
t1, c1 = time.perf_counter(), time.process_time()
print(f"{t1 - t0:.2f} s wall, {c1 - c0:.2f} s CPU, peak RSS {hwm():.0f} MB "
      f"({before:.0f} MB before the load)")
"""


def bench_load_alone(url: str, start: float) -> None:
    """The load in a fresh process (nothing else in it): its peak resident memory."""
    import subprocess

    root = str(Path(__file__).resolve().parent.parent)
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_ALONE, root, url, str(start)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"[load] alone in a fresh process: {out}, load average {os.getloadavg()[0]:.2f}")


def bench_load(url: str, start: float, end: float) -> None:
    engine = make_engine(url)
    c0 = time.process_time()
    t0 = time.perf_counter()
    fold = load_fold(engine, start, None, MetricSettings())
    gc.freeze()  # as the console does after loading the day
    t1 = time.perf_counter()
    cpu = time.process_time() - c0
    summ = fold.summary(end + 1, since=start)
    t2 = time.perf_counter()
    fold.summary(end + 2, since=start)
    t3 = time.perf_counter()
    fig = fold.figures(end + 3, since=start)
    t4 = time.perf_counter()
    engine.dispose()
    print(
        f"[load] {fold.applied:,} events ({len(fold.calls):,} calls) folded from the event log "
        f"in {t1 - t0:.2f} s wall, {cpu:.2f} s CPU; first console summary "
        f"{1000 * (t2 - t1):.0f} ms (load + first figures: {t2 - t0:.2f} s, target <= 10 s), "
        f"next {1000 * (t3 - t2):.1f} ms ({len(summ.agent_today):,} agents, "
        f"{len(summ.queue_today) - 1} queues); full interval report {1000 * (t4 - t3):.0f} ms "
        f"({len(fig.queues):,} queue rows, {len(fig.agents):,} agent rows)"
    )


def bench_live(
    url: str,
    day: Day,
    end: float,
    seconds: float,
    rate: float,
    charts_hidden: bool = False,
    sort_seconds: float = 0.0,
) -> None:
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from agentdesk.config import load_settings

    gui_thread = threading.get_ident()
    measuring = True
    slow: list[tuple[float, str]] = []
    live_t0 = [0.0]  # when the live part began (the slow events' times are from it)
    cpu_durations: list[float] = []
    durations: list[float] = []
    #: the sort phase: events (wall ms, cpu ms, what) by label
    phase: list[str] = []
    phase_events: dict[str, list[tuple[float, float, str]]] = {}

    class TimedApp(QApplication):
        def notify(self, receiver: Any, event: Any) -> bool:
            if not measuring or threading.get_ident() != gui_thread:  # other threads' events
                return super().notify(receiver, event)
            t = time.perf_counter()
            c = time.thread_time()
            ok = super().notify(receiver, event)
            d = (time.perf_counter() - t) * 1000
            if not measuring:  # the benchmark's own stop (app.quit) is not the console's
                return ok
            cpu = (time.thread_time() - c) * 1000
            if phase:
                what = f"{type(receiver).__name__}:{event.type().name}"
                phase_events.setdefault(phase[0], []).append((d, cpu, what))
                return ok
            cpu_durations.append(cpu)
            durations.append(d)
            if d > 16:
                at = time.perf_counter() - (live_t0[0] or t)
                slow.append((d, f"{type(receiver).__name__}:{event.type().name} at {at:.1f} s"))
            return ok

    app = TimedApp(sys.argv[:1])
    from desktop.supervisor.console import open_console

    base_wall = time.time()
    clock = lambda: end + 1 + (time.time() - base_wall)  # noqa: E731
    t0 = time.perf_counter()
    win = open_console(load_settings(), store_url=url, connect_bus=False, clock=clock)
    win.resize(1600, 1000)
    win.show()
    loaded: list[float] = []
    win.historyLoaded.connect(lambda n, s: loaded.append(s))
    while not loaded:
        app.processEvents()
        time.sleep(0.01)
    print(
        f"[live] console history: {win.worker.fold.applied:,} events in {loaded[0]:.2f} s "
        f"(window up after {time.perf_counter() - t0:.2f} s)"
    )
    durations.clear()
    cpu_durations.clear()
    slow.clear()
    live_t0[0] = time.perf_counter()
    win.step_ms.clear()
    win.step_cpu_ms.clear()

    class Feeder(QObject):
        events = Signal(object)

    feeder = Feeder()
    feeder.events.connect(win.worker.apply_events)
    aids = list(day.agents)
    pending: list[tuple[float, str, dict[str, Any]]] = []
    state = {"i": 0, "sent": 0}
    computes: list[float] = []
    cpu_computes: list[float] = []
    win.figuresApplied.connect(lambda v: computes.append(v.compute_ms))
    win.figuresApplied.connect(lambda v: cpu_computes.append(v.compute_cpu_ms))

    running = threading.Event()
    running.set()

    def bus_thread() -> None:  # like the bus thread: every 100 ms, the events due (50/s)
        while running.is_set():
            now = clock()
            while len(pending) < rate:
                pending.extend(day.call(now, aids[state["i"] % N_AGENTS]))
                state["i"] += 1
            batch, pending[:] = pending[: int(rate / 10)], pending[int(rate / 10) :]
            state["sent"] += len(batch)
            feeder.events.emit([(EPOCH, now, t, record_from_dict(d)) for _ts, t, d in batch])
            time.sleep(0.1)

    feed = threading.Thread(target=bus_thread, name="bench-bus", daemon=True)
    feed.start()
    if charts_hidden:
        win.tabs.setCurrentIndex(1)

    def stop() -> None:
        nonlocal measuring
        measuring = False
        app.quit()

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    table = win.agent_board.table
    header = table.horizontalHeader()
    model = win.agent_model
    n_cols = len(model.columns)
    state_col = [c.key for c in model.columns].index("state")

    def click(c: int) -> None:
        x = header.sectionViewportPosition(c) + header.sectionSize(c) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    def sort_step(i: int) -> None:
        if i < n_cols:
            phase[:] = [f"click {model.columns[i].key}"]
            click(i)
            QTimer.singleShot(400, lambda: sort_step(i + 1))
        else:
            phase[:] = ["click state (setup)"]
            click(state_col)
            phase[:] = ["refreshes sorted by state"]
            win.step_ms.clear()
            win.step_cpu_ms.clear()
            QTimer.singleShot(int(sort_seconds * 1000), stop)

    def live_done() -> None:
        if sort_seconds <= 0:
            stop()
            return
        live_steps.update(win.step_ms)
        live_cpu_steps.update(win.step_cpu_ms)
        moved0[0] = model.changed_ranges
        sort_step(0)

    live_steps: dict[str, float] = {}
    live_cpu_steps: dict[str, float] = {}
    moved0 = [0]
    QTimer.singleShot(int(seconds * 1000), live_done)
    app.exec()
    running.clear()
    feed.join()
    win.shutdown()
    computes = computes[1:] or computes
    durations.sort()
    p99 = durations[int(len(durations) * 0.99)] if durations else 0.0
    print(
        f"[live] {'staffing tab shown' if charts_hidden else 'charts tab shown'}: "
        f"{seconds:.0f} s at {rate:.0f} events/s ({state['sent']} events), "
        f"{N_AGENTS} agents, {N_QUEUES} queues, {len(computes)} refreshes"
    )
    if computes:
        print(
            f"[live] figures recomputed per refresh: median {statistics.median(computes):.1f} ms,"
            f" max {max(computes):.1f} ms (target <= 50 ms)"
        )
    print(
        f"[live] GUI events: {len(durations):,}, p99 {p99:.2f} ms, max "
        f"{(durations[-1] if durations else 0):.1f} ms, over 16 ms: {len(slow)} (target 0)"
    )
    cpu_durations.sort()
    print(
        f"[live] GUI thread CPU per event (excludes waiting for the GIL or the CPU): max "
        f"{(cpu_durations[-1] if cpu_durations else 0):.1f} ms, over 16 ms: "
        f"{sum(1 for x in cpu_durations if x > 16)}"
    )
    cc = cpu_computes[1:] or cpu_computes
    if cc:
        print(
            f"[live] figures recomputed, metrics-thread CPU: median "
            f"{statistics.median(cc):.1f} ms, "
            f"max {max(cc):.1f} ms"
        )
    live = bool(live_steps)
    steps, cpu_steps = (live_steps, live_cpu_steps) if live else (win.step_ms, win.step_cpu_ms)
    print(
        "[live] longest GUI slice per refresh step, wall / GUI-thread CPU (ms): "
        + ", ".join(f"{k} {v:.1f}/{cpu_steps.get(k, 0):.1f}" for k, v in steps.items())
    )
    for d, what in sorted(slow, reverse=True)[:8]:
        print(f"        {d:.1f} ms {what}")
    if sort_seconds <= 0:
        return
    print(
        f"[sort] agent board, {model.rowCount()} rows: slowest GUI event per header click "
        "(the click / any event until the next click), wall / GUI-thread CPU (ms), "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    over = 0
    for label, evs in phase_events.items():
        if not label.startswith("click ") or "setup" in label:
            continue
        clicks = [e for e in evs if e[2].endswith("MouseButtonRelease")]
        c_w, c_c = max(((w, c) for w, c, _ in clicks), default=(0.0, 0.0))
        w_max = max(evs, key=lambda e: e[0])
        c_max = max(e[1] for e in evs)
        over += sum(1 for e in evs if e[0] > 16)
        print(
            f"[sort]   {label[6:]:14s} click {c_w:5.1f} / {c_c:5.1f}   any {w_max[0]:5.1f} / "
            f"{c_max:5.1f}  ({w_max[2]})"
        )
    print(f"[sort] header clicks: GUI events over 16 ms (wall): {over} (target 0)")
    evs = phase_events.get("refreshes sorted by state", [])
    if evs:
        walls = sorted(e[0] for e in evs)
        cpus = sorted(e[1] for e in evs)
        slowest = sorted(evs, reverse=True)[:5]
        print(
            f"[sort] sorted by state, {sort_seconds:.0f} s of refreshes "
            f"({model.changed_ranges - moved0[0]} ranges written since the live part): "
            f"{len(evs):,} GUI events, max {walls[-1]:.1f} ms wall / {cpus[-1]:.1f} ms CPU, "
            f"p99 {walls[int(len(walls) * 0.99)]:.2f} ms, over 16 ms: "
            f"{sum(1 for w in walls if w > 16)} wall, {sum(1 for c in cpus if c > 16)} CPU "
            "(target 0)"
        )
        print(
            "[sort] longest GUI slice per refresh step, wall / GUI-thread CPU (ms): "
            + ", ".join(
                f"{k} {v:.1f}/{win.step_cpu_ms.get(k, 0):.1f}" for k, v in win.step_ms.items()
            )
        )
        for w, c, what in slowest:
            print(f"        {w:.1f} ms wall / {c:.1f} ms CPU {what}")


def main() -> None:
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--rate", type=float, default=50.0)
    ap.add_argument("--skip-live", action="store_true")
    ap.add_argument("--charts-hidden", action="store_true", help="show the staffing tab")
    ap.add_argument(
        "--sort-seconds",
        type=float,
        default=10.0,
        help="after the live part: header clicks, then this long sorted by state (0: skip)",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        url = f"sqlite:///{d}/bench.db"
        # yesterday from midnight; the console's driven clock then runs at yesterday's end,
        # so its "today" holds the whole synthetic day
        from desktop.supervisor.worker import day_start

        start = day_start(time.time() - 86400)
        day, end = build_log(url, args.events, start)
        bench_load(url, start, end)
        bench_load_alone(url, start)
        if not args.skip_live:
            bench_live(
                url, day, end, args.seconds, args.rate, args.charts_hidden, args.sort_seconds
            )


if __name__ == "__main__":
    main()
