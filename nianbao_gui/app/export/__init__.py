"""导出 Word and the message after an export."""
