"""A light, self-painted table for the card's short lists (purchases, open issues, interactions).

Data in: a ``DictTableModel`` (the rows and their formatted texts; ``model()`` returns it, as a
view's would), then ``sync()``. Out: ``rowActivated(row)`` on a double click or Enter.

Why not a ``QTableView``: on the pop path the three table views were over half of the card's
paint (item delegates, the style's cell and header panels, scroll bars, a viewport each), and
after a page switch more. Here one ``paintEvent`` fills the rows and draws the header and the
cell texts, elided once per ``sync``/resize, in the palette's colours (both themes).

Accessibility: the widget keeps its automation id (objectName + accessibleName), and its
accessible description lists every row as "header: value" pairs, so a screen reader reads the
list; Up/Down move the current row (selected, scrolled into view), the wheel scrolls, tooltips
give a cut cell's full text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.models import DictTableModel

ROW_H = 22
ELIDE_CACHE = 4096
PAD = 4
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CardList(QWidget):
    rowActivated = Signal(int)

    def __init__(
        self,
        model: DictTableModel,
        widths: Sequence[int],
        stretch: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._widths = list(widths)
        self._stretch = stretch
        self._x: list[tuple[int, int]] = []  # per column: x, width
        self._headers: list[str] = []
        self._headers_stale = True
        self._describe_pending = False
        #: the palette's colours the paint uses (looked up again on a palette or style change)
        self._colours: tuple[QColor, ...] | None = None
        self._texts: list[list[str]] = []  # as formatted by the model
        self._shown: list[list[str]] = []  # elided to the column widths
        #: per row, per cell: x, y offset in the row, the text to draw
        self._cells: list[list[tuple[int, int, QStaticText]]] = []
        self._header_cells: list[tuple[int, int, QStaticText]] = []
        self._bold: list[bool] = []
        self._right = [c.align_right for c in model.columns()]
        self._top = 0  # first row shown (scrolled)
        self._current = -1
        #: (text, column width, bold) -> the text elided to it: card texts repeat (dates,
        #: statuses, channels, products), and eliding shapes the text each time
        self._elided: dict[tuple[str, int, bool, bool], tuple[str, int, QStaticText]] = {}
        self._bold_font = QFont(self.font())
        self._bold_font.setBold(True)
        self._bold_fm = QFontMetrics(self._bold_font)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.sync()

    # -- data in -----------------------------------------------------------------------------
    def model(self) -> DictTableModel:
        return self._model

    def sync(self) -> None:
        """Take the model's rows (after ``set_rows``, or a language change): one repaint."""
        m = self._model
        before = len(self._texts), self._top
        if self._headers_stale:  # translated again only after a language change
            n = m.columnCount()
            self._headers = [str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(n)]
            self._headers_stale = False
            self.update(0, 0, self.width(), ROW_H + 1)
        self._texts = m.texts()
        self._bold = [m.is_changed(r) for r in range(len(self._texts))]
        self._top = 0
        self._current = -1
        self._elide()
        self._update_rows(before)
        # The accessible description right after this turn's paint, not before it (a pop
        # shows the rows first); ``describe()`` always answers for the rows now.
        if not self._describe_pending:
            self._describe_pending = True
            QTimer.singleShot(0, self, self._describe_now)

    def _update_rows(self, before: tuple[int, int]) -> None:
        """Repaint the rows that were or are now shown (a list of one issue in a box for six
        repaints a sixth of it), and the "more" line when there was or is one; not the header,
        which a new card leaves as it was."""
        was, was_top = before
        visible = self._visible_rows()
        rows = min(max(was - was_top, len(self._texts)), visible)
        if rows:
            self.update(0, ROW_H + 1, self.width(), ROW_H * rows + 1)
        if was - was_top > visible or was_top or len(self._texts) > visible:
            self.update(0, self.height() - ROW_H, self.width(), ROW_H)

    def _describe_now(self) -> None:
        self._describe_pending = False
        self.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        """Every row as "header: value" pairs (the accessible description)."""
        if not self._texts:
            return "0"
        rows = [
            ", ".join(f"{h}: {t}" for h, t in zip(self._headers, row, strict=False) if t)
            for row in self._texts
        ]
        return f"{len(rows)}: " + "; ".join(rows)

    # -- geometry ----------------------------------------------------------------------------
    def _columns_x(self) -> None:
        inner = self.width() - 2
        fixed = sum(w for i, w in enumerate(self._widths) if i != self._stretch)
        x = 1
        self._x = []
        for i, w in enumerate(self._widths):
            width = max(24, inner - fixed) if i == self._stretch else w
            self._x.append((x, width))
            x += width

    def _elide(self) -> None:
        """Each cell's text elided to its column, as a ``QStaticText`` (laid out once, drawn
        without re-shaping) with its offset in the cell; cached by (text, width, bold)."""
        if not self._x:
            self._columns_x()
        cache = self._elided
        if len(cache) > ELIDE_CACHE:
            cache.clear()
        dy = (ROW_H - self.fontMetrics().height()) // 2
        shown = []
        cells = []
        for row, bold in zip(self._texts, self._bold, strict=True):
            row_shown = []
            row_cells = []
            for t, (x, w), right in zip(row, self._x, self._right, strict=False):
                key = (t, w, bold, right)
                e = cache.get(key)
                if e is None:
                    e = cache[key] = self._cell(t, w, bold, right)
                row_shown.append(e[0])
                row_cells.append((x + e[1], dy, e[2]))
            shown.append(row_shown)
            cells.append(row_cells)
        self._shown = shown
        self._cells = cells
        header_cells = []
        for h, (x, w), right in zip(self._headers, self._x, self._right, strict=False):
            key = (h, w, False, right)
            e = cache.get(key)
            if e is None:
                e = cache[key] = self._cell(h, w, False, right)
            header_cells.append((x + e[1], dy, e[2]))
        self._header_cells = header_cells

    def _cell(self, text: str, width: int, bold: bool, right: bool) -> tuple[str, int, QStaticText]:
        fm = self._bold_metrics() if bold else self.fontMetrics()
        room = width - 2 * PAD
        advance = fm.horizontalAdvance(text)
        shown = text
        if advance > room:
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            advance = fm.horizontalAdvance(shown) if right else 0
        st = QStaticText(shown)
        st.setTextFormat(Qt.TextFormat.PlainText)
        return shown, PAD + (room - advance if right else 0), st

    def _bold_metrics(self) -> QFontMetrics:
        return self._bold_fm

    def _visible_rows(self) -> int:
        return max(0, (self.height() - ROW_H - 1) // ROW_H)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elided.clear()
        self._columns_x()
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colours = None
        if event.type() == QEvent.Type.LanguageChange:
            self._headers_stale = True
            self.sync()
        if event.type() == QEvent.Type.FontChange:
            self._bold_font = QFont(self.font())
            self._bold_font.setBold(True)
            self._bold_fm = QFontMetrics(self._bold_font)
            self._elided.clear()
            self._elide()

    def row_at(self, pos: QPoint) -> int:
        if pos.y() < ROW_H:
            return -1
        row = self._top + (pos.y() - ROW_H) // ROW_H
        return row if 0 <= row < len(self._texts) else -1

    # -- paint -------------------------------------------------------------------------------
    def _palette_colours(self) -> tuple[QColor, ...]:
        pal = self.palette()
        roles = (
            QPalette.ColorRole.Base,
            QPalette.ColorRole.Button,
            QPalette.ColorRole.Mid,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.AlternateBase,
            QPalette.ColorRole.Highlight,
            QPalette.ColorRole.HighlightedText,
            QPalette.ColorRole.PlaceholderText,
        )
        return tuple(QColor(pal.color(role)) for role in roles)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self._colours
        if colours is None:
            colours = self._colours = self._palette_colours()
        base, button, mid, button_text, text_c, alt, hi, hi_text, placeholder = colours
        p = QPainter(self)
        w, h = self.width(), self.height()
        p.fillRect(0, 0, w, h, base)
        p.setPen(mid)
        p.drawRect(0, 0, w - 1, h - 1)
        if event.rect().top() <= ROW_H:  # the header (a new card repaints only rows)
            p.fillRect(1, 1, w - 2, ROW_H - 1, button)
            p.drawLine(1, ROW_H, w - 2, ROW_H)
            p.setPen(button_text)
            for x, dy, st in self._header_cells:
                p.drawStaticText(x, dy, st)
        # rows
        font = self.font()
        bold_now = False
        y = ROW_H + 1
        end = min(len(self._shown), self._top + self._visible_rows())
        for r in range(self._top, end):
            if r == self._current:
                p.fillRect(1, y, w - 2, ROW_H, hi)
                p.setPen(hi_text)
            else:
                if (r - self._top) % 2:
                    p.fillRect(1, y, w - 2, ROW_H, alt)
                p.setPen(text_c)
            if self._bold[r] != bold_now:
                bold_now = self._bold[r]
                p.setFont(self._bold_font if bold_now else font)
            for x, dy, st in self._cells[r]:
                p.drawStaticText(x, y + dy, st)
            y += ROW_H
        hidden = len(self._shown) - end
        if hidden > 0 or self._top > 0:
            p.setFont(font)
            p.setPen(placeholder)
            more = f"{'▴ ' if self._top else ''}{'▾ +' + str(hidden) if hidden > 0 else ''}"
            p.drawText(QRect(1, h - ROW_H + 2, w - 2 - PAD, ROW_H - 3), _RIGHT, more)
        if self.hasFocus() and self._current < 0:
            p.setPen(hi)
            p.drawRect(1, 1, w - 3, h - 3)
        p.end()

    # -- interaction -------------------------------------------------------------------------
    def _set_current(self, row: int) -> None:
        if not self._texts:
            return
        row = max(0, min(len(self._texts) - 1, row))
        self._current = row
        visible = max(1, self._visible_rows())
        if row < self._top:
            self._top = row
        elif row >= self._top + visible:
            self._top = row - visible + 1
        self.update()

    def current_row(self) -> int:
        return self._current

    def selectRow(self, row: int) -> None:  # QTableView's name, for its callers
        """Make ``row`` the current (highlighted) row, scrolled into view."""
        self._set_current(row)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row >= 0:
            self._set_current(row)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().toPoint())
        if row >= 0:
            self._set_current(row)  # the row opened is the one shown current
            self.rowActivated.emit(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._set_current(self._current + 1)
        elif key == Qt.Key.Key_Up:
            self._set_current(self._current - 1 if self._current > 0 else 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current >= 0:
            self.rowActivated.emit(self._current)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = -1 if event.angleDelta().y() > 0 else 1
        top = max(0, min(len(self._texts) - self._visible_rows(), self._top + step))
        if top != self._top:
            self._top = top
            self.update()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = event.pos()
            row = self.row_at(pos)
            text = ""
            if row >= 0:
                for c, (x, cw) in enumerate(self._x):
                    if x <= pos.x() < x + cw and self._shown[row][c] != self._texts[row][c]:
                        text = self._texts[row][c]
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
