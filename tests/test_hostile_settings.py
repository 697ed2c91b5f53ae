"""Issue 18 item 11: settings never stop a start and never hang.

The issue's reproductions: nested 2,000 deep (RecursionError at every start, the file not set
aside); a FIFO (the window never painted, ``export`` hung); a link to /dev/zero
(MemoryError); "\\ud800" or "\\u0000" in a font name (a crash at start, or every Word export
failing); a UTF-8 BOM (the whole file set aside); 100,000 recent drafts (8 s to the first
paint, 114 s to exit)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import good_draft

from nianbao_gui import cli
from nianbao_gui.core.settings import MAX_RECENT, FontChoice, Settings, load_settings

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero: POSIX")


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.json.bad-*"))


def _load_in_a_process(path: Path, timeout: float = 20) -> Settings:
    """load_settings in a child, so that a hang fails the test instead of freezing it."""
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from nianbao_gui.core.settings import load_settings\n"
        "print(load_settings(Path(sys.argv[1])).model_dump_json())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stderr
    return Settings.model_validate_json(done.stdout.strip().splitlines()[-1])


def test_nested_2000_deep_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"fonts":' + "[" * 2000 + "]" * 2000 + "}", encoding="utf-8")
    assert load_settings(path) == Settings()  # was RecursionError
    assert len(_backups(tmp_path)) == 1 and not path.exists()
    assert load_settings(path) == Settings()  # the next start is clean


@posix_only
def test_a_fifo_is_set_aside_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    assert _load_in_a_process(path) == Settings()  # used to wait for ever for a writer
    assert not path.exists() and len(_backups(tmp_path)) == 1


@posix_only
def test_a_link_to_dev_zero_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.symlink_to("/dev/zero")
    assert _load_in_a_process(path) == Settings()  # was MemoryError
    assert not os.path.lexists(path)


def test_a_huge_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"title_font": "' + "字" * 6_000_000 + '"}', encoding="utf-8")  # 18 MB
    assert load_settings(path) == Settings()
    assert len(_backups(tmp_path)) == 1 and not path.exists()


@pytest.mark.parametrize("name", ["\ud800", "\u0000", "仿宋\x00", "  ", "字" * 500])
def test_a_bad_font_name_falls_back_to_the_default(tmp_path: Path, name: str) -> None:
    path = tmp_path / "settings.json"
    raw = json.dumps({"title_font": name, "fonts": "windows"})  # "\ud800" escaped, as typed
    path.write_text(raw, encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.title_font == Settings().title_font
    assert loaded.fonts is FontChoice.WINDOWS  # the other keys are kept
    assert len(_backups(tmp_path)) == 1
    json.loads(path.read_text(encoding="utf-8"))  # rewritten without it, as UTF-8


def test_a_word_export_works_after_a_font_name_with_nul(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    (_private_data_dir / "settings.json").write_text(
        json.dumps({"title_font": "\u0000"}), encoding="utf-8"
    )
    out = tmp_path / "x.docx"
    assert cli.main(["export", str(good_draft(tmp_path)), "-o", str(out)]) == cli.EXIT_OK


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"fonts":"windows"}')  # printf from the issue
    assert load_settings(path).fonts is FontChoice.WINDOWS
    assert _backups(tmp_path) == []


def test_folders_with_a_control_character_are_not_kept() -> None:
    settings = Settings()
    settings.last_folder = "/home/x\x00y"  # assigned by the window: never refused
    assert settings.last_folder == ""


def test_100000_recent_drafts_are_trimmed_and_cost_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    recent = [f"/home/秘书/草稿/第{i}份.json" for i in range(100_000)]
    path.write_text(json.dumps({"recent_files": recent}, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    loaded = load_settings(path)
    assert time.perf_counter() - started < 2
    assert loaded.recent_files == tuple(recent[:MAX_RECENT])
    assert len(json.loads(path.read_text(encoding="utf-8"))["recent_files"]) == MAX_RECENT


def test_recent_drafts_that_are_not_paths_are_dropped_one_by_one() -> None:
    settings = Settings.model_validate({"recent_files": ["a.json", 5, "", "b\x00", "a.json", "c"]})
    assert settings.recent_files == ("a.json", "c")


def test_the_window_paints_and_exits_with_100000_recent_drafts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    recent = [str(tmp_path / f"第{i}份.json") for i in range(100_000)]
    (data / "settings.json").write_text(json.dumps({"recent_files": recent}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(data), NIANBAO_SMOKE_TEST="1")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "nianbao_gui"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - started < 15  # was 8 s to paint and 114 s to exit


@posix_only
def test_the_window_paints_with_a_fifo_for_settings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "settings.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(QT_QPA_PLATFORM="offscreen", NIANBAO_DATA_DIR=str(data), NIANBAO_SMOKE_TEST="1")
    done = subprocess.run(
        [sys.executable, "-m", "nianbao_gui"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
