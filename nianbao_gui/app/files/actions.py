"""The 文件 menu's commands: new, open, import, save, save as, next year, start-up (export:
``export_actions.py``).

Every failure a user can meet arrives as a NianbaoError and is shown by ``prompts.error``
(what happened, what to do); nothing here lets a traceback reach the user.

The actions work on the ``Session`` (session.py): it shows, makes and closes the draft, and
announces what the window must follow (title, welcome page, the example's banner). They own
文件 → 最近打开 (recent_menu.py). The document's own life (locks, recovery, saving) is
``Document``'s.
"""

from __future__ import annotations

import datetime as _dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMenu

from ...core.errors import DraftLockedError, FileAccessError, NianbaoError
from ...core.model import Report, new_id
from ...core.paths import documents_dir, drafts_dir
from ..dialogs.messages import LockAnswer, Prompts, SaveAnswer
from .document import Document
from .recent_menu import RecentMenu

if TYPE_CHECKING:
    from ..session import Session

_log = logging.getLogger(__name__)


class FileActions:
    """The 文件 commands on the session's draft; ``recent``: the 最近打开 menu they keep."""

    def __init__(self, session: Session, recent: QMenu) -> None:
        self.session = session
        self.recent = RecentMenu(recent, session.settings, self.open_path)

    @property
    def prompts(self) -> Prompts:
        return self.session.prompts

    def _status(self, text: str) -> None:
        self.session.show_status(text)

    def _folder(self) -> Path:
        last = self.session.settings.last_folder
        return Path(last) if last and Path(last).is_dir() else documents_dir()

    def maybe_save(self) -> bool:
        """True when the open draft may be replaced or closed (saved, discarded, clean)."""
        document = self.session.document
        if document is None or not document.dirty:
            return True
        answer = self.prompts.ask_save_changes(document.display_name())
        if answer is SaveAnswer.SAVE:
            return self.save()
        if answer is SaveAnswer.DISCARD:
            document.discard_changes()
            return True
        return False

    def _replace_with(self, document: Document) -> bool:
        """Show ``document`` once the current one may go (asks to save); False if kept."""
        if not self.maybe_save():
            document.close()
            return False
        self.session.close_draft()
        self.session.show_draft(document)
        return True

    # --- new, open, import -----------------------------------------------------------------

    def new(self) -> None:
        try:
            report = self.prompts.new_draft()
        except NianbaoError as error:
            self.prompts.error(error)
            return
        if report is not None:
            self.start_new(report)

    def start_new(self, report: Report, name_hint: str = "", *, dirty: bool = False) -> bool:
        if not self.maybe_save():
            return False
        self.session.close_draft()
        report.draft_id = new_id()  # a new draft: 数据 tables of others are not its own
        self.session.new_draft(report, name_hint or report.effective_title(), dirty=dirty)
        return True

    def _drafts_folder(self) -> Path:
        """Where the last draft was, else the data folder's drafts."""
        for text in self.session.settings.recent_files:
            folder = Path(text).parent
            if folder.is_dir():
                return folder
        return drafts_dir()

    def open_dialog(self) -> None:
        path = self.prompts.open_path(self._drafts_folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """A draft (.json) is opened; a report (.txt/.docx) is imported as a new draft.

        A draft saved under another name (``年报.txt``, a mail attachment renamed) is known by
        its content and opened as the draft it is."""
        from ...core.storage import is_draft_file

        suffix = path.suffix.lower()
        if suffix != ".json" and is_draft_file(path):
            return self.open_draft(path)
        if suffix in {".txt", ".docx"}:
            return self.import_path(path)
        if suffix != ".json":
            self.prompts.error(
                NianbaoError(
                    f"不认识的文件类型：{path.name}",
                    "草稿是 .json 文件；已有的报告（.txt 或 .docx）请用“从已有报告导入”。",
                )
            )
            return False
        return self.open_draft(path)

    def open_draft(self, path: Path) -> bool:
        current = self.session.document
        if current is not None and current.path is not None and current.path == path:
            return True  # already open: opening it again would fight our own lock
        try:
            document = self._open_locked(path)
        except NianbaoError as error:
            self.prompts.error(error)
            return False
        if document is None or not self._replace_with(document):
            return False
        self.recent.remember(path)
        self._status(f"已打开：{path}")
        return True

    def _open_locked(self, path: Path) -> Document | None:
        store = self.session.store
        try:
            return Document.open(path, store=store)
        except DraftLockedError as error:
            answer = self.prompts.ask_lock_conflict(path, error.owner)
        except FileAccessError:
            # no lock file possible (a CD, a read-only share): the draft can still be read
            document = Document.open(path, store=store, read_only=True)
            self._status("草稿所在的文件夹不能写入，已以只读方式打开；修改后请“另存为”。")
            return document
        if answer is LockAnswer.TAKE_OVER:
            return Document.open(path, store=store, take_over=True)
        if answer is LockAnswer.READ_ONLY:
            return Document.open(path, store=store, read_only=True)
        return None

    def import_dialog(self) -> None:
        path = self.prompts.import_path(self._folder())
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> bool:
        try:
            from ...core.importer import import_report

            result = import_report(path)
        except NianbaoError as error:
            self.prompts.error(error)
            return False
        result.report.made_from = str(path)  # what 对比去年 compares with
        # an imported report is unsaved work until the user saves it as a draft
        if not self.start_new(result.report, path.stem, dirty=True):
            return False
        self.session.settings.last_folder = str(path.parent)
        self._status(f"已导入：{path.name}。请核对后保存（Ctrl+S）。")
        if result.notes:
            self.prompts.info(
                "导入完成",
                f"已导入“{path.name}”。以下几处请核对：",
                "\n".join(f"· {note}" for note in result.notes),
            )
        return True

    # --- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        document = self.session.document
        if document is None:
            return False
        if document.path is None or document.read_only:
            return self.save_as()
        return self._save_to(document, None)

    def save_as(self) -> bool:
        document = self.session.document
        if document is None:
            return False
        from ...core.naming import suggested_draft_path  # (not needed by a first paint)

        suggested = document.path or suggested_draft_path(drafts_dir(), document.report)
        path = self._ask_draft_path(suggested, "保存草稿", document.report, document.path)
        if path is None:
            return False
        return self._save_to(document, path)

    def _ask_draft_path(
        self,
        suggested: Path,
        title: str,
        report: Report,
        own: Path | None,
        keep: tuple[Path, ...] = (),
    ) -> Path | None:
        """The save dialog until she picks a name she may use: 换个名字 in the question about
        another leader's draft opens the dialog again, on a name not yet taken. ``keep``:
        drafts that must not be replaced at all (this year's, by next year's report)."""
        from ...core.naming import suggested_draft_path

        while True:
            path = self.prompts.save_path(suggested, title)
            if path is not None and path in keep:
                self.prompts.error(
                    NianbaoError(
                        f"“{path.name}”是本年的草稿，明年的报告不能替换它。",
                        "请为明年的报告另起一个文件名，本年的草稿照原样保留。",
                    )
                )
            elif path is None or self._may_replace(path, report, own):
                return path
            suggested = suggested_draft_path(path.parent, report, own)

    def _may_replace(self, path: Path, report: Report, own: Path | None) -> bool:
        """Another draft at ``path`` is replaced only after a question naming both leaders
        (the save dialog itself does not ask: its question could not name them)."""
        if own is not None and path == own:
            return True
        if not path.exists():
            return True
        from ...core.naming import draft_leader

        existing = draft_leader(path)
        return self.prompts.confirm_replace_draft(path, existing, report.author_name.strip())

    def _save_to(self, document: Document, path: Path | None) -> bool:
        try:
            notes = document.save(path)
        except NianbaoError as error:
            self.prompts.error(error)
            return False
        assert document.path is not None
        self.session.saved.emit(_dt.datetime.now())
        self.recent.remember(document.path)
        self._status("".join([f"已保存：{document.path}。", *notes]))
        return True

    def save_as_next_year(self) -> None:
        document = self.session.document
        if document is not None:
            self._carry_into_next_year(document.report, document.path)

    def _carry_into_next_year(self, report: Report, source: Path | None = None) -> bool:
        from ...core.naming import suggested_draft_path
        from ...core.next_year import next_year_copy, origin_text  # only for 复制为明年的报告

        copy = next_year_copy(report, source)
        folder = source.parent if source is not None and source.parent.is_dir() else drafts_dir()
        suggested = suggested_draft_path(folder, copy)
        open_now = self.session.document
        current = open_now.path if open_now is not None else None
        keep = tuple(p for p in (source, current) if p is not None)
        path = self._ask_draft_path(suggested, "另存为明年的报告", copy, None, keep)
        if path is None:
            return False
        if source is not None:
            copy.made_from = origin_text(source, path)
        new = Document(copy, store=self.session.store)
        try:
            new.save(path)
        except NianbaoError as error:
            self.prompts.error(error)
            new.close()
            return False
        self.recent.remember(path)
        if not self._replace_with(new):  # 取消 when asked about this year's changes
            self.prompts.info(
                "另存为明年的报告",
                f"已建立明年的报告：{path}，但没有打开它（当前草稿的修改还没有保存）。",
                "可以在“文件 → 最近打开”中打开它。",
            )
            return False
        self._status(f"已建立明年的报告：{path}")
        return True

    def drafts_list(self) -> None:
        try:
            chosen = self.prompts.drafts_list()
        except NianbaoError as error:
            self.prompts.error(error)
            return
        if chosen is None:
            return
        action, path = chosen
        if action == "open":
            self.open_path(path)
            return
        try:
            from ...core.storage import load_draft

            report = load_draft(path)
        except NianbaoError as error:
            self.prompts.error(error)
            return
        self._carry_into_next_year(report, path)

    # --- start-up --------------------------------------------------------------------------

    def start(self, argument: Path | None = None) -> None:
        """Unsaved work from a crash first; else the file given; else the last draft; else
        (a first start) the welcome page: 从去年的报告开始, 新建空白报告, 看示例."""
        if self.offer_recovery():
            return
        if argument is not None and self.open_path(argument):
            return
        drafts = [Path(t) for t in self.session.settings.recent_files]
        drafts = [path for path in drafts if path.suffix.lower() == ".json"]
        for recent in drafts:
            if recent.exists() and self.open_draft(recent):
                self._say_last_is_gone(drafts, recent)
                return
        self.session.welcome_requested.emit()
        self._say_last_is_gone(drafts, None)

    def _say_last_is_gone(self, drafts: list[Path], opened: Path | None) -> None:
        """The last draft was moved or deleted since: say so, and what is open instead (an
        older draft, or the welcome page), so that she does not take it for hers."""
        if not drafts or drafts[0] == opened:
            return
        gone = drafts[0]
        instead = f"现在打开的是“{opened.name}”。" if opened is not None else ""
        self.session.show_status(
            f"上次的草稿“{gone.name}”找不到了（{gone.parent}），可能已被移动或删除；{instead}"
            "如果移动了它，请用“文件 → 打开”找到它。",
            0,
        )

    def open_example(self) -> None:
        try:
            from ...core.templates import example_report

            report = example_report()
        except NianbaoError as error:
            self.prompts.error(error)
            report = Report()
        if not self.maybe_save():
            return
        self.session.close_draft()
        self.session.new_draft(report, "示例：" + report.effective_title())
        self.session.example_shown.emit()  # a banner over it says it is an example

    def offer_recovery(self) -> bool:
        store = self.session.store
        try:
            entries = list(store.pending())
        except Exception:  # an unreadable recovery folder must not stop the program
            _log.warning("could not list recovery entries", exc_info=True)
            return False
        if not entries:
            return False
        from ..dialogs.recovery import RecoveryDialog

        chosen = self.prompts.offer_recovery(entries)
        if chosen == RecoveryDialog.DISCARD:
            for entry in entries:
                store.discard(entry.key)
            return False
        if chosen is None:
            return False
        return self.restore(chosen)

    def restore(self, entry: Any) -> bool:
        """Bring back a recovery entry (Document.restore locks its draft as open does)."""
        session = self.session
        store = session.store
        try:
            try:
                document = Document.restore(entry, store=store)
            except DraftLockedError as error:
                answer = self.prompts.ask_lock_conflict(Path(entry.source), error.owner)
                take_over = answer is LockAnswer.TAKE_OVER
                # otherwise the file stays theirs: the recovered text becomes a new draft
                document = Document.restore(
                    entry, store=store, take_over=take_over, as_new=not take_over
                )
            except FileAccessError as error:  # the draft's folder is gone (USB stick, share)
                self.prompts.error(error)
                document = Document.restore(entry, store=store, as_new=True)
        except NianbaoError as error:
            self.prompts.error(error)
            return False
        session.close_draft()
        session.show_draft(document)
        self._status("已恢复上次未保存的内容，请检查后保存（Ctrl+S）。")
        return True
