"""What changed between the local card and the one refreshed from central (pure function)."""

from __future__ import annotations

from typing import Any

CUSTOMER_FIELDS = ("name", "tier", "lifecycle", "language", "lifetime_value", "phones")
LISTS = {
    "purchases": "purchase_id",
    "open_issues": "issue_id",
    "interactions": "interaction_id",
}


def card_changes(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """``{"fields": {customer field, ...}, "purchases": {ids}, ...}`` that differ in ``new``."""
    out: dict[str, Any] = {"fields": set()}
    old_c = (old or {}).get("customer") or {}
    new_c = new.get("customer") or {}
    for name in CUSTOMER_FIELDS:
        if old_c.get(name) != new_c.get(name):
            out["fields"].add(name)
    for list_name, key in LISTS.items():
        before = {row.get(key): row for row in (old or {}).get(list_name, [])}
        changed = set()
        for row in new.get(list_name, []):
            if before.get(row.get(key)) != row:
                changed.add(row.get(key))
        out[list_name] = changed
    return out


def has_changes(changes: dict[str, Any]) -> bool:
    return any(bool(v) for v in changes.values())
