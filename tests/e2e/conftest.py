"""The `browser` marker: checks in a real browser that run only with MASTHEAD_BROWSER_CHECKS=1.

They need Node (`npm ci` at the repository root), Java 17 and Chromium, and run once per CI run.
"""

import os

import pytest

ENABLED = os.environ.get("MASTHEAD_BROWSER_CHECKS") == "1"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: external checkers in Chromium; run only with MASTHEAD_BROWSER_CHECKS=1"
    )


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(
        reason="browser checks run only with MASTHEAD_BROWSER_CHECKS=1"
        " (they need npm ci, Java and Chromium)"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


_NOTES: list[str] = []


@pytest.fixture(scope="session")
def browser_notes() -> list[str]:
    """Lines shown at the end of the run whatever the outcome: scores, advisories, report paths."""
    return _NOTES


def pytest_terminal_summary(terminalreporter):
    if _NOTES:
        terminalreporter.section("browser checks")
        for line in _NOTES:
            terminalreporter.write_line(line)
