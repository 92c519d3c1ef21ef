"""Agentdesk: contact-center agent desktop with CTI screen-pop.

This package holds the command line (``agentdesk``) and the layered configuration. The
product itself lives in the top-level packages ``store`` (customer data and sync),
``telephony`` (bus, switchboard, routing, metrics) and ``desktop`` (the Qt user interface).

``__version__`` is computed on first use (module ``__getattr__``): ``importlib.metadata``
costs 50-100 ms of imports, which every ``agentdesk`` command and the desktop's start-up would
otherwise pay before doing anything.
"""

from __future__ import annotations

from typing import Any


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("agentdesk")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return str(tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        version = _version()
        globals()["__version__"] = version  # computed once
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
