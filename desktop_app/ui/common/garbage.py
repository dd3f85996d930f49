"""Python's cyclic garbage collector, run by the GUI thread between events.

Left to itself, the collector runs in whichever thread happens to allocate when a
generation's count passes its threshold, and a full pass holds the interpreter lock for
as long as it takes to walk every tracked object. During a 50-feed update that thread was
the search worker, the pass took 221 ms, and the window could not paint for as long
(docs/BENCHMARKS.md, the update benchmark). A pass in a worker thread may also be the one
that frees a Qt object, which Qt wants freed on its own thread.

So while a window is open the automatic collector is off. A timer on the GUI thread looks
at the counts a few times a second and collects the generations that are due, as the
collector itself would (the same thresholds). After start-up, everything alive is moved
out of the collector's sight (`gc.freeze()`): the modules, classes and widgets of a
window live as long as it, and a full pass then walks only what was made since. When the
last window closes, they are handed back (`gc.unfreeze()`) with the collector.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 200

_users = 0


class GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread while it exists (`stop()` hands back to Python)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        global _users
        _users += 1
        self._running = True
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self.destroyed.connect(_release)

    def collect_due(self) -> int:
        """Collect the oldest generation that is due (and those younger); -1 if none is."""
        counts = gc.get_count()
        due = -1
        for generation, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if threshold and count > threshold:
                due = generation
            else:
                break
        if due >= 0:
            gc.collect(due)
        return due

    @staticmethod
    def freeze() -> None:
        """Everything alive now is kept out of later passes (start-up is over). Without a
        collection first: that would be the full pass this avoids, and what start-up left
        behind is a few kilobytes."""
        gc.freeze()

    def stop(self) -> None:
        """The window is closing: Python's own collector takes over again."""
        if self._running:
            self._running = False
            self._timer.stop()
            self.destroyed.disconnect(_release)
            _release()


def _release(_obj: object = None) -> None:
    global _users
    _users = max(0, _users - 1)
    if _users == 0:
        # What was frozen may be garbage once the window is gone.
        gc.unfreeze()
        gc.enable()
