"""The citation at the top of the source pane: what a reader needs to find the source again.

Every part comes from a data file, so each is escaped; the URL is a link only when it is
http(s), and it opens in the system browser, never inside evcards.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from evcards.card.basics import is_web_url
from evcards.gui.plain_text import plain_tooltip
from evcards.translation import fill

if TYPE_CHECKING:
    from evcards.kb.model import Source

URL_SHOWN_CHARS = 60  # a long URL has no spaces to wrap at: shown shortened, so the pane can stay narrow


def shown_url(url: str) -> str:
    """`url` shortened in the middle to about `URL_SHOWN_CHARS` characters (the link keeps it whole)."""
    if len(url) <= URL_SHOWN_CHARS:
        return url
    tail = URL_SHOWN_CHARS // 3
    return url[: URL_SHOWN_CHARS - tail - 1] + "…" + url[-tail:]


def citation_html(source: Source) -> str:
    """The citation as rich text: the title strong, the URL a link when it may be opened."""
    parts = [f"<b>{escape(source.display_title)}</b>"]
    if byline := " · ".join(escape(p) for p in (source.author, source.publisher) if p):
        parts.append(byline)
    dates = []
    if source.url:
        url = escape(source.url, quote=True)
        shown = escape(shown_url(source.url))
        dates.append(f'<a href="{url}">{shown}</a>' if is_web_url(source.url) else shown)
    if source.published:
        dates.append(fill(QCoreApplication.translate("SourceHeading", "published %1"), escape(source.published)))
    if source.accessed:
        dates.append(fill(QCoreApplication.translate("SourceHeading", "accessed %1"), escape(source.accessed)))
    if dates:
        parts.append(" · ".join(dates))
    return "<br>".join(parts)


class SourceHeading(QLabel):
    """The citation, selectable and with a keyboard-reachable link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source_citation")
        self.setAccessibleName(self.tr("Source citation"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the pane
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setContentsMargins(8, 6, 8, 4)
        self.linkActivated.connect(self._open)
        self._url: str | None = None

    @property
    def url(self) -> str | None:
        """The source's URL when it is a link (http or https), else None."""
        return self._url

    def show_source(self, source: Source) -> None:
        self._url = source.url if is_web_url(source.url) else None
        self.setText(citation_html(source))
        self.setToolTip(plain_tooltip(source.url or ""))

    def _open(self, href: str) -> None:
        if is_web_url(href):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(href))
