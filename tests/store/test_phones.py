"""Phone numbers in E.164 with a default region (CONTRACT 6)."""

from __future__ import annotations

import pytest

from store.phones import normalize_phone, split_phones

FORMATS = ["+86 138 0013 8000", "13800138000", "008613800138000", "+86-138-0013-8000"]


@pytest.mark.parametrize("raw", [*FORMATS, "(+86) 13800138000"])
def test_one_chinese_mobile_in_every_common_format(raw: str) -> None:
    assert normalize_phone(raw, "CN") == "+8613800138000"


def test_default_region_decides_national_numbers() -> None:
    assert normalize_phone("(415) 555-2671", "US") == "+14155552671"
    assert normalize_phone("020 7946 0958", "GB") == "+442079460958"
    assert normalize_phone("+1 415 555 2671", "CN") == "+14155552671"
    assert normalize_phone("010 6552 9988", "cn") == "+861065529988"


@pytest.mark.parametrize("raw", ["", "   ", "123", "abc", "+", "anonymous", "1" * 41, None])
def test_impossible_numbers_are_none(raw: str | None) -> None:
    assert normalize_phone(raw, "CN") is None


def test_split_phones() -> None:
    assert split_phones(" 138 0013 8000 ; ;+1 415 555 2671;") == [
        "138 0013 8000",
        "+1 415 555 2671",
    ]
    assert split_phones("") == [] and split_phones(None) == []
