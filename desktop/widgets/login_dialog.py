"""Log-in dialog: asks for the agent id when none is configured (``--agent`` / ``agent_id``)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import set_ids

#: what an agent id may look like (the store's and the bus's ids: letters, digits, ``_.-``)
AGENT_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class LoginDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, agent_id: str = "") -> None:
        super().__init__(parent)
        set_ids(self, "loginDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edit = set_ids(QLineEdit(agent_id), "agentIdEdit")
        self.remember = set_ids(QCheckBox(), "rememberAgent")
        self.remember.setChecked(True)
        self.error = set_ids(QLabel(), "loginError")
        self.error.setProperty("role", "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        set_ids(self.buttons.button(QDialogButtonBox.StandardButton.Ok), "loginButton")
        set_ids(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), "loginCancel")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._label = QLabel()
        form = QFormLayout()
        form.addRow(self._label, self.edit)
        form.addRow("", self.remember)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agentdesk: log in"))
        self.intro.setText(self.tr("No agent id is configured for this workstation."))
        self._label.setText(self.tr("Agent id"))
        self.edit.setPlaceholderText(self.tr("for example A001"))
        self.remember.setText(self.tr("Remember on this computer"))

    def agent_id(self) -> str:
        return self.edit.text().strip()

    def _accept(self) -> None:
        value = self.agent_id()
        if not value:
            self.error.setText(self.tr("Enter your agent id."))
        elif not AGENT_ID.match(value):
            self.error.setText(self.tr("An agent id has only letters, digits, '_', '.' and '-'."))
        else:
            self.error.clear()
            self.accept()
            return
        self.edit.setFocus()
