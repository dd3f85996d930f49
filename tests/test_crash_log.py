"""A native crash of the window's process leaves its stacks in the local log, not only on a
terminal that a program started from a menu does not have."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_native_crash_writes_the_stacks_to_the_log(tmp_path: Path) -> None:
    log = tmp_path / "frontline-archive.log"
    log.write_text("earlier lines\n", encoding="utf-8")
    code = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from desktop_app.app import enable_crash_log\n"
        f"enable_crash_log(Path({str(log)!r}))\n"
        "faulthandler._sigsegv()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode != 0
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier lines\n")  # appended, never truncated
    assert "Fatal Python error: Segmentation fault" in text
    assert "Current thread" in text or "Thread 0x" in text
