"""The Qt window of 年报助手. The logic lives in ``nianbao_gui.core``; this package shows it."""
