"""Deterministic synthetic knowledge bases for the benchmarks: same seed, same bytes, every run.

The data looks like an analyst's real file, because speed depends on shape: people (many with a
Chinese name and an alias in Han characters), companies, products and places; summaries; ten
claims per entity whose quotes are verbatim slices of generated articles of 5-20 KB, from many
sources. Most quotes are TextQuoteSelector objects with a `start` hint, some are plain strings
(so both loader paths run), a few carry curly apostrophes, and one claim in ~2,000 is only
approximate (a straight apostrophe where the source has a curly one), as happens in real files.

Generated folders are cached in the temporary directory, keyed by entity count, claims per
entity, seed and `GENERATOR_VERSION`; bump the version whenever the output changes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
SEED = 20240405
SIZES: dict[str, int] = {"S": 100, "M": 2_000, "L": 20_000}
FILTER_ENTITIES = 100_000
FILTER_CLAIMS_PER_ENTITY = 2
FILTER_SOURCES = 500
CLAIMS_PER_ENTITY = 10
LONG_CARD_CLAIMS = 60
LONG_ENTITY_ID = "long-card-entity"
KB_FILE = "kb.json"
ENTITIES_PER_SOURCE = 20

_SURNAMES = [
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Huang", "黄"),
    ("Zhao", "赵"),
    ("Wu", "吴"),
    ("Zhou", "周"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Ma", "马"),
    ("Zhu", "朱"),
    ("Hu", "胡"),
    ("Guo", "郭"),
    ("He", "何"),
    ("Lin", "林"),
    ("Luo", "罗"),
    ("Lei", "雷"),
    ("Gao", "高"),
    ("Zheng", "郑"),
    ("Liang", "梁"),
    ("Xie", "谢"),
    ("Song", "宋"),
    ("Tang", "唐"),
    ("Han", "韩"),
    ("Feng", "冯"),
    ("Deng", "邓"),
    ("Cao", "曹"),
]
_GIVEN = [
    ("Jun", "军"),
    ("Wei", "伟"),
    ("Bin", "斌"),
    ("Fang", "芳"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Qiang", "强"),
    ("Lei", "磊"),
    ("Yang", "洋"),
    ("Yong", "勇"),
    ("Jie", "杰"),
    ("Tao", "涛"),
    ("Ming", "明"),
    ("Chao", "超"),
    ("Hua", "华"),
    ("Ping", "平"),
    ("Gang", "刚"),
    ("Hui", "慧"),
    ("Xiaopeng", "小鹏"),
    ("Chuanfu", "传福"),
    ("Shufu", "书福"),
    ("Bin", "彬"),
    ("Yu", "宇"),
    ("Hao", "浩"),
    ("Xin", "鑫"),
    ("Lan", "兰"),
    ("Kai", "凯"),
    ("Rui", "瑞"),
    ("Ning", "宁"),
    ("Zhiwei", "志伟"),
    ("Jianguo", "建国"),
    ("Xiaoming", "晓明"),
    ("Yifan", "一帆"),
    ("Haoran", "浩然"),
]
_WESTERN_FIRST = [
    "Anna",
    "Martin",
    "Sofia",
    "James",
    "Elena",
    "Thomas",
    "Maria",
    "David",
    "Laura",
    "Peter",
    "Clara",
    "Lukas",
    "Emma",
    "Daniel",
    "Julia",
    "Robert",
    "Nadia",
    "Oliver",
    "Ingrid",
    "Marco",
    "Chloé",
    "René",
    "Zoë",
    "Jürgen",
    "Søren",
    "Ana",
    "Hugo",
    "Lea",
    "Mateo",
    "Sarah",
]
_WESTERN_LAST = [
    "Schmidt",
    "Müller",
    "Rossi",
    "García",
    "Martin",
    "Johnson",
    "Novak",
    "Andersen",
    "Dubois",
    "Kowalski",
    "Silva",
    "Fischer",
    "Moreau",
    "Bianchi",
    "Lindqvist",
    "O’Brien",
    "Okafor",
    "Nakamura",
    "Petrov",
    "Weber",
    "Hernández",
    "Larsen",
    "Kim",
    "Park",
    "Sato",
    "Bauer",
    "Costa",
]
_CITIES = [
    ("Hangzhou", "杭州"),
    ("Shenzhen", "深圳"),
    ("Shanghai", "上海"),
    ("Beijing", "北京"),
    ("Hefei", "合肥"),
    ("Guangzhou", "广州"),
    ("Wuhan", "武汉"),
    ("Chongqing", "重庆"),
    ("Changsha", "长沙"),
    ("Ningde", "宁德"),
    ("Xi’an", "西安"),
    ("Suzhou", "苏州"),
    ("Tianjin", "天津"),
    ("Chengdu", "成都"),
    ("Nanjing", "南京"),
]
_WESTERN_PLACES = [
    "Stuttgart",
    "Munich",
    "Gothenburg",
    "Austin",
    "Fremont",
    "Turin",
    "Lyon",
    "Wolfsburg",
    "Detroit",
    "Oslo",
    "Grünheide",
    "Kraków",
    "Valencia",
    "Leipzig",
    "Seoul",
    "Nagoya",
    "Bangalore",
    "Eindhoven",
]
_FIELDS = [
    ("Battery", "电池"),
    ("Motor", "汽车"),
    ("Automotive", "汽车"),
    ("Smart Mobility", "智能出行"),
    ("Electric", "电动"),
    ("New Energy", "新能源"),
    ("Semiconductor", "半导体"),
    ("Charging", "充电"),
    ("Autonomous Driving", "自动驾驶"),
    ("Lithium", "锂业"),
    ("Robotics", "机器人"),
    ("Software", "软件"),
]
_SUFFIXES = [
    ("Technology", "科技"),
    ("Group", "集团"),
    ("Holdings", "控股"),
    ("Industries", "工业"),
    ("Co., Ltd.", "有限公司"),
    ("Systems", "系统"),
    ("Motors", "汽车"),
    ("Labs", "实验室"),
]
_BRAND_WORDS = [
    "Aurora",
    "Nova",
    "Vela",
    "Orion",
    "Lumen",
    "Zephyr",
    "Atlas",
    "Helix",
    "Kestrel",
    "Solace",
    "Vector",
    "Polar",
    "Meridian",
    "Quanta",
    "Arc",
    "Tempo",
    "Halo",
    "Stratus",
    "Ember",
    "Volt",
]
_MODEL_TRIMS = ["", " Pro", " Max", " Ultra", " Sport", " Long Range", " Performance", " Lite"]
_OTHER_KINDS = ["event", "regulator", "research-group", "standard"]

_SUBJECTS = [
    "The company",
    "The carmaker",
    "The battery maker",
    "Analysts",
    "The founder",
    "The board",
    "Investors",
    "The startup",
    "Regulators",
    "Industry observers",
    "The supplier",
    "Its engineers",
]
_VERBS = [
    "announced",
    "confirmed",
    "reported",
    "estimated",
    "denied",
    "expected",
    "revealed",
    "disclosed",
    "argued",
    "said",
    "projected",
    "acknowledged",
    "promised",
    "warned",
    "suggested",
]
_OBJECTS = [
    "a new production line",
    "record deliveries",
    "a partnership with a chip supplier",
    "lower battery costs",
    "an expansion into Europe",
    "a delay of the launch",
    "higher margins",
    "a recall of early units",
    "a solid-state battery prototype",
    "a price cut across the range",
    "an investment of over $1.4 billion",
    "a team of 3,400 engineers",
    "a charging network",
    "new driver-assistance software",
    "a factory with an annual capacity of 150,000 cars",
]
_TAILS = [
    "in the third quarter",
    "ahead of schedule",
    "despite supply constraints",
    "after months of testing",
    "according to people familiar with the matter",
    "in a statement on Tuesday",
    "at the Shanghai auto show",
    "for the domestic market",
    "as competition intensifies",
    "following regulatory approval",
]
_QUOTED = [
    "“We are not just dipping our toes but diving headfirst,”",
    "“This is my last entrepreneurship,”",
    "“Demand has exceeded our expectations,”",
    "“The development cost is tenfold the industry average,”",
    "“We will deliver on time,”",
]


@dataclass(frozen=True, slots=True)
class _Named:
    name: str
    kind: str
    native_name: str | None
    aliases: tuple[str, ...]


def cache_dir(n_entities: int, claims_per_entity: int, n_sources: int, seed: int) -> Path:
    """Where a generated knowledge base lives; the key changes whenever the output would."""
    key = f"evcards-bench-v{GENERATOR_VERSION}-{n_entities}x{claims_per_entity}-{n_sources}src-seed{seed}"
    return Path(os.environ.get("EVCARDS_BENCH_CACHE", tempfile.gettempdir())) / key


def _slug(text: str) -> str:
    out = []
    for ch in text.lower():
        out.append(ch if ("a" <= ch <= "z" or "0" <= ch <= "9") else "-")
    return "-".join(part for part in "".join(out).split("-") if part) or "entity"


def _person(rng: random.Random) -> _Named:
    if rng.random() < 0.55:
        (sur, sur_han), (given, given_han) = rng.choice(_SURNAMES), rng.choice(_GIVEN)
        if rng.random() < 0.4:
            (given2, given2_han) = rng.choice(_GIVEN)
            given, given_han = given + given2.lower(), given_han + given2_han
        aliases = [sur] if rng.random() < 0.5 else []
        if rng.random() < 0.3:
            aliases.append(f"{sur_han}总")
        return _Named(f"{sur} {given}", "person", sur_han + given_han, tuple(aliases))
    first, last = rng.choice(_WESTERN_FIRST), rng.choice(_WESTERN_LAST)
    aliases = (last,) if rng.random() < 0.3 else ()
    return _Named(f"{first} {last}", "person", None, aliases)


def _organization(rng: random.Random) -> _Named:
    if rng.random() < 0.6:
        (city, city_han), (field, field_han), (suffix, suffix_han) = rng.choice(_CITIES), rng.choice(_FIELDS), rng.choice(_SUFFIXES)
        name = f"{city} {field} {suffix}"
        acronym = "".join(word[0] for word in name.replace(",", "").split() if word[0].isupper())
        aliases = [acronym]
        if rng.random() < 0.5:
            aliases.append(city_han + field_han)
        return _Named(name, "organization", city_han + field_han + suffix_han, tuple(aliases))
    brand, (field, _), (suffix, _) = rng.choice(_BRAND_WORDS), rng.choice(_FIELDS), rng.choice(_SUFFIXES)
    return _Named(f"{brand} {field} {suffix}", "organization", None, (brand,) if rng.random() < 0.5 else ())


def _product(rng: random.Random) -> _Named:
    brand = rng.choice(_BRAND_WORDS)
    model = f"{rng.choice('ESXQLGM')}{rng.randint(1, 99)}{rng.choice(_MODEL_TRIMS)}"
    native = f"{brand}{model}" if rng.random() < 0.15 else None
    return _Named(f"{brand} {model}", "product", native, (model,) if rng.random() < 0.4 else ())


def _place(rng: random.Random) -> _Named:
    if rng.random() < 0.5:
        city, han = rng.choice(_CITIES)
        what, what_han = rng.choice([("Gigafactory", "超级工厂"), ("Industrial Park", "工业园"), ("Test Track", "试验场")])
        return _Named(f"{city} {what}", "place", han + what_han, (han,))
    place = rng.choice(_WESTERN_PLACES)
    return _Named(f"{place} {rng.choice(['Plant', 'Campus', 'Research Centre', 'Proving Ground'])}", "place", None, ())


def _named(rng: random.Random) -> _Named:
    roll = rng.random()
    if roll < 0.4:
        return _person(rng)
    if roll < 0.7:
        return _organization(rng)
    if roll < 0.9:
        return _product(rng)
    if roll < 0.97:
        return _place(rng)
    return _Named(
        f"{rng.choice(_BRAND_WORDS)} {rng.choice(['Summit', 'Directive', 'Consortium', 'Standard'])} {rng.randint(2015, 2030)}",
        rng.choice(_OTHER_KINDS),
        None,
        (),
    )


def _sentence(rng: random.Random, names: list[str]) -> str:
    roll = rng.random()
    if roll < 0.08:
        return f"{rng.choice(_QUOTED)} {rng.choice(names)} said {rng.choice(_TAILS)}."
    if roll < 0.16:
        return f"{rng.choice(names)}’s {rng.choice(['plan', 'bet', 'strategy', 'roadmap'])} includes {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."
    subject = rng.choice(names) if roll < 0.6 else rng.choice(_SUBJECTS)
    number = f" of {rng.randint(2, 950)},{rng.randint(100, 999)} units" if rng.random() < 0.2 else ""
    return f"{subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{number} {rng.choice(_TAILS)}."


def _article(rng: random.Random, names: list[str]) -> str:
    """One source text of 5-20 KB: paragraphs of news-like sentences about the given names."""
    target = rng.randint(5_000, 20_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        paragraph = " ".join(_sentence(rng, names) for _ in range(rng.randint(3, 7)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def _quote_slice(rng: random.Random, text: str) -> tuple[int, str]:
    """A verbatim slice of 40-160 code points that starts and ends on a word boundary."""
    start = rng.randrange(0, max(1, len(text) - 200))
    start = text.find(" ", start) + 1
    end = text.rfind(" ", start, start + rng.randint(40, 160))
    if end <= start:
        end = start + 40
    return start, text[start:end].strip()


def _statement(rng: random.Random, entity: _Named) -> str:
    return f"{entity.name} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."


def _claim(rng: random.Random, entity: _Named, source_id: str, text: str) -> dict:
    start, exact = _quote_slice(rng, text)
    shift = len(text[start:]) - len(text[start:].lstrip())
    start += shift
    roll = rng.random()
    if roll < 0.0005 and "’" in exact:
        quote: str | dict = exact.replace("’", "'")  # an approximate quote, as real files have
    elif roll < 0.80:
        quote = {"exact": exact, "start": start}
    elif roll < 0.85:
        quote = {"exact": exact, "prefix": text[max(0, start - 12) : start]}
    else:
        quote = exact
    claim: dict = {"statement": _statement(rng, entity), "quote": quote, "source": source_id}
    if rng.random() < 0.1:
        claim["value"] = {"type": "year", "year": rng.randint(2010, 2030)}
    elif rng.random() < 0.1:
        claim["value"] = {"type": "amount", "amount": rng.randint(1, 900) * 1e6, "unit": "USD", "qualifier": "over"}
    return claim


def _summary(rng: random.Random, entity: _Named) -> str:
    sentences = [_statement(rng, entity) for _ in range(rng.randint(1, 3))]
    return f"{entity.name} is a {entity.kind.replace('-', ' ')} in the electric vehicle industry. " + " ".join(sentences)


def default_sources(n_entities: int) -> int:
    return max(3, n_entities // ENTITIES_PER_SOURCE)


def build(
    n_entities: int, claims_per_entity: int = CLAIMS_PER_ENTITY, n_sources: int | None = None, seed: int = SEED
) -> tuple[dict, dict[str, str]]:
    """The knowledge base as a dict, and the source texts by file name (relative to the JSON).

    Entity 0 has `LONG_CARD_CLAIMS` claims (for the long-card figures); to keep the total at
    exactly `n_entities * claims_per_entity`, as many claims are taken from a few others.
    """
    rng = random.Random(seed)
    named: list[_Named] = []
    ids: list[str] = []
    seen: set[str] = set()
    for _ in range(n_entities):
        entity = _named(rng)
        slug = base = _slug(entity.name)
        counter = 2
        while slug in seen:
            slug, counter = f"{base}-{counter}", counter + 1
        seen.add(slug)
        named.append(entity)
        ids.append(slug)
    if n_entities:
        ids[0] = LONG_ENTITY_ID

    n_sources = n_sources or default_sources(n_entities)
    sources: list[dict] = []
    texts: dict[str, str] = {}
    for s in range(n_sources):
        picks = [named[rng.randrange(n_entities)].name for _ in range(8)] if n_entities else ["Xiaomi"]
        file_name = f"sources/src-{s:05d}.txt"
        texts[file_name] = _article(rng, picks)
        sources.append(
            {
                "id": f"src-{s:05d}",
                "title": f"{picks[0]} and the race for electric cars, part {s + 1}",
                "text_file": file_name,
                "publisher": rng.choice(["Caixin", "Reuters", "Auto News Daily", "电动汽车观察", "Handelsblatt"]),
                "url": f"https://news.example.com/ev/{s}",
                "published": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "language": "en",
            }
        )

    counts = [claims_per_entity] * n_entities
    if n_entities and claims_per_entity:
        extra = max(0, LONG_CARD_CLAIMS - claims_per_entity)
        counts[0] = claims_per_entity + extra
        k = 1
        while extra and k < n_entities:
            take = min(extra, counts[k])
            counts[k] -= take
            extra -= take
            k += 1

    entities: list[dict] = []
    source_list = [(src["id"], texts[src["text_file"]]) for src in sources]
    for i, (entity, slug) in enumerate(zip(named, ids)):
        home = rng.sample(source_list, k=min(len(source_list), rng.randint(1, 3)))
        record: dict = {"id": slug, "name": entity.name, "kind": entity.kind}
        if entity.native_name:
            record["native_name"] = entity.native_name
        if entity.aliases:
            record["aliases"] = list(entity.aliases)
        record["summary"] = _summary(rng, entity)
        record["claims"] = [_claim(rng, entity, *rng.choice(home)) for _ in range(counts[i])]
        record["relations"] = [
            {"type": rng.choice(["associated_with", "competitor_of", "made_by", "based_in"]), "target": ids[rng.randrange(n_entities)]}
            for _ in range(rng.randint(0, 3))
        ]
        entities.append(record)
    kb = {"format": 1, "title": f"Synthetic EV knowledge base ({n_entities} entities)", "sources": sources, "entities": entities}
    return kb, texts


def generate(n_entities: int, claims_per_entity: int = CLAIMS_PER_ENTITY, n_sources: int | None = None, seed: int = SEED) -> Path:
    """The path of the JSON file of a generated knowledge base, written once and then reused."""
    n_sources = n_sources or default_sources(n_entities)
    folder = cache_dir(n_entities, claims_per_entity, n_sources, seed)
    path = folder / KB_FILE
    if path.is_file():
        return path
    kb, texts = build(n_entities, claims_per_entity, n_sources, seed)
    return write(folder, kb, texts)


def write(folder: Path, kb: dict, texts: dict[str, str]) -> Path:
    """Write a knowledge base and its source texts into `folder` at once (another run may race), and return its JSON's path."""
    path = folder / KB_FILE
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".tmp-", dir=folder.parent))
    try:
        (staging / "sources").mkdir()
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        (staging / KB_FILE).write_text(json.dumps(kb, ensure_ascii=False, indent=2), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:  # another run finished first: keep its copy
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return path


def generate_size(size: str, seed: int = SEED) -> Path:
    """S, M or L: 100, 2,000 or 20,000 entities of ten claims each."""
    return generate(SIZES[size], CLAIMS_PER_ENTITY, seed=seed)


def generate_filter_kb(seed: int = SEED) -> Path:
    """100,000 entities for the filter figure; fewer claims, since only names and statements matter."""
    return generate(FILTER_ENTITIES, FILTER_CLAIMS_PER_ENTITY, FILTER_SOURCES, seed)


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:] or ["S"]:
        print(generate_filter_kb() if arg == "F" else generate_size(arg))
