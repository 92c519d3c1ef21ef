"""Test-session setup shared by every package's tests.

Shared fixtures live in plugin modules, one per owner:
``tests/fixtures_store.py`` (PostgreSQL server, seeded stores) and ``tests/fixtures_bus.py``
(a real switchboard on loopback). Package-specific fixtures stay in ``tests/<pkg>/conftest.py``.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read the developer's own configuration in tests.
os.environ.setdefault("AGENTDESK_CONFIG", os.devnull)
os.environ.setdefault("AGENTDESK_SYSTEM_CONFIG", os.devnull)
# ... nor write logs into the developer's log directory.
os.environ.setdefault("AGENTDESK_LOG_DIR", tempfile.mkdtemp(prefix="agentdesk-test-logs-"))

pytest_plugins = ["tests.fixtures_store", "tests.fixtures_bus"]
