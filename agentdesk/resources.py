"""Where the application's resource files are, from a source tree and from a frozen build.

Resources are the files under the repository's ``resources/`` directory: translations
(``i18n/*.qm``), themes (``themes/*.qss``), routing rules (``rules/*.yaml``) and icons
(``icons/``). Code never builds these paths from ``__file__`` itself; it asks::

    from agentdesk.resources import resource_path
    qss = resource_path("themes", "dark.qss").read_text("utf-8")

so that the same call works

* from a source checkout or an editable install: ``<repo>/resources/...``;
* from the PyInstaller build (``installer/agentdesk.spec`` copies ``resources/`` to
  ``<sys._MEIPASS>/resources``; ``_MEIPASS`` is the build's ``_internal`` folder, or
  ``Contents/Frameworks`` in a macOS ``.app``);
* anywhere else when ``AGENTDESK_RESOURCES`` names the directory (packagers, tests).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from agentdesk.errors import AgentdeskError

ENV = "AGENTDESK_RESOURCES"


def is_frozen() -> bool:
    """True when running from the PyInstaller build."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resource_root() -> Path:
    """The ``resources`` directory this process uses."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` (it may not exist; see ``require_resource``)."""
    return resource_root().joinpath(*parts)


def require_resource(*parts: str) -> Path:
    """Like ``resource_path`` but an ``AgentdeskError`` naming the path when it is missing."""
    path = resource_path(*parts)
    if not path.exists():
        raise AgentdeskError(f"missing resource {'/'.join(parts)} (looked at {path})")
    return path
