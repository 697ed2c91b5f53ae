"""年报助手 (nianbao): write township annual reports and export them in the official layout."""

__version__ = "0.1.0"
