"""Refresh the Qt Linguist sources and compile them: ``.venv/bin/python resources/i18n/update.py``.

1. ``pyside6-lupdate`` collects every translatable string of the agent desktop (``self.tr``,
   ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``) into ``agentdesk_<lang>.ts``
   (existing translations are kept; strings no longer used are dropped);
2. translators edit the ``.ts`` files with ``pyside6-linguist``;
3. ``pyside6-lrelease`` compiles them into the ``.qm`` files the application loads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
LANGS = ("en", "zh_CN")


#: Packages whose strings are translated: the agent desktop and the supervisor console
#: (``desktop/supervisor`` and ``desktop/widgets/supervisor_*.py``).
PACKAGES = ("desktop", "desktop/models", "desktop/widgets", "desktop/supervisor")


def sources() -> list[str]:
    files: list[Path] = []
    for package in PACKAGES:
        files += sorted((ROOT / package).glob("*.py"))
    return [str(p) for p in files]


def main() -> int:
    ts = [str(HERE / f"agentdesk_{lang}.ts") for lang in LANGS]
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", *ts], check=True
    )
    for path in ts:
        subprocess.run([str(BIN / "pyside6-lrelease"), path], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
