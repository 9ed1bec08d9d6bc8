"""The quote box's content, without Qt: the quote among a few words of its source, and the
marks that show what differs from the source."""

from __future__ import annotations

from evcards.card.quote_view import LINE_BREAK, Piece, context, quote_pieces
from evcards.kb.quotes import locate

ARTICLE = (
    "Xiaomi was founded in Beijing in 2010 by a group of engineers.\n\n"
    "Years later the company's founder, Lei Jun, is known for long keynotes and for his\n"
    "last entrepreneurship, the car maker Xiaomi EV.\n"
)


def _line(pieces: tuple[Piece, ...]) -> str:
    return "".join(piece.text for piece in pieces)


def test_a_quote_shows_a_few_words_either_side_dimmed_with_an_ellipsis_where_the_paragraph_goes_on() -> None:
    start = ARTICLE.index("Lei Jun")
    assert context(ARTICLE, start, start + len("Lei Jun")) == (
        "Years later the company's founder, ",  # the paragraph starts there: no ellipsis
        ", is known for long keynotes …",
    )
    pieces = quote_pieces("Lei Jun", locate("Lei Jun", ARTICLE), ARTICLE)
    assert _line(pieces) == "Years later the company's founder, “Lei Jun”, is known for long keynotes …"
    assert [piece.style for piece in pieces] == ["quote_context", "quote", "quote", "quote", "quote_context"]


def test_context_stops_at_the_paragraph_and_at_the_ends_of_the_text() -> None:
    start = ARTICLE.index("Years")
    before, after = context(ARTICLE, start, start + len("Years later"))
    assert before == ""  # the paragraph starts with the quote: nothing before it, no ellipsis
    assert after == " the company's founder, Lei Jun, is …"
    end = ARTICLE.index(" EV.") + len(" EV.")
    assert context(ARTICLE, end - 2, end)[1] == ""


def test_chinese_context_is_thirty_characters_either_side() -> None:
    text = "小米科技有限责任公司成立于二零一零年四月，是一家专注于智能硬件和电子产品研发的全球化移动互联网企业，创始人雷军表示公司将继续投入研发，同时也是一家专注于高端智能手机、互联网电视以及智能家居生态链建设的创新型科技企业。"
    start = text.index("雷军")
    before, after = context(text, start, start + 2)
    assert before == "… " + text[start - 30 : start] and after == text[start + 2 : start + 32] + " …"


def test_an_approximate_quote_marks_the_differing_characters_on_both_lines() -> None:
    check = locate("Lei Jun's keynotes", "The founder Lei Jun’s keynotes are long.")
    pieces = quote_pieces("Lei Jun's keynotes", check, "The founder Lei Jun’s keynotes are long.")
    assert [p.text for p in pieces if p.style == "quote_diff"] == ["'", "’"]
    line_break = pieces.index(Piece(LINE_BREAK, "muted"))
    assert _line(pieces[:line_break]) == "“Lei Jun's keynotes”"
    assert _line(pieces[line_break + 1 :]) == "the source says: The founder “Lei Jun’s keynotes” are long."


def test_a_missing_joiner_is_named_where_it_is_marked() -> None:
    source = "कहा कि क्\u200dष नया"
    pieces = quote_pieces("क्ष नया", locate("क्ष नया", source), source)
    assert [p.text for p in pieces if p.style == "quote_diff"] == ["⟨ZWJ⟩"]


def test_a_missing_quote_shows_the_closest_passage_with_its_similarity() -> None:
    quote = "Lei Jun is famous for short keynotes"
    pieces = quote_pieces(quote, locate(quote, ARTICLE), ARTICLE)
    text = _line(pieces)
    assert text.startswith("“Lei Jun is famous for short keynotes”\n")
    assert (
        "\nclosest passage in the source (76 % similar): Years later the company's founder, “Lei Jun, is known for long keynotes”" in text
    )
    quote_line = pieces[: pieces.index(Piece(LINE_BREAK, "muted"))]
    marked = "".join(p.text for p in quote_line if p.style == "quote_diff")
    assert marked and set(marked) <= set("famous short")  # "Lei Jun", "for" and "keynotes" are in the source
    assert quote_line[1].text.startswith("Lei Jun") and quote_line[1].style == "quote"


def test_without_a_source_text_the_box_holds_only_the_quote() -> None:
    assert quote_pieces("Lei Jun", locate("Lei Jun", "Lei Jun"), None) == (Piece("“Lei Jun”", "quote"),)
