"""``agentdesk store import``: CSV files of CONTRACT 6, bad rows reported, good rows loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from agentdesk.cli import main
from store.db import make_engine
from store.sync import store_checksum

CUSTOMERS = """\
customer_id,name,tier,lifecycle,language,phones,email,lifetime_value,ignored
C1,Alice Wong,gold,established,en,+86 138 0013 8000;(021) 6212 3456,alice@example.com,1234.5,x
C2,王伟,platinum,expanding,zh,008613800138000,,99999,
C3,Bad Phone,silver,new,en,123,,0,
C4,Bad Tier,diamond,new,en,,,0,
C5,No Phone,standard,prospect,,,,,
C6,Too,many,fields,here,x,y,1,2,3
,Nameless,standard,new,,,,,
C7,Bad Value,standard,new,,,,lots,
"""
PURCHASES = """\
purchase_id,customer_id,product,amount,currency,purchased_at
P1,C1,Phone X,4999.00,CNY,2026-11-20T10:45:00Z
P2,C1,5G plan,199,CNY,2026-11-01 08:00:00
P3,C9,5G plan,199,CNY,2026-11-01 08:00:00
P4,C2,5G plan,abc,CNY,2026-11-01 08:00:00
P5,C2,Router,19.9,CNY,2026-11-01T08:00:00+08:00
P6,C2,Router,19.9,CNY,yesterday
"""
ISSUES = """\
status,issue_id,customer_id,title,priority,opened_at,updated_at,owner_agent_id
open,I1,C1,Bill too high,high,2026-11-10T09:00:00Z,,A001
closed,I2,C1,Old one,normal,2026-01-10T09:00:00Z,,
weird,I3,C1,Bad status,normal,2026-01-10T09:00:00Z,,
pending,I4,C1,Waiting for parts,urgent,2026-11-12T09:00:00Z,2026-11-13T09:00:00Z,A002
"""
INTERACTIONS = """\
interaction_id,customer_id,channel,agent_id,started_at,disposition,notes
X1,C1,phone,A001,2026-11-19T10:00:00Z,resolved,"Explained the bill,
line by line"
X2,C5,email,,2026-11-18T10:00:00Z,,
X3,C404,phone,A001,2026-11-19T10:00:00Z,resolved,
"""
AGENTS = """\
agent_id,name,queues,skills
A001,Li Na,billing;general,billing:4;vip:2
A002,Bob Smith,tech;general,tech:9
A003,Carol,sales,sales:three
"""


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in {
        "customers": CUSTOMERS,
        "purchases": PURCHASES,
        "issues": ISSUES,
        "interactions": INTERACTIONS,
        "agents": AGENTS,
    }.items():
        (folder / f"{name}.csv").write_text(body, encoding="utf-8")
    return folder


def test_bad_rows_reported_good_rows_loaded_and_reimport_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write(tmp_path / "csv")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", "--url", url, str(folder)]) == 0
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    expected = [
        f"{folder / 'agents.csv'}:3: skill level out of 1-5 in 'tech:9'",
        f"{folder / 'agents.csv'}:4: bad skill level 'sales:three'",
        f"{folder / 'customers.csv'}:4: impossible phone number '123'",
        f"{folder / 'customers.csv'}:5: bad tier 'diamond' "
        "(expected platinum, gold, silver, standard)",
        f"{folder / 'customers.csv'}:7: expected 9 fields, saw 10",
        f"{folder / 'customers.csv'}:8: missing customer_id",
        f"{folder / 'customers.csv'}:9: bad lifetime_value 'lots'",
        f"{folder / 'purchases.csv'}:4: unknown customer 'C9'",
        f"{folder / 'purchases.csv'}:5: bad amount 'abc'",
        f"{folder / 'purchases.csv'}:7: bad purchased_at 'yesterday' (expected ISO 8601)",
        f"{folder / 'issues.csv'}:4: bad status 'weird' (expected open, pending, resolved, closed)",
        f"{folder / 'interactions.csv'}:5: unknown customer 'C404'",  # X1 spans 2 lines
    ]  # fmt: skip
    assert lines == expected
    assert len(out.strip().splitlines()) == 1
    assert "1 agents, 3 customers, 3 purchases, 3 issues, 2 interactions" in out
    assert "12 bad rows skipped" in out

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            phones = conn.execute(
                text("SELECT customer_id, phone FROM customer_phones ORDER BY 1, position")
            ).all()
            assert [tuple(p) for p in phones] == [
                ("C1", "+8613800138000"),
                ("C1", "+862162123456"),
                ("C2", "+8613800138000"),
            ]
            when = conn.execute(
                text("SELECT purchased_at FROM purchases WHERE purchase_id = 'P5'")
            ).scalar_one()
            assert str(when).startswith("2026-11-01 00:00:00")  # +08:00 converted to UTC
            # the first import into an empty store built the secondary indexes at the end
            indexes = set(
                conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars()
            )
            assert {"ix_customer_phones_phone", "ix_purchases_customer_time"} <= indexes
        before = store_checksum(engine)
        # the same files again: nothing duplicated, nothing changed (not even versions)
        assert main(["store", "import", "--url", url, str(folder)]) == 0
        capsys.readouterr()
        assert store_checksum(engine) == before
        # an edited file updates in place; a number dropped from the list is removed
        (folder / "customers.csv").write_text(
            "customer_id,name,tier,phones\nC1,Alice Wong-Li,platinum,13800138000\n",
            encoding="utf-8",
        )
        for other in ("purchases", "issues", "interactions", "agents"):
            (folder / f"{other}.csv").unlink()
        assert main(["store", "import", "--url", url, str(folder)]) == 0
        capsys.readouterr()
        assert main(["lookup", "--url", url, "--customer", "C1"]) == 0
        card = json.loads(capsys.readouterr().out)
        assert card["customer"]["name"] == "Alice Wong-Li"
        assert card["customer"]["tier"] == "platinum"
        assert card["customer"]["phones"] == ["+8613800138000"]
        assert [p["purchase_id"] for p in card["purchases"]] == ["P1", "P2"]
        assert [i["issue_id"] for i in card["open_issues"]] == ["I1", "I4"]
        assert card["interactions"][0]["interaction_id"] == "X1"
    finally:
        engine.dispose()


def test_unreadable_inputs_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", "--url", url, str(tmp_path / "missing")]) == 1
    assert "no such directory" in capsys.readouterr().err
    folder = tmp_path / "csv"
    folder.mkdir()
    assert main(["store", "import", "--url", url, str(folder)]) == 1
    assert "customers.csv" in capsys.readouterr().err
    (folder / "customers.csv").write_bytes(b"customer_id,n\xe4me\nC1,Alice\n")
    (folder / "agents.csv").write_text("agent,who\nA1,x\n", encoding="utf-8")
    (folder / "purchases.csv").write_text(PURCHASES, encoding="utf-8")
    assert main(["store", "import", "--url", url, str(folder)]) == 1
    out, err = capsys.readouterr()
    assert f"{folder / 'customers.csv'}: cannot read: the header is not UTF-8 text" in err
    assert f"{folder / 'agents.csv'}: cannot read: missing columns agent_id, name" in err
    # the readable file still loaded what it could (no customers, so every row is unknown)
    assert f"{folder / 'purchases.csv'}:2: unknown customer 'C1'" in err
    assert "unreadable: agents, customers" in out


@pytest.mark.postgres
def test_import_into_postgresql_gives_the_same_cards(
    fresh_pg_url: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = _write(tmp_path / "csv")
    sqlite_url = f"sqlite:///{tmp_path / 'store.db'}"
    errors = []
    for url in (sqlite_url, fresh_pg_url):
        assert main(["store", "import", "--url", url, str(folder)]) == 0
        errors.append(capsysbinary.readouterr().err)
        assert main(["store", "import", "--url", url, str(folder)]) == 0  # idempotent
        capsysbinary.readouterr()
    assert errors[0] == errors[1]
    for args in (["--customer", "C1"], ["--customer", "C2"], ["--phone", "13800138000"]):
        cards = []
        for url in (sqlite_url, fresh_pg_url):
            assert main(["lookup", "--url", url, *args]) == 0
            cards.append(capsysbinary.readouterr().out)
        assert cards[0] == cards[1], args
    assert json.loads(cards[0])["status"] == "ambiguous"
    pg = make_engine(fresh_pg_url)
    try:
        with pg.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM purchases")).scalar_one() == 3
            skills = conn.execute(text("SELECT skills FROM agents")).scalar_one()
            assert skills == {"billing": 4, "vip": 2}
    finally:
        pg.dispose()


@pytest.mark.filterwarnings("ignore:.*multi-threaded.*fork:DeprecationWarning")
def test_numbers_normalised_in_worker_processes_give_the_same_store(tmp_path: Path) -> None:
    import io

    from store.csv_import import import_dir
    from store.phones import PhoneNormalizer

    folder = _write(tmp_path / "csv")
    sums, reports = [], []
    for name, threshold in (("serial", 10**9), ("parallel", 1)):
        engine = make_engine(f"sqlite:///{tmp_path / name}.db")
        err = io.StringIO()
        try:
            import_dir(engine, folder, err=err, phone_threshold=threshold)
            sums.append(store_checksum(engine, with_version=False))
        finally:
            engine.dispose()
        reports.append(err.getvalue())
    assert sums[0] == sums[1] and reports[0] == reports[1]
    with PhoneNormalizer("CN", workers=2, threshold=1) as pn:
        assert pn.parallel
        got = pn.map(["13800138000", "123", "+1 415 555 2671", "13800138000"])
    assert got == {"13800138000": "+8613800138000", "123": None, "+1 415 555 2671": "+14155552671"}


def test_bad_rows_report_the_physical_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "customers.csv").write_text(
        "customer_id,name,tier,phones\n"  # 1
        'C1,"Alice\nWong\nthe third",gold,13800138000\n'  # 2-4
        "\n"  # 5: blank, skipped
        "C2,Bob,diamond,\n"  # 6
        'C3,"Carol ""C"" Li",silver\n'  # 7: short row, padded
        'C4,Dan"ny,silver,\n'  # 8: a quote inside an unquoted field is kept
        'C5,"Eve"x,silver,\n'  # 9: text after a closing quote
        "C6,Finn,gold,123,extra\n",  # 10
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", "--url", url, str(folder)]) == 0
    out, err = capsys.readouterr()
    path = folder / "customers.csv"
    assert err.strip().splitlines() == [
        f"{path}:6: bad tier 'diamond' (expected platinum, gold, silver, standard)",
        f"{path}:9: bad CSV quoting (',' expected after '\"')",
        f"{path}:10: expected 4 fields, saw 5",
    ]
    assert "imported 3 customers; 3 bad rows skipped" in out
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            names = conn.execute(text("SELECT name FROM customers ORDER BY 1")).scalars().all()
        assert names == ["Alice\nWong\nthe third", 'Carol "C" Li', 'Dan"ny']
    finally:
        engine.dispose()


def test_a_row_that_is_not_utf8_is_bad_the_others_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "customers.csv").write_bytes(
        b"customer_id,name,tier\n"  # 1
        + b"U1,Alice,gold\n"  # 2
        + b"U2,Ren\xe9,gold\n"  # 3: Latin-1, not UTF-8
        + "U3,王伟,silver\n".encode()  # 4
        + b'U4,"Bad\n\xff\xfe quoted",silver\n'  # 5-6
        + b"U5,Eve,standard\n"  # 7
    )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", "--url", url, str(folder)]) == 0
    out, err = capsys.readouterr()
    path = folder / "customers.csv"
    assert err.strip().splitlines() == [
        f"{path}:3: not UTF-8 text (byte 0xe9)",
        f"{path}:5: not UTF-8 text (byte 0xff)",
    ]
    assert "imported 3 customers; 2 bad rows skipped" in out
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ids = conn.execute(text("SELECT customer_id FROM customers ORDER BY 1")).scalars().all()
        assert ids == ["U1", "U3", "U5"]
    finally:
        engine.dispose()


def test_rows_loaded_before_a_file_turns_unreadable_are_counted(tmp_path: Path) -> None:
    import io

    from store.csv_import import import_dir

    folder = tmp_path / "csv"
    folder.mkdir()
    rows = "".join(f"K{i},Name {i}\n" for i in range(39))  # chunks: the header and 9, then 10s
    (folder / "customers.csv").write_text(
        "customer_id,name\n" + rows + 'K99,"never closed\n', encoding="utf-8"
    )
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        result = import_dir(engine, folder, err=io.StringIO(), chunk=10)
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM customers")).scalar()
    finally:
        engine.dispose()
    assert result.unreadable and n == result.loaded("customers") == 39
    assert result.line().startswith("imported 39 customers; 0 bad rows skipped; unreadable: ")


def test_a_quote_left_open_makes_the_file_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "customers.csv").write_text(
        'customer_id,name\nC1,Alice\nC2,"Bob\nC3,Carol\n', encoding="utf-8"
    )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", "--url", url, str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'customers.csv'}: cannot read: EOF inside a quoted field" in err
    assert "starting at line 3" in err


_FIELD = st.one_of(
    st.sampled_from(
        ["", " ", "gold", " Gold ", "GOLD", "diamond", "new", "Prospect", "zh", "en-GB", "1.5",
         "12", "-3.456", "nan", "inf", "1e12", "99999999999.99", "abc", "王伟", "x" * 17,
         "x" * 65, "y" * 201, " 7 "]
    ),
    st.text(max_size=8),
)  # fmt: skip


@given(st.tuples(*[_FIELD] * 7))
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_inline_customer_checks_equal_the_field_parsers(fields: tuple[str, ...]) -> None:
    from store.csv_import import BadRow, _customer_row, _plain_customer

    cid, name, tier, lifecycle, language, email, ltv = fields
    row = dict(customer_id=cid, name=name, tier=tier, lifecycle=lifecycle)
    row.update(language=language, email=email, lifetime_value=ltv, phones="")
    fast = _plain_customer(cid, name, tier, lifecycle, language, email, ltv)
    try:
        slow, _ = _customer_row(row, "CN")
    except BadRow:
        assert fast is None
        return
    assert fast == slow  # valid fields: the same row
