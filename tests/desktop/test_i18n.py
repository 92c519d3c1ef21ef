"""English and Simplified Chinese: the .qm files load and every visible string is translated."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.i18n import I18N_DIR, install_translators, remove_translators, resolve_language
from desktop.widgets.main_window import PAGE_CARD, MainWindow


@pytest.fixture
def chinese(qapp: QApplication) -> Any:
    translators = install_translators(qapp, "zh_CN")
    yield translators
    remove_translators(qapp, translators)
    install_translators(qapp, "en")


def test_language_resolution() -> None:
    assert resolve_language("zh_CN") == "zh_CN"
    assert resolve_language("zh-Hans") == "zh_CN"
    assert resolve_language("en_GB") == "en"
    assert resolve_language("fr") == "en"


def test_chinese_ui(qtbot: Any, chinese: Any, sample_card: dict, sample_call: dict) -> None:
    assert chinese, "agentdesk_zh_CN.qm did not load"
    w = MainWindow("1.0")
    qtbot.addWidget(w)
    w.banner.show_offer(sample_call, None, 0.0)
    w.card.set_card(sample_card, sample_call, 0.0)
    w.show_page(PAGE_CARD)
    assert w.banner.answer.text() == "接听"
    assert w.banner.reject.text() == "拒接"
    assert w.menu_call.title() == "通话(&C)"
    assert w.card.tier.text() == "白金"
    assert w.card.lifecycle.text() == "新客户"
    assert w.card.issues.model().headerData(1, Qt.Orientation.Horizontal) == "工单"
    qtbot.waitUntil(lambda: "工单: " in w.card.issues.accessibleDescription(), timeout=30_000)
    assert "白金客户" in w.card.points.text()
    assert w.status.connection.text() == "离线"
    assert w.wrapup.save.text() == "保存并完成"


def _messages(ts: Path) -> list[tuple[str, str, Any]]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            out.append((name, m.findtext("source") or "", m.find("translation")))
    return out


def test_every_string_is_in_the_ts_and_translated(tmp_path: Path) -> None:
    ts = I18N_DIR / "agentdesk_zh_CN.ts"
    translated = {(c, s) for c, s, t in _messages(ts) if t is not None and t.get("type") is None}
    untranslated = [(c, s) for c, s, t in _messages(ts) if t is None or t.get("type")]
    assert not untranslated
    # a fresh scan of the sources finds nothing the .ts file lacks
    sys.path.insert(0, str(I18N_DIR))
    try:
        import update  # resources/i18n/update.py
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *update.sources(), "-ts", str(fresh)], check=True,
                   capture_output=True)  # fmt: skip
    scanned = {(c, s) for c, s, _ in _messages(fresh)}
    # the scan covers the supervisor console too (desktop/supervisor, widgets/supervisor_*)
    supervisor = {
        "SupervisorConsole",
        "BoardView",
        "IntervalChart",
        "TierChart",
        "ForceStateDialog",
    }
    assert supervisor <= {c for c, _ in scanned}
    assert scanned - translated == set()
    # the shipped .qm is what the .ts compiles to (not stale), whatever the files' mtimes
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    compiled = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(compiled)], check=True,
                   capture_output=True)  # fmt: skip
    assert compiled.read_bytes() == (I18N_DIR / "agentdesk_zh_CN.qm").read_bytes()


def test_labels_follow_the_language_both_ways(qapp: QApplication) -> None:
    """The label tables are translated once per language: installing and removing the Chinese
    translators must show in the very next label (no table kept from the other language)."""
    from desktop.widgets.common import channel_label, queue_label, tier_label

    assert (tier_label("platinum"), queue_label("billing")) == ("Platinum", "Billing")
    translators = install_translators(qapp, "zh_CN")
    try:
        assert tier_label("platinum") == "白金"
        assert channel_label("phone") != "phone" and queue_label("billing") != "Billing"
    finally:
        remove_translators(qapp, translators)
    assert (tier_label("platinum"), channel_label("phone")) == ("Platinum", "phone")
