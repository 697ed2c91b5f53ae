"""requirements/bundle.lock as the Windows build needs it: the entries whose markers hold for
64-bit CPython on Windows, markers removed, hashes kept.

``pip download --platform win_amd64`` evaluates a lock entry's markers for the machine it runs
on (Linux): it would skip pefile and pywin32-ctypes (``sys_platform == 'win32'``) and pick the
PySide6 pinned for the host's Python. This writes the lock's Windows view, for that Python.

    python lock_for_windows.py LOCK PYTHON_VERSION OUT     (e.g. 3.12.9)
"""

from __future__ import annotations

import sys

try:
    from packaging.markers import Marker
    from packaging.requirements import Requirement
except ImportError:  # a bare venv: pip carries its own copy
    from pip._vendor.packaging.markers import Marker  # type: ignore[no-redef]
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]


def windows_environment(python_version: str) -> dict[str, str]:
    major_minor = ".".join(python_version.split(".")[:2])
    return {
        "implementation_name": "cpython",
        "implementation_version": python_version,
        "os_name": "nt",
        "platform_machine": "AMD64",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_system": "Windows",
        "platform_version": "10.0.19045",
        "python_full_version": python_version,
        "python_version": major_minor,
        "sys_platform": "win32",
    }


def entries(text: str) -> list[tuple[str, list[str]]]:
    """(requirement line without its hashes, its hash options) for each entry of the lock."""
    found: list[tuple[str, list[str]]] = []
    joined = text.replace("\\\n", " ")
    for raw in joined.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()
        hashes = [w for w in words if w.startswith("--hash=")]
        requirement = " ".join(w for w in words if not w.startswith("--hash="))
        found.append((requirement, hashes))
    return found


def windows_lock(text: str, python_version: str) -> str:
    environment = windows_environment(python_version)
    lines = []
    for requirement_text, hashes in entries(text):
        requirement = Requirement(requirement_text)
        if requirement.marker is not None and not Marker(str(requirement.marker)).evaluate(
            environment
        ):
            continue
        if not hashes:
            raise SystemExit(f"lock_for_windows: {requirement.name} has no hashes")
        pinned = f"{requirement.name}{requirement.specifier}"
        lines.append(" \\\n    ".join([pinned, *hashes]))
    return "\n".join(lines) + "\n"


def main() -> int:
    lock, python_version, out = sys.argv[1:4]
    with open(lock, encoding="utf-8") as handle:
        text = windows_lock(handle.read(), python_version)
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
