"""Shared bus fixtures (see tests/conftest.py)."""
