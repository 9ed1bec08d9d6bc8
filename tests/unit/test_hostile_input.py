"""Hostile or broken input: every limit is an error with its place, every failure of a source a
problem, and a source outside the knowledge base's folder is refused unless allowed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from evcards.kb import loader
from evcards.kb.limits import CLAIMS_PER_ENTITY, NAME_CHARS, PROSE_CHARS, Limits
from evcards.kb.loader import LoadCancelled, LoadResult, load
from evcards.kb.quotes import QuoteStatus
from tests.conftest import SOURCE_TEXT, KbWriter, minimal_kb


def problems(path: Path, limits: Limits | None = None) -> list[str]:
    result = load(path, limits=limits)
    assert result.knowledge_base is None, "the file should be refused"
    return [str(p) for p in result.problems]


def the_problem(path: Path, limits: Limits | None = None) -> str:
    found = problems(path, limits)
    assert len(found) == 1, found
    return found[0]


def with_text_file(write_kb: KbWriter, text_file: str) -> Path:
    data = minimal_kb()
    data["sources"][0]["text_file"] = text_file
    return write_kb(data, source_text=None)


# --- lengths and counts ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("place", "edit", "limit"),
    [
        ("entities[0].name", lambda d: d["entities"][0].update(name="x" * 1_000_000), NAME_CHARS),
        ("entities[1].aliases[0]", lambda d: d["entities"][1].update(aliases=["y" * (NAME_CHARS + 1)]), NAME_CHARS),
        ("entities[0].summary", lambda d: d["entities"][0].update(summary="z " * PROSE_CHARS), PROSE_CHARS),
        ("entities[0].claims[0].statement", lambda d: d["entities"][0]["claims"][0].update(statement="s" * (PROSE_CHARS + 1)), PROSE_CHARS),
        ("entities[0].claims[0].quote", lambda d: d["entities"][0]["claims"][0].update(quote="q" * (PROSE_CHARS + 1)), PROSE_CHARS),
        ("sources[0].title", lambda d: d["sources"][0].update(title="t" * (NAME_CHARS + 1)), NAME_CHARS),
        ("title", lambda d: d.update(title="T" * (NAME_CHARS + 1)), NAME_CHARS),
    ],
)
def test_a_field_over_its_length_is_an_error_at_its_place(write_kb: KbWriter, place: str, edit: Any, limit: int) -> None:
    data = minimal_kb()
    edit(data)
    message = the_problem(write_kb(data))
    assert f": {place}: is too long: at most {limit:,} characters" in message


def test_too_many_claims_on_one_entity_is_an_error(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["claims"] *= CLAIMS_PER_ENTITY + 1
    assert f"entities[0].claims: is too long: at most {CLAIMS_PER_ENTITY:,} items" in the_problem(write_kb(data))


def test_a_card_with_too_much_text_is_an_error_naming_the_entity(write_kb: KbWriter) -> None:
    data = minimal_kb()
    claim = {"statement": "word " * 1_900, "quote": "Lei Jun founded Xiaomi", "source": "article"}
    data["entities"][1]["claims"] = [claim] * 120  # each claim within its limits, the card over a million characters
    message = the_problem(write_kb(data))
    assert ": entities[1]: its card would hold 1,142,650 characters of text, more than the 1,000,000" in message


def test_a_message_quoting_a_huge_key_stays_short(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"][0]["k" * 1_000_000] = 1
    message = the_problem(write_kb(data))
    assert "unknown field 'kkk" in message and len(message) < 1_000


# --- source sizes -----------------------------------------------------------------------------
def test_a_source_over_the_size_limit_is_refused_before_it_is_read(write_kb: KbWriter, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(2 << 30)  # 2 GiB, sparse: nothing of it would fit the memory of a small machine
    message = the_problem(with_text_file(write_kb, "big.txt"))
    assert f"sources[0].text_file: is 2,147.5 MB, over the limit of 20.0 MB: {big}" in message


def test_the_size_limit_can_be_raised_or_lowered(write_kb: KbWriter) -> None:
    path = write_kb(source_text=SOURCE_TEXT + "padding " * 200_000)  # 1.6 MB
    assert "sources[0].text_file: is 1.6 MB, over the limit of 1.0 MB" in the_problem(path, Limits.of(max_source_mb=1))
    assert load(path, limits=Limits.of(max_source_mb=2)).knowledge_base is not None


def test_an_inline_text_over_the_size_limit_is_refused(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["sources"][0] = {"id": "article", "text": SOURCE_TEXT + "é" * 600_000}
    message = the_problem(write_kb(data), Limits.of(max_source_mb=1))
    assert "sources[0].text: is 1.2 MB, over the limit of 1.0 MB" in message


def test_source_files_together_have_a_limit_too(write_kb: KbWriter, tmp_path: Path) -> None:
    data = minimal_kb()
    for k in range(12):
        (tmp_path / f"part{k}.txt").write_text("x " * 50_000, encoding="utf-8")  # 0.1 MB each
        data["sources"].append({"id": f"part{k}", "text_file": f"part{k}.txt"})
    message = problems(write_kb(data), Limits.of(max_source_mb=0.1))  # together: at most 1 MB
    assert len(message) == 3 and "the source files together would be over their limit of 1.0 MB" in message[0]


def test_reading_a_big_source_reports_progress_a_chunk_at_a_time(write_kb: KbWriter) -> None:
    """So that a cancel (progress raising LoadCancelled) is answered within a chunk, not at the end of the file."""
    path = write_kb(source_text=SOURCE_TEXT + "padding " * 1_000_000)  # 8 MB
    size = (path.parent / "article.txt").stat().st_size
    calls = 0

    def cancel_on_the_second_chunk(done: int, total: int) -> None:
        nonlocal calls
        if total == size:
            calls += 1
            if calls == 2:
                raise LoadCancelled

    with pytest.raises(LoadCancelled):
        load(path, cancel_on_the_second_chunk)
    assert calls == 2


# --- every failure of a source is a problem ---------------------------------------------------
def test_a_nul_byte_in_a_text_file_path_is_a_problem(write_kb: KbWriter) -> None:
    message = the_problem(with_text_file(write_kb, "article\u0000.txt"))
    assert message.endswith("sources[0].text_file: is not a usable path: it holds a NUL character (\\u0000)")


def test_a_folder_as_text_file_is_a_problem(write_kb: KbWriter, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    assert the_problem(with_text_file(write_kb, "texts")).endswith(f"sources[0].text_file: is a folder, not a file: {tmp_path / 'texts'}")


def test_a_device_as_text_file_is_refused_without_reading_it(write_kb: KbWriter, tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    message = the_problem(with_text_file(write_kb, "zero.txt"), Limits(outside_sources=True))
    assert "sources[0].text_file: is not a regular file (a device or a pipe?)" in message


def test_undecodable_bytes_in_a_source_are_a_problem_with_line_and_column(write_kb: KbWriter, tmp_path: Path) -> None:
    path = write_kb(source_text=None)
    (tmp_path / "article.txt").write_bytes(b"Lei Jun\nfounded \xff Xiaomi")
    assert the_problem(path).endswith("sources[0].text_file (line 2, column 9): is not UTF-8 text: byte 0xff is not valid UTF-8")


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(13, "Permission denied"), "cannot be read (permission denied)"),
        (OSError(5, "Input/output error"), "cannot be read: Input/output error"),
    ],
)
def test_an_os_error_reading_a_source_is_a_problem(
    write_kb: KbWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, said: str
) -> None:
    path = write_kb()
    original = os.open

    def failing(name: Any, *args: Any, **kwargs: Any) -> int:
        if Path(name).name == "article.txt":
            raise error
        return original(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing)
    assert the_problem(path) == f"{path}: sources[0].text_file: {said}: {tmp_path / 'article.txt'}"


def test_whatever_goes_wrong_inside_the_loader_is_a_problem_not_a_traceback(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(loader, "reference_problems", broken)
    path = write_kb()
    assert the_problem(path) == f"{path}: (file): cannot be loaded: RuntimeError: something nobody foresaw"


# --- sources stay inside the knowledge base's folder ------------------------------------------
@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the knowledge base's, with a readable text the knowledge base should not reach."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    return folder


def kb_in_its_folder(tmp_path: Path, text_file: str) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir(exist_ok=True)
    data = minimal_kb()
    data["sources"][0]["text_file"] = text_file
    path = folder / "kb.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_path_up_and_out_of_the_folder_is_refused_unless_allowed(tmp_path: Path, outside: Path) -> None:
    path = kb_in_its_folder(tmp_path, "../elsewhere/secret.txt")
    message = the_problem(path)
    assert message.startswith(f"{path}: sources[0].text_file: is outside the knowledge base's folder ({path.parent}): ")
    assert f"../elsewhere/secret.txt leads to {outside / 'secret.txt'}; allow it with --allow-outside-sources" in message
    assert load(path, limits=Limits(outside_sources=True)).knowledge_base is not None


def test_an_absolute_path_is_refused(tmp_path: Path, outside: Path) -> None:
    path = kb_in_its_folder(tmp_path, str(outside / "secret.txt"))
    assert the_problem(path).endswith("sources[0].text_file: must be a path relative to the JSON file")


def test_a_symlink_inside_that_points_outside_is_refused_unless_allowed(tmp_path: Path, outside: Path) -> None:
    path = kb_in_its_folder(tmp_path, "texts/article.txt")
    (path.parent / "texts").mkdir()
    (path.parent / "texts" / "article.txt").symlink_to(outside / "secret.txt")
    assert "texts/article.txt leads to" in the_problem(path)
    assert load(path, limits=Limits(outside_sources=True)).knowledge_base is not None


def test_a_symlinked_folder_that_points_outside_is_refused(tmp_path: Path, outside: Path) -> None:
    path = kb_in_its_folder(tmp_path, "linked/secret.txt")
    (path.parent / "linked").symlink_to(outside)
    assert "is outside the knowledge base's folder" in the_problem(path)


def test_paths_that_stay_inside_are_read(tmp_path: Path) -> None:
    path = kb_in_its_folder(tmp_path, "texts/../texts/./article.txt")
    (path.parent / "texts").mkdir()
    (path.parent / "texts" / "article.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    (path.parent / "alias.txt").symlink_to(path.parent / "texts" / "article.txt")  # a symlink that stays inside
    assert load(path).knowledge_base is not None
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sources"][0]["text_file"] = "alias.txt"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load(path).knowledge_base is not None


# --- quotes that would keep the loader busy ---------------------------------------------------
def test_a_long_quote_not_in_a_long_source_is_not_found_without_a_search_of_minutes(write_kb: KbWriter) -> None:
    words = " ".join(f"w{k % 9973}" for k in range(200_000))  # 1.3 MB of words the quote does not have
    data = minimal_kb()
    data["entities"][1]["claims"][0]["quote"] = " ".join(f"q{k}" for k in range(2_000))[:PROSE_CHARS]
    result: LoadResult = load(write_kb(data, source_text=SOURCE_TEXT + words))
    [finding] = result.findings
    assert finding.message == "not-found: the quote is not in the source text (its closest passage was not looked for: too long a search)"
    assert result.knowledge_base is not None
    lei = result.knowledge_base.entity("lei-jun")
    assert lei is not None and result.knowledge_base.check(lei, 0).status is QuoteStatus.NOT_FOUND


def test_a_long_approximate_quote_is_diffed_to_the_character_it_differs_in() -> None:
    """Lined up word by word first (a character-by-character diff of 10,000 characters takes seconds)."""
    from evcards.kb.quote_diff import DiffPart, char_diff

    source = " ".join(f"word{k} it's" for k in range(900))  # 10,790 characters
    quote = source.replace("word7 it's", "word7 it’s").replace("word800 it's", "word800 it’s")
    parts = char_diff(quote, source)
    assert [part for part in parts if part.kind != "same"] == [DiffPart("quote", "’"), DiffPart("source", "'")] * 2
    assert "".join(part.text for part in parts if part.kind != "source") == quote


def test_a_card_with_too_much_text_is_found_in_a_big_file_validated_in_slices(write_kb: KbWriter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "SLICES_FROM_BYTES", 0)  # every file is validated a slice of entities at a time
    data = minimal_kb()
    data["entities"] += [{"id": f"e{k}", "name": f"E{k}", "kind": "x", "summary": "s " * 4_000} for k in range(200)]  # 1.6 MB
    claim = {"statement": "word " * 1_900, "quote": "Lei Jun founded Xiaomi", "source": "article"}
    data["entities"][1]["claims"] = [claim] * 120
    assert ": entities[1]: its card would hold 1,142,650 characters of text" in the_problem(write_kb(data))
    data["entities"][1]["claims"] = [claim] * 100
    assert load(write_kb(data)).knowledge_base is not None


# --- lines that cannot be laid out quickly ----------------------------------------------------
def test_a_source_with_a_huge_word_is_refused_with_its_line(write_kb: KbWriter) -> None:
    path = write_kb(source_text=SOURCE_TEXT + "\nSecond line.\n" + "x" * 20_000 + " end\n")
    message = the_problem(path)
    assert message.endswith(
        "sources[0].text_file (line 4): has more than 10,000 characters in a row with no space or other place to break the line, "
        "which cannot be shown quickly"
    )


def test_long_runs_of_scripts_without_spaces_are_fine(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["sources"].append({"id": "zh", "text": "雷军创办了小米。" * 5_000})  # 40,000 characters, no space
    assert load(write_kb(data)).knowledge_base is not None
    data["sources"][1]["text"] = "ab" * 6_000
    assert "sources[1].text (line 1): has more than 10,000 characters in a row" in the_problem(write_kb(data))


@pytest.mark.parametrize("length", [9_999, 10_000, 10_001, 25_000])
@pytest.mark.parametrize("offset", [0, 1, 4_999, 5_000, 5_001, 12_345])
def test_the_longest_run_is_found_wherever_it_is(length: int, offset: int) -> None:
    from evcards.kb.unbroken_runs import LONGEST_RUN, unbroken_run

    text = "ab " * (offset // 3) + "z" * length + " " + "cd " * 4_000
    start = len("ab " * (offset // 3))
    assert unbroken_run(text) == (start if length > LONGEST_RUN else None)


def test_a_file_with_a_great_many_errors_lists_the_first_thousand(write_kb: KbWriter) -> None:
    data = minimal_kb()
    data["entities"] = [{"id": f"e{k}", "name": "", "kind": "x"} for k in range(5_000)]
    found = problems(write_kb(data))
    assert len(found) == 1_001 and found[-1].endswith(": (file): … and 4,000 more errors, not listed")


def test_too_many_evidence_items_on_one_card_is_an_error(write_kb: KbWriter) -> None:
    data = minimal_kb(format=2)
    item = {"source": "article", "quote": "Lei Jun founded Xiaomi"}
    data["entities"][1]["claims"] = [{"statement": f"Claim {k}.", "evidence": [item] * 21} for k in range(100)]
    data["entities"] += [{"id": f"e{k}", "name": f"E{k}", "kind": "x", "summary": "s " * 4_000} for k in range(200)]  # 1.6 MB: measured
    message = the_problem(write_kb(data))
    assert message.endswith(": entities[1]: has 2,100 evidence items over its claims, more than the 2,000 a card can show")
