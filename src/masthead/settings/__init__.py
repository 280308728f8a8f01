"""Masthead's settings: every option has a working default; the environment switches on the rest.

MASTHEAD_HOME       data folder (SQLite database, media, generated secret key); default ./var
MASTHEAD_BASE_URL   the site's origin, the one source of absolute URLs; default http://127.0.0.1:$PORT
MASTHEAD_TIME_ZONE  the newsroom's time zone; default Europe/London
DATABASE_URL        e.g. postgres://user@host:5432/name; default SQLite in MASTHEAD_HOME
SECRET_KEY          default: generated once into MASTHEAD_HOME/secret_key
ALLOWED_HOSTS       comma-separated; the base URL's host and loopback are always allowed
DEBUG               default off (`masthead serve` warns when it is on)
REDIS_URL           e.g. redis://127.0.0.1:6379/0: the page cache's shared store and invalidations
MASTHEAD_PAGE_CACHE_MB  the page cache's in-process size per server process; default 8
MASTHEAD_BUS_POLL       seconds between a server process's reads of the database's invalidation
                        log when no notification wakes it (no REDIS_URL); default 0.1
MASTHEAD_TRACE_FILE     append when each invalidation reached each step (pagecache/trace.py)
MASTHEAD_VARNISH_URLS   comma-separated Varnish addresses (http://127.0.0.1:6081) to purge by tag
                        when content changes (docs/varnish.md); default none: no purging
MASTHEAD_S3_BUCKET (and MASTHEAD_S3_*, AWS_*)  media on object storage: settings/storage.py
MASTHEAD_SERVE_MAX_FAILURES, MASTHEAD_SERVE_FAILURE_WINDOW  `masthead serve` exits with status 1
                        after N failures within T seconds; default 5 within 600 (read by serve)
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from masthead.settings.environment import (
    base_url,
    cache_prefix,
    env_bool,
    env_list,
    masthead_home,
    owner_only_database,
    secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
MASTHEAD_HOME = masthead_home()
MASTHEAD_BASE_URL = base_url()
MASTHEAD_TIME_ZONE = os.environ.get("MASTHEAD_TIME_ZONE", "Europe/London")
# The shared seed folder beside the repository (the demo's reference story).
MASTHEAD_SEED_DIR = Path(
    os.environ.get("MASTHEAD_SEED_DIR", PACKAGE_DIR.parent.parent.parent / "shared" / "seed")
)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(MASTHEAD_HOME)
ALLOWED_HOSTS = sorted(
    {"127.0.0.1", "localhost", "[::1]", urlsplit(MASTHEAD_BASE_URL).hostname, "testserver"}
    | set(env_list("ALLOWED_HOSTS"))
)

INSTALLED_APPS = [
    "masthead.core",
    "masthead.images",
    "masthead.people",
    "masthead.sections",
    "masthead.articles",
    "masthead.pages",
    "masthead.curation",
    "masthead.reader",
    "masthead.publishing",
    "masthead.search",
    "masthead.feeds",
    "masthead.api",
    "masthead.demo",
    "masthead.pagecache",
    "masthead.serving",
    "masthead.backup",
    "masthead.wordpress",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's review e-mails with the desks' own.
    "masthead.newsroom",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # Outermost: it stores the response every other middleware has finished (docs/page-cache.md).
    "masthead.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before Wagtail's redirects (which act only on a 404): ?p=ID and the other WordPress
    # query URLs of an imported site, on any path (docs/wordpress-import.md).
    "masthead.wordpress.middleware.WordPressQueryMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "masthead.core.ordering.AtomicAdminWritesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        # Reader pages: Jinja2, several times faster than Django templates on the hot path.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [PACKAGE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "masthead.reader.jinja2.environment",
            "context_processors": [
                "masthead.reader.context_processors.site_identity",
                "masthead.reader.context_processors.banner",
                "masthead.reader.context_processors.navigation",
                "masthead.reader.context_processors.menus",
            ],
            "autoescape": True,
            "auto_reload": DEBUG,
        },
    },
    {
        # The admin and third-party apps keep Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

SQLITE_PATH = MASTHEAD_HOME / "masthead.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the worker both write: WAL lets readers run beside a writer, IMMEDIATE
    # takes the write lock at BEGIN (no upgrade deadlocks), the timeout waits instead of failing.
    # Each request thread keeps its connection (CONN_MAX_AGE, 60 s as on PostgreSQL): opening
    # one reads the schema again and starts with an empty page cache, which cost more CPU than
    # rendering a story's body. Outside a transaction a kept connection reads the newest commit.
    # Each kept connection has a page cache of its own: 512 KiB, not SQLite's 2 MB, since the
    # operating system caches the file for all of them (bench.memory on 10,000 stories: 153/154
    # MB per worker instead of 160/160, the same CPU; the import's CPU unchanged).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            " PRAGMA cache_size=-512;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": str(MASTHEAD_HOME / "test.sqlite3")}
    owner_only_database(Path(DATABASES["default"]["NAME"]))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = MASTHEAD_TIME_ZONE
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = MASTHEAD_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # `collectstatic` fills it; WhiteNoise wants it to exist
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = MASTHEAD_HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise's hashed, compressed files once `collectstatic` has written its manifest
    # (`masthead serve` keeps it fresh); plain names before that (runserver, the tests).
    "staticfiles": {"BACKEND": "masthead.serving.staticfiles.CollectedStaticFilesStorage"},
}
# Serve static files from the apps' folders until `collectstatic` has filled STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
# Media from the local folder is served by the app itself unless a proxy or object storage does.
MASTHEAD_SERVE_MEDIA = env_bool("MASTHEAD_SERVE_MEDIA", True)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("MASTHEAD_SITE_NAME", "Masthead")
WAGTAILADMIN_BASE_URL = MASTHEAD_BASE_URL
# Wagtail's database backend (FTS5 on SQLite, full text search on PostgreSQL), with headline-first
# ranking on SQLite: see masthead/search/backends and docs/search.md.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backends"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAIL_I18N_ENABLED = False
# Everyone in the newsroom enters and reads times (go-live, expiry, embargo) in its zone.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}

# Mail (review notifications): SMTP when EMAIL_HOST is set, else printed to the log.
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# One JSON line per step of each invalidation, appended by every process (pagecache/trace.py).
if TRACE_FILE := os.environ.get("MASTHEAD_TRACE_FILE", "").strip():
    LOGGING["handlers"]["trace"] = {"class": "logging.FileHandler", "filename": TRACE_FILE}
    LOGGING["loggers"] = {
        "masthead.trace": {"handlers": ["trace"], "level": "INFO", "propagate": False}
    }

# The reader page cache (docs/page-cache.md): an in-process LRU in front of a shared store,
# invalidated through Redis when REDIS_URL is set, else through the database.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
# Deployments that share one Redis keep apart by their database (override: MASTHEAD_CACHE_PREFIX).
MASTHEAD_CACHE_PREFIX = os.environ.get("MASTHEAD_CACHE_PREFIX") or cache_prefix(
    os.environ.get("DATABASE_URL") or str(SQLITE_PATH)
)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pagecache": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": MASTHEAD_CACHE_PREFIX,
        }
        if REDIS_URL
        else {
            "BACKEND": "masthead.pagecache.filestore.FileStore",
            "LOCATION": str(MASTHEAD_HOME / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    ),
}
MASTHEAD_PAGE_CACHE = {
    "ENABLED": env_bool("MASTHEAD_PAGE_CACHE", True),
    "MAX_BYTES": int(os.environ.get("MASTHEAD_PAGE_CACHE_MB", "8")) * 1024 * 1024,
    "STORE": "pagecache",
    "BUS": (
        {
            "BACKEND": "masthead.pagecache.bus.redis.RedisBus",
            "OPTIONS": {"url": REDIS_URL, "prefix": MASTHEAD_CACHE_PREFIX},
        }
        if REDIS_URL
        else {
            "BACKEND": "masthead.pagecache.bus.database.DatabaseBus",
            # Between reads of the log when no notification came (pagecache/wake.py).
            "OPTIONS": {"poll_interval": float(os.environ.get("MASTHEAD_BUS_POLL", "0.1"))},
        }
    ),
    # Start a listener thread per server process (off only in tests that drive it by hand).
    "LISTEN": True,
    # Send invalidations at once rather than when the transaction commits (tests only).
    "IMMEDIATE": False,
    "EXCLUDED_PREFIXES": [
        "/admin/",
        "/search/",
        "/api/",
        "/static/",
        "/media/",
        "/documents/",
        "/__",
    ],
    # Seconds. Entries are refreshed by invalidation; these bound what browsers and shared
    # caches keep without being told.
    "MAX_TTL": 24 * 3600,
    "MAX_AGE": 60,
    "S_MAXAGE": 300,
    "STALE_WHILE_REVALIDATE": 30,
}

# Purging shared caches by tag when content changes (masthead.pagecache.purge, docs/varnish.md):
# one backend per service, as Wagtail's frontend cache does; none configured, nothing is sent.
MASTHEAD_VARNISH_URLS = env_list("MASTHEAD_VARNISH_URLS")
MASTHEAD_PURGE_BACKENDS = {}
if MASTHEAD_VARNISH_URLS:
    MASTHEAD_PURGE_BACKENDS["varnish"] = {
        "BACKEND": "masthead.pagecache.purge.varnish.VarnishBackend",
        "URLS": MASTHEAD_VARNISH_URLS,
    }

from masthead.settings.abuse import *  # noqa: E402, F403 (throttling, page passwords, media)
from masthead.settings.language import *  # noqa: E402, F403
from masthead.settings.newsroom import *  # noqa: E402, F403 (date formats, mail time-out)
from masthead.settings.search import *  # noqa: E402, F403 (reader search limits)
from masthead.settings.security import *  # noqa: E402, F403
from masthead.settings.storage import *  # noqa: E402, F403 - media on object storage (its docstring)
from masthead.settings.tasks import *  # noqa: E402, F403
from masthead.settings.wordpress import *  # noqa: E402, F403 (the admin import's upload limit)
