"""Anchoring quotes in real-world text: what counts as verbatim, what as approximate (and what
the check says differs), and what a quote that is nowhere gets (the closest passage)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evcards.kb.model import QuoteSelector
from evcards.kb.quote_diff import DiffPart, char_diff, difference_kinds
from evcards.kb.quotes import QuoteStatus, locate


def verbatim(quote: str | QuoteSelector, source: str) -> str:
    """The span of `source` the quote is verified at, or the test fails."""
    check = locate(quote, source)
    assert check.status is QuoteStatus.VERIFIED, check
    assert check.start is not None and check.end is not None
    return source[check.start : check.end]


def test_an_english_quote_across_a_line_break_is_verbatim_and_its_span_covers_the_break() -> None:
    source = "The company's founder, Lei\nJun, is known for his\r\nlong keynotes."
    assert verbatim("Lei Jun, is known for his long keynotes", source) == "Lei\nJun, is known for his\r\nlong keynotes"


def test_german_with_decomposed_accents_and_a_wrapped_line_is_verbatim() -> None:
    source = unicodedata.normalize("NFD", "Der Gründer sagte,\ndie Größe der Fabrik sei außergewöhnlich.")
    quote = "die Größe der Fabrik sei außergewöhnlich"  # NFC, as typed
    span = verbatim(quote, source)
    assert unicodedata.normalize("NFC", span) == quote and span.startswith("die") and span.endswith("h")


def test_soft_hyphens_and_zero_width_spaces_are_ignored() -> None:
    source = "Die Zusammen\u00adarbeit be\u00adgann 2019.\u200b Danach\u200bkam\u2060mehr.\ufeff"
    assert verbatim("Zusammenarbeit begann 2019.", source) == "Zusammen\u00adarbeit be\u00adgann 2019."
    assert verbatim("Danachkammehr.", source) == "Danach\u200bkam\u2060mehr."


def test_nbsp_ideographic_and_other_spaces_are_one_space() -> None:
    source = "Price:\u00a0100\u202fEUR, said\u3000Lei\u2003Jun"
    assert verbatim("Price: 100 EUR, said Lei Jun", source) == source


def test_wrapped_chinese_gets_no_space_where_the_line_broke() -> None:
    source = "小米公司的创始人雷军\n是一位企业家。他说：\u3000“这是我最后一次创业。”"
    assert verbatim("创始人雷军是一位企业家", source) == "创始人雷军\n是一位企业家"
    assert verbatim("他说： “这是", source) == "他说：\u3000“这是"


def test_chinese_with_ascii_punctuation_for_full_width_is_approximate() -> None:
    source = "雷军表示，小米汽车将于2024年（明年）上市。"
    check = locate("雷军表示,小米汽车将于2024年(明年)上市", source)
    assert check.status is QuoteStatus.APPROXIMATE
    assert check.actual == "雷军表示，小米汽车将于2024年（明年）上市"
    assert check.differences == ("full-width vs ASCII",)
    quote_side = [text for kind, text in char_diff("雷军表示,小米汽车将于2024年(明年)上市", check.actual) if kind == "quote"]
    assert quote_side == [",", "(", ")"]


PRICE_SOURCE = "据介绍，小米SU7标准版售价为21.59万元，\nPro版售价为24.59万元。"


@pytest.mark.parametrize(
    ("quote", "kinds"),
    [
        ("21.59万元,Pro版", ("full-width vs ASCII",)),
        ("21.59万元, Pro版", ("full-width vs ASCII", "spacing")),  # as most people retype it
        ("21.59万元 , Pro版", ("full-width vs ASCII", "spacing")),
        ("21.59万元,\tPro版", ("full-width vs ASCII", "spacing")),
    ],
)
def test_a_comma_retyped_on_an_english_keyboard_is_approximate_with_or_without_its_space(quote: str, kinds: tuple[str, ...]) -> None:
    check = locate(quote, PRICE_SOURCE)
    assert check.status is QuoteStatus.APPROXIMATE, check
    assert check.actual == "21.59万元，\nPro版"
    assert check.differences == kinds


def test_a_space_after_a_full_width_comma_stays_verbatim_and_a_space_in_a_word_still_differs() -> None:
    assert verbatim("21.59万元， Pro版", PRICE_SOURCE) == "21.59万元，\nPro版"
    # A source that has the space: the quote without it is approximate (never verbatim), and the
    # span found in the folded text maps back over the space to the source's own characters.
    source = "😀 售价为21.59万元, Pro版售价为24.59万元。"
    check = locate("21.59万元,Pro版售价", source)
    assert check.status is QuoteStatus.APPROXIMATE and check.differences == ("spacing",)
    assert check.start is not None and source[check.start : check.end] == check.actual == "21.59万元, Pro版售价"
    assert locate("21.59万元，P ro版", PRICE_SOURCE).status is QuoteStatus.NOT_FOUND
    # Between Latin words the space after a comma is a word break, as before: no Chinese beside it.
    assert locate("Lei Jun,founder", "Lei Jun, founder of Xiaomi").status is QuoteStatus.NOT_FOUND
    assert locate("Lei Jun, founder", "Lei Jun,founder of Xiaomi").status is QuoteStatus.NOT_FOUND


@pytest.mark.parametrize("quote", ["“交付能力”仍有待观察", '"交付能力"仍有待观察', "『交付能力』仍有待观察", "“交付能力” 仍有待观察"])
def test_quotation_marks_for_corner_brackets_are_approximate(quote: str) -> None:
    source = "不过，「交付能力」仍有待观察。"
    check = locate(quote, source)
    assert check.status is QuoteStatus.APPROXIMATE, check
    assert check.actual == "「交付能力」仍有待观察"
    assert check.differences == ("corner brackets vs quotation marks",)
    assert [text for kind, text in char_diff(quote, check.actual) if kind == "source"] == ["「", "」"]


@pytest.mark.parametrize(
    ("quote", "kinds"),
    [
        ("他说：‘这就是“交付能力”。’", ("corner brackets vs quotation marks",)),  # the mainland's convention
        ("他说：“这就是‘交付能力’。”", ("corner brackets vs quotation marks",)),
        ("他说：“这就是“交付能力”。”", ("corner brackets vs quotation marks",)),
    ],
)
def test_inner_and_outer_corner_brackets_match_any_quotation_marks(quote: str, kinds: tuple[str, ...]) -> None:
    check = locate(quote, "他说：「这就是『交付能力』。」《交付能力》一书")
    assert check.status is QuoteStatus.APPROXIMATE, check
    assert check.actual == "他说：「这就是『交付能力』。」" and check.differences == kinds


def test_single_for_double_quotation_marks_beside_chinese_is_approximate_and_title_marks_are_not_quotation_marks() -> None:
    check = locate("不过，‘交付能力’仍有待观察", "不过，“交付能力”仍有待观察。")
    assert check.status is QuoteStatus.APPROXIMATE and check.differences == ("single vs double quotation marks",)
    assert locate("“交付能力”一书", "《交付能力》一书").status is QuoteStatus.NOT_FOUND  # 《》 name a book
    # Between Latin letters a quote mark is an apostrophe: not a double quotation mark.
    assert locate('Lei Jun"s', "Lei Jun’s company").status is QuoteStatus.NOT_FOUND
    assert locate("雷军说“Lei Jun's”", "雷军说「Lei Jun's」").status is QuoteStatus.APPROXIMATE


def test_arabic_across_a_line_break_is_verbatim_and_presentation_forms_are_approximate() -> None:
    source = "قال الرئيس التنفيذي\nإن الشركة ستفتتح مصنعا جديدا."
    assert verbatim("التنفيذي إن الشركة", source) == "التنفيذي\nإن الشركة"
    pdf_copy = "\ufed7\ufe8e\ufedd"  # "قال" as presentation forms, as copied out of some PDFs
    check = locate(pdf_copy + " الرئيس", source)
    assert check.status is QuoteStatus.APPROXIMATE and check.actual == "قال الرئيس"
    assert check.differences == ("Arabic presentation forms",)


def test_hindi_zero_width_joiners_are_not_ignored_but_are_named() -> None:
    source = "उन्होंने कहा कि क्\u200dष\u200cत्र नया है।"
    check = locate("कहा कि क्षत्र नया", source)
    assert check.status is QuoteStatus.APPROXIMATE
    assert check.actual == "कहा कि क्\u200dष\u200cत्र नया"
    assert check.differences == ("invisible joiners, direction marks or variation selectors",)
    assert [text for kind, text in char_diff("कहा कि क्षत्र नया", check.actual) if kind != "same"] == ["\u200d", "\u200c"]
    assert check.note is not None and "कहा कि क्[→⟨ZWJ⟩]ष[→⟨ZWNJ⟩]त्र नया" in check.note
    assert verbatim("क्\u200dष\u200cत्र", source) == "क्\u200dष\u200cत्र"  # with its joiners, it is verbatim


def test_offsets_count_code_points_after_emoji_and_cjk_extension_b() -> None:
    source = "👍🏽😀 𠀀𠮷 family 👨\u200d👩\u200d👧: Lei\nJun said it."
    check = locate("Lei Jun said", source)
    assert check.status is QuoteStatus.VERIFIED
    assert check.start == source.index("Lei") and check.end == source.index(" it.")


def test_a_straight_apostrophe_for_a_curly_one_marks_exactly_the_apostrophe() -> None:
    check = locate("Lei Jun's", "The founder, Lei Jun’s company.")
    assert check.status is QuoteStatus.APPROXIMATE and check.actual == "Lei Jun’s"
    assert check.differences == ("curly vs straight apostrophe",)
    assert check.note == "differs from the source in curly vs straight apostrophe: Lei Jun['→’]s; the source says: “Lei Jun’s”"
    assert char_diff("Lei Jun's", "Lei Jun’s") == (
        DiffPart("same", "Lei Jun"),
        DiffPart("quote", "'"),
        DiffPart("source", "’"),
        DiffPart("same", "s"),
    )


@pytest.mark.parametrize(
    ("quote", "source", "kinds", "marked"),
    [
        ("the 2018-19 season", "In the 2018–19 season", ("dash vs hyphen",), ["-"]),
        ("LEI JUN said", "Lei Jun said so", ("letter case",), ["EI", "UN"]),
        ('he said "yes"', "he said “yes”", ("curly vs straight quotation marks",), ['"', '"']),
        ("ＡＢＣ Motors", "ABC Motors", ("full-width vs ASCII",), ["ＡＢＣ"]),
        ("the ﬁrst ofﬁce", "the first office", ("compatibility characters (ligatures, superscripts...)",), ["ﬁ", "ﬁ"]),
        ("Lei Jun’S", "Lei Jun's", ("curly vs straight apostrophe", "letter case"), ["’S"]),
        ("～100 km", "〜100 km", ("wave dash vs tilde",), ["～"]),
    ],
)
def test_approximate_quotes_say_what_differs_and_mark_only_that(quote: str, source: str, kinds: tuple[str, ...], marked: list[str]) -> None:
    check = locate(quote, source)
    assert check.status is QuoteStatus.APPROXIMATE
    assert check.differences == kinds
    assert check.actual is not None
    assert [text for kind, text in char_diff(quote, check.actual) if kind == "quote"] == marked


def test_a_quote_that_is_nowhere_gets_the_closest_passage_and_its_similarity() -> None:
    source = "Xiaomi was founded in 2010. Lei Jun founded Xiaomi with seven partners. It makes phones.\n"
    check = locate("Lei Jon founded Xiaomy with 7 partners", source)
    assert check.status is QuoteStatus.NOT_FOUND and check.start is None
    assert check.closest is not None
    assert check.closest.text == "Lei Jun founded Xiaomi with seven partners."
    assert source[check.closest.start : check.closest.end] == check.closest.text
    assert 70 < check.closest.similarity < 100
    assert check.note is not None
    assert f"closest passage: “Lei Jun founded Xiaomi with seven partners.” ({check.closest.similarity:.0f} % similar)" in check.note
    kinds = difference_kinds(char_diff("Lei Jon founded Xiaomy with 7 partners", check.closest.text))
    assert "different text" in kinds


def test_the_closest_passage_is_mapped_back_across_line_breaks_and_emoji() -> None:
    source = "😀😀 Intro.\n\nThe factory in\nBeijing builds 150,000 cars a year.\n"
    check = locate("The factory in Beijing built 150,000 cars per year", source)
    assert check.closest is not None
    assert check.closest.text.startswith("The factory in\nBeijing") and "a year" in check.closest.text


def test_prefix_and_suffix_are_compared_under_the_verbatim_fold() -> None:
    source = "Lei Jun said.\nLei Jun founded Xiaomi. Then\u00a0Lei Jun\nfounded Shunwei."
    selector = QuoteSelector(exact="Lei Jun founded", prefix="Then ", suffix=" Shunwei")
    check = locate(selector, source)
    assert check.status is QuoteStatus.VERIFIED
    assert check.start == source.index("Lei Jun\nfounded")
    selector = QuoteSelector(exact="Lei Jun founded", prefix="nowhere ")
    check = locate(selector, source)
    assert check.status is QuoteStatus.APPROXIMATE and check.note == "the quote is in the source, but not with the given prefix/suffix"


def test_a_start_hint_picks_the_occurrence_found_under_the_verbatim_fold() -> None:
    source = "Lei\nJun spoke. Later Lei\nJun spoke again."
    second = source.index("Lei", 1)
    check = locate(QuoteSelector(exact="Lei Jun spoke", start=second), source)
    assert check.status is QuoteStatus.VERIFIED and check.start == second
    check = locate(QuoteSelector(exact="Lei Jun spoke", start=7), source)  # a stale hint: the first occurrence
    assert check.status is QuoteStatus.VERIFIED and check.start == 0


WORDS = st.sampled_from(["Lei", "Jun", "Xiaomi", "小米", "Größe", "قال", "कहा", "😀", "𠀀", "2010,", "“fast”"])
SPACES = st.sampled_from([" ", "\n", "\r\n", " \n ", "\u00a0", "\u3000", "\u2028", "\t", " \u200b"])
AROUND = st.sampled_from(["alpha", "beta", "甲乙", "Straße", "🚗🚗"])  # never part of a quote
INVISIBLE = st.sampled_from(["\u200b", "\u00ad", "\u2060", "\ufeff"])


@settings(max_examples=150, deadline=None)
@given(
    before=st.lists(AROUND, max_size=4),
    quoted=st.lists(WORDS, min_size=1, max_size=6),
    after=st.lists(AROUND, max_size=4),
    data=st.data(),
)
def test_breaks_and_invisible_characters_in_the_source_keep_a_quote_verbatim(
    before: list[str], quoted: list[str], after: list[str], data: st.DataObject
) -> None:
    """The source is the quote's words with any white space between them and break hints inside
    them; the span covers exactly the quote's characters, from its first to its last."""

    def noisy(word: str) -> str:
        cut = data.draw(st.integers(0, len(word)))
        return word[:cut] + data.draw(st.sampled_from(["", "", *["\u200b", "\u00ad"]])) + word[cut:]

    middle = noisy(quoted[0])
    for word in quoted[1:]:
        middle += data.draw(SPACES) + noisy(word)
    head = " ".join(before) + data.draw(SPACES) if before else ""
    tail = data.draw(SPACES) + " ".join(after) if after else ""
    source = head + data.draw(INVISIBLE) + middle + data.draw(INVISIBLE) + tail
    quote = " ".join(quoted)
    check = locate(quote, source)
    assert check.status is QuoteStatus.VERIFIED, (quote, source)
    assert check.start is not None and check.end is not None
    if quote not in source:  # found by folding: the span is the noisy middle, without break hints at its ends
        start = len(head) + 1 + len(middle) - len(middle.lstrip("\u200b\u00ad"))
        assert (check.start, check.end) == (start, start + len(middle.strip("\u200b\u00ad")))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZß İŉΣσς ÄÖü’'“”–—-~〜～雷Ｌ，ﬁ\u200d\u0301ｶﾞ가"), max_size=20))
def test_a_text_folds_as_its_characters_fold(text: str) -> None:
    """Whole texts are folded by a faster path than character by character: the two agree."""
    from evcards.kb.text_fold import approximate_fold, fold_character

    by_character = unicodedata.normalize("NFC", "".join(fold_character(ch) for ch in text))
    assert approximate_fold(text) == by_character


def test_every_character_python_calls_white_space_is_folded_as_one() -> None:
    from evcards.kb.text_fold import OTHER_SPACES

    assert {chr(c) for c in range(0x110000) if chr(c).isspace() and c != 0x20} <= set(OTHER_SPACES)
    for space in OTHER_SPACES:
        assert verbatim("Lei Jun said", f"Lei{space}Jun said") == f"Lei{space}Jun said"
