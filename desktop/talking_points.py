"""Talking points derived from the card and the call (issue 4, "The pop").

A pure function of its inputs (data in, translated sentences out); the view only lists them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.widgets.common import fmt_date, parse_time, queue_label, status_label, tier_label

RECENT_PURCHASE_DAYS = 30
TOP_TIERS = ("platinum", "gold")


def transfer_info(call: dict[str, Any] | None) -> dict[str, Any] | None:
    """Who transferred this call and from which queue: ``{"agent_id", "agent_name", "queue"}``
    (``queue`` None when unknown), or None for a call that was not transferred.

    1. An explicit origin on the Call record, when the switchboard carries one (CONTRACT allows
       added fields): ``transfer`` or ``transferred_from``, a dict with ``from_agent`` (or
       ``agent_id``), optional ``from_agent_name`` (``agent_name``) and ``from_queue``
       (``queue``).
    2. Else the routing: the switchboard routes a transferred call by a rule named
       ``transfer from <agent>``. The origin queue is known only for a transfer to a named agent
       (its fallback step is the call's old queue, which the record's ``queue`` then shows);
       after a transfer to a queue, ``queue`` is the new one, so the origin is left unknown
       rather than shown wrong.
    """
    if not call:
        return None
    info = call.get("transfer") or call.get("transferred_from")
    if isinstance(info, dict) and (info.get("agent_id") or info.get("from_agent")):
        return {
            "agent_id": info.get("from_agent") or info.get("agent_id"),
            "agent_name": info.get("from_agent_name") or info.get("agent_name"),
            "queue": info.get("from_queue") or info.get("queue"),
        }
    route = call.get("route") or {}
    rule = str(route.get("rule") or "")
    if rule.startswith("transfer from "):
        to_agent = str(route.get("reason") or "").startswith("transferred to ")
        return {
            "agent_id": rule[len("transfer from ") :].strip(),
            "agent_name": None,
            "queue": call.get("queue") if to_agent else None,
        }
    return None


def talking_points(
    card: dict[str, Any] | None, call: dict[str, Any] | None, now: float
) -> list[tuple[str, str]]:
    """``[(kind, sentence)]`` best first; kinds: transfer, tier, issue, purchase, onboarding."""
    points: list[tuple[str, str]] = []
    xfer = transfer_info(call)
    if xfer:
        who = xfer.get("agent_name") or xfer.get("agent_id") or "?"
        if xfer.get("queue"):
            text = (
                QCoreApplication.translate(
                    "TalkingPoints", "Transferred by %1 (queue %2): confirm what was already done."
                )
                .replace("%1", str(who))
                .replace("%2", queue_label(xfer["queue"]))
            )
        else:
            text = QCoreApplication.translate(
                "TalkingPoints", "Transferred by %1: confirm what was already done."
            ).replace("%1", str(who))
        points.append(("transfer", text))
    customer = (card or {}).get("customer") or None
    if not customer:
        return points
    tier = customer.get("tier")
    if tier in TOP_TIERS:
        points.append(
            (
                "tier",
                QCoreApplication.translate(
                    "TalkingPoints", "%1 customer: priority treatment, warm hand-offs only."
                ).replace("%1", tier_label(tier)),
            )
        )
    for issue in (card or {}).get("open_issues", [])[:3]:
        owner = issue.get("owner_agent_id") or QCoreApplication.translate("TalkingPoints", "nobody")
        points.append(
            (
                "issue",
                QCoreApplication.translate(
                    "TalkingPoints",
                    "Open issue #%1 “%2” is %3, owned by %4: give the latest status.",
                )
                .replace("%1", str(issue.get("issue_id")))
                .replace("%2", str(issue.get("title") or ""))
                .replace("%3", status_label(issue.get("status")))
                .replace("%4", str(owner)),
            )
        )
    for purchase in (card or {}).get("purchases", []):
        ts = parse_time(purchase.get("purchased_at"))
        if ts is not None and now - ts <= RECENT_PURCHASE_DAYS * 86400:
            points.append(
                (
                    "purchase",
                    QCoreApplication.translate(
                        "TalkingPoints", "Bought %1 on %2: be ready to support that product."
                    )
                    .replace("%1", str(purchase.get("product")))
                    .replace("%2", fmt_date(ts)),
                )
            )
            break
    if customer.get("lifecycle") in ("new", "prospect"):
        points.append(
            (
                "onboarding",
                QCoreApplication.translate(
                    "TalkingPoints",
                    "New customer: offer onboarding help and check the first steps.",
                ),
            )
        )
    return points
