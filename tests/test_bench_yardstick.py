"""The bench's yardstick (bench/yardstick/): a plain Wagtail article site built at 20 stories and
served by granian as the bench serves it, answering a story page with its headline; and the
yardstick's targets (bench/checks.py) saying PASS or MISS."""

import html
import urllib.request

import pytest
from bench.checks import yardstick_checks
from bench.report import yardstick_table
from bench.yardstick import replay
from bench.yardstick.serve import Granian, build, story_paths, yardstick_env


@pytest.mark.process
def test_the_yardstick_site_serves_a_story_with_its_headline(tmp_path):
    home = tmp_path / "yardstick"
    build(home, 20, say=lambda line: None)
    paths = story_paths(home)
    assert len(paths) == 20
    server = Granian("bench.yardstick.wsgi:application", yardstick_env(home), workers=1, threads=1)
    try:
        server.start(paths[-1])
        with urllib.request.urlopen(server.origin + paths[-1], timeout=30) as response:  # noqa: S310
            assert response.status == 200
            page = html.unescape(response.read().decode())
        with urllib.request.urlopen(server.origin + "/", timeout=30) as response:  # noqa: S310
            index = html.unescape(response.read().decode())
    finally:
        server.stop()
    title = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert title and f"<title>{title} · Yardstick</title>" in page
    assert title in index  # the index lists the newest stories, this one among them


@pytest.mark.process
def test_the_replay_app_sends_the_recorded_response_with_its_headers(tmp_path):
    recorded = tmp_path / "replay.json"
    headers = [("Content-Type", "text/html"), ("X-Masthead-Cache", "hit"), ("Date", "then")]
    replay.record(recorded, headers, b"<p>story</p>")
    env = {**yardstick_env(tmp_path), "BENCH_REPLAY": str(recorded)}
    server = Granian("bench.yardstick.replay:application", env, workers=1, threads=1)
    try:
        server.start("/")
        with urllib.request.urlopen(server.origin + "/any/path/", timeout=30) as response:  # noqa: S310
            assert (response.status, response.read()) == (200, b"<p>story</p>")
            assert response.headers["X-Masthead-Cache"] == "hit"
            assert response.headers.get_all("Date") != ["then"]  # granian's own, not the copy
    finally:
        server.stop()


def result(rps: float, p99_ms: float = 10.0) -> dict:
    return {"rps": rps, "p50_ms": p99_ms / 2, "p99_ms": p99_ms}


def test_the_yardstick_ratios_pass_or_miss_against_their_targets():
    runs = [
        {
            "uncached story": result(900 + run),
            "yardstick story": result(250),
            "uncached single": result(100, 40),
            "yardstick single": result(30, 100),
            "cached story": result(9_000),
            "nginx static": result(10_000),
            "hello": result(12_000),
            "replayed story": result(9_500),
        }
        for run in range(3)
    ]
    uncached, p99, nginx, hello, *references = yardstick_checks(runs)
    assert (uncached.verdict, uncached.measured.split()[0]) == ("PASS", "3.60")  # the median run
    assert (p99.verdict, p99.measured.split()[0]) == ("PASS", "0.40")
    assert (nginx.verdict, hello.verdict) == ("PASS", "MISS")  # 0.90 and 0.75
    # The replayed response has no target: its ratios are shown for reference only.
    assert [(check.verdict, check.measured.split()[0]) for check in references] == [
        ("----", "0.95"),
        ("----", "0.79"),
        ("----", "0.95"),
    ]
    assert all("(for reference)" in check.target for check in references)
    assert {check.verdict for check in yardstick_checks([])} == {"----"}


def test_the_yardstick_table_shows_each_round():
    runs = [
        {"uncached story": result(900 + run), "yardstick story": result(250)} for run in range(3)
    ]
    table = yardstick_table({"stories": 1000, "runs": runs})
    assert "1,000 stories, 3 interleaved round(s)" in table[0]
    assert table[2].startswith("uncached story") and "902 5.0 10.0" in table[2]
