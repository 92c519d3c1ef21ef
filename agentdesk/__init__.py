"""Agentdesk: contact-center agent desktop with CTI screen-pop.

This package holds the command line (``agentdesk``) and the layered configuration. The
product itself lives in the top-level packages ``store`` (customer data and sync),
``telephony`` (bus, switchboard, routing, metrics) and ``desktop`` (the Qt user interface).
"""

from __future__ import annotations

from importlib import metadata


def _version() -> str:
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


__version__ = _version()
