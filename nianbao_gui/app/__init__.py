"""The Qt window of 年报助手. Core logic lives in ``nianbao_gui.core``; this package only shows it."""
