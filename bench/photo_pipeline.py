"""Benchmark: the portal's photo pipeline against plain Pillow, on a 24-megapixel camera JPEG.

Run from the project root::

    .venv/bin/python bench/photo_pipeline.py [--runs 5] [--orientation 1]

Cases, each measured in a fresh child process so that the peak memory (ru_maxrss of that child,
read with os.wait4) includes Pillow's C allocations, which tracemalloc cannot see:

* baseline: the imports only (Python, Django, Pillow), for reference;
* floor: plain Pillow, open + load + resize (Lanczos) to each rendition size, no encoding;
* portal: news.images.clean_upload (checks, full decode, EXIF rotation, re-encode of the
  original) followed by news.images.make_renditions on the cleaned file (all four renditions);
* portal with a progressive original: the same with news.images.PROGRESSIVE_ORIGINAL on, to
  show what a progressive original would cost;
* bomb: a 100-megapixel PNG and a JPEG header claiming 100 megapixels, which must be refused
  in well under 100 ms without decoding.

The cases alternate in rounds, so a busy machine slows them alike; the table shows medians.
"""

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 6000, 4000
MEMORY_TARGET_MB = 300
RATIO_TARGET = 1.5
BOMB_TARGET_S = 0.1


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings")
    import django

    django.setup()


# --- Inputs ---------------------------------------------------------------------------------


def make_camera_jpeg(path: Path, orientation: int) -> int:
    """A 6000×4000 photo-like JPEG (~8–10 MB) with camera EXIF, GPS and an sRGB profile."""
    from PIL import ExifTags, Image, ImageChops, ImageCms

    def clouds(seed_size: tuple[int, int], sigma: float) -> Image.Image:
        noise = Image.effect_noise(seed_size, sigma)
        return noise.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)

    # Large soft shapes, mid-size texture and fine sensor grain, like a real scene.
    scene = Image.merge("RGB", [clouds((60, 40), 60), clouds((80, 53), 50), clouds((40, 27), 70)])
    texture = Image.merge(
        "RGB",
        [
            Image.effect_noise((600, 400), 40).resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
            for _ in range(3)
        ],
    )
    grain = Image.effect_noise((WIDTH, HEIGHT), 7).convert("RGB")
    image = ImageChops.add(ImageChops.add(scene, texture, scale=2.0), grain, offset=-64)

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Camera Maker"
    exif[ExifTags.Base.Model] = "Mirrorless 24"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 53.0, 52.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (119.0, 52.0, 12.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=92, exif=exif, icc_profile=icc)
    return path.stat().st_size


def make_bombs(directory: Path) -> list[Path]:
    """A real 10000×10000 PNG (tiny on disk) and a small JPEG whose header claims 10000×10000."""
    from tests.news.images import jpeg_claiming, png_bomb

    png = directory / "bomb.png"
    png.write_bytes(png_bomb(10_000, 10_000))
    jpeg = directory / "bomb.jpg"
    jpeg.write_bytes(jpeg_claiming(10_000, 10_000))
    return [png, jpeg]


# --- Cases (run in a child process) ---------------------------------------------------------


def case_generate(inputs: list[str]) -> dict:
    """Write the inputs (in a child too, so the parent stays small: see run_child)."""
    directory, orientation = Path(inputs[0]), int(inputs[1])
    size = make_camera_jpeg(directory / "camera.jpg", orientation)
    bombs = make_bombs(directory)
    return {"photo_bytes": size, "bombs": [str(path) for path in bombs], "versions": versions()}


def case_baseline(_inputs: list[str]) -> dict:
    return {"seconds": 0.0}


def case_floor(inputs: list[str]) -> dict:
    """Plain Pillow: decode fully, then resize to each rendition's size."""
    from PIL import Image

    from news.images import RENDITIONS, rendition_geometry

    started = time.perf_counter()
    with Image.open(inputs[0]) as image:
        image.load()
        for spec in RENDITIONS:
            size, box = rendition_geometry(spec, image.size)
            image.resize(size, Image.Resampling.LANCZOS, box=box)
    return {"seconds": time.perf_counter() - started}


def case_portal(inputs: list[str]) -> dict:
    """The portal: validate and clean the upload, then make every rendition from the result."""
    from news import images

    started = time.perf_counter()
    with open(inputs[0], "rb") as upload:
        cleaned = images.clean_upload(upload)
    middle = time.perf_counter()
    renditions = images.make_renditions(io.BytesIO(cleaned.content))
    finished = time.perf_counter()
    return {
        "seconds": finished - started,
        "clean": middle - started,
        "renditions": finished - middle,
        "original_bytes": len(cleaned.content),
        "sizes": {name: [r.width, r.height] for name, r in renditions.items()},
    }


def case_portal_baseline(inputs: list[str]) -> dict:
    """The same with a progressive original (news.images.PROGRESSIVE_ORIGINAL on)."""
    from news import images

    images.PROGRESSIVE_ORIGINAL = True
    return case_portal(inputs)


def case_bomb(inputs: list[str]) -> dict:
    """Every bomb must be refused for its pixels; report the slowest refusal."""
    from django.core.exceptions import ValidationError

    from news import images

    slowest = 0.0
    for path in inputs:
        started = time.perf_counter()
        try:
            with open(path, "rb") as upload:
                images.clean_upload(upload)
        except ValidationError as error:
            assert error.code == "too_many_pixels", error.code
        else:
            raise AssertionError(f"{path} was accepted")
        slowest = max(slowest, time.perf_counter() - started)
    return {"seconds": slowest}


CASES = {
    "generate": case_generate,
    "baseline": case_baseline,
    "floor": case_floor,
    "portal": case_portal,
    "portal_baseline": case_portal_baseline,
    "bomb": case_bomb,
}


def child(case: str, inputs: list[str]) -> None:
    _setup_django()
    from news import images  # noqa: F401  (same imports in every case)

    print(json.dumps(CASES[case](inputs)))


# --- Parent ---------------------------------------------------------------------------------


def run_child(case: str, inputs: list) -> tuple[dict, float]:
    """Run one case in a fresh interpreter; return its result and peak RSS in MB.

    Linux carries the parent's resident size into a child's high-water mark across fork and
    exec, so the parent imports neither Pillow nor Django and never holds image data."""
    command = [sys.executable, __file__, "--child", case, *map(str, inputs)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    output = process.stdout.read()
    process.stdout.close()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"case {case} failed with exit code {process.returncode}")
    return json.loads(output), usage.ru_maxrss / 1024  # kilobytes on Linux


def versions() -> str:
    from PIL import __version__, features

    return (
        f"Python {platform.python_version()}, Pillow {__version__}, "
        f"libjpeg-turbo {features.version('jpg')}, libwebp {features.version('webp')}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of every case (default 5)")
    parser.add_argument("--orientation", type=int, default=1, help="EXIF orientation of the JPEG")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("inputs", nargs="*", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child, arguments.inputs)
        return

    with tempfile.TemporaryDirectory(prefix="photo-bench-") as temporary:
        print("Generating a 6000×4000 camera-like JPEG…", flush=True)
        generated, _peak = run_child("generate", [temporary, arguments.orientation])
        photo = Path(temporary) / "camera.jpg"
        print(
            f"  {generated['photo_bytes'] / 1e6:.1f} MB, EXIF orientation {arguments.orientation}, "
            "camera EXIF with GPS, sRGB profile"
        )
        inputs = {
            "baseline": [],
            "floor": [photo],
            "portal": [photo],
            "portal_baseline": [photo],
            "bomb": generated["bombs"],
        }
        measured = [case for case in CASES if case != "generate"]
        results: dict[str, list[dict]] = {case: [] for case in measured}
        peaks: dict[str, float] = dict.fromkeys(measured, 0.0)
        for round_number in range(1, arguments.runs + 1):
            print(f"Round {round_number}/{arguments.runs}…", flush=True)
            for case in measured:
                result, peak = run_child(case, inputs[case])
                results[case].append(result)
                peaks[case] = max(peaks[case], peak)

    def median(case: str, key: str = "seconds") -> float:
        return statistics.median(result[key] for result in results[case])

    floor = median("floor")
    portal = median("portal")
    ratio = portal / floor
    print()
    print(generated["versions"])
    print(f"Medians of {arguments.runs} rounds; peak RSS is the highest of the case's children.")
    print()
    print(f"| {'case':<52} | {'time':>9} | {'peak RSS':>9} | {'vs floor':>8} |")
    print(f"|{'-' * 54}|{'-' * 11}|{'-' * 11}|{'-' * 10}|")
    rows = [
        ("baseline: imports only", None, peaks["baseline"], None),
        ("floor: Pillow open + load + 4 × resize (Lanczos)", floor, peaks["floor"], 1.0),
        ("portal: validate + clean original + 4 renditions", portal, peaks["portal"], ratio),
        ("  of which validate + clean (re-encode) original", median("portal", "clean"), None, None),
        ("  of which renditions (task)", median("portal", "renditions"), None, None),
        (
            "option: the same with a progressive original",
            median("portal_baseline"),
            peaks["portal_baseline"],
            median("portal_baseline") / floor,
        ),
        ("bomb: 100 MP PNG / JPEG header refused (slowest)", median("bomb"), peaks["bomb"], None),
    ]
    for label, seconds, peak, versus in rows:
        time_text = f"{seconds * 1000:7.0f} ms" if seconds is not None else ""
        peak_text = f"{peak:6.0f} MB" if peak is not None else ""
        versus_text = f"{versus:7.2f}×" if versus is not None else ""
        print(f"| {label:<52} | {time_text:>9} | {peak_text:>9} | {versus_text:>8} |")
    sizes = results["portal"][0]["sizes"]
    print()
    print("Renditions: " + ", ".join(f"{name} {w}×{h}" for name, (w, h) in sizes.items()))
    baseline_mb = results["portal"][0]["original_bytes"] / 1e6
    progressive_mb = results["portal_baseline"][0]["original_bytes"] / 1e6
    print(f"Cleaned original: {baseline_mb:.1f} MB baseline, {progressive_mb:.1f} MB progressive")
    print()
    checks = [
        (f"portal ≤ {RATIO_TARGET}× floor", ratio <= RATIO_TARGET),
        (f"portal peak ≤ {MEMORY_TARGET_MB} MB", peaks["portal"] <= MEMORY_TARGET_MB),
        (f"bomb refused < {BOMB_TARGET_S * 1000:.0f} ms", median("bomb") < BOMB_TARGET_S),
        ("bomb needs no more memory than the imports", peaks["bomb"] <= peaks["baseline"] + 20),
    ]
    for label, passed in checks:
        print(f"{'PASS' if passed else 'MISS'}  {label}")


if __name__ == "__main__":
    main()
