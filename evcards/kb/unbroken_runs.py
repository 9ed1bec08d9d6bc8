"""Find a run of characters too long for Qt to lay out quickly: a "word" with nowhere to break.

Qt breaks lines at spaces, and between the characters of scripts written without them; a run
with no such place costs its layout a time that grows with the square of its length: 100,000
characters took the source pane 1.1 s, a million would take minutes. No real text has a word
of over 10,000 characters, so a source text with one is refused, with its line.
"""

from __future__ import annotations

import re

LONGEST_RUN = 10_000  # characters in a row with nowhere to break a line
# White space, the zero-width space, soft hyphen, '/' and '-', and the scripts Qt breaks
# anywhere (or by dictionary): Thai, Lao, Myanmar, Khmer; CJK, kana and Hangul; full-width forms.
_BREAKS = (
    "\\s\u200b\u00ad/\\-\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
)
_BREAK = re.compile(f"[{_BREAKS}]")
_LAST_BREAK = re.compile(f"(?s:.*)[{_BREAKS}]")  # greedy: ends after the last place to break


def unbroken_run(text: str) -> int | None:
    """Where the first run of more than `LONGEST_RUN` characters with nowhere to break starts; None if none.

    A regular expression over a whole 50 MB text takes a second; instead, blocks of half the
    longest run are searched for one place to break (found within a few characters in any
    text: 2 ms for 50 MB), and only around a block without one is the run measured: a run
    longer than the limit covers a whole block. Each character is looked at a few times at most."""
    half = LONGEST_RUN // 2
    start = 0
    while start + half <= len(text):
        if _BREAK.search(text, start, start + half) is not None:
            start += half
            continue
        before = _LAST_BREAK.match(text, max(0, start - half), start)  # a run this long covers the block before
        run_start = before.end() if before is not None else max(0, start - half)
        after = _BREAK.search(text, start + half)
        run_end = after.start() if after is not None else len(text)
        if run_end - run_start > LONGEST_RUN:
            return run_start
        start = run_end - run_end % half + half if run_end % half else run_end
    return None


def unbroken_run_message(text: str) -> tuple[int, str] | None:
    """(line, message) for a text with a run too long to lay out, else None."""
    at = unbroken_run(text)
    if at is None:
        return None
    line = text.count("\n", 0, at) + 1
    return (
        line,
        f"has more than {LONGEST_RUN:,} characters in a row with no space or other place to break the line, which cannot be shown quickly",
    )
