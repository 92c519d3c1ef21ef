"""Draw the Agentdesk icon: one SVG source, rendered to the raster formats installers need.

    .venv/bin/python installer/make_icon.py

writes (all committed; re-run only when the drawing changes):

* ``resources/icons/agentdesk.svg``  the source (also the window icon, hicolor/scalable)
* ``resources/icons/agentdesk.png``  256 px (Linux hicolor/256x256, .desktop entries)
* ``installer/icons/agentdesk.ico``  Windows (exe, Inno Setup, Start-menu shortcut): 16, 32,
  48 and 256 px PNG-compressed entries (Windows Vista and later read these)
* ``installer/icons/agentdesk.icns`` macOS ``.app`` bundle

The raster files are rendered from the SVG with Qt's own SVG renderer and image plugins
(``qico``, ``qicns``), so no other tool is needed. Qt is allowed here: this is a build script,
not part of the application packages.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "agentdesk.svg"
PNG = ROOT / "resources" / "icons" / "agentdesk.png"
ICO = ROOT / "installer" / "icons" / "agentdesk.ico"
ICNS = ROOT / "installer" / "icons" / "agentdesk.icns"

# A headset over a screen-pop card on a rounded blue tile.
SVG_TEXT = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Agentdesk</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f81f7"/>
      <stop offset="1" stop-color="#1158c7"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="52" fill="url(#bg)"/>
  <rect x="70" y="118" width="116" height="84" rx="12" fill="#ffffff"/>
  <rect x="84" y="134" width="52" height="10" rx="5" fill="#1158c7"/>
  <rect x="84" y="154" width="88" height="8" rx="4" fill="#9ec2f7"/>
  <rect x="84" y="170" width="70" height="8" rx="4" fill="#9ec2f7"/>
  <path d="M58 132 V112 A70 70 0 0 1 198 112 V132" fill="none" stroke="#ffffff"
        stroke-width="14" stroke-linecap="round"/>
  <rect x="40" y="108" width="34" height="56" rx="14" fill="#ffd33d"/>
  <rect x="182" y="108" width="34" height="56" rx="14" fill="#ffd33d"/>
  <path d="M199 164 V186 A22 22 0 0 1 177 208 H150" fill="none" stroke="#ffd33d"
        stroke-width="9" stroke-linecap="round"/>
  <circle cx="146" cy="208" r="9" fill="#ffd33d"/>
</svg>
"""


def render(size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    render(size).save(buf, "PNG")  # type: ignore[attr-defined]
    buf.close()
    return bytes(data.data())


def write_ico(path: Path, sizes: tuple[int, ...] = (16, 32, 48, 256)) -> None:
    """An ICO file whose entries are PNG images (ICONDIR + ICONDIRENTRY table + data)."""
    images = [png_bytes(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    path.write_bytes(header + entries + b"".join(images))


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    SVG.parent.mkdir(parents=True, exist_ok=True)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    SVG.write_text(SVG_TEXT, "utf-8")
    for path, size, fmt in ((PNG, 256, "PNG"), (ICNS, 512, "ICNS")):
        if not render(size).save(str(path), fmt):  # type: ignore[attr-defined]
            raise SystemExit(f"cannot write {path} (Qt image plugin for {fmt} missing?)")
    write_ico(ICO)
    for path in (SVG, PNG, ICO, ICNS):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
