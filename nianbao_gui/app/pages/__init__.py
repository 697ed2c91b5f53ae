"""The pages in the window: live preview, print, print preview and PDF export.

Everything is drawn from the core's page layout (core/pages): this package only paints it
(painter.py) on a widget, a printer or the print preview, and finds the Qt fonts for the
font files the layout measured (qtfonts.py). menu.py puts the commands into the window.
"""
