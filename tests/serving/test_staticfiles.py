"""The static collection that `masthead serve` keeps fresh, and the storage it switches on."""

import os
import re
import time

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage

from masthead.serving import preflight
from masthead.serving.staticfiles import collection_is_stale

HASHED = re.compile(r"^/static/site\.[0-9a-f]{12}\.css$")


def age(path, seconds: float = 10) -> None:
    """Make `path` older, so that a file written now is newer whatever the clock's resolution."""
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


@pytest.fixture
def sources(settings, tmp_path):
    """A static folder of two small files, collected into a STATIC_ROOT of the test's own."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text("".join(f".c{n} {{ color: #111; }}\n" for n in range(50)))
    (source / "app.js").write_text("console.log('masthead');\n")
    for path in source.iterdir():
        age(path, 100)
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    return source


def test_before_collectstatic_the_names_are_plain(sources):
    assert staticfiles_storage.url("site.css") == "/static/site.css"
    assert collection_is_stale(staticfiles_storage) == "nothing collected yet"


def test_serve_collects_then_hands_out_hashed_names(sources, settings):
    said = []
    assert preflight.refresh_static(say=said.append) is True
    assert "nothing collected yet" in said[0]
    assert (settings.STATIC_ROOT / "staticfiles.json").exists()
    assert list(settings.STATIC_ROOT.glob("site.*.css.gz"))  # compressed beside it

    staticfiles_storage._setup()  # a new process reads the new manifest
    assert HASHED.match(staticfiles_storage.url("site.css"))
    # An up-to-date collection is left alone.
    assert collection_is_stale(staticfiles_storage) is None
    assert preflight.refresh_static(say=said.append) is False


def test_a_changed_or_new_source_makes_the_collection_stale(sources):
    preflight.refresh_static(say=lambda line: None)
    age(staticfiles_storage.path("staticfiles.json"))
    (sources / "site.css").write_text("body { color: #222; }\n")
    assert collection_is_stale(staticfiles_storage) == "site.css changed"

    preflight.refresh_static(say=lambda line: None)
    assert collection_is_stale(staticfiles_storage) is None
    (sources / "extra.css").write_text("p { margin: 0; }\n")
    assert collection_is_stale(staticfiles_storage) == "extra.css is new"


def test_a_file_missing_from_an_old_manifest_keeps_its_plain_name(sources):
    preflight.refresh_static(say=lambda line: None)
    (sources / "extra.css").write_text("p { margin: 0; }\n")
    staticfiles_storage._setup()
    assert staticfiles_storage.url("extra.css") == "/static/extra.css"  # served by the finders
    assert HASHED.match(staticfiles_storage.url("site.css"))
