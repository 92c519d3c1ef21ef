"""The command line's exit-status contract (CONTRACT section 1)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from agentdesk import __version__
from agentdesk.cli import build_parser, main

SUBCOMMANDS = [
    ["demo"],
    ["desktop"],
    ["switchboard"],
    ["ivr-sim"],
    ["store", "init"],
    ["store", "import"],
    ["store", "seed"],
    ["store", "sync"],
    ["lookup"],
    ["report"],
]


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_has_help(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*words, "--help"])
    assert exc.value.code == 0
    assert "usage: agentdesk" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["lookup", "--url", "sqlite://"])  # neither --phone nor --customer
    assert exc.value.code == 2
    assert "one of the arguments --phone --customer is required" in capsys.readouterr().err


def test_version_comes_from_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"agentdesk {__version__}"
    assert __version__ != "0+unknown"


def test_runtime_error_is_one_line_without_traceback(tmp_path) -> None:
    bad = tmp_path / "missing-dir" / "nope"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "store",
            "import",
            "--url",
            f"sqlite:///{tmp_path}/s.db",
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines, proc.stderr
    assert lines[-1].startswith("agentdesk: error:")
    assert "Traceback" not in proc.stderr


def test_debug_before_subcommand_is_kept() -> None:
    args = build_parser().parse_args(["--debug", "store", "init", "--url", "sqlite://"])
    assert args.debug is True


def test_long_running_commands_log_to_the_user_log_dir(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    from agentdesk.cli import _setup_logging
    from agentdesk.config import load_settings

    monkeypatch.setenv("AGENTDESK_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    try:
        args = build_parser().parse_args(["desktop", "--agent", "A001"])
        _setup_logging(args, load_settings(environ={}))
        _setup_logging(args, load_settings(environ={}))  # again: no duplicate handlers
        logging.getLogger("desktop.test").info("popped call C-1")
        ours = [h for h in root.handlers if getattr(h, "_agentdesk", False)]
        assert len(ours) == 2  # console + file
        for h in ours:
            h.flush()
        text = (tmp_path / "logs" / "agentdesk.log").read_text("utf-8")
        assert "INFO desktop.test: popped call C-1" in text
    finally:
        for h in [h for h in root.handlers if getattr(h, "_agentdesk", False)]:
            root.removeHandler(h)
            h.close()
        root.setLevel(saved[0])
