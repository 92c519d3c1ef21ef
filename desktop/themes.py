"""Light and dark themes: a Fusion palette plus ``resources/themes/<name>.qss``."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from agentdesk.resources import resource_path
from desktop.widgets.common import tier_qss

THEMES_DIR = resource_path("themes")
THEMES = ("light", "dark")

_PALETTES = {
    "light": {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1f2328",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f3f7",
        QPalette.ColorRole.Text: "#1f2328",
        QPalette.ColorRole.Button: "#e8eaee",
        QPalette.ColorRole.ButtonText: "#1f2328",
        QPalette.ColorRole.Highlight: "#2f6fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffe8",
        QPalette.ColorRole.ToolTipText: "#1f2328",
        QPalette.ColorRole.PlaceholderText: "#6b7280",
    },
    "dark": {
        QPalette.ColorRole.Window: "#1e2126",
        QPalette.ColorRole.WindowText: "#e6e8eb",
        QPalette.ColorRole.Base: "#15171b",
        QPalette.ColorRole.AlternateBase: "#1c1f24",
        QPalette.ColorRole.Text: "#e6e8eb",
        QPalette.ColorRole.Button: "#2b2f36",
        QPalette.ColorRole.ButtonText: "#e6e8eb",
        QPalette.ColorRole.Highlight: "#3d7be0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2f36",
        QPalette.ColorRole.ToolTipText: "#e6e8eb",
        QPalette.ColorRole.PlaceholderText: "#8b929c",
    },
}


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` (unknown names fall back to light); returns the theme applied."""
    name = theme if theme in THEMES else "light"
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in _PALETTES[name].items():
        palette.setColor(role, QColor(colour))
    disabled = "#9aa0a6" if name == "light" else "#5f6670"
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    app.setPalette(palette)
    qss = THEMES_DIR / f"{name}.qss"
    text = qss.read_text("utf-8") if qss.is_file() else ""
    app.setStyleSheet(text + "\n" + tier_qss())
    app.setProperty("agentdeskTheme", name)
    return name
