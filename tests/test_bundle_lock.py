"""requirements/bundle.lock: the exact packages, with hashes, that the bundle is built from
(./dev bundle, build.spec), so that two builds of one commit hold the same packages. It must
agree with pyproject.toml: every runtime and bundle dependency pinned, in its allowed range,
for every Python and system the bundle may be built on."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

LOCK = REPO / "requirements" / "bundle.lock"
PYTHONS = ["3.10.13", "3.11.7", "3.12.1", "3.13.0"]
SYSTEMS = {  # sys_platform: (platform_system, os_name)
    "linux": ("Linux", "posix"),
    "win32": ("Windows", "nt"),
    "darwin": ("Darwin", "posix"),
}
ENVIRONMENTS = [
    {
        "python_version": ".".join(python.split(".")[:2]),
        "python_full_version": python,
        "sys_platform": system,
        "platform_system": SYSTEMS[system][0],
        "os_name": SYSTEMS[system][1],
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_machine": "x86_64" if system != "win32" else "AMD64",
    }
    for python, system in itertools.product(PYTHONS, SYSTEMS)
]


def _lock_entries() -> list[tuple[Requirement, list[str]]]:
    """Each entry of the lock file: its requirement (with marker) and its hashes."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        hashes = re.findall(r"--hash=(\S+)", line)
        requirement = Requirement(re.sub(r"--hash=\S+", "", line).strip())
        entries.append((requirement, hashes))
    return entries


def _project_requirements() -> list[Requirement]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    texts = [*project["dependencies"], *project["optional-dependencies"]["bundle"]]
    return [Requirement(text) for text in texts]


def _applies(requirement: Requirement, environment: dict[str, str]) -> bool:
    return requirement.marker is None or requirement.marker.evaluate(environment)


def test_every_entry_is_one_exact_version_with_sha256_hashes() -> None:
    entries = _lock_entries()
    assert len(entries) >= 10
    for requirement, hashes in entries:
        (spec,) = requirement.specifier
        assert spec.operator == "==" and "*" not in spec.version, requirement
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes)
        assert not requirement.extras and requirement.url is None


@pytest.mark.parametrize(
    "environment",
    ENVIRONMENTS,
    ids=[f"{e['python_version']}-{e['sys_platform']}" for e in ENVIRONMENTS],
)
def test_the_pins_satisfy_pyproject(environment: dict[str, str]) -> None:
    pins: dict[str, str] = {}
    for requirement, _hashes in _lock_entries():
        if _applies(requirement, environment):
            name = canonicalize_name(requirement.name)
            assert name not in pins, f"{name} pinned twice"
            pins[name] = next(iter(requirement.specifier)).version
    for requirement in _project_requirements():
        if not _applies(requirement, environment):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in {LOCK.name}: run ./dev lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{name}=={pins[name]} is outside pyproject's {requirement.specifier}: run ./dev lock"
        )


def test_the_bundle_is_built_from_the_lock() -> None:
    dev = (REPO / "dev").read_text(encoding="utf-8")
    assert '--require-hashes --only-binary :all: -r "$LOCK"' in dev
    assert "LOCK=requirements/bundle.lock" in dev
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert r"pip install --require-hashes --only-binary :all: -r requirements\bundle.lock" in spec
    assert "./dev lock" in LOCK.read_text(encoding="utf-8")  # the header says how to update it
