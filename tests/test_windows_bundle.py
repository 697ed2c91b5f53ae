"""The Windows program as a secretary gets it: the installer, built on Linux through Wine
(./dev bundle-windows), installed silently into a fresh Wine prefix set up as a Chinese
Windows 10 (code page 936, the office fonts registered under their Chinese names), then run
from the installed folder.

Building takes 5-10 minutes, so these tests run only with NIANBAO_BUNDLE_TEST=1 (.ci/run sets
it). An installer in dist/ newer than every source file is reused.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

import docx
import pytest
from bundle_support import rebuild_if_stale
from conftest import REPO, SEED
from export_support import seed_lines
from wine_support import BUILD, CODE_PAGE, Wine

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("NIANBAO_BUNDLE_TEST", "") in ("", "0"),
        reason="builds the Windows installer through Wine (5-10 minutes): set "
        "NIANBAO_BUNDLE_TEST=1 (.ci/run does)",
    ),
]

NAME = "年报助手"
UNINSTALLER = "卸载年报助手.exe"

# Free fonts from Debian, copied into C:\Windows\Fonts under names winfonts.py does not look for,
# and registered as an office PC registers its fonts: found only through the registry.
# (registry value name, Debian file, file name in the prefix, the family the PDF must embed)
OFFICE_FONTS = [
    ("仿宋_GB2312 (TrueType)", "arphic-gbsn00lp/gbsn00lp.ttf", "free-fangsong.ttf", "BousungEG"),
    ("楷体_GB2312 (TrueType)", "arphic-gkai00mp/gkai00mp.ttf", "free-kaiti.ttf", "GBZenKai"),
    ("黑体 (TrueType)", "wqy/wqy-zenhei.ttc", "free-heiti.ttc", "WenQuanYiZenHei"),
    # a collection, as simsun.ttc: 宋体 is its first face, 新宋体 its second
    ("宋体 & 新宋体 (TrueType)", "arphic/uming.ttc", "free-songti.ttc", "UMingCN"),
    ("方正小标宋简体 (TrueType)", "arphic/ukai.ttc", "free-xiaobiaosong.ttc", "UKaiCN"),
]
DEBIAN_FONTS = Path("/usr/share/fonts/truetype")


def _version() -> str:
    text = (REPO / "nianbao_gui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match
    return match.group(1)


@pytest.fixture(scope="session")
def installer() -> Path:
    path = REPO / "dist" / f"{NAME}-安装-{_version()}.exe"
    began = time.monotonic()
    if rebuild_if_stale(path, "bundle-windows", timeout=3600):
        print(f"\nbundle-windows took {time.monotonic() - began:.0f} s")
    assert path.is_file()
    return path


@pytest.fixture(scope="session")
def windows(installer: Path) -> Wine:
    """A fresh prefix with the office fonts, the program installed by the installer /S."""
    wine = Wine(BUILD / "test-prefix")
    wine.create()
    fonts = wine.prefix / "drive_c" / "windows" / "Fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    entries = []
    for value_name, debian, file_name, _family in OFFICE_FONTS:
        shutil.copyfile(DEBIAN_FONTS / debian, fonts / file_name)
        entries.append(f'"{value_name}"="{file_name}"')
    wine.import_registry(
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts]\n"
        + "\n".join(entries)
        + "\n"
    )
    began = time.monotonic()
    assert wine.wine(wine.windows(installer), "/S") == 0
    wine.wait()
    print(f"\nsilent install took {time.monotonic() - began:.1f} s")
    return wine


def _program(wine: Wine) -> str:
    return rf"{wine.home}\AppData\Local\Programs\{NAME}"


def _documents(wine: Wine) -> str:
    """A folder with Chinese characters and a space, as a secretary's reports are."""
    folder = rf"{wine.home}\文档\{NAME} 2025"
    wine.unix(folder).mkdir(parents=True, exist_ok=True)
    return folder


def _data(wine: Wine) -> Path:
    """%LOCALAPPDATA%\\nianbao (platformdirs), where drafts, settings and logs live."""
    return wine.unix(rf"{wine.home}\AppData\Local\nianbao")


def _console(wine: Wine, *args: str, cwd: str | None = None, **env: str):  # type: ignore[no-untyped-def]
    return wine.run(rf"{_program(wine)}\nianbao.exe", *args, cwd=cwd, **env)


def _ok(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    return result


def test_installer_installs_for_the_user_without_administrator(windows: Wine) -> None:
    program = windows.unix(_program(windows))
    for name in (f"{NAME}.exe", "nianbao.exe", UNINSTALLER, "_internal"):
        assert (program / name).exists(), name
    # one _internal shared by the window and the console executable
    assert [p.name for p in program.iterdir() if p.is_dir()] == ["_internal"]
    start_menu = windows.unix(
        rf"{windows.home}\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\{NAME}.lnk"
    )
    assert start_menu.is_file()
    assert windows.unix(rf"{windows.home}\Desktop\{NAME}.lnk").is_file()
    # 应用和功能 lists it from the user's own registry; nothing under HKEY_LOCAL_MACHINE
    user_reg = (windows.prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
    header = r"[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\nianbao]"
    key = user_reg.split(header)
    assert len(key) == 2, "no uninstall entry under HKCU"
    entry = key[1].split("\n\n")[0]
    assert '"DisplayName"="\\x5e74\\x62a5\\x52a9\\x624b"' in entry  # 年报助手
    assert f'"DisplayVersion"="{_version()}"' in entry
    assert "QuietUninstallString" in entry
    assert "nianbao" not in (windows.prefix / "system.reg").read_text(errors="replace")
    # the DLLs the build prefix adds for Wine never enter the bundle
    bundled = {p.name.lower() for p in (program / "_internal").rglob("*.dll")}
    assert {"icuuc.dll", "bcryptprimitives.dll"}.isdisjoint(bundled)


def test_console_imports_exports_and_checks_in_code_page_936(windows: Wine) -> None:
    folder = _documents(windows)
    local = windows.unix(folder)
    shutil.copyfile(SEED, local / "2024年 述职报告.txt")
    # the same report as Notepad on a Chinese Windows saves it by default before Windows 10 1903
    # (GBK has no no-break space: a plain one there)
    gbk = SEED.read_text(encoding="utf-8").replace("\xa0", " ").encode("gbk")
    (local / "去年 报告 GBK.txt").write_bytes(gbk)

    pairs = [("2024年 述职报告.txt", "2025年 述职报告.json"), ("去年 报告 GBK.txt", "gbk.json")]
    for report, draft in pairs:
        result = _ok(_console(windows, "import", report, "-o", draft, cwd=folder))
        assert f"已导入：{draft}" in result.stdout
        result.raw_stdout.decode(CODE_PAGE)  # strict: the console's code page, not UTF-8
    # each read as the program reads it from source on Linux: GBK as GBK, not as mojibake
    from nianbao_gui.core.importer import import_report
    from nianbao_gui.core.storage import load_draft

    # made_from names the file; the draft id is new for every draft the command line starts
    own = {"made_from", "draft_id"}
    for report, draft in pairs:
        expected = import_report(local / report).report.model_dump(exclude=own)
        saved = load_draft(local / draft)
        assert saved.model_dump(exclude=own) == expected, report
        assert len(saved.draft_id) == 12, report

    target = rf"{folder}\2025年 述职报告.docx"
    result = _ok(_console(windows, "export", rf"{folder}\2025年 述职报告.json", "-o", target))
    assert "已导出" in result.stdout and target in result.stdout
    document = docx.Document(str(windows.unix(target)))
    text = "\n".join(p.text for p in document.paragraphs)
    for line in seed_lines()[1:-1]:
        assert line.strip().replace("，,", "，")[:12] in text

    result = _console(windows, "check", "2025年 述职报告.json", cwd=folder)
    assert result.returncode == 3, result.output  # the seed's real flaws: findings
    assert "自已" in result.stdout
    result.raw_stdout.decode(CODE_PAGE)

    # a usage error is Chinese too, readable in the same code page
    result = _console(windows, "export")
    assert result.returncode == 2 and "缺少参数" in result.stderr


def _pdf_fonts(pdf: Path) -> list[str]:
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return listed.stdout.splitlines()[2:]


def test_pdf_embeds_the_fonts_registered_in_windows(windows: Wine) -> None:
    folder = _documents(windows)
    local = windows.unix(folder)
    shutil.copyfile(SEED, local / "字体 测试.txt")
    _ok(_console(windows, "import", "字体 测试.txt", "-o", "字体 测试.json", cwd=folder))
    result = _ok(_console(windows, "export", "字体 测试.json", "-o", "字体 测试.pdf", cwd=folder))
    assert "已导出" in result.stdout
    assert "代替" not in result.output and "没有" not in result.output, result.output
    pdf = local / "字体 测试.pdf"
    fonts = _pdf_fonts(pdf)
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded
    embedded = " ".join(line.split()[0] for line in fonts)
    # the title (方正小标宋简体), the body (仿宋_GB2312), the level-1 (黑体) and level-2
    # (楷体_GB2312) headings and the page numbers (宋体), each from the file the registry
    # names (the families as the PDF names them: PostScript names of the Debian files)
    for _value, _debian, _file, family in OFFICE_FONTS:
        assert family in embedded, (family, fonts)
    assert len(fonts) == len(OFFICE_FONTS)  # nothing else stood in

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    seed = SEED.read_text(encoding="utf-8")
    missing = {char for char in seed if not char.isspace()} - set(text)
    assert missing == set(), "".join(sorted(missing))


def test_window_opens_the_example_and_the_seed_saves_and_exits_0(windows: Wine) -> None:
    folder = _documents(windows)
    local = windows.unix(folder)
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", local / "示例 草稿.json")
    shutil.copyfile(SEED, local / "去年 述职.txt")
    gui = rf"{_program(windows)}\{NAME}.exe"
    # a settings key this version does not know is dropped and logged: a line for the log
    _data(windows).mkdir(parents=True, exist_ok=True)
    settings = _data(windows) / "settings.json"
    settings.write_text('{"key_of_a_later_version": 1}', encoding="utf-8")
    pairs = [("示例 草稿.json", "示例 草稿.json"), ("去年 述职.txt", "窗口 保存.json")]
    for opened, saved in pairs:
        began = time.time()
        result = windows.run(
            gui,
            rf"{folder}\{opened}",
            QT_QPA_PLATFORM="offscreen",
            NIANBAO_SMOKE_TEST="1",
            NIANBAO_SMOKE_SAVE=rf"{folder}\{saved}",
            timeout=240,
        )
        assert result.returncode == 0, result.output
        draft = local / saved
        assert draft.stat().st_mtime >= began - 2, "the window did not save"
        assert json.loads(draft.read_text(encoding="utf-8"))["sections"]
    # the log file lands where the README says: <data folder>\logs\nianbao.log
    log = _data(windows) / "logs" / "nianbao.log"
    assert "key_of_a_later_version" in log.read_text(encoding="utf-8")


def test_second_window_on_an_open_draft_is_refused_by_the_lock(windows: Wine) -> None:
    """The first window holds the draft's lock file and, through msvcrt.locking, its session
    mark; the second window asks 正被…打开 instead of opening the draft for editing."""
    folder = _documents(windows)
    local = windows.unix(folder)
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", local / "锁 草稿.json")
    gui = rf"{_program(windows)}\{NAME}.exe"
    first, _ = windows.start(gui, rf"{folder}\锁 草稿.json", QT_QPA_PLATFORM="offscreen")
    try:
        lock = local / "~$锁 草稿.json.lock"
        deadline = time.monotonic() + 120
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert lock.exists(), "the first window did not lock the draft"
        second = windows.run(
            gui, rf"{folder}\锁 草稿.json", QT_QPA_PLATFORM="offscreen", NIANBAO_SMOKE_TEST="1"
        )
        assert second.returncode == 0, second.output
        assert "question open:" in second.stderr, second.output
        assert "草稿“锁 草稿”正被" in second.stderr and "打开" in second.stderr
    finally:
        windows.kill(f"{NAME}.exe")
        first.wait(timeout=60)
    # the first window is gone (killed): its lock is stale, a new window opens the draft
    third = windows.run(
        gui, rf"{folder}\锁 草稿.json", QT_QPA_PLATFORM="offscreen", NIANBAO_SMOKE_TEST="1"
    )
    assert third.returncode == 0, third.output
    assert "question open:" not in third.stderr, third.output


def test_a_read_only_draft_is_refused_with_the_usual_message(windows: Wine) -> None:
    folder = _documents(windows)
    local = windows.unix(folder)
    shutil.copyfile(SEED, local / "只读 报告.txt")
    _ok(_console(windows, "import", "只读 报告.txt", "-o", "只读 草稿.json", cwd=folder))
    before = (local / "只读 草稿.json").read_bytes()
    assert windows.run("attrib", "+R", rf"{folder}\只读 草稿.json").returncode == 0
    result = _console(
        windows, "import", "只读 报告.txt", "-o", "只读 草稿.json", "--force", cwd=folder
    )
    assert result.returncode != 0
    assert "只读" in result.output and "Traceback" not in result.output, result.output
    assert (local / "只读 草稿.json").read_bytes() == before


# --- storage on Windows, with the program's own code run by the build prefix's Python -------
# (the bundle cannot run a loop of saves; the same modules, by Windows' CPython 3.12 with the
# lock file's packages: C:\bundle-venv of ./dev bundle-windows)

SAVE_LOOP = r"""
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.paths import drafts_dir
from nianbao_gui.core.storage import save_draft
first = import_report(Path(sys.argv[2])).report
second = first.model_copy(update={"author_name": "李四"})
target = drafts_dir() / "强行结束 测试.json"
save_draft(first, target)
print(target, flush=True)
count = 0
while True:
    save_draft(second if count % 2 else first, target)
    count += 1
"""

REPLACE_HELD = r"""
import subprocess, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from nianbao_gui.core.atomic import atomic_write_text
from nianbao_gui.core.errors import FileAccessError
target = Path(sys.argv[2])
target.write_text("原来的草稿", encoding="utf-8")
hold = (
    "import sys, time; f = open(sys.argv[1], 'rb'); print('held', flush=True); "
    "time.sleep(float(sys.argv[2]))"
)
for seconds in (0.8, 30):
    command = [sys.executable, "-c", hold, str(target), str(seconds)]
    holder = subprocess.Popen(command, stdout=subprocess.PIPE)
    holder.stdout.readline()
    began = time.monotonic()
    try:
        atomic_write_text(target, f"新的草稿 {seconds}")
        print(f"saved after {time.monotonic() - began:.1f} s:", target.read_text(encoding="utf-8"))
    except FileAccessError as error:
        print(f"refused after {time.monotonic() - began:.1f} s:", error)
        print("kept:", target.read_text(encoding="utf-8"))
    holder.kill()
    holder.wait()
print("left:", sorted(p.name for p in target.parent.iterdir()))
"""


@pytest.fixture(scope="session")
def build_python(installer: Path) -> tuple[Wine, str]:
    wine = Wine(BUILD / "prefix")
    python = r"C:\bundle-venv\Scripts\python.exe"
    if not wine.unix(python).is_file():
        pytest.fail("the build prefix of ./dev bundle-windows is missing (build/windows/prefix)")
    return wine, python


def test_a_draft_survives_kills_mid_save(build_python: tuple[Wine, str]) -> None:
    """A save killed at any moment (TerminateProcess: the Wine process killed) leaves the old
    draft or the new one, whole: 50 kills of a process saving in a loop, 0 broken drafts."""
    from nianbao_gui.core.storage import load_draft

    wine, python = build_python
    script = wine.scratch / "save_loop.py"
    wine.scratch.mkdir(parents=True, exist_ok=True)
    script.write_text(SAVE_LOOP, encoding="utf-8")
    rng = random.Random(19)
    broken, authors = [], set()
    arguments = [wine.windows(script), wine.windows(REPO), wine.windows(SEED)]
    for _ in range(50):
        runner, out = wine.start(python, *arguments)
        deadline = time.monotonic() + 120
        # the loop prints the draft's path once it has saved the first time
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().strip()):
            time.sleep(0.05)
        printed = out.read_bytes().decode(CODE_PAGE).strip() if out.exists() else ""
        assert printed, "the saving loop did not start"
        target = wine.unix(printed)
        time.sleep(rng.uniform(0.0, 0.5))
        assert wine.kill("python.exe", "save_loop.py") >= 1, "the saving loop ended by itself"
        runner.wait(timeout=60)
        try:
            authors.add(load_draft(target).author_name)
        except Exception as error:  # what a broken draft would raise
            broken.append(repr(error))
    wine.wait()
    assert broken == []
    assert len(authors) == 2  # both versions were seen: kills landed at different saves


def test_replace_onto_a_draft_held_open_is_retried_then_explained(
    build_python: tuple[Wine, str],
) -> None:
    wine, python = build_python
    script = wine.scratch / "replace_held.py"
    wine.scratch.mkdir(parents=True, exist_ok=True)
    script.write_text(REPLACE_HELD, encoding="utf-8")
    target = rf"{wine.home}\Documents\占用 测试.json"
    wine.unix(target).parent.mkdir(parents=True, exist_ok=True)
    result = wine.run(python, wine.windows(script), wine.windows(REPO), target, timeout=300)
    assert result.returncode == 0, result.output
    lines = result.stdout.splitlines()
    # held for 0.8 s (an antivirus scan): saved after retrying
    assert lines[0].startswith("saved after") and lines[0].endswith("新的草稿 0.8"), lines
    # held for good (Word): a clear message after about two seconds, the draft kept
    assert lines[1].startswith("refused after") and "正被其他程序" in lines[1], lines
    assert lines[2] == "请关闭打开该文件的程序，或换一个文件夹保存。", lines  # what to do
    assert lines[3] == "kept: 新的草稿 0.8", lines
    assert lines[4] == "left: ['占用 测试.json']", lines  # no temporary file left behind


def test_uninstaller_removes_the_program_and_keeps_the_drafts(windows: Wine) -> None:
    """Last in this file: 应用和功能 → 卸载 (silently). The drafts in the data folder and a file
    she saved into the program folder stay; the program, its shortcuts and its entry go."""
    drafts = _data(windows) / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "seeds" / "example-2022-shuzhi-shulian.json", drafts / "留着.json")
    program = windows.unix(_program(windows))
    (program / "放错地方的 草稿.json").write_text("{}", encoding="utf-8")
    before = {p.name for p in drafts.iterdir()}

    assert windows.wine(windows.windows(program / UNINSTALLER), "/S") == 0
    windows.wait()  # the uninstaller runs from a copy of itself in %TEMP%
    deadline = time.monotonic() + 60
    while (program / f"{NAME}.exe").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
        windows.wait()

    assert sorted(p.name for p in program.iterdir()) == ["放错地方的 草稿.json"]
    assert not windows.unix(rf"{windows.home}\Desktop\{NAME}.lnk").exists()
    user_reg = (windows.prefix / "user.reg").read_text(encoding="utf-8", errors="replace")
    assert "Uninstall\\\\nianbao]" not in user_reg
    assert {p.name for p in drafts.iterdir()} == before
    assert "留着.json" in before
