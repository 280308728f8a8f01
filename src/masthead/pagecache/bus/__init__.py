"""How an invalidation reaches every server process: through Redis when `REDIS_URL` is set,
else through the database. One backend per file, picked by settings.

A backend numbers each invalidation from one shared increasing sequence (`publish`), tells a
starting process where the sequence stands (`current`), and feeds a process's listener thread
the invalidations after a number in order (`listen`).
"""

from django.conf import settings
from django.utils.module_loading import import_string


def load():
    config = settings.MASTHEAD_PAGE_CACHE["BUS"]
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))
