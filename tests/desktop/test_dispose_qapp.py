"""``dispose_qapp`` (run by the desktop command when its event loop has returned) really deletes
the windows and what our code parented to the application, and the interpreter then exits
cleanly. Run in a child process: it tears its own QApplication down, as the command does."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import shiboken6
    from agentdesk.config import load_settings
    from desktop.app import dispose_qapp, make_qapp
    from desktop.widgets.main_window import MainWindow

    app = make_qapp(load_settings({"language": "zh_CN"}, environ={}))  # installs translators
    ours = [c for c in app.children() if shiboken6.createdByPython(c)]
    assert ours, "zh_CN translators expected"
    print("before", app.translate("RingingBanner", "Answer"))
    w = MainWindow("0")
    w.show()
    w.wrapup.show()  # a dialog of the window: a top-level widget of its own
    app.processEvents()
    assert len(app.topLevelWidgets()) > 2
    dispose_qapp(app)  # as the command does once app.exec() has returned
    left = [c for c in app.children() if shiboken6.createdByPython(c)]
    print("windows", len(app.topLevelWidgets()), "ours", len(left), "valid", shiboken6.isValid(w))
    print("after", app.translate("RingingBanner", "Answer"))
    """
)


def test_dispose_qapp_deletes_windows_and_our_children_and_exits_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_CONFIG": os.devnull}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, env=env
    )
    # a crash at exit (deleting Qt's own children of the application) would be a signal here
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert "windows 0 ours 0 valid False" in done.stdout, done.stdout
    assert "before 接听" in done.stdout and "after Answer" in done.stdout  # translators removed
