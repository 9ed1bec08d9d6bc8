"""Every relative link and anchor in README.md and docs/*.md leads somewhere.

The README is short and sends its reader to docs/ for the rest: a link that moved or a heading
that was renamed would leave the reader at a dead end, and GitHub says nothing about it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).resolve().parents[2]
_MD = MarkdownIt("commonmark").enable("table")


def _tokens(path: Path) -> list[Token]:
    return _MD.parse(path.read_text(encoding="utf-8"))


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation and symbols dropped, spaces to '-'."""
    kept = "".join(c for c in heading.lower() if c in " -_" or unicodedata.category(c)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of a Markdown file: its headings' slugs (GitHub numbers repeats) and HTML ids."""
    found: set[str] = set()
    tokens = _tokens(path)
    for k, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[k + 1].children or []
            slug = _slug("".join(child.content for child in inline if child.type in ("text", "code_inline")))
            unique, n = slug, 0
            while unique in found:
                n += 1
                unique = f"{slug}-{n}"
            found.add(unique)
        elif token.type in ("html_block", "html_inline"):
            found.update(re.findall(r"""\b(?:id|name)=["']([^"']+)["']""", token.content))
    return found


def _targets(tokens: Iterable[Token]) -> Iterable[str]:
    for token in tokens:
        if token.type == "link_open":
            yield str(token.attrGet("href"))
        elif token.type == "image":
            yield str(token.attrGet("src"))
        if token.children:
            yield from _targets(token.children)


def broken_links(path: Path) -> list[str]:
    """Each relative link of a Markdown file whose file or anchor does not exist, as 'FILE: target'."""
    broken = []
    for target in _targets(_tokens(path)):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            continue
        linked = (path.parent / unquote(parts.path)).resolve() if parts.path else path
        if not linked.exists():
            broken.append(f"{path.name}: {target} (no such file)")
        elif parts.fragment and linked.suffix == ".md" and unquote(parts.fragment) not in anchors(linked):
            broken.append(f"{path.name}: {target} (no such heading in {linked.name})")
    return broken


def test_every_relative_link_in_the_readme_and_docs_leads_somewhere() -> None:
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    assert len(documents) > 5
    assert [line for document in documents for line in broken_links(document)] == []


def test_the_readme_links_to_each_document_in_docs() -> None:
    readme = ROOT / "README.md"
    linked = {(readme.parent / urlsplit(target).path).resolve() for target in _targets(_tokens(readme))}
    assert [doc.name for doc in sorted((ROOT / "docs").glob("*.md")) if doc.resolve() not in linked] == []


def test_a_missing_file_or_heading_is_reported(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## Lei Jun's card: 雷军\n\n## Notes\n\n## Notes\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "[ok](other.md#lei-juns-card-雷军) [ok](other.md#notes-1) [ok](#page) [ok](https://example.org/#x)\n"
        "[bad](missing.md) [bad](other.md#notes-2) ![bad](missing.png) `[code](not-a-link.md)`\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "page.md: missing.md (no such file)",
        "page.md: other.md#notes-2 (no such heading in other.md)",
        "page.md: missing.png (no such file)",
    ]
