"""Benchmark: the word diff of a story body with six changed words, by body size.

Run from the project root::

    .venv/bin/python bench/diff_bench.py [--runs 5]

Bodies are built from paragraphs of Indonesian-like prose (as news/sanitize.html_to_text gives
them: paragraphs separated by a blank line) at 1.8 KB, 11 KB, 44 KB, 89 KB and 100,000
characters. Six words spread over the body are replaced, and news.diffing._segments compares
the two texts, as the "what changed" page and the stale-edit page do. The table shows the
median and the slowest of the runs. Target: 100,000 characters in under one second.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings")

import django  # noqa: E402 (the path and settings come first)

django.setup()

from news.diffing import _segments  # noqa: E402

SIZES = (1_800, 11_000, 44_000, 89_000, 100_000)
WORDS = [
    "petugas",
    "lapas",
    "kanwil",
    "kegiatan",
    "pembinaan",
    "warga",
    "binaan",
    "kepala",
    "rutan",
    "humas",
    "berita",
    "penguatan",
    "kapasitas",
    "daring",
    "bersama",
    "seluruh",
    "jajaran",
    "pelaksanaan",
    "upt",
    "layanan",
    "publik",
]


def body_of(size: int, rng: random.Random) -> str:
    """Paragraphs of 40–90 words until the text is ``size`` characters long."""
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def with_changed_words(text: str, count: int, rng: random.Random) -> str:
    """The text with ``count`` words, spread over it, replaced."""
    words = text.split(" ")
    for index in rng.sample(range(1, len(words) - 1), count):
        words[index] = "DIUBAH"
    return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    rng = random.Random(14)
    print(f"{'characters':>10}  {'median ms':>10}  {'slowest ms':>10}  {'segments':>8}")
    for size in SIZES:
        old = body_of(size, rng)
        new = with_changed_words(old, 6, rng)
        timings = []
        for _run in range(arguments.runs):
            started = time.perf_counter()
            segments = _segments(old, new)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{len(old):>10,}  {statistics.median(timings):>10.1f}  {max(timings):>10.1f}  "
            f"{len(segments):>8}"
        )


if __name__ == "__main__":
    main()
