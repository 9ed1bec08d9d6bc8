"""`--lang zh_CN|en`, anywhere on the command line, for the window and every command.

It is taken out of the arguments before the command is chosen (so `evcards --lang zh_CN
validate` works as `evcards validate --lang zh_CN`), because the words of the help and the
messages must be chosen before any parser is built. Without it the system's language is used
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG); the window's View > Language setting comes next.
"""

from __future__ import annotations

import argparse

from evcards.translation import LANGUAGES, QT_TRANSLATE_NOOP, fill, set_language, translate

OPTION = "--lang"
HELP = QT_TRANSLATE_NOOP("cli", "the language of the window and the messages: zh_CN or en (default: the system's)")


class LanguageError(ValueError):
    """`--lang` without a value, or with a language evcards does not speak; `str()` is the message."""


def take_language(argv: list[str]) -> list[str]:
    """`argv` without `--lang VALUE` / `--lang=VALUE`, the language chosen (explicitly) when given."""
    rest: list[str] = []
    chosen: str | None = None
    words = iter(argv)
    for word in words:
        if word == "--":
            rest += [word, *words]
            break
        if word == OPTION or word.startswith(OPTION + "="):
            chosen = word.partition("=")[2] if "=" in word else next(words, "")
            continue
        rest.append(word)
    if chosen is not None:
        code = chosen.replace("-", "_")
        if code not in LANGUAGES:
            set_language(None)
            raise LanguageError(fill(translate("cli", "evcards: --lang takes zh_CN or en, not %1"), repr(chosen)))
        set_language(code, explicit=True)
    return rest


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """Show `--lang` in a parser's help (the value was taken out of the arguments already)."""
    parser.add_argument(OPTION, choices=LANGUAGES, help=translate("cli", HELP))
