"""Living with central: the card refreshes from central, says "offline, as of" when it cannot,
and a wrap-up saved while central is down reaches it once central comes back."""

from __future__ import annotations

import contextlib
import gc
import socket
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desktop.widgets.main_window import PAGE_CARD
from store.db import make_engine
from store.sync import sync_once
from telephony.client import BusClient
from tests.desktop.conftest import WAIT_MS
from tests.fixtures_store import make_store

pytestmark = pytest.mark.postgres


class TcpProxy:
    """127.0.0.1:<port> -> PostgreSQL's unix socket; ``down()`` cuts every link and refuses new
    ones, ``up()`` listens again on the same port: central going away and coming back."""

    def __init__(self, target: str) -> None:
        self.target = target
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> None:
        ls = socket.socket()
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", self.port))
        ls.listen(16)
        self._listener = ls
        threading.Thread(target=self._accept, args=(ls,), daemon=True).start()

    def down(self) -> None:
        ls, self._listener = self._listener, None
        if ls is not None:
            with contextlib.suppress(OSError):
                ls.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in its thread
            ls.close()
        with self._lock:
            conns, self._conns = self._conns, []
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def _accept(self, ls: socket.socket) -> None:
        while True:
            try:
                client, _ = ls.accept()
            except OSError:
                return
            server = socket.socket(socket.AF_UNIX)
            try:
                server.connect(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns = [c for c in self._conns if c.fileno() != -1]
                self._conns += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            a.close()  # each socket is the source of exactly one pump


def _pg_socket(pg_server: Any) -> str:
    found = sorted(
        p for p in Path(pg_server.socket_dir).glob(".s.PGSQL.*") if not p.name.endswith(".lock")
    )
    assert found, pg_server.socket_dir
    return str(found[0])


def test_wrapup_reaches_central_after_it_comes_back(
    desk_env: Any, qtbot: Any, pg_server: Any, tmp_path: Path
) -> None:
    central_direct = pg_server.create_database()
    make_store(central_direct, customers=40, seed=7).dispose()
    proxy = TcpProxy(_pg_socket(pg_server))
    proxy.up()
    dbname = make_url(central_direct).database
    central_url = f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/{dbname}"
    # the desk's replica is a real replica of central
    local_url = f"sqlite:///{tmp_path / 'replica.db'}"
    central = make_engine(central_direct)
    local = make_engine(local_url)
    try:
        sync_once(central, local)
        with central.connect() as conn:
            cid, phone = conn.execute(
                text(
                    "SELECT c.customer_id, p.phone FROM customers c JOIN customer_phones p "
                    "ON p.customer_id = c.customer_id WHERE (SELECT count(*) FROM "
                    "customer_phones q WHERE q.phone = p.phone) = 1 ORDER BY 1 LIMIT 1"
                )
            ).one()
        desk_env.local_url = local_url
        desk_env.sb.stop()
        desk_env.sb = desk_env.sb_factory(rules=desk_env.rules_path, store_url=central_direct)
        desk_env.ivr = None
        ivr = BusClient(desk_env.sb.commands, desk_env.sb.events, track_state=False)
        ivr.open()
        desk_env.ivr = ivr
        with central.connect() as conn:
            agent_id = conn.execute(text("SELECT min(agent_id) FROM agents")).scalar_one()
        desk_env.agent_id = agent_id
        desk = desk_env.desk(central_url=central_url, settings={"sync_interval": 3600})
        w, c = desk.window, desk.controller
        qtbot.waitUntil(lambda: w.status.sync.text().startswith("Synced"), timeout=WAIT_MS)
        # central changes the customer's name after the replica's last sync
        with central.begin() as conn:
            conn.execute(
                text("UPDATE customers SET name = 'Renamed On Central' WHERE customer_id = :c"),
                {"c": cid},
            )

        # 1. central reachable: local card at once, then refreshed from central, change marked
        with qtbot.waitSignal(c.cardRefreshed, timeout=WAIT_MS):
            desk_env.call(phone)
        qtbot.waitUntil(lambda: w.card.freshness.text().startswith("up to date"), timeout=WAIT_MS)
        assert w.current_page() == PAGE_CARD
        assert w.card.name.text() == "Renamed On Central"
        assert w.card.name.property("changed") is True
        w.banner.answer.click()
        qtbot.waitUntil(lambda: w.controls.hangup.isEnabled(), timeout=WAIT_MS)

        # 2. central goes away: the card says so, the wrap-up is kept in the outbox
        proxy.down()
        w.controls.hangup.click()
        qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
        with qtbot.waitSignal(c.syncDone, timeout=WAIT_MS) as blocker:
            c.sync_now()
        assert blocker.args == [False]
        assert w.status.sync.text().startswith("Central unreachable")
        w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("resolved"))
        w.wrapup.notes.setPlainText("saved while central was down")
        with qtbot.waitSignal(c.wrapUpSaved, timeout=WAIT_MS):
            w.wrapup.save.click()
        qtbot.waitUntil(lambda: w.status.outbox.text() == "Outbox: 1", timeout=WAIT_MS)
        with qtbot.waitSignal(c.cardRefreshed, timeout=WAIT_MS):
            c.show_customer(cid)
        assert w.card.freshness.text().startswith("offline, as of ")

        # 3. central comes back: the next sync delivers the interaction
        proxy.up()
        with qtbot.waitSignal(c.syncDone, timeout=WAIT_MS) as blocker:
            c.sync_now()
        assert blocker.args == [True]
        qtbot.waitUntil(lambda: w.status.outbox.text() == "Outbox: 0", timeout=WAIT_MS)
        with central.connect() as conn:
            row = conn.execute(
                text("SELECT disposition, notes, agent_id FROM interactions WHERE call_id IS "
                     "NOT NULL AND customer_id = :c"), {"c": cid}
            ).one()  # fmt: skip
        assert tuple(row) == ("resolved", "saved while central was down", agent_id)
    finally:
        desk_env.close()
        if desk_env.ivr is not None:
            desk_env.ivr.close()
        proxy.down()
        central.dispose()
        local.dispose()
        # A connection cut by the proxy mid-use may be garbage-collected late; collect it here
        # rather than at interpreter exit (where its ResourceWarning would fail the session).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
