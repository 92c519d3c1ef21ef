"""The agent desktop alone in its process runs Qt's own event loop, not GLib's (cheaper wake-ups
of the GUI thread on every bus signal); with the supervisor console in the process (its export
file dialog may be GTK's native one, which needs GLib's loop) it keeps GLib's. Each case in a
child process: the event loop is chosen when the QApplication is made."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QAbstractEventDispatcher, QTimer
    from agentdesk.config import load_settings
    from desktop.app import dispose_qapp, make_qapp

    app = make_qapp(load_settings({}, environ={}), native_dialogs=sys.argv[1] == "1")
    fired = []
    QTimer.singleShot(10, lambda: (fired.append(1), app.quit()))
    app.exec()
    print(QAbstractEventDispatcher.instance().metaObject().className(), len(fired))
    dispose_qapp(app)
    """
)


def run_child(native_dialogs: bool, **extra_env: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_CONFIG": os.devnull}
    env.pop("QT_NO_GLIB", None)
    env.update(extra_env)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "1" if native_dialogs else "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="GLib's loop is Linux's")
def test_agent_desktop_alone_runs_qts_own_event_loop() -> None:
    assert run_child(native_dialogs=False) == "QUnixEventDispatcherQPA 1"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="GLib's loop is Linux's")
def test_with_the_supervisor_console_glibs_loop_is_kept() -> None:
    assert run_child(native_dialogs=True) == "QPAEventDispatcherGlib 1"
