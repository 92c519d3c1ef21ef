"""The supervisor console (``agentdesk desktop --supervisor``, ``agentdesk demo --supervisor``).

Entry point for the desktop's composition root (``desktop/app.py:open_supervisor``)::

    from desktop.supervisor import open_console
    window = open_console(settings, args)   # built, started and shown; returns the window
    ...
    window.shutdown()                       # or close(): stops the bus and metrics threads

``args`` (optional) may carry ``store`` (the switchboard's store URL, whose event log gives
today's history; default ``settings.store_url``); bus endpoints and the supervisor id come from
``settings`` (``commands_endpoint``, ``events_endpoint``, ``supervisor_id``). Keyword arguments
go to :func:`desktop.supervisor.console.open_console` (``store_url``, ``commands``, ``events``,
``supervisor_id``, ``clock``, ``interval_minutes``, ``connect_bus``, ``start``), which builds
the window without showing it.

Modules: ``console`` (main window, wiring, actions, export), ``worker`` (the metrics QThread
owning the ``telephony.metrics.EventFold``: history from the event log, bus events, a 1 Hz pandas
refresh and Erlang C staffing), ``bus`` (the bus QThread over ``telephony.client``),
``view_data`` (figures -> plain rows, no Qt), ``models`` (keyed QAbstractTableModels updated by
``dataChanged`` ranges, sorted and filtered in Python, column definitions with formula tooltips).
Views live in ``desktop/widgets/supervisor_*.py``. Translatable strings use the contexts
``SupervisorConsole``, ``BoardView``, ``IntervalChart``, ``TierChart`` and ``ForceStateDialog``.
Importing this package loads nothing else; the console's modules load on first use.
"""

from __future__ import annotations

import argparse
from typing import Any

from agentdesk.config import Settings


def open_console(settings: Settings, args: argparse.Namespace | None = None, **kw: Any) -> Any:
    """Build, start and show the console; returns the window (``SupervisorConsole``)."""
    from desktop.supervisor.console import open_console as _open

    if args is not None and getattr(args, "store", None) and "store_url" not in kw:
        kw["store_url"] = args.store
    window = _open(settings, **kw)
    window.show()
    return window


__all__ = ["open_console"]
