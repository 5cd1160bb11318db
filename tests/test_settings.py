"""Settings: development defaults, production safeguards, Celery and the CSP header.

Settings are read once per process, so every mode is checked in a fresh interpreter
with a controlled environment (the project's .env file is ignored there).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from humas_portal.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parent.parent

# Runs before the settings import: a developer's .env must not leak into these checks.
IGNORE_DOTENV = "import environ\nenviron.Env.read_env = lambda *args, **kwargs: None\n"

PRODUCTION = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "humas.example.go.id",
    "DATABASE_URL": "postgres://humas@db.example.go.id:5432/humas",
    "REDIS_URL": "redis://cache.example.go.id:6379/0",
}


def run_python(code: str, **variables: str) -> subprocess.CompletedProcess:
    """Run code with only PATH and the given variables in the environment."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.update(variables)
    return subprocess.run(  # noqa: S603 - fixed interpreter, code from this module
        [sys.executable, "-c", IGNORE_DOTENV + code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_of(**variables: str) -> dict:
    """A few values of humas_portal.settings as the given environment makes them."""
    code = (
        "import json\n"
        "from humas_portal import settings as s\n"
        "print(json.dumps({\n"
        "    'DEBUG': s.DEBUG,\n"
        "    'BASE_DIR': str(s.BASE_DIR),\n"
        "    'DATABASE': {k: str(v) for k, v in s.DATABASES['default'].items()},\n"
        "    'CACHE': s.CACHES['default']['BACKEND'],\n"
        "    'EMAIL_BACKEND': s.EMAIL_BACKEND,\n"
        "    'EMAIL_FILE_PATH': str(s.EMAIL_FILE_PATH),\n"
        "    'CELERY_TASK_ALWAYS_EAGER': s.CELERY_TASK_ALWAYS_EAGER,\n"
        "    'CELERY_BROKER_URL': s.CELERY_BROKER_URL,\n"
        "    'STATICFILES': s.STORAGES['staticfiles']['BACKEND'],\n"
        "    'SESSION_COOKIE_SECURE': getattr(s, 'SESSION_COOKIE_SECURE', False),\n"
        "    'SECURE_SSL_REDIRECT': getattr(s, 'SECURE_SSL_REDIRECT', False),\n"
        "}))\n"
    )
    result = run_python(code, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    code = (
        "import os, sys\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'humas_portal.settings')\n"
        "from django.core.management import execute_from_command_line\n"
        f"execute_from_command_line(['manage.py', *{list(args)!r}])\n"
    )
    return run_python(code, **variables)


def test_the_embedded_default_is_sqlite_under_var_with_eager_celery():
    values = settings_of()

    assert values["DEBUG"] is True
    assert values["DATABASE"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASE"]["NAME"] == str(Path(values["BASE_DIR"]) / "var" / "db.sqlite3")
    assert values["CELERY_TASK_ALWAYS_EAGER"] is True
    assert values["CELERY_BROKER_URL"] == "memory://"
    assert values["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_the_e_mail_folder_comes_from_the_environment():
    assert settings_of()["EMAIL_FILE_PATH"].endswith("/var/mail")
    values = settings_of(EMAIL_FILE_PATH="/srv/humas-portal/mail")
    assert values["EMAIL_FILE_PATH"] == "/srv/humas-portal/mail"


def test_redis_turns_the_queue_and_the_shared_cache_on():
    values = settings_of(REDIS_URL="redis://127.0.0.1:6379/3")

    assert values["CELERY_TASK_ALWAYS_EAGER"] is False
    assert values["CELERY_BROKER_URL"] == "redis://127.0.0.1:6379/3"
    assert values["CACHE"] == "humas_portal.cache.RedisCache"


def test_production_mode_switches_the_safeguards_on():
    values = settings_of(**PRODUCTION, SECRET_KEY=secrets.token_urlsafe(48))

    assert values["DEBUG"] is False
    assert values["DATABASE"]["ENGINE"] == "humas_portal.postgresql"
    assert int(values["DATABASE"]["CONN_MAX_AGE"]) > 0
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True


def test_production_mode_passes_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        SECRET_KEY=secrets.token_urlsafe(48),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = manage("check", **PRODUCTION)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts():
    variables = {**PRODUCTION, "SECRET_KEY": secrets.token_urlsafe(48)}
    del variables["ALLOWED_HOSTS"]
    result = manage("check", **variables)

    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_celery_speaks_json_only_and_survives_lost_workers():
    conf = celery_app.conf

    assert conf.task_serializer == "json"
    assert conf.result_serializer == "json"
    assert list(conf.accept_content) == ["json"]
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    assert conf.timezone == "UTC"


def test_celery_beat_expires_invitations():
    schedule = {entry["task"] for entry in celery_app.conf.beat_schedule.values()}
    assert "accounts.tasks.expire_invitations" in schedule


def is_nonce(source: str) -> bool:
    return source.startswith("'nonce-") and source.endswith("'")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_content_security_policy_forbids_inline_code(path):
    # The page may still be under construction; the header is what matters here.
    response = Client(raise_request_exception=False).get(path)

    policy = response.headers.get("Content-Security-Policy", "")
    directives = {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert directives["default-src"] == ["'self'"]
    assert "'self'" in directives["script-src"]
    # Scripts come from the portal itself, or carry this response's nonce.
    assert all(source == "'self'" or is_nonce(source) for source in directives["script-src"])
    # Styles come from the portal, plus the one hashed stylesheet the rich-text editor injects.
    assert directives["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["style-src"][1:])
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]


@pytest.mark.services
def test_the_redis_cache_reuses_one_client_and_still_works():
    """One redis-py client per pool: the same object for every call, values round-trip."""
    from humas_portal.cache import RedisCache

    cache = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "humas-test-client"})
    cache.set("answer", {"value": 42}, 30)

    assert cache.get("answer") == {"value": 42}
    assert cache._cache.get_client() is cache._cache.get_client()
    assert cache.get_many(["answer", "missing"]) == {"answer": {"value": 42}}
    cache.delete("answer")


def site_url_of(**variables: str) -> str:
    result = run_python("from humas_portal import settings as s\nprint(s.SITE_URL)", **variables)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("host_port", "site_url"),
    [
        (None, "http://127.0.0.1:8000"),
        ("127.0.0.1:8101", "http://127.0.0.1:8101"),
        ("8102", "http://127.0.0.1:8102"),
        ("0.0.0.0:8103", "http://127.0.0.1:8103"),  # noqa: S104 - an address string only
        ("localhost:8104", "http://localhost:8104"),
    ],
)
def test_site_url_follows_the_host_port_of_make_run(host_port, site_url):
    assert site_url_of(**({"HOST_PORT": host_port} if host_port else {})) == site_url


def test_an_explicit_site_url_wins_over_the_host_port():
    assert (
        site_url_of(HOST_PORT="127.0.0.1:8101", SITE_URL="https://humas.example.go.id")
        == "https://humas.example.go.id"
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_passes_its_address_on_and_starts_the_scheduler_with_the_server():
    result = subprocess.run(  # noqa: S603 - fixed command
        ["make", "-n", "run", "HOST_PORT=127.0.0.1:8101"],  # noqa: S607 - make from PATH
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    commands = result.stdout
    assert "HOST_PORT=127.0.0.1:8101 .venv/bin/python manage.py seed_demo" in commands
    assert "export HOST_PORT=127.0.0.1:8101" in commands
    assert "manage.py run_scheduler & scheduler=$!" in commands
    assert "trap 'kill $scheduler 2>/dev/null' EXIT INT TERM" in commands
    assert "manage.py runserver 127.0.0.1:8101" in commands
