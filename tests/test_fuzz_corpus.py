"""The corpus of found cases (tests/fuzz_corpus/, see its README): each hostile input the
trial of issue 12 or the fuzzing found, replayed under the fuzzing rules (fuzz_support.py)
with its expected outcome: "opens" / "imports", or a phrase of the refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz_support import import_file, open_draft_bytes

from nianbao_gui.core.errors import NianbaoError
from nianbao_gui.core.importer import import_report
from nianbao_gui.core.storage import load_draft

CORPUS = Path(__file__).parent / "fuzz_corpus"
EXPECTED: dict[str, str] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_every_corpus_file_has_an_expected_outcome() -> None:
    files = {str(path.relative_to(CORPUS)) for path in CORPUS.glob("*/*") if path.is_file()}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_case(tmp_path: Path, name: str) -> None:
    source = CORPUS / name
    expected = EXPECTED[name]
    if name.startswith("drafts/"):
        opened = open_draft_bytes(source.read_bytes(), tmp_path) is not None
        assert opened == (expected == "opens")
        run = load_draft
    else:
        copy = tmp_path / source.name  # the importers read in place: a copy keeps tests/ clean
        copy.write_bytes(source.read_bytes())
        imported = import_file(copy, tmp_path) is not None
        assert imported == (expected == "imports")
        run = import_report  # type: ignore[assignment]
    if expected not in ("opens", "imports"):
        with pytest.raises(NianbaoError) as info:
            run(tmp_path / ("fuzz.json" if name.startswith("drafts/") else source.name))
        assert expected in str(info.value)
