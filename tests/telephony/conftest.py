"""Raw pyzmq helpers for testing the bus from the outside (the contract is the spec).

Waits are bounded generously (``WAIT`` seconds): they cost nothing when the awaited reply or
event comes, and a loaded CI machine can hold a thread back for seconds.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import zmq

from tests.fixtures_bus import RunningSwitchboard

#: seconds to wait for a reply or an event before failing
WAIT = 30.0


class RawBus:
    """A DEALER and a SUB speaking the wire protocol directly (no telephony.client)."""

    def __init__(self, sb: RunningSwitchboard, topics: tuple[str, ...] = ("",)) -> None:
        self.ctx = zmq.Context.instance()
        self.dealer = self.ctx.socket(zmq.DEALER)
        self.dealer.setsockopt(zmq.LINGER, 0)
        self.dealer.connect(sb.commands)
        self.sub = self.ctx.socket(zmq.SUB)
        self.sub.setsockopt(zmq.LINGER, 0)
        for t in topics:
            self.sub.setsockopt(zmq.SUBSCRIBE, t.encode())
        self.sub.connect(sb.events)
        self.ids = itertools.count(1)
        self.events: list[tuple[str, dict[str, Any]]] = []
        # wait until the subscription is live: a heartbeat arrives within a second
        if "" in topics or "sys/" in topics:
            self.wait_event(lambda t, e: e["type"] == "sys.heartbeat")

    def close(self) -> None:
        self.dealer.close(0)
        self.sub.close(0)

    def send_raw(self, *frames: bytes) -> None:
        self.dealer.send_multipart(list(frames))

    def recv_raw(self, timeout: float = WAIT) -> list[bytes]:
        if not self.dealer.poll(int(timeout * 1000)):
            raise TimeoutError("no reply")
        return self.dealer.recv_multipart()

    def request(self, cmd: str, **args: Any) -> dict[str, Any]:
        rid = f"r{next(self.ids)}"
        self.dealer.send(json.dumps({"v": 1, "id": rid, "cmd": cmd, **args}).encode())
        reply = json.loads(self.recv_raw()[-1])
        assert reply["id"] == rid
        return reply

    def ok(self, cmd: str, **args: Any) -> dict[str, Any]:
        reply = self.request(cmd, **args)
        assert reply["ok"], reply
        return reply["result"]

    def error(self, cmd: str, **args: Any) -> str:
        reply = self.request(cmd, **args)
        assert not reply["ok"], reply
        return reply["error"]["code"]

    def drain(self, timeout: float = 0.05) -> list[tuple[str, dict[str, Any]]]:
        """Collect events until none came for ``timeout`` seconds."""
        while self.sub.poll(int(timeout * 1000)):
            topic, body = self.sub.recv_multipart()
            self.events.append((topic.decode(), json.loads(body)))
        return self.events

    def wait_event(
        self, pred: Callable[[str, dict[str, Any]], bool], timeout: float = WAIT
    ) -> tuple[str, dict[str, Any]]:
        for t, e in self.events:
            if pred(t, e):
                return t, e
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not self.sub.poll(int(left * 1000)):
                raise TimeoutError("event not seen")
            topic, body = self.sub.recv_multipart()
            item = (topic.decode(), json.loads(body))
            self.events.append(item)
            if pred(*item):
                return item


@pytest.fixture
def raw_bus() -> Iterator[Callable[..., RawBus]]:
    made: list[RawBus] = []

    def make(sb: RunningSwitchboard, topics: tuple[str, ...] = ("",)) -> RawBus:
        b = RawBus(sb, topics)
        made.append(b)
        return b

    yield make
    for b in made:
        b.close()


@pytest.fixture(scope="module")
def telephony_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small migrated and seeded SQLite store (module-scoped; 300 customers, 12 agents)."""
    from store.db import make_engine
    from store.schema import migrate
    from store.seed import seed

    path = tmp_path_factory.mktemp("store") / "store.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate(engine)
    seed(engine, 300, seed=5, agents=12)
    engine.dispose()
    return url
