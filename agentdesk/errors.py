"""Errors the command line turns into a one-line message and exit status 1."""

from __future__ import annotations


class AgentdeskError(Exception):
    """A runtime error with a message fit for one line on stderr."""


class UsageError(AgentdeskError):
    """Bad usage discovered after parsing (exit status 2)."""
