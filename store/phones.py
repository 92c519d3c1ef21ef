"""Phone numbers in E.164, normalised with ``phonenumbers`` and a default region."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

DEFAULT_REGION = "CN"


@lru_cache(maxsize=65536)
def normalize_phone(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """``raw`` in E.164 (``+8613800138000``), or None when it is no possible phone number.

    ``+86 138 0013 8000``, ``13800138000`` and ``008613800138000`` (region CN) are one number.
    """
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > 40:
        return None
    try:
        num = phonenumbers.parse(raw, (region or DEFAULT_REGION).upper())
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def split_phones(raw: str | None) -> list[str]:
    """The raw numbers of a ``;``-separated list (empty items dropped)."""
    if not raw:
        return []
    return [p.strip() for p in str(raw).split(";") if p.strip()]
