"""Load generation on loopback: a gunicorn server to measure, and wrk (or threads) to drive it."""

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

HOST = "127.0.0.1"
# A Cookie header to send with a path (bench/portal.py signs people in this way).
COOKIES: dict[str, str] = {}
WRK_MARKER = "BENCHJSON "
WRK_SCRIPT = """
local paths = {%(paths)s}
local cookies = {%(cookies)s}
local next_index = 1
request = function()
  local path = paths[next_index]
  next_index = next_index %% #paths + 1
  local cookie = cookies[path]
  if cookie then
    return wrk.format("GET", path, {Cookie = cookie})
  end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '%(marker)s{"requests": %%d, "duration_us": %%d, "bytes": %%d, "status_errors": %%d, ' ..
    '"socket_errors": %%d, "p50_us": %%d, "p99_us": %%d, "max_us": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"""


@dataclass
class Measurement:
    """Throughput and latency of one page under load."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    tool: str


def cpu_busy(interval: float = 1.0) -> float:
    """Share of all CPUs busy during interval seconds (Linux /proc/stat; 0.0 elsewhere)."""

    def snapshot() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            values = [int(value) for value in stat.readline().split()[1:]]
        return values[3] + values[4], sum(values)

    try:
        idle_before, total_before = snapshot()
        time.sleep(interval)
        idle_after, total_after = snapshot()
    except OSError:
        return 0.0
    total = total_after - total_before
    return 1 - (idle_after - idle_before) / total if total else 0.0


def wait_until_quiet(limit: float, threshold: float = 0.15) -> float:
    """Wait up to limit seconds for the machine to be idle (other work skews the figures)."""
    deadline = time.monotonic() + limit
    while True:
        busy = cpu_busy()
        if busy < threshold or time.monotonic() >= deadline:
            return busy
        print(f"  the machine is {busy:.0%} busy with other work; waiting …", flush=True)
        time.sleep(4)


def free_port() -> int:
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    """Status and body of one GET; errors become their status (0 for no connection)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # loopback only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


class Server:
    """gunicorn with sync workers on a free loopback port; stop() always ends it."""

    def __init__(self, root: Path, env: dict[str, str], workers: int, log: Path) -> None:
        """Prepare, but do not start."""
        self.root = root
        self.env = env
        self.workers = workers
        self.log = log
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        """http://127.0.0.1:port"""
        return f"http://{HOST}:{self.port}"

    def start(self, ready_path: str, timeout: float = 60) -> None:
        """Start gunicorn and wait until ready_path answers 200."""
        gunicorn = self.root / ".venv" / "bin" / "gunicorn"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(gunicorn if gunicorn.exists() else "gunicorn"),
                    "humas_portal.wsgi:application",
                    "--bind",
                    f"{HOST}:{self.port}",
                    "--workers",
                    str(self.workers),
                    "--worker-class",
                    "sync",
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "5",
                    "--log-level",
                    "warning",
                    "--chdir",
                    str(self.root),
                ],
                cwd=self.root,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                status = self.process.returncode
                raise RuntimeError(f"gunicorn exited with {status}; see {self.log}")
            if get(self.base + ready_path, timeout=5)[0] == 200:
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer {ready_path} within {timeout:.0f} s")

    def stop(self) -> None:
        """SIGTERM to the gunicorn master (it stops its workers), SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def _wrk(base: str, paths: list[str], seconds: float, connections: int) -> Measurement:
    lua = ", ".join(json.dumps(path) for path in paths)
    cookies = ", ".join(
        f"[{json.dumps(path)}] = {json.dumps(COOKIES[path])}" for path in paths if path in COOKIES
    )
    script = WRK_SCRIPT % {"paths": lua, "cookies": cookies, "marker": WRK_MARKER}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        completed = subprocess.run(
            [
                "wrk",
                "--threads",
                "1",
                "--connections",
                str(connections),
                "--duration",
                f"{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "--script",
                handle.name,
                base + "/",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
    finally:
        os.unlink(handle.name)
    line = next((row for row in completed.stdout.splitlines() if row.startswith(WRK_MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {completed.stdout}\n{completed.stderr}")
    data = json.loads(line[len(WRK_MARKER) :])
    duration = data["duration_us"] / 1e6
    return Measurement(
        requests=data["requests"],
        seconds=duration,
        rps=data["requests"] / duration if duration else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        errors=data["status_errors"] + data["socket_errors"],
        tool="wrk",
    )


def _threads(base: str, paths: list[str], seconds: float, connections: int) -> Measurement:
    """A plain-Python stand-in for wrk: one keep-alive connection per thread."""
    port = int(base.rsplit(":", 1)[1])
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def drive(offset: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        index = offset
        while time.monotonic() < deadline:
            path = paths[index % len(paths)]
            index += 1
            started = time.perf_counter()
            try:
                headers = {"Cookie": COOKIES[path]} if path in COOKIES else {}
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = 200 <= response.status < 400
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                ok = False
            mine.append(time.perf_counter() - started)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    workers = [threading.Thread(target=drive, args=(n * 7919,)) for n in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    duration = time.perf_counter() - started
    latencies.sort()

    def percentile(share: float) -> float:
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return Measurement(
        requests=len(latencies),
        seconds=duration,
        rps=len(latencies) / duration,
        p50_ms=percentile(0.50),
        p99_ms=percentile(0.99),
        max_ms=latencies[-1] * 1000 if latencies else 0.0,
        errors=errors[0],
        tool="python",
    )


def drive(base: str, paths: list[str], seconds: float, connections: int) -> Measurement:
    """Load base+paths (in turn) for seconds with connections kept busy; wrk when installed."""
    if shutil.which("wrk"):
        return _wrk(base, paths, seconds, connections)
    return _threads(base, paths, seconds, connections)


def as_dict(measurement: Measurement) -> dict:
    """A measurement as plain data."""
    return asdict(measurement)
