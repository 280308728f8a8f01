"""The copies of the run's demo home that the browser checks serve (tests/homes.py)."""

import pytest

from masthead.demo.content import SITE_NAME
from tests.homes import copy_demo_home
from tests.publishing.processes import Newsroom, run_masthead

pytestmark = pytest.mark.process


def test_a_copy_of_the_demo_home_points_its_site_at_the_address_it_is_served_at(
    tmp_path, demo_home_template
):
    """As `masthead demo` run with that address would: the admin's links to live pages (the
    site's host and port) lead to the server the test started, not to the template's address."""
    home = tmp_path / "home"
    env = {**Newsroom(home).env, "MASTHEAD_BASE_URL": "https://news.example.org:8443"}
    copy_demo_home(demo_home_template, home, env)
    site = run_masthead(
        env,
        "shell",
        "-c",
        "from wagtail.models import Site; site = Site.objects.get(is_default_site=True); "
        "print('SITE', site.hostname, site.port, site.site_name)",
    )
    assert f"SITE news.example.org 8443 {SITE_NAME}\n" in site, site
