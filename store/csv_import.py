"""``agentdesk store import``: the CSV files of CONTRACT section 6, chunked and idempotent.

Files are read with the ``csv`` module in chunks (a million rows never sit in memory whole),
checked row by row, and upserted by primary key (a re-import updates, never duplicates; unchanged
rows are left alone). A bad row is reported as ``FILE:LINE: reason`` (the header is line 1; LINE
is the physical line of the file where the row starts, so a quoted field spanning lines counts
its lines) and skipped; good rows still load. A row holding bytes that are not UTF-8 is such
a bad row (``not UTF-8 text (byte 0xNN)``). A file that cannot be read at all (missing, a header
that is not UTF-8, a quote left open, a required column absent) is reported and makes the import
fail; chunks loaded before it turned unreadable stay loaded and are counted in the summary.
"""

from __future__ import annotations

import codecs
import csv
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, bindparam, text

from agentdesk.errors import AgentdeskError
from store.bulk import drop_secondary_indexes, ensure_indexes, trusted_rows, upsert_rows
from store.models import (
    DATA_COLUMNS,
    ISSUE_STATUSES,
    LIFECYCLES,
    PRIORITIES,
    SYNCED_TABLES,
    TIERS,
    name_key,
)
from store.phones import PhoneNormalizer, normalize_phone, split_phones
from store.schema import migrate

CHUNK = 50_000
FILES = ("agents", "customers", "purchases", "issues", "interactions")
REQUIRED: dict[str, tuple[str, ...]] = {
    "agents": ("agent_id", "name"),
    "customers": ("customer_id", "name"),
    "purchases": ("purchase_id", "customer_id", "amount", "purchased_at"),
    "issues": ("issue_id", "customer_id", "title", "status", "opened_at"),
    "interactions": ("interaction_id", "customer_id", "started_at"),
}
COLUMNS: dict[str, tuple[str, ...]] = {
    "agents": ("agent_id", "name", "queues", "skills"),
    "customers": (
        "customer_id",
        "name",
        "tier",
        "lifecycle",
        "language",
        "phones",
        "email",
        "lifetime_value",
    ),
    "purchases": ("purchase_id", "customer_id", "product", "amount", "currency", "purchased_at"),
    "issues": (
        "issue_id",
        "customer_id",
        "title",
        "status",
        "priority",
        "opened_at",
        "updated_at",
        "owner_agent_id",
    ),
    "interactions": (
        "interaction_id",
        "customer_id",
        "channel",
        "agent_id",
        "started_at",
        "disposition",
        "notes",
    ),
}


class BadRow(ValueError):
    """A row that cannot be loaded; the message is the reason."""


@dataclass
class FileResult:
    name: str
    loaded: int = 0
    bad: int = 0
    unreadable: str | None = None


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def unreadable(self) -> bool:
        return any(f.unreadable for f in self.files)

    @property
    def bad(self) -> int:
        return sum(f.bad for f in self.files)

    def loaded(self, name: str) -> int:
        return sum(f.loaded for f in self.files if f.name == name)

    def line(self) -> str:
        # (a file that became unreadable after some of its chunks were loaded: those count)
        parts = [f"{f.loaded} {f.name}" for f in self.files if not f.unreadable or f.loaded]
        unread = [f.name for f in self.files if f.unreadable]
        text_ = f"imported {', '.join(parts) or 'nothing'}; {self.bad} bad rows skipped"
        if unread:
            text_ += f"; unreadable: {', '.join(unread)}"
        return f"{text_} ({self.seconds:.1f} s)"


# --- field parsers ---------------------------------------------------------------------------


def _key(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise BadRow(f"missing {what}")
    if len(value) > 64:
        raise BadRow(f"{what} longer than 64 characters")
    return value


def _text(value: str, what: str, limit: int, required: bool = False) -> str | None:
    value = value.strip()
    if not value:
        if required:
            raise BadRow(f"missing {what}")
        return None
    if len(value) > limit:
        raise BadRow(f"{what} longer than {limit} characters")
    return value


def _choice(value: str, allowed: tuple[str, ...], what: str, default: str | None) -> str:
    value = value.strip().lower()
    if not value:
        if default is None:
            raise BadRow(f"missing {what}")
        return default
    if value not in allowed:
        raise BadRow(f"bad {what} {value!r} (expected {', '.join(allowed)})")
    return value


def _number(value: str, what: str, default: float | None = None) -> float:
    value = value.strip()
    if not value:
        if default is None:
            raise BadRow(f"missing {what}")
        return default
    try:
        number = float(value)
    except ValueError:
        raise BadRow(f"bad {what} {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")) or abs(number) >= 1e12:
        raise BadRow(f"bad {what} {value!r}")
    return round(number, 2)


def parse_time(value: str, what: str = "time", required: bool = True) -> datetime | None:
    """ISO 8601 to naive UTC (a time without an offset is UTC)."""
    value = value.strip()
    if not value:
        if required:
            raise BadRow(f"missing {what}")
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        raise BadRow(f"bad {what} {value!r} (expected ISO 8601)") from None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt.replace(microsecond=0)


def _skills(value: str) -> dict[str, int]:
    skills: dict[str, int] = {}
    for item in value.split(";"):
        item = item.strip()
        if not item:
            continue
        name, sep, level = item.partition(":")
        name = name.strip()
        if not sep or not name:
            raise BadRow(f"bad skill {item!r} (expected name:level)")
        try:
            lvl = int(level.strip())
        except ValueError:
            raise BadRow(f"bad skill level {item!r}") from None
        if not 1 <= lvl <= 5:
            raise BadRow(f"skill level out of 1-5 in {item!r}")
        skills[name] = lvl
    return skills


# --- reading ---------------------------------------------------------------------------------


class _Unreadable(AgentdeskError):
    """The file cannot be read as CSV at all (the import of the file stops)."""


def _chunks(path: Path, chunk: int) -> Iterator[tuple[list[int], list[list[str]], list[str]]]:
    """(physical line numbers, rows, skipped-line messages) per chunk of up to ``chunk`` rows;
    the first chunk's rows are preceded by the header row at line 1 (``lines[0] == 1``).

    A row's line is the physical line of the file where its record starts (a quoted field may
    span lines). Blank lines are skipped; a row with more fields than the header is skipped
    and reported (``LINE: expected N fields, saw M``), one with fewer is padded with empty
    fields. A quote inside an unquoted field is kept as text; text after a closing quote
    (``"Eve"x``) makes the row bad (``bad CSV quoting``), the reader going on with the next
    line; a quote left open at the end of the file makes it unreadable. Raises
    ``_Unreadable`` (or ``OSError``/``UnicodeDecodeError``) when the file cannot be read.
    """
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))
    # Bytes that are not UTF-8 come through as lone surrogates (``surrogateescape``): the row
    # they are in is bad (``_decoded``), not the whole file. Rows are looked at only in a file
    # that has such bytes (``_is_utf8``: C-speed, ~0.1 s for a million customers).
    emit = _chunk if _is_utf8(path) else _decoded
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        width = -1  # fields of the header; -1 until it is read
        lines: list[int] = []
        rows: list[list[str]] = []
        skipped: list[str] = []
        end = 0  # the physical line the previous record ended on
        while True:
            try:
                for row in reader:
                    start, end = end + 1, reader.line_num
                    if len(row) == width:  # the common case first
                        lines.append(start)
                        rows.append(row)
                        if len(rows) >= chunk:
                            yield emit(lines, rows, skipped)
                            lines, rows, skipped = [], [], []
                        continue
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue  # a blank line
                    if width < 0:
                        width = len(row)
                        lines.append(1)
                        rows.append(row)
                        continue
                    if len(row) > width:
                        skipped.append(f"{start}: expected {width} fields, saw {len(row)}")
                        continue
                    row += [""] * (width - len(row))
                    lines.append(start)
                    rows.append(row)
                    if len(rows) >= chunk:
                        yield emit(lines, rows, skipped)
                        lines, rows, skipped = [], [], []
                break
            except csv.Error as exc:  # the reader goes on with the next line
                start, end = end + 1, reader.line_num
                if "unexpected end of data" in str(exc):
                    raise _Unreadable(
                        f"EOF inside a quoted field starting at line {start}"
                    ) from None
                if width < 0:
                    raise _Unreadable(f"bad header: {exc}") from None
                skipped.append(f"{start}: bad CSV quoting ({exc})")
        if width < 0:
            raise _Unreadable("No columns to parse from file")
        if rows or skipped:
            yield emit(lines, rows, skipped)


def _chunk(
    lines: list[int], rows: list[list[str]], skipped: list[str]
) -> tuple[list[int], list[list[str]], list[str]]:
    return lines, rows, skipped


def _is_utf8(path: Path) -> bool:
    """Whether the whole file is valid UTF-8 (read in 1 MB blocks)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as fh:
        try:
            while block := fh.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _decoded(
    lines: list[int], rows: list[list[str]], skipped: list[str]
) -> tuple[list[int], list[list[str]], list[str]]:
    """The chunk without its rows holding bytes that are not UTF-8 (each reported as
    ``LINE: not UTF-8 text (byte 0xNN)``); a header with such bytes makes the file unreadable."""
    keep_lines: list[int] = []
    keep_rows: list[list[str]] = []
    for line, row in zip(lines, rows, strict=True):
        for value in row:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                byte = ord(value[exc.start]) - 0xDC00
                why = f"not UTF-8 text (byte 0x{byte:02x})"
                if line == 1:
                    raise _Unreadable(f"the header is {why}") from None
                skipped.append(f"{line}: {why}")
                break
        else:
            keep_lines.append(line)
            keep_rows.append(row)
    return keep_lines, keep_rows, skipped


def _existing(conn: Connection, table: str, key: str, ids: set[str]) -> set[str]:
    found: set[str] = set()
    stmt = text(f"SELECT {key} FROM {table} WHERE {key} IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    items = sorted(ids)
    for i in range(0, len(items), 500):
        found.update(conn.execute(stmt, {"ids": items[i : i + 500]}).scalars())
    return found


# --- per-file loaders: rows -> upserts -------------------------------------------------------

Row = dict[str, str]


def _customer_row(
    r: Row, region: str, known: dict[str, str | None] | None = None, raws: list[str] | None = None
) -> tuple[tuple[Any, ...], list[str]]:
    cid = _key(r["customer_id"], "customer_id")
    name = _text(r["name"], "name", 200, required=True)
    assert name is not None
    tier = _choice(r.get("tier", ""), TIERS, "tier", "standard")
    lifecycle = _choice(r.get("lifecycle", ""), LIFECYCLES, "lifecycle", "prospect")
    language = _text(r.get("language", ""), "language", 16)
    email = _text(r.get("email", ""), "email", 200)
    ltv = _number(r.get("lifetime_value", ""), "lifetime_value", 0.0)
    phones = _phones_of(split_phones(r.get("phones", "")) if raws is None else raws, region, known)
    return (cid, name, name_key(name), tier, lifecycle, language, email, ltv), phones


def _phones_of(raws: list[str], region: str, known: dict[str, str | None] | None) -> list[str]:
    phones: list[str] = []
    for raw in raws:
        e164 = known[raw] if known is not None and raw in known else normalize_phone(raw, region)
        if e164 is None:
            raise BadRow(f"impossible phone number {raw!r}")
        if e164 not in phones:
            phones.append(e164)
    return phones


_INF = (float("inf"), float("-inf"))


def _plain_customer(
    cid: str, name: str, tier: str, lifecycle: str, language: str, email: str, ltv: str
) -> tuple[Any, ...] | None:
    """The customers row ``_customer_row`` makes of these fields when every one is valid (the
    same checks, inline: this is the hot loop of a big import), else None (``_customer_row``
    then names the first bad field)."""
    cid = cid.strip()
    name = name.strip()
    if not 0 < len(cid) <= 64 or not 0 < len(name) <= 200:
        return None
    tier = tier.strip().lower() or "standard"
    lifecycle = lifecycle.strip().lower() or "prospect"
    if tier not in TIERS or lifecycle not in LIFECYCLES:
        return None
    lang = language.strip() or None
    mail = email.strip() or None
    if (lang is not None and len(lang) > 16) or (mail is not None and len(mail) > 200):
        return None
    ltv = ltv.strip()
    value = 0.0
    if ltv:
        try:
            value = float(ltv)
        except ValueError:
            return None
        if value != value or value in _INF or abs(value) >= 1e12:
            return None
        value = round(value, 2)
    return (cid, name, name_key(name), tier, lifecycle, lang, mail, value)


def _load_customer_rows(
    engine: Engine,
    lines: list[int],
    rows: list[list[str]],
    idx: tuple[int, ...],
    region: str,
    report: Callable[[int, str], None],
    normalizer: PhoneNormalizer | None,
) -> int:
    """``_load_chunk`` for customers when the file has every column (``idx``: their positions
    in ``COLUMNS["customers"]`` order): no per-row dicts, plain rows checked inline."""
    i_id, i_name, i_tier, i_life, i_lang, i_phones, i_email, i_ltv = idx
    raws = [split_phones(row[i_phones]) for row in rows]
    known = normalizer.map(p for ps in raws for p in ps) if normalizer is not None else None
    custs: dict[str, tuple[Any, ...]] = {}
    phones: dict[str, list[str]] = {}
    for line, row, nums_raw in zip(lines, rows, raws, strict=True):
        cust = _plain_customer(
            row[i_id], row[i_name], row[i_tier], row[i_life], row[i_lang], row[i_email], row[i_ltv]
        )
        try:
            if cust is None:
                r = {c: row[i] for c, i in zip(COLUMNS["customers"], idx, strict=True)}
                cust, nums = _customer_row(r, region, known, nums_raw)
            else:
                nums = _phones_of(nums_raw, region, known)
        except BadRow as exc:
            report(line, str(exc))
            continue
        custs[cust[0]] = cust
        phones[cust[0]] = nums
    with engine.begin() as conn, trusted_rows(conn):
        _store_customers(conn, custs, phones)
    return len(custs)


_SQL_PHONES_OF = "SELECT customer_id, phone FROM customer_phones WHERE customer_id IN ({})"


def _store_customers(
    conn: Connection, custs: dict[str, tuple[Any, ...]], phones: dict[str, list[str]]
) -> None:
    upsert_rows(
        conn,
        "customers",
        list(DATA_COLUMNS["customers"]),
        ["customer_id"],
        custs.values(),
        raw=True,
    )
    ids = sorted(custs)
    current: dict[str, set[str]] = {}
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    cur = dbapi.cursor()
    try:
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            cur.execute(_SQL_PHONES_OF.format(", ".join([mark] * len(part))), part)
            for cid, phone in cur.fetchall():
                current.setdefault(cid, set()).add(phone)
    finally:
        cur.close()
    stale = [
        {"c": cid, "p": p} for cid in ids for p in current.get(cid, ()) if p not in phones[cid]
    ]
    if stale:
        conn.execute(
            text("DELETE FROM customer_phones WHERE customer_id = :c AND phone = :p"), stale
        )
    upsert_rows(
        conn,
        "customer_phones",
        ["customer_id", "phone", "position"],
        ["customer_id", "phone"],
        [(cid, p, i) for cid in ids for i, p in enumerate(phones[cid])],
        raw=True,
    )


def _purchase_row(r: Row) -> tuple[Any, ...]:
    return (
        _key(r["purchase_id"], "purchase_id"),
        _key(r["customer_id"], "customer_id"),
        _text(r.get("product", ""), "product", 200, required=True),
        _number(r["amount"], "amount"),
        _currency(r.get("currency", "")),
        parse_time(r["purchased_at"], "purchased_at"),
    )


def _currency(value: str) -> str:
    value = value.strip().upper()
    if not value:
        raise BadRow("missing currency")
    if len(value) != 3 or not value.isalpha():
        raise BadRow(f"bad currency {value!r} (expected a 3-letter code)")
    return value


def _issue_row(r: Row) -> tuple[Any, ...]:
    opened = parse_time(r["opened_at"], "opened_at")
    updated = parse_time(r.get("updated_at", ""), "updated_at", required=False) or opened
    return (
        _key(r["issue_id"], "issue_id"),
        _key(r["customer_id"], "customer_id"),
        _text(r["title"], "title", 300, required=True),
        _choice(r["status"], ISSUE_STATUSES, "status", None),
        _choice(r.get("priority", ""), PRIORITIES, "priority", "normal"),
        opened,
        updated,
        _text(r.get("owner_agent_id", ""), "owner_agent_id", 64),
    )


def _interaction_row(r: Row) -> tuple[Any, ...]:
    channel = (r.get("channel", "") or "phone").strip().lower()
    if len(channel) > 16:
        raise BadRow("channel longer than 16 characters")
    return (
        _key(r["interaction_id"], "interaction_id"),
        _key(r["customer_id"], "customer_id"),
        channel,
        _text(r.get("agent_id", ""), "agent_id", 64),
        parse_time(r["started_at"], "started_at"),
        _text(r.get("disposition", ""), "disposition", 64),
        _text(r.get("notes", ""), "notes", 100_000),
    )


_CHILD: dict[str, tuple[Callable[[Row], tuple[Any, ...]], list[str], str]] = {
    "purchases": (
        _purchase_row,
        ["purchase_id", "customer_id", "product", "amount", "currency", "purchased_at"],
        "purchase_id",
    ),
    "issues": (
        _issue_row,
        [
            "issue_id",
            "customer_id",
            "title",
            "status",
            "priority",
            "opened_at",
            "updated_at",
            "owner_agent_id",
        ],
        "issue_id",
    ),
    "interactions": (
        _interaction_row,
        [
            "interaction_id",
            "customer_id",
            "channel",
            "agent_id",
            "started_at",
            "disposition",
            "notes",
        ],
        "interaction_id",
    ),
}


def import_file(
    engine: Engine,
    name: str,
    path: Path,
    *,
    region: str = "CN",
    err: TextIO = sys.stderr,
    chunk: int = CHUNK,
    phone_threshold: int = 20_000,
) -> FileResult:
    """Load one CSV file of kind ``name`` (customers, purchases, ...).

    Phone numbers of a chunk of at least ``phone_threshold`` distinct numbers are normalised
    in worker processes.
    """
    result = FileResult(name)
    normalizer = PhoneNormalizer(region, threshold=phone_threshold) if name == "customers" else None
    pending: list[tuple[int, str]] = []

    def report(line: int | str, reason: str) -> None:
        result.bad += 1
        pending.append((int(line), reason))

    def flush() -> None:
        for line, reason in sorted(pending, key=lambda p: p[0]):
            print(f"{path}:{line}: {reason}", file=err)
        pending.clear()

    try:
        header: list[str] | None = None
        for lines, rows, skipped in _chunks(path, chunk):
            for msg in skipped:
                line, _, reason = msg.partition(": ")
                report(line, reason)
            if header is None:
                header = [c.strip().lower() for c in rows[0]]
                lines, rows = lines[1:], rows[1:]
                missing = [c for c in REQUIRED[name] if c not in header]
                if missing:
                    plural = "s" * (len(missing) > 1)
                    raise AgentdeskError(f"missing column{plural} {', '.join(missing)}")
                # the first column of a name wins (a repeated header is ignored)
                index = {c: header.index(c) for c in COLUMNS[name] if c in header}
                cols = list(index)
                picks = list(index.values())
            if not rows:
                flush()
                continue
            if name == "customers" and len(cols) == len(COLUMNS[name]):
                idx = tuple(index[c] for c in COLUMNS[name])
                result.loaded += _load_customer_rows(
                    engine, lines, rows, idx, region, report, normalizer
                )
                flush()
                continue
            if picks == list(range(len(picks))):  # the columns lead the file, in order
                records = [
                    (line, dict(zip(cols, row, strict=False)))
                    for line, row in zip(lines, rows, strict=True)
                ]
            else:
                records = [
                    (line, dict(zip(cols, [row[i] for i in picks], strict=True)))
                    for line, row in zip(lines, rows, strict=True)
                ]
            result.loaded += _load_chunk(engine, name, records, region, report, normalizer)
            flush()
    except AgentdeskError as exc:
        result.unreadable = str(exc)
    except (OSError, UnicodeDecodeError) as exc:
        result.unreadable = " ".join(str(exc).split()) or type(exc).__name__
    finally:
        if normalizer is not None:
            normalizer.close()
    flush()
    if result.unreadable:
        print(f"{path}: cannot read: {result.unreadable}", file=err)
    return result


def _load_chunk(
    engine: Engine,
    name: str,
    records: list[tuple[int, Row]],
    region: str,
    report: Callable[[int, str], None],
    normalizer: PhoneNormalizer | None = None,
) -> int:
    with engine.begin() as conn, trusted_rows(conn):
        if name == "agents":
            agents: dict[str, tuple[Any, ...]] = {}
            for line, r in records:
                try:
                    aid = _key(r["agent_id"], "agent_id")
                    agents[aid] = (
                        aid,
                        _text(r["name"], "name", 200, required=True),
                        [q.strip() for q in r.get("queues", "").split(";") if q.strip()],
                        _skills(r.get("skills", "")),
                    )
                except BadRow as exc:
                    report(line, str(exc))
            upsert_rows(
                conn,
                "agents",
                ["agent_id", "name", "queues", "skills"],
                ["agent_id"],
                agents.values(),
            )
            return len(agents)
        if name == "customers":
            custs: dict[str, tuple[Any, ...]] = {}
            phones: dict[str, list[str]] = {}
            raws = [split_phones(r.get("phones", "")) for _, r in records]
            known = normalizer.map(p for ps in raws for p in ps) if normalizer is not None else None
            for (line, r), nums_raw in zip(records, raws, strict=True):
                try:
                    row, nums = _customer_row(r, region, known, nums_raw)
                except BadRow as exc:
                    report(line, str(exc))
                    continue
                custs[row[0]] = row
                phones[row[0]] = nums
            _store_customers(conn, custs, phones)
            return len(custs)
        parse, columns, _pk = _CHILD[name]
        parsed: list[tuple[int, tuple[Any, ...]]] = []
        for line, r in records:
            try:
                parsed.append((line, parse(r)))
            except BadRow as exc:
                report(line, str(exc))
        present = _existing(conn, "customers", "customer_id", {row[1] for _, row in parsed})
        good: dict[str, tuple[Any, ...]] = {}
        for line, row in parsed:
            if row[1] not in present:
                report(line, f"unknown customer {row[1]!r}")
                continue
            good[row[0]] = row
        upsert_rows(conn, name, columns, [columns[0]], good.values())
        return len(good)


def import_dir(
    engine: Engine,
    directory: str | Path,
    *,
    region: str = "CN",
    err: TextIO = sys.stderr,
    chunk: int = CHUNK,
    phone_threshold: int = 20_000,
) -> ImportResult:
    """Load every CSV file of CONTRACT 6 found in ``directory`` (migrating the store first)."""
    t0 = time.perf_counter()
    folder = Path(directory)
    if not folder.is_dir():
        raise AgentdeskError(f"{folder}: no such directory")
    present = [(n, folder / f"{n}.csv") for n in FILES if (folder / f"{n}.csv").exists()]
    if not present:
        raise AgentdeskError(f"{folder}: none of {', '.join(f + '.csv' for f in FILES)} found")
    migrate(engine)
    result = ImportResult()
    with engine.begin() as conn:
        empty = conn.execute(text("SELECT count(*) FROM customers")).scalar_one() == 0
        if empty and conn.dialect.name == "sqlite":
            drop_secondary_indexes(conn, SYNCED_TABLES)  # built once at the end instead
    try:
        for name, path in present:
            result.files.append(
                import_file(
                    engine,
                    name,
                    path,
                    region=region,
                    err=err,
                    chunk=chunk,
                    phone_threshold=phone_threshold,
                )
            )
    finally:
        with engine.begin() as conn:
            ensure_indexes(conn, SYNCED_TABLES)
    result.seconds = time.perf_counter() - t0
    return result
