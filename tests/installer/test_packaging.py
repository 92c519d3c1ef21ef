"""Packaging consistency (fast; no frozen build needed): one version, one set of names, a .deb
that dpkg accepts, a menu entry pointing at what the spec builds, the IT example config."""

from __future__ import annotations

import configparser
import itertools
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

import agentdesk
from agentdesk import resources
from agentdesk.config import DEFAULTS, load_settings
from installer import build, buildinfo
from installer.entry import can_show_dialog, gui_argv, gui_main

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
EXAMPLE = INSTALLER / "agentdesk.toml.example"


# --- version: pyproject.toml is the only place it is written ------------------------------------


def test_version_is_single_sourced() -> None:
    version = buildinfo.project_version()
    assert agentdesk.__version__ == version
    assert metadata.version("agentdesk") == version
    assert buildinfo.check_metadata_version() == version
    # nothing else in the packaging hard-codes it
    for path in [*INSTALLER.rglob("*.py"), *INSTALLER.glob("*.spec"), *INSTALLER.glob("*.iss")]:
        text = path.read_text("utf-8")
        assert f'"{version}"' not in text and f"={version}" not in text, path


@pytest.mark.parametrize(
    ("pep440", "debian", "windows"),
    [
        ("0.1.0", "0.1.0", "0.1.0.0"),
        ("1.2", "1.2", "1.2.0.0"),
        ("1.2rc1", "1.2~rc1", "1.2.0.0"),
        ("1.2.0.dev3", "1.2.0~~dev3", "1.2.0.0"),
        ("1.2rc1.dev1", "1.2~rc1~dev1", "1.2.0.0"),
        ("1.2.post1", "1.2+post1", "1.2.0.0"),
        ("2026.11.23.4", "2026.11.23.4", "2026.11.23.4"),
    ],
)
def test_version_conversions(pep440: str, debian: str, windows: str) -> None:
    assert buildinfo.debian_version(pep440) == debian
    assert buildinfo.windows_version(pep440) == windows


def test_version_conversion_rejects_what_it_cannot_order() -> None:
    with pytest.raises(ValueError, match="not a plain PEP 440 version"):
        buildinfo.debian_version("1.2-local+abc")


def test_debian_versions_sort_like_pep440() -> None:
    if not shutil.which("dpkg"):
        pytest.skip("dpkg not available")
    pep440 = ["1.2.dev3", "1.2a1", "1.2b2", "1.2rc1.dev1", "1.2rc1", "1.2", "1.2.post1.dev1"]
    pep440.append("1.2.post1")
    debian = [buildinfo.debian_version(v) for v in pep440]
    for lower, higher in itertools.pairwise(debian):
        subprocess.run(["dpkg", "--compare-versions", lower, "lt", higher], check=True)


# --- the Debian package ---------------------------------------------------------------------


def _fields(control: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = ""
    for line in control.splitlines():
        if line.startswith(" "):
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_deb_control_fields() -> None:
    version = buildinfo.project_version()
    control = build.deb_control(
        version, "amd64", 12345, ["libc6 (>= 2.35)", "libgl1"], ["fonts-noto-cjk"]
    )
    fields = _fields(control)
    assert fields["Package"] == "agentdesk"
    assert fields["Version"] == buildinfo.debian_version(version)
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "12345"
    assert fields["Depends"] == "libc6 (>= 2.35), libgl1"
    assert fields["Recommends"] == "fonts-noto-cjk"
    assert re.fullmatch(r"[^<>]+ <[^<>@\s]+@[^<>@\s]+>", fields["Maintainer"])
    assert fields["Description"].startswith(buildinfo.SUMMARY)
    assert all(line.startswith(" ") for line in fields["Description"].splitlines()[1:])


def _needs_debian_tools() -> None:
    for tool in ("dpkg", "dpkg-deb", "ldd", "objdump"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} not available")


def test_dependencies_come_from_what_the_build_links(tmp_path: Path) -> None:
    """Depends is computed like dpkg-shlibdeps: the packages owning the system libraries the
    build's ELF files load, and the newest glibc symbol version they use."""
    _needs_debian_tools()
    frozen = tmp_path / "frozen"
    (frozen / "_internal").mkdir(parents=True)
    shutil.copy2(shutil.which("ls") or "/bin/ls", frozen / "tool")  # links libc (+ libselinux)
    depends, recommends = build.deb_dependencies(frozen)
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    ldd = subprocess.run(["ldd", str(frozen / "tool")], capture_output=True, text=True).stdout
    for path in re.findall(r"=> (/\S+)", ldd):
        owner = build._package_of(path)
        assert owner == "libc6" or owner in depends, (path, owner, depends)
    assert {"libwayland-client0", "libwayland-egl1", "fonts-noto-cjk"} <= set(recommends)


def test_a_library_nobody_provides_stops_the_deb(tmp_path: Path) -> None:
    _needs_debian_tools()
    import PySide6

    frozen = tmp_path / "frozen"
    (frozen / "_internal").mkdir(parents=True)
    xcb = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not xcb.is_file():
        pytest.skip("PySide6 without the xcb plugin")
    # without the Qt libraries beside it, the plugin's libQt6*.so cannot be found
    shutil.copy2(xcb, frozen / "_internal" / "libqxcb.so")
    with pytest.raises(SystemExit, match=r"libQt6XcbQpa\.so\.6"):
        build.deb_dependencies(frozen)


@pytest.fixture
def fake_frozen(tmp_path: Path) -> Path:
    """A stand-in for dist/agentdesk: executables that print what the real ones would."""
    frozen = tmp_path / "frozen"
    (frozen / "_internal").mkdir(parents=True)
    for name in (buildinfo.APP, buildinfo.GUI_EXE):
        exe = frozen / name
        exe.write_text(f'#!/bin/sh\necho "agentdesk {buildinfo.project_version()}"\n', "utf-8")
        exe.chmod(0o755)
    build.add_share(frozen)
    return frozen


def test_deb_builds_and_lays_out_files(tmp_path: Path, fake_frozen: Path) -> None:
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb not available")
    version = buildinfo.project_version()
    deb = build.build_deb(version, frozen=fake_frozen, out_dir=tmp_path, work=tmp_path / "w")
    assert deb.name == f"agentdesk_{buildinfo.debian_version(version)}_{build.deb_arch()}.deb"
    info = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert f"Package: agentdesk\nVersion: {buildinfo.debian_version(version)}" in info
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    entries = {line.split()[-1].removeprefix(".") for line in listing.splitlines()}
    perms = {line.split()[-1].removeprefix("."): line.split()[0] for line in listing.splitlines()}
    owners = {line.split()[1] for line in listing.splitlines()}
    assert owners == {"root/root"}
    for path in (
        "/opt/agentdesk/agentdesk",
        "/opt/agentdesk/agentdesk-gui",
        "/opt/agentdesk/share/agentdesk.desktop",
        "/usr/bin/agentdesk",
        "/usr/share/applications/agentdesk.desktop",
        "/usr/share/icons/hicolor/256x256/apps/agentdesk.png",
        "/usr/share/icons/hicolor/scalable/apps/agentdesk.svg",
        "/usr/share/doc/agentdesk/agentdesk.toml.example",
        "/usr/share/doc/agentdesk/copyright",
        "/etc/agentdesk/",
    ):
        assert path in entries, path
    assert perms["/usr/bin/agentdesk"] == "-rwxr-xr-x"
    assert perms["/opt/agentdesk/agentdesk"] == "-rwxr-xr-x"
    # the /usr/bin launcher runs the /opt build with its arguments
    launcher = build.launcher_script()
    assert launcher.startswith("#!/bin/sh\n")
    assert f'exec {buildinfo.LINUX_PREFIX}/agentdesk "$@"' in launcher


def test_desktop_entry_points_at_the_build(tmp_path: Path) -> None:
    entry = build.desktop_entry()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(entry)
    main = parser["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "Agentdesk"
    assert main["Exec"] == f"{buildinfo.LINUX_PREFIX}/{buildinfo.GUI_EXE} desktop"
    assert main["Icon"] == buildinfo.APP  # resolves to hicolor/*/apps/agentdesk.{png,svg}
    assert main["Terminal"] == "false"
    assert main["Categories"].endswith(";")
    assert parser["Desktop Action supervisor"]["Exec"].endswith("desktop --supervisor")
    if shutil.which("desktop-file-validate"):
        path = tmp_path / "agentdesk.desktop"
        path.write_text(entry, "utf-8")
        subprocess.run(["desktop-file-validate", str(path)], check=True)


# --- the spec, the Windows installer and the macOS bundle stay in step -------------------------


def test_spec_builds_what_the_packages_install() -> None:
    spec = (INSTALLER / "agentdesk.spec").read_text("utf-8")
    assert 'installer" / "entry.py"' in spec
    assert "name=bi.GUI_EXE, console=False" in spec
    assert "name=bi.APP, console=True" in spec
    assert 'copy_metadata("agentdesk")' in spec  # --version in the frozen app
    assert 'tree(ROOT / "resources", "resources"' in spec  # agentdesk.resources' frozen root
    assert "bundle_identifier=bi.BUNDLE_ID" in spec
    assert '"CFBundleExecutable": bi.GUI_EXE' in spec
    for icon in ("agentdesk.ico", "agentdesk.icns"):
        assert (INSTALLER / "icons" / icon).is_file()
    for hook in ("faker", "phonenumbers", "PySide6.QtGui", "PySide6.QtNetwork"):
        assert (INSTALLER / "hooks" / f"hook-{hook}.py").is_file()


def test_inno_setup_script() -> None:
    iss = (INSTALLER / "agentdesk.iss").read_text("utf-8")
    assert re.search(r"^#ifndef AppVersion\n\s*#error", iss, re.M)  # the build script passes it
    assert not re.search(r"^AppVersion=\d", iss, re.M)
    assert "AppVersion={#AppVersion}" in iss
    assert "PrivilegesRequired=admin" in iss  # per-machine
    assert "DefaultDirName={autopf}\\Agentdesk" in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)
    assert '"..\\dist\\agentdesk\\*"' in iss  # the PyInstaller build, whole
    assert "SetupIconFile=icons\\agentdesk.ico" in iss
    assert "{commonappdata}\\Agentdesk" in iss  # where config.py looks on Windows
    icons = iss.split("[Icons]")[1].split("\n[")[0]
    start_menu = [line for line in icons.splitlines() if line.startswith('Name: "{group}\\')]
    assert start_menu and all(
        f"{{app}}\\{buildinfo.GUI_EXE}.exe" in line for line in start_menu[:2]
    )
    ps1 = (INSTALLER / "build_windows.ps1").read_text("utf-8")
    assert "--version" in ps1 and "/DAppVersion=$version" in ps1 and "agentdesk.spec" in ps1


def test_macos_script_uses_the_spec_bundle() -> None:
    sh = (INSTALLER / "build_macos.sh").read_text("utf-8")
    assert "agentdesk.spec" in sh
    assert f"{buildinfo.DISPLAY_NAME}.app" in sh
    assert "pkgbuild" in sh and "hdiutil" in sh
    assert 'Contents/MacOS/agentdesk" --version' in sh


# --- icons ----------------------------------------------------------------------------------


def test_icons_are_what_their_names_say() -> None:
    png = (ROOT / "resources" / "icons" / "agentdesk.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    svg = ET.parse(ROOT / "resources" / "icons" / "agentdesk.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"
    ico = (INSTALLER / "icons" / "agentdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (INSTALLER / "icons" / "agentdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for path in (
        *INSTALLER.joinpath("icons").iterdir(),
        *ROOT.joinpath("resources/icons").glob("agentdesk.*"),
    ):
        assert path.stat().st_size < 64_000, f"{path} should stay small"


# --- the IT example configuration -----------------------------------------------------------


def test_example_config_documents_every_key() -> None:
    text = EXAMPLE.read_text("utf-8")
    missing = [k for k in DEFAULTS if not re.search(rf"^(# )?{k} = ", text, re.M)]
    assert not missing, f"document these keys in {EXAMPLE.name}: {missing}"
    assert re.search(r"^locked = \[", text, re.M)


def test_example_config_works_as_the_system_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = tomllib.loads(EXAMPLE.read_text("utf-8"))
    assert set(example["locked"]) <= DEFAULTS.keys()
    user = tmp_path / "user.toml"
    user.write_text('commands_endpoint = "tcp://127.0.0.1:1"\nlanguage = "en"\n', "utf-8")
    monkeypatch.setenv("AGENTDESK_SYSTEM_CONFIG", str(EXAMPLE))
    monkeypatch.setenv("AGENTDESK_CONFIG", str(user))
    settings = load_settings(
        {"events_endpoint": "tcp://127.0.0.1:2"},
        environ={"AGENTDESK_DISPOSITIONS": "mine", "AGENTDESK_LANGUAGE": "en"},
    )
    for key in example["locked"]:
        assert settings[key] == example[key], key
        assert settings.origins[key] == str(EXAMPLE)
    assert settings["language"] == "en"  # not locked: the user's choice wins
    assert settings["sync_interval"] == example["sync_interval"]


# --- resources and the windowed launcher ------------------------------------------------------


def test_resource_path_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(resources.ENV, raising=False)
    assert resources.resource_root() == ROOT / "resources"
    assert resources.resource_path("icons", "agentdesk.svg").is_file()
    assert resources.require_resource("themes").is_dir()


def test_resource_path_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(resources.ENV, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.resource_path("rules", "demo.yaml") == tmp_path / "resources/rules/demo.yaml"
    with pytest.raises(resources.AgentdeskError, match=r"missing resource rules/demo.yaml"):
        resources.require_resource("rules", "demo.yaml")
    monkeypatch.setenv(resources.ENV, os.fspath(ROOT / "resources"))
    assert resources.require_resource("icons", "agentdesk.png").is_file()


def test_gui_launcher_defaults_to_the_desktop() -> None:
    assert gui_argv([]) == ["desktop"]
    assert gui_argv(["-psn_0_12345"]) == ["desktop"]
    assert gui_argv(["desktop", "--supervisor"]) == ["desktop", "--supervisor"]
    assert gui_argv(["--version"]) == ["--version"]


def test_gui_launcher_shows_a_runtime_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    code = gui_main(
        ["store", "import", "--url", f"sqlite:///{tmp_path}/s.db", str(tmp_path / "missing")],
        shown.append,
    )
    assert code == 1
    assert len(shown) == 1 and shown[0].startswith("agentdesk: error:")
    assert shown[0] in capsys.readouterr().err  # and it still reaches the console, if any
    assert gui_main(["--version"], shown.append) == 0 and len(shown) == 1
    assert capsys.readouterr().out.strip() == f"agentdesk {buildinfo.project_version()}"


def test_gui_launcher_never_blocks_on_a_box_nobody_can_close(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not can_show_dialog()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    assert can_show_dialog()
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert not can_show_dialog()
