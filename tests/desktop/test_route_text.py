"""IVR intents and the switchboard's routing reasons, shown in the UI's language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.i18n import install_translators, remove_translators
from desktop.route_text import intent_label, ivr_result_label, route_reason_text
from tests.desktop.conftest import WAIT_MS

#: every sentence shape of ``telephony.routing.RoutingEngine._reason``
REASONS = [
    "billing menu, step 1: billing agents with skill >= 4",
    "billing menu, step 3: general agents after 60 s",
    "no rule matched, step 1: general agents",
    "billing menu, step 4: callback offered after 180 s",
    "transfer from A007: tech agents",
    "transferred to A002",
    "gold caller; you handled their open issue I00000554",
    "known caller; you handled their last call",
]


@pytest.fixture
def chinese(qapp: QApplication) -> Any:
    translators = install_translators(qapp, "zh_CN")
    yield translators
    remove_translators(qapp, translators)
    install_translators(qapp, "en")


def test_english() -> None:
    got = [route_reason_text(r) for r in REASONS]
    assert got == [
        "billing menu, step 1: Billing agents with skill >= 4",
        "billing menu, step 3: General agents after 60 s",
        "no rule matched, step 1: General agents",
        "billing menu, step 4: callback offered after 180 s",
        "transferred by A007: Technical support agents",
        "transferred to A002",
        "Gold caller; you handled their open issue I00000554",
        "Known caller; you handled their last call",
    ]
    assert intent_label("router_setup") == "router setup"
    assert intent_label("some_new_intent") == "some new intent"
    assert intent_label(None) == "—"
    assert ivr_result_label("agent_requested") == "asked for an agent"


def test_chinese(chinese: Any) -> None:
    assert chinese
    got = [route_reason_text(r) for r in REASONS]
    assert got == [
        "billing menu，第 1 步：账务坐席（技能 ≥ 4）",
        "billing menu，第 3 步：综合坐席（等待 60 秒后）",
        "未匹配任何规则，第 1 步：综合坐席",
        "billing menu，第 4 步：提供回呼（等待 180 秒后）",
        "由 A007 转接：技术支持坐席",
        "转接给 A002",
        "黄金客户；您处理过其未结工单 I00000554",
        "已知客户；您处理过其上一通来电",
    ]
    assert intent_label("router_setup") == "路由器设置"
    assert intent_label("double_charge") == "重复扣费"
    assert ivr_result_label("timeout") == "超时"


def test_unknown_sentences_are_shown_as_received(chinese: Any) -> None:
    for text in ("VIP queue, longest idle agent.", "按技能分配", ""):
        assert route_reason_text(text) == text


def test_the_switchboards_reason_on_the_chinese_card(
    desk_env: Any, qtbot: Any, chinese: Any
) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(desk_env.seeded.known_phone)
    reason = c.call["route"]["reason"]
    assert reason == "billing menu, step 1: general agents"  # TEST_RULES, as the bus says it
    assert w.card.route.text() == "分配原因：billing menu，第 1 步：综合坐席"
    assert "意图 账单疑问" in w.card.ivr.text()
