"""What the IVR and the switchboard say about a call, in the UI's language.

The switchboard writes ``route.reason`` as one English sentence (CONTRACT section 3) and the IVR
sends intents as codes (``router_setup``). The desktop translates both on its side:

* ``intent_label``: the intents the IVR is known to send (``telephony.ivrsim.MENUS`` and the
  demo's), else the code with its underscores as spaces;
* ``route_reason_text``: the switchboard's known sentence shapes (``telephony.routing`` ``_reason``:
  rule and step, last agent, callback, transfers) are recognised and rebuilt from translated
  phrases, with the rule name, queue and agent ids inserted (queue ids get their translated
  label; rule names are the site's own words and stay as configured). A sentence of any other
  shape is shown as received, so nothing the switchboard says is ever lost.

Pure functions of their input (translated through ``QCoreApplication.translate``).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop.widgets.common import queue_label, tier_label


def intent_label(intent: str | None) -> str:
    if not intent:
        return "—"
    labels = {
        "new_plan": QCoreApplication.translate("RouteText", "new plan"),
        "upgrade": QCoreApplication.translate("RouteText", "upgrade"),
        "pricing": QCoreApplication.translate("RouteText", "pricing"),
        "bill_question": QCoreApplication.translate("RouteText", "bill question"),
        "billing_question": QCoreApplication.translate("RouteText", "bill question"),
        "payment": QCoreApplication.translate("RouteText", "payment"),
        "refund": QCoreApplication.translate("RouteText", "refund"),
        "double_charge": QCoreApplication.translate("RouteText", "charged twice"),
        "no_signal": QCoreApplication.translate("RouteText", "no signal"),
        "slow_internet": QCoreApplication.translate("RouteText", "slow internet"),
        "device_repair": QCoreApplication.translate("RouteText", "device repair"),
        "router_setup": QCoreApplication.translate("RouteText", "router setup"),
        "operator": QCoreApplication.translate("RouteText", "asked for an operator"),
    }
    return labels.get(intent, intent.replace("_", " "))


def ivr_result_label(result: str | None) -> str:
    labels = {
        "ok": QCoreApplication.translate("RouteText", "completed"),
        "timeout": QCoreApplication.translate("RouteText", "timed out"),
        "invalid": QCoreApplication.translate("RouteText", "invalid input"),
        "agent_requested": QCoreApplication.translate("RouteText", "asked for an agent"),
    }
    return labels.get(result or "", (result or "").replace("_", " "))


_AFTER = r"(?: after (?P<after>\d+(?:\.\d+)?) s)?"
_SKILL = r"(?: with skill >= (?P<skill>\d+))?"
_STEP = re.compile(
    rf"^(?P<head>.+), step (?P<step>\d+): (?P<queue>[\w.-]+) agents{_SKILL}{_AFTER}$"
)
_CALLBACK = re.compile(rf"^(?P<head>.+), step (?P<step>\d+): callback offered{_AFTER}$")
_TRANSFER_QUEUE = re.compile(
    rf"^transfer from (?P<agent>[\w.-]+): (?P<queue>[\w.-]+) agents{_SKILL}$"
)
_TRANSFER_AGENT = re.compile(rf"^transferred to (?P<agent>[\w.-]+){_AFTER}$")
_LAST_ISSUE = re.compile(r"^(?P<who>.+?); you handled their open issue (?P<issue>\S+)$")
_LAST_CALL = re.compile(r"^(?P<who>.+?); you handled their last call$")


def _caller(who: str) -> str:
    if who == "caller":
        return QCoreApplication.translate("RouteText", "Caller")
    if who == "known caller":
        return QCoreApplication.translate("RouteText", "Known caller")
    if who.endswith(" caller"):
        return QCoreApplication.translate("RouteText", "%1 caller").replace(
            "%1", tier_label(who[: -len(" caller")])
        )
    return who


def _tail(m: re.Match[str]) -> str:
    out = ""
    if m.groupdict().get("skill"):
        out += QCoreApplication.translate("RouteText", " with skill >= %1").replace(
            "%1", m["skill"]
        )
    if m.groupdict().get("after"):
        out += QCoreApplication.translate("RouteText", " after %1 s").replace("%1", m["after"])
    return out


def route_reason_text(reason: str | None) -> str:
    """The switchboard's ``route.reason`` in the UI language (as received if not recognised)."""
    text = (reason or "").strip()
    if not text:
        return ""
    if m := _TRANSFER_QUEUE.match(text):
        return QCoreApplication.translate("RouteText", "transferred by %1: %2 agents").replace(
            "%1", m["agent"]
        ).replace("%2", queue_label(m["queue"])) + _tail(m)
    if m := _TRANSFER_AGENT.match(text):
        return QCoreApplication.translate("RouteText", "transferred to %1").replace(
            "%1", m["agent"]
        ) + _tail(m)
    if m := _LAST_ISSUE.match(text):
        return (
            QCoreApplication.translate("RouteText", "%1; you handled their open issue %2")
            .replace("%1", _caller(m["who"]))
            .replace("%2", m["issue"])
        )
    if m := _LAST_CALL.match(text):
        return QCoreApplication.translate("RouteText", "%1; you handled their last call").replace(
            "%1", _caller(m["who"])
        )
    if m := _CALLBACK.match(text):
        return QCoreApplication.translate("RouteText", "%1, step %2: callback offered").replace(
            "%1", _head(m["head"])
        ).replace("%2", m["step"]) + _tail(m)
    if m := _STEP.match(text):
        return QCoreApplication.translate("RouteText", "%1, step %2: %3 agents").replace(
            "%1", _head(m["head"])
        ).replace("%2", m["step"]).replace("%3", queue_label(m["queue"])) + _tail(m)
    return text


def _head(head: str) -> str:
    return (
        QCoreApplication.translate("RouteText", "no rule matched")
        if head == "no rule matched"
        else head
    )
