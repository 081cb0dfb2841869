"""Time proccheck as an installed user runs it.

`pip install` byte-compiles the package; a checkout run with PYTHONDONTWRITEBYTECODE (as on the
team's machines) compiles every imported module anew on each start, which adds about 0.3 s to
every command. The bench scripts call `compile_package()` before timing.
"""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_package() -> None:
    """Byte-compile the imported proccheck package, as `pip install` does."""
    import proccheck

    compileall.compile_dir(str(Path(proccheck.__file__).parent), quiet=1)
