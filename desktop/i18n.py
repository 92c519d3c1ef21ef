"""UI language: English (source strings) and Simplified Chinese (``resources/i18n/*.qm``).

``language`` is ``en``, ``zh_CN`` or empty (follow the system locale; ``--lang`` overrides).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agentdesk.resources import resource_path
from desktop.widgets.common import clear_label_cache

log = logging.getLogger(__name__)

I18N_DIR = resource_path("i18n")
SUPPORTED = ("en", "zh_CN")


def resolve_language(language: str | None) -> str:
    """``en`` or ``zh_CN`` for a setting (``zh``, ``zh-CN``, ``zh_Hans`` ... count as Chinese)."""
    lang = (language or "").strip()
    if not lang:
        lang = QLocale.system().name()
    norm = lang.replace("-", "_").lower()
    if norm.startswith("zh"):
        return "zh_CN"
    return "en"


def install_translators(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Install the app's (and Qt's own) translators; returns them (keep them alive)."""
    lang = resolve_language(language)
    clear_label_cache()
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(lang))
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"agentdesk_{lang}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation file for %s in %s", lang, I18N_DIR)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
    clear_label_cache()
