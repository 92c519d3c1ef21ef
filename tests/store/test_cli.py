"""``agentdesk store init|seed|sync`` and ``agentdesk lookup`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from tests.fixtures_store import SeededStore


def _run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_lookup_prints_the_card_and_exits_0_whatever_the_status(
    seeded_store: SeededStore, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    url = seeded_store.url
    national = seeded_store.known_phone.removeprefix("+86")
    code, out, err = _run(capsysbinary, "lookup", "--url", url, "--phone", f"0086 {national}")
    assert code == 0 and err == ""
    card = json.loads(out)
    assert card["status"] == "found"
    assert card["customer"]["customer_id"] == seeded_store.known_customer_id
    assert list(card) == [
        "status", "customer", "purchases", "open_issues", "interactions", "candidates",
    ]  # fmt: skip
    assert list(card["customer"]) == [
        "customer_id", "name", "tier", "lifecycle", "language", "lifetime_value", "phones",
    ]  # fmt: skip
    code, out, _ = _run(capsysbinary, "lookup", "--url", url, "--phone", seeded_store.shared_phone)
    assert code == 0 and json.loads(out)["status"] == "ambiguous"
    code, out, _ = _run(capsysbinary, "lookup", "--url", url, "--customer", "NOPE")
    assert code == 0 and json.loads(out)["status"] == "unknown"


def test_lookup_on_a_missing_store_is_a_one_line_error(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    code, out, err = _run(capsysbinary, "lookup", "--url", url, "--phone", "13800138000")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "agentdesk store init" in err


@pytest.mark.postgres
def test_init_seed_lookup_same_bytes_on_sqlite_and_postgresql(
    fresh_pg_url: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 'store.db'}"
    outputs: dict[str, list[str]] = {}
    for url in (sqlite_url, fresh_pg_url):
        code, out, _ = _run(capsysbinary, "store", "init", "--url", url)
        assert code == 0 and "revision" in out
        code, out, _ = _run(capsysbinary, "store", "seed", "--url", url, "--customers", "60")
        assert code == 0 and out.startswith("seeded 60 customers")
        cards = []
        for args in (["--customer", "C0000012"], ["--phone", "+8617700001000"]):
            code, out, _ = _run(capsysbinary, "lookup", "--url", url, *args)
            assert code == 0
            cards.append(out)
        outputs[url] = cards
    assert outputs[sqlite_url] == outputs[fresh_pg_url]
    assert json.loads(outputs[sqlite_url][1])["status"] == "ambiguous"
    # seeding a store that already holds customers is refused, not duplicated
    code, _, err = _run(capsysbinary, "store", "seed", "--url", sqlite_url, "--customers", "5")
    assert code == 1 and "already holds customers" in err


@pytest.mark.postgres
def test_sync_command_prints_one_line(
    fresh_pg_url: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert _run(capsysbinary, "store", "seed", "--url", fresh_pg_url, "--customers", "40")[0] == 0
    replica = tmp_path / "replica.db"
    code, out, err = _run(
        capsysbinary, "store", "sync", "--central", fresh_pg_url, "--local", str(replica)
    )
    assert code == 0 and err == ""
    assert len(out.strip().splitlines()) == 1 and out.startswith("sync: pulled ")
    code, out, _ = _run(
        capsysbinary, "lookup", "--url", f"sqlite:///{replica}", "--customer", "C0000007"
    )
    assert json.loads(out)["status"] == "found"
    code, out, _ = _run(
        capsysbinary, "store", "sync", "--central", fresh_pg_url, "--local", str(replica)
    )
    assert code == 0 and out.startswith("sync: pulled 0 rows")


def test_sync_with_dead_central_exits_1(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from tests.fixtures_store import dead_pg_url

    code, out, err = _run(
        capsysbinary, "store", "sync", "--central", dead_pg_url(), "--local", str(tmp_path / "r.db")
    )
    assert code == 1 and out == ""
    assert err.startswith("agentdesk: error: central store unreachable")
    assert len(err.strip().splitlines()) == 1
