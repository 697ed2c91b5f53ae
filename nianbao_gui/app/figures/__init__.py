"""数据: the figures panel and the spreadsheet round trip."""
