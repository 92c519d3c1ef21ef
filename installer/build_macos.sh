#!/usr/bin/env bash
# Build the macOS app bundle, disk image and installer package. Run from the repository root
# on macOS 11+ (build on the oldest macOS you support, on the CPU you ship: arm64 or x86_64):
#
#   python3.11 -m venv .venv && .venv/bin/pip install -e '.[dist]'
#   installer/build_macos.sh
#
# Output: dist/Agentdesk.app, dist/agentdesk-<v>-macos-<arch>.dmg (drag-and-drop) and
# dist/agentdesk-<v>-macos-<arch>.pkg (for MDM: Jamf, Intune, Kandji; installs /Applications).
# Signing: set CODESIGN_IDENTITY="Developer ID Application: ..." and
# INSTALLER_IDENTITY="Developer ID Installer: ..." to sign; then notarize the .pkg/.dmg with
# `xcrun notarytool submit ... --wait` and `xcrun stapler staple`. Unsigned builds run only
# after the user allows them (right-click > Open), so sign anything you deploy.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
APP="dist/Agentdesk.app"

# 1. The one-folder build and the .app (BUNDLE settings are in installer/agentdesk.spec).
"$PY" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller installer/agentdesk.spec

# 2. Version from the frozen build (pyproject.toml -> dist-info -> --version).
version="$("$APP/Contents/MacOS/agentdesk" --version)"
version="${version#agentdesk }"
bundle_id="$("$PY" -c 'import sys; sys.path.insert(0, "installer"); import buildinfo; print(buildinfo.BUNDLE_ID)')"
arch="$(uname -m)"
echo "Agentdesk $version ($arch)"

# 3. Smoke test of the frozen app.
tmp="$(mktemp -d)"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/agentdesk" store seed --url "sqlite:///$tmp/s.db" --customers 20
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/agentdesk" lookup --url "sqlite:///$tmp/s.db" --customer C0000001 >/dev/null
rm -rf "$tmp"

# 4. Sign (optional), then the disk image and the installer package.
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi
hdiutil create -volname "Agentdesk $version" -srcfolder "$APP" -ov -format UDZO \
    "dist/agentdesk-$version-macos-$arch.dmg"
pkg_args=(--component "$APP" --install-location /Applications --identifier "$bundle_id"
          --version "$version")
if [ -n "${INSTALLER_IDENTITY:-}" ]; then pkg_args+=(--sign "$INSTALLER_IDENTITY"); fi
pkgbuild "${pkg_args[@]}" "dist/agentdesk-$version-macos-$arch.pkg"
ls -l dist/*.dmg dist/*.pkg
