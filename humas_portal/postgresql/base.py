"""Django's PostgreSQL backend, waiting a moment for a server that is restarting.

A restart of PostgreSQL refuses connections for about a second. Rather than answering the
maintenance page for requests that arrive meanwhile, a new connection is tried again for up
to ``CONNECT_PATIENCE`` seconds: a short restart costs those requests some latency, not an
error. A longer outage still ends in the 503 maintenance page (humas_portal/views.py).
"""

import time

from django.conf import settings
from django.db.backends.postgresql import base

# Pause between two attempts to connect.
RETRY_PAUSE = 0.2


class DatabaseWrapper(base.DatabaseWrapper):
    """The PostgreSQL backend with a patient connect."""

    def get_new_connection(self, conn_params):
        """Connect, trying again for a few seconds while the server refuses."""
        patience = getattr(settings, "DATABASE_CONNECT_PATIENCE", 0)
        deadline = time.monotonic() + patience
        while True:
            try:
                return super().get_new_connection(conn_params)
            except base.Database.OperationalError:
                if time.monotonic() + RETRY_PAUSE > deadline:
                    raise
                time.sleep(RETRY_PAUSE)
