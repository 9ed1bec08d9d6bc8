"""What the reader may type and still find: folding and pinyin, on real names, with no Qt."""

from __future__ import annotations

import unicodedata

import pytest

from evcards.kb.model import Entity
from evcards.search.entity_filter import EntityFilter
from evcards.search.folding import fold_for_search
from evcards.search.pinyin import pinyin_readings


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("strasse", "Straße"),  # German
        ("muller", "Müller"),
        ("muller", unicodedata.normalize("NFD", "Müller")),  # decomposed accents fold alike
        ("francois l'oreal", "François L’Oréal"),  # French, curly apostrophe
        ("œuvre", "Œuvre"),
        ("oeuvre", "Œuvre"),
        ("nguyen tan dung", "Nguyễn Tấn Dũng"),  # Vietnamese tones, and đ
        ("dang", "Đặng"),
        ("lazaro bruzon", "Lázaro Bruzón"),
        ("2018-19", "2018–19"),  # en dash
        ("2018-19", "2018—19"),  # em dash
        ("-5", "−5"),  # minus sign
        ("'quoted'", "‘quoted’"),
        ('"quoted"', "“quoted”"),
        ('"quebec"', "«Québec»"),
        ("su7", "ＳＵ７"),  # full-width Latin
        ("xiaomi su7", "Xiaomi\u00a0SU7"),  # no-break space
        ("xiaomi su7", "Xiaomi\u3000 \n SU7"),  # a run of ideographic space, space and a line break
        ("zerowidth", "zero\u200bwidth"),
        ("softhyphen", "soft\u00adhyphen"),
        ("カタカナ", "ｶﾀｶﾅ"),  # half-width katakana as full width
        ("ガギグ", "ｶﾞｷﾞｸﾞ"),  # half-width voiced kana compose again
        ("すし", "すし"),
        ("한국어", "한국어"),  # Hangul survives decomposition
        ("العربية", "الْعَرَبِيَّة"),  # Arabic vowel marks are not typed
        ("احمد", "أحمد"),  # nor the hamza on alef
        ("москва", "МОСКВА"),
        ("ежик", "Ёжик"),  # Russian readers write ё as е, and the other way round
        ("семенов", "Семёнов"),
        ("αθηνα", "Αθήνα"),
        ("~", "〜"),  # wave dash and full-width tilde alike
        ("~", "～"),
    ],
)
def test_what_a_reader_types_folds_as_what_is_written(typed: str, written: str) -> None:
    assert fold_for_search(typed) == fold_for_search(written)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("カ", "ガ"),  # voicing makes another kana
        ("は", "ぱ"),
        ("한", "항"),
        ("कि", "क"),  # a Devanagari vowel sign is a letter
        ("क्ष", "कष"),  # so is the virama
        ("ก", "กุ"),  # a Thai vowel below
    ],
)
def test_marks_that_make_another_letter_are_kept(one: str, other: str) -> None:
    assert fold_for_search(one) != fold_for_search(other)


def test_hangul_and_kana_stay_composed() -> None:
    assert fold_for_search("한국어 ガ") == "한국어 ガ"
    assert unicodedata.is_normalized("NFC", fold_for_search("ｶﾞ Nguyễn"))


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("雷军", "leijun"),
        ("雷军", "lei jun"),
        ("雷军", "lj"),
        ("小米", "xiaomi"),
        ("小米SU7 Max", "xiaomi su7"),
        ("曾国藩", "zengguofan"),  # every reading of a polyphonic character: 曾 as a surname
        ("曾国藩", "cengguofan"),
        ("重庆", "chongqing"),
        ("吕布", "lubu"),
        ("吕布", "lvbu"),  # ü as IMEs type it
        ("埃隆·马斯克", "ailong masike"),  # the middle dot of a transliterated name is not typed
        ("埃隆·马斯克", "ai long ma si ke"),
        ("雷军（小米）", "leijun xiaomi"),
        ("雷-军", "lei jun"),
    ],
)
def test_pinyin_readings_of_chinese_names(name: str, typed: str) -> None:
    assert any(typed in reading for reading in pinyin_readings(name)), pinyin_readings(name)


def test_text_without_han_has_no_reading() -> None:
    assert pinyin_readings("Lei Jun") == [] and pinyin_readings("ガギ 한국") == []


def _entity(entity_id: str, name: str, **fields: object) -> Entity:
    return Entity.model_validate({"id": entity_id, "name": name, "kind": "person", "claims": [], **fields})


ENTITIES = [
    _entity("lei-jun", "Lei Jun", native_name="雷军"),
    _entity("xiaomi", "小米"),
    _entity("bruzon", "Lázaro Bruzón"),
    _entity("season", "2018–19 season"),
    _entity("su7", "SU7"),
    _entity("hyundai", "현대자동차"),
    _entity("sony", "ソニー", aliases=["ｿﾆｰ"]),
    _entity("ahmad", "أحمد"),
    _entity("oreal", "L’Oréal"),
    _entity("hedgehog", "Ёжик в тумане"),
    _entity("semenov", "Семенов"),
]


@pytest.mark.parametrize(
    ("typed", "entity_id"),
    [
        ("leijun", "lei-jun"),
        ("lei jun", "lei-jun"),
        ("Léi Jūn", "lei-jun"),
        ("雷军", "lei-jun"),
        ("xiaomi", "xiaomi"),
        ("xm", "xiaomi"),
        ("lazaro bruzon", "bruzon"),
        ("2018-19", "season"),
        ("ＳＵ７", "su7"),
        ("현대", "hyundai"),
        ("ｿﾆｰ", "sony"),
        ("ソニ", "sony"),
        ("احمد", "ahmad"),
        ("l'oreal", "oreal"),
        ("ежик", "hedgehog"),  # typed with е, written with Ё
        ("ЁЖИК В", "hedgehog"),
        ("Семёнов", "semenov"),  # typed with ё, written with е
    ],
)
def test_the_filter_finds_the_entity_as_typed(typed: str, entity_id: str) -> None:
    entity_filter = EntityFilter(ENTITIES)
    assert [entity_filter.entities[row].id for row in entity_filter.matches(typed)] == [entity_id]


def test_search_and_anchoring_fold_the_same_punctuation_alike() -> None:
    """One list of quotes, dashes and tildes for both folds: a mark the filter takes for a
    hyphen is one a quote may differ in and still be approximate, and the other way round."""
    import unicodedata

    from evcards.kb.model import QuoteSelector
    from evcards.kb.quotes import QuoteStatus, locate
    from evcards.kb.text_fold import PUNCTUATION_FOLDS, approximate_fold

    for mark, folded in PUNCTUATION_FOLDS.items():
        assert approximate_fold(mark) == folded, mark
        if unicodedata.normalize("NFKD", mark) == mark and mark != "`":  # search decomposes first (´ is an accent
            # there) and leaves ASCII text as typed but for case and spaces
            assert fold_for_search(mark) == folded, mark
    check = locate(QuoteSelector(exact="תל-אביב"), "העירייה של תל\u05beאביב")  # the Hebrew maqaf
    assert check.status is QuoteStatus.APPROXIMATE and check.differences == ("dash vs hyphen",)
    assert fold_for_search("〝小米〞") == fold_for_search('"小米"')
