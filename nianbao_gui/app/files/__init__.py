"""The draft's file: open, save, import, recovery (document.py), recent files, the start page."""
