"""Background work off the GUI thread (in the spirit of Anki's ``aqt.taskman``).

``tasks.run(fn, on_done, on_error, pool="local")`` runs ``fn()`` on a worker thread and calls
``on_done(result)`` or ``on_error(exc)`` back on the GUI thread (a queued signal into the
``TaskManager``, which lives there). Workers never touch widgets. Two pools: ``local`` (the
SQLite replica; short queries) and ``central`` (the network to the central store, which may be
slow or down, so it never delays a card).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Runnable(QRunnable):
    def __init__(self, manager: TaskManager, fn: Callable[[], Any], token: int) -> None:
        super().__init__()
        self._manager = manager
        self._fn = fn
        self._token = token

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._manager._finished.emit(self._token, None, exc)
        else:
            self._manager._finished.emit(self._token, result, None)


class TaskManager(QObject):
    _finished = Signal(int, object, object)
    #: tasks still running (for tests and the status bar)
    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pools = {"local": QThreadPool(self), "central": QThreadPool(self)}
        self.pools["local"].setMaxThreadCount(2)
        self.pools["central"].setMaxThreadCount(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[..., None] | None]]
        self._callbacks = {}
        self._next = 0
        self._closed = False
        self._finished.connect(self._deliver)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        pool: str = "local",
    ) -> None:
        if self._closed:
            return
        self._next += 1
        self._callbacks[self._next] = (on_done, on_error)
        self.busyChanged.emit(len(self._callbacks))
        self.pools[pool].start(_Runnable(self, fn, self._next))

    @Slot(int, object, object)
    def _deliver(self, token: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(token, (None, None))
        self.busyChanged.emit(len(self._callbacks))
        if self._closed:
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("background task failed", exc_info=error)
            return
        if on_done is not None:
            on_done(result)

    def pending(self) -> int:
        return len(self._callbacks)

    def shutdown(self, wait_ms: int = 5000) -> None:
        """Stop taking work and wait for running tasks (their callbacks are dropped)."""
        self._closed = True
        for pool in self.pools.values():
            pool.clear()
            pool.waitForDone(wait_ms)
