"""The yardstick's WSGI application (granian: `bench.yardstick.wsgi:application`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.yardstick.settings")
application = get_wsgi_application()
