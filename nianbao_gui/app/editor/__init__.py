"""The report form: its model, undo history, binder, structural edits, the 编辑 menu."""
