"""Facts every packaging step shares, so the spec, the Linux packages, the Windows installer,
the macOS bundle and the tests cannot drift apart.

The version has exactly one source: ``[project] version`` in ``pyproject.toml``. The frozen app
reads it from the ``agentdesk`` dist-info the spec copies into the build, the packages read it
back from the frozen ``agentdesk --version``, and ``check_metadata_version`` stops a build whose
installed metadata is stale (``pip install -e .`` refreshes it; ``make dist`` does that).

No Qt and no third-party imports here: the spec, ``build.py`` and the tests import this module.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"

APP = "agentdesk"  # executable, package, .desktop and icon name
DISPLAY_NAME = "Agentdesk"
GUI_EXE = "agentdesk-gui"  # windowed launcher used by shortcuts and the macOS .app
BUNDLE_ID = "com.agentdesk.desktop"
PUBLISHER = "Agentdesk engineering"
MAINTAINER = "Agentdesk engineering <agentdesk@example.invalid>"
LINUX_PREFIX = "/opt/agentdesk"
SUMMARY = "Contact-center agent desktop with CTI screen-pop"
DESCRIPTION = (
    "Agentdesk is the contact-center agent desktop: it pops the caller's customer card when a\n"
    "call rings, lets agents answer, hold, transfer and wrap up calls routed by the Agentdesk\n"
    "switchboard, and includes the supervisor console, the switchboard itself and the store tools."
)

#: Faker locales the store's seeding uses (``en`` is the base of ``en_US``); the others are left
#: out of the build.
FAKER_LOCALES = ("en", "en_US", "zh_CN")

#: Qt translation catalogues kept from PySide6 (the app ships English and Simplified Chinese).
QT_LANGUAGES = ("en", "zh_CN")

#: Qt platform plugins kept: xcb (X11 and XWayland desktops), wayland, offscreen (smoke tests,
#: headless), minimal; windows and cocoa on their systems.
QT_PLATFORMS = ("xcb", "wayland", "offscreen", "minimal", "windows", "cocoa")

#: Qt plugin directories the app never needs (eglfs/linuxfb input, printing, SQL drivers,
#: QML tooling, multimedia, network information, ...).
QT_PLUGIN_DIRS_DROPPED = [
    "egldeviceintegrations",
    "generic",
    "printsupport",
    "sqldrivers",
    "qmltooling",
    "multimedia",
    "webview",
    "position",
    "sensors",
    "geoservices",
    "texttospeech",
    "canbus",
    "scxmldatamodel",
    "renderers",
    "renderplugins",
    "sceneparsers",
    "assetimporters",
    "geometryloaders",
    "designer",
    "networkinformation",
    "wayland-graphics-integration-server",
]

#: Single plugins dropped from kept directories: the GTK3 theme (drags in GTK, cairo, pango)
#: and the Qt Quick virtual keyboard (drags in QML and Quick).
QT_PLUGINS_DROPPED = ("qgtk3", "qtvirtualkeyboardplugin")

#: Image formats kept: SVG icons, ICO, JPEG/GIF in customer notes; ICNS on macOS.
QT_IMAGEFORMATS = ("qsvg", "qico", "qjpeg", "qgif", "qicns")

#: PySide6 modules the app never uses; excluded even if some library would drag them in.
QT_EXCLUDES = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
]

#: Python packages that must never end up in the build (tests, tools, other GUI toolkits).
PY_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pgserver",
    "mypy",
    "ruff",
    "importlinter",
    "IPython",
    "matplotlib",
    "scipy",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "tests",
]


#: Importable-if-installed packages left out unless pyproject declares them.
OPTIONAL_EXCLUDES = ("pyarrow", "numexpr", "bottleneck", "numba", "fastparquet", "tables")


def declared_dependencies(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """``[project] dependencies`` of pyproject.toml (requirement strings)."""
    data = tomllib.loads(pyproject.read_text("utf-8"))
    return [str(d) for d in data["project"].get("dependencies", [])]


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """``[project] version`` of pyproject.toml: the one place the version is written."""
    data = tomllib.loads(pyproject.read_text("utf-8"))
    return str(data["project"]["version"])


def check_metadata_version() -> str:
    """The installed ``agentdesk`` metadata version; an error if it is not pyproject's."""
    want = project_version()
    try:
        have = metadata.version(APP)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"{APP} is not installed in {sys.prefix}: run pip install -e .") from None
    if have != want:
        raise SystemExit(
            f"installed {APP} metadata says {have} but pyproject.toml says {want}: "
            "run `pip install -e .` (make dist does) so the build carries the right version"
        )
    return want


_PEP440 = re.compile(r"^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$")


def debian_version(version: str) -> str:
    """PEP 440 to Debian order: 1.2rc1 -> 1.2~rc1, 1.2.dev3 -> 1.2~~dev3, 1.2.post1 -> 1.2+post1."""
    m = _PEP440.match(version)
    if not m:
        raise ValueError(f"not a plain PEP 440 version: {version!r}")
    release, pre, pre_n, post, dev = m.groups()
    out = release
    if pre:
        out += f"~{pre}{pre_n}"
    if post:
        out += f"+post{post}"
    if dev:  # a dev release sorts before the pre-releases of its release: ~~ < ~
        out += f"~dev{dev}" if (pre or post) else f"~~dev{dev}"
    return out


def windows_version(version: str) -> str:
    """Four numeric fields for Windows VERSIONINFO / Inno Setup's VersionInfoVersion."""
    m = _PEP440.match(version)
    if not m:
        raise ValueError(f"not a plain PEP 440 version: {version!r}")
    nums = [int(n) for n in m.group(1).split(".")][:4]
    return ".".join(str(n) for n in nums + [0] * (4 - len(nums)))


def qt_plugin_kept(dest: str) -> bool:
    """Whether a collected file (destination path in the build) is a Qt plugin we keep.

    Non-plugin files are kept. Works for the layouts of PySide6 on every OS
    (``PySide6/Qt/plugins/<kind>/libq*.so``, ``PySide6/plugins/<kind>/q*.dll``).
    """
    parts = Path(dest.replace("\\", "/")).parts
    if "plugins" not in parts or "PySide6" not in parts:
        return True
    i = parts.index("plugins")
    if len(parts) < i + 3:
        return True
    kind = parts[i + 1]
    name = parts[-1].split(".")[0].removeprefix("lib")
    if kind in QT_PLUGIN_DIRS_DROPPED or name in QT_PLUGINS_DROPPED:
        return False
    if kind == "platforms":
        return name in {f"q{p}" for p in QT_PLATFORMS}
    if kind == "imageformats":
        return name in QT_IMAGEFORMATS
    return True


def qt_translation_kept(dest: str) -> bool:
    """Whether a collected file is kept, for Qt's own ``.qm`` catalogues (others: True)."""
    p = Path(dest.replace("\\", "/"))
    if p.suffix != ".qm" or "PySide6" not in p.parts or "translations" not in p.parts:
        return True
    domain, _, lang = p.stem.partition("_")
    return domain in ("qt", "qtbase") and lang in QT_LANGUAGES


def qt_library_excluded(dest: str, excluded_modules: list[str] | tuple[str, ...]) -> bool:
    """Whether ``dest`` is a Qt library of an excluded module or of one built on it
    (QtQuick -> libQt6Quick*.so / Qt6Quick*.dll / QtQuick*.framework)."""
    path = dest.replace("\\", "/")
    stem = path.rsplit("/", 1)[-1].removeprefix("lib")
    for module in excluded_modules:
        lib = module[2:]
        if stem.startswith(f"Qt6{lib}") or re.search(rf"(^|/)Qt{lib}\w*\.framework(/|$)", path):
            return True
    return False
