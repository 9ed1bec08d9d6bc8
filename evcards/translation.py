"""The words evcards shows, in the reader's language, for the layers that import no Qt.

The window and the PDF translate through Qt (`QCoreApplication.translate`, `.qm` files built
from `resources/translations/*.ts`). The command line's `validate`, `list` and `schema` must
start without Qt (they run where Qt's libraries cannot load), and the knowledge base layer may
not import it at all: they call `translate` here, with Qt's signature, so `pyside6-lupdate`
finds their words as it finds Qt's. Once a window or an export has loaded Qt's translators it
installs them as the backend (`set_backend`), so both paths give the same words; before that the
`.ts` file itself is read (XML, finished messages only), which needs nothing but the standard
library. Two languages ship: "en" (the source, plus its plural forms) and "zh_CN".
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache

from evcards.resources import translations_dir

LANGUAGES = ("en", "zh_CN")
Backend = Callable[[str, str, "str | None", int], str]

_state: dict[str, str | Backend | None] = {"language": None, "explicit": None, "backend": None}


def language_code(name: str | None) -> str | None:
    """ "zh_CN" for any Chinese locale name ("zh_CN.UTF-8", "zh-Hans", "zh"), "en" for English,
    None for anything else (the caller falls back to English)."""
    if not name:
        return None
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base.lower().startswith("zh"):
        return "zh_CN"  # the one Chinese translation: Simplified, also read in Taiwan and Hong Kong rather than English
    if base.lower().startswith("en") or base in ("C", "POSIX"):
        return "en"
    return None


def system_language() -> str:
    """The language the environment asks for, read as Qt and gettext read it on Unix:
    LANGUAGE (a list), then LC_ALL, LC_MESSAGES, LANG."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for name in os.environ.get(variable, "").split(":"):
            if (code := language_code(name)) is not None:
                return code
            if name and variable != "LANGUAGE":
                return "en"  # a language evcards does not speak: English
    return "en"


def set_language(code: str | None, *, explicit: bool = False) -> str:
    """Choose the language ("en", "zh_CN"; None: the system's). `explicit` marks a choice made
    on the command line (`--lang`), which the window's own setting does not override."""
    chosen = code if code in LANGUAGES else system_language()
    _state["language"] = chosen
    if explicit:
        _state["explicit"] = chosen
    return chosen


def language() -> str:
    """The language in use: the chosen one, else the system's."""
    chosen = _state["language"]
    return chosen if isinstance(chosen, str) else set_language(None)


def explicit_language() -> str | None:
    """The language given with `--lang`, if any."""
    chosen = _state["explicit"]
    return chosen if isinstance(chosen, str) else None


def set_backend(backend: Backend | None) -> None:
    """Translate through `backend` (Qt's `QCoreApplication.translate`) from now on; None: read the .ts."""
    _state["backend"] = backend


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the chosen language, with Qt's signature and "%n" rule (the count, and the
    plural form the language needs)."""
    backend = _state["backend"]
    if callable(backend):
        return backend(context, source, disambiguation, n)
    forms = _catalog(language()).get((context, source))
    text = source if not forms else forms[_plural_index(language(), n, len(forms))]
    return text.replace("%n", str(n)) if n >= 0 else text


def translated_in(code: str, context: str, source: str) -> str | None:
    """`source` in the language `code`, whatever language is chosen; None when it has no
    translation. For files that carry every language at once (a .desktop file's `Name[zh_CN]`)."""
    forms = _catalog(code).get((context, source))
    return forms[0] if forms else None


class Words:
    """A base for a class of counted words: `cls.tr("%n claim(s)", "", n)` inside its body is
    what pyside6-lupdate reads as a plural message of the context named as the class (it does
    not see the count of a `translate` call), and Qt's `tr` signature at run time."""

    @classmethod
    def tr(cls, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(cls.__name__, source, disambiguation or None, n)


def fill(text: str, *values: object) -> str:
    """`text` with %1, %2... replaced by `values` in one pass, as `QString.arg` does: a translation
    may put them in another order, and a value that contains "%2" is not replaced again."""
    return _PLACEHOLDER.sub(lambda match: str(values[int(match[1]) - 1]) if int(match[1]) <= len(values) else match[0], text)


_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks `source` for translation where it is defined (a table of labels); `translate` it where shown."""
    return source


def _plural_index(code: str, n: int, forms: int) -> int:
    """Qt's numerus rule for the shipped languages: English has one and other, Chinese one form."""
    return 0 if code == "zh_CN" or n == 1 else min(1, forms - 1)


@cache
def _catalog(code: str) -> dict[tuple[str, str], list[str]]:
    """The finished messages of evcards_<code>.ts: (context, source) to its form or forms."""
    from xml.etree import ElementTree  # only the commands without Qt read the .ts (pyexpat: a few ms)

    path = translations_dir() / f"evcards_{code}.ts"
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}  # no translation: the source words
    catalog: dict[tuple[str, str], list[str]] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            if all(forms):
                catalog[(name, message.findtext("source", ""))] = forms
    return catalog
