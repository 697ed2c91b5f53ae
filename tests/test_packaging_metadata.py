"""The package list in pyproject.toml is written by hand (resources/ and seeds/ are mapped
into the package); a sub-package missing from it would be missing from every wheel."""

from __future__ import annotations

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

from conftest import REPO  # noqa: E402


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "nianbao_gui").rglob("__init__.py")
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert {"nianbao_gui.resources", "nianbao_gui.seeds"} <= listed


def test_shipped_folders_are_found() -> None:
    from nianbao_gui.core.paths import resources_dir, seeds_dir

    assert seeds_dir().is_dir()
    assert (seeds_dir() / "example-2022-shuzhi-shulian.txt").is_file()
    assert resources_dir().is_dir()
