# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDockWidget, QMenuBar, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 800)
        MainWindow.setAcceptDrops(True)
        self.editorArea = QWidget(MainWindow)
        self.editorArea.setObjectName(u"editorArea")
        self.editorLayout = QVBoxLayout(self.editorArea)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(6, 6, 6, 0)
        MainWindow.setCentralWidget(self.editorArea)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
        self.checkDock = QDockWidget(MainWindow)
        self.checkDock.setObjectName(u"checkDock")
        self.checkDock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable|QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.checkDockContents = QWidget()
        self.checkDockContents.setObjectName(u"checkDockContents")
        self.checkDockLayout = QVBoxLayout(self.checkDockContents)
        self.checkDockLayout.setObjectName(u"checkDockLayout")
        self.checkDockLayout.setContentsMargins(4, 4, 4, 4)
        self.checkDock.setWidget(self.checkDockContents)
        MainWindow.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checkDock)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u5e74\u62a5\u52a9\u624b", None))
        self.checkDock.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u4f53\u68c0", None))
    # retranslateUi

