from __future__ import annotations

from pathlib import Path

from nianbao_gui.core.settings import FontChoice, Settings, load_settings, save_settings


def test_settings_round_trip_and_recent_list(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(fonts=FontChoice.WINDOWS)
    for i in range(15):
        settings.add_recent(tmp_path / f"{i}.json")
    settings.add_recent(tmp_path / "3.json")
    save_settings(settings, path)
    loaded = load_settings(path)
    assert loaded.fonts is FontChoice.WINDOWS
    assert len(loaded.recent_files) == 10
    assert loaded.recent_files[0] == str(tmp_path / "3.json")


def test_a_broken_settings_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.json.bad").read_text(encoding="utf-8") == "{not json"


def test_missing_settings_give_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json").fonts is FontChoice.GB2312
