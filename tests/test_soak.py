"""The soak harness's own logic (bench/soak/, docs/soak.md), cheaply: the VCL it derives from the
shipped one compiles, and what it counts as an error page and as a fresh page. The soak itself
runs for minutes and is not part of the suite (`make soak`)."""

import subprocess
from collections import Counter

import pytest
from bench.soak.freshness import is_fresh
from bench.soak.readers import classify
from bench.soak.report import errors_between, in_restart
from bench.soak.stores import soak_vcl

from tests.pagecache.varnish import VARNISH_MISSING, VARNISHD

ERROR_PAGE = b"<html><head><title>Something went wrong</title></head><body>...</body></html>"


@pytest.mark.process
@pytest.mark.skipif(bool(VARNISH_MISSING), reason=VARNISH_MISSING or "")
def test_the_soak_vcl_puts_two_servers_round_robin_behind_the_shipped_rules(tmp_path):
    vcl = tmp_path / "soak.vcl"
    vcl.write_text(soak_vcl([8001, 8002]))
    result = subprocess.run(
        [VARNISHD, "-C", "-f", str(vcl), "-n", str(tmp_path / "instance"), "-j", "none"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = vcl.read_text()
    assert '.port = "8001"' in text and '.port = "8002"' in text
    assert text.index("soak.backend()") < text.index("call vcl_req_host")  # ours runs first
    assert "xkey.purge" in text  # the shipped purge rules are kept


def test_an_error_body_is_an_error_whatever_its_status():
    assert classify(200, b"<html>a story</html>") == "ok"
    assert classify(200, ERROR_PAGE) == "error page"
    assert classify(503, b"Guru Meditation") == "5xx"
    assert classify(404, b"<html>Not found</html>") == "status 404"


def test_a_search_refused_by_its_limit_is_counted_apart_from_errors():
    busy = b"<html><h1>Search is busy</h1></html>"
    assert classify(503, busy, retry_after="5") == "search busy"
    assert classify(503, busy) == "5xx"  # no Retry-After: an error
    assert classify(503, b"Guru Meditation", retry_after="5") == "5xx"


def test_a_pulled_story_is_fresh_once_gone_from_its_address_and_the_lists():
    change = {"kind": "pull", "marker": "soak123", "urls": ["/world/soak-story/", "/world/"]}
    assert not is_fresh(change, "/world/soak-story/", 200, b"Soak story soak123")
    assert is_fresh(change, "/world/soak-story/", 410, b"Gone")
    assert not is_fresh(change, "/world/", 200, b"<li>Soak story soak123</li>")
    assert not is_fresh(change, "/world/", 500, ERROR_PAGE)  # an error page is not fresh
    assert is_fresh(change, "/world/", 200, b"<li>Another story</li>")


def test_errors_are_counted_against_the_fault_whose_seconds_they_fall_in():
    counts = Counter(
        {
            (100, "varnish", "ok"): 50,
            (101, "serve-a", "5xx"): 3,
            (104, "serve-a", "connection (ConnectionRefusedError)"): 2,
            (130, "serve-a", "5xx"): 1,
        }
    )
    window = errors_between(counts, 100, 120)
    assert window == {
        "serve-a": {
            "errors": 5,
            "first": 101,
            "last": 104,
            "seconds": 4,
            "kinds": {"5xx": 3, "connection (ConnectionRefusedError)": 2},
        }
    }
    faults = [{"started": 100.5, "ended": 102.0}]
    assert in_restart(104, faults) and not in_restart(130, faults)


def test_staleness_after_the_commit_leaves_out_the_editors_own_transaction():
    from bench.soak.freshness import after_commit

    change = {"clicked": 100.0, "committed": 100.7}
    assert after_commit(change, 1.2) == 0.5  # stale 1.2 s from the click, 0.5 s after commit
    assert after_commit(change, 0.3) == 0.0  # only old pages before the commit
    assert after_commit(change, None) is None  # never fresh stays never fresh
    assert after_commit({"clicked": 100.0}, 1.2) == 1.2  # no commit time: from the click
