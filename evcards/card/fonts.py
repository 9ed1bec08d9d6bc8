"""Fonts bundled with evcards, so that every script the cards hold renders on a machine with only DejaVu.

A fresh machine may have only DejaVu: no hanzi, kana, Hangul, Devanagari or Thai, and no Arabic
or Hebrew in DejaVu Sans Oblique, the face of the card's italic quotes. evcards registers OFL
Noto fonts (resources/fonts/README.md) and lists them, after the card's own face, as the
fallback families of the fonts the card, the list and the PDF use. Qt picks, character by
character, the first family in that list that has the glyph, then fontconfig's own fallbacks.
For an italic request a family with no italic face is drawn slanted (synthetic oblique), so
Arabic and Hebrew in an italic quote take Noto Sans Arabic/Hebrew, slanted.

Installed fonts come first: a bundled file is not registered when a family of the same name is
installed (the subset would hide the full font's other characters), and installed CJK families
(Noto Sans CJK / Source Han Sans) go before the bundled subset. A language tag (`zh-Hans`,
`zh-Hant`, `ja`, `ko`) puts the installed CJK family for that language first, so that Han
characters take their Simplified, Traditional, Japanese or Korean forms where such a font is
installed; the bundled subset has the Simplified Chinese forms only.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from evcards.resources import fonts_dir

# Bundled file -> the family it provides, in fallback order. Each is registered only when no
# installed font has the family's name.
# Devanagari and Thai first: Qt asks each family before the one that draws these scripts
# whether it shapes them, and prints a warning for each that does not.
BUNDLED_FONTS = {
    "NotoSansDevanagari-Regular.ttf": "Noto Sans Devanagari",
    "NotoSansThai-Regular.ttf": "Noto Sans Thai",
    "NotoSansArabic-Regular.ttf": "Noto Sans Arabic",
    "NotoSansHebrew-Regular.ttf": "Noto Sans Hebrew",
    "NotoSansSC-evcards-subset.otf": "Noto Sans CJK SC",
    # Monochrome emoji DejaVu lacks (🚗); last, after the CJK families, since it also maps
    # digits and a few CJK symbols (〰 〽 ㊗) that the fonts before it draw in their own style.
    "NotoEmoji-Regular.ttf": "Noto Emoji",
}
BUNDLED_CJK_FAMILY = "Noto Sans CJK SC"
BUNDLED_EMOJI_FAMILY = "Noto Emoji"
BUNDLED_CJK_FORMS = "zh-Hans"  # the subset is cut from the Simplified Chinese face

# Installed CJK families by the glyph forms they draw (Han characters differ between the four).
CJK_FAMILIES: dict[str, tuple[str, ...]] = {
    "zh-Hans": ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN"),
    "zh-Hant": ("Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Noto Sans CJK HK", "Source Han Sans HC"),
    "ja": ("Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans"),
    "ko": ("Noto Sans CJK KR", "Source Han Sans KR", "Source Han Sans K"),
}
_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}
FALLBACK_FAMILIES = frozenset({f for forms in CJK_FAMILIES.values() for f in forms} | set(BUNDLED_FONTS.values()))


def cjk_forms(language: str | None) -> str | None:
    """Which CJK glyph forms a BCP 47 tag asks for: "zh-Hans", "zh-Hant", "ja", "ko" or None.

    `zh` alone, `zh-CN` and `zh-SG` are Simplified; `zh-TW`, `zh-HK` and `zh-MO` Traditional;
    an explicit script subtag (`zh-Hant-CN`) wins over the region."""
    if not language:
        return None
    parts = [part.lower() for part in language.replace("_", "-").split("-")]
    primary, rest = parts[0], parts[1:]
    if primary in ("ja", "jpn"):
        return "ja"
    if primary in ("ko", "kor"):
        return "ko"
    if primary not in ("zh", "zho", "chi", "cmn", "yue", "lzh"):
        return None
    if "hant" in rest:
        return "zh-Hant"
    if "hans" in rest:
        return "zh-Hans"
    if primary == "yue" or any(part.upper() in _TRADITIONAL_REGIONS for part in rest):
        return "zh-Hant"
    return "zh-Hans"


@lru_cache(maxsize=1)
def _installed_and_registered() -> tuple[frozenset[str], tuple[str, ...]]:
    """(families installed on the system, bundled families available), registering the bundled
    files once per process."""
    # Qt asks each family of a fallback list whether it can shape Devanagari (and other Indic
    # scripts) and logs a line for each that cannot ("OpenType support missing for "DejaVu Sans",
    # script 11"): expected with fallbacks, so not worth a line on every user's terminal.
    # QT_LOGGING_RULES still overrides this.
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false\nqt.text.font.db.warning=false")
    installed = frozenset(QFontDatabase.families())
    available: list[str] = []
    for file_name, family in BUNDLED_FONTS.items():
        if family not in installed and QFontDatabase.addApplicationFont(str(fonts_dir() / file_name)) == -1:
            continue
        available.append(family)
    return installed, tuple(available)


def register_bundled_fonts() -> tuple[str, ...]:
    """Register the bundled fonts once per process (unless installed); return their families."""
    return _installed_and_registered()[1]


@lru_cache(maxsize=8)
def families_for_language(language: str | None = None) -> tuple[str, ...]:
    """The fallback families, in order, for text in `language` (a BCP 47 tag, or None).

    The bundled fonts of other scripts first (they share no characters with CJK fonts), then
    the CJK families: for a language with its own forms, the installed families that draw them,
    then the bundled subset if it does (zh-Hans), then the other installed ones; with no such
    language, the installed families before the bundled subset. The bundled emoji last. Put
    them after the text's own family: `with_fallbacks(font, language)`."""
    installed, bundled = _installed_and_registered()
    forms = cjk_forms(language)
    order = ([forms] if forms else []) + [key for key in CJK_FAMILIES if key != forms]
    cjk = [family for key in order for family in CJK_FAMILIES[key] if family in installed]
    if BUNDLED_CJK_FAMILY in bundled and BUNDLED_CJK_FAMILY not in cjk:
        matching = [family for family in cjk if family in CJK_FAMILIES[forms]] if forms else cjk
        position = len(matching) if forms in (None, BUNDLED_CJK_FORMS) else len(cjk)
        cjk.insert(position, BUNDLED_CJK_FAMILY)
    others = [family for family in bundled if family not in (BUNDLED_CJK_FAMILY, BUNDLED_EMOJI_FAMILY)]
    emoji = [family for family in bundled if family == BUNDLED_EMOJI_FAMILY]
    return tuple(others + cjk + emoji)


def with_fallbacks(font: QFont, language: str | None = None) -> QFont:
    """`font` with the fallback families for `language` appended, for the characters it lacks."""
    result = QFont(font)
    families = list(font.families()) or [font.family()]
    base = families[:1] + [f for f in families[1:] if f not in FALLBACK_FAMILIES]  # another language's order goes
    result.setFamilies(base + [f for f in families_for_language(language) if f not in base])
    return result


DEFAULT_UI_FAMILY = "DejaVu Sans"  # on every Linux machine; the card's own face too
GENERIC_FAMILIES = frozenset({"sans serif", "sans-serif", "sans", "serif", "monospace", "system-ui"})
# Widget classes a platform theme may give a font of their own (QApplication::font(className)).
THEMED_WIDGET_CLASSES = (
    "QMenu",
    "QMenuBar",
    "QMessageBox",
    "QHeaderView",
    "QAbstractItemView",
    "QLabel",
    "QAbstractButton",
    "QStatusBar",
    "QTipLabel",
    "QLineEdit",
    "QTextEdit",
    "QPlainTextEdit",
    "QGroupBox",
    "QTabBar",
    "QDockWidget",
    "QDockWidgetTitle",
)


def ui_family(font: QFont) -> str:
    """The real family a widget font should start with: the platform's UI font, else DejaVu Sans.

    A generic name ("Sans Serif", what the offscreen and minimal platforms give) at the head of
    a family list is skipped when Qt picks a face per character: the next family, Noto Sans
    Devanagari or the CJK subset, then draws the Latin text, with “ ” ’ full width and … as
    "···". A CJK or other fallback face (a CJK locale's platform font) gives way too: its Latin
    punctuation is full width."""
    named = (list(font.families()) or [font.family()])[0]
    if named and named.lower() not in GENERIC_FAMILIES and named not in FALLBACK_FAMILIES:
        return named
    if DEFAULT_UI_FAMILY in _installed_and_registered()[0]:
        return DEFAULT_UI_FAMILY
    resolved = QFontInfo(font).family()  # a machine without DejaVu (macOS, Windows)
    return resolved if resolved not in FALLBACK_FAMILIES else DEFAULT_UI_FAMILY


def ui_font(font: QFont) -> QFont:
    """`font` (a platform UI font) with its real family first and the bundled faces as fallbacks."""
    primary = QFont(font)
    primary.setFamilies([ui_family(font)])
    return with_fallbacks(primary)


def install_application_font(app: QApplication) -> None:
    """Make the platform's UI font (else DejaVu Sans) every widget's primary face, with the
    bundled faces as fallbacks for the scripts it lacks; also for the fonts a platform theme
    gives to menus, item views and other widget classes."""
    default = app.font()
    # PySide6 takes the class name as str (its stubs say bytes, which it refuses)
    themed = {name: QApplication.font(name) for name in THEMED_WIDGET_CLASSES}  # type: ignore[call-overload]
    app.setFont(ui_font(default))
    for name, font in themed.items():
        if font != default:
            QApplication.setFont(ui_font(font), name)  # type: ignore[arg-type]
