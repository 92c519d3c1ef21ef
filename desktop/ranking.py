"""Ranking of the candidates when several customers share one number (pure function)."""

from __future__ import annotations

from typing import Any

TIER_RANK = {"platinum": 0, "gold": 1, "silver": 2, "standard": 3}


def rank_candidates(
    candidates: list[dict[str, Any]], remembered: str | None = None
) -> list[dict[str, Any]]:
    """Best first: the agent's remembered pick, then tier, open issues, most recent contact.

    Each candidate is the card's ``{"customer_id", "name", "tier"}``, optionally enriched with
    ``open_issues`` (int), ``last_contact`` (unix seconds) and ``lifecycle``.
    """

    def key(c: dict[str, Any]) -> tuple[int, int, int, float, str]:
        return (
            0 if remembered is not None and str(c.get("customer_id")) == str(remembered) else 1,
            TIER_RANK.get(c.get("tier") or "", 9),
            -int(c.get("open_issues") or 0),
            -float(c.get("last_contact") or 0.0),
            str(c.get("customer_id")),
        )

    return sorted(candidates, key=key)
