"""BCP 47 language tags, checked by their shape only ('en', 'zh-Hans', 'sr-Latn-RS', 'de-CH-1996').

The registry of subtags changes; a knowledge base should not be refused because its tag is newer
than evcards. The shape catches what is surely wrong: 'zh_Hans', 'English', 'en-', an empty tag.
"""

from __future__ import annotations

import re

# a 2-3 letter language (or 4-8 letters, or 'x-'/'i-' private and grandfathered), then subtags of 1-8 letters or digits
_TAG = re.compile(r"(?:[A-Za-z]{2,3}|[A-Za-z]{5,8}|[xXiI])(?:-[A-Za-z0-9]{1,8})*", re.ASCII)


def is_language_tag(text: str) -> bool:
    return _TAG.fullmatch(text) is not None


def check_language_tag(value: object) -> object:
    """`value` if it has the shape of a BCP 47 tag (or is not a string: the type check says so)."""
    if isinstance(value, str) and not is_language_tag(value):
        raise ValueError(f"{value!r} is not a BCP 47 language tag, such as en, zh-Hans or pt-BR")
    return value
