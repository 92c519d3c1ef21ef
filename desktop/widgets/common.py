"""Small helpers shared by the views: automation ids, tier colours, formatting.

Views take plain data (dicts from the CONTRACT card and bus records) and emit signals; nothing
here touches the store or the bus.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

#: Badge colours per tier: white text on these backgrounds is readable in light and dark themes
#: (contrast ratio >= 4.5 against #ffffff for each).
TIER_COLOURS: dict[str, str] = {
    "platinum": "#4b3f8f",
    "gold": "#8a5a00",
    "silver": "#4f5b66",
    "standard": "#2d6a4f",
}


def set_ids(widget: QWidget, name: str) -> QWidget:
    """Give ``widget`` the automation id ``name`` as objectName and accessibleName."""
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    return widget


def set_style_prop(widget: QWidget, name: str, value: object) -> None:
    """Set a property the stylesheet selects on, re-polishing only when it changes (cheap)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def tier_qss() -> str:
    """Stylesheet rules of the tier badges (added to every theme)."""
    rules = [
        'QLabel[role="tierBadge"] { color: #ffffff; border-radius: 4px; padding: 2px 8px; '
        "font-weight: bold; background: #555555; }"
    ]
    for tier, colour in TIER_COLOURS.items():
        rules.append(f'QLabel[role="tierBadge"][tier="{tier}"] {{ background: {colour}; }}')
    return "\n".join(rules)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


#: the label tables: (key, source text) per kind, translated once per language (``_table``)
TIER_LABELS = (
    ("platinum", QT_TRANSLATE_NOOP("Tier", "Platinum")),
    ("gold", QT_TRANSLATE_NOOP("Tier", "Gold")),
    ("silver", QT_TRANSLATE_NOOP("Tier", "Silver")),
    ("standard", QT_TRANSLATE_NOOP("Tier", "Standard")),
)
LIFECYCLE_LABELS = (
    ("prospect", QT_TRANSLATE_NOOP("Lifecycle", "Prospect")),
    ("new", QT_TRANSLATE_NOOP("Lifecycle", "New customer")),
    ("established", QT_TRANSLATE_NOOP("Lifecycle", "Established")),
    ("expanding", QT_TRANSLATE_NOOP("Lifecycle", "Expanding")),
)
LANGUAGE_LABELS = (
    ("zh", QT_TRANSLATE_NOOP("Language", "Chinese")),
    ("zh_CN", QT_TRANSLATE_NOOP("Language", "Chinese")),
    ("en", QT_TRANSLATE_NOOP("Language", "English")),
)
STATUS_LABELS = (
    ("open", QT_TRANSLATE_NOOP("IssueStatus", "open")),
    ("pending", QT_TRANSLATE_NOOP("IssueStatus", "pending")),
    ("resolved", QT_TRANSLATE_NOOP("IssueStatus", "resolved")),
    ("closed", QT_TRANSLATE_NOOP("IssueStatus", "closed")),
)
PRIORITY_LABELS = (
    ("low", QT_TRANSLATE_NOOP("IssuePriority", "low")),
    ("normal", QT_TRANSLATE_NOOP("IssuePriority", "normal")),
    ("high", QT_TRANSLATE_NOOP("IssuePriority", "high")),
    ("urgent", QT_TRANSLATE_NOOP("IssuePriority", "urgent")),
)
STATE_LABELS = (
    ("logged_out", QT_TRANSLATE_NOOP("AgentState", "Logged out")),
    ("ready", QT_TRANSLATE_NOOP("AgentState", "Ready")),
    ("not_ready", QT_TRANSLATE_NOOP("AgentState", "Not ready")),
    ("reserved", QT_TRANSLATE_NOOP("AgentState", "Ringing")),
    ("on_call", QT_TRANSLATE_NOOP("AgentState", "On call")),
    ("wrap_up", QT_TRANSLATE_NOOP("AgentState", "Wrap-up")),
)
REASON_LABELS = (
    ("break", QT_TRANSLATE_NOOP("Reason", "Break")),
    ("lunch", QT_TRANSLATE_NOOP("Reason", "Lunch")),
    ("meeting", QT_TRANSLATE_NOOP("Reason", "Meeting")),
    ("training", QT_TRANSLATE_NOOP("Reason", "Training")),
    ("after_call_work", QT_TRANSLATE_NOOP("Reason", "After-call work")),
    ("personal", QT_TRANSLATE_NOOP("Reason", "Personal")),
    ("login", QT_TRANSLATE_NOOP("Reason", "Just logged in")),
    ("no_answer", QT_TRANSLATE_NOOP("Reason", "Missed calls")),
)
DISPOSITION_LABELS = (
    ("resolved", QT_TRANSLATE_NOOP("Disposition", "Resolved")),
    ("follow_up", QT_TRANSLATE_NOOP("Disposition", "Follow-up needed")),
    ("escalated", QT_TRANSLATE_NOOP("Disposition", "Escalated")),
    ("sale", QT_TRANSLATE_NOOP("Disposition", "Sale")),
    ("no_action", QT_TRANSLATE_NOOP("Disposition", "No action")),
    ("wrong_number", QT_TRANSLATE_NOOP("Disposition", "Wrong number")),
)
CHANNEL_LABELS = (
    ("phone", QT_TRANSLATE_NOOP("Channel", "phone")),
    ("email", QT_TRANSLATE_NOOP("Channel", "email")),
    ("chat", QT_TRANSLATE_NOOP("Channel", "chat")),
    ("sms", QT_TRANSLATE_NOOP("Channel", "SMS")),
    ("web", QT_TRANSLATE_NOOP("Channel", "web")),
    ("visit", QT_TRANSLATE_NOOP("Channel", "visit")),
)
QUEUE_LABELS = (
    ("vip", QT_TRANSLATE_NOOP("Queue", "VIP")),
    ("billing", QT_TRANSLATE_NOOP("Queue", "Billing")),
    ("tech", QT_TRANSLATE_NOOP("Queue", "Technical support")),
    ("sales", QT_TRANSLATE_NOOP("Queue", "Sales")),
    ("general", QT_TRANSLATE_NOOP("Queue", "General")),
)

_TABLES: dict[str, dict[str, str]] = {}


def clear_label_cache() -> None:
    """Forget the translated label tables: a translator was installed or removed."""
    _TABLES.clear()


def _table(context: str, items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """``items`` translated in ``context``, built once per language: the card formats dozens of
    labels per pop, and building each table anew cost a translation per entry every time."""
    table = _TABLES.get(context)
    if table is None:
        table = _TABLES[context] = {k: QCoreApplication.translate(context, t) for k, t in items}
    return table


def tier_label(tier: str | None) -> str:
    labels = _table("Tier", TIER_LABELS)
    if not tier:
        return QCoreApplication.translate("Tier", "No tier")
    return labels.get(tier, tier)


def lifecycle_label(stage: str | None) -> str:
    labels = _table("Lifecycle", LIFECYCLE_LABELS)
    return labels.get(stage or "", stage or "—")


def language_label(lang: str | None) -> str:
    if not lang:
        return "—"
    labels = _table("Language", LANGUAGE_LABELS)
    return labels.get(lang, labels.get(lang.split("_")[0].split("-")[0], lang))


def status_label(status: str | None) -> str:
    labels = _table("IssueStatus", STATUS_LABELS)
    return labels.get(status or "", status or "")


def priority_label(priority: str | None) -> str:
    labels = _table("IssuePriority", PRIORITY_LABELS)
    return labels.get(priority or "", priority or "")


def state_label(state: str | None) -> str:
    labels = _table("AgentState", STATE_LABELS)
    return labels.get(state or "", state or "—")


def reason_label(reason: str | None) -> str:
    labels = _table("Reason", REASON_LABELS)
    return labels.get(reason or "", (reason or "").replace("_", " "))


def disposition_label(code: str | None) -> str:
    labels = _table("Disposition", DISPOSITION_LABELS)
    return labels.get(code or "", (code or "").replace("_", " "))


def channel_label(channel: str | None) -> str:
    labels = _table("Channel", CHANNEL_LABELS)
    return labels.get(channel or "", channel or "")


def queue_label(queue: str | None) -> str:
    labels = _table("Queue", QUEUE_LABELS)
    return labels.get(queue or "", queue or "—")


@lru_cache(maxsize=8192)
def parse_time(value: str | float | None) -> float | None:
    """Unix seconds from a card ISO time (``2026-11-20T10:45:00Z``) or a number (cached: card
    times repeat from pop to pop, and parsing one is a good part of formatting it)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


# Local wall-clock formatting with ``time.strftime(time.localtime())``: the same text as
# ``datetime.fromtimestamp(ts).astimezone().strftime()`` at a fraction of the cost (the card
# formats a dozen dates per pop).


def fmt_datetime(value: str | float | None) -> str:
    ts = parse_time(value)
    if ts is None:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts))


@lru_cache(maxsize=8192)
def fmt_date(value: str | float | None) -> str:
    ts = parse_time(value)
    if ts is None:
        return "—"
    return time.strftime("%Y-%m-%d", time.localtime(ts))


def fmt_clock(ts: float | None) -> str:
    if ts is None:
        return "—"
    return time.strftime("%H:%M:%S", time.localtime(ts))


def fmt_duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def fmt_age(seconds: float) -> str:
    seconds = max(0.0, seconds)
    days = int(seconds // 86400)
    if days >= 1:
        return QCoreApplication.translate("Age", "%1 d").replace("%1", str(days))
    hours = int(seconds // 3600)
    if hours >= 1:
        return QCoreApplication.translate("Age", "%1 h").replace("%1", str(hours))
    return QCoreApplication.translate("Age", "%1 min").replace("%1", str(int(seconds // 60)))


def fmt_money(amount: float | int | None, currency: str | None = None) -> str:
    if amount is None:
        return "—"
    text = f"{float(amount):,.2f}"
    return f"{currency} {text}" if currency else text
