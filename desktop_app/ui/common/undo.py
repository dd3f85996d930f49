"""The one kind of undo step: a change made by an operation, undone and redone as operations.

A user action runs its write on the runner's write lane (services build an `Undoable`: the
change plus the two writes that take it back and make it again). When it succeeded,
`push_undoable` puts a `ChangeCommand` on the window's stack; its first `redo` (Qt calls it on
push) does nothing, since the change is made. Later undo and redo run on the write lane too, so
no write ever happens on the GUI thread, and each is one transaction. When one fails (the
archive changed under it), the user is told, the step is dropped, and the archive stays as the
failed transaction left it: unchanged.

A long step (an import of many items, or a whole list marked read: minutes at a million) runs
through a `LongUndo` instead, with a progress dialog and Cancel. A cancelled undo or redo
changed nothing, and the stack steps back to where it was, so the same step can be taken
again.

Labels are built here, in the window's language, from the facts the service returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.ui.common.operations import ProgressController

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop_app.services.changes import Changes
    from desktop_app.services.history import Run, Undoable
    from desktop_app.ui.common.operations import Operation, OperationRunner

# From this many steps (items), an undo or redo shows its progress and can be cancelled.
LONG_STEPS = 2_000


class LongUndo(Protocol):
    """Runs a long undo or redo with a progress dialog and Cancel (`LongUndoController`)."""

    stack: QUndoStack

    @property
    def busy(self) -> bool: ...

    def run(
        self, name: str, fn: Callable[[Operation], Changes], steps: int, *, undoing: bool
    ) -> Operation: ...


def short_title(title: str, limit: int = 40) -> str:
    return f"“{title if len(title) <= limit else title[: limit - 1] + '…'}”"


class ChangeCommand(QUndoCommand):
    def __init__(
        self,
        runner: OperationRunner,
        text: str,
        step: Undoable,
        failed: Callable[[str], None],
        long: LongUndo | None = None,
    ) -> None:
        super().__init__(text)
        self.runner = runner
        self.step = step
        self._failed = failed
        self._long = long
        self._made = True  # the change was made before the push
        self._kept = False  # an undo cancelled: the stack steps forward without a write

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._run(self.step.redo, undoing=False)

    def undo(self) -> None:
        if self._kept:
            self._kept = False
            return
        self._run(self.step.undo, undoing=True)

    def _run(self, run: Run, *, undoing: bool) -> None:
        long = self._long
        if long is None or long.busy or self.step.steps < LONG_STEPS:
            self.runner.write(self.text(), run, failure=self._fail)
            return
        what = "undo" if undoing else "redo"
        op = long.run(
            self.text(),
            lambda op: run(lambda done, total: op.report_progress(done, total, what)),
            self.step.steps,
            undoing=undoing,
        )
        op.failed.connect(lambda exc: self._stopped(exc, long.stack, undoing=undoing))

    def _stopped(self, exc: BaseException, stack: QUndoStack, *, undoing: bool) -> None:
        from desktop_app.ui.common.operations import CancelledError, describe_error

        if not isinstance(exc, CancelledError):
            self._fail(describe_error(exc))
            return
        # Cancelled, so rolled back: the stack goes back to where the archive still is.
        if undoing and stack.command(stack.index()) is self:
            self._made = True
            stack.redo()
        elif not undoing and stack.command(stack.index() - 1) is self:
            self._kept = True
            stack.undo()
        else:  # the stack moved on meanwhile: this step no longer matches the archive
            self._fail(str(exc))

    def _fail(self, text: str) -> None:
        # Rolled back: the archive is as it was, but this step no longer matches it.
        self.setObsolete(True)
        self._failed(
            QCoreApplication.translate("Undo", "“%1” could not be undone or redone: %2")
            .replace("%1", self.text())
            .replace("%2", text)
        )


def push_undoable(
    runner: OperationRunner,
    stack: QUndoStack,
    name: str,
    change: Callable[[], Undoable],
    label: Callable[[Undoable], str],
    *,
    success: Callable[[Any], None] | None = None,
    failure: Callable[[str], None],
    refused: Callable[[BaseException], bool] | None = None,
) -> Operation:
    """Run `change` on the write lane; when it succeeded, put it on `stack` as one step.

    `label` names the step from what the change returned; `success` gets the change's
    `result` (an item's id, a date) after the push. `refused` sees the error of a failed
    change first (a dialog offers a merge for a conflict): True means it was dealt with,
    and `failure` is not told.
    """

    def done(step: Undoable) -> None:
        stack.push(ChangeCommand(runner, label(step), step, failure))
        if success is not None:
            success(step.result)

    if refused is None:
        return runner.write(name, change, success=done, failure=failure)
    op = runner.write(name, change, success=done, failure=lambda _text: None)

    def failed(exc: BaseException) -> None:
        if not refused(exc):
            from desktop_app.ui.common.operations import describe_error

            failure(describe_error(exc))

    op.failed.connect(failed)
    return op


def add_undo_actions(menu: QMenu, stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """Edit → Undo / Redo for `stack`, their text naming the change ("Undo save report …")."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("ReportCommands", "&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = stack.createRedoAction(parent, QCoreApplication.translate("ReportCommands", "&Redo"))
    # Ctrl+Shift+Z everywhere; the platform's own Redo keys (Ctrl+Y on Windows) as well.
    keys = [QKeySequence("Ctrl+Shift+Z")]
    keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in keys]
    redo.setShortcuts(keys)
    menu.addActions([undo, redo])
    return undo, redo


class LongUndoController(ProgressController):
    """Runs a long undo or redo (`LongUndo`: an import of many items, marks set on a whole
    list) with a progress dialog and Cancel, which rolls the step back whole. Closing the
    window cancels it rather than wait for it."""

    def __init__(self, runner: OperationRunner, parent_widget: QWidget, stack: QUndoStack) -> None:
        super().__init__(runner, parent_widget)
        self.stack = stack
        self._name = ""
        runner.closing.connect(self.cancel)

    def run(
        self, name: str, fn: Callable[[Operation], Changes], steps: int, *, undoing: bool
    ) -> Operation:
        self._name = name
        if undoing:
            title = QCoreApplication.translate("Undo", "Undo")
            label = QCoreApplication.translate("Undo", "Undoing “%1”…")
        else:
            title = QCoreApplication.translate("Undo", "Redo")
            label = QCoreApplication.translate("Undo", "Redoing “%1”…")
        op = self._run(
            name,
            fn,
            steps,
            title=title,
            label=label.replace("%1", name),
            cancel=QCoreApplication.translate("Undo", "Cancel"),
        )
        if self.progress is not None:
            # At once: the window takes no second Ctrl+Z while this one runs.
            self.progress.show()
        return op

    def progress_label(self, done: int, total: int, text: str) -> str:
        from desktop_app.ui.common.i18n import number

        if text == "redo":
            said = QCoreApplication.translate("Undo", "Redoing “%1”: %2 of %3 articles and briefs…")
        else:
            said = QCoreApplication.translate("Undo", "Undoing “%1”: %2 of %3 articles and briefs…")
        return (
            said.replace("%1", self._name).replace("%2", number(done)).replace("%3", number(total))
        )
