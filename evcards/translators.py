"""Qt's side of the translation: load the chosen language's `.qm` files on an application.

Every layer that shows words and may import Qt calls `QCoreApplication.translate` or `self.tr`;
this installs the translators those calls read: evcards's own (`resources/translations`, built
from the `.ts` sources with `pyside6-lrelease`) and Qt's (`qtbase_zh_CN.qm` from PySide6, for
the standard buttons and dialogs). It also routes `evcards.translation.translate`, which the
layers without Qt call, through Qt from then on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from evcards.resources import translations_dir
from evcards.translation import language, set_backend

TRANSLATOR_NAME = "evcards_translator"


def install_translators(app: QCoreApplication | None = None, code: str | None = None) -> str:
    """Replace the translators on `app` (default: the running one) with those of `code`
    (default: the chosen language); returns the language installed."""
    app = app or QCoreApplication.instance()
    code = code or language()
    if app is None:
        return code
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
    locale = QLocale("zh_CN" if code == "zh_CN" else "en_US")
    sources = [(str(translations_dir()), f"evcards_{code}")]
    if code != "en":
        sources.append((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{code}"))
    for folder, name in sources:
        translator = QTranslator(app)  # the application's child: it lives as long as the application
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
    QLocale.setDefault(locale)
    set_backend(_through_qt)
    return code


def installed(app: QCoreApplication | None = None) -> bool:
    app = app or QCoreApplication.instance()
    return app is not None and app.findChild(QTranslator, TRANSLATOR_NAME) is not None


def _through_qt(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, source, disambiguation, n)
