"""Phone numbers in E.164 with a default region (CONTRACT 6)."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

from store.phones import FAST_PATH, fast_e164, normalize_phone, normalize_slow, split_phones

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


# --- the fast path gives exactly what phonenumbers.parse gives ------------------------------

REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)
_TYPES = (
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.VOIP,
)


def _examples() -> list[tuple[str, str]]:
    """(number, default region) in many shapes: every region's example numbers in E.164,
    international, national and IDD form, and broken variants (a digit more or fewer)."""
    rng = random.Random(20261201)
    out: list[tuple[str, str]] = []
    for region in REGIONS:
        meta = PhoneMetadata.metadata_for_region(region)
        assert meta is not None
        for kind in _TYPES:
            num = phonenumbers.example_number_for_type(region, kind)
            if num is None:
                continue
            e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
            intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
            nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
            nsn = phonenumbers.national_significant_number(num)
            cc = str(num.country_code)
            shapes = [e164, intl, nat, nsn, f"00{cc}{nsn}", f"011 {cc} {nsn}", cc + nsn]
            shapes += [e164[:-1], e164 + "7", nsn[:-1], nsn + "0", "0" + nsn, f"+{cc}0{nsn}"]
            for other in [*rng.sample(REGIONS, 3), region, "CN", "US"]:
                out += [(s, other) for s in shapes]
    return out


def _random_numbers(n: int) -> list[tuple[str, str]]:
    """Random digit strings with random separators, prefixes and lengths (mostly impossible)."""
    rng = random.Random(7)
    prefixes = ["", "+", "00", "0", "011", "+0", "++", "0086", "86", "1", "+86", "+1", "+44"]
    seps = ["", " ", "-", " - ", "  "]
    out = []
    for _ in range(n):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 19)))
        sep = rng.choice(seps)
        body = sep.join(digits[i : i + rng.randrange(1, 5)] for i in range(0, len(digits), 3))
        raw = rng.choice(prefixes) + rng.choice(["", " ", "-"]) + body
        out.append((raw, rng.choice([*REGIONS[:40], "CN", "US", "GB", "DE", "IT", "AU"])))
    return out


def _punctuated(cases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same numbers with parentheses, dots or a ``(0)`` put in somewhere."""
    rng = random.Random(5)
    out = []
    for raw, region in cases:
        i = rng.randrange(len(raw) + 1)
        out.append(
            (raw[:i] + rng.choice(["(", ")", ".", "(0)", "()", ". ", ")("]) + raw[i:], region)
        )
    return out


def test_fast_path_equals_phonenumbers_on_generated_numbers() -> None:
    cases = _examples() + _random_numbers(20_000)
    cases += _punctuated(cases[::3])
    covered = mismatches = 0
    bad = []
    for raw, region in cases:
        fast = fast_e164(raw, region)
        if fast is False:
            continue
        covered += 1
        slow = normalize_slow(raw, region)
        if fast != slow:
            mismatches += 1
            bad.append((raw, region, fast, slow))
    assert not bad, bad[:20]
    # the fast path really decides most of them (it is not declining everything)
    assert covered > 0.7 * len(cases), (covered, len(cases))


@given(
    st.lists(st.sampled_from("0123456789"), min_size=1, max_size=20).map("".join),
    st.sampled_from(["", "+", "00", "0", "+0", "011", "8", "86", "1"]),
    st.sampled_from(["", " ", "-", "(", ")", ".", "(0)", "x", "+", "#"]),
    st.integers(0, 20),
    st.sampled_from(REGIONS),
)
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_normalize_phone_equals_phonenumbers(
    digits: str, prefix: str, sep: str, at: int, region: str
) -> None:
    raw = prefix + digits[:at] + sep + digits[at:]
    assert normalize_phone(raw, region) == normalize_slow(raw, region)


def test_fast_path_covers_the_common_shapes() -> None:
    assert FAST_PATH  # the installed phonenumbers has the helpers it needs
    for raw in [*FORMATS, "+1 415 555 2671", "010 6552 9988", "123"]:
        assert fast_e164(raw, "CN") is not False, raw
    assert fast_e164("(+86) 13800138000", "CN") == "+8613800138000"
    assert fast_e164("(021) 6212 3456", "CN") == "+862162123456"
    assert fast_e164("+86 138 0013 8000 x12", "CN") is False  # an extension: phonenumbers
    assert fast_e164("123", "CN") is None
