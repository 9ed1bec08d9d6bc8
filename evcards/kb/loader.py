"""Load a knowledge base file: either a checked knowledge base or a report of every problem.

The loader never raises for bad input and never writes to the file it reads. Problems that
stop a file from being a knowledge base are collected in full (all schema errors, not only
the first); findings about individual quotes are kept apart, so the window can still open a
file whose only trouble is a quote that does not match.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from evcards.kb.card_size import entity_problems
from evcards.kb.duplicate_keys import CHECK_UP_TO_BYTES, repeated_keys
from evcards.kb.evidence_checks import ProgressCallback, check_quotes
from evcards.kb.limits import TEXT_PER_ENTITY, Limits, clipped
from evcards.kb.loaded import LoadedKnowledgeBase
from evcards.kb.model import ID_PATTERN, NON_EMPTY_PATTERN, RELATION_TYPE_PATTERN, KnowledgeBase, field_names
from evcards.kb.piecewise import SliceErrors, validate_in_slices
from evcards.kb.problems import Problem, json_path
from evcards.kb.references import reference_problems
from evcards.kb.shared_fields_sets import share_fields_sets
from evcards.kb.snapshot import FileSnapshot
from evcards.kb.source_files import SourceReader, read_file_bytes, utf8_problem

__all__ = ["LoadCancelled", "LoadResult", "ProgressCallback", "load"]  # and Limits, from evcards.kb.limits
_JSON_POSITION = re.compile(r"^(?P<what>.*) at line (?P<line>\d+) column (?P<column>\d+)$")
_UNION_TAGS = {"str", "QuoteSelector", "amount", "year", "ratio"}
_FRIENDLY = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (not part of the evcards format)",
    "model_type": "should be a JSON object",
    "list_type": "should be a JSON array",
    "string_type": "should be a string",
    "literal_error": None,  # pydantic's own text names the allowed values
    "dict_type": "should be a JSON object",
    "tuple_type": "should be a JSON array",
    "string_too_short": "should not be empty",
    "string_too_long": None,  # said below, with the limit
    "too_long": None,
}
_PATTERN_MEANS = {  # what a pattern asks for, in words: pydantic's message shows the regular expression
    ID_PATTERN: "is not an id: letters and digits of any script, then also '-', '_', '.' or ':' (no spaces, emoji or other signs)",
    NON_EMPTY_PATTERN: "should have more than white space",
    RELATION_TYPE_PATTERN: "should be lower-case words joined by '_', e.g. founded_by",
}
MOST_PROBLEMS = 1_000  # listed in a report; the rest are counted
COLLECT_AFTER_OBJECTS = 100_000  # objects a load made: from ~15,000 claims on (see _collector_paused)
SLICES_FROM_BYTES = 4 * 1024 * 1024  # validate in slices from this size on; see evcards.kb.piecewise


class LoadCancelled(Exception):
    """Raised by a progress callback to stop a long load; nothing is kept."""


@dataclass
class LoadResult:
    """The outcome of loading one file. `knowledge_base` is None exactly when `problems` is not empty."""

    path: Path
    knowledge_base: LoadedKnowledgeBase | None = None
    problems: list[Problem] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    snapshot: FileSnapshot | None = None  # with `load(..., keep_snapshot=True)`, for a valid file

    @property
    def is_valid(self) -> bool:
        """Valid for `evcards validate`: a knowledge base with no problem and no finding."""
        return self.knowledge_base is not None and not self.problems and not self.findings

    def lines(self) -> list[str]:
        """Every problem, then every finding, as `FILE: PLACE: what is wrong`: the one report
        that `evcards validate`, the window and `evcards export` all show."""
        return [str(p) for p in [*self.problems, *self.findings]]

    def report(self) -> str:
        return "\n".join(self.lines())


def _without_union_tags(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic names the union member that failed right after a union field ('quote' -> 'str',
    'value' -> 'amount'); a reader does not care. Other parts, odd field names included, stay."""
    kept: list[str | int] = []
    for previous, part in zip((None, *loc), loc):
        after_union = previous in ("quote", "value")
        if after_union and isinstance(part, str) and (part in _UNION_TAGS or not part.isidentifier()):
            continue
        kept.append(part)
    return tuple(kept)


def _schema_problems(shown: str, errors: list[ErrorDetails], data: bytes) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in errors:
        if item["type"] == "json_invalid":
            problems.append(_syntax_problem(shown, item["ctx"]["error"], data))
            continue
        loc = tuple(part for part in _without_union_tags(item["loc"]) if part != "[key]")  # a bad key: its place is the key
        place = json_path(loc)
        if place.endswith(".quote") and place in seen:
            continue  # both members of the string|object union failed: say it once
        message = _FRIENDLY.get(item["type"]) or item["msg"]
        if item["type"] == "string_pattern_mismatch":
            message = _PATTERN_MEANS.get(item["ctx"]["pattern"], message)
        elif item["type"] == "value_error":
            message = str(item["ctx"]["error"])
        elif item["type"] in ("string_too_long", "too_long"):
            unit = "characters" if item["type"] == "string_too_long" else "items"
            message = f"is too long: at most {item['ctx']['max_length']:,} {unit} (see 'Limits' in the format's documentation)"
        if item["type"] == "extra_forbidden" and loc:
            message = f"unknown field {loc[-1]!r} (not part of the evcards format{_did_you_mean(str(loc[-1]))})"
        elif place.endswith(".quote") and item["type"] != "string_too_long":
            message = "should be a string or an object with 'exact', with more than white space"
        seen.add(place)
        problems.append(Problem(shown, clipped(place), clipped(message)))
    return problems


def _did_you_mean(key: str) -> str:
    """ "; did you mean 'statement'?" for a misspelt field name, else nothing."""
    import difflib

    close = difflib.get_close_matches(key, sorted(field_names()), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _syntax_problem(shown: str, jiter_message: str, data: bytes) -> Problem:
    match = _JSON_POSITION.match(jiter_message)
    what, place = (
        (match["what"], _character_position(data, int(match["line"]), int(match["column"]))) if match else (jiter_message, "(file)")
    )
    if what == "recursion limit exceeded":
        what = "nested too deeply (more than 200 levels of arrays and objects)"
    elif what == "EOF while parsing a value" or what.startswith("EOF while parsing"):
        what = "the file ends in the middle of the JSON"
    return Problem(shown, place, f"invalid JSON: {what}")


def _character_position(data: bytes, line: int, byte_column: int) -> str:
    """line:column with the column in characters, as editors count (the parser counts bytes)."""
    start = 0
    for _ in range(line - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return f"{line}:{byte_column}"
    prefix = data[start : start + byte_column - 1]
    return f"{line}:{len(prefix.decode('utf-8', errors='ignore')) + 1}"


def _load_source_texts(reader: SourceReader, kb: KnowledgeBase) -> tuple[dict[str, str], list[Problem]]:
    """Every source's text by source id (inline, or read from its file), and a problem for each
    that cannot be read or is too big (see `evcards.kb.source_files`)."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for i, source in enumerate(kb.sources):
        if source.text is not None:
            problem = reader.inline_problem(source.text, f"sources[{i}].text")
            text = None if problem else source.text
        else:
            assert source.text_file is not None  # the model wants one of the two
            text, problem = reader.text(source.text_file, f"sources[{i}].text_file")
        if problem:
            problems.append(problem)
        elif text is not None:
            texts[source.id] = text
    return texts, problems


def load(
    path: str | Path,
    progress: ProgressCallback | None = None,
    *,
    limits: Limits | None = None,
    snapshot: FileSnapshot | None = None,
    keep_snapshot: bool = False,
) -> LoadResult:
    """Load and check `path`. `progress(done, total)` may raise LoadCancelled to stop.

    With `snapshot`, its bytes and source texts stand for the file's and the sources' (an
    earlier version of `path`, which gives the names and the folder); with `keep_snapshot`, a
    valid file's result keeps its own (`LoadResult.snapshot`, see `evcards.kb.snapshot`).

    For a big file progress runs from 0 to total while it is read, while it is validated, then
    while claims are checked. `limits`: the user's choices beyond the fixed limits (source size,
    sources outside the file's folder); the defaults without. Never raises but LoadCancelled:
    a failure nobody foresaw is a problem of the file too, not a load that never ends.
    """
    with _collector_paused():
        try:
            return _capped(_load(Path(path), progress, limits or Limits(), snapshot, keep_snapshot))
        except (LoadCancelled, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001  # the loader's promise: a report, never a traceback
            result = LoadResult(Path(path))
            result.problems.append(Problem(str(path), "(file)", clipped(f"cannot be loaded: {type(error).__name__}: {error}")))
            return result


def _capped(result: LoadResult) -> LoadResult:
    """At most `MOST_PROBLEMS` problems, then one line for the rest: a file with a million errors
    must not become a report of a million lines in a dialog or a terminal."""
    if len(result.problems) > MOST_PROBLEMS:
        rest = len(result.problems) - MOST_PROBLEMS
        del result.problems[MOST_PROBLEMS:]
        result.problems.append(Problem(str(result.path), "(file)", f"… and {rest:,} more errors, not listed"))
    return result


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector from walking a knowledge base while it is built.

    A big file becomes millions of objects, none of them garbage; the collector, running as
    they are made, walked all of them again and again: the L benchmark file (200,000 claims)
    took 4.9 s to load with it running, 1.7 s paused. Nothing is frozen: once resumed, the
    collector sees every object, so a knowledge base dropped by a reload is freed, cycles
    included. After a big load its one owed walk is made at once (0.5 s at L, while it holds
    Python's lock; 0.75 s before the models shared their sets, see `evcards.kb.shared_fields_sets`),
    instead of coming later as two walks in the middle of whatever the window does next (Python
    3.11 owes a full walk once the objects that reached the oldest generation outnumber a
    quarter of those there). A failed or cancelled load leaves nothing worth the walk.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    before = gc.get_count()[0]
    try:
        yield
    except BaseException:
        if was_enabled:
            gc.enable()
        raise
    if was_enabled:
        gc.enable()
        if gc.get_count()[0] - before >= COLLECT_AFTER_OBJECTS:
            gc.collect()


def _load(path: Path, progress: ProgressCallback | None, limits: Limits, snapshot: FileSnapshot | None, keep: bool) -> LoadResult:
    shown = str(path)
    result = LoadResult(path)
    data, problem = (snapshot.data, None) if snapshot else read_file_bytes(path, shown, "(file)", limits.file_bytes, progress)
    if problem:
        result.problems.append(problem)
        return result
    try:
        # The bytes go to pydantic as they are: no decoded copy of a large file in memory.
        # Its parser rejects invalid UTF-8, and every failure is checked for it below.
        # A big file is validated in slices when it can be, so the window stays responsive.
        big: list[int] = []  # entities that could be too big for a card: see entity_problems
        kb = validate_in_slices(data, progress, big, TEXT_PER_ENTITY) if len(data) >= SLICES_FROM_BYTES else None
        sliced = kb is not None
        if kb is None:
            kb = KnowledgeBase.model_validate_json(data)
            share_fields_sets(kb.entities, {})
    except ValidationError as error:
        problem = utf8_problem(data, shown, "(file)")
        result.problems = [problem] if problem else _schema_problems(shown, error.errors(include_url=False, include_input=False), data)
        return result
    except SliceErrors as error:
        problem = utf8_problem(data, shown, "(file)")
        result.problems = [problem] if problem else _schema_problems(shown, error.errors, data)
        return result
    except RecursionError:
        result.problems.append(Problem(shown, "(file)", "nested too deeply to be read"))
        return result
    if len(data) <= CHECK_UP_TO_BYTES:
        result.problems = [
            Problem(shown, place, f"the key {key!r} is given twice; JSON keeps only the last one, so keep one and remove the other")
            for place, key in repeated_keys(data)
        ]
        if result.problems:
            return result
    size = len(data)
    kept = data if keep else None
    del data
    resolved = path.resolve()
    result.problems = reference_problems(shown, kb) + entity_problems(shown, kb, size, big if sliced else None)
    if snapshot is not None:
        texts, text_problems = dict(snapshot.texts), list[Problem]()
    else:
        texts, text_problems = _load_source_texts(SourceReader(shown, resolved.parent, limits, progress), kb)
    result.problems += text_problems
    if result.problems:
        return result
    checks, result.findings, result.problems = check_quotes(shown, kb, texts, progress)
    if result.problems:
        result.findings = []
        return result
    result.knowledge_base = LoadedKnowledgeBase(kb, resolved, texts, checks)
    if kept is not None:
        result.snapshot = FileSnapshot(kept, texts)
    return result
