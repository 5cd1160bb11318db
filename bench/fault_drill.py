"""Fault drill: the production-mode stack under bounded loopback load while its parts fail.

Starts a private PostgreSQL cluster (initdb) and a private Redis on loopback ports, prepares
the portal with bin/prepare and runs it with bin/serve (the same commands as the systemd units
in docs/operations.md), then, one after the other:

1. kills the Celery worker's main process (SIGKILL);
2. kills Celery beat (SIGKILL);
3. restarts PostgreSQL (pg_ctl restart -m fast);
4. stops Redis for 60 seconds.

Meanwhile a few threads request public pages, /healthz/ready and the sign-in form (loopback
only, a bounded rate). For each fault it reports the requests made, the failed ones (5xx or no
answer), the seconds between the first and the last failure, and the seconds until the
deployment was whole again. Nothing outside the drill's own folder and ports is touched.

    .venv/bin/python bench/fault_drill.py --workdir /tmp/humas-drill
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = BASE_DIR / ".venv" / "bin"
PUBLIC_PATHS = ["/", "/feed/rss/", "/healthz/", "/cari/?q=pembinaan", "/sitemap.xml"]


@dataclass
class Sample:
    at: float
    path: str
    status: int  # 0: no answer


@dataclass
class Load:
    """Loopback requests from a few threads at a bounded rate; every answer is recorded."""

    port: int
    threads: int = 4
    pause: float = 0.05
    samples: list[Sample] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    story_paths: list[str] = field(default_factory=list)

    def request(self, method: str, path: str, body: str | None = None, headers=None) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            response.read()
            return response.status
        except OSError:
            return 0
        finally:
            connection.close()

    def sign_in_attempt(self) -> int:
        """The sign-in form, then a wrong password for an unknown address (never a 500)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", "/accounts/login/")
            response = connection.getresponse()
            page = response.read().decode("utf-8", "replace")
            if response.status != 200:
                return response.status
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
            if not cookie or not token:
                return 0
            body = (
                f"csrfmiddlewaretoken={token.group(1)}"
                f"&login=drill{secrets.randbelow(10**6)}%40example.go.id&password=wrong-password"
            )
            connection.request(
                "POST",
                "/accounts/login/",
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"csrftoken={cookie.group(1)}",
                },
            )
            answer = connection.getresponse()
            answer.read()
            return answer.status
        except OSError:
            return 0
        finally:
            connection.close()

    def run(self, index: int) -> None:
        turn = 0
        while not self.stop.is_set():
            turn += 1
            if index == 0 and turn % 10 == 0:
                path, status = "POST /accounts/login/", self.sign_in_attempt()
            elif index == 1 and turn % 5 == 0:
                path = "/healthz/ready"
                status = self.request("GET", path)
            else:
                paths = PUBLIC_PATHS + self.story_paths
                path = paths[(turn + index) % len(paths)]
                status = self.request("GET", path)
            self.samples.append(Sample(time.time(), path, status))
            time.sleep(self.pause)

    def start(self) -> list[threading.Thread]:
        workers = [
            threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(self.threads)
        ]
        for worker in workers:
            worker.start()
        return workers


class Stack:
    """Private PostgreSQL and Redis, and bin/serve, all under ``workdir``."""

    def __init__(self, workdir: Path, pg_port: int, redis_port: int, web_port: int):
        self.workdir = workdir
        self.pg_port, self.redis_port, self.web_port = pg_port, redis_port, web_port
        self.pgdata = workdir / "pgdata"
        self.pgbin = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])
        self.redis: subprocess.Popen | None = None
        self.serve: subprocess.Popen | None = None
        self.serve_log = workdir / "serve.log"
        self.env = {
            **{key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ},
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/humas",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(workdir / "mail"),
            "GUNICORN_BIND": f"127.0.0.1:{web_port}",
            "GUNICORN_WORKERS": "2",
            "CELERY_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }

    # --- PostgreSQL -------------------------------------------------------------------------

    def _as_postgres(self, *command: str) -> list[str]:
        # initdb refuses to run as root.
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)

    def pg_ctl(self, *args: str) -> subprocess.CompletedProcess:
        options = f"-p {self.pg_port} -c listen_addresses=127.0.0.1 -k {self.workdir}"
        command = [str(self.pgbin / "pg_ctl"), "-D", str(self.pgdata), "-o", options]
        command += ["-l", str(self.workdir / "postgres.log"), "-w", *args]
        return subprocess.run(
            self._as_postgres(*command), capture_output=True, text=True, check=False
        )

    def start_postgres(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
        initdb = [str(self.pgbin / "initdb"), "-D", str(self.pgdata), "-U", "postgres"]
        subprocess.run(self._as_postgres(*initdb, "--auth=trust"), check=True, capture_output=True)
        result = self.pg_ctl("start")
        if result.returncode:
            raise SystemExit(f"PostgreSQL did not start: {result.stderr}")
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "humas"],
            check=True,
        )

    # --- Redis ----------------------------------------------------------------------------------

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            cwd=self.workdir,
        )
        deadline = time.time() + 10
        while time.time() < deadline:
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True, check=False
            )
            if ping.stdout.strip() == b"PONG":
                return
            time.sleep(0.2)
        raise SystemExit("Redis did not start")

    def stop_redis(self) -> None:
        if self.redis is not None:
            self.redis.terminate()
            self.redis.wait(10)
            self.redis = None

    # --- The portal -----------------------------------------------------------------------------

    def manage(self, *args: str, **extra: str) -> None:
        subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env, **extra},
            check=True,
            capture_output=True,
        )

    def prepare(self) -> None:
        subprocess.run(["bin/prepare"], cwd=BASE_DIR, env=self.env, check=True, capture_output=True)
        # Demo stories to read; seed_demo itself only runs in development mode.
        self.manage("seed_demo", DEBUG="true")

    def start_serve(self) -> None:
        self.serve = subprocess.Popen(
            ["bin/serve"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.serve_log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def pid_of(self, name: str) -> int | None:
        """The latest pid bin/serve reported for web, worker or beat."""
        found = re.findall(rf"serve: started {name} \(pid (\d+)\)", self.serve_log.read_text())
        return int(found[-1]) if found else None

    def stop_serve(self) -> None:
        if self.serve is not None and self.serve.poll() is None:
            os.killpg(self.serve.pid, signal.SIGTERM)
            try:
                self.serve.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.serve.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        self.stop_serve()
        self.stop_redis()
        self.pg_ctl("stop", "-m", "fast")


def readiness(port: int) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/healthz/ready")
        response = connection.getresponse()
        return json.loads(response.read() or b"{}")
    except (OSError, ValueError):
        return {}
    finally:
        connection.close()


def wait_until(check, timeout: float, step: float = 0.25) -> float | None:
    """Seconds until ``check()`` is true, or None after ``timeout``."""
    start = time.time()
    while time.time() - start < timeout:
        if check():
            return round(time.time() - start, 1)
        time.sleep(step)
    return None


def worker_answers(stack: Stack) -> bool:
    ping = subprocess.run(
        [str(BIN / "celery"), "-A", "humas_portal", "inspect", "ping", "--timeout", "1"],
        cwd=BASE_DIR,
        env=stack.env,
        capture_output=True,
        check=False,
    )
    return ping.returncode == 0


def summary(load: Load, name: str, start: float, end: float, recovery: float | None) -> dict:
    window = [sample for sample in load.samples if start <= sample.at <= end]
    failed = [sample for sample in window if sample.status == 0 or sample.status >= 500]
    return {
        "fault": name,
        "requests": len(window),
        "failed": len(failed),
        # /healthz/ready answers 503 on purpose while the database is down.
        "failed_pages": sum(1 for sample in failed if sample.path != "/healthz/ready"),
        "http_500": sum(1 for sample in window if sample.status == 500),
        "http_503": sum(1 for sample in window if sample.status == 503),
        "no_answer": sum(1 for sample in window if sample.status == 0),
        "error_seconds": round(failed[-1].at - failed[0].at, 1) if failed else 0.0,
        "seconds_to_recovery": recovery,
        "failed_paths": sorted({sample.path for sample in failed}),
    }


def drill(stack: Stack, load: Load, redis_outage: int, settle: float) -> list[dict]:
    results = []

    def heartbeat_fresh_since(moment: float) -> bool:
        age = readiness(stack.web_port).get("checks", {}).get("beat_heartbeat_age_s")
        return age is not None and time.time() - age > moment

    # 1. The worker's main process.
    start = time.time()
    os.kill(stack.pid_of("worker"), signal.SIGKILL)
    recovery = wait_until(lambda: worker_answers(stack), timeout=120, step=0)
    time.sleep(settle)
    results.append(summary(load, "worker main process killed", start, time.time(), recovery))

    # 2. Beat.
    start = time.time()
    os.kill(stack.pid_of("beat"), signal.SIGKILL)
    recovery = wait_until(lambda: heartbeat_fresh_since(start), timeout=120)
    time.sleep(settle)
    results.append(summary(load, "beat killed", start, time.time(), recovery))

    # 3. PostgreSQL restart.
    start = time.time()
    stack.pg_ctl("restart", "-m", "fast")
    recovery = wait_until(
        lambda: readiness(stack.web_port).get("checks", {}).get("database") == "ok", 120
    )
    if recovery is not None:
        recovery = round(time.time() - start, 1)
    time.sleep(settle)
    results.append(summary(load, "PostgreSQL restarted", start, time.time(), recovery))

    # 4. Redis away for a while.
    start = time.time()
    stack.stop_redis()
    time.sleep(redis_outage)
    back = time.time()
    stack.start_redis()
    recovery = wait_until(lambda: readiness(stack.web_port).get("status") == "ok", timeout=180)
    time.sleep(settle)
    result = summary(load, f"Redis stopped for {redis_outage} s", start, time.time(), recovery)
    result["seconds_to_recovery_after_redis_back"] = recovery
    result["redis_down_seconds"] = round(back - start, 1)
    results.append(result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/humas-fault-drill"))
    parser.add_argument("--pg-port", type=int, default=55436)
    parser.add_argument("--redis-port", type=int, default=56386)
    parser.add_argument("--web-port", type=int, default=8106)
    parser.add_argument("--redis-outage", type=int, default=60, help="seconds Redis stays down")
    parser.add_argument("--settle", type=float, default=10, help="seconds of load after recovery")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    args = parser.parse_args()

    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    args.workdir.mkdir(parents=True)
    stack = Stack(args.workdir, args.pg_port, args.redis_port, args.web_port)
    load = Load(port=args.web_port, threads=args.threads)
    try:
        print("drill: starting PostgreSQL and Redis", file=sys.stderr)
        stack.start_postgres()
        stack.start_redis()
        print("drill: bin/prepare and demo data", file=sys.stderr)
        stack.prepare()
        stack.start_serve()
        if wait_until(lambda: readiness(args.web_port).get("status") == "ok", timeout=120) is None:
            raise SystemExit(f"the stack did not become ready; see {stack.serve_log}")
        load.story_paths = story_paths(args.web_port)
        load.start()
        time.sleep(args.settle)
        baseline = summary(load, "no fault (baseline)", load.samples[0].at, time.time(), 0.0)
        print("drill: faults", file=sys.stderr)
        results = [baseline, *drill(stack, load, args.redis_outage, args.settle)]
    finally:
        load.stop.set()
        stack.stop_all()
        if not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
    print(json.dumps(results, indent=2))
    print(
        f"\n{'fault':34} {'requests':>8} {'failed':>6} {'pages':>5} {'500':>4} {'503':>4} "
        f"{'err s':>6} {'recovery s':>10}"
    )
    for row in results:
        print(
            f"{row['fault']:34} {row['requests']:8} {row['failed']:6} {row['failed_pages']:5} "
            f"{row['http_500']:4} "
            f"{row['http_503']:4} {row['error_seconds']:6} {row['seconds_to_recovery']!s:>10}"
        )


def story_paths(port: int) -> list[str]:
    """A few published story pages, read from the home page."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/")
        page = connection.getresponse().read().decode("utf-8", "replace")
    finally:
        connection.close()
    return sorted(set(re.findall(r'href="(/berita/[^"#?/]+/)"', page)))[:5]


if __name__ == "__main__":
    main()
