"""Phone numbers in E.164, normalised with ``phonenumbers`` and a default region."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from itertools import repeat

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


def normalize_many(raws: list[str], region: str = DEFAULT_REGION) -> list[str | None]:
    """``normalize_phone`` of each of ``raws`` (uncached: for worker processes)."""
    return [normalize_phone.__wrapped__(r, region) for r in raws]


class PhoneNormalizer:
    """Normalises many numbers at once, split over worker processes when there are many.

    ``phonenumbers`` is pure Python (about 25 µs a number), so a million-row import spends
    most of its time here; spare cores take a share. Small batches, frozen apps and one-core
    machines stay in this process.
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
        """``{raw: E.164 or None}`` for the distinct numbers of ``raws``."""
        todo = list(dict.fromkeys(raws))
        if len(todo) < self.threshold or not self.parallel:
            return {r: normalize_phone(r, self.region) for r in todo}
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork")
            )
        size = -(-len(todo) // (self.workers * 4))
        parts = [todo[i : i + size] for i in range(0, len(todo), size)]
        out: dict[str, str | None] = {}
        for part, result in zip(
            parts, self._pool.map(normalize_many, parts, repeat(self.region)), strict=True
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
