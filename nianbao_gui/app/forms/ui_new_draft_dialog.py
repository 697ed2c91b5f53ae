# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_draft_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel, QListWidget, QSpinBox,
    QVBoxLayout)

class Ui_NewDraftDialog(object):
    def setupUi(self, NewDraftDialog):
        if not NewDraftDialog.objectName():
            NewDraftDialog.setObjectName(u"NewDraftDialog")
        NewDraftDialog.resize(460, 340)
        self.layout = QVBoxLayout(NewDraftDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(NewDraftDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.choiceList = QListWidget(NewDraftDialog)
        self.choiceList.setObjectName(u"choiceList")

        self.layout.addWidget(self.choiceList)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(NewDraftDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(NewDraftDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1949)
        self.yearSpin.setMaximum(2200)
        self.yearSpin.setValue(2025)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.yearSpin)


        self.layout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(NewDraftDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewDraftDialog)
        self.buttonBox.accepted.connect(NewDraftDialog.accept)
        self.buttonBox.rejected.connect(NewDraftDialog.reject)

        QMetaObject.connectSlotsByName(NewDraftDialog)
    # setupUi

    def retranslateUi(self, NewDraftDialog):
        NewDraftDialog.setWindowTitle(QCoreApplication.translate("NewDraftDialog", u"\u65b0\u5efa\u62a5\u544a", None))
        self.introLabel.setText(QCoreApplication.translate("NewDraftDialog", u"\u9009\u62e9\u4e00\u79cd\u62a5\u544a\u4f5c\u4e3a\u8d77\u70b9\u3002\u6a21\u677f\u53ea\u6709\u5e38\u7528\u7684\u6807\u9898\uff0c\u793a\u4f8b\u662f\u4e00\u4efd\u586b\u597d\u7684\u771f\u5b9e\u62a5\u544a\u3002", None))
        self.yearLabel.setText(QCoreApplication.translate("NewDraftDialog", u"\u5e74\u4efd(&Y)\uff1a", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("NewDraftDialog", u" \u5e74", None))
    # retranslateUi

