"""The supervisor's "force agent state" dialog (pure view).

The supervisor picks ``ready``, ``not_ready`` or ``logged_out`` and a reason (required for
``not_ready``; recorded with the supervisor's id in the event log by the switchboard).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop.widgets.common import set_ids

FORCE_STATES = ("ready", "not_ready", "logged_out")


class ForceStateDialog(QDialog):
    def __init__(
        self,
        agent_label: str,
        reasons: list[str],
        current_state: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        set_ids(self, "forceStateDialog")
        self.setWindowTitle(self.tr("Force agent state"))
        form = QFormLayout(self)
        self.agent = set_ids(QLabel(agent_label), "forceStateAgent")
        form.addRow(self.tr("Agent:"), self.agent)
        self.state_box = QComboBox()
        set_ids(self.state_box, "forceStateBox")
        labels = {
            "ready": self.tr("Ready"),
            "not_ready": self.tr("Not ready"),
            "logged_out": self.tr("Logged out"),
        }
        for s in FORCE_STATES:
            self.state_box.addItem(labels[s], s)
        if current_state == "ready":
            self.state_box.setCurrentIndex(1)
        form.addRow(self.tr("New state:"), self.state_box)
        self.reason_box = QComboBox()
        set_ids(self.reason_box, "forceReasonBox")
        self.reason_box.setEditable(True)
        self.reason_box.addItems([*reasons, "supervisor"])
        self.reason_box.setCurrentText("supervisor")
        form.addRow(self.tr("Reason:"), self.reason_box)
        self.hint = set_ids(QLabel(), "forceStateHint")
        form.addRow(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        set_ids(self.buttons, "forceStateButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        set_ids(ok, "forceStateOk")
        set_ids(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), "forceStateCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.state_box.currentIndexChanged.connect(self._check)
        self.reason_box.editTextChanged.connect(self._check)
        self._check()

    def state(self) -> str:
        return str(self.state_box.currentData())

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def _check(self, *_: object) -> None:
        missing = self.state() == "not_ready" and not self.reason()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.hint.setText(self.tr("A reason is required for not ready.") if missing else "")
