"""PySide6.QtGui without the Qt plugins Agentdesk does not need (see buildinfo.qt_plugin_kept).

Replaces PyInstaller's own hook (user hooks take precedence). Filtering here, before
PyInstaller's binary dependency analysis, keeps the libraries those plugins would drag in
(QML and Quick for the virtual keyboard, GTK/cairo/pango for the GTK theme, eglfs) out too.
"""

import os
import sys

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from buildinfo import qt_plugin_kept, qt_translation_kept

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [b for b in binaries if qt_plugin_kept(os.path.join(b[1], os.path.basename(b[0])))]
datas = [d for d in datas if qt_translation_kept(os.path.join(d[1], os.path.basename(d[0])))]
