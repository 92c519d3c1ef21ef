"""Smoke test of the frozen build, its tarball and its .deb (``make dist-test``).

These run only when ``AGENTDESK_DIST`` names the dist folder ``make dist`` filled (``make
dist-test`` sets it); in ``make test`` they are skipped. Every command runs the frozen
executables with a clean environment (no virtualenv, no PYTHONPATH), offscreen.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zmq

from installer import build, buildinfo

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent.parent
VERSION = buildinfo.project_version()


@pytest.fixture(scope="module")
def dist() -> Path:
    value = os.environ.get("AGENTDESK_DIST")
    if not value:
        pytest.skip("smoke test of the frozen build: run `make dist-test`")
    path = Path(value).resolve()
    if not (path / "agentdesk" / "agentdesk").is_file():
        pytest.fail(f"{path}/agentdesk has no build: run `make dist` first")
    return path


@pytest.fixture(scope="module")
def frozen(dist: Path) -> Path:
    return dist / "agentdesk"


def clean_env(home: Path) -> dict[str, str]:
    """What a workstation session has: no virtualenv, no developer overrides."""
    home.mkdir(parents=True, exist_ok=True)
    home.chmod(0o700)  # also XDG_RUNTIME_DIR, which Qt wants private
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
        "AGENTDESK_CONFIG": str(home / "absent.toml"),
        "AGENTDESK_DATA_DIR": str(home / "data"),
        "AGENTDESK_LOG_DIR": str(home / "log"),
    }


def run(
    exe: Path | str, *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr[-3000:]}"
    return proc.stdout


@pytest.fixture(scope="module")
def seeded(frozen: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A store seeded by the frozen app, and one caller of it the demo rules route to general."""
    tmp = tmp_path_factory.mktemp("seeded")
    env = clean_env(tmp / "home")
    db = tmp / "store.db"
    url = f"sqlite:///{db}"
    out = ok(run(frozen / "agentdesk", "store", "seed", "--url", url, "--customers", "40", env=env))
    assert "seeded 40 customers" in out
    with sqlite3.connect(db) as con:
        # callers the demo rules route to `general` (every seeded agent serves it), each with
        # a Chinese mobile number of their own (so a national-format lookup is unambiguous)
        callers = con.execute(
            "SELECT c.customer_id, min(p.phone) FROM customers c JOIN customer_phones p"
            " ON p.customer_id = c.customer_id WHERE c.tier IN ('silver', 'standard')"
            " AND p.phone LIKE '+861%' AND (SELECT count(*) FROM customer_phones q"
            " WHERE q.phone = p.phone) = 1 GROUP BY c.customer_id ORDER BY 1 LIMIT 1"
        ).fetchall()
        agents = [r[0] for r in con.execute("SELECT agent_id FROM agents ORDER BY 1")]
    assert callers and agents
    cid, phone = callers[0]
    card = json.loads(
        ok(run(frozen / "agentdesk", "lookup", "--url", url, "--customer", cid, env=env))
    )
    assert card["status"] == "found" and phone in card["customer"]["phones"]
    return {"url": url, "agents": agents, "env": env, "customer_id": cid, "phone": phone}


# --- the build ------------------------------------------------------------------------------


def test_version_of_both_executables(frozen: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    for exe in (buildinfo.APP, buildinfo.GUI_EXE):
        assert ok(run(frozen / exe, "--version", env=env)).strip() == f"agentdesk {VERSION}"


def test_build_carries_what_the_app_needs_and_not_more(frozen: Path) -> None:
    internal = frozen / "_internal"
    # resources, exactly as in the source tree (translation sources excepted)
    for src in (ROOT / "resources").rglob("*"):
        if src.is_file() and src.suffix != ".ts":
            assert (internal / src.relative_to(ROOT)).is_file(), src
    # Alembic migrations as files, since Alembic reads them from disk
    for src in (ROOT / "store" / "migrations").rglob("*.py"):
        assert (internal / src.relative_to(ROOT)).is_file(), src
    # version metadata
    assert list(internal.glob("agentdesk*.dist-info")) or list(internal.glob("agentdesk*.egg-info"))
    # Qt: the platforms and formats we use, none of the modules we do not
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so"):
        assert (plugins / plugin).is_file(), plugin
    for plugin in (
        "platforms/libqeglfs.so",
        "platforms/libqvnc.so",
        "imageformats/libqpdf.so",
        "platformthemes/libqgtk3.so",
        "platforminputcontexts/libqtvirtualkeyboardplugin.so",
    ):
        assert not (plugins / plugin).exists(), plugin
    files = [p.name for p in internal.rglob("*")]
    for module in buildinfo.QT_EXCLUDES:
        lib = f"libQt6{module[2:]}"
        assert not [f for f in files if f.startswith(lib) or f.startswith(f"{module}.")], module
    if any("QtCharts" in p.read_text("utf-8") for p in (ROOT / "desktop").rglob("*.py")):
        assert (internal / "PySide6" / "Qt" / "lib" / "libQt6Charts.so.6").is_file()
    qms = {p.stem for p in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert "qtbase_zh_CN" in qms and qms <= {"qt_en", "qt_zh_CN", "qtbase_en", "qtbase_zh_CN"}
    # Faker: only the seeding locales (and provider fallbacks such as en_GB for bank)
    locales = {p.name for p in (internal / "faker" / "providers" / "address").iterdir()}
    assert {"en", "en_US", "zh_CN"} <= locales and "de_DE" not in locales
    for absent in ("pyarrow", "pytest", "tkinter", "hypothesis", "phonenumbers/geodata"):
        assert not (internal / absent).exists(), absent
    dangling = [p for p in frozen.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling


def test_every_library_resolves(frozen: Path) -> None:
    """As the bootloader runs them, every ELF file of the build finds its libraries (only the
    Wayland plugin's libwayland-* may be absent: the .deb recommends them)."""
    if not shutil.which("ldd"):
        pytest.skip("ldd not available")
    _, missing = build.system_libraries(frozen)
    assert set(missing) <= build.OPTIONAL_LIBS.keys(), missing


# --- the command line, frozen ------------------------------------------------------------------


def test_seeded_store_lookup_matches_the_source_tree(frozen: Path, seeded: dict[str, Any]) -> None:
    import sys

    env = seeded["env"]
    cid, phone = seeded["customer_id"], seeded["phone"]
    frozen_out = ok(
        run(frozen / "agentdesk", "lookup", "--url", seeded["url"], "--phone", phone, env=env)
    )
    source = subprocess.run(
        [sys.executable, "-m", "agentdesk", "lookup", "--url", seeded["url"], "--phone", phone],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "AGENTDESK_CONFIG": os.devnull},
    )
    assert source.returncode == 0, source.stderr
    assert frozen_out == source.stdout  # byte for byte, frozen or not
    assert json.loads(frozen_out)["customer"]["customer_id"] == cid


def test_runtime_error_is_one_line(frozen: Path, tmp_path: Path) -> None:
    proc = run(
        frozen / "agentdesk",
        "store",
        "import",
        "--url",
        f"sqlite:///{tmp_path}/s.db",
        str(tmp_path / "no-such-dir"),
        env=clean_env(tmp_path),
    )
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("agentdesk: error:") and "Traceback" not in proc.stderr


# --- the desktop, frozen, against a real (frozen) switchboard --------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Bus:
    """A plain ZeroMQ client of the contract's bus (DEALER + SUB), to drive the smoke test."""

    def __init__(self, commands: str, events: str, topics: list[str]) -> None:
        self.ctx = zmq.Context()
        self.dealer = self.ctx.socket(zmq.DEALER)
        self.dealer.linger = 0
        self.dealer.connect(commands)
        self.sub = self.ctx.socket(zmq.SUB)
        self.sub.linger = 0
        for topic in topics:
            self.sub.setsockopt_string(zmq.SUBSCRIBE, topic)
        self.sub.connect(events)

    def call(self, cmd: str, timeout: float = 20.0, **args: Any) -> dict[str, Any]:
        rid = uuid.uuid4().hex
        self.dealer.send_json({"v": 1, "id": rid, "cmd": cmd, **args})
        while self.dealer.poll(int(timeout * 1000)):
            reply = self.dealer.recv_json()
            if reply.get("id") == rid:
                assert reply["ok"], reply
                return dict(reply["result"])
        raise AssertionError(f"no reply to {cmd} in {timeout} s")

    def wait_event(self, want: Any, timeout: float = 30.0) -> dict[str, Any]:
        import time

        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0 and self.sub.poll(int(left * 1000)):
            _topic, body = self.sub.recv_multipart()
            env = json.loads(body)
            if want(env):
                return dict(env)
        raise AssertionError(f"no matching event in {timeout} s")

    def close(self) -> None:
        self.ctx.destroy(linger=0)


@contextlib.contextmanager
def frozen_switchboard(frozen: Path, store_url: str, home: Path) -> Iterator[dict[str, str]]:
    """The frozen `agentdesk switchboard` on free loopback ports, stopped (SIGTERM: it flushes
    its event log) on exit."""
    commands, events = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    rules = frozen / "_internal" / "resources" / "rules" / "demo.yaml"
    proc = subprocess.Popen(
        [
            str(frozen / "agentdesk"),
            "switchboard",
            "--rules",
            str(rules),
            "--store",
            store_url,
            "--commands",
            commands,
            "--events",
            events,
        ],
        env=clean_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield {"commands": commands, "events": events}
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err


@pytest.fixture
def switchboard(frozen: Path, seeded: dict[str, Any], tmp_path: Path) -> Iterator[dict[str, str]]:
    with frozen_switchboard(frozen, seeded["url"], tmp_path / "sb") as endpoints:
        yield endpoints


def test_desktop_pops_a_call_from_the_switchboard(
    frozen: Path, seeded: dict[str, Any], switchboard: dict[str, str], tmp_path: Path
) -> None:
    agent = seeded["agents"][0]
    cid, phone = seeded["customer_id"], seeded["phone"]  # routed to `general` by the rules
    bus = Bus(switchboard["commands"], switchboard["events"], [f"desk/{agent}/"])
    desk = None
    try:
        bus.call("ping")  # the frozen switchboard is up
        desk = subprocess.Popen(
            [
                str(frozen / buildinfo.GUI_EXE),
                "desktop",
                "--agent",
                agent,
                "--store",
                seeded["url"],
                "--commands",
                switchboard["commands"],
                "--events",
                switchboard["events"],
                "--quit-after",
                "20",
                "--debug",
            ],
            env=clean_env(tmp_path / "desk"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # the desktop logs its agent in over the bus
        bus.wait_event(
            lambda e: e["type"] == "agent.state" and e["data"]["state"] != "logged_out",
            timeout=60,
        )
        bus.call("agent.state", agent_id=agent, state="ready")
        placed = bus.call(
            "ivr.call",
            ani=phone,
            external_id=uuid.uuid4().hex,
            ivr={"result": "ok"},
        )
        offered = bus.wait_event(
            lambda e: e["type"] == "call.offered" and e["data"]["call_id"] == placed["call_id"]
        )
        assert offered["data"]["agent_id"] == agent
        assert offered["data"]["customer_id"] == cid
        # still alive while it pops the call and its card, then quits on its own
        assert desk.poll() is None
        _out, err = desk.communicate(timeout=90)
        assert desk.returncode == 0, err[-3000:]
        assert "Traceback" not in err and " ERROR " not in err, err[-3000:]
    finally:
        if desk is not None and desk.poll() is None:
            desk.kill()
            desk.communicate()
        bus.close()


@pytest.mark.timeout(400)
def test_demo_runs_frozen_and_rings_the_agent(frozen: Path, tmp_path: Path) -> None:
    """`agentdesk demo`, frozen, nothing configured: it creates its stores, starts the
    switchboard and the IVR generator, and the desktop's agent (auto-ready) gets calls."""
    commands, events = f"tcp://127.0.0.1:{free_port()}", f"tcp://127.0.0.1:{free_port()}"
    bus = Bus(commands, events, ["desk/"])  # reconnects until the demo's switchboard binds
    demo = subprocess.Popen(
        [
            str(frozen / buildinfo.GUI_EXE),
            "demo",
            "--data-dir",
            str(tmp_path / "demo"),
            "--agents",
            "0",
            "--rate",
            "120",
            "--commands",
            commands,
            "--events",
            events,
            "--quit-after",
            "20",
        ],
        env=clean_env(tmp_path / "home"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        offered = bus.wait_event(lambda e: e["type"] == "call.offered", timeout=300)
        out, err = demo.communicate(timeout=120)
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.communicate()
        bus.close()
    assert demo.returncode == 0, err[-3000:]
    assert "Traceback" not in err and " ERROR " not in err, err[-3000:]
    me = re.search(r"you are agent (\S+);", out)
    assert me, out
    assert offered["data"]["agent_id"] == me.group(1)  # no simulated agents: only the desk's
    assert (tmp_path / "demo" / "central.db").is_file()
    assert (tmp_path / "demo" / "replica.db").is_file()


def test_supervisor_console_runs(
    frozen: Path, seeded: dict[str, Any], switchboard: dict[str, str], tmp_path: Path
) -> None:
    """The supervisor console (QtCharts, the pandas metrics thread) opens offscreen on the live
    bus and the store's event log, and closes cleanly."""
    proc = run(
        frozen / buildinfo.GUI_EXE,
        "desktop",
        "--supervisor",
        "--store",
        seeded["url"],
        "--commands",
        switchboard["commands"],
        "--events",
        switchboard["events"],
        "--quit-after",
        "6",
        env=clean_env(tmp_path / "sup"),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and " ERROR " not in proc.stderr, proc.stderr[-3000:]


def test_report_matches_the_source_tree(
    frozen: Path, seeded: dict[str, Any], tmp_path: Path
) -> None:
    """pandas, NumPy and openpyxl work frozen: calls from the frozen IVR simulator through the
    frozen switchboard give the same interval report, byte for byte, as the source tree."""
    import sys
    import time

    day = 86400
    start = time.strftime("%Y-%m-%dT00:00:00Z", time.gmtime(time.time() - day))
    end = time.strftime("%Y-%m-%dT00:00:00Z", time.gmtime(time.time() + day))
    env = clean_env(tmp_path / "home")
    url = f"sqlite:///{tmp_path}/report.db"
    ok(run(frozen / "agentdesk", "store", "seed", "--url", url, "--customers", "20", env=env))
    with frozen_switchboard(frozen, url, tmp_path / "sb") as sb:
        ok(
            run(
                frozen / "agentdesk",
                "ivr-sim",
                "--count",
                "4",
                "--rate",
                "600",
                "--duration",
                "3",
                "--store",
                url,
                "--commands",
                sb["commands"],
                "--events",
                sb["events"],
                env=env,
            )
        )
    args = ["report", "--store", url, "--from", start, "--to", end, "--interval", "60"]
    ok(run(frozen / "agentdesk", *args, "--out", str(tmp_path / "frozen.csv"), env=env))
    ok(run(frozen / "agentdesk", *args, "--out", str(tmp_path / "frozen.xlsx"), env=env))
    source = subprocess.run(
        [sys.executable, "-m", "agentdesk", *args, "--out", str(tmp_path / "source.csv")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "AGENTDESK_CONFIG": os.devnull},
    )
    assert source.returncode == 0, source.stderr
    frozen_csv = (tmp_path / "frozen.csv").read_text("utf-8")
    assert frozen_csv == (tmp_path / "source.csv").read_text("utf-8")
    assert len(frozen_csv.splitlines()) > 1
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "frozen.xlsx", read_only=True)
    assert book.worksheets and book.worksheets[0].max_row > 1


def test_desktop_opens_on_x11(frozen: Path, seeded: dict[str, Any], tmp_path: Path) -> None:
    """The xcb platform plugin (what X11 and XWayland desktops use) loads and shows the window,
    in Chinese (the app's .qm translations are in the build)."""
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run not available")
    env = {**clean_env(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    proc = run(
        "xvfb-run",
        "-a",
        str(frozen / buildinfo.GUI_EXE),
        "desktop",
        "--agent",
        seeded["agents"][0],
        "--store",
        seeded["url"],
        "--commands",
        f"tcp://127.0.0.1:{free_port()}",
        "--events",
        f"tcp://127.0.0.1:{free_port()}",
        "--quit-after",
        "4",
        "--lang",
        "zh_CN",
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Could not load the Qt platform plugin" not in proc.stderr
    assert "no translation file" not in proc.stderr
    assert "Traceback" not in proc.stderr


# --- the packages ---------------------------------------------------------------------------


def test_tarball_unpacks_anywhere_and_runs(dist: Path, tmp_path: Path) -> None:
    tarball = dist / f"agentdesk-{VERSION}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
        assert "agentdesk/agentdesk" in names and "agentdesk/share/agentdesk.desktop" in names
        assert all(n == "agentdesk" or n.startswith("agentdesk/") for n in names)
        tar.extractall(tmp_path / "opt", filter="tar")
    exe = tmp_path / "opt" / "agentdesk" / "agentdesk"
    env = clean_env(tmp_path / "home")
    assert ok(run(exe, "--version", env=env)).strip() == f"agentdesk {VERSION}"
    ok(run(exe, "store", "init", "--url", f"sqlite:///{tmp_path}/s.db", env=env))


def _installed(package: str) -> bool:
    proc = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
    )
    return (
        proc.returncode == 0 and "installed" in proc.stdout and "not-installed" not in proc.stdout
    )


def test_deb_installs_runs_and_removes(dist: Path, seeded: dict[str, Any], tmp_path: Path) -> None:
    if not shutil.which("dpkg") or os.geteuid() != 0:
        pytest.skip("installing the .deb needs dpkg and root")
    if _installed("agentdesk"):
        pytest.skip("agentdesk is already installed on this machine; not touching it")
    debs = list(dist.glob(f"agentdesk_{buildinfo.debian_version(VERSION)}_*.deb"))
    assert len(debs) == 1, debs
    system_file = Path("/etc/agentdesk/agentdesk.toml")
    if system_file.exists():
        pytest.skip(f"{system_file} exists on this machine; not touching it")
    env = clean_env(tmp_path / "home")
    subprocess.run(["dpkg", "-i", str(debs[0])], check=True, capture_output=True, timeout=300)
    try:
        assert _installed("agentdesk")
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "agentdesk"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert version == buildinfo.debian_version(VERSION)
        assert ok(run("agentdesk", "--version", env=env)).strip() == f"agentdesk {VERSION}"
        entry = Path("/usr/share/applications/agentdesk.desktop").read_text("utf-8")
        exec_path = re.search(r"^Exec=(\S+)", entry, re.M).group(1)  # type: ignore[union-attr]
        assert os.access(exec_path, os.X_OK)
        assert Path("/usr/share/icons/hicolor/256x256/apps/agentdesk.png").is_file()
        # the installed app reads IT's file, and keeps what IT locked
        national = seeded["phone"].removeprefix("+86")  # e.g. 13600012345
        args = ["lookup", "--url", seeded["url"], "--phone", national, "--region", "CN"]
        assert json.loads(ok(run("agentdesk", *args, env=env)))["status"] == "found"
        system_file.write_text('locked = ["default_region"]\ndefault_region = "US"\n', "utf-8")
        try:
            locked = json.loads(ok(run("agentdesk", *args, env=env)))
        finally:
            system_file.unlink()
        assert locked["status"] == "unknown"  # read as a US number: IT's region, not the flag's
    finally:
        removed = subprocess.run(
            ["dpkg", "-r", "agentdesk"], capture_output=True, text=True, timeout=300
        )
    assert removed.returncode == 0, removed.stderr
    assert not _installed("agentdesk")
    for path in (
        "/opt/agentdesk",
        "/usr/bin/agentdesk",
        "/usr/share/applications/agentdesk.desktop",
        "/etc/agentdesk",
    ):
        assert not Path(path).exists(), path
    # a package with maintainer scripts stays known as "config-files" until purged
    purged = subprocess.run(
        ["dpkg", "-P", "agentdesk"], capture_output=True, text=True, timeout=300
    )
    assert purged.returncode == 0, purged.stderr
    known = subprocess.run(["dpkg-query", "-W", "agentdesk"], capture_output=True, text=True)
    assert known.returncode != 0  # nothing left behind
