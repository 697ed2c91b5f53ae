"""Which text field is which, whatever its place: the identities of sections and paragraphs.

A path (``("sections", 0, "paragraphs", 2)``) says where a text is now; an identity says which
text it is. Paragraphs keep theirs through moves, undo and save (model.ID_KEYS holds them
beside each list), so a figure from a 数据 table goes to its own paragraph even after it was
moved, or a twin that differs only in the village's name was put in its place.

``field_key`` names a text field by identity: ``p:<id>`` a paragraph (of any list),
``h:<id>`` a section's heading, ``c:<id>`` a table's cell, ``t:<id>.caption`` (``.unit``,
``.note``) a table's other texts, ``f:<path>`` a field that is one of a kind (title, 姓名,
the closing's headings).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .fields import FieldPath, read_path
from .model import ID_KEYS, Report, id_lists, new_id
from .tables import all_tables

JOINED = "+"
"""Between the ids of paragraphs joined into one (Backspace at the start of a paragraph)."""


def ids_path(path: FieldPath) -> FieldPath | None:
    """Where the ids of the list of paragraphs at ``path`` are; None for any other path."""
    if path and isinstance(path[-1], str) and path[-1] in ID_KEYS:
        return (*path[:-1], ID_KEYS[path[-1]])
    return None


def carry_ids(
    old_texts: Sequence[str],
    old_ids: Sequence[str],
    new_texts: Sequence[str],
    sources: Sequence[int | tuple[int, ...] | None] | None = None,
) -> list[str]:
    """The ids of ``new_texts``, a list of paragraphs that was ``old_texts``.

    ``sources`` says for each new paragraph which old one it is (its index), or None for a
    new one, or a tuple for paragraphs joined into one: the editor knows (a split keeps the
    first half's id, a move keeps both). A joined paragraph is both: its id names each
    (``a+b``), so a figure of either is looked for in it, and one that could be either's is
    not guessed (figures_match). Without ``sources`` the change is read from the texts:
    unchanged paragraphs keep their ids, a paragraph moved keeps its id when its text is found
    once, and in a stretch that was rewritten the first ones keep the ids of the first ones.
    """
    ids = list(old_ids)[: len(old_texts)]
    ids += [new_id() for _ in range(len(old_texts) - len(ids))]
    if sources is not None and len(sources) == len(new_texts):
        taken: set[int] = set()
        result = []
        for source in sources:
            parts = source if isinstance(source, tuple) else (source,)
            valid = [i for i in parts if i is not None and 0 <= i < len(ids) and i not in taken]
            taken.update(valid)
            kept = [ids[i] for i in valid if not isinstance(source, tuple) or old_texts[i]]
            result.append(JOINED.join(kept) if kept else new_id())
        return result
    result_or_none: list[str | None] = [None] * len(new_texts)
    used: set[int] = set()
    import difflib  # here, not at the top: the window's start does not need it (issue 21)

    matcher = difflib.SequenceMatcher(None, list(old_texts), list(new_texts), autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                result_or_none[j1 + k] = ids[i1 + k]
                used.add(i1 + k)
    # a paragraph moved: its text found once among the old ones not kept
    left = {i for i in range(len(old_texts)) if i not in used}
    for j, text in enumerate(new_texts):
        if result_or_none[j] is None:
            same = [i for i in left if old_texts[i] == text]
            if len(same) == 1:
                result_or_none[j] = ids[same[0]]
                left.discard(same[0])
                used.add(same[0])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":  # rewritten in place (a split, a join, a paste): first to first
            olds = [i for i in range(i1, i2) if i not in used]
            for j in range(j1, j2):
                if result_or_none[j] is None and olds:
                    result_or_none[j] = ids[olds.pop(0)]
    return [pid if pid is not None else new_id() for pid in result_or_none]


def _heading_paths(report: Report) -> Iterator[tuple[FieldPath, str]]:
    def walk(sections: list, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:  # type: ignore[type-arg]
        for index, section in enumerate(sections):
            here = (*path, index)
            yield (*here, "heading"), section.id
            yield from walk(section.children, (*here, "children"))

    yield from walk(report.sections, ("sections",))


def _list_paths(report: Report) -> Iterator[tuple[FieldPath, str]]:
    def owner_path(owner: object) -> FieldPath:
        if owner is report:
            return ()
        if owner is report.closing:
            return ("closing",)
        return section_paths[id(owner)]

    section_paths: dict[int, FieldPath] = {}

    def walk(sections: list, path: FieldPath) -> None:  # type: ignore[type-arg]
        for index, section in enumerate(sections):
            section_paths[id(section)] = (*path, index)
            walk(section.children, (*path, index, "children"))

    walk(report.sections, ("sections",))
    for _prefix, owner, key in id_lists(report):
        base = (*owner_path(owner), key)
        for index, pid in enumerate(getattr(owner, ID_KEYS[key])):
            yield (*base, index), pid


def _table_paths(report: Report) -> Iterator[tuple[FieldPath, str]]:
    for place in all_tables(report):
        table = place.table
        for part in ("caption", "unit", "note"):
            yield (*place.path, part), f"t:{table.table_id}.{part}"
        for r, ids in enumerate(table.cell_ids):
            for c, cid in enumerate(ids):
                yield (*place.path, "rows", r, c), f"c:{cid}"


def field_keys(report: Report) -> dict[FieldPath, str]:
    """Every text field's path → its identity (see the module's doc)."""
    keys: dict[FieldPath, str] = {}
    for path, sid in _heading_paths(report):
        keys[path] = f"h:{sid}"
    for path, pid in _list_paths(report):
        keys[path] = f"p:{pid}"
    for path, key in _table_paths(report):
        keys[path] = key
    return keys


def field_key(report: Report, path: FieldPath, keys: dict[FieldPath, str] | None = None) -> str:
    """The identity of the text field at ``path``."""
    found = (keys if keys is not None else field_keys(report)).get(path)
    return found if found is not None else "f:" + ".".join(map(str, path))


def path_of_key(report: Report, key: str) -> FieldPath | None:
    """Where the text field with identity ``key`` is now; None when it is gone."""
    if key.startswith("f:"):
        path: FieldPath = tuple(key[2:].split("."))  # names only: never a place in a list
        try:
            value = read_path(report, path)
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        return path if isinstance(value, str) else None
    for path, found in field_keys(report).items():
        if found == key:
            return path
    return None
