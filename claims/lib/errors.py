"""Which errors are worth another try, shared by the services (to keep work for later) and the tasks'
one retry policy (claims/tasks/retry.py)."""

import redis.exceptions
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as KombuOperationalError

# The database or the network blinked: the same work may succeed a little later.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
# What sending a task raises while the broker is unreachable: the work stays in its outbox.
BROKER_ERRORS = (KombuOperationalError, redis.exceptions.RedisError, OSError)
