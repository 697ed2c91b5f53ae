"""Fuzzing the draft loader (issue 12): random bytes, random JSON, a real draft mutated byte
by byte and value by value, and cut at every point. The rules are in fuzz_support.py.

Examples per test: NIANBAO_FUZZ_EXAMPLES (default 100; the README gives the long runs).
Inputs that broke a rule are kept in tests/fuzz_corpus/ and replayed by test_fuzz_corpus.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzz_support import _check_draft_claims, _plain_chinese, fuzz, open_draft_bytes, outcome
from hostile_support import good_bytes
from hypothesis import given
from hypothesis import strategies as st

from nianbao_gui.core.errors import DraftError
from nianbao_gui.core.storage.codec import decode_report

GOOD = good_bytes()

# hypothesis leaves lone surrogates out of text by default; drafts can hold them (issue 12)
any_text = st.text(
    alphabet=st.characters() | st.sampled_from(["\ud800", "\udfff", "\ud83d"]), max_size=30
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
DRAFT_KEYS = list(json.loads(GOOD))


@fuzz
@given(raw=st.binary(max_size=3000))
def test_random_bytes(tmp_path: Path, raw: bytes) -> None:
    outcome(open_draft_bytes(raw, tmp_path))


@fuzz
@given(value=json_values, ascii_only=st.booleans(), indent=st.sampled_from([None, 2]))
def test_random_json(tmp_path: Path, value: Any, ascii_only: bool, indent: int | None) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    outcome(open_draft_bytes(raw.encode("utf-8", "surrogatepass"), tmp_path))


@fuzz
@given(
    extra=st.dictionaries(
        st.sampled_from(DRAFT_KEYS) | st.text(max_size=8), json_values, max_size=5
    )
)
def test_random_json_with_draft_keys(tmp_path: Path, extra: dict[str, Any]) -> None:
    data = {"schema_version": 1, **extra}
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    outcome(open_draft_bytes(raw, tmp_path))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@fuzz
@given(data=st.data())
def test_a_real_draft_with_one_value_changed(tmp_path: Path, data: st.DataObject) -> None:
    draft = json.loads(GOOD)
    where = data.draw(st.sampled_from(_paths(draft)[1:]))
    parent = draft
    for step in where[:-1]:
        parent = parent[step]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = data.draw(json_values | any_text)
    raw = json.dumps(draft, ensure_ascii=data.draw(st.booleans()), indent=2)
    outcome(open_draft_bytes(raw.encode("utf-8", "surrogatepass"), tmp_path))


mutation = st.tuples(
    st.sampled_from(["delete", "insert", "replace", "duplicate"]),
    st.integers(0, len(GOOD)),
    st.integers(0, 40),
    st.binary(min_size=1, max_size=8),
)


@fuzz
@given(mutations=st.lists(mutation, min_size=1, max_size=4))
def test_a_real_draft_mutated_byte_by_byte(
    tmp_path: Path, mutations: list[tuple[str, int, int, bytes]]
) -> None:
    raw = bytearray(GOOD)
    for kind, at, length, data in mutations:
        at = min(at, len(raw))
        if kind == "delete":
            del raw[at : at + length]
        elif kind == "insert":
            raw[at:at] = data
        elif kind == "replace":
            raw[at : at + len(data)] = data
        else:
            raw[at:at] = raw[at : at + length]
    outcome(open_draft_bytes(bytes(raw), tmp_path))


@fuzz
@given(cut=st.integers(0, len(GOOD) - 2))
def test_a_real_draft_cut_short_as_a_file(tmp_path: Path, cut: int) -> None:
    assert open_draft_bytes(GOOD[:cut], tmp_path) is None


def test_a_real_draft_cut_at_every_point() -> None:
    """Every cut point (not a sample): each is refused as incomplete (or empty), in words
    that are true of it."""
    path = Path("草稿.json")
    for cut in range(len(GOOD) - 1):
        with pytest.raises(DraftError) as info:
            decode_report(GOOD[:cut], path)
        _plain_chinese(info.value, GOOD[:cut])
        _check_draft_claims(GOOD[:cut], info.value, path)
        expected = "空文件" if not GOOD[:cut].strip() else "不完整"
        assert expected in info.value.what, (cut, info.value.what)
