"""The export commands of the 文件 menu: 体检 first, the Word file, and the message after an
export (打开 / 打开所在文件夹 / 保存草稿) that the PDF export (pages/menu.py) shares.

Like ``FileActions`` they work on the ``Session``'s draft. What they do not own is handed in:
``open_url`` (the desktop's, or a test's), ``save`` (FileActions' save, from the message after
an export), ``check`` (体检 before an export: the 体检 panel shows what it found; without
one, the checks run unseen) and ``fill_in`` (先去补全: the 数据 panel, figures/, when figures
are left to fill; the rest the 体检 panel, shown by the check, already lists).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl

from ...core.errors import ExportError, NianbaoError
from ...core.model import Report
from ...core.paths import export_folder
from ..dialogs.messages import Prompts

if TYPE_CHECKING:
    from ...core.checks import Finding
    from ..session import Session


class ExportActions:
    def __init__(
        self,
        session: Session,
        open_url: Callable[[QUrl], Any],
        save: Callable[[], bool],
        *,
        check: Callable[[], Sequence[Finding]] | None = None,
        fill_in: Callable[[], object] | None = None,
    ) -> None:
        self.session = session
        self.open_url = open_url
        self._save = save
        self._check = check
        self._fill_in = fill_in  # 先去补全: the 数据 panel, where the figures are filled

    @property
    def prompts(self) -> Prompts:
        return self.session.prompts

    def _run_check(self) -> Sequence[Finding]:
        if self._check is not None:
            return self._check()
        from ...core.checks import check_report

        return check_report(self.session.report())

    def export_ready(self) -> tuple[Report, Path] | None:
        """Before any export (.docx, PDF): 体检 first; with placeholders left, ask. The report
        and the folder to export to, or None with no draft or when she stops."""
        session = self.session
        if session.document is None:
            return None
        from ...core.checks import placeholder_count

        count = placeholder_count(self._run_check())
        if count and not self.prompts.confirm_placeholders(count):
            if self._fill_in is not None:
                self._fill_in()
            return None
        return session.report(), export_folder(session.settings.export_folder)

    def export_word(self) -> Path | None:
        return self.export(open_after=False)

    def export_and_open(self) -> Path | None:
        return self.export(open_after=True)

    def export(self, *, open_after: bool = False) -> Path | None:
        """体检 first; with placeholders left, ask; then write the .docx (and open it)."""
        settings = self.session.settings
        ready = self.export_ready()
        if ready is None:
            return None
        report, folder = ready
        from ...core.naming import draft_stem  # (not needed by a first paint)

        suggested = folder / f"{draft_stem(report)}.docx"
        path = self.prompts.export_path(suggested)
        if path is None:
            return None
        try:
            from ...core.export import ExportOptions, export_docx

            result = export_docx(report, path, ExportOptions.from_settings(settings))
        except NianbaoError as error:
            self.prompts.error(error)
            return None
        except OSError as error:  # belt and braces: export should already wrap these
            self.prompts.error(
                ExportError(
                    f"无法写入 {path}：{error.strerror or error}。",
                    "请关闭正在打开该文件的 Word 或 WPS，或换一个文件名再导出。",
                    path=path,
                )
            )
            return None
        settings.export_folder = str(path.parent)  # saved on change
        self.session.show_status(f"已导出：{path}")
        if open_after:
            if result.warnings:  # the one message before the file opens
                notes = "\n".join(result.warnings)
                self.prompts.info("导出完成", f"已导出到 {path}。请注意：", notes)
            self._open_exported(path, path)
        else:
            self.after_export(path, result.warnings)
        return path

    def after_export(self, path: Path, notes: Sequence[str] = ()) -> None:
        """The message after an export (with what the export changed on the way, ``notes``):
        open the file or its folder, or save the draft."""
        document = self.session.document
        if document is None:
            return
        answer = self.prompts.after_export(path, document.path, document.dirty, notes)
        if answer == "open":
            self._open_exported(path, path)
        elif answer == "folder":
            self._open_exported(path.parent, path)
        elif answer == "save":
            self._save()

    def _open_exported(self, target: Path, path: Path) -> None:
        if not self.open_url(QUrl.fromLocalFile(str(target))):
            self.prompts.error(
                NianbaoError(
                    f"已导出到 {path}，但无法自动打开。",
                    "请在文件夹中双击该文件，用 WPS 或 Word 打开。",
                )
            )
