"""Status bar widgets: bus connection, outbox count, last sync with central."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.widgets.common import fmt_clock, set_ids, set_style_prop


class DeskStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection = set_ids(QLabel(), "connectionStatus")
        self.connection.setProperty("role", "connection")
        self.outbox = set_ids(QLabel(), "outboxCount")
        self.sync = set_ids(QLabel(), "lastSync")
        self.agent = set_ids(QLabel(), "agentIdentity")
        # All permanent: a temporary message ("The caller hung up.") then hides nothing, so
        # showing and clearing one does not relayout the bar (and the window) during a pop.
        self.addPermanentWidget(self.agent)
        self.addPermanentWidget(self.sync)
        self.addPermanentWidget(self.outbox)
        self.addPermanentWidget(self.connection)
        self._status = "offline"
        self._retry: float | None = None
        self._count = 0
        self._sync_ok: bool | None = None
        self._sync_at: float | None = None
        self._central = True
        self.retranslate()

    def retranslate(self) -> None:
        self.set_connection(self._status, self._retry)
        self.set_outbox(self._count)
        self.set_sync(self._sync_at, self._sync_ok, self._central)

    def set_connection(self, status: str, retry_in: float | None = None) -> None:
        """``status``: connected, reconnecting or offline."""
        self._status = status
        self._retry = retry_in
        if status == "connected":
            text = self.tr("Connected")
        elif status == "reconnecting":
            text = self.tr("Reconnecting…")
            if retry_in:
                text = self.tr("Reconnecting (next try in %1 s)…").replace("%1", f"{retry_in:.0f}")
        else:
            text = self.tr("Offline")
        self.connection.setText(text)
        set_style_prop(self.connection, "connection", status)

    def set_outbox(self, count: int) -> None:
        self._count = count
        self.outbox.setText(self.tr("Outbox: %1").replace("%1", str(count)))
        self.outbox.setToolTip(self.tr("Local changes waiting to reach the central store"))

    def set_sync(self, at: float | None, ok: bool | None, central: bool = True) -> None:
        self._sync_at, self._sync_ok, self._central = at, ok, central
        if not central:
            text = self.tr("No central store: local data only")
        elif at is None:
            text = self.tr("Not synced yet")
        elif ok:
            text = self.tr("Synced %1").replace("%1", fmt_clock(at))
        else:
            text = self.tr("Central unreachable; last sync %1").replace("%1", fmt_clock(at))
        self.sync.setText(text)

    def set_agent(self, text: str) -> None:
        self.agent.setText(text)
