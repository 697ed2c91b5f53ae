"""Issue 20 item 5: fonts found by what they are.

方正小标宋 registered under a name, or installed under a file name, not in the program's
list was missed on Windows, and 黑体 used instead; the note then named the file
(改用“simhei”). Now the fonts' own name tables are read (and cached by path, size and
modification time) when the registry and the file names do not match, and a font still
missing gets one plain sentence, at PDF export and in 体检's 【版面】, naming the font used
instead. Windows is simulated: its registry (a stand-in ``winreg`` module holding the
values Windows keeps under ...\\CurrentVersion\\Fonts) and its fonts folder.
"""

from __future__ import annotations

import shutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from font_support import UMING, ZENHEI, fontconfig_for, renamed

from nianbao_gui.core.checks.pages import FONT_STAND_IN, check_pages
from nianbao_gui.core.model import Report
from nianbao_gui.core.pages import fontnames, fonts, winfonts
from nianbao_gui.core.pages.metrics import FontKey
from nianbao_gui.core.pages.pdf import render_pdf
from nianbao_gui.core.typeset import ExportOptions

pytestmark = pytest.mark.skipif(
    not (UMING.exists() and ZENHEI.exists()), reason="needs the arphic and wqy fonts"
)

MISSING_TITLE = (
    "本机没有“方正小标宋简体”，标题用“黑体”代替；"
    "在装有该字体的电脑上用 Word 打开 .docx 会是正确字体。"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Fonts as Windows' own name themselves: Chinese and English family names."""
    folder = tmp_path_factory.mktemp("made")
    return {
        "simhei.ttf": renamed(ZENHEI, folder / "simhei.ttf", "黑体", english="SimHei"),
        "simfang.ttf": renamed(UMING, folder / "simfang.ttf", "仿宋", english="FangSong"),
        "xbs": renamed(
            ZENHEI, folder / "xbs.ttf", "方正小标宋简体", english="FZXiaoBiaoSong-B05S"
        ),
    }


def _fake_winreg(values: dict[str, str]) -> types.ModuleType:
    """The calls ``winfonts._registry_fonts`` makes, answering from ``values`` (HKLM)."""
    module = types.ModuleType("winreg")
    module.HKEY_LOCAL_MACHINE = "HKLM"  # type: ignore[attr-defined]
    module.HKEY_CURRENT_USER = "HKCU"  # type: ignore[attr-defined]
    items = list(values.items())

    class Key:
        def __init__(self, root: str) -> None:
            self.root = root

        def __enter__(self) -> Key:
            return self

        def __exit__(self, *args: object) -> None:
            return None

    def open_key(root: str, path: str) -> Key:
        assert path == r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
        if root != "HKLM":
            raise FileNotFoundError(path)
        return Key(root)

    module.OpenKey = open_key  # type: ignore[attr-defined]
    module.QueryInfoKey = lambda key: (0, len(items), 0)  # type: ignore[attr-defined]
    module.EnumValue = lambda key, n: (items[n][0], items[n][1], 1)  # type: ignore[attr-defined]
    return module


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A Windows fonts folder; the registry is set by ``_register``."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    monkeypatch.setattr(winfonts, "_windows_dirs", lambda: [folder])
    fontnames.forget()
    yield folder
    fontnames.forget()


def _register(monkeypatch: pytest.MonkeyPatch, values: dict[str, str]) -> None:
    monkeypatch.setitem(sys.modules, "winreg", _fake_winreg(values))


def _install(folder: Path, source: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target


def test_xiaobiaosong_registered_under_an_unexpected_name_is_found_by_its_name_table(
    windows: Path, made: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(windows, made["simhei.ttf"], "simhei.ttf")
    xbs = _install(windows, made["xbs"], "FZXBS_2019.TTF")
    _register(
        monkeypatch,
        {"方正小标宋 简体 常规 (TrueType)": "FZXBS_2019.TTF", "SimHei (TrueType)": "simhei.ttf"},
    )
    title = fonts.find_font(FontKey.TITLE, "方正小标宋简体")
    assert title.file is not None and title.file.path == xbs and title.note == ""


def test_xiaobiaosong_only_in_the_folder_under_another_file_name_is_found(
    windows: Path, made: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Per-user fonts (Windows 10 1809+) may be in the folder and registered elsewhere."""
    _install(windows, made["simhei.ttf"], "simhei.ttf")
    xbs = _install(windows, made["xbs"], "方正小标宋简体_0.ttf")
    _register(monkeypatch, {"SimHei (TrueType)": "simhei.ttf"})
    title = fonts.find_font(FontKey.TITLE, "方正小标宋简体")
    assert title.file is not None and title.file.path == xbs and title.note == ""


def test_a_missing_font_gets_one_sentence_naming_the_font_used_instead(
    windows: Path, made: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(windows, made["simhei.ttf"], "simhei.ttf")
    _install(windows, made["simfang.ttf"], "simfang.ttf")
    registry = {"SimHei (TrueType)": "simhei.ttf", "FangSong (TrueType)": "simfang.ttf"}
    _register(monkeypatch, registry)
    title = fonts.find_font(FontKey.TITLE, "方正小标宋简体")
    assert title.file is not None and title.file.path.name == "simhei.ttf"
    assert title.note == MISSING_TITLE  # the font's name, not the file's (“simhei”)
    options = ExportOptions()
    choices = fonts.font_files(options.font_set)
    metrics = fonts.layout_metrics(options.font_set)
    monkeypatch.undo()  # the export itself, on this system
    report = Report(title="述职报告", opening=["正文。"])
    _, result = render_pdf(report, options, fonts=choices)
    assert result.warnings.count(MISSING_TITLE) == 1
    layout = [f for f in check_pages(report, metrics, options) if f.code == FONT_STAND_IN]
    assert [f.message for f in layout].count(MISSING_TITLE) == 1


def test_the_names_read_are_cached_by_path_size_and_time(
    windows: Path, made: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(windows, made["simhei.ttf"], "simhei.ttf")
    xbs = _install(windows, made["xbs"], "other.ttf")
    _register(monkeypatch, {"SimHei (TrueType)": "simhei.ttf"})
    read: list[Path] = []
    real = fontnames._read_faces

    def counting(path: Path) -> list[list[str]]:
        read.append(path)
        return real(path)

    monkeypatch.setattr(fontnames, "_read_faces", counting)
    assert fonts.find_font(FontKey.TITLE, "方正小标宋简体").file.path == xbs  # type: ignore[union-attr]
    assert sorted(p.name for p in read) == ["other.ttf", "simhei.ttf"]
    read.clear()
    fontnames.forget()  # a new process: from the cache on disk
    assert fonts.find_font(FontKey.TITLE, "方正小标宋简体").file.path == xbs  # type: ignore[union-attr]
    assert read == []
    shutil.copyfile(made["simhei.ttf"], xbs)  # replaced: read again, and no longer 小标宋
    choice = fonts.find_font(FontKey.TITLE, "方正小标宋简体")
    assert read == [xbs] and choice.note == MISSING_TITLE


def test_fontconfig_finds_xiaobiaosong_under_another_of_its_names(tmp_path: Path) -> None:
    """Linux: a 方正小标宋 whose name table says only FZXiaoBiaoSong-B05S."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    xbs = renamed(ZENHEI, folder / "fzxbs.ttf", "FZXiaoBiaoSong-B05S")
    conf = fontconfig_for(tmp_path, folder)
    title = fonts.find_font(FontKey.TITLE, "方正小标宋简体", fontconfig_file=str(conf))
    assert title.file is not None and title.file.path == xbs and title.note == ""
