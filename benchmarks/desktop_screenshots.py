"""Screenshots of the agent desktop for docs/ (the real window; run under Xvfb).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/desktop_screenshots.py
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/desktop_screenshots.py \\
        --lang zh_CN --shots ringing,wrapup
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python benchmarks/desktop_screenshots.py \\
        --theme dark --shots oncall

It builds the demo's stores once (``desktop.demo.prepare_stores``: a seeded "central" SQLite
store and the desk's synced replica, cached under ``--data-dir``), starts a real
``agentdesk switchboard`` process, opens the desktop logged in as the first agent with central
configured, and has the IVR ring it: a top-tier customer with open issues (ringing, then on
call), the wrap-up after hanging up, and a number shared by several customers (the chooser).
The window is grabbed at 1366x768; the wrap-up shot grabs the screen, so the dialog is in it.
Files: ``docs/desktop-<prefix><shot>.png`` with the prefix ``zh_CN-`` / ``dark-`` for a
non-default language / theme.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")  # before desktop_bench, which picks offscreen
os.environ.setdefault("AGENTDESK_CONFIG", os.devnull)
os.environ.setdefault("AGENTDESK_SYSTEM_CONFIG", os.devnull)

RULES = """\
version: 1
defaults: {ring_timeout: 40, wrap_up: 60, max_no_answer: 1000}
tiers: [platinum, gold, silver, standard]
queues:
  general: {}
rules:
  - name: technical support
    when: {ivr.menu: "3"}
    steps:
      - {queue: general}
fallback: {queue: general}
"""
SHOTS = ("ringing", "oncall", "wrapup", "ambiguous")


def pick_numbers(url: str) -> tuple[str, str]:
    """(a platinum or gold customer's own number with open issues, a shared number)."""
    from sqlalchemy import text

    from store.db import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            known = conn.execute(
                text(
                    "SELECT p.phone FROM customers c JOIN customer_phones p "
                    "ON p.customer_id = c.customer_id "
                    "WHERE c.tier = 'platinum' AND EXISTS (SELECT 1 FROM issues i WHERE "
                    "i.customer_id = c.customer_id AND i.status IN ('open', 'pending')) "
                    "AND (SELECT count(*) FROM customer_phones q WHERE q.phone = p.phone) = 1 "
                    "AND (SELECT count(*) FROM purchases u WHERE u.customer_id = c.customer_id) "
                    ">= 3 ORDER BY c.customer_id LIMIT 1"
                )
            ).scalar_one()
            shared = conn.execute(
                text(
                    "SELECT phone FROM customer_phones GROUP BY phone HAVING count(*) BETWEEN 2 "
                    "AND 3 ORDER BY phone LIMIT 1"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return str(known), str(shared)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="en", choices=["en", "zh_CN"])
    ap.add_argument("--theme", default="light", choices=["light", "dark"])
    ap.add_argument("--shots", default=",".join(SHOTS), help=f"comma-separated: {SHOTS}")
    ap.add_argument("--out", default=str(ROOT / "docs"))
    ap.add_argument(
        "--data-dir", default=str(Path(tempfile.gettempdir()) / "agentdesk-screenshots")
    )
    args = ap.parse_args()
    shots = [s for s in args.shots.split(",") if s]
    prefix = "".join(
        p for p, on in (("zh_CN-", args.lang == "zh_CN"), ("dark-", args.theme == "dark")) if on
    )

    from desktop_bench import SwitchboardProcess
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from agentdesk.config import load_settings
    from desktop.app import DesktopApp, dispose_qapp, make_qapp
    from desktop.demo import prepare_stores
    from store.db import make_engine
    from store.directory import list_agents
    from telephony.client import BusClient

    # the demo's stores, seeded once; every run works on a fresh copy (same pictures each time)
    cache = Path(args.data_dir)
    prepare_stores(cache)
    folder = Path(tempfile.mkdtemp(prefix="agentdesk-shots-"))
    for name in ("central.db", "replica.db"):
        engine = make_engine(f"sqlite:///{cache / name}")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        shutil.copyfile(cache / name, folder / name)
    central_url, replica_url = (
        f"sqlite:///{folder / 'central.db'}",
        f"sqlite:///{folder / 'replica.db'}",
    )
    known, shared = pick_numbers(replica_url)
    rules_path = folder / "screenshot_rules.yaml"
    rules_path.write_text(RULES)
    sb = SwitchboardProcess(replica_url, rules_path)
    settings = load_settings(
        {
            "commands_endpoint": sb.commands_endpoint,
            "events_endpoint": sb.events_endpoint,
            "rules": str(rules_path),
            "language": args.lang,
            "theme": args.theme,
        },
        environ={},
    )
    app = make_qapp(settings)
    engine = make_engine(replica_url)
    with engine.connect() as conn:
        agent_id = list_agents(conn)[0].agent_id
    engine.dispose()
    desk = DesktopApp(
        settings,
        agent_id=agent_id,
        store_url=replica_url,
        central_url=central_url,
        data_dir=Path(tempfile.mkdtemp(prefix="agentdesk-shots-")),
        auto_ready=True,
    )
    ivr = BusClient(sb.commands_endpoint, sb.events_endpoint, track_state=False)
    ivr.open()
    w, c = desk.window, desk.controller
    out = Path(args.out)

    def run_until(pred: Any, timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while not pred():
            if time.monotonic() > end:
                raise TimeoutError("screenshot step timed out")
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        run_until(lambda: time.monotonic() > end)

    def save(name: str, screen: bool = False) -> None:
        if name not in shots:
            return
        settle()
        path = out / f"desktop-{prefix}{name}.png"
        pixmap = QApplication.primaryScreen().grabWindow(0) if screen else w.grab()
        pixmap.save(str(path))
        print(f"wrote {path} ({pixmap.width()}x{pixmap.height()})", flush=True)

    refreshed: list[str] = []
    c.cardRefreshed.connect(lambda cid, changed: refreshed.append(cid))
    try:
        desk.start(show=False)
        w.move(0, 0)
        w.resize(1366, 768)
        w.show()
        run_until(lambda: c.agent.get("state") == "ready")
        c.sync_now()
        settle(1.5)
        ivr_data = {"menu": "3", "intent": "router_setup", "result": "ok", "verified": True}
        call_id = str(ivr.request("ivr.call", {"ani": known, "ivr": ivr_data})["call_id"])
        run_until(lambda: c.call is not None and bool(refreshed))
        settle(2.2)  # the countdown has moved a little, as an agent would see it
        save("ringing")
        w.banner.answer.click()
        run_until(lambda: w.controls.hangup.isEnabled())
        settle(3.2)
        save("oncall")
        w.controls.hangup.click()
        run_until(lambda: w.wrapup.isVisible())
        dlg = w.wrapup
        dlg.disposition.setCurrentIndex(dlg.disposition.findData("follow_up"))
        notes = {
            "en": "Router reboots every night since the firmware update. Sent a replacement; "
            "customer will call back if it happens again.",
            "zh_CN": "固件升级后路由器每晚重启。已安排寄送新设备，如再发生客户会回电。",
        }
        dlg.notes.setPlainText(notes[args.lang])
        dlg.follow_up.setChecked(True)
        dlg.issue_title.setText(
            "Check the replacement router arrived" if args.lang == "en" else "确认新路由器已送达"
        )
        geo = dlg.frameGeometry()
        dlg.move(w.x() + (w.width() - geo.width()) // 2, w.y() + (w.height() - geo.height()) // 3)
        dlg.raise_()
        save("wrapup", screen=True)
        with_saved: list[str] = []
        c.wrapUpSaved.connect(with_saved.append)
        dlg.save.click()
        run_until(lambda: bool(with_saved) and c.agent.get("state") == "ready")
        if "ambiguous" in shots:
            refreshed.clear()
            call_id = str(ivr.request("ivr.call", {"ani": shared, "ivr": ivr_data})["call_id"])
            run_until(lambda: c.call is not None and c.call.get("call_id") == call_id)
            settle(1.5)
            save("ambiguous")
            ivr.request("ivr.hangup", {"call_id": call_id})
    finally:
        ivr.close()
        desk.shutdown()
        sb.stop()
        dispose_qapp(app)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
