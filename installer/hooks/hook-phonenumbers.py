"""PyInstaller hook for phonenumbers: the parsing/formatting metadata, not the 40 MB extras.

phonenumbers imports its per-region metadata (``phonenumbers.data.region_XX``,
``phonenumbers.shortdata.*``) by name at run time, so they are hidden imports. The geocoder,
carrier and time-zone databases (``geodata``, ``carrierdata``, ``tzdata``, about 45 MB) are
only collected when the application's own code uses ``phonenumbers.geocoder``, ``carrier`` or
``timezone`` (the spec scans for it and sets ``AGENTDESK_PHONENUMBERS_EXTRAS``).
"""

from __future__ import annotations

import os

from PyInstaller.utils.hooks import collect_submodules

_EXTRAS = {
    "geocoder": "phonenumbers.geodata",
    "carrier": "phonenumbers.carrierdata",
    "timezone": "phonenumbers.tzdata",
}
_wanted = set(filter(None, os.environ.get("AGENTDESK_PHONENUMBERS_EXTRAS", "").split(",")))
_skip = tuple(pkg for name, pkg in _EXTRAS.items() if name not in _wanted)


def _keep(name: str) -> bool:
    return not any(name == pkg or name.startswith(pkg + ".") for pkg in _skip)


hiddenimports = collect_submodules("phonenumbers", filter=_keep)
excludedimports = list(_skip)
