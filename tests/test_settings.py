"""Settings kept as napari keeps its own: a schema version, a bad value costs only its key (and
the bad file is kept aside), unknown keys are dropped, and every change saves itself."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao_gui.core import settings as settings_module
from nianbao_gui.core.settings import (
    SETTINGS_SCHEMA_VERSION,
    FontChoice,
    Settings,
    load_settings,
    save_settings,
)


def _write(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.json.bad-*"))


def _saved(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


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


def test_the_file_carries_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(), path)
    assert _saved(path)["schema_version"] == SETTINGS_SCHEMA_VERSION


def test_a_file_from_before_the_schema_version_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"fonts": "windows", "recent_files": ["a.json"], "last_folder": "/x"})
    loaded = load_settings(path)
    assert loaded.schema_version == SETTINGS_SCHEMA_VERSION
    assert (loaded.fonts, loaded.recent_files, loaded.last_folder) == (
        FontChoice.WINDOWS,
        ("a.json",),
        "/x",
    )
    assert _backups(tmp_path) == []


@pytest.mark.parametrize("version", [7, -1, "1", True, None, 1.5])
def test_a_newer_or_odd_version_keeps_what_this_version_knows(
    tmp_path: Path, version: object
) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"schema_version": version, "fonts": "windows", "theme": "dark"})
    loaded = load_settings(path)
    assert loaded.fonts is FontChoice.WINDOWS
    assert loaded.schema_version == SETTINGS_SCHEMA_VERSION


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"settings"', "", "\x00\xff"])
def test_a_corrupt_file_is_moved_aside_and_defaults_used(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path) == Settings()
    [backup] = _backups(tmp_path)
    assert backup.read_text(encoding="utf-8") == text
    assert not path.exists()  # the next start begins clean, without a second backup


def test_a_file_that_is_not_utf8_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"fonts": "\xcb\xce\xcc\xe5"}')  # GBK, from a hand edit in Notepad
    assert load_settings(path).fonts is FontChoice.GB2312
    [backup] = _backups(tmp_path)
    assert backup.read_bytes() == b'{"fonts": "\xcb\xce\xcc\xe5"}'


def test_two_corrupt_files_in_one_second_get_two_backups(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for text in ("{one", "{two"):
        path.write_text(text, encoding="utf-8")
        load_settings(path)
    assert [p.read_text(encoding="utf-8") for p in _backups(tmp_path)] == ["{one", "{two"]


def test_a_wrong_type_drops_only_that_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    original = {
        "schema_version": 1,
        "fonts": "comic-sans",  # not a choice
        "level3_bold": True,
        "recent_files": 5,  # not a list
        "title_font": "华文中宋",
        "last_folder": "/home/x",
    }
    _write(path, original)
    with caplog.at_level(logging.WARNING, logger="nianbao_gui.core.settings"):
        loaded = load_settings(path)
    assert loaded.fonts is FontChoice.GB2312  # the default
    assert loaded.recent_files == ()
    assert (loaded.level3_bold, loaded.title_font, loaded.last_folder) == (
        True,
        "华文中宋",
        "/home/x",
    )
    assert "fonts" in caplog.text and "recent_files" in caplog.text
    # the bad file is kept aside as it was; the file itself no longer has the bad values
    [backup] = _backups(tmp_path)
    assert json.loads(backup.read_text(encoding="utf-8")) == original
    assert _saved(path)["fonts"] == "gb2312"
    assert _saved(path)["title_font"] == "华文中宋"
    # so the next start neither warns nor makes a second backup
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="nianbao_gui.core.settings"):
        assert load_settings(path).title_font == "华文中宋"
    assert caplog.text == ""
    assert len(_backups(tmp_path)) == 1


def test_an_unknown_key_is_dropped_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    _write(path, {"schema_version": 1, "zoom": 150, "level3_bold": True})
    with caplog.at_level(logging.WARNING, logger="nianbao_gui.core.settings"):
        loaded = load_settings(path)
    assert loaded.level3_bold is True
    assert not hasattr(loaded, "zoom")
    assert "zoom" in caplog.text
    assert _backups(tmp_path) == []  # nothing was wrong with the values
    loaded.level3_bold = False  # the next save leaves it out
    assert "zoom" not in _saved(path)


def test_loaded_settings_save_themselves_on_every_change(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = load_settings(path)
    assert not path.exists()  # nothing changed yet: nothing written
    settings.fonts = FontChoice.WINDOWS
    assert _saved(path)["fonts"] == "windows"
    settings.add_recent(tmp_path / "a.json")
    assert _saved(path)["recent_files"] == [str(tmp_path / "a.json")]
    settings.last_folder = "/somewhere"
    assert load_settings(path).model_dump() == settings.model_dump()


def test_assigning_the_same_value_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(tmp_path / "settings.json")
    writes: list[Path] = []
    monkeypatch.setattr(settings_module, "atomic_write_text", lambda p, _t: writes.append(p))
    settings.level3_bold = False
    settings.recent_files = ()
    assert writes == []
    settings.level3_bold = True
    assert len(writes) == 1


def test_a_bad_assignment_is_refused_and_not_saved(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = load_settings(path)
    with pytest.raises(ValueError):
        settings.fonts = "comic-sans"  # type: ignore[assignment]
    assert settings.fonts is FontChoice.GB2312
    assert not path.exists()


def test_listeners_hear_each_change_by_name(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    heard: list[str] = []
    settings.observe(heard.append)
    settings.add_recent(tmp_path / "a.json")
    settings.level3_bold = True
    settings.level3_bold = True
    assert heard == ["recent_files", "level3_bold"]


def test_settings_made_in_code_are_not_saved_until_bound(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings()
    settings.fonts = FontChoice.WINDOWS
    assert not path.exists()
    settings.bind(path)
    settings.level3_bold = True
    assert _saved(path)["fonts"] == "windows"


def test_a_failed_save_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = load_settings(tmp_path / "no such folder" / "settings.json")
    with caplog.at_level(logging.WARNING, logger="nianbao_gui.core.settings"):
        settings.level3_bold = True
    assert settings.level3_bold is True
    assert "not saved" in caplog.text


def test_missing_settings_give_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json").fonts is FontChoice.GB2312
    assert _backups(tmp_path) == []


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=8,
)
_FIELDS = st.sampled_from([*Settings.model_fields, "zoom"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(_FIELDS, _JSON) | _JSON)
def test_any_json_in_the_file_starts_the_program(tmp_path: Path, data: object) -> None:
    """Whatever the file holds, loading gives valid settings, never raises, and keeps every
    value that is valid on its own (a bad one costs only its key)."""
    folder = tmp_path / str(abs(hash(json.dumps(data, sort_keys=True))))
    folder.mkdir(exist_ok=True)
    path = folder / "settings.json"
    _write(path, data)
    loaded = load_settings(path)
    assert Settings.model_validate(loaded.model_dump()) == loaded
    for key, value in (data.items() if isinstance(data, dict) else []):
        if key in Settings.model_fields and key != "schema_version":
            try:
                alone = Settings.model_validate({key: value})
            except ValueError:
                continue
            assert getattr(loaded, key) == getattr(alone, key), key
