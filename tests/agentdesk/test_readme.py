"""The README documents every configuration key (the brief: the project documents every key)."""

from __future__ import annotations

from pathlib import Path

from agentdesk.config import DEFAULTS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_config_key_is_documented() -> None:
    text = README.read_text("utf-8")
    missing = [key for key in DEFAULTS if f"| `{key}` |" not in text]
    assert not missing, f"README lacks configuration keys: {missing}"


def test_quick_start_names_the_two_commands() -> None:
    text = README.read_text("utf-8")
    assert "make demo" in text and "make test" in text
