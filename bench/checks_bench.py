"""Benchmark: every editorial check on a 1,500-word story with its context (target <= 50 ms).

Run from the project root::

    .venv/bin/python bench/checks_bench.py [--runs 200]

The story mixes the seed stories' sentences (dates, titles, speakers, a stale office name, a
NIK and a telephone number) into 1,500 words of body; the context holds the shipped
organisation directory, the 6 February 2025 session with its speakers and aliases, and eight
neighbour stories. Only the pure checks are timed: building the context is a few indexed
queries, measured by the page benchmarks. Prints the median, p95 and worst time.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings_test")

import django  # noqa: E402

django.setup()

from news.checks import CheckContext, NeighbourStory, StoryInput, check_story  # noqa: E402
from news.checks.base import plain_text  # noqa: E402
from tests.news.checks.eval_data import directory  # noqa: E402
from tests.news.checks.eval_training import BRIEFING  # noqa: E402

SENTENCES = [
    "Jajaran Lapas Perempuan Kelas III Palu mengikuti Penguatan Kehumasan, Kamis (07/02).",
    "Materi disampaikan oleh Direktur Kepatuhan Internal, Lilik Sujandi, serta perwakilan dari "
    "Direktur Pengamanan dan Intelijen.",
    "Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan, M. Hilal, menekankan etika.",
    "Kegiatan ini dilaporkan kepada Kanwil Kemenkumham Sulawesi Tengah pukul 10.30 Wita.",
    "Peserta dari Rutan Kelas IIB Pelaihari dan Lapas Kelas IIB Banjarbaru ikut hadir.",
    "Warga binaan berinisial AS dengan kasus narkotika membaca puisi di aula.",
    "Sekretaris Direktorat Jenderal Pemasyarakatan, Gun Gun Gunawan, memberikan arahan.",
    "Kepala Lapas Perempuan Palu, Udur Martionna, menyambut baik kegiatan ini.",
]


def story() -> StoryInput:
    words, paragraphs = 0, []
    index = 0
    while words < 1520:
        paragraph = " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(4))
        paragraphs.append(f"<p>{paragraph}</p>")
        words += len(paragraph.split())
        index += 1
    paragraphs.insert(3, "<p>Data peserta NIK 7271014508900003, telepon 0812-3456-7890.</p>")
    return StoryInput(
        title="Lapas Perempuan Palu Ikuti Penguatan Kehumasan tentang Etika Media Sosial ASN",
        lead=SENTENCES[0],
        body="".join(paragraphs),
        dateline="Sigi",
        event_date=BRIEFING.day,
        unit_name="Lapas Perempuan Kelas III Palu",
        unit_type="lapas_perempuan",
        unit_class="III",
        unit_city="Sigi",
        photo_captions=("Petugas menyimak materi.", "Foto bersama."),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    checked = story()
    neighbours = tuple(
        NeighbourStory(i, f"Unit {i} ikuti Penguatan Kehumasan", f"Unit {i}", 0.5) for i in range(8)
    )
    context = CheckContext(directory=directory(), sessions=(BRIEFING,), neighbours=neighbours)
    findings = check_story(checked, context)  # warm up regexes and translations
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_story(checked, context)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    words = len(plain_text(checked.body).split())
    sys.stdout.write(
        f"story: {words} words, {len(checked.body):,} characters; {len(findings)} findings\n"
        f"all checks, {runs} runs: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(0.95 * (runs - 1))]:.1f} ms, worst {times[-1]:.1f} ms (target <= 50 ms)\n"
    )


if __name__ == "__main__":
    main()
