"""Layered configuration: defaults < system-wide file < user file < AGENTDESK_* env < flags.

Every key is documented in ``DEFAULTS`` below and in the README. A system-wide
``agentdesk.toml`` (written by a center's IT) may list keys under ``locked``; those keep the
system value whatever the user file, the environment or the flags say.

Locations (platformdirs):

* system: ``/etc/agentdesk/agentdesk.toml`` (Linux), ``%ProgramData%\\Agentdesk\\agentdesk.toml``
  (Windows), ``/Library/Application Support/Agentdesk/agentdesk.toml`` (macOS); override
  with ``AGENTDESK_SYSTEM_CONFIG`` when running from source (tests, development). The installed
  (frozen) application ignores that variable, so a user cannot swap IT's file, locks included,
  for one of their own; an unknown key in ``locked`` is logged as a warning.
* user: ``<user config dir>/agentdesk.toml``; override with ``AGENTDESK_CONFIG``.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from agentdesk.errors import AgentdeskError

log = logging.getLogger(__name__)

APP = "agentdesk"

#: Every configuration key with its default and a one-line description.
DEFAULTS: dict[str, tuple[Any, str]] = {
    "default_region": ("CN", "phone region for numbers written without a country code"),
    "store_url": ("", "local store (SQLite replica) URL; empty = <user data dir>/agentdesk.db"),
    "central_url": ("", "central CRM store URL (PostgreSQL in production); empty = none"),
    "commands_endpoint": ("tcp://127.0.0.1:5570", "switchboard command socket (ROUTER)"),
    "events_endpoint": ("tcp://127.0.0.1:5571", "switchboard event socket (PUB)"),
    "rules": ("", "routing rules YAML file for the switchboard"),
    "bus_keys": ("", "switchboard: the clients' keys file; set = secured (CURVE) bus"),
    "bus_server_secret": ("", "switchboard: its own CURVE key pair (.key_secret file)"),
    "bus_server_public": ("", "clients: the switchboard's CURVE public key (.key file)"),
    "bus_client_secret": ("", "clients: their own CURVE key pair (.key_secret file)"),
    "agent_id": ("", "agent the desktop logs in as when --agent is not given"),
    "supervisor_id": ("", "supervisor id recorded with supervisor actions"),
    "language": ("", "UI language: en or zh_CN; empty = follow the system locale"),
    "theme": ("light", "UI theme: light or dark"),
    "pop_mode": ("raise", "how a ringing call gets attention: raise, tray or both"),
    "sync_interval": (5.0, "seconds between background syncs with the central store"),
    "dispositions": (
        ["resolved", "follow_up", "escalated", "sale", "no_action", "wrong_number"],
        "wrap-up dispositions offered to agents",
    ),
    "not_ready_reasons": (
        ["break", "lunch", "meeting", "training", "after_call_work", "personal"],
        "not-ready reason codes offered to agents",
    ),
    "sl_threshold": (20.0, "service-level threshold in seconds (supervisor console)"),
    "sl_target": (0.8, "service-level target as a fraction"),
    "short_abandon": (5.0, "abandons within this many seconds are short abandons"),
    "longest_wait_alert": (60.0, "longest wait (s) that turns a queue row red"),
    "chart_hours": (
        "07:00-21:00",
        "hours of the day the supervisor's interval chart shows (HH:MM-HH:MM; "
        "it widens when calls come outside them; 00:00-24:00 = the whole day)",
    ),
    "log_level": ("INFO", "logging level"),
}


def system_config_path() -> Path:
    env = os.environ.get("AGENTDESK_SYSTEM_CONFIG")
    if env and not getattr(sys, "frozen", False):
        return Path(env)
    return platform_system_config_path()


def platform_system_config_path() -> Path:
    """Where IT puts the system-wide file on this platform (what installed builds read)."""
    if sys.platform.startswith("win"):
        return Path(_windows_program_data()) / "Agentdesk" / "agentdesk.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Agentdesk/agentdesk.toml")
    return Path("/etc/agentdesk/agentdesk.toml")


def _windows_program_data() -> str:
    """``%ProgramData%`` from the shell (a user's own PROGRAMDATA variable cannot move it)."""
    try:
        import ctypes

        buf = ctypes.create_unicode_buffer(1024)
        csidl_common_appdata = 35
        windll = getattr(ctypes, "windll")  # noqa: B009 - only exists on Windows
        if windll.shell32.SHGetFolderPathW(None, csidl_common_appdata, None, 0, buf) == 0:
            return buf.value
    except (AttributeError, OSError):  # not Windows (tests), or no shell32
        pass
    return os.environ.get("PROGRAMDATA", r"C:\ProgramData")


def user_config_path() -> Path:
    env = os.environ.get("AGENTDESK_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP)) / "agentdesk.toml"


def user_data_dir() -> Path:
    return Path(os.environ.get("AGENTDESK_DATA_DIR") or platformdirs.user_data_dir(APP))


def user_log_dir() -> Path:
    return Path(os.environ.get("AGENTDESK_LOG_DIR") or platformdirs.user_log_dir(APP))


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AgentdeskError(f"{path}: cannot read configuration: {exc}") from exc


def _coerce(key: str, value: Any, source: str) -> Any:
    default = DEFAULTS[key][0]
    try:
        if isinstance(default, list):
            if isinstance(value, str):
                return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
            if isinstance(value, list):
                return [str(v) for v in value]
            raise TypeError("expected a list")
        if isinstance(default, bool):
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, int):
            return int(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise AgentdeskError(f"{source}: bad value for {key!r}: {value!r} ({exc})") from exc


@dataclass
class Settings:
    """Resolved settings; ``values[key]`` for each key of ``DEFAULTS``."""

    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def store_url(self) -> str:
        url = str(self.values.get("store_url") or "")
        if url:
            return url
        return f"sqlite:///{user_data_dir() / 'agentdesk.db'}"

    def with_overrides(self, overrides: Mapping[str, Any], source: str = "flag") -> Settings:
        """A copy with ``overrides`` (None values ignored) applied, locked keys kept."""
        new = Settings(dict(self.values), dict(self.origins), self.locked)
        for key, value in overrides.items():
            if value is None or key not in DEFAULTS:
                continue
            if key in self.locked:
                log.warning("%s is locked by the system configuration; %s ignored", key, source)
                continue
            new.values[key] = _coerce(key, value, source)
            new.origins[key] = source
        return new


def load_settings(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Resolve settings from every layer. ``overrides`` are command-line flags."""
    env = os.environ if environ is None else environ
    settings = Settings(
        {k: v for k, (v, _) in DEFAULTS.items()}, dict.fromkeys(DEFAULTS, "default")
    )
    system_path = system_config_path()
    system = _read_toml(system_path)
    locked = system.pop("locked", [])
    if not isinstance(locked, list):
        raise AgentdeskError(f"{system_path}: 'locked' must be a list of keys")
    for key, value in system.items():
        if key in DEFAULTS:
            settings.values[key] = _coerce(key, value, str(system_path))
            settings.origins[key] = str(system_path)
        else:
            log.warning("%s: unknown configuration key %r", system_path, key)
    settings.locked = frozenset(str(k) for k in locked)
    for key in sorted(settings.locked - DEFAULTS.keys()):
        log.warning("%s: unknown configuration key %r in 'locked'", system_path, key)
    user_path = user_config_path()
    user = _read_toml(user_path)
    user.pop("locked", None)
    unknown = [k for k in user if k not in DEFAULTS]
    for key in unknown:
        log.warning("%s: unknown configuration key %r", user_path, key)
    settings = settings.with_overrides(
        {k: v for k, v in user.items() if k in DEFAULTS}, str(user_path)
    )
    env_values = {
        key: env[f"AGENTDESK_{key.upper()}"]
        for key in DEFAULTS
        if f"AGENTDESK_{key.upper()}" in env
    }
    settings = settings.with_overrides(env_values, "environment")
    if overrides:
        settings = settings.with_overrides(overrides, "flag")
    return settings
