"""The agent desktop's main window: a pure view composed of the other widgets.

Layout (fits 1366x768 with the card's key facts visible without scrolling):
ringing banner / state + call bar / search | card (or chooser, or quick-create) / status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.call_controls import CallControls
from desktop.widgets.chooser import CandidateChooser
from desktop.widgets.common import set_ids
from desktop.widgets.customer_card import CustomerCard
from desktop.widgets.quick_create import QuickCreateForm
from desktop.widgets.ringing_banner import ANSWER_KEY, REJECT_KEY, RingingBanner
from desktop.widgets.search_panel import SEARCH_KEY, SearchPanel
from desktop.widgets.state_control import StateControl
from desktop.widgets.status_bar import DeskStatusBar
from desktop.widgets.transfer_picker import TransferPicker
from desktop.widgets.wrapup_dialog import WrapUpDialog

PAGE_IDLE, PAGE_CARD, PAGE_CHOOSER, PAGE_CREATE = range(4)


class MainWindow(QMainWindow):
    themeRequested = Signal(str)
    closing = Signal()
    #: a ringing call got the agent's attention: what was done (see ``pop``)
    popped = Signal(list)

    def __init__(self, version: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "agentDesktop")
        self.version = version
        self.pop_mode = "raise"
        self.agent_label = ""
        self.banner = RingingBanner()
        self.controls = CallControls()
        self.state = StateControl()
        self.search = SearchPanel()
        self.card = CustomerCard()
        self.chooser = CandidateChooser()
        self.create = QuickCreateForm()
        self.idle = QFrame()
        self.idle_label = set_ids(QLabel(), "idleMessage")
        self.idle_label.setProperty("role", "idle")
        idle_lay = QVBoxLayout(self.idle)
        idle_lay.addStretch(1)
        idle_lay.addWidget(self.idle_label)
        idle_lay.addStretch(3)
        self.pages = set_ids(QStackedWidget(), "cardArea")
        for page in (self.idle, self.card, self.chooser, self.create):
            self.pages.addWidget(page)
        self.wrapup = WrapUpDialog(self)
        self.transfer = TransferPicker(self)
        self.status = DeskStatusBar()
        self.setStatusBar(self.status)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.state)
        bar.addWidget(self.controls, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1110])
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.setSpacing(6)
        lay.addWidget(self.banner)
        lay.addLayout(bar)
        lay.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # Actions with shortcuts, shown in menus and tooltips.
        self.answer_action = QAction(self)
        self.answer_action.setShortcut(QKeySequence(ANSWER_KEY))
        self.answer_action.triggered.connect(self.banner.answer.click)
        self.reject_action = QAction(self)
        self.reject_action.setShortcut(QKeySequence(REJECT_KEY))
        self.reject_action.triggered.connect(self.banner.reject.click)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence(SEARCH_KEY))
        self.search_action.triggered.connect(self._focus_search)
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.theme_group = QActionGroup(self)
        self.light_action = QAction(self, checkable=True)
        self.dark_action = QAction(self, checkable=True)
        for act, name in ((self.light_action, "light"), (self.dark_action, "dark")):
            self.theme_group.addAction(act)
            act.triggered.connect(lambda _c=False, n=name: self.themeRequested.emit(n))
        self.menu_call = self.menuBar().addMenu("")
        self.menu_call.addAction(self.answer_action)
        self.menu_call.addAction(self.reject_action)
        self.menu_call.addSeparator()
        for act in self.controls.actions_list():
            self.menu_call.addAction(act)
        self.menu_state = self.menuBar().addMenu("")
        self.menu_state.addAction(self.state.ready_action)
        self.menu_state.addMenu(self.state.reasons_menu)
        self.menu_state.addAction(self.state.not_ready_action)
        self.menu_state.addSeparator()
        self.menu_state.addAction(self.state.login_action)
        self.menu_state.addAction(self.state.logout_action)
        self.menu_view = self.menuBar().addMenu("")
        self.menu_view.addAction(self.search_action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.light_action)
        self.menu_view.addAction(self.dark_action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.quit_action)
        self.menu_help = self.menuBar().addMenu("")
        self.menu_help.addAction(self.about_action)
        # automation ids of the actions and menus (QAction has an objectName only; a menu's
        # item is its menuAction)
        for act, name in (
            (self.answer_action, "answerAction"),
            (self.reject_action, "rejectAction"),
            (self.search_action, "findCustomerAction"),
            (self.quit_action, "quitAction"),
            (self.light_action, "lightThemeAction"),
            (self.dark_action, "darkThemeAction"),
        ):
            act.setObjectName(name)
        for menu, name in (
            (self.menu_call, "callMenu"),
            (self.menu_state, "stateMenu"),
            (self.menu_view, "viewMenu"),
            (self.menu_help, "helpMenu"),
        ):
            set_ids(menu, name)
            menu.menuAction().setObjectName(name)
        for act in (self.answer_action, self.reject_action, self.search_action):
            self.addAction(act)
        for menu in (self.menu_call, self.menu_state, self.menu_view, self.menu_help):
            menu.setToolTipsVisible(True)
        self.tray: QSystemTrayIcon | None = None
        self.set_ringing(False)
        self.retranslate()
        self.resize(1366, 740)

    # -- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._update_title()
        self.menu_call.setTitle(self.tr("&Call"))
        self.menu_state.setTitle(self.tr("&State"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.answer_action.setText(self.tr("&Answer"))
        self.answer_action.setToolTip(self.banner.answer.toolTip())
        self.reject_action.setText(self.tr("Re&ject"))
        self.reject_action.setToolTip(self.banner.reject.toolTip())
        self.search_action.setText(self.tr("&Find customer"))
        self.about_action.setText(self.tr("&About Agentdesk"))
        self.quit_action.setText(self.tr("&Quit"))
        self.light_action.setText(self.tr("&Light theme"))
        self.dark_action.setText(self.tr("&Dark theme"))
        self.idle_label.setText(
            self.tr("No call. The caller's card appears here the moment a call rings.")
        )
        for w in (
            self.banner,
            self.controls,
            self.state,
            self.search,
            self.card,
            self.chooser,
            self.create,
            self.wrapup,
            self.transfer,
            self.status,
        ):
            w.retranslate()

    def _update_title(self) -> None:
        title = self.tr("Agentdesk")
        if self.agent_label:
            title = f"{title} — {self.agent_label}"
        self.setWindowTitle(title)

    def set_agent_label(self, text: str) -> None:
        self.agent_label = text
        self.status.set_agent(text)
        self._update_title()

    def set_theme_checked(self, theme: str) -> None:
        (self.dark_action if theme == "dark" else self.light_action).setChecked(True)

    # -- pages -------------------------------------------------------------------------------
    def show_page(self, page: int) -> None:
        if self.pages.currentIndex() != page:  # (setting the same page still costs ~0.1 ms)
            self.pages.setCurrentIndex(page)

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _focus_search(self) -> None:
        self.search.edit.setFocus()
        self.search.edit.selectAll()

    # -- ringing / pop -----------------------------------------------------------------------
    def set_ringing(self, ringing: bool) -> None:
        self.answer_action.setEnabled(ringing and self.banner.answer.isEnabled())
        self.reject_action.setEnabled(ringing and self.banner.reject.isEnabled())

    def set_connected(self, connected: bool) -> None:
        self.banner.set_enabled(connected)
        self.controls.set_connected(connected)
        self.state.set_connected(connected)
        self.set_ringing(self.banner.ringing)

    def pop(self, message: str) -> list[str]:
        """Get the agent's attention for a ringing call, per ``pop_mode``; returns (and emits
        as ``popped``) what was done: ``raise`` (window brought forward), ``tray`` (a
        notification of the system tray icon), ``alert`` (the taskbar entry flashes:
        ``tray`` asked for where the platform has no system tray; the window is not raised,
        as the agent chose).

        * ``raise``: raise only; ``tray``: a tray notification only, the window stays where
          it is (``alert`` without a tray); ``both``: raise and notify.
        """
        done: list[str] = []
        mode = self.pop_mode if self.pop_mode in ("raise", "tray", "both") else "raise"
        if mode in ("raise", "both"):
            if self.isMinimized():
                self.showNormal()
            if not self.isVisible():
                self.show()
            if QGuiApplication.platformName() not in ("offscreen", "minimal"):
                self.raise_()
                self.activateWindow()
            done.append("raise")
        if mode in ("tray", "both"):
            if self._tray_ok():
                assert self.tray is not None
                self.tray.showMessage(
                    self.tr("Incoming call"),
                    message,
                    QSystemTrayIcon.MessageIcon.Information,
                    10000,
                )
                done.append("tray")
            elif mode == "tray":
                QApplication.alert(self, 0)
                done.append("alert")
        self.popped.emit(done)
        return done

    def _tray_ok(self) -> bool:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self.tray is None:
            icon = self.windowIcon()
            if icon.isNull():
                icon = QIcon(
                    self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                )
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Agentdesk"))
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        return True

    def _tray_clicked(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        box = QMessageBox(self)
        set_ids(box, "aboutBox")
        box.setWindowTitle(self.tr("About Agentdesk"))
        box.setText(
            self.tr("Agentdesk %1\nContact-center agent desktop with CTI screen-pop.").replace(
                "%1", self.version
            )
        )
        box.setIcon(QMessageBox.Icon.Information)
        box.open()
        self.about_box = box

    def show_transfer(self, queues: list[dict[str, Any]], agents: list[dict[str, Any]], me: str):
        self.transfer.set_targets(queues, agents, me)
        self.transfer.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
