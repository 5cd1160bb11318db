"""Benchmark: the three share cards of a story from a 24-megapixel photo.

Run from the project root::

    .venv/bin/python bench/share_cards.py [--runs 5]

The photo is the camera-like 6000×4000 JPEG of bench/photo_pipeline.py, cleaned by
news.images.clean_upload as every stored original is. Each run draws the square, portrait and
story cards with news.sharing.cards.make_cards (one reduced decode, three focal-point crops,
text fitted with Noto Sans, three JPEG encodes) in a fresh child process, so that:

* the time is that of a worker drawing the cards of one story (fonts loaded once per process
  are included, as in the first task a worker runs);
* the peak memory is the child's ru_maxrss (os.wait4), which includes Pillow's C buffers, minus
  nothing: the "baseline" case, the same imports without drawing, is shown for reference.
  tracemalloc's peak (Python objects only) is reported beside it.

Targets: at most 2 s and 300 MB. Results are also written to bench/results/share_cards.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS_TARGET = 2.0
MEMORY_TARGET_MB = 300
TITLE = (
    "Lapas Perempuan Kelas III Palu Ikuti Penguatan Kehumasan Bersama Kanwil Ditjenpas Sulteng"
    " Hari Kamis"
)


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings")
    import django

    django.setup()


def case_generate(inputs: list[str]) -> dict:
    """Write the camera JPEG and its cleaned copy (as stored by the portal)."""
    from bench.photo_pipeline import make_camera_jpeg
    from news import images

    directory = Path(inputs[0])
    camera = directory / "camera.jpg"
    make_camera_jpeg(camera, 1)
    with open(camera, "rb") as upload:
        cleaned = images.clean_upload(upload)
    (directory / "cleaned.jpg").write_bytes(cleaned.content)
    return {"width": cleaned.width, "height": cleaned.height, "bytes": len(cleaned.content)}


def case_baseline(_inputs: list[str]) -> dict:
    from news.sharing import cards  # noqa: F401  (the same imports as the measured case)

    return {"seconds": 0.0, "python_peak_mb": 0.0}


def case_cards(inputs: list[str]) -> dict:
    import tracemalloc

    from news.sharing import cards

    content = cards.CardText(
        title=TITLE,
        organisation="Lapas Perempuan Kelas III Palu · Kanwil Sulawesi Tengah",
        date="Kamis, 6 Februari 2025",
        link="humas.example/b/k7p2xq2/",
    )
    tracemalloc.start()
    started = time.perf_counter()
    with open(inputs[0], "rb") as photo:
        made = cards.make_cards(photo, content, focus=(0.3, 0.4))
    seconds = time.perf_counter() - started
    _current, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "seconds": seconds,
        "python_peak_mb": python_peak / 1024 / 1024,
        "sizes": {
            name: [card.width, card.height, len(card.content)] for name, card in made.items()
        },
    }


CASES = {"generate": case_generate, "baseline": case_baseline, "cards": case_cards}


def child(case: str, inputs: list[str]) -> None:
    _setup_django()
    print(json.dumps(CASES[case](inputs)))


def run_child(case: str, inputs: list) -> tuple[dict, float]:
    """Run one case in a fresh interpreter; return its result and peak RSS in MB."""
    command = [sys.executable, __file__, "--child", case, *map(str, inputs)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    output = process.stdout.read()
    process.stdout.close()
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"case {case} failed")
    return json.loads(output), usage.ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("inputs", nargs="*", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child, arguments.inputs)
        return

    with tempfile.TemporaryDirectory(prefix="cards-bench-") as temporary:
        print("Generating and cleaning a 6000×4000 camera-like JPEG…", flush=True)
        photo, _peak = run_child("generate", [temporary])
        cleaned = Path(temporary) / "cleaned.jpg"
        runs: dict[str, list[dict]] = {"baseline": [], "cards": []}
        peaks = {"baseline": 0.0, "cards": 0.0}
        for number in range(1, arguments.runs + 1):
            print(f"Round {number}/{arguments.runs}…", flush=True)
            for case in runs:
                result, peak = run_child(case, [cleaned])
                runs[case].append(result)
                peaks[case] = max(peaks[case], peak)

    seconds = [result["seconds"] for result in runs["cards"]]
    summary = {
        "photo": photo,
        "runs": arguments.runs,
        "seconds_median": statistics.median(seconds),
        "seconds_max": max(seconds),
        "peak_rss_mb": peaks["cards"],
        "baseline_rss_mb": peaks["baseline"],
        "python_peak_mb": max(result["python_peak_mb"] for result in runs["cards"]),
        "cards": runs["cards"][0]["sizes"],
    }
    print()
    print(f"Photo: {photo['width']}×{photo['height']}, {photo['bytes'] / 1e6:.1f} MB cleaned")
    print(
        f"Three cards: median {summary['seconds_median']:.2f} s, slowest "
        f"{summary['seconds_max']:.2f} s (target ≤ {SECONDS_TARGET:.0f} s)"
    )
    print(
        f"Peak memory: {summary['peak_rss_mb']:.0f} MB resident (imports alone "
        f"{summary['baseline_rss_mb']:.0f} MB; target ≤ {MEMORY_TARGET_MB} MB), Python objects "
        f"{summary['python_peak_mb']:.1f} MB"
    )
    for name, (width, height, size) in summary["cards"].items():
        print(f"  {name}: {width}×{height}, {size / 1e3:.0f} kB")
    met = summary["seconds_max"] <= SECONDS_TARGET and summary["peak_rss_mb"] <= MEMORY_TARGET_MB
    print("Targets met." if met else "TARGETS MISSED.")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "share_cards.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
