"""Layered configuration: defaults < system file < user file < environment < flags; locks."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentdesk.config import load_settings
from agentdesk.errors import AgentdeskError


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    system = tmp_path / "system.toml"
    user = tmp_path / "user.toml"
    monkeypatch.setenv("AGENTDESK_SYSTEM_CONFIG", str(system))
    monkeypatch.setenv("AGENTDESK_CONFIG", str(user))
    return system, user


def test_defaults_without_files(files: tuple[Path, Path]) -> None:
    s = load_settings(environ={})
    assert s["default_region"] == "CN"
    assert s["commands_endpoint"] == "tcp://127.0.0.1:5570"
    assert s.store_url.startswith("sqlite:///") and s.store_url.endswith("agentdesk.db")


def test_precedence(files: tuple[Path, Path]) -> None:
    system, user = files
    system.write_text('default_region = "HK"\ntheme = "dark"\nsync_interval = 9\n', "utf-8")
    user.write_text('default_region = "US"\n', "utf-8")
    s = load_settings(environ={})
    assert (s["default_region"], s["theme"], s["sync_interval"]) == ("US", "dark", 9.0)
    s = load_settings(environ={"AGENTDESK_DEFAULT_REGION": "GB"})
    assert s["default_region"] == "GB"
    s = load_settings({"default_region": "FR"}, environ={"AGENTDESK_DEFAULT_REGION": "GB"})
    assert s["default_region"] == "FR" and s.origins["default_region"] == "flag"


def test_locked_keys_keep_the_system_value(files: tuple[Path, Path]) -> None:
    system, user = files
    system.write_text(
        'locked = ["commands_endpoint", "dispositions"]\n'
        'commands_endpoint = "tcp://10.0.0.5:5570"\ndispositions = ["ok", "callback"]\n',
        "utf-8",
    )
    user.write_text('commands_endpoint = "tcp://127.0.0.1:1"\ndispositions = ["x"]\n', "utf-8")
    s = load_settings(
        {"commands_endpoint": "tcp://127.0.0.1:2"},
        environ={
            "AGENTDESK_COMMANDS_ENDPOINT": "tcp://127.0.0.1:3",
            "AGENTDESK_DISPOSITIONS": "a;b",
        },
    )
    assert s["commands_endpoint"] == "tcp://10.0.0.5:5570"
    assert s["dispositions"] == ["ok", "callback"]


def test_list_from_environment(files: tuple[Path, Path]) -> None:
    s = load_settings(environ={"AGENTDESK_NOT_READY_REASONS": "break; lunch ,coaching"})
    assert s["not_ready_reasons"] == ["break", "lunch", "coaching"]


def test_broken_file_is_a_clear_error(files: tuple[Path, Path]) -> None:
    _, user = files
    user.write_text("default_region = \n", "utf-8")
    with pytest.raises(AgentdeskError, match="cannot read configuration"):
        load_settings(environ={})


def test_bad_value_is_a_clear_error(files: tuple[Path, Path]) -> None:
    with pytest.raises(AgentdeskError, match="bad value for 'sync_interval'"):
        load_settings(environ={"AGENTDESK_SYNC_INTERVAL": "soon"})


# --- system-wide file as installed (packaging, issue 6) -----------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "/etc/agentdesk/agentdesk.toml"),
        ("darwin", "/Library/Application Support/Agentdesk/agentdesk.toml"),
        ("win32", "C:\\ProgramData/Agentdesk/agentdesk.toml"),
    ],
)
def test_system_file_location_per_platform(
    platform: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agentdesk import config

    monkeypatch.delenv("AGENTDESK_SYSTEM_CONFIG", raising=False)
    monkeypatch.setenv("PROGRAMDATA", "C:\\ProgramData")  # what Windows' shell API would say
    monkeypatch.setattr(config.sys, "platform", platform)
    assert config.system_config_path() == Path(expected)


def test_installed_app_reads_the_platform_file_and_ignores_the_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen (installed) app reads IT's file; a user's AGENTDESK_SYSTEM_CONFIG cannot swap
    it for a file without locks."""
    from agentdesk import config

    it_file = tmp_path / "etc" / "agentdesk.toml"
    it_file.parent.mkdir()
    it_file.write_text(
        'locked = ["events_endpoint"]\nevents_endpoint = "tcp://10.1.1.1:5571"\n'
        'default_region = "HK"\n',
        "utf-8",
    )
    decoy = tmp_path / "mine.toml"
    decoy.write_text('events_endpoint = "tcp://127.0.0.1:9"\n', "utf-8")
    monkeypatch.setattr(config, "platform_system_config_path", lambda: it_file)
    monkeypatch.setenv("AGENTDESK_SYSTEM_CONFIG", str(decoy))
    monkeypatch.setenv("AGENTDESK_CONFIG", str(tmp_path / "absent-user.toml"))
    monkeypatch.setattr(config.sys, "frozen", True, raising=False)
    s = load_settings({"events_endpoint": "tcp://127.0.0.1:8"}, environ={})
    assert s["events_endpoint"] == "tcp://10.1.1.1:5571"
    assert s.origins["events_endpoint"] == str(it_file)
    assert s["default_region"] == "HK" and "events_endpoint" in s.locked
    monkeypatch.setattr(config.sys, "frozen", False)  # from source the override applies
    assert load_settings(environ={})["events_endpoint"] == "tcp://127.0.0.1:9"


def test_unknown_locked_key_is_reported(
    files: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    system, _ = files
    system.write_text('locked = ["comands_endpoint"]\n', "utf-8")
    with caplog.at_level("WARNING", logger="agentdesk.config"):
        load_settings(environ={})
    assert "unknown configuration key 'comands_endpoint' in 'locked'" in caplog.text
