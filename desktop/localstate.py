"""Small local files the desktop keeps beside its replica (no Qt, no store).

* wrap-up drafts: ``drafts/<call_id>.json``, rewritten atomically on every edit, removed once
  the wrap-up is saved, so nothing typed is lost if the app is closed or killed;
* remembered picks: ``picks.json``, number -> customer id chosen in the ambiguous chooser.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any


def _atomic_write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "_"


class LocalState:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.drafts_dir = self.folder / "drafts"
        self.picks_path = self.folder / "picks.json"

    # drafts --------------------------------------------------------------------------------
    def save_draft(self, call_id: str, draft: dict[str, Any]) -> None:
        _atomic_write(self.drafts_dir / f"{_safe(call_id)}.json", draft)

    def drop_draft(self, call_id: str) -> None:
        (self.drafts_dir / f"{_safe(call_id)}.json").unlink(missing_ok=True)

    def drafts(self) -> list[dict[str, Any]]:
        """Every unsaved draft, oldest file first (unreadable files are skipped)."""
        if not self.drafts_dir.is_dir():
            return []
        out = []
        files = sorted(self.drafts_dir.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for path in files:
            try:
                data = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict) and data.get("call_id"):
                out.append(data)
        return out

    # remembered picks ----------------------------------------------------------------------
    def _picks(self) -> dict[str, str]:
        try:
            data = json.loads(self.picks_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def remembered_pick(self, number: str) -> str | None:
        return self._picks().get(number)

    def remember_pick(self, number: str, customer_id: str) -> None:
        picks = self._picks()
        picks[number] = customer_id
        _atomic_write(self.picks_path, picks)
