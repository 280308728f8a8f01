"""A server worker's memory (docs/deployment.md, "Memory"): what it frees goes back to the
system, and it does not load what only the admin's importer, a search or PostgreSQL needs."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from masthead.serving import memory
from tests.test_commands import BIN, bare_env

TRIMMING = """
import ctypes, json, time
from pathlib import Path
from masthead.serving import memory


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


# 200 MB in 64 KB blocks (from the C heap, below its mmap threshold), a small block kept after
# each; the big ones freed: the heap's top stays in use, so glibc keeps the freed pages unless
# trimmed.
big, kept = [], []
for _ in range(200 * 16):
    big.append(bytes(64 * 1024))
    kept.append(bytes(600))
del big
before = rss_mb()
thread = memory.start_trimming(interval=0.05)
deadline = time.monotonic() + 10
while rss_mb() > before - 100 and time.monotonic() < deadline:
    time.sleep(0.05)
print(json.dumps({"before": before, "after": rss_mb(), "kept": len(kept)}))
"""


@pytest.mark.process
@pytest.mark.skipif(memory._malloc_trim() is None, reason="glibc only")
def test_a_worker_gives_freed_memory_back_to_the_system(tmp_path):
    """In a fresh interpreter, as a server worker is (a test process's heap, shaped by the tests
    before, may have given the memory back already or keep it in another arena)."""
    env = bare_env(tmp_path, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
    answer = subprocess.run(
        [str(BIN / "python"), "-c", TRIMMING],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = json.loads(answer.stdout.strip().splitlines()[-1])
    assert found["after"] < found["before"] - 100, found
    assert found["kept"] == 200 * 16


def test_trimming_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("MASTHEAD_MALLOC_TRIM", "0")
    assert memory.start_trimming() is None


READER_PROCESS = """
import json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
from masthead.serving.server import load_application
load_application("masthead.wsgi:application")
from django.test import Client
client = Client()
client.cookies["sessionid"] = "reader"
statuses = [client.get(path).status_code for path in ("/", "/feed/", "/sitemap.xml")]
loaded = sorted(name for name, module in sys.modules.items() if module is not None)
print(json.dumps({"statuses": statuses, "modules": loaded}))
"""


@pytest.fixture(scope="module")
def reader_process(tmp_path_factory):
    """What a server worker (on SQLite) answers and has loaded after a few reader pages."""
    home = tmp_path_factory.mktemp("reader")
    env = bare_env(home, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
    subprocess.run(
        [str(BIN / "masthead"), "migrate", "--noinput", "-v", "0"],
        env=env,
        check=True,
        timeout=600,
    )
    answer = subprocess.run(
        [str(BIN / "python"), "-c", READER_PROCESS],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    found = json.loads(answer.stdout.strip().splitlines()[-1])
    return found["statuses"], set(found["modules"])


@pytest.mark.process
def test_a_process_that_serves_readers_loads_no_importer_and_no_stemmer(reader_process):
    """The WordPress importer (with its HTML sanitiser) and Snowball's thirty stemmers were
    loaded by every server process at start: some 5 MB that only the worker's import and a
    search use."""
    statuses, modules = reader_process
    assert statuses == [200, 200, 200]
    assert "masthead.wordpress.admin_views" in modules, "the admin's URLs are loaded"
    loaded = {"snowballstemmer", "nh3", "masthead.wordpress.importer"} & modules
    assert not loaded


@pytest.mark.process
def test_a_worker_on_sqlite_loads_no_postgresql_driver(reader_process):
    """Django REST framework's probe for `django.contrib.postgres` loaded psycopg, libpq and
    their OpenSSL into every server worker: some 9 MB that only a PostgreSQL database uses."""
    statuses, modules = reader_process
    assert statuses == [200, 200, 200]
    assert "rest_framework.compat" in modules, "what probes for the driver is loaded"
    assert "psycopg" not in modules


def test_a_worker_on_postgresql_keeps_its_driver(monkeypatch):
    postgresql = {"default": {"ENGINE": "django.db.backends.postgresql"}}
    monkeypatch.setattr(django_settings, "DATABASES", postgresql)
    monkeypatch.delitem(sys.modules, "psycopg", raising=False)
    assert memory.without_postgres_driver() is False
    assert sys.modules.get("psycopg", "absent") is not None
