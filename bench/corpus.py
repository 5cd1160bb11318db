"""Indonesian news text for generated stories: titles, leads, bodies, tags and photo captions.

Sentences come from the templates in corpus_topics; every choice (topic, template, slot value)
favours the first entries of its list with Zipf-like weights, so word frequencies in the
corpus fall off the way they do in real text and one word is clearly the commonest.
"""

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bench.corpus_topics import EXTRA_TAGS, GENERAL_SENTENCES, QUOTES, SLOTS, TOPICS

POOL_BITS = 12
POOL_SIZE = 1 << POOL_BITS
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
HEAD_STATEMENTS = [
    "{head_title} {town}, {head_name}, mengatakan kegiatan ini digelar sebagai bagian dari "
    "upaya meningkatkan kualitas pembinaan.",
    "Menurut {head_title} {town}, {head_name}, kegiatan tersebut sejalan dengan program "
    "prioritas Direktorat Jenderal Pemasyarakatan.",
    "{head_name} selaku {head_title} {town} menyampaikan apresiasi kepada seluruh petugas yang "
    "terlibat.",
    "{head_title} {town}, {head_name}, berharap kegiatan ini membawa dampak positif bagi warga "
    "binaan.",
]
QUOTE_ATTRIBUTIONS = [
    "Demikian disampaikan {head_title} {town}, {head_name}, usai kegiatan.",
    "Hal itu ditegaskan {head_name} saat ditemui di sela kegiatan.",
]
CAPTIONS = [
    "Suasana kegiatan di {unit_short}, {date_long}.",
    "{head_title} {town}, {head_name}, saat memberikan arahan kepada peserta.",
    "Petugas {unit_short} bersama peserta usai kegiatan.",
    "Warga binaan {unit_short} mengikuti kegiatan dengan tertib.",
]
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
TAG = re.compile(r"<[^>]+>")


def zipf_pool(rng: random.Random, values: list[str], exponent: float = 1.0) -> list[str]:
    """A list of POOL_SIZE draws from values, the first values most often (rank^-exponent)."""
    weights = [1.0 / (rank + 1) ** exponent for rank in range(len(values))]
    return rng.choices(values, weights=weights, k=POOL_SIZE)


class _Fields(dict):
    """Story fields for str.format_map; a missing field is drawn from the slot pools."""

    __slots__ = ("bits", "pools")

    def __missing__(self, key: str) -> str:
        return self.pools[key][self.bits(POOL_BITS)]


@dataclass
class StoryText:
    """The generated text of one story."""

    topic: str
    category: str
    title: str
    lead: str
    body: str
    tags: list[str]
    captions: list[str]


class Corpus:
    """Makes story texts; deterministic for a given seed."""

    def __init__(self, seed: int) -> None:
        """Draw the slot and template pools once."""
        self.rng = random.Random(seed)
        rng = self.rng
        self.bits = rng.getrandbits
        base = {name: zipf_pool(rng, values) for name, values in SLOTS.items()}
        self.topics = []
        for topic in TOPICS:
            pools = dict(base)
            pools.update({name: zipf_pool(rng, values) for name, values in topic["slots"].items()})
            self.topics.append(
                {
                    "key": topic["key"],
                    "category": topic["category"],
                    "pools": pools,
                    "titles": zipf_pool(rng, topic["titles"], 0.6),
                    "leads": zipf_pool(rng, topic["leads"], 0.6),
                    "sentences": zipf_pool(rng, topic["sentences"], 0.7),
                    "tags": zipf_pool(rng, topic["tags"], 0.9),
                }
            )
        self.topic_pool = rng.choices(
            range(len(TOPICS)), weights=[topic["weight"] for topic in TOPICS], k=POOL_SIZE
        )
        self.general = zipf_pool(rng, GENERAL_SENTENCES, 0.5)
        self.extra_tags = zipf_pool(rng, EXTRA_TAGS, 1.0)

    def story(self, fields: dict[str, str], photos: int) -> StoryText:
        """Title, lead, HTML body, tags and captions for one story of the given unit and date."""
        bits = self.bits
        random_ = self.rng.random
        topic = self.topics[self.topic_pool[bits(POOL_BITS)]]
        values = _Fields(fields)
        values.pools = topic["pools"]
        values.bits = bits
        title = topic["titles"][bits(POOL_BITS)].format_map(values)
        lead = topic["leads"][bits(POOL_BITS)].format_map(values)
        sentences = topic["sentences"]
        general = self.general
        used: set[str] = set()
        paragraphs = [
            lead + " " + HEAD_STATEMENTS[bits(2)].format_map(values),
        ]
        for _ in range(4 + bits(2)):
            parts = []
            for _ in range(2 + bits(1) + bits(1) + bits(1)):
                source = sentences if random_() < 0.6 else general
                for _ in range(3):  # a few tries for a sentence this story has not used yet
                    template = source[bits(POOL_BITS)]
                    if template not in used:
                        used.add(template)
                        parts.append(template.format_map(values))
                        break
            if parts:
                paragraphs.append(" ".join(parts))
        body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        if random_() < 0.25:
            quote = QUOTES[bits(POOL_BITS) % len(QUOTES)]
            attribution = QUOTE_ATTRIBUTIONS[bits(1)].format_map(values)
            body += f"<blockquote>{quote}</blockquote><p>{attribution}</p>"
        tags = [topic["tags"][bits(POOL_BITS)] for _ in range(1 + bits(1))]
        if random_() < 0.3:
            tags.append(self.extra_tags[bits(POOL_BITS)])
        captions = [CAPTIONS[(bits(2) + index) % 4].format_map(values) for index in range(photos)]
        return StoryText(
            topic=topic["key"],
            category=topic["category"],
            title=title[:200],
            lead=lead[:600],
            body=body,
            tags=list(dict.fromkeys(tags)),
            captions=captions,
        )


def date_fields(moment: datetime) -> dict[str, str]:
    """The ways a story refers to its event date: "Senin (3/6)", "Senin, 3 Juni 2024", 2024."""
    weekday = WEEKDAYS[moment.weekday()]
    return {
        "when": f"{weekday} ({moment.day}/{moment.month})",
        "date_long": f"{weekday}, {moment.day} {MONTHS[moment.month - 1]} {moment.year}",
        "year": str(moment.year),
    }


def word_counts(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """Occurrences and document frequencies of lower-case words in texts (HTML tags removed)."""
    occurrences: Counter = Counter()
    documents: Counter = Counter()
    for text in texts:
        words = WORD.findall(TAG.sub(" ", text).lower())
        occurrences.update(words)
        documents.update(set(words))
    return occurrences, documents
