"""PySide6.QtNetwork without the network-information plugins (see hook-PySide6.QtGui.py)."""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies, pyside6_library_info

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from buildinfo import qt_plugin_kept, qt_translation_kept

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries += pyside6_library_info.collect_qtnetwork_files()
binaries = [b for b in binaries if qt_plugin_kept(os.path.join(b[1], os.path.basename(b[0])))]
datas = [d for d in datas if qt_translation_kept(os.path.join(d[1], os.path.basename(d[0])))]
