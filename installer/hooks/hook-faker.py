"""PyInstaller hook for Faker that keeps only the locales the store's seeding uses.

It replaces pyinstaller-hooks-contrib's hook (user hooks take precedence), which collects all
~600 locale packages twice (as modules and as source files). Faker, when frozen, finds its
providers and locales by globbing ``<_MEIPASS>/faker/providers/*/__init__.py`` (see
``faker.utils.loading.list_module``), so those ``__init__.py`` files are collected as data for
the providers and the kept locales only; the modules themselves go into the archive.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules, get_package_paths

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from buildinfo import FAKER_LOCALES

_, _providers_dir = get_package_paths("faker.providers")
_providers = Path(_providers_dir)


def _locales(provider: str) -> set[str]:
    """The kept locales, plus the provider's own fallback (``bank`` falls back to en_GB)."""
    keep = set(FAKER_LOCALES)
    init = _providers / provider / "__init__.py"
    if init.is_file():
        m = re.search(r'^default_locale\s*=\s*"([^"]+)"', init.read_text("utf-8"), re.M)
        if m:
            keep.add(m.group(1))
    return keep


def _keep(name: str) -> bool:
    parts = name.split(".")
    # faker.providers.<provider>.<locale>[...]: keep a locale level only if wanted
    if len(parts) >= 4 and parts[1] == "providers" and not parts[3].startswith("_"):
        locale = parts[3]
        if locale[:1].islower() and locale not in _locales(parts[2]):
            return False
    return ".tests" not in name


hiddenimports = collect_submodules("faker.providers", filter=_keep)

datas: list[tuple[str, str]] = []
for _init in sorted(_providers.glob("*/__init__.py")):
    datas.append((str(_init), f"faker/providers/{_init.parent.name}"))
    for _locale in sorted(_locales(_init.parent.name)):
        _loc_init = _init.parent / _locale / "__init__.py"
        if _loc_init.is_file():
            datas.append((str(_loc_init), f"faker/providers/{_init.parent.name}/{_locale}"))
