"""Load a knowledge base file: either a checked knowledge base or a report of every problem.

The loader never raises for bad input and never writes to the file it reads. Problems that
stop a file from being a knowledge base are collected in full (all schema errors, not only
the first); findings about individual quotes are kept apart, so the window can still open a
file whose only trouble is a quote that does not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from evcards.model import KnowledgeBase, QuoteCheck, QuoteStatus
from evcards.problems import Problem, Severity, json_path
from evcards.quotes import FoldedText, locate

ProgressCallback = Callable[[int, int], None]
_JSON_POSITION = re.compile(r"^(?P<what>.*) at line (?P<line>\d+) column (?P<column>\d+)$")
_UNION_TAGS = {"str", "QuoteSelector", "amount", "year", "ratio"}
_FRIENDLY = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (not part of the evcards format)",
    "model_type": "should be a JSON object",
    "list_type": "should be a JSON array",
    "string_type": "should be a string",
    "literal_error": None,  # pydantic's own text names the allowed values
}
PROGRESS_STEP = 2048


class LoadCancelled(Exception):
    """Raised by a progress callback to stop a long load; nothing is kept."""


@dataclass
class LoadResult:
    """The outcome of loading one file. `knowledge_base` is None exactly when `problems` is not empty."""

    path: Path
    knowledge_base: KnowledgeBase | None = None
    problems: list[Problem] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """Valid for `evcards validate`: a knowledge base with no problem and no finding."""
        return self.knowledge_base is not None and not self.problems and not self.findings

    def report(self) -> str:
        return "\n".join(str(p) for p in [*self.problems, *self.findings])


def _read_text(path: Path, shown: str, place: str) -> tuple[str | None, Problem | None]:
    """Read a UTF-8 file (a byte-order mark is allowed); every failure becomes a Problem."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(shown, place, f"file not found: {path}")
    except IsADirectoryError:
        return None, Problem(shown, place, f"is a folder, not a file: {path}")
    except PermissionError:
        return None, Problem(shown, place, f"cannot be read (permission denied): {path}")
    except OSError as error:
        return None, Problem(shown, place, f"cannot be read: {error.strerror or error}: {path}")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        where = f"{line}:{column}" if place == "(file)" else f"{place} (line {line}, column {column})"
        return None, Problem(shown, where, f"is not UTF-8 text: byte 0x{data[error.start]:02x} is not valid UTF-8")


def _is_union_tag(part: str | int) -> bool:
    """pydantic names the union member that failed ('str', 'constrained-str', 'amount'); a reader does not care."""
    return isinstance(part, str) and (part in _UNION_TAGS or not part.isidentifier())


def _schema_problems(shown: str, error: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in error.errors(include_url=False, include_input=False):
        if item["type"] == "json_invalid":
            problems.append(_syntax_problem(shown, item["ctx"]["error"]))
            continue
        loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
        place = json_path(loc)
        if place.endswith(".quote") and place in seen:
            continue  # both members of the string|object union failed: say it once
        message = _FRIENDLY.get(item["type"]) or item["msg"]
        if place.endswith(".quote"):
            message = "should be a non-empty string or an object with a non-empty 'exact'"
        seen.add(place)
        problems.append(Problem(shown, place, message))
    return problems


def _syntax_problem(shown: str, jiter_message: str) -> Problem:
    match = _JSON_POSITION.match(jiter_message)
    what, place = (match["what"], f"{match['line']}:{match['column']}") if match else (jiter_message, "(file)")
    if what == "recursion limit exceeded":
        what = "nested too deeply (more than 200 levels of arrays and objects)"
    elif what == "EOF while parsing a value" or what.startswith("EOF while parsing"):
        what = "the file ends in the middle of the JSON"
    return Problem(shown, place, f"invalid JSON: {what}")


def _reference_problems(shown: str, kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for kind, items in (("source", kb.sources), ("entity", kb.entities)):
        prefix = "sources" if kind == "source" else "entities"
        first_at: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in first_at:
                problems.append(
                    Problem(shown, f"{prefix}[{i}].id", f"duplicate {kind} id {item.id!r} (first used at {prefix}[{first_at[item.id]}])")
                )
            else:
                first_at[item.id] = i
    entity_ids = {e.id for e in kb.entities}
    source_ids = {s.id for s in kb.sources}
    for i, entity in enumerate(kb.entities):
        for k, relation in enumerate(entity.relations):
            if relation.target not in entity_ids:
                problems.append(Problem(shown, f"entities[{i}].relations[{k}].target", f"no entity has the id {relation.target!r}"))
        for k, claim in enumerate(entity.claims):
            if claim.source not in source_ids:
                problems.append(Problem(shown, f"entities[{i}].claims[{k}].source", f"no source has the id {claim.source!r}"))
    return problems


def _load_source_texts(shown: str, base: Path, kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for i, source in enumerate(kb.sources):
        text, problem = _read_text(base / source.text_file, shown, f"sources[{i}].text_file")
        if problem:
            problems.append(problem)
        else:
            kb._texts[source.id] = text
    return problems


def _check_quotes(shown: str, kb: KnowledgeBase, progress: ProgressCallback | None) -> list[Problem]:
    """Anchor every quote; a quote checked against a stored position costs one comparison."""
    findings: list[Problem] = []
    folded: dict[str, FoldedText] = {}
    total = sum(len(e.claims) for e in kb.entities)
    done = 0
    for i, entity in enumerate(kb.entities):
        for k, claim in enumerate(entity.claims):
            text = kb._texts.get(claim.source)
            if text is None:
                check = QuoteCheck(QuoteStatus.NOT_FOUND, note="the source text could not be read")
            else:
                source_id = claim.source

                def folded_text(source_id: str = source_id, text: str = text) -> FoldedText:
                    if source_id not in folded:
                        folded[source_id] = FoldedText.of(text)
                    return folded[source_id]

                check = locate(claim.quote, text, folded_text)
            claim._check = check
            if check.status is not QuoteStatus.VERIFIED:
                findings.append(
                    Problem(shown, f"entities[{i}].claims[{k}].quote", f"{check.status.value}: {check.note}", Severity.FINDING)
                )
        done += len(entity.claims)
        if progress and (i % PROGRESS_STEP == 0):
            progress(done, total)
    return findings


def load(path: str | Path, progress: ProgressCallback | None = None) -> LoadResult:
    """Load and check `path`. `progress(done, total)` may raise LoadCancelled to stop."""
    path = Path(path)
    shown = str(path)
    result = LoadResult(path)
    text, problem = _read_text(path, shown, "(file)")
    if problem:
        result.problems.append(problem)
        return result
    try:
        kb = KnowledgeBase.model_validate_json(text)
    except ValidationError as error:
        result.problems = _schema_problems(shown, error)
        return result
    except RecursionError:
        result.problems.append(Problem(shown, "(file)", "nested too deeply to be read"))
        return result
    kb._path = str(path.resolve())
    result.problems = _reference_problems(shown, kb)
    result.problems += _load_source_texts(shown, path.resolve().parent, kb)
    if result.problems:
        return result
    kb.index()
    result.findings = _check_quotes(shown, kb, progress)
    result.knowledge_base = kb
    return result
