"""Reusable form widgets: paragraph editors, paragraph lists, section editors."""
