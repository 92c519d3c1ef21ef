"""The screen-pop card: who is calling, what they bought, what is open, what the IVR learned.

Data in: the CONTRACT card dict, the bus Call record, a freshness mark. Nothing out but a
request to open an issue row (``issueActivated``); it is a view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QSizePolicy, QWidget

from desktop.models import Column, DictTableModel
from desktop.route_text import intent_label, ivr_result_label, route_reason_text
from desktop.talking_points import talking_points
from desktop.widgets.card_list import CardList
from desktop.widgets.common import (
    TIER_COLOURS,
    channel_label,
    disposition_label,
    fmt_age,
    fmt_clock,
    fmt_date,
    fmt_money,
    language_label,
    lifecycle_label,
    parse_time,
    priority_label,
    queue_label,
    set_ids,
    set_style_prop,
    status_label,
    tier_label,
)

PURCHASE_COLUMNS = [
    Column("product", QT_TRANSLATE_NOOP("Columns", "Product")),
    Column(
        "amount",
        QT_TRANSLATE_NOOP("Columns", "Amount"),
        lambda v, r: fmt_money(v, r.get("currency")),
        align_right=True,
    ),
    Column("purchased_at", QT_TRANSLATE_NOOP("Columns", "Date"), lambda v, r: fmt_date(v)),
]
INTERACTION_COLUMNS = [
    Column("started_at", QT_TRANSLATE_NOOP("Columns", "When"), lambda v, r: fmt_date(v)),
    Column("channel", QT_TRANSLATE_NOOP("Columns", "Channel"), lambda v, r: channel_label(v)),
    Column("agent_id", QT_TRANSLATE_NOOP("Columns", "Agent")),
    Column(
        "disposition",
        QT_TRANSLATE_NOOP("Columns", "Outcome"),
        lambda v, r: disposition_label(v),
    ),
]


#: the card's constant minimum size (the window's minimum never follows the card's texts)
MIN_WIDTH, MIN_HEIGHT = 480, 360
MARGIN, GAP = 8, 8


class TierBadge(QLabel):
    """The tier badge, painted here in its tier's colour (``TIER_COLOURS``, white bold text): no
    stylesheet rule on a ``tier`` property, so a new tier re-polishes nothing. ``property("tier")``
    still says which tier it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setProperty("tier", "")

    def set_tier(self, tier: str | None, text: str) -> None:
        self.setProperty("tier", tier or "")
        self.setText(text)
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.text()) + 16, fm.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(TIER_COLOURS.get(str(self.property("tier")), "#555555")))
        p.drawRoundedRect(QRectF(self.rect()), 4, 4)
        p.setPen(QColor("#ffffff"))
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
        p.end()


class _Chrome:
    """What of the card never changes with the customer (the group boxes' frames and titles,
    the facts' captions, the background), painted once into a pixmap (``_paint_chrome``)
    and drawn from it: the widgets themselves paint nothing on screen. A pop repaints only what
    changed over a blit of this, and a page switch back to the card repaints the whole card
    from one pixmap instead of five styled group boxes, four captions and the window's
    background under them (the card is opaque: nothing behind it is painted)."""

    def __init__(self) -> None:
        self.painting = False
        self.pixmap: QPixmap | None = None


class _Box(QGroupBox):
    """A titled group without a layout: ``place(contents rect)`` positions its children. Its
    frame and title are part of the card's chrome (see ``_Chrome``)."""

    def __init__(self, parent: QWidget, place: Any, chrome: _Chrome) -> None:
        super().__init__(parent)
        self._place = place
        self._chrome = chrome

    def inner(self) -> QRect:
        return self.contentsRect().adjusted(8, 4, -8, -6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.inner())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._chrome.painting:
            super().paintEvent(event)


class _Caption(QLabel):
    """A fact's caption: painted into the card's chrome only (see ``_Chrome``)."""

    def __init__(self, parent: QWidget, chrome: _Chrome) -> None:
        super().__init__(parent)
        self._chrome = chrome

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._chrome.painting:
            super().paintEvent(event)


class CustomerCard(QFrame):
    issueActivated = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "screenPop")
        self.setProperty("role", "card")
        self._now = 0.0
        self.card: dict[str, Any] | None = None
        self.call: dict[str, Any] | None = None
        issue_columns = [
            Column("issue_id", QT_TRANSLATE_NOOP("Columns", "#")),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Issue")),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), lambda v, r: status_label(v)),
            Column(
                "priority",
                QT_TRANSLATE_NOOP("Columns", "Priority"),
                lambda v, r: priority_label(v),
            ),
            Column("opened_at", QT_TRANSLATE_NOOP("Columns", "Age"), self._age),
            Column("owner_agent_id", QT_TRANSLATE_NOOP("Columns", "Owner")),
        ]
        # The rows and their texts; the lists (``CardList``) paint them themselves.
        self.purchases_model = DictTableModel(PURCHASE_COLUMNS, key="purchase_id", parent=self)
        self.issues_model = DictTableModel(issue_columns, key="issue_id", parent=self)
        self.interactions_model = DictTableModel(
            INTERACTION_COLUMNS, key="interaction_id", parent=self
        )

        self.name = set_ids(QLabel(), "customerName")
        self.name.setProperty("role", "customerName")
        # Copied through its context menu ("Copy name", "Copy customer id"), not selected by
        # the mouse: a selectable label keeps a text document that each pop's new name rebuilt
        # and laid out (0.2-0.4 ms of a cold pop's GUI time).
        self.copy_name_action = QAction(self)
        self.copy_name_action.triggered.connect(lambda: self._copy(self.name.text()))
        self.copy_id_action = QAction(self)
        self.copy_name_action.setObjectName("copyNameAction")
        self.copy_id_action.setObjectName("copyCustomerIdAction")
        self.copy_id_action.triggered.connect(lambda: self._copy(self.customer_id.text()))
        self.tier = set_ids(TierBadge(), "customerTier")
        self.customer_id = set_ids(QLabel(), "customerId")
        for label in (self.name, self.customer_id):
            label.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            label.addActions([self.copy_name_action, self.copy_id_action])
        self.lifecycle = set_ids(QLabel(), "customerLifecycle")
        self.value = set_ids(QLabel(), "customerValue")
        self.language = set_ids(QLabel(), "customerLanguage")
        self.phones = set_ids(QLabel(), "customerPhones")
        self.freshness = set_ids(QLabel(), "cardFreshness")
        self.freshness.setProperty("role", "freshness")
        self.ivr = set_ids(QLabel(), "ivrSummary")
        self.ivr.setWordWrap(True)
        self.route = set_ids(QLabel(), "routeReason")
        self.route.setWordWrap(True)
        self.points = set_ids(QLabel(), "talkingPoints")
        self.points.setWordWrap(True)
        # Plain text, one bulleted line per point: a rich-text label parsed an HTML list into a
        # text document and laid it out on every pop (the card's dearest label to paint).
        self.points.setTextFormat(Qt.TextFormat.PlainText)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # column widths: fixed, but for one stretching column (the same on every pop)
        self.purchases = CardList(self.purchases_model, (0, 120, 90), 0)
        self.issues = CardList(self.issues_model, (90, 0, 70, 70, 60, 70), 1)
        self.interactions = CardList(self.interactions_model, (90, 70, 60, 0), 3)
        for view, name in (
            (self.purchases, "recentPurchases"),
            (self.issues, "openIssues"),
            (self.interactions, "recentInteractions"),
        ):
            set_ids(view, name)
        self.issues.rowActivated.connect(
            lambda row: self.issueActivated.emit(self.issues_model.row(row))
        )

        # No QLayout on the card: ``_place`` puts every part at a position that depends only on
        # the card's size and the fonts, never on the texts. With a layout, each pop's new texts
        # invalidated it and the relayout climbed to the window (size hints of every word-wrapped
        # label recomputed, the window's minimum size changed); a label whose parent has no
        # layout only posts a LayoutRequest to the card, which ignores it.
        self._chrome = _Chrome()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the chrome fills it all
        self._fact_labels: list[QLabel] = []
        for _ in range(4):
            cap = _Caption(self, self._chrome)
            cap.setProperty("role", "caption")
            self._fact_labels.append(cap)
        chrome = self._chrome
        self.ivr_box = _Box(self, self._place_ivr_box, chrome)
        self.points_box = _Box(self, self._place_points, chrome)
        self.issues_box = _Box(self, lambda r: self.issues.setGeometry(r), chrome)
        self.purchases_box = _Box(self, lambda r: self.purchases.setGeometry(r), chrome)
        self.interactions_box = _Box(self, lambda r: self.interactions.setGeometry(r), chrome)
        for widget in (
            self.name,
            self.tier,
            self.freshness,
            self.customer_id,
            self.lifecycle,
            self.value,
            self.language,
            self.phones,
        ):
            widget.setParent(self)
        for widget, box in (
            (self.ivr, self.ivr_box),
            (self.route, self.ivr_box),
            (self.points, self.points_box),
            (self.issues, self.issues_box),
            (self.purchases, self.purchases_box),
            (self.interactions, self.interactions_box),
        ):
            widget.setParent(box)
        for widget in (self.name, self.freshness, self.phones, self.ivr, self.route):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.freshness.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # a constant minimum: the window's minimum size never follows the card's content
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.retranslate()

    # -- geometry (no layout: see ``__init__``) ------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        self._chrome.pixmap = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._place()  # a theme or font change: new line heights
        if kind in (
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.LanguageChange,
        ):
            self._chrome.pixmap = None
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        chrome = self._chrome
        if chrome.pixmap is None or chrome.pixmap.deviceIndependentSize() != self.size():
            chrome.pixmap = self._paint_chrome()
        p = QPainter(self)
        rect = event.rect()
        p.drawPixmap(rect, chrome.pixmap, rect)
        p.end()

    def _paint_chrome(self) -> QPixmap:
        """The background, the boxes' frames and titles and the captions, as they paint."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Window))
        flags = QWidget.RenderFlag.DrawWindowBackground  # the widget alone, not its children
        p = QPainter(pixmap)
        self._chrome.painting = True
        try:
            for widget in (*self._boxes(), *self._fact_labels):
                widget.render(p, widget.pos(), QRegion(), flags)
        finally:
            self._chrome.painting = False
            p.end()
        return pixmap

    def _place(self) -> None:
        for widget in (self.name, self.customer_id, self._fact_labels[0], *self._boxes()):
            widget.ensurePolished()
        r = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        lw = int((r.width() - GAP) * 0.4)
        x, y = r.x(), r.y()
        self._head = QRect(x, y, lw, self.name.fontMetrics().height() + 4)
        self._place_head()
        y = self._head.bottom() + 1 + 6
        cap_h = self._fact_labels[0].fontMetrics().height()
        val_h = self.customer_id.fontMetrics().height() + 2
        colw = lw // 4
        values = (self.customer_id, self.lifecycle, self.value, self.language)
        for i, (cap, val) in enumerate(zip(self._fact_labels, values, strict=True)):
            cap.setGeometry(x + i * colw, y, colw - 8, cap_h)
            val.setGeometry(x + i * colw, y + cap_h + 2, colw - 8, val_h)
        y += cap_h + 2 + val_h + 6
        self.phones.setGeometry(x, y, lw, val_h)
        y += val_h + 6
        m = self.ivr_box.contentsMargins()
        line = self.ivr.fontMetrics().lineSpacing()
        ivr_h = m.top() + m.bottom() + 4 + 6 + 4 * line + 6
        self.ivr_box.setGeometry(x, y, lw, ivr_h)
        y += ivr_h + 6
        self.points_box.setGeometry(x, y, lw, max(0, r.bottom() + 1 - y))
        rx = x + lw + GAP
        rw = r.width() - lw - GAP
        h3 = (r.height() - 2 * 6) // 3
        for i, box in enumerate((self.issues_box, self.purchases_box, self.interactions_box)):
            box.setGeometry(rx, r.y() + i * (h3 + 6), rw, h3)

    def _boxes(self) -> tuple[QGroupBox, ...]:
        return (
            self.ivr_box,
            self.points_box,
            self.issues_box,
            self.purchases_box,
            self.interactions_box,
        )

    def _place_points(self, r: QRect) -> None:
        """The talking points as tall as their text (at most the box): a pop repaints the
        lines that were or are there, not the whole box under them."""
        height = min(r.height(), self.points.heightForWidth(r.width()))
        self.points.setGeometry(r.x(), r.y(), r.width(), max(0, height))

    def _place_ivr_box(self, r: QRect) -> None:
        line = self.ivr.fontMetrics().lineSpacing()
        self.ivr.setGeometry(r.x(), r.y(), r.width(), 2 * line + 2)
        self.route.setGeometry(r.x(), r.y() + 2 * line + 6, r.width(), r.height() - 2 * line - 6)

    def _place_head(self) -> None:
        """Name, then the tier badge right after it, the freshness on the right: moved, never
        laid out (the badge follows the name's width)."""
        head = getattr(self, "_head", None)
        if head is None:
            return
        fresh_w = min(
            head.width() // 2,
            self.freshness.fontMetrics().horizontalAdvance(self.freshness.text()) + 8,
        )
        self.freshness.setGeometry(head.right() + 1 - fresh_w, head.y(), fresh_w, head.height())
        self.tier.ensurePolished()
        badge = self.tier.sizeHint()
        room = head.width() - fresh_w - badge.width() - 16
        name_w = min(room, self.name.fontMetrics().horizontalAdvance(self.name.text()) + 4)
        self.name.setGeometry(head.x(), head.y(), max(0, name_w), head.height())
        self.tier.setGeometry(
            head.x() + name_w + 8,
            head.y() + (head.height() - badge.height()) // 2,
            badge.width(),
            badge.height(),
        )

    # -- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.copy_name_action.setText(self.tr("Copy name"))
        self.copy_id_action.setText(self.tr("Copy customer id"))
        caps = (self.tr("Customer id"), self.tr("Lifecycle"), self.tr("Lifetime value"))
        for label, text in zip(self._fact_labels, (*caps, self.tr("Language")), strict=True):
            label.setText(text)
        self._chrome.pixmap = None  # new titles and captions
        self.update()
        self.ivr_box.setTitle(self.tr("IVR and routing"))
        self.points_box.setTitle(self.tr("Talking points"))
        self.issues_box.setTitle(self.tr("Open issues"))
        self.purchases_box.setTitle(self.tr("Recent purchases"))
        self.interactions_box.setTitle(self.tr("Recent interactions"))
        for view in (self.purchases, self.issues, self.interactions):
            view.sync()
        if self.card is not None:
            self.set_card(self.card, self.call, self._now)

    def _copy(self, text: str) -> None:
        if self.card is not None and text and text != "—":
            QGuiApplication.clipboard().setText(text)

    def _age(self, value: Any, row: dict[str, Any]) -> str:
        ts = parse_time(value)
        return "—" if ts is None else fmt_age(self._now - ts)

    # -- data in -----------------------------------------------------------------------------
    def set_card(
        self,
        card: dict[str, Any],
        call: dict[str, Any] | None,
        now: float,
        changes: dict[str, Any] | None = None,
    ) -> None:
        self.card = card
        self.call = call
        self._now = now
        changes = changes or {}
        fields = changes.get("fields", set())
        customer = card.get("customer") or {}
        self.name.setText(customer.get("name") or self.tr("Unknown caller"))
        tier = customer.get("tier")
        self.tier.set_tier(tier, tier_label(tier))
        self.tier.setVisible(bool(customer))
        self.customer_id.setText(str(customer.get("customer_id") or "—"))
        self.lifecycle.setText(lifecycle_label(customer.get("lifecycle")))
        self.value.setText(fmt_money(customer.get("lifetime_value")))
        self.language.setText(language_label(customer.get("language")))
        phones = customer.get("phones") or []
        self.phones.setText(self.tr("Phones: %1").replace("%1", ", ".join(phones) or "—"))
        for widget, key in (
            (self.name, "name"),
            (self.tier, "tier"),
            (self.lifecycle, "lifecycle"),
            (self.value, "lifetime_value"),
            (self.language, "language"),
            (self.phones, "phones"),
        ):
            self._mark(widget, key in fields)
        self.purchases_model.set_rows(card.get("purchases", []), changes.get("purchases"))
        self.issues_model.set_rows(card.get("open_issues", []), changes.get("open_issues"))
        self.interactions_model.set_rows(card.get("interactions", []), changes.get("interactions"))
        for view in (self.purchases, self.issues, self.interactions):
            view.sync()
        self._place_head()
        self.set_call(call, now)

    def set_call(self, call: dict[str, Any] | None, now: float) -> None:
        self.call = call
        self.ivr.setText(self.ivr_text(call))
        route = (call or {}).get("route") or {}
        reason = route.get("reason")
        self.route.setText(
            self.tr("Why you: %1").replace("%1", route_reason_text(reason))
            if reason
            else self.tr("Why you: —")
        )
        pts = talking_points(self.card, call, now)
        if pts:
            self.points.setText("\n".join(f"\u2022 {text}" for _, text in pts))
        else:
            self.points.setText(self.tr("Nothing special on file."))
        self._place_points(self.points_box.inner())

    def ivr_text(self, call: dict[str, Any] | None) -> str:
        ivr = (call or {}).get("ivr") or {}
        if not ivr:
            return self.tr("IVR: no IVR data")
        verified = self.tr("verified") if ivr.get("verified") else self.tr("not verified")
        parts = [
            self.tr("menu %1").replace("%1", str(ivr.get("menu") or "—")),
            self.tr("intent %1").replace("%1", intent_label(ivr.get("intent"))),
            verified,
        ]
        if ivr.get("result") and ivr.get("result") != "ok":
            parts.append(ivr_result_label(str(ivr.get("result"))))
        queue = (call or {}).get("queue")
        if queue:
            parts.append(self.tr("queue %1").replace("%1", queue_label(queue)))
        return self.tr("IVR: %1").replace("%1", " · ".join(parts))

    def set_freshness(self, kind: str, as_of: float | None) -> None:
        """``kind``: ``local`` (replica only), ``central`` (refreshed) or ``offline``."""
        when = fmt_clock(as_of)
        if kind == "central":
            text = self.tr("up to date with central, %1").replace("%1", when)
        elif kind == "offline":
            text = self.tr("offline, as of %1").replace("%1", when)
        else:
            text = self.tr("local copy, as of %1").replace("%1", when)
        label = self.freshness
        before = (label.property("freshness"), label.text())
        label.setText(text)
        set_style_prop(label, "freshness", kind)
        fm = label.fontMetrics()
        if before[0] != kind or fm.horizontalAdvance(before[1]) != fm.horizontalAdvance(text):
            self._place_head()  # (a new time alone keeps the width: the digits are tabular)

    def tick(self, now: float) -> None:
        self._now = now

    def _mark(self, widget: QLabel, changed: bool) -> None:
        if widget is self.tier:
            widget.setToolTip(self.tr("Changed in central") if changed else "")
            return
        widget.setToolTip(self.tr("Changed in central") if changed else "")
        set_style_prop(widget, "changed", changed)
