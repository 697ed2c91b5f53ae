# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'drafts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout)

class Ui_DraftsDialog(object):
    def setupUi(self, DraftsDialog):
        if not DraftsDialog.objectName():
            DraftsDialog.setObjectName(u"DraftsDialog")
        DraftsDialog.resize(760, 420)
        self.layout = QVBoxLayout(DraftsDialog)
        self.layout.setObjectName(u"layout")
        self.folderLabel = QLabel(DraftsDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.folderLabel)

        self.table = QTableWidget(DraftsDialog)
        if (self.table.columnCount() < 5):
            self.table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.openButton = QPushButton(DraftsDialog)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.nextYearButton = QPushButton(DraftsDialog)
        self.nextYearButton.setObjectName(u"nextYearButton")

        self.buttonRow.addWidget(self.nextYearButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.spacer)

        self.closeButton = QPushButton(DraftsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.layout.addLayout(self.buttonRow)


        self.retranslateUi(DraftsDialog)
        self.closeButton.clicked.connect(DraftsDialog.reject)

        self.openButton.setDefault(True)


        QMetaObject.connectSlotsByName(DraftsDialog)
    # setupUi

    def retranslateUi(self, DraftsDialog):
        DraftsDialog.setWindowTitle(QCoreApplication.translate("DraftsDialog", u"\u8349\u7a3f\u5217\u8868", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DraftsDialog", u"\u6807\u9898", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DraftsDialog", u"\u5e74\u4efd", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DraftsDialog", u"\u59d3\u540d", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("DraftsDialog", u"\u6700\u540e\u4fee\u6539", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("DraftsDialog", u"\u6587\u4ef6", None))
        self.openButton.setText(QCoreApplication.translate("DraftsDialog", u"\u6253\u5f00(&O)", None))
        self.nextYearButton.setText(QCoreApplication.translate("DraftsDialog", u"\u590d\u5236\u4e3a\u660e\u5e74\u7684\u62a5\u544a(&Y)", None))
        self.closeButton.setText(QCoreApplication.translate("DraftsDialog", u"\u5173\u95ed", None))
    # retranslateUi

