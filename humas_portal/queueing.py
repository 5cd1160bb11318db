"""Hand tasks to the Celery broker without letting a broker outage reach the user.

Every write that queues background work stores its state first (a photo waiting for renditions,
an invitation not yet sent, a queued import or bundle), and a beat sweep queues again whatever
is still waiting. So when the broker is down the request still succeeds: the task is logged as
waiting and the sweep sends it once the broker is back.
"""

import logging
from typing import Any

from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What a publish raises when the broker cannot be reached (kombu wraps connection errors).
BROKER_ERRORS = (OperationalError, RedisError, OSError)


def enqueue(task: Any, *args: Any) -> bool:
    """Queue ``task(*args)``; on a broker outage log a warning and return False."""
    if task.app.conf.task_always_eager:
        # Run in-process (development, tests): there is no broker, and errors must show.
        task.delay(*args)
        return True
    try:
        task.delay(*args)
    except BROKER_ERRORS as error:
        # Only the first argument (an id): later ones may be secret, like an invitation token.
        first = args[0] if args else ""
        logger.warning(
            "Broker unavailable; %s(%s) waits for its sweep: %s", task.name, first, error
        )
        return False
    return True


def enqueue_on_commit(task: Any, *args: Any) -> None:
    """Queue ``task(*args)`` once the current transaction commits; a broker outage is logged."""
    from django.db import transaction

    transaction.on_commit(lambda: enqueue(task, *args))
