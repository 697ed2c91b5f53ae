"""A call deferred to the event loop names the object it belongs to (QTimer.singleShot with a
context): when that object is gone first, the call is dropped instead of acting on a closed
window or a deleted page. An unowned one froze the next test's window (the collector test)."""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "nianbao_gui" / "app"
# singleShot(msec, <callable>) without a context: a lambda or a bare function name
_UNOWNED = re.compile(r"singleShot\(\s*[\w.]+\s*,\s*(lambda\b|[a-z_][\w]*\s*\))")


def test_every_deferred_call_names_its_owner() -> None:
    unowned = [
        f"{path.relative_to(APP)}:{number}"
        for path in sorted(APP.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _UNOWNED.search(line)
    ]
    assert unowned == []
