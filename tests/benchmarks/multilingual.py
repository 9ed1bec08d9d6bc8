"""A deterministic multilingual knowledge base for `load_ratio_multilingual` (issue 15).

Real claim/evidence data, not English news: sources in Chinese, Japanese, Korean, Arabic,
Hebrew, Hindi, Russian, Greek, Thai, German (some with decomposed accents) and English with
emoji, line-wrapped as text files are, with zero-width spaces and soft hyphens inside words.
Each quote is a slice of the unwrapped text, of whole words (a quote that cuts a word is
only approximate), so more than half cross a line break or an
invisible character and are found only by the verbatim fold (5,848 of 10,000); 37 are only
approximate (straight quotes, ASCII for full-width punctuation, changed case) and 56 are
nowhere (a changed word, or 「 for "). Format 1, written with `generate.write`, cached like
the other generated files; the entities, summaries and statements are the English file's.
"""

from __future__ import annotations

import os
import random
import tempfile
import unicodedata
from pathlib import Path

from tests.benchmarks import generate

MULTILINGUAL_VERSION = 3
CLAIMS = 10_000
CLAIMS_PER_ENTITY = 10
CLAIMS_PER_SOURCE = 200  # 50 sources at 10,000 claims
WRAP = 72  # characters per line, as a text file wraps them (CJK: a line break between any two characters)

# language -> (writes spaces between words, names, sentences with {n} for a name and {k} for a number)
_LANGUAGES: dict[str, tuple[bool, list[str], list[str]]] = {
    "zh-Hans": (
        False,
        ["雷军", "小米", "宁德时代", "比亚迪", "蔚来汽车"],
        [
            "{n}表示，公司将在{k}年推出新的电动汽车。",
            "据报道，{n}的工厂年产能达到{k}万辆。",
            "“这是我最后一次创业，”{n}说。",
            "{n}的研发投入是行业平均水平的十倍（约{k}亿元）。",
            "分析人士认为，{n}在电池技术方面领先。\u3000",
        ],
    ),
    "ja": (
        False,
        ["トヨタ", "ソニー", "パナソニック", "本田技研工業"],
        ["{n}は{k}年に新型電池を発表した。", "「品質が第一だ」と{n}の社長は語った。", "{n}の工場では約{k}人が働いている。"],
    ),
    "ko": (
        True,
        ["현대자동차", "삼성SDI", "LG에너지솔루션"],
        [
            "{n}는 {k}년에 새로운 배터리 공장을 열었다.",
            "{n}의 대표는 “우리는 준비가 되었다”고 말했다.",
            "업계는 {n}의 성장을 주목하고 있다.",
        ],
    ),
    "ar": (
        True,
        ["شركة أرامكو", "الرئيس التنفيذي", "هيئة الطاقة"],
        [
            "قال {n} إن الشركة ستفتتح مصنعا جديدا في عام {k}.",
            "أعلنت {n} عن استثمار بقيمة {k} مليون دولار.",
            "وأكد {n} أن الطلب يفوق التوقعات.",
        ],
    ),
    "he": (
        True,
        ["החברה", "המנכ״ל", "משרד האנרגיה"],
        ["{n} הודיעה על מפעל חדש בשנת {k}.", "לדברי {n}, הביקוש גבוה מהצפוי.", "{n} השקיעה {k} מיליון דולר במחקר."],
    ),
    "hi": (
        True,
        ["टाटा मोटर्स", "महिंद्रा", "ओला इलेक्ट्रिक"],
        [
            "{n} ने कहा कि कंपनी {k} में नया कारख़ाना खोलेगी।",
            "विशेषज्ञों के अनुसार {n} की क्‍षमता बढ़ी है।",  # with a ZWJ
            "{n} ने {k} करोड़ रुपये का निवेश किया।",
        ],
    ),
    "ru": (
        True,
        ["Компания", "Генеральный директор", "Министерство энергетики"],
        [
            "{n} объявила о запуске нового завода в {k} году.",
            "«Спрос превысил ожидания», — сказал {n}.",
            "{n} инвестировала {k} млн долларов.",
        ],
    ),
    "el": (
        True,
        ["Η εταιρεία", "Ο διευθύνων σύμβουλος"],
        ["{n} ανακοίνωσε νέο εργοστάσιο το {k}.", "Σύμφωνα με {n}, η ζήτηση αυξάνεται.", "{n} επένδυσε {k} εκατομμύρια ευρώ."],
    ),
    "th": (
        True,  # Thai spaces phrases and sentences, not words: wrapped at those spaces
        ["บริษัท", "ผู้บริหาร"],
        ["{n}ประกาศเปิดโรงงานใหม่ในปี{k}", "{n}กล่าวว่าความต้องการสูงกว่าที่คาดไว้", "{n}ลงทุน{k}ล้านบาท"],
    ),
    "de": (
        True,
        ["Die Gründerin", "Der Zulieferer", "Das Unternehmen"],
        [
            "{n} kündigte für {k} eine größere Fabrik in Grünheide an.",
            "„Die Nachfrage übertrifft unsere Erwartungen“, sagte {n}.",
            "{n} investierte {k} Millionen Euro in die Batterieforschung.",
            "Laut {n} ist die Zusammenarbeit außergewöhnlich erfolgreich.",
        ],
    ),
    "en": (
        True,
        ["Lei Jun", "Xiaomi", "the founder", "the board"],
        [
            "{n} said the company’s first car would ship in {k}. 🚗",
            "“This is my last entrepreneurship,” {n} said.",
            "{n} announced an investment of {k} million dollars 👍🏽 in battery research.",
            "Analysts say {n}’s plan for 2018–19 was ambitious.",
        ],
    ),
}


def _paragraph(rng: random.Random, language: str) -> str:
    spaced, names, sentences = _LANGUAGES[language]
    glue = " " if spaced else ""
    return glue.join(rng.choice(sentences).format(n=rng.choice(names), k=rng.randint(2, 2040)) for _ in range(rng.randint(3, 6)))


def _wrapped(rng: random.Random, paragraph: str, spaced: bool, decompose: bool) -> str:
    """The paragraph as a text file has it: wrapped lines, break hints inside some words, maybe NFD."""
    lines: list[str] = []
    rest = paragraph
    while len(rest) > WRAP:
        cut = rest.rfind(" ", 0, WRAP) if spaced else WRAP
        while not spaced and cut < len(rest) and rest[cut - 1].isascii() and rest[cut].isascii():
            cut += 1  # a wrapper breaks Chinese between any two characters, but not inside "2024"
        if cut <= 0:
            cut = WRAP
        lines.append(rest[:cut])
        rest = rest[cut + 1 :] if spaced and rest[cut] == " " else rest[cut:]
    lines.append(rest)
    text = "\n".join(lines)
    out: list[str] = []
    for ch in text:
        out.append(ch)
        if ch.isalpha() and rng.random() < 0.004:
            out.append(rng.choice(["\u200b", "\u00ad"]))
    text = "".join(out)
    return unicodedata.normalize("NFD", text) if decompose else text


def _whole_words(paragraph: str, start: int, end: int, spaced: bool) -> str:
    """The slice widened to whole words, as a quote is taken: in spaced scripts from space to
    space, elsewhere not inside a number or a Latin word, nor before a combining mark."""

    def inside(at: int) -> bool:
        if at <= 0 or at >= len(paragraph):
            return False
        left, right = paragraph[at - 1], paragraph[at]
        if unicodedata.category(right)[0] == "M" or "\u200d" in (left, right) or "\U0001f3fb" <= right <= "\U0001f3ff":
            return True  # a mark, a joiner or a skin tone belongs to its character
        if not spaced:
            return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()
        return (left.isalnum() or unicodedata.category(left)[0] == "M") and right.isalnum()  # a Devanagari vowel sign ends no word

    while inside(start):
        start -= 1
    while inside(end):
        end += 1
    return paragraph[start:end]


def _approximate(rng: random.Random, quote: str) -> str | None:
    """The quote as a careless copy would have it: only approximately in the source."""
    for old, new in (("’", "'"), ("“", '"'), ("”", '"'), ("，", ","), ("。", "."), ("–", "-"), ("「", '"')):
        if old in quote:
            return quote.replace(old, new)
    if quote.lower() != quote:
        return quote.upper()
    return None


def _missing(rng: random.Random, quote: str) -> str:
    middle = len(quote) // 2
    return quote[:middle] + "".join(rng.choice("xyzqw") for _ in range(6)) + quote[middle + 3 :]


def build(n_claims: int = CLAIMS, seed: int = generate.SEED) -> tuple[dict, dict[str, str]]:
    rng = random.Random(seed)
    n_sources = max(2, n_claims // CLAIMS_PER_SOURCE)
    languages = list(_LANGUAGES)
    sources: list[dict] = []
    texts: dict[str, str] = {}
    clean: list[tuple[str, list[str], bool]] = []  # each source's id and its paragraphs as written, unwrapped
    for s in range(n_sources):
        language = languages[s % len(languages)]
        spaced = _LANGUAGES[language][0]
        paragraphs = [_paragraph(rng, language) for _ in range(rng.randint(15, 40))]
        decompose = language == "de" and s % 2 == 0
        file_name = f"sources/ml-{s:04d}.txt"
        texts[file_name] = "\n\n".join(_wrapped(rng, p, spaced, decompose) for p in paragraphs) + "\n"
        source_id = f"ml-{s:04d}"
        sources.append({"id": source_id, "title": f"Source {s + 1} ({language})", "text_file": file_name, "language": language})
        clean.append((source_id, paragraphs, spaced))

    # The entities, summaries, statements and relations of the English benchmark file, so that
    # the JSON has the same shape (and json.loads the same work per claim); only quotes differ.
    kb, _ = generate.build(n_claims // CLAIMS_PER_ENTITY, CLAIMS_PER_ENTITY, n_sources=1, seed=seed)
    for entity in kb["entities"]:
        source_id, paragraphs, spaced = clean[rng.randrange(n_sources)]
        for claim in entity["claims"]:
            paragraph = rng.choice(paragraphs)
            length = rng.randint(15, 90)
            start = rng.randrange(0, max(1, len(paragraph) - length))
            quote = _whole_words(paragraph, start, start + length, spaced).strip()
            roll = rng.random()
            if roll < 0.01:
                quote = _approximate(rng, quote) or quote
            elif roll < 0.013:
                quote = _missing(rng, quote)
            claim["quote"], claim["source"] = quote, source_id
    kb.update(title=f"Synthetic multilingual knowledge base ({n_claims} claims)", sources=sources)
    return kb, texts


def generate_multilingual(n_claims: int = CLAIMS, seed: int = generate.SEED) -> Path:
    """The JSON file of the multilingual knowledge base, written once and then reused."""
    key = f"evcards-bench-multilingual-v{MULTILINGUAL_VERSION}-{n_claims}-seed{seed}"
    folder = Path(os.environ.get("EVCARDS_BENCH_CACHE", tempfile.gettempdir())) / key
    path = folder / generate.KB_FILE
    if path.is_file():
        return path
    kb, texts = build(n_claims, seed)
    return generate.write(folder, kb, texts)


if __name__ == "__main__":
    print(generate_multilingual())
