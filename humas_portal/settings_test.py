"""Test overlay: fast hashing, in-memory mail, eager tasks; services as configured."""

import os
import uuid

from .settings import *  # noqa: F403
from .settings import CACHES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process unless a test starts a real worker on purpose.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)  # noqa: F405
# Each test process gets its own cache namespace, so parallel runs against one
# Redis never see each other's rate-limit counters.
CACHES = {
    "default": {
        **CACHES["default"],
        "KEY_PREFIX": f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{uuid.uuid4().hex}",
    }
}
