"""The Qt user interface: the agent desktop (and, in ``desktop.supervisor``, the console).

Importing this package applies ``pin_none_refcount`` (below) before any Qt code runs.
"""

from __future__ import annotations

import ctypes
import sys


def pin_none_refcount() -> None:
    """Work around PySide6 6.12's ``none_dealloc`` / ``bool_dealloc`` crashes on Python < 3.12.

    PySide6 6.12.0 hands back some singletons without taking a reference: ``None`` from every
    wrapped C++ method returning ``void`` (``label.setText()``, ``widget.repaint()``, ...), and
    ``True``/``False`` on some paths, so each such call lowers that object's reference count by
    one. On Python 3.12+ these objects are immortal and nothing happens; on 3.11 a desktop left
    running makes millions of such calls, a count reaches zero and the interpreter aborts
    ("Fatal Python error: none_dealloc" / "bool_dealloc"), mid-run or at exit. We do what 3.12
    does: give these never-freed singletons (and the cached small ints, for safety) a reference
    count so large (2**62) that no realistic number of stolen references brings it to zero.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False, (), "", *range(-5, 257)):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        if refcnt.value < 1 << 61:
            refcnt.value = 1 << 62


pin_none_refcount()
