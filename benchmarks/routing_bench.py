"""Routing decision benchmark: the pure engine with 5,000 agents in 200 queues, 1,000 waiting calls.

    .venv/bin/python benchmarks/routing_bench.py            # default size (target p99 <= 1 ms)
    .venv/bin/python benchmarks/routing_bench.py --decisions 20000

Setup: 200 skilled queues (mixed strategies) plus ``general``; 200 rules matched on the IVR
intent, each with three steps (min_skill 3 for 20 s, any skill for 40 s, general); 5,000 agents,
each in 2-4 queues with random skill levels. Most agents are put on calls so that 1,000 calls wait.
Then, in steady state, it times each routing decision as the engine makes it:

* ``call arrives``: ``Engine.new_call`` - rule match, step entry, picking an agent among the
  queue's ready agents by the queue's strategy (or queueing the call);
* ``agent ready``: an agent finishes wrap-up (``Engine.wrapup``) and is offered the best waiting
  call of its queues (priority, then arrival) that it is eligible for;
* ``step change``: a waiting call's step wait runs out (``Engine.tick``) and it re-routes.

Each operation includes building the change records the switchboard publishes. The clock is
driven, so the figures are pure CPU time of the decision.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telephony.routing import CallerContext, Engine, ManualClock  # noqa: E402
from telephony.rules import parse_rules  # noqa: E402

STRATEGIES = [
    "longest_idle",
    "most_skilled",
    "fewest_calls",
    "least_talk_time",
    "round_robin",
    "random",
]


def machine() -> str:
    import os

    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )


def make_rules(queues: int) -> str:
    lines = ["version: 1", "defaults: {ring_timeout: 15, wrap_up: 0, max_no_answer: 3}", "queues:"]
    for i in range(queues):
        lines.append(f"  q{i}: {{skill: s{i}, strategy: {STRATEGIES[i % len(STRATEGIES)]}}}")
    lines.append("  general: {}")
    lines.append("rules:")
    for i in range(queues):
        lines += [
            f"  - name: intent {i}",
            f"    when: {{ivr.intent: i{i}}}",
            "    steps:",
            f"      - {{queue: q{i}, min_skill: 3, wait: 20, priority: {i % 3}}}",
            f"      - {{queue: q{i}, wait: 40, priority: {i % 3}}}",
            "      - {queue: general}",
        ]
    lines.append("fallback: {queue: general}")
    return "\n".join(lines) + "\n"


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def report(name: str, xs: list[float]) -> None:
    us = [x * 1e6 for x in xs]
    print(
        f"  {name:<14} n={len(us):>6}  p50 {pct(us, 0.5):7.1f} us  p99 {pct(us, 0.99):7.1f} us  "
        f"max {max(us):8.1f} us  mean {statistics.fmean(us):6.1f} us"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--agents", type=int, default=5000)
    ap.add_argument("--queues", type=int, default=200)
    ap.add_argument("--waiting", type=int, default=1000)
    ap.add_argument("--decisions", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    rules = parse_rules(make_rules(args.queues), "bench.yaml")
    clock = ManualClock()
    eng = Engine(rules, clock, rng=random.Random(args.seed))
    for i in range(args.agents):
        qs = rng.sample(range(args.queues), rng.randint(2, 4))
        eng.login(
            f"A{i}",
            f"Agent {i}",
            [f"q{q}" for q in qs] + ["general"],
            {f"s{q}": rng.randint(1, 5) for q in qs},
        )
        eng.set_state(f"A{i}", "ready")
    # Fill: calls until every agent is busy and ``waiting`` calls wait.
    n = 0

    def new_call() -> str:
        nonlocal n
        n += 1
        tier = rng.choice([None, None, "gold"])
        ctx = CallerContext(customer_id=f"K{n}" if tier else None, tier=tier)
        return eng.new_call(
            ani=str(n), ivr={"intent": f"i{rng.randrange(args.queues)}"}, ctx=ctx
        ).call_id

    while True:
        cid = new_call()
        rec = eng.calls[cid].rec
        if rec.state == "offered":
            eng.answer(rec.agent_id or "", cid)
        clock.advance(0.001)
        waiting = sum(1 for c in eng.calls.values() if c.rec.state == "queued")
        if waiting >= args.waiting:
            break
    eng.take_changes()
    busy = [a for a in eng.agents.values() if a.rec.state == "on_call"]
    ready = sum(1 for a in eng.agents.values() if a.rec.state == "ready")
    print(f"routing benchmark on {machine()}")
    print(
        f"  setup: {args.agents} agents, {args.queues + 1} queues, {len(rules.rules)} rules, "
        f"{waiting} waiting calls, {len(busy)} agents on calls, {ready} ready "
        f"({time.perf_counter() - t0:.1f} s)"
    )

    t_arrive: list[float] = []
    t_ready: list[float] = []
    t_tick: list[float] = []
    perf = time.perf_counter
    for _ in range(args.decisions):
        # an agent finishes a call and becomes ready: takes the best waiting call
        on_call = [c for c in rng.sample(list(eng.agents.values()), 50) if c.rec.state == "on_call"]
        if on_call:
            a = on_call[0]
            cid = a.rec.call_id or ""
            eng.hangup(a.rec.agent_id, cid)
            t = perf()
            eng.wrapup(a.rec.agent_id, cid, "resolved")
            t_ready.append(perf() - t)
            if a.rec.state == "reserved":
                eng.answer(a.rec.agent_id, a.rec.call_id or "")
        # a call arrives (keeps the waiting count level)
        t = perf()
        cid = new_call()
        t_arrive.append(perf() - t)
        rec = eng.calls[cid].rec
        if rec.state == "offered":
            eng.answer(rec.agent_id or "", cid)
        # time passes: step waits run out now and then
        clock.advance(0.05)
        t = perf()
        fired = eng.tick()
        dt = perf() - t
        if fired:
            t_tick.append(dt / fired)
        eng.take_changes()
    waiting = sum(1 for c in eng.calls.values() if c.rec.state == "queued")
    print(f"  after: {waiting} waiting calls")
    report("call arrives", t_arrive)
    report("agent ready", t_ready)
    if t_tick:
        report("step change", t_tick)
    allx = t_arrive + t_ready + t_tick
    print(f"  all decisions p99 {pct(allx, 0.99) * 1e3:.3f} ms (target <= 1 ms)")
    eng.check_invariants()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
