"""Phone numbers in E.164, normalised with ``phonenumbers`` and a default region.

``phonenumbers.parse`` is pure Python and general (extensions, RFC 3966, letters, every
punctuation), about 25-50 µs a number. The common shapes of an import -- ASCII digits with
spaces, hyphens, dots or parentheses, optionally one leading ``+`` (``+86 138 0013 8000``,
``008613800138000``, ``(021) 6212 3456``) -- take a fast path (``fast_e164``) that runs exactly
``parse``'s steps for such strings, calling the same region-specific ``phonenumbers`` helpers
(IDD and national prefix patterns, possible lengths), so it gives the same E.164 and the same
possible/impossible verdict; it declines (``_MISS``, then ``parse`` decides) on every branch it
does not cover: other characters, several ``+``, a national number starting with the region's
country code, an unknown country code, lengths ``parse`` rejects. ``tests/store/
test_phones.py`` checks the two agree over many generated numbers of many regions.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from itertools import repeat
from typing import Any

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat
from phonenumbers import phonenumberutil as _pnu

DEFAULT_REGION = "CN"

# --- the fast path ---------------------------------------------------------------------------

#: Sentinel: the fast path does not cover this string; ``phonenumbers.parse`` decides.
_MISS: Any = object()
# The fast path calls helpers of ``phonenumbers`` that are not public API; a release without
# them turns it off (every number then goes through ``parse``), it cannot break normalising.
try:
    _MIN_NSN: int = _pnu._MIN_LENGTH_FOR_NSN
    _MAX_NSN: int = _pnu._MAX_LENGTH_FOR_NSN
    _strip_national_prefix: Any = _pnu._maybe_strip_national_prefix_carrier_code
    _test_length: Any = _pnu._test_number_length
    _extract_cc: Any = _pnu._extract_country_code
    _VR: Any = _pnu.ValidationResult
    _KEEP_UNSTRIPPED = (_VR.TOO_SHORT, _VR.IS_POSSIBLE_LOCAL_ONLY, _VR.INVALID_LENGTH)
    _POSSIBLE = (_VR.IS_POSSIBLE, _VR.IS_POSSIBLE_LOCAL_ONLY)
    FAST_PATH = True
except AttributeError:  # pragma: no cover - depends on the installed phonenumbers
    FAST_PATH = False


class _Meta:
    """What the fast path needs of one region's metadata, computed once.

    ``_test_number_length`` (type UNKNOWN) depends only on the number's length, so its verdict
    is memoised per length; a national prefix pattern that does not match leaves the number as
    ``_maybe_strip_national_prefix_carrier_code`` would.
    """

    __slots__ = ("country_code", "idd", "meta", "own_cc", "prefix", "verdicts")

    def __init__(self, meta: Any) -> None:
        self.meta = meta
        self.country_code: int = meta.country_code
        self.own_cc = str(meta.country_code)
        self.idd = re.compile(meta.international_prefix) if meta.international_prefix else None
        npp = meta.national_prefix_for_parsing
        self.prefix = re.compile(npp) if npp else None
        self.verdicts: dict[int, Any] = {}

    def verdict(self, national: str) -> Any:
        n = len(national)
        got = self.verdicts.get(n)
        if got is None:
            got = self.verdicts[n] = _test_length(national, self.meta)
        return got

    def strip_prefix(self, national: str) -> str:
        if self.prefix is None or self.prefix.match(national) is None:
            return national
        _carrier, stripped, _ = _strip_national_prefix(national, self.meta)
        return str(stripped)


_REGIONS: dict[str, _Meta | None] = {}
_BY_CC: dict[int, _Meta] = {}
#: ``_extract_country_code`` of digits (at least 3) is a function of their first three.
_CC_SPLIT: dict[str, tuple[int, int]] = {}


def _region(region: str) -> _Meta | None:
    if region not in _REGIONS:
        meta = PhoneMetadata.metadata_for_region(region, None)
        _REGIONS[region] = _Meta(meta) if meta is not None else None
    return _REGIONS[region]


def _meta_for_cc(cc: int) -> _Meta:
    """The metadata ``parse`` and ``is_possible_number`` use for a country calling code."""
    got = _BY_CC.get(cc)
    if got is None:
        meta = PhoneMetadata.metadata_for_region_or_calling_code(
            cc, _pnu.region_code_for_country_code(cc)
        )
        got = _BY_CC[cc] = _Meta(meta)
    return got


def _split_cc(digits: str) -> tuple[int, str]:
    head = digits[:3]
    got = _CC_SPLIT.get(head)
    if got is None:
        cc, rest = _extract_cc(head)
        got = _CC_SPLIT[head] = (cc, len(head) - len(rest))
    return got[0], digits[got[1] :]


def _fast(raw: str, region: str) -> Any:
    """E.164, None (not a possible number) or ``_MISS``; ``raw`` stripped, ``region`` upper."""
    if not FAST_PATH:
        return _MISS
    s = raw.replace(" ", "").replace("-", "").replace("(", "").replace(")", "").replace(".", "")
    # only ASCII digits after at most one leading "+", and at least 3 of them (parse takes
    # 2 digits only when they stand alone)
    body = s[1:] if s[:1] == "+" else s
    if len(body) < 3 or not body.isascii() or not body.isdigit():
        return _MISS
    known = _REGIONS.get(region) or _region(region)
    if known is None:
        return _MISS
    international = True
    if s[0] == "+":  # parse: FROM_NUMBER_WITH_PLUS_SIGN
        digits = s[1:]
    else:
        m = known.idd.match(s) if known.idd is not None else None
        # parse: an IDD prefix counts unless the digit after it is 0
        if m is not None and s[m.end() : m.end() + 1] != "0":
            digits = s[m.end() :]
        else:  # parse: FROM_DEFAULT_COUNTRY
            if s.startswith(known.own_cc):
                return _MISS  # parse may take it as the region's country code: its branch
            international, digits = False, s
    if international:
        if len(digits) <= _MIN_NSN:
            return _MISS
        cc, national = _split_cc(digits)
        if cc == 0:
            return _MISS
        number_meta = _BY_CC.get(cc) or _meta_for_cc(cc)
        strip_meta = number_meta
    else:
        cc, national, strip_meta = known.country_code, digits, known
        number_meta = _BY_CC.get(cc) or _meta_for_cc(cc)
    if len(national) < _MIN_NSN:
        return _MISS
    stripped = strip_meta.strip_prefix(national)
    if stripped is not national and strip_meta.verdict(stripped) not in _KEEP_UNSTRIPPED:
        national = stripped
    if not _MIN_NSN <= len(national) <= _MAX_NSN or national.strip("0") == "":
        return _MISS
    if number_meta.verdict(national) not in _POSSIBLE:
        return None
    return f"+{cc}{national}"


def _slow(raw: str, region: str) -> str | None:
    try:
        num = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return None
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def fast_e164(raw: str, region: str = DEFAULT_REGION) -> str | bool | None:
    """The fast path alone (for tests): E.164, None, or False where it declines."""
    got = _fast(raw.strip(), region.upper())
    return False if got is _MISS else got


def _prefast(raw: str, region: str) -> Any:
    """``normalize_phone``'s answer when it needs no ``parse``, else ``_MISS``."""
    raw = raw.strip()
    if not raw or len(raw) > 40:
        return None
    return _fast(raw, region)


def _normalize(raw: str | None, region: str) -> str | None:
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > 40:
        return None
    region = (region or DEFAULT_REGION).upper()
    got = _fast(raw, region)
    return _slow(raw, region) if got is _MISS else got


def normalize_slow(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """``normalize_phone`` through ``phonenumbers.parse`` only (the reference for tests)."""
    if raw is None:
        return None
    raw = raw.strip()
    if not raw or len(raw) > 40:
        return None
    return _slow(raw, (region or DEFAULT_REGION).upper())


@lru_cache(maxsize=65536)
def normalize_phone(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """``raw`` in E.164 (``+8613800138000``), or None when it is no possible phone number.

    ``+86 138 0013 8000``, ``13800138000`` and ``008613800138000`` (region CN) are one number.
    """
    return _normalize(raw, region)


def split_phones(raw: str | None) -> list[str]:
    """The raw numbers of a ``;``-separated list (empty items dropped)."""
    if not raw:
        return []
    return [p.strip() for p in str(raw).split(";") if p.strip()]


def normalize_many(raws: list[str], region: str = DEFAULT_REGION) -> list[str | None]:
    """``normalize_phone`` of each of ``raws`` (uncached: for worker processes)."""
    return [_normalize(r, region) for r in raws]


class PhoneNormalizer:
    """Normalises many numbers at once, split over worker processes when there are many.

    Numbers of the common shapes take the fast path in this process (a few µs each); the rest
    need ``phonenumbers.parse`` (about 25 µs a number), and when a chunk has many of them spare
    cores take a share. Small batches, frozen apps and one-core machines stay in this process.
    """

    def __init__(
        self, region: str = DEFAULT_REGION, *, workers: int | None = None, threshold: int = 20_000
    ) -> None:
        self.region = region
        self.threshold = threshold
        cores = os.cpu_count() or 1
        self.workers = workers if workers is not None else min(cores, 4)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        # Forked workers only: spawned ones would re-run the caller's main module.
        return (
            self.workers > 1
            and not getattr(sys, "frozen", False)
            and "fork" in multiprocessing.get_all_start_methods()
        )

    def map(self, raws: Iterable[str]) -> dict[str, str | None]:
        """``{raw: E.164 or None}`` for the distinct numbers of ``raws``.

        The fast path runs here; only the numbers it declines go to ``phonenumbers``, in worker
        processes when there are at least ``threshold`` of them.
        """
        out: dict[str, str | None] = {}
        region = (self.region or DEFAULT_REGION).upper()
        todo: list[str] = []
        for raw in dict.fromkeys(raws):
            got = _prefast(raw, region)
            if got is _MISS:
                todo.append(raw)
            else:
                out[raw] = got
        if len(todo) < self.threshold or not self.parallel:
            out.update((r, _normalize(r, region)) for r in todo)
            return out
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork")
            )
        size = -(-len(todo) // (self.workers * 4))
        parts = [todo[i : i + size] for i in range(0, len(todo), size)]
        for part, result in zip(
            parts, self._pool.map(normalize_many, parts, repeat(region)), strict=True
        ):
            out.update(zip(part, result, strict=True))
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def __enter__(self) -> PhoneNormalizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
