"""Python's cyclic garbage collector kept off the pop path.

A collection stops every Python thread while it runs: a young one ≈ 0.2 ms, an older one
1.3–5 ms, a full one 70–90 ms in a desk that has loaded the store (measured with
``gc.callbacks`` in ``benchmarks/desktop_bench.py``). One landing between the switchboard's
``call.offered`` and the card's paint adds all of that to the pop. So:

* ``freeze()``, once the desk is up (store loaded): one full collection, then every object
  that survived it is moved to the permanent generation (``gc.freeze``), so later full
  collections look only at what was made since (a few ms instead of 70–90).
* ``hold()``, the moment ``call.offered`` for this agent is read (bus thread): automatic
  collections are off (``gc.disable``) while the card is read, shown and painted.
* ``release_soon()`` once the card is on screen (GUI thread): a little later
  (``RELEASE_DELAY_MS`` after the first card shown, after the paint; later while another
  offer read since has not shown its card), automatic collection is back on and a collection
  runs at once: the young generation (where everything made during the hold is), or an older
  one when its count is over its threshold, as ``gc``'s own schedule would choose (collecting
  only the young one each time would leave the older generations, which only an automatic
  collection checks, never collected). The garbage of a pop goes then, not at the next call's
  pop; and the next call starts with an empty young generation, so no collection comes due
  in the bus thread's reading of the next offer, before its hold (when a collection ran only
  if one had come due, about one pop in thirty still had a young collection there).
* ``close()`` at shutdown: any hold ended and the frozen objects collectable again.
* ``check()`` from the desk's clock tick: a hold never outlasts ``MAX_HOLD`` seconds (a card
  that failed, a call revoked before its card), so memory stays bounded whatever happens.

If something else had already switched the collector off, ``hold``/``release`` leave it off.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: after the card is shown: the paint is done in the same turn of the event loop, this is later
RELEASE_DELAY_MS = 50
#: the longest the collector stays off, seconds (checked on the desk's clock tick)
MAX_HOLD = 1.0


class CollectorHold(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_hold: float = MAX_HOLD,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.max_hold = max_hold
        self.monotonic = monotonic
        self._lock = threading.Lock()
        self._held_since: float | None = None
        #: an offer was read whose card is not shown yet
        self._popping = False
        self.frozen = False
        #: how many holds ended (released), and how many by ``check`` (time ran out)
        self.releases = 0
        self.expired = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELEASE_DELAY_MS)
        self._timer.timeout.connect(self._release_when_quiet)

    @property
    def held(self) -> bool:
        return self._held_since is not None

    def hold(self) -> None:
        """Automatic collections off until ``release`` (any thread; cheap, idempotent)."""
        with self._lock:
            self._popping = True
            if self._held_since is None and gc.isenabled():
                gc.disable()
                self._held_since = self.monotonic()

    def release_soon(self) -> None:
        """``release`` after ``RELEASE_DELAY_MS`` (GUI thread): once the pop has painted."""
        self._popping = False
        if self._held_since is not None and not self._timer.isActive():
            self._timer.start()

    def _release_when_quiet(self) -> None:
        if self._popping:  # another offer came in since: its card is not shown yet
            self._timer.start()
        else:
            self.release()

    def release(self) -> None:
        """Collection back on, and a collection now (the young generation, or older if due)."""
        with self._lock:
            self._timer.stop()
            if self._held_since is None:
                return
            self._held_since = None
            self._popping = False
            gc.enable()
            self.releases += 1
        counts, limits = gc.get_count(), gc.get_threshold()
        gc.collect(2 if counts[2] > limits[2] else 1 if counts[1] > limits[1] else 0)

    def check(self) -> None:
        """End a hold that has lasted ``max_hold`` seconds (GUI thread, on the clock tick)."""
        since = self._held_since
        if since is not None and self.monotonic() - since >= self.max_hold:
            self.expired += 1
            self.release()

    def freeze(self) -> None:
        """One full collection, then what survived it out of later collections (once)."""
        if self.frozen:
            return
        self.frozen = True
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        """At shutdown: a hold ended, and what ``freeze`` set aside collectable again."""
        self._timer.stop()
        self.release()
        if self.frozen:
            self.frozen = False
            gc.unfreeze()
