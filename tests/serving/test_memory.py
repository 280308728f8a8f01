"""A server worker's memory (docs/deployment.md, "Memory"): it does not load what only the
admin's importer or a search needs."""

import json
import os
import subprocess

import pytest

from tests.test_commands import BIN, bare_env

READER_PROCESS = """
import json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings"
from masthead.wsgi import application
from django.test import Client
client = Client()
client.cookies["sessionid"] = "reader"
statuses = [client.get(path).status_code for path in ("/", "/feed/", "/sitemap.xml")]
print(json.dumps({"statuses": statuses, "modules": sorted(sys.modules)}))
"""


@pytest.mark.process
def test_a_process_that_serves_readers_loads_no_importer_and_no_stemmer(tmp_path):
    """The WordPress importer (with its HTML sanitiser) and Snowball's thirty stemmers were
    loaded by every server process at start: some 5 MB that only the worker's import and a
    search use."""
    env = bare_env(tmp_path, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
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
    assert found["statuses"] == [200, 200, 200]
    modules = set(found["modules"])
    assert "masthead.wordpress.admin_views" in modules, "the admin's URLs are loaded"
    loaded = {"snowballstemmer", "nh3", "masthead.wordpress.importer"} & modules
    assert not loaded
