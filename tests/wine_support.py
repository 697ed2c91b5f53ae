"""Windows programs under Wine, for tests/test_windows_bundle.py and benchmarks/bench_bundle.py.

Wine's environment is the one packaging/windows/wine.sh sets (a Chinese Windows 10: code page
936). A program is run through cmd with a .bat written in code page 936, every standard stream
redirected (Wine gives a program started without a console invalid handles, and Python then
dies before main), so its output is what a Chinese Windows writes into a redirected file.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build" / "windows"
CODE_PAGE = "gbk"  # cp936, the ANSI and OEM code page of a Chinese Windows
_counter = itertools.count()


def wine_environment(prefix: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV", "NIANBAO_", "LC_", "QT_"))
        and key != "DISPLAY"
    }
    env.update(
        WINEPREFIX=str(prefix),
        WINEARCH="win64",
        WINEDEBUG=os.environ.get("NIANBAO_WINEDEBUG", "-all"),
        WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
        LANG="zh_CN.UTF-8",
    )
    return env


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    raw_stdout: bytes

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = wine_environment(prefix)
        self.user = pwd.getpwuid(os.getuid()).pw_name
        self.scratch = prefix / "drive_c" / "nianbao-test"

    # --- paths -------------------------------------------------------------------------
    @property
    def home(self) -> str:
        return rf"C:\users\{self.user}"

    def unix(self, windows: str) -> Path:
        path = PureWindowsPath(windows)
        drive = path.drive.rstrip(":").lower()
        root = Path("/") if drive == "z" else self.prefix / f"drive_{drive}"
        return root.joinpath(*path.parts[1:])

    def windows(self, unix: Path) -> str:
        unix = Path(unix).resolve()
        drive_c = (self.prefix / "drive_c").resolve()
        if unix.is_relative_to(drive_c):
            return "C:\\" + "\\".join(unix.relative_to(drive_c).parts)
        return "Z:" + str(unix).replace("/", "\\")

    # --- running -----------------------------------------------------------------------
    def command(self, args: list[str], *, cwd: str | None, env: dict[str, str]) -> bytes:
        lines = ["@echo off"]
        lines += [f'set "{key}={value}"' for key, value in env.items()]
        if cwd:
            lines.append(f'cd /d "{cwd}"')
        lines.append(" ".join(_quote(arg) for arg in args) + " %REDIRECT%")
        lines.append("exit /b %errorlevel%")
        return "\r\n".join(lines).encode(CODE_PAGE) + b"\r\n"

    def _bat(
        self, args: list[str], cwd: str | None, env: dict[str, str]
    ) -> tuple[Path, Path, Path]:
        self.scratch.mkdir(parents=True, exist_ok=True)
        number = next(_counter)
        out, err = self.scratch / f"out-{number}.txt", self.scratch / f"err-{number}.txt"
        for stale in (out, err):  # from an earlier session in this prefix (the build's)
            stale.unlink(missing_ok=True)
        redirect = f'< NUL > "{self.windows(out)}" 2> "{self.windows(err)}"'
        bat = self.scratch / f"run-{number}.bat"
        bat.write_bytes(
            self.command(args, cwd=cwd, env=env).replace(b"%REDIRECT%", redirect.encode(CODE_PAGE))
        )
        return bat, out, err

    def run(self, *args: str, cwd: str | None = None, timeout: float = 180, **env: str) -> Result:
        process, out, err = self._start(list(args), cwd, env)
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:  # as subprocess.run: the cmd killed, then raised
            process.kill()
            process.wait()
            raise
        raw = out.read_bytes() if out.exists() else b""
        stderr = err.read_bytes() if err.exists() else b""
        return Result(
            returncode,
            raw.decode(CODE_PAGE, errors="replace").replace("\r\n", "\n"),
            stderr.decode(CODE_PAGE, errors="replace").replace("\r\n", "\n"),
            raw,
        )

    def start(
        self, *args: str, cwd: str | None = None, **env: str
    ) -> tuple[subprocess.Popen[bytes], Path]:
        """Start a program and return at once (a window that stays open): the process of
        its cmd, and the file its standard output goes to."""
        process, out, _err = self._start(list(args), cwd, env)
        return process, out

    def _start(
        self, args: list[str], cwd: str | None, env: dict[str, str]
    ) -> tuple[subprocess.Popen[bytes], Path, Path]:
        bat, out, err = self._bat(args, cwd, env)
        process = subprocess.Popen(
            ["wine", "cmd", "/c", self.windows(bat)],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return process, out, err

    def wine(self, *args: str, timeout: float = 300) -> int:
        """A Windows program that needs no standard streams (an installer, regedit)."""
        return subprocess.run(
            ["wine", *args],
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        ).returncode

    def wait(self) -> None:
        """Until every program of the prefix has ended (wineserver -w)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)

    def processes(self, exe_name: str, *also: str) -> list[int]:
        """Linux process ids of the prefix's processes running ``exe_name`` (with ``also``
        in their command line)."""
        found = []
        marker = f"WINEPREFIX={self.prefix}".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            wanted = [word.encode("utf-8").lower() for word in (exe_name, *also)]
            if all(word in cmdline.lower() for word in wanted) and marker in environ.split(b"\0"):
                found.append(int(entry.name))
        return found

    def kill(self, exe_name: str, *also: str) -> int:
        """SIGKILL every process running ``exe_name`` (as TerminateProcess: no clean-up)."""
        pids = self.processes(exe_name, *also)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return len(pids)

    def wait_for(self, exe_name: str, timeout: float = 60) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.processes(exe_name):
                return True
            time.sleep(0.1)
        return False

    # --- set-up ------------------------------------------------------------------------
    def create(self) -> None:
        """A fresh prefix (as packaging/windows/wine.sh makes it), with the DLLs Wine lacks."""
        if self.prefix.exists():
            shutil.rmtree(self.prefix)
        script = (
            f'source "{REPO}/packaging/windows/wine.sh" && wine_prefix "{self.prefix}" '
            f"&& wineserver -w"
        )
        subprocess.run(["bash", "-c", script], check=True, timeout=600)

    def import_registry(self, text: str) -> None:
        """Entries in .reg syntax (written as Windows' regedit reads it: UTF-16)."""
        self.scratch.mkdir(parents=True, exist_ok=True)
        reg = self.scratch / f"entries-{next(_counter)}.reg"
        reg.write_bytes(
            b"\xff\xfe"
            + ("Windows Registry Editor Version 5.00\r\n\r\n" + text.replace("\n", "\r\n")).encode(
                "utf-16-le"
            )
        )
        assert self.wine("regedit", "/S", self.windows(reg)) == 0
        self.wait()


def _quote(arg: str) -> str:
    if any(char in arg for char in '"%'):
        raise ValueError(f"cmd cannot pass {arg!r} safely")
    if arg == "" or any(char in arg for char in " &()[]{}^=;!'+,`~<>|"):
        return f'"{arg}"'
    return arg
