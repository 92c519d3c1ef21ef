"""End-to-end bus benchmark on loopback: switchboard, 500 simulated agents, an IVR driver.

    .venv/bin/python benchmarks/bus_bench.py                 # defaults below
    .venv/bin/python benchmarks/bus_bench.py --latency-seconds 10 --calls 10000

Processes (real ZeroMQ over tcp://127.0.0.1, as deployed):

1. the switchboard (``telephony.switchboard.Switchboard``, demo rules, no store unless
   ``--store-customers N`` seeds a temporary SQLite store and callers are drawn from it);
2. ``--agents`` simulated agents (``telephony.simagents.SimAgents``: answer at once, talk
   ~``--talk`` s log-normal, wrap up at once) sharing one bus client;
3. ``--subscribers`` subscribed "desktops" (one SUB socket each, ``desk/<agent>/`` + ``sys/``)
   in a separate process, plus one reference subscriber to everything;
4. this process: the IVR driver (``telephony.client.BusClient`` in the latency phase and the
   bursts; in the throughput phase a lean raw DEALER/SUB pair, ``LeanDriver``, with the requests
   made before the clock starts, so that the driver takes less of the shared cores).

Phases and figures:

* capacity: full call cycles (``ivr.call``, answer, hang-up, wrap-up) pushed straight through the
  switchboard's command handler in this process, its PUB bound: the CPU cost of one call;
* secured bus: one client at a time, on a plain and on a CURVE switchboard (keys file, ZAP
  handler; each in a child process): ``ping`` round trips and ``ivr.call`` sent ->
  ``call.offered`` received (``--secured-requests``, 0 to skip);

* latency: ``ivr.call`` paced at ``--rate`` calls/s for ``--latency-seconds``; per call the time
  from the ``ivr.call`` reply to the ``call.offered`` event received (target p99 <= 5 ms at 200/s);
  meanwhile the desktops count what they receive: loss = events the reference subscriber saw on
  their topics (inside the common seq window) that they did not (target: none);
* bursts: with every agent ready, ``--agents`` calls sent at once; rate from the first send to
  the last ``call.offered`` received (the switchboard's own capacity, not the agents' cycle);
* throughput: ``--calls`` ``ivr.call`` sent as fast as the switchboard takes them (``--window``
  outstanding); calls per second from first send to the last call offered and to the last answered
  (target >= 2,000/s with 500 agents).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RULES = ROOT / "resources" / "rules" / "demo.yaml"


def machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] if xs else float("nan")


# --- child processes -----------------------------------------------------------------------------


def serve(store_url: str | None, q: Any, curve: Any = None) -> None:
    from telephony.rules import load_rules
    from telephony.switchboard import Switchboard

    sys.setswitchinterval(0.0005)  # as `agentdesk switchboard` does
    sb = Switchboard(
        load_rules(RULES),
        store_url=store_url,
        commands="tcp://127.0.0.1:0",
        events="tcp://127.0.0.1:0",
        hwm=200_000,
        curve=curve,
    )
    sb.open()
    q.put((sb.commands_endpoint, sb.events_endpoint))
    sb.serve_open()


def run_agents(cmd: str, ev: str, n: int, talk: float, skills: str, stop: Any, q: Any) -> None:
    from telephony.simagents import SimAgents, SimAgentSpec, SimBehaviour

    rng = random.Random(3)
    special = ["vip", "billing", "tech", "sales"]
    specs = []
    for i in range(n):
        own = rng.sample(special, rng.randint(1, 2))
        specs.append(
            SimAgentSpec(
                f"B{i:04d}", queues=[*own, "general"], skills={s: rng.randint(1, 5) for s in own}
            )
        )
    # every skilled queue has experts, so min_skill steps always find someone
    for i, s in enumerate(special * 5):
        specs[i].queues = [s, "general"]
        specs[i].skills = {s: 5}
    if skills == "all":  # every agent qualifies for every step: the agents never bound the rate
        for sp in specs:
            sp.queues = [*special, "general"]
            sp.skills = {s: 5 for s in special}
    b = SimBehaviour(
        answer_delay=(0.0, 0.0),
        talk_median=talk,
        talk_sigma=0.3,
        hold_prob=0.0,
        wrap=(0.0, 0.0),
        break_prob=0.0,
        reject_prob=0.0,
        miss_prob=0.0,
    )
    sims = SimAgents(cmd, ev, specs, behaviour=b, seed=4).start()
    q.put("ready")
    stop.wait()
    sims.stop()
    q.put(("answered", sims.answered, sims.errors))


def run_desktops(ev: str, agent_ids: list[str], seconds: float, q: Any) -> None:
    import msgspec
    import zmq

    ctx = zmq.Context()
    dec = msgspec.json.Decoder()
    subs = []
    poller = zmq.Poller()
    for aid in agent_ids:
        s = ctx.socket(zmq.SUB)
        s.setsockopt(zmq.SUBSCRIBE, f"desk/{aid}/".encode())
        s.setsockopt(zmq.SUBSCRIBE, b"sys/")
        s.setsockopt(zmq.RCVHWM, 100_000)
        s.connect(ev)
        poller.register(s, zmq.POLLIN)
        subs.append(s)
    ref = ctx.socket(zmq.SUB)
    ref.setsockopt(zmq.SUBSCRIBE, b"")
    ref.setsockopt(zmq.RCVHWM, 1_000_000)
    ref.connect(ev)
    poller.register(ref, zmq.POLLIN)
    index = {s: i for i, s in enumerate(subs)}
    got: list[list[int]] = [[] for _ in subs]
    ref_seen: list[tuple[int, str]] = []
    ref_gaps = 0
    last_ref = None
    joined = False
    end = None
    while True:
        now = time.monotonic()
        if end is not None and now > end:
            break
        # the 500 "desktops" stand for 500 workstations: they read in rounds (every 20 ms, the
        # messages wait in their queues) so that this one process does not take the CPU the
        # switchboard needs on the shared cores
        time.sleep(0.02)
        for s, _ in poller.poll(100):
            while True:
                try:
                    topic, body = s.recv_multipart(zmq.NOBLOCK)
                except zmq.Again:
                    break
                seq = dec.decode(body)["seq"]
                if s is ref:
                    if last_ref is not None and seq != last_ref + 1:
                        ref_gaps += seq - last_ref - 1
                    last_ref = seq
                    ref_seen.append((seq, topic.decode()))
                else:
                    got[index[s]].append(seq)
        if not joined and all(got):
            joined = True
            end = time.monotonic() + seconds
            q.put("joined")
    lo = max(g[0] for g in got)
    hi = min(g[-1] for g in got)
    lost = 0
    expected = 0
    for i, aid in enumerate(agent_ids):
        want = {seq for seq, t in ref_seen if lo <= seq <= hi and t in (f"desk/{aid}/", "sys/")}
        have = {seq for seq in got[i] if lo <= seq <= hi}
        expected += len(want)
        lost += len(want - have)
    total = sum(len(g) for g in got)
    q.put(("desktops", len(subs), expected, lost, total, ref_gaps, hi - lo))
    for s in subs:
        s.close(0)
    ref.close(0)
    ctx.term()


# --- the throughput driver ---------------------------------------------------------------------


class _BriefCall(msgspec.Struct):
    call_id: str = ""


class _BriefEnvelope(msgspec.Struct):
    type: str = ""
    data: _BriefCall | None = None


class LeanDriver:
    """The throughput phase's IVR: a raw DEALER and a SUB on ``call/`` that decode only the
    event type and call id (the driver shares the cores with what it measures)."""

    def __init__(self, cmd: str, ev: str) -> None:
        import zmq

        self._zmq = zmq
        self._dec = msgspec.json.Decoder(_BriefEnvelope)
        ctx = zmq.Context.instance()
        self.sub = ctx.socket(zmq.SUB)
        self.sub.setsockopt(zmq.RCVHWM, 1_000_000)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"call/")
        self.sub.setsockopt(zmq.SUBSCRIBE, b"sys/")  # last: once a heartbeat is in, all is live
        self.sub.connect(ev)
        self.dealer = ctx.socket(zmq.DEALER)
        self.dealer.setsockopt(zmq.SNDHWM, 1_000_000)
        self.dealer.setsockopt(zmq.RCVHWM, 1_000_000)
        self.dealer.connect(cmd)
        self.poller = zmq.Poller()
        self.poller.register(self.sub, zmq.POLLIN)
        self.poller.register(self.dealer, zmq.POLLIN)
        while not self._beat:  # a heartbeat is in: subscribed for sure
            self.poll(1000)

    _beat = False

    def send(self, body: bytes) -> None:
        self.dealer.send(body)

    def poll(self, timeout_ms: int) -> tuple[int, list[tuple[str, str, float]]]:
        """(replies received, [(event type, call id, monotonic time received)])."""
        zmq = self._zmq
        ready = dict(self.poller.poll(timeout_ms))
        replies = 0
        events: list[tuple[str, str, float]] = []
        if self.sub in ready:
            now = time.monotonic()
            while True:
                try:
                    _topic, body = self.sub.recv_multipart(zmq.NOBLOCK)
                except zmq.Again:
                    break
                env = self._dec.decode(body)
                if env.type == "sys.heartbeat":
                    self._beat = True
                elif env.data is not None:
                    events.append((env.type, env.data.call_id, now))
        if self.dealer in ready:
            while True:
                try:
                    self.dealer.recv(zmq.NOBLOCK)
                except zmq.Again:
                    break
                replies += 1
        return replies, events

    def close(self) -> None:
        self.sub.close(0)
        self.dealer.close(0)


# --- the secured bus ---------------------------------------------------------------------------


def secured(n: int) -> None:
    """Round trips on a plain and on a CURVE-secured switchboard (each in a child process):
    ``ping`` and ``ivr.call`` sent -> ``call.offered`` received, one at a time, for one client."""
    import zmq

    from telephony.client import BusClient, Event, Reply
    from telephony.security import ClientCurve, ServerCurve, parse_keys

    server = zmq.curve_keypair()
    mine = zmq.curve_keypair()
    agent = zmq.curve_keypair()
    clients = parse_keys(f"{mine[0].decode()} client\n{agent[0].decode()} agent S1\n")
    mpc = mp.get_context("spawn")
    for label, curve in (("plain", None), ("CURVE", ServerCurve(server[0], server[1], clients))):
        q: Any = mpc.Queue()
        p = mpc.Process(target=serve, args=(None, q, curve), daemon=True)
        p.start()
        cmd, ev = q.get(timeout=60)

        def client_for(pair: tuple[bytes, bytes], cmd: str = cmd, ev: str = ev) -> ClientCurve:
            return ClientCurve(server[0], pair[0], pair[1])

        secure = curve is not None
        agent_c = BusClient(
            cmd,
            ev,
            topics=["desk/S1/"],
            track_state=False,
            curve=client_for(agent) if secure else None,
        )
        agent_c.open()
        agent_c.request("agent.login", {"agent_id": "S1", "queues": ["general"]})
        c = BusClient(
            cmd,
            ev,
            topics=["call/", "sys/"],
            track_state=False,
            curve=client_for(mine) if secure else None,
        )
        c.open()
        while c.last_heartbeat is None:
            c.poll(100)
        pings, offers = [], []
        for _i in range(n):
            t0 = time.perf_counter()
            c.request("ping")
            pings.append((time.perf_counter() - t0) * 1e3)
        for i in range(n // 4):
            agent_c.request("agent.state", {"agent_id": "S1", "state": "ready"})
            t0 = time.perf_counter()
            c.send("ivr.call", {"ani": str(i)})
            cid = ""
            while not cid:
                for x in c.poll(100):
                    if isinstance(x, Event) and x.type == "call.offered" and not cid:
                        offers.append((time.perf_counter() - t0) * 1e3)
                        cid = x.record.call_id  # type: ignore[union-attr]
            agent_c.request("call.reject", {"agent_id": "S1", "call_id": cid})
            c.request("ivr.hangup", {"call_id": cid})
            for x in c.poll(0) + agent_c.poll(0):
                assert not isinstance(x, Reply) or x.ok, x
        print(
            f"  {label:5}: ping round trip p50 {pct(pings, 0.5):.2f} / p99 {pct(pings, 0.99):.2f} "
            f"ms; ivr.call sent -> call.offered p50 {pct(offers, 0.5):.2f} / p99 "
            f"{pct(offers, 0.99):.2f} ms"
        )
        c.close()
        agent_c.close()
        p.terminate()
        p.join(5)


# --- the switchboard's own capacity -------------------------------------------------------------


def capacity(calls: int) -> None:
    """Full call cycles through ``Switchboard.handle_frames`` in this process (no client sockets;
    the PUB is bound and publishes): ivr.call, answer, hangup, wrapup per call."""
    import msgspec

    from telephony.rules import load_rules
    from telephony.switchboard import Switchboard

    sb = Switchboard(load_rules(RULES), commands="tcp://127.0.0.1:0", events="tcp://127.0.0.1:0")
    sb.open()
    replies: list[bytes] = []
    sb._send = lambda route, body: replies.append(body)  # type: ignore[method-assign]
    enc = msgspec.json.encode
    dec = msgspec.json.decode

    def cmd(c: str, **a: Any) -> Any:
        sb.handle_frames([b"bench", enc({"v": 1, "id": "1", "cmd": c, **a})])
        return dec(replies[-1])

    for i in range(500):
        cmd(
            "agent.login",
            agent_id=f"B{i}",
            queues=["general", "billing", "tech"],
            skills={"billing": 1 + i % 5, "tech": 1 + i % 5},
        )
        cmd("agent.state", agent_id=f"B{i}", state="ready")
    t0 = time.perf_counter()
    c0 = time.thread_time()
    for i in range(calls):
        cid = cmd("ivr.call", ani=str(i), ivr={"menu": "23"[i % 2]})["result"]["call_id"]
        aid = sb.engine.calls[cid].rec.agent_id
        cmd("call.answer", agent_id=aid, call_id=cid)
        cmd("call.hangup", agent_id=aid, call_id=cid)
        cmd("call.wrapup", agent_id=aid, call_id=cid, disposition="resolved")
    el = time.perf_counter() - t0
    cpu = time.thread_time() - c0  # steadier than wall time on a shared, loaded machine
    print(
        f"switchboard capacity (one thread, in process): {calls / el:,.0f} full calls/s "
        f"({el / calls * 1e6:.0f} us per call wall, {cpu / calls * 1e6:.0f} us CPU: 4 commands, "
        f"{sb.seq / calls:.0f} messages published per call)"
    )
    sb.stop()
    sb._close()


# --- the driver ----------------------------------------------------------------------------------


def seed_store(n: int, tmp: str) -> str:
    from store.db import make_engine
    from store.schema import migrate
    from store.seed import seed

    url = f"sqlite:///{tmp}/bench.db"
    engine = make_engine(url)
    migrate(engine)
    print(f"  seeding a SQLite store with {n} customers ...", flush=True)
    seed(engine, n, seed=9, agents=20)
    engine.dispose()
    return url


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--agents", type=int, default=500)
    ap.add_argument("--subscribers", type=int, default=500)
    ap.add_argument("--rate", type=float, default=200.0, help="calls/s in the latency phase")
    ap.add_argument("--latency-seconds", type=float, default=10.0)
    ap.add_argument("--calls", type=int, default=10_000, help="calls in the throughput phase")
    ap.add_argument("--window", type=int, default=500)
    ap.add_argument("--talk", type=float, default=0.1, help="median talk seconds")
    ap.add_argument(
        "--skills",
        choices=["all", "mixed"],
        default="all",
        help="agents' skills: all = every agent in every queue at level 5 (the default: the bus "
        "is measured, not the agent pool); mixed = 1-2 random skills each at random levels, so "
        "the few agents qualified for the demo rules' min_skill steps bound the rate",
    )
    ap.add_argument("--store-customers", type=int, default=0)
    ap.add_argument("--bursts", type=int, default=5)
    ap.add_argument("--capacity-calls", type=int, default=5000)
    ap.add_argument(
        "--secured-requests", type=int, default=2000, help="pings of the plain/CURVE comparison"
    )
    args = ap.parse_args()

    from telephony.client import BusClient, Event, Reply
    from telephony.ivrsim import IvrSim, load_callers

    print(f"bus benchmark on {machine()}")
    capacity(args.capacity_calls)
    if args.secured_requests:
        print("secured bus, one client at a time, switchboard in a child process:")
        secured(args.secured_requests)
    mpc = mp.get_context("spawn")
    tmp = tempfile.TemporaryDirectory()
    store_url = seed_store(args.store_customers, tmp.name) if args.store_customers else None
    q: Any = mpc.Queue()
    sbp = mpc.Process(target=serve, args=(store_url, q), daemon=True)
    sbp.start()
    cmd, ev = q.get(timeout=60)
    stop = mpc.Event()
    aq: Any = mpc.Queue()
    ap_ = mpc.Process(
        target=run_agents,
        args=(cmd, ev, args.agents, args.talk, args.skills, stop, aq),
        daemon=True,
    )
    ap_.start()
    aq.get(timeout=60)
    client = BusClient(cmd, ev, topics=["call/", "sys/"], track_state=False, request_timeout=30.0)
    client.open()
    # wait for every agent to be ready
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        snap = client.request("snapshot")
        if sum(1 for a in snap["agents"] if a["state"] == "ready") >= args.agents:
            break
        client.poll(200)
    print(
        f"  {args.agents} simulated agents ready; switchboard {cmd} / {ev}"
        f"{' with store' if store_url else ', no store (callers unknown)'}"
    )
    dq: Any = mpc.Queue()
    agent_ids = [f"B{i:04d}" for i in range(min(args.subscribers, args.agents))]
    dp = mpc.Process(
        target=run_desktops, args=(ev, agent_ids, args.latency_seconds + 2, dq), daemon=True
    )
    dp.start()
    dq.get(timeout=120)  # every desktop subscribed and receiving
    callers = load_callers(store_url) if store_url else None
    sim = IvrSim(cmd, ev, callers=callers, seed=1)

    # --- phase 1: latency at a paced rate -------------------------------------------------------
    replies: dict[str, float] = {}
    offered: dict[str, float] = {}
    send_at: dict[str, float] = {}
    sent_of: dict[str, float] = {}
    interval = 1.0 / args.rate
    n = int(args.rate * args.latency_seconds)
    t0 = time.monotonic()
    sent = 0
    while len(replies) < n or len(offered) < n:
        now = time.monotonic()
        if sent < n and now >= t0 + sent * interval:
            send_at[client.send("ivr.call", sim.make_call())] = time.monotonic()
            sent += 1
            continue
        wait = max(0.0, t0 + sent * interval - now) if sent < n else 0.05
        for x in client.poll(int(wait * 1000)):
            if isinstance(x, Reply) and x.ok:
                replies[x.result["call_id"]] = x.received
                sent_of[x.result["call_id"]] = send_at[x.id]
            elif isinstance(x, Event) and x.type == "call.offered":
                cid = x.record.call_id  # type: ignore[union-attr]
                offered.setdefault(cid, x.received)
        if time.monotonic() - t0 > args.latency_seconds + 30:
            break
    # an offer read in the same poll as (or before) its reply counts as 0
    lat = [max(0.0, offered[c] - replies[c]) * 1e3 for c in replies if c in offered]
    rtt = [(offered[c] - sent_of[c]) * 1e3 for c in replies if c in offered]
    res = dq.get(timeout=120)
    _, nsubs, expected, lost, total, ref_gaps, window = res
    print(f"latency phase: {n} ivr.call at {args.rate:g}/s; {len(lat)} offered")
    print(
        f"  ivr.call reply -> call.offered received: p50 {pct(lat, 0.5):.2f} ms, "
        f"p99 {pct(lat, 0.99):.2f} ms, max {max(lat):.2f} ms (target p99 <= 5 ms)"
    )
    print(
        f"  ivr.call sent -> call.offered received: p50 {pct(rtt, 0.5):.2f} ms, "
        f"p99 {pct(rtt, 0.99):.2f} ms, max {max(rtt):.2f} ms"
    )
    print(
        f"fan-out: {nsubs} desktops (desk/<agent>/ + sys/) during the latency phase: "
        f"{total} messages received, {expected} expected in a common window of {window} seq, "
        f"lost {lost}; reference subscriber seq gaps {ref_gaps} (target: no loss)"
    )

    # --- phase 2: throughput --------------------------------------------------------------------
    import psutil

    procs = {
        "switchboard": psutil.Process(sbp.pid),
        "agents": psutil.Process(ap_.pid),
        "driver": psutil.Process(),
    }
    # the requests are made before the clock starts (making synthetic calls is not the IVR's
    # load); the lean driver reads only what it counts
    from telephony.protocol import make_request

    bodies = [make_request(f"t{i}", "ivr.call", sim.make_call()) for i in range(args.calls)]
    lean = LeanDriver(cmd, ev)
    cpu0 = {k: sum(p.cpu_times()[:2]) for k, p in procs.items()}
    first_offer: dict[str, float] = {}
    answered: set[str] = set()
    done_replies = 0
    inflight = 0
    sent = 0
    t_start = time.monotonic()
    t_offer_last = t_answer_last = t_start
    t_reply_last = t_start
    while done_replies < args.calls or len(first_offer) < args.calls or len(answered) < args.calls:
        while sent < args.calls and inflight < args.window:
            lean.send(bodies[sent])
            sent += 1
            inflight += 1
        replies, events = lean.poll(20)
        if replies:
            inflight -= replies
            done_replies += replies
            t_reply_last = time.monotonic()
        for type_, cid, t in events:
            if type_ == "call.offered":
                if cid not in first_offer:
                    first_offer[cid] = t
                    t_offer_last = t
            elif type_ == "call.connected" and cid not in answered:
                answered.add(cid)
                t_answer_last = t
        if time.monotonic() - t_start > 120:
            print("  (throughput phase stopped after 120 s)")
            break
    lean.close()
    el_reply = t_reply_last - t_start
    el_offer = t_offer_last - t_start
    el_ans = t_answer_last - t_start
    print(
        f"throughput phase: {args.calls} ivr.call, window {args.window}, "
        f"{args.agents} agents (talk ~{args.talk:g} s)"
    )
    print(
        f"  accepted (replied) {done_replies / el_reply:,.0f}/s; offered "
        f"{len(first_offer) / el_offer:,.0f}/s; answered {len(answered) / el_ans:,.0f}/s "
        f"(target >= 2,000/s)"
    )
    cpu = {k: sum(p.cpu_times()[:2]) - cpu0[k] for k, p in procs.items()}
    wall = max(el_reply, el_offer, el_ans)
    print(
        "  CPU busy during the phase: "
        + ", ".join(f"{k} {v / wall:.0%}" for k, v in cpu.items())
        + f" of one core ({wall:.1f} s)"
    )
    # --- phase 3: bursts (every agent ready, one call each, as fast as possible) ---------------
    rates = []
    for _ in range(args.bursts):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            snap = client.request("snapshot")
            if sum(1 for a in snap["agents"] if a["state"] == "ready") >= args.agents:
                break
            client.poll(100)
        ids: set[str] = set()
        seen_offer = 0
        t0 = time.monotonic()
        t_last = t0
        for _i in range(args.agents):
            client.send("ivr.call", sim.make_call())
        while len(ids) < args.agents or seen_offer < args.agents:
            for x in client.poll(50):
                if isinstance(x, Reply) and x.ok:
                    ids.add(x.result["call_id"])
                elif isinstance(x, Event) and x.type == "call.offered":
                    seen_offer += 1
                    t_last = x.received
            if time.monotonic() - t0 > 30:
                break
        rates.append(args.agents / (t_last - t0))
    if rates:
        print(
            f"bursts: {args.bursts} x {args.agents} ivr.call with every agent ready: accepted and "
            f"offered at {statistics.median(rates):,.0f} calls/s (median; "
            f"min {min(rates):,.0f}, max {max(rates):,.0f})"
        )
    stop.set()
    ans = aq.get(timeout=30)
    print(f"  simulated agents answered {ans[1]} calls in all, {ans[2]} refused commands")
    client.close()
    sbp.terminate()
    sbp.join(5)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
