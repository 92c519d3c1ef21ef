"""Entry point of the frozen build (both executables run this script).

* ``agentdesk`` (console): exactly the ``agentdesk`` command line of CONTRACT section 1.
* ``agentdesk-gui`` (windowed; what the Start-menu shortcut, the Linux ``.desktop`` entry and
  the macOS ``.app`` start): the same command line, but with no arguments it runs
  ``agentdesk desktop``; it ignores the ``-psn_*`` argument old macOS Finder versions add; and,
  having no console, it writes its output to ``<user log dir>/agentdesk-gui.log`` and shows a
  runtime error in a message box too, so a misconfigured workstation tells the agent what is
  wrong (not when there is nobody to close it: offscreen, or no display).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path


def _is_gui_launcher() -> bool:
    return Path(sys.executable).stem.lower().endswith("-gui")


def can_show_dialog() -> bool:
    """Whether a message box could reach a person (not offscreen, not without a display)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform in ("offscreen", "minimal", "minimalegl", "vnc", "linuxfb"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _show_error(message: str) -> None:
    if not can_show_dialog():  # a modal box nobody can close would hang the launcher
        return
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "Agentdesk", message)
        del app
    except Exception:  # no display at all: the log file has it
        pass


def gui_argv(argv: list[str]) -> list[str]:
    """The command line the windowed launcher runs: ``desktop`` when given nothing."""
    return [a for a in argv if not a.startswith("-psn_")] or ["desktop"]


def gui_main(argv: list[str], show_error: Callable[[str], None] = _show_error) -> int:
    from agentdesk.cli import main
    from agentdesk.config import user_log_dir

    argv = gui_argv(argv)
    captured = io.StringIO()
    log_file = None
    if sys.stderr is None or sys.stdout is None:  # windowed: no console streams
        try:
            log_dir = user_log_dir()
            log_dir.mkdir(parents=True, exist_ok=True)
            log_file = (log_dir / "agentdesk-gui.log").open("a", encoding="utf-8")
        except OSError:
            log_file = None
        sys.stdout = log_file or io.StringIO()
    real_stderr = sys.stderr or log_file
    sys.stderr = _Tee(captured, real_stderr)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help, --version, bad usage
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.stderr = real_stderr
    if code not in (0, 130):
        lines = [line for line in captured.getvalue().splitlines() if line.strip()]
        show_error(lines[-1] if lines else f"agentdesk exited with status {code}")
    if log_file is not None:
        log_file.close()
    return int(code)


class _Tee(io.TextIOBase):
    """Writes to a capture buffer and, if there is one, the real stream."""

    def __init__(self, capture: io.StringIO, real: object) -> None:
        self._capture = capture
        self._real = real

    def write(self, s: str) -> int:
        self._capture.write(s)
        if self._real is not None:
            self._real.write(s)  # type: ignore[attr-defined]
        return len(s)

    def flush(self) -> None:
        if self._real is not None:
            self._real.flush()  # type: ignore[attr-defined]

    def fileno(self) -> int:  # faulthandler and friends write to the real stream
        if self._real is None:
            raise OSError("no console")
        return int(self._real.fileno())  # type: ignore[attr-defined]

    @property
    def encoding(self) -> str:
        return str(getattr(self._real, "encoding", None) or "utf-8")


def main() -> int:
    if _is_gui_launcher():
        return gui_main(sys.argv[1:])
    from agentdesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    # multiprocessing in a frozen app needs this before anything else (harmless otherwise).
    import multiprocessing

    multiprocessing.freeze_support()
    raise SystemExit(main())
