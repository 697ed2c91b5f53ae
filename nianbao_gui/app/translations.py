"""Qt's own dialogs in Chinese: every catalogue they use, and the few strings missing there.

Qt's file dialog and message boxes take their words from ``qtbase_zh_CN.qm`` (and the
``qt_zh_CN.qm`` meta catalogue where it loads) in PySide6's translations folder. Qt 6 renamed
two labels of its own file dialog (``&Look in:``, ``Files of &type:``, with shortcut marks)
and the Chinese catalogue still has only the old wording, so that dialog stayed half English
on Linux. A small translator supplies those words; installed last, it is asked first.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

CHINA = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
CATALOGUES = ("qtbase", "qt")

SUPPLEMENT = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "File name:"): "文件名：",
    ("QFileDialog", "Computer"): "计算机",
    ("QFileSystemModel", "Size"): "大小",  # the catalogue's 体积 is a volume, not a file size
}


class _Supplement(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is Qt's null string: "not here", so the next catalogue is asked ("" would be
        # taken as the translation)
        return SUPPLEMENT.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install(app: QApplication) -> bool:
    """Install the catalogues and the supplement; True when qtbase's Chinese was found."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = False
    for name in CATALOGUES:
        translator = QTranslator(app)
        if translator.load(CHINA, name, "_", folder):
            app.installTranslator(translator)
            found = found or name == "qtbase"
    app.installTranslator(_Supplement(app))
    QLocale.setDefault(CHINA)
    return found
