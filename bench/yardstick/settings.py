"""Settings of the yardstick site: what a plain Wagtail site needs to serve pages, nothing more.

YARDSTICK_HOME  folder of its SQLite database (default: the current folder)
DATABASE_URL    a database instead (dj-database-url syntax)
"""

import os
from pathlib import Path

import dj_database_url

HOME = Path(os.environ.get("YARDSTICK_HOME", ".")).resolve()
SECRET_KEY = "yardstick-bench-only"  # noqa: S105 (a benchmark site on loopback, never deployed)
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "bench.yardstick.articles",
    "wagtail.sites",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
ROOT_URLCONF = "bench.yardstick.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{HOME / 'yardstick.sqlite3'}",
        conn_max_age=60,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
WAGTAIL_SITE_NAME = "Yardstick"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
STATIC_URL = "/static/"
