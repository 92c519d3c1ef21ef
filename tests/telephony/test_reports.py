"""``agentdesk report`` end to end over a real event log (SQLite file)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from agentdesk.cli import main
from store.db import Base, make_engine
from store.eventlog import append_events
from telephony.reports import iso
from tests.telephony.metrics_script import T0, scripted_day


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sb.db'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["event_log"]])
    append_events(engine, scripted_day().logged())
    engine.dispose()
    return url


def _run(*argv: str) -> int:
    return main(["report", *argv])


def test_queue_csv_matches_the_hand_computed_day(store: str, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert _run("--store", store, "--from", iso(T0), "--to", iso(T0 + 3600), "--out", str(out)) == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [(r["interval_start"], r["queue_id"]) for r in rows] == [
        (iso(T0), "billing"),
        (iso(T0), "vip"),
        (iso(T0 + 1800), "billing"),
    ]
    b = rows[0]
    assert (b["offered"], b["answered"], b["answered_in_sl"], b["abandoned"]) == (
        "7",
        "2",
        "1",
        "2",
    )
    assert (b["abandoned_in_sl"], b["short_abandoned"], b["callbacks"]) == ("1", "1", "1")
    assert float(b["service_level"]) == pytest.approx(1 / 3, abs=1e-6)
    assert (float(b["asa"]), float(b["aht"]), float(b["abandon_rate"])) == (27.5, 210.0, 0.5)
    assert rows[2]["service_level"] == ""  # no denominator: empty


def test_interval_of_60_minutes_and_agents_kind(store: str, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    args = ["--store", store, "--from", iso(T0), "--to", iso(T0 + 3600), "--out", str(out)]
    assert _run(*args, "--interval", "60", "--kind", "agents") == 0
    rows = {r["agent_id"]: r for r in csv.DictReader(out.read_text(encoding="utf-8").splitlines())}
    assert set(rows) == {"A1", "A2"}
    assert rows["A1"]["interval_start"] == iso(T0)
    assert rows["A1"]["handled"] == "2" and rows["A2"]["handled"] == "1"
    assert float(rows["A2"]["aht"]) == 1670.0


def test_xlsx_holds_both_kinds(store: str, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    assert _run("--store", store, "--from", iso(T0), "--to", iso(T0 + 3600), "--out", str(out)) == 0
    wb = openpyxl.load_workbook(out)
    wb.close()
    assert wb.sheetnames == ["queues", "agents"]
    header = [c.value for c in next(wb["agents"].iter_rows(max_row=1))]
    assert header[:3] == ["interval_start", "agent_id", "handled"]
    assert wb["queues"].max_row == 4


def test_bad_input_is_refused_and_writes_nothing(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    base = ["--store", store, "--out", str(out)]
    with pytest.raises(SystemExit) as e:
        _run(*base, "--from", "yesterday", "--to", iso(T0))
    assert e.value.code == 2 and "ISO 8601" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        _run(*base, "--from", iso(T0), "--to", iso(T0 + 60), "--interval", "7")
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        _run(
            "--store",
            store,
            "--from",
            iso(T0),
            "--to",
            iso(T0 + 60),
            "--out",
            str(tmp_path / "x.pdf"),
        )
    assert e.value.code == 2
    for url in ("bogus://x", "not a url"):  # a bad URL is bad usage, as for the store commands
        with pytest.raises(SystemExit) as e:
            _run("--store", url, "--from", iso(T0), "--to", iso(T0 + 60), "--out", str(out))
        assert e.value.code == 2 and "bad store URL" in capsys.readouterr().err
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert _run("--store", empty, "--from", iso(T0), "--to", iso(T0 + 60), "--out", str(out)) == 1
    assert "no event log" in capsys.readouterr().err
    assert not out.exists()
