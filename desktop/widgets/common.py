"""Small helpers shared by the views: automation ids, tier colours, formatting.

Views take plain data (dicts from the CONTRACT card and bus records) and emit signals; nothing
here touches the store or the bus.
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QCoreApplication
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


def tier_label(tier: str | None) -> str:
    labels = {
        "platinum": QCoreApplication.translate("Tier", "Platinum"),
        "gold": QCoreApplication.translate("Tier", "Gold"),
        "silver": QCoreApplication.translate("Tier", "Silver"),
        "standard": QCoreApplication.translate("Tier", "Standard"),
    }
    if not tier:
        return QCoreApplication.translate("Tier", "No tier")
    return labels.get(tier, tier)


def lifecycle_label(stage: str | None) -> str:
    labels = {
        "prospect": QCoreApplication.translate("Lifecycle", "Prospect"),
        "new": QCoreApplication.translate("Lifecycle", "New customer"),
        "established": QCoreApplication.translate("Lifecycle", "Established"),
        "expanding": QCoreApplication.translate("Lifecycle", "Expanding"),
    }
    return labels.get(stage or "", stage or "—")


def language_label(lang: str | None) -> str:
    if not lang:
        return "—"
    labels = {
        "zh": QCoreApplication.translate("Language", "Chinese"),
        "zh_CN": QCoreApplication.translate("Language", "Chinese"),
        "en": QCoreApplication.translate("Language", "English"),
    }
    return labels.get(lang, labels.get(lang.split("_")[0].split("-")[0], lang))


def status_label(status: str | None) -> str:
    labels = {
        "open": QCoreApplication.translate("IssueStatus", "open"),
        "pending": QCoreApplication.translate("IssueStatus", "pending"),
        "resolved": QCoreApplication.translate("IssueStatus", "resolved"),
        "closed": QCoreApplication.translate("IssueStatus", "closed"),
    }
    return labels.get(status or "", status or "")


def priority_label(priority: str | None) -> str:
    labels = {
        "low": QCoreApplication.translate("IssuePriority", "low"),
        "normal": QCoreApplication.translate("IssuePriority", "normal"),
        "high": QCoreApplication.translate("IssuePriority", "high"),
        "urgent": QCoreApplication.translate("IssuePriority", "urgent"),
    }
    return labels.get(priority or "", priority or "")


def state_label(state: str | None) -> str:
    labels = {
        "logged_out": QCoreApplication.translate("AgentState", "Logged out"),
        "ready": QCoreApplication.translate("AgentState", "Ready"),
        "not_ready": QCoreApplication.translate("AgentState", "Not ready"),
        "reserved": QCoreApplication.translate("AgentState", "Ringing"),
        "on_call": QCoreApplication.translate("AgentState", "On call"),
        "wrap_up": QCoreApplication.translate("AgentState", "Wrap-up"),
    }
    return labels.get(state or "", state or "—")


def reason_label(reason: str | None) -> str:
    labels = {
        "break": QCoreApplication.translate("Reason", "Break"),
        "lunch": QCoreApplication.translate("Reason", "Lunch"),
        "meeting": QCoreApplication.translate("Reason", "Meeting"),
        "training": QCoreApplication.translate("Reason", "Training"),
        "after_call_work": QCoreApplication.translate("Reason", "After-call work"),
        "personal": QCoreApplication.translate("Reason", "Personal"),
        "login": QCoreApplication.translate("Reason", "Just logged in"),
        "no_answer": QCoreApplication.translate("Reason", "Missed calls"),
    }
    return labels.get(reason or "", (reason or "").replace("_", " "))


def disposition_label(code: str | None) -> str:
    labels = {
        "resolved": QCoreApplication.translate("Disposition", "Resolved"),
        "follow_up": QCoreApplication.translate("Disposition", "Follow-up needed"),
        "escalated": QCoreApplication.translate("Disposition", "Escalated"),
        "sale": QCoreApplication.translate("Disposition", "Sale"),
        "no_action": QCoreApplication.translate("Disposition", "No action"),
        "wrong_number": QCoreApplication.translate("Disposition", "Wrong number"),
    }
    return labels.get(code or "", (code or "").replace("_", " "))


def channel_label(channel: str | None) -> str:
    labels = {
        "phone": QCoreApplication.translate("Channel", "phone"),
        "email": QCoreApplication.translate("Channel", "email"),
        "chat": QCoreApplication.translate("Channel", "chat"),
        "sms": QCoreApplication.translate("Channel", "SMS"),
        "web": QCoreApplication.translate("Channel", "web"),
        "visit": QCoreApplication.translate("Channel", "visit"),
    }
    return labels.get(channel or "", channel or "")


def queue_label(queue: str | None) -> str:
    labels = {
        "vip": QCoreApplication.translate("Queue", "VIP"),
        "billing": QCoreApplication.translate("Queue", "Billing"),
        "tech": QCoreApplication.translate("Queue", "Technical support"),
        "sales": QCoreApplication.translate("Queue", "Sales"),
        "general": QCoreApplication.translate("Queue", "General"),
    }
    return labels.get(queue or "", queue or "—")


def parse_time(value: str | float | None) -> float | None:
    """Unix seconds from a card ISO time (``2026-11-20T10:45:00Z``) or a number."""
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
