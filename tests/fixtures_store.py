"""Shared store fixtures (see tests/conftest.py)."""
