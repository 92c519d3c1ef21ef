"""Build the frozen app and, on Linux, its packages. ``make dist`` runs this.

    .venv/bin/python installer/build.py                # freeze + package
    .venv/bin/python installer/build.py --skip-freeze  # package an existing dist/agentdesk

Outputs (``dist/``):

* ``agentdesk/``                             the PyInstaller one-folder build (every OS)
* ``agentdesk-<v>-linux-<arch>.tar.gz``      that folder as ``agentdesk/`` (unpack in /opt)
* ``agentdesk_<debv>_<debarch>.deb``         /opt/agentdesk, /usr/bin/agentdesk, menu entry, icons
* ``build-info.json``                        version, sizes and durations of this build

Windows and macOS: run the spec there, then ``installer/build_windows.ps1`` (Inno Setup) or
``installer/build_macos.sh`` (.app, .dmg, .pkg); see docs/INSTALL.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo as bi

DIST = bi.ROOT / "dist"
WORK = bi.ROOT / "build"
FROZEN = DIST / bi.APP

#: Libraries only the Wayland platform plugin needs: the package recommends them (X11/XWayland
#: sessions run without them). Any other library the build needs but does not bundle must be
#: found on the build machine, so it becomes a dependency (see deb_dependencies).
OPTIONAL_LIBS = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
#: Recommended: CJK fonts, for the Simplified Chinese UI and Chinese customer names.
DEB_RECOMMENDS_EXTRA = ("fonts-noto-cjk",)


def elf_files(root: Path) -> list[Path]:
    out = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def system_libraries(frozen: Path = FROZEN) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Libraries the build's ELF files load from outside the build, as the bootloader runs them
    (``LD_LIBRARY_PATH=_internal``): ``({system path: {needed by}}, {missing name: {needed by}})``.
    """
    env = dict(os.environ, LD_LIBRARY_PATH=str(frozen / "_internal"))
    found: dict[str, set[str]] = {}
    missing: dict[str, set[str]] = {}
    root = str(frozen.resolve())
    for elf in elf_files(frozen):
        out = subprocess.run(
            ["ldd", str(elf)], capture_output=True, text=True, env=env, check=False
        ).stdout
        for line in out.splitlines():
            name, arrow, where = line.strip().partition("=>")
            if not arrow:
                continue
            where = where.strip()
            if where.startswith("not found"):
                missing.setdefault(name.strip(), set()).add(elf.name)
            elif where and not os.path.realpath(where.split(" (")[0]).startswith(root):
                found.setdefault(where.split(" (")[0], set()).add(elf.name)
    return found, missing


def glibc_requirement(frozen: Path = FROZEN) -> str:
    """The newest ``GLIBC_x.y`` symbol version any ELF file of the build needs."""
    best = (2, 17)
    for elf in elf_files(frozen):
        out = subprocess.run(
            ["objdump", "-p", str(elf)], capture_output=True, text=True, check=False
        ).stdout
        for major, minor in re.findall(r"\bGLIBC_(\d+)\.(\d+)\b", out):
            best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}"


def _package_of(path: str) -> str:
    for candidate in (os.path.realpath(path), path):
        out = subprocess.run(
            ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
        ).stdout
        if out:
            return out.split(":")[0].split(",")[0].strip()
    raise SystemExit(f"{path}: no Debian package owns it; cannot declare the dependency")


def deb_dependencies(frozen: Path = FROZEN) -> tuple[list[str], list[str]]:
    """``(Depends, Recommends)`` computed from the build, like dpkg-shlibdeps would."""
    found, missing = system_libraries(frozen)
    unknown = sorted(set(missing) - OPTIONAL_LIBS.keys())
    if unknown:
        needers = {name: sorted(missing[name])[:3] for name in unknown}
        raise SystemExit(
            f"the build needs libraries this machine lacks (install them and rebuild, so they "
            f"are bundled or declared): {needers}"
        )
    optional_pkgs = set(OPTIONAL_LIBS.values())
    packages = {_package_of(path) for path in found} - optional_pkgs
    packages.discard("libc6")
    depends = [f"libc6 (>= {glibc_requirement(frozen)})", *sorted(packages)]
    recommends = sorted(optional_pkgs) + list(DEB_RECOMMENDS_EXTRA)
    return depends, recommends


def desktop_entry(exec_dir: str = bi.LINUX_PREFIX) -> str:
    """The freedesktop.org menu entry (``/usr/share/applications/agentdesk.desktop``)."""
    gui = f"{exec_dir}/{bi.GUI_EXE}"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.1\n"
        f"Name={bi.DISPLAY_NAME}\n"
        "GenericName=Contact-center agent desktop\n"
        "GenericName[zh_CN]=呼叫中心坐席桌面\n"
        f"Comment={bi.SUMMARY}\n"
        f"Exec={gui} desktop\n"
        f"TryExec={gui}\n"
        f"Icon={bi.APP}\n"
        "Terminal=false\n"
        "Categories=Network;Telephony;\n"
        "Keywords=call;CTI;contact center;CRM;\n"
        f"StartupWMClass={bi.DISPLAY_NAME}\n"  # Qt: WM_CLASS class = applicationName
        "Actions=supervisor;\n"
        "\n"
        "[Desktop Action supervisor]\n"
        "Name=Supervisor console\n"
        "Name[zh_CN]=班长控制台\n"
        f"Exec={gui} desktop --supervisor\n"
    )


def launcher_script() -> str:
    """``/usr/bin/agentdesk``: a wrapper, so the build finds its ``_internal`` folder."""
    return f'#!/bin/sh\nexec {bi.LINUX_PREFIX}/{bi.APP} "$@"\n'


def deb_control(
    version: str,
    arch: str,
    installed_kib: int,
    depends: list[str] | tuple[str, ...] = ("libc6",),
    recommends: list[str] | tuple[str, ...] = (),
) -> str:
    description = "\n".join(
        " " + (line if line.strip() else ".") for line in bi.DESCRIPTION.splitlines()
    )
    return (
        f"Package: {bi.APP}\n"
        f"Version: {bi.debian_version(version)}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {bi.MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        + (f"Recommends: {', '.join(recommends)}\n" if recommends else "")
        + "Section: comm\n"
        "Priority: optional\n"
        f"Description: {bi.SUMMARY}\n"
        f"{description}\n"
    )


POSTINST = """#!/bin/sh
set -e
if [ "$1" = configure ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && \\
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""

POSTRM = """#!/bin/sh
set -e
if [ "$1" = remove ] || [ "$1" = purge ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q || true
fi
exit 0
"""


def dir_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def size_breakdown(frozen: Path = FROZEN, top: int = 8) -> dict[str, int]:
    """Bytes per top-level entry of ``_internal`` (libraries grouped), largest first."""
    groups: dict[str, int] = {}
    internal = frozen / "_internal"
    for path in internal.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        first = path.relative_to(internal).parts[0]
        key = (
            first
            if path.parent != internal
            else ("Qt libraries" if "Qt6" in first or "icu" in first else "other libraries")
        )
        groups[key] = groups.get(key, 0) + path.stat().st_size
    ranked = sorted(groups.items(), key=lambda kv: -kv[1])
    out = dict(ranked[:top])
    out["rest"] = sum(v for _, v in ranked[top:])
    return out


def freeze() -> float:
    """Run PyInstaller on the spec; seconds taken."""
    t0 = time.monotonic()
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK / 'pyinstaller'}",
        str(bi.INSTALLER / "agentdesk.spec"),
    ]
    subprocess.run(cmd, check=True, cwd=bi.ROOT)
    return time.monotonic() - t0


def frozen_version(frozen: Path = FROZEN) -> str:
    """The version the frozen build reports; an error unless it is pyproject's."""
    exe = frozen / (bi.APP + (".exe" if os.name == "nt" else ""))
    out = subprocess.run(
        [str(exe), "--version"], check=True, capture_output=True, text=True, timeout=120
    ).stdout.strip()
    version = out.removeprefix(f"{bi.APP} ").strip()
    if version != bi.project_version():
        raise SystemExit(f"frozen build says {out!r}; pyproject.toml says {bi.project_version()}")
    return version


def add_share(root: Path) -> None:
    """``<root>/share``: the menu entry, icons and example config (tarball and deb alike)."""
    share = root / "share"
    share.mkdir(exist_ok=True)
    (share / f"{bi.APP}.desktop").write_text(desktop_entry(), "utf-8")
    for name in (f"{bi.APP}.png", f"{bi.APP}.svg"):
        shutil.copy2(bi.ROOT / "resources" / "icons" / name, share / name)
    shutil.copy2(bi.INSTALLER / "agentdesk.toml.example", share / "agentdesk.toml.example")


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def build_tarball(version: str, machine: str) -> Path:
    out = DIST / f"{bi.APP}-{version}-linux-{machine}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(FROZEN, arcname=bi.APP, filter=_tar_filter)
    return out


def deb_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
    ).stdout.strip()


def _link_or_copy(src: str, dst: str) -> None:
    """Hard-link the build into the staging tree (fast, no extra space); copy across devices."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def stage_deb(
    stage: Path,
    version: str,
    arch: str,
    frozen: Path = FROZEN,
    depends: list[str] | tuple[str, ...] = ("libc6",),
    recommends: list[str] | tuple[str, ...] = (),
) -> None:
    """Lay out the package's file tree under ``stage`` (also used by the tests)."""
    if stage.exists():
        shutil.rmtree(stage)
    opt = stage / bi.LINUX_PREFIX.lstrip("/")
    opt.parent.mkdir(parents=True)
    shutil.copytree(frozen, opt, symlinks=True, copy_function=_link_or_copy)
    usr = stage / "usr"
    (usr / "bin").mkdir(parents=True)
    launcher = usr / "bin" / bi.APP
    launcher.write_text(launcher_script(), "utf-8")
    launcher.chmod(0o755)
    apps = usr / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{bi.APP}.desktop").write_text(desktop_entry(), "utf-8")
    for size_dir, name in (("256x256", f"{bi.APP}.png"), ("scalable", f"{bi.APP}.svg")):
        icon_dir = usr / "share" / "icons" / "hicolor" / size_dir / "apps"
        icon_dir.mkdir(parents=True)
        shutil.copy2(bi.ROOT / "resources" / "icons" / name, icon_dir / name)
    doc = usr / "share" / "doc" / bi.APP
    doc.mkdir(parents=True)
    shutil.copy2(bi.INSTALLER / "agentdesk.toml.example", doc / "agentdesk.toml.example")
    (doc / "copyright").write_text(
        f"{bi.DISPLAY_NAME} {version}\nCopyright: {bi.PUBLISHER}. License: Proprietary.\n"
        "Bundles Qt for Python (LGPLv3) and other open-source libraries; see the build's\n"
        f"{bi.LINUX_PREFIX}/_internal/*.dist-info folders for their licences.\n",
        "utf-8",
    )
    # An empty /etc/agentdesk/ for IT's agentdesk.toml (removed with the package when empty).
    (stage / "etc" / bi.APP).mkdir(parents=True)
    debian = stage / "DEBIAN"
    debian.mkdir()
    installed_kib = (dir_size(stage) + 1023) // 1024
    control = deb_control(version, arch, installed_kib, depends, recommends)
    (debian / "control").write_text(control, "utf-8")
    for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
        (debian / name).write_text(text, "utf-8")
        (debian / name).chmod(0o755)
    for path in stage.rglob("*"):  # packages must not carry the builder's umask
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def build_deb(version: str, frozen: Path = FROZEN, out_dir: Path = DIST, work: Path = WORK) -> Path:
    arch = deb_arch()
    stage = work / "deb" / f"{bi.APP}_{arch}"
    depends, recommends = deb_dependencies(frozen)
    stage_deb(stage, version, arch, frozen, depends, recommends)
    out = out_dir / f"{bi.APP}_{bi.debian_version(version)}_{arch}.deb"
    subprocess.run(
        # zstd: 6x faster than gzip here and smaller; every dpkg that can satisfy the build's
        # glibc requirement (Debian 12+, Ubuntu 22.04+) reads it.
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(stage), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-freeze", action="store_true", help="package dist/agentdesk as is")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    args = parser.parse_args(argv)
    info: dict[str, object] = {"version": bi.check_metadata_version()}
    if not args.skip_freeze:
        info["freeze_seconds"] = round(freeze(), 1)
    if not FROZEN.is_dir():
        raise SystemExit(f"{FROZEN} does not exist: build it first (make dist)")
    info["version"] = frozen_version()
    info["frozen_dir_bytes"] = dir_size(FROZEN)
    info["largest_parts_bytes"] = size_breakdown()
    if sys.platform.startswith("linux"):
        add_share(FROZEN)
        t0 = time.monotonic()
        tarball = build_tarball(str(info["version"]), platform.machine())
        info["tarball"] = tarball.name
        info["tarball_bytes"] = tarball.stat().st_size
        if not args.no_deb and shutil.which("dpkg-deb"):
            deb = build_deb(str(info["version"]))
            info["deb"] = deb.name
            info["deb_bytes"] = deb.stat().st_size
        info["package_seconds"] = round(time.monotonic() - t0, 1)
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    buf = io.StringIO()
    for key, value in info.items():
        if key.endswith("_bytes") and isinstance(value, int):
            value = f"{value / 1e6:.1f} MB"
        elif key.endswith("_bytes") and isinstance(value, dict):
            value = ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in value.items())
        print(f"  {key}: {value}", file=buf)
    print(f"dist/ built:\n{buf.getvalue()}", end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
