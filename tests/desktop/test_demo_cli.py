"""The one-command demo and the desktop command, run as a user would (subprocess, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["AGENTDESK_CONFIG"] = os.devnull
    env["AGENTDESK_SYSTEM_CONFIG"] = os.devnull
    return env


def test_demo_runs_and_quits(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "agentdesk", "demo", "--data-dir", str(tmp_path),
         "--quit-after", "4", "--rate", "60", "--agents", "2"],
        capture_output=True, text=True, timeout=110, env=_env(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "you are agent A001" in proc.stdout
    assert (tmp_path / "central.db").is_file() and (tmp_path / "replica.db").is_file()
