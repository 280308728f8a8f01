"""Media on S3-compatible object storage (django-storages, boto3), for more than one app server.

Off unless MASTHEAD_S3_BUCKET is set; then uploads, renditions and documents go to the bucket:

- originals and documents under `private/`, private objects: the app reads them; a browser gets
  an original only through a signed URL that expires (MASTHEAD_S3_URL_EXPIRY seconds), and a
  document only through Wagtail's serve view, which applies collection privacy first;
- renditions (what reader pages show) under `public/`, publicly readable, at the bucket's URL or
  at MASTHEAD_S3_CUSTOM_DOMAIN (a CDN in front of the bucket).

MASTHEAD_S3_BUCKET        the bucket (it must exist); unset: media stay in MASTHEAD_HOME/media
MASTHEAD_S3_ENDPOINT_URL  the S3 API endpoint of a non-AWS store, e.g. https://s3.example.net
MASTHEAD_S3_REGION        the bucket's region; default AWS_DEFAULT_REGION, else boto3's default
MASTHEAD_S3_CUSTOM_DOMAIN host (and path) that serves the public renditions, e.g. cdn.example.org
MASTHEAD_S3_URL_EXPIRY    seconds a signed URL of an original stays valid; default 300
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN)  credentials, read by boto3 itself
                          (also from its other sources: ~/.aws, an instance role)

With the bucket set, the app no longer serves /media/ (MASTHEAD_SERVE_MEDIA defaults to off).
This module is imported at the end of settings/__init__.py, whose STORAGES it extends.
"""

import os

from masthead.settings import STORAGES  # the base settings, defined before this import
from masthead.settings.environment import env_bool

S3_BACKEND = "storages.backends.s3.S3Storage"
DEFAULT_URL_EXPIRY = 300


def s3_storages(environ) -> dict[str, dict]:
    """STORAGES entries for the bucket named in `environ`; none when MASTHEAD_S3_BUCKET is unset."""
    bucket = environ.get("MASTHEAD_S3_BUCKET", "").strip()
    if not bucket:
        return {}
    common = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("MASTHEAD_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("MASTHEAD_S3_REGION") or environ.get("AWS_DEFAULT_REGION"),
        "file_overwrite": False,
    }
    private = {
        **common,
        "location": "private",
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(environ.get("MASTHEAD_S3_URL_EXPIRY", DEFAULT_URL_EXPIRY)),
    }
    public = {
        **common,
        "location": "public",
        "default_acl": "public-read",
        "querystring_auth": False,
        "custom_domain": environ.get("MASTHEAD_S3_CUSTOM_DOMAIN") or None,
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        "renditions": {"BACKEND": S3_BACKEND, "OPTIONS": public},
    }


_OBJECT_STORAGE = s3_storages(os.environ)
if _OBJECT_STORAGE:
    STORAGES = {**STORAGES, **_OBJECT_STORAGE}
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # Documents are streamed by Wagtail's serve view after its privacy checks: never a
    # public URL, and no signed URL that could be passed on.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    MASTHEAD_SERVE_MEDIA = env_bool("MASTHEAD_SERVE_MEDIA", False)
