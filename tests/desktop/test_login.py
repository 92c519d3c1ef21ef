"""No agent id configured: a log-in dialog asks for it and remembers it in the user config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from agentdesk.config import load_settings
from desktop.app import ask_agent_id, remember_agent_id
from desktop.widgets.login_dialog import LoginDialog


def test_dialog_validates_the_agent_id(qtbot: Any) -> None:
    dlg = LoginDialog()
    qtbot.addWidget(dlg)
    assert dlg.objectName() == dlg.accessibleName() == "loginDialog"
    dlg.show()
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and dlg.error.text() == "Enter your agent id."
    dlg.edit.setText("A 001")
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "letters, digits" in dlg.error.text()
    dlg.edit.setText("  A001 ")
    with qtbot.waitSignal(dlg.accepted):
        dlg.buttons.accepted.emit()
    assert dlg.agent_id() == "A001"


def test_remember_keeps_the_rest_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "conf" / "agentdesk.toml"
    monkeypatch.setenv("AGENTDESK_CONFIG", str(path))
    remember_agent_id("A001", path)
    assert load_settings({}, environ={})["agent_id"] == "A001"
    path.write_text('theme = "dark"\nagent_id = "A001"\n\n[extra]\nx = 1\n', "utf-8")
    remember_agent_id("A042", path)
    text = path.read_text("utf-8")
    assert text.count("agent_id") == 1 and 'theme = "dark"' in text and "[extra]" in text
    settings = load_settings({}, environ={})
    assert settings["agent_id"] == "A042" and settings["theme"] == "dark"
    path.write_text("[extra]\nx = 1\n", "utf-8")  # only a table: the key goes before it
    remember_agent_id("A7", path)
    assert path.read_text("utf-8").startswith('agent_id = "A7"\n[extra]')


def _answer_dialog(qtbot: Any, value: str | None, remember: bool = True) -> None:
    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, LoginDialog)
        if value is None:
            dlg.reject()
            return
        dlg.edit.setText(value)
        dlg.remember.setChecked(remember)
        dlg.buttons.accepted.emit()

    def when_shown() -> None:
        if isinstance(QApplication.activeModalWidget(), LoginDialog):
            fill()
        else:
            QTimer.singleShot(10, when_shown)

    QTimer.singleShot(0, when_shown)


def test_ask_remembers_in_the_user_config(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "agentdesk.toml"
    monkeypatch.setenv("AGENTDESK_CONFIG", str(path))
    _answer_dialog(qtbot, "A003")
    assert ask_agent_id() == "A003"
    assert load_settings({}, environ={})["agent_id"] == "A003"
    path.unlink()
    _answer_dialog(qtbot, "A004", remember=False)
    assert ask_agent_id() == "A004"
    assert not path.exists()
    _answer_dialog(qtbot, None)
    assert ask_agent_id() is None


@pytest.mark.slow
def test_desktop_without_an_agent_asks_instead_of_failing(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        AGENTDESK_CONFIG=str(tmp_path / "agentdesk.toml"),
        AGENTDESK_SYSTEM_CONFIG=os.devnull,
    )
    proc = subprocess.run(
        [sys.executable, "-m", "agentdesk", "desktop", "--quit-after", "1"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    # the dialog was up (nobody answered it) and the app quit on time: no usage error
    assert proc.returncode == 0, proc.stderr
    assert "--agent" not in proc.stderr
