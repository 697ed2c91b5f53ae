# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(440, 260)
        self.layout = QVBoxLayout(AboutDialog)
        self.layout.setObjectName(u"layout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(64, 64))

        self.topRow.addWidget(self.iconLabel)

        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.topRow.addWidget(self.titleLabel)


        self.layout.addLayout(self.topRow)

        self.textLabel = QLabel(AboutDialog)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setWordWrap(True)

        self.layout.addWidget(self.textLabel)

        self.dataLabel = QLabel(AboutDialog)
        self.dataLabel.setObjectName(u"dataLabel")
        self.dataLabel.setWordWrap(True)
        self.dataLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.dataLabel)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(AboutDialog)
        self.buttonBox.rejected.connect(AboutDialog.reject)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u5173\u4e8e\u5e74\u62a5\u52a9\u624b", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"<b>\u5e74\u62a5\u52a9\u624b</b>", None))
        self.textLabel.setText(QCoreApplication.translate("AboutDialog", u"\u6309\u680f\u76ee\u586b\u5199\u8ff0\u804c\u62a5\u544a\u3001\u8ff0\u804c\u8ff0\u5ec9\u62a5\u544a\u548c\u5e74\u5ea6\u5de5\u4f5c\u603b\u7ed3\uff0c\u8349\u7a3f\u81ea\u52a8\u4fdd\u5b58\uff0c\u4e00\u952e\u5bfc\u51fa\u7b26\u5408\u300a\u515a\u653f\u673a\u5173\u516c\u6587\u683c\u5f0f\u300b\uff08GB/T 9704-2012\uff09\u7684 Word \u6587\u6863\u3002\u5b8c\u5168\u79bb\u7ebf\u4f7f\u7528\u3002", None))
    # retranslateUi

