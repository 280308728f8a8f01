"""`masthead check --deploy` on an https site behind the documented TLS proxy setting."""

import os
import subprocess

import pytest

from tests.processes import coverage_env
from tests.test_commands import BIN


@pytest.mark.process
def test_the_deploy_check_is_clean_for_an_https_site_behind_a_tls_proxy(tmp_path):
    """Before: W004 (HSTS), W008 (SSL redirect), W012 and W016 (secure cookies)."""
    env = {
        "PATH": os.environ["PATH"],
        "MASTHEAD_HOME": str(tmp_path),
        "MASTHEAD_BASE_URL": "https://news.example.org",
        "DEBUG": "0",
        "MASTHEAD_BEHIND_TLS_PROXY": "1",
        **coverage_env(),
    }
    result = subprocess.run(
        [str(BIN / "masthead"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
