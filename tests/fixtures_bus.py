"""Shared bus fixtures (see tests/conftest.py): a real switchboard on free loopback ports.

* ``switchboard_factory(rules=None, store_url=None, clock=None, **kw) -> RunningSwitchboard``
  starts a switchboard in a thread of the test process (real ROUTER/PUB sockets bound to free
  ``tcp://127.0.0.1`` ports) and stops it at teardown. ``rules`` is a path, YAML text or a
  ``Rules``; by default ``resources/rules/demo.yaml``. With ``store_url`` it identifies callers,
  reads agent profiles and writes the event log of that (migrated) store.
* ``switchboard``: one started with the demo rules and no store.
* ``restart_on(factory, old, **kw)``: stops ``old`` and starts a new run on its endpoints,
  retrying the bind while the old port is still being released.
* ``bus_client_factory(sb, **kw) -> BusClient``: an opened ``telephony.client.BusClient`` on that
  switchboard, closed at teardown.

A ``RunningSwitchboard`` has ``commands`` and ``events`` (the endpoints), ``epoch`` and
``switchboard`` (the ``telephony.switchboard.Switchboard``).
"""

from __future__ import annotations

import errno
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zmq

from agentdesk.errors import AgentdeskError
from telephony.client import BusClient
from telephony.rules import Rules, load_rules, parse_rules
from telephony.switchboard import Switchboard

DEMO_RULES = Path(__file__).resolve().parent.parent / "resources" / "rules" / "demo.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class RunningSwitchboard:
    switchboard: Switchboard

    @property
    def commands(self) -> str:
        return self.switchboard.commands_endpoint

    @property
    def events(self) -> str:
        return self.switchboard.events_endpoint

    @property
    def epoch(self) -> str:
        return self.switchboard.epoch

    def stop(self) -> None:
        self.switchboard.stop()


def _rules(rules: Rules | str | Path | None) -> Rules:
    if rules is None:
        return load_rules(DEMO_RULES)
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, Path) or "\n" not in rules:
        return load_rules(rules)
    return parse_rules(rules, "<test rules>")


@pytest.fixture
def switchboard_factory() -> Iterator[Callable[..., RunningSwitchboard]]:
    started: list[Switchboard] = []

    def start(
        rules: Rules | str | Path | None = None,
        store_url: str | None = None,
        **kw: Any,
    ) -> RunningSwitchboard:
        kw.setdefault("commands", "tcp://127.0.0.1:0")
        kw.setdefault("events", "tcp://127.0.0.1:0")
        sb = Switchboard(_rules(rules), store_url=store_url, **kw)
        sb.start()
        started.append(sb)
        return RunningSwitchboard(sb)

    yield start
    for sb in started:
        sb.stop()


def restart_on(
    factory: Callable[..., RunningSwitchboard],
    old: RunningSwitchboard,
    timeout: float = 10.0,
    **kw: Any,
) -> RunningSwitchboard:
    """Stop ``old`` and start a new switchboard on its very endpoints (a restart, as deployed).

    The endpoints were bound with port 0, so nobody else picked them; the old sockets close
    asynchronously, so a bind that finds the port still in use (EADDRINUSE) is retried.
    """
    commands, events = old.commands, old.events
    old.stop()
    deadline = time.monotonic() + timeout
    while True:
        try:
            return factory(commands=commands, events=events, **kw)
        except AgentdeskError as exc:
            cause = exc.__cause__
            in_use = isinstance(cause, zmq.ZMQError) and cause.errno == errno.EADDRINUSE
            if not in_use or time.monotonic() > deadline:
                raise
            time.sleep(0.02)  # back off: the old sockets are being torn down


@pytest.fixture
def switchboard(
    switchboard_factory: Callable[..., RunningSwitchboard],
) -> RunningSwitchboard:
    return switchboard_factory()


@pytest.fixture
def bus_client_factory() -> Iterator[Callable[..., BusClient]]:
    clients: list[BusClient] = []

    def make(sb: RunningSwitchboard, **kw: Any) -> BusClient:
        c = BusClient(sb.commands, sb.events, **kw)
        c.open()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()
