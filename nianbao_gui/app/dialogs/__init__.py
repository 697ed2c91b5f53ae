"""The window's dialogs: new draft, drafts list, recovery offer, lock conflict, messages."""
