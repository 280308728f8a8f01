"""Every reader page type of the demo, judged by checkers nobody on the team wrote.

The demo is served as an operator serves it (`masthead runserver` with nothing but PATH,
MASTHEAD_HOME and PORT, in a copy of the home that `masthead migrate` and `masthead demo` made once
for the run: tests/homes.py), then:

- the Nu Html Checker (npm vnu-jar) must find no error on any page, the 404 page included;
- axe-core in Chromium must find no WCAG 2.0/2.1 A or AA violation on any page, in the light and
  the dark colour scheme, at a phone and a desktop width (best-practice findings are reported);
- Lighthouse must score each page of LIGHTHOUSE_PAGES, at a phone and a desktop size, at the bars
  in LIGHTHOUSE_BARS.

Run with MASTHEAD_BROWSER_CHECKS=1 after `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
--ignore-scripts`, with Java 17 and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

from tests.homes import copy_demo_home
from tests.test_commands import free_port, wait_for_page

pytestmark = [pytest.mark.browser, pytest.mark.process]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run of the checker: the JVM's quick compiler only (about half the CPU time of the
# default, same messages), whose larger stack frames need a larger stack than the default.
VNU_JVM = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
LIGHTHOUSE_SCRIPT = Path(__file__).with_name("lighthouse.mjs")
AXE_SCRIPT = Path(__file__).with_name("axe.mjs")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic"
    " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
)

ARTICLE = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"
# Every reader page type, and the status it must answer with.
PAGES = {
    "/": 200,  # home
    "/top-news/": 200,  # section
    "/world/asia/": 200,  # nested section
    ARTICLE: 200,  # article
    "/tags/pakistan/": 200,  # tag
    "/authors/amara-okafor/": 200,  # author
    "/search/?q=pakistan": 200,  # search results
    "/search/?q=": 200,  # empty search
    "/business/?page=2": 200,  # a later page of a listing
    "/ethics-policy/": 200,  # standard page
    "/no-such-page/": 404,  # not found
}
# Every page type with its own layout, each at a phone's and a desktop's size.
LIGHTHOUSE_PAGES = ["/", ARTICLE, "/top-news/", "/search/?q=pakistan", "/ethics-policy/"]
LIGHTHOUSE_PRESETS = {"phone": [], "desktop": ["--preset=desktop"]}
# Audits a page fails on purpose, left out of its scores: search results carry `noindex`.
DELIBERATE = {"/search/?q=pakistan": {"is-crawlable"}}
LIGHTHOUSE_BARS = {"performance": 0.9, "accessibility": 0.95, "best-practices": 0.95, "seo": 0.95}
WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}


def run(args, timeout, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,
    )


@pytest.fixture(scope="module")
def tools():
    missing = [
        str(path)
        for path in (
            VNU_JAR,
            LIGHTHOUSE,
            NODE_MODULES / "axe-core",
            NODE_MODULES / "playwright-core",
        )
        if not path.exists()
    ]
    missing += [name for name in ("node", "java") if not shutil.which(name)]
    missing += [] if Path(CHROME).exists() else [CHROME]
    if missing:
        pytest.fail(
            "browser checks need `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts`, Java"
            f" and Chromium (apt-get install chromium); missing: {', '.join(missing)}"
        )


@pytest.fixture(scope="module")
def server(tools, tmp_path_factory, demo_home_template):
    """The demo newsroom on a free loopback port, started with nothing but PATH, home and PORT."""
    home = tmp_path_factory.mktemp("home")
    port = free_port()
    env = {"PATH": os.environ["PATH"], "MASTHEAD_HOME": str(home), "PORT": str(port)}
    # A worktree runs its own code, though the package is installed from another checkout.
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    copy_demo_home(demo_home_template, home, env)
    log = home / "runserver.log"
    with log.open("wb") as output:  # a file, not a pipe that nobody reads while the checks run
        process = subprocess.Popen(
            [BIN / "masthead", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_page(f"{base}/", timeout=120)
        except OSError:
            pytest.fail(f"the server did not answer on {base}/:\n{log.read_text()[-3000:]}")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def fetched(server, tmp_path_factory):
    """Each page's status and the path of its saved HTML."""
    folder = tmp_path_factory.mktemp("pages")
    pages = {}
    for path in PAGES:
        try:
            with urllib.request.urlopen(server + path, timeout=30) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        file = (folder / _slug(path)).with_suffix(".html")
        file.write_bytes(body)
        pages[path] = status, file
    return pages


@pytest.fixture(scope="module")
def checkable(fetched):
    """The pages that answer as they must (the others fail the status test, not every test)."""
    return [path for path, (status, _file) in fetched.items() if status == PAGES[path]]


def test_every_reader_page_answers_with_its_status(fetched):
    wrong = [
        f"{path}: {status}, expected {PAGES[path]}"
        for path, (status, _file) in fetched.items()
        if status != PAGES[path]
    ]
    assert not wrong, "\n".join(wrong)


def test_nu_html_checker_finds_no_errors(fetched, checkable, browser_notes):
    files = {fetched[path][1].name: path for path in checkable}
    folder = next(iter(fetched.values()))[1].parent
    vnu = ["java", *VNU_JVM, "-jar", VNU_JAR, "--errors-only", "--format", "json", "--stdout"]
    result = run([*vnu, *files], timeout=300, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    errors = [
        f"{files.get(m.get('url', '').rpartition('/')[2], m.get('url'))}"
        f":{m.get('lastLine')}:{m.get('firstColumn')}: {m['message']}"
        f" [{' '.join(m.get('extract', '').split())}]"
        for m in json.loads(result.stdout)["messages"]
    ]
    browser_notes.append(f"vnu: {len(errors)} errors on {len(files)} pages ({folder})")
    assert not errors, "Nu Html Checker:\n" + "\n".join(errors)
    assert result.returncode == 0, result.stdout + result.stderr


def _group(runs, kind, keep):
    """{(path, rule, target): [contexts]}: one line per problem, with the schemes and widths."""
    found = defaultdict(list)
    for page in runs:
        for rule in page[kind]:
            if keep(rule):
                for node in rule["nodes"]:
                    key = (page["path"], rule["id"], rule["impact"], node["target"])
                    summary = " ".join(node["summary"].split())
                    found[key, rule["help"], node["html"], summary].append(
                        f"{page['scheme']}@{page['width']}px"
                    )
    return [
        f"{path} [{rule_id}, {impact}] {target}: {help_} ({', '.join(where)})"
        f"\n    {html}\n    {summary}"
        for ((path, rule_id, impact, target), help_, html, summary), where in found.items()
    ]


def test_axe_finds_no_wcag_violations(server, checkable, browser_notes, tmp_path):
    result = run(["node", AXE_SCRIPT, server, *checkable], timeout=600)
    assert result.returncode == 0, result.stderr
    (tmp_path / "axe.json").write_text(result.stdout)
    runs = json.loads(result.stdout)
    assert len(runs) == 4 * len(checkable)
    wrong_status = [r for r in runs if r["status"] != PAGES[r["path"]]]
    assert not wrong_status, wrong_status

    def is_wcag(rule):
        return bool(WCAG_TAGS & set(rule["tags"]))

    violations = _group(runs, "violations", is_wcag)
    advisories = _group(runs, "violations", lambda rule: not is_wcag(rule))
    to_review = _group(runs, "incomplete", lambda rule: True)
    browser_notes.append(
        f"axe: {len(violations)} WCAG violations, {len(advisories)} best-practice findings,"
        f" {len(to_review)} to review on {len(checkable)} pages x 2 schemes x 2 widths"
        f" ({tmp_path / 'axe.json'})"
    )
    browser_notes.extend(f"axe best-practice: {line}" for line in advisories)
    browser_notes.extend(f"axe needs review: {line}" for line in to_review)
    assert not violations, "axe WCAG A/AA violations:\n" + "\n".join(violations)


@pytest.fixture(scope="module")
def lighthouse_runs(server, checkable, tmp_path_factory):
    """The first Lighthouse run of each page and preset, all in one Node process against one
    Chromium (tests/e2e/lighthouse.mjs): {(path, preset): (report, error or None)}."""
    folder = tmp_path_factory.mktemp("lighthouse")
    wanted = {
        (path, preset): folder / f"{_slug(path)}-{preset}.json"
        for path in LIGHTHOUSE_PAGES
        if path in checkable
        for preset in LIGHTHOUSE_PRESETS
    }
    errors = _run_lighthouse(server, wanted)
    return {key: (report, errors[key]) for key, report in wanted.items()}


@pytest.mark.parametrize("preset", LIGHTHOUSE_PRESETS)
@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_reach_the_bar(
    server, checkable, lighthouse_runs, path, preset, browser_notes, tmp_path
):
    if path not in checkable:
        pytest.fail(f"{path} does not answer {PAGES[path]}")
    data, report = _lighthouse(
        server, path, preset, browser_notes, first=lighthouse_runs[path, preset]
    )
    scores = {name: _score(data, name, DELIBERATE.get(path, set())) for name in LIGHTHOUSE_BARS}
    if (scores["performance"] or 0) < LIGHTHOUSE_BARS["performance"]:
        # The blocking time of a page without scripts swings with the machine's load (other
        # jobs share its cores): one more run, and the better performance score counts.
        browser_notes.append(f"lighthouse {path} ({preset}): {scores}, run again ({report})")
        again, report = _lighthouse(
            server, path, preset, browser_notes, report=tmp_path / "again.json"
        )
        rescored = {name: _score(again, name, DELIBERATE.get(path, set())) for name in scores}
        if (rescored["performance"] or 0) > (scores["performance"] or 0):
            data, scores = again, rescored
    browser_notes.append(f"lighthouse {path} ({preset}): {scores} ({report})")
    low = [name for name, bar in LIGHTHOUSE_BARS.items() if (scores[name] or 0) < bar]
    details = [line for name in low for line in _lost_points(data, name)]
    assert not low, f"Lighthouse {path} ({preset}): {scores}\n" + "\n".join(details)


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def _run_lighthouse(server, runs: dict) -> dict:
    """Lighthouse on each (path, preset) of `runs`, its JSON report written to the path given,
    one `lighthouse` command line each (the command's own flags), all run by lighthouse.mjs in
    one Node process against one Chromium: {(path, preset): the run's error, or None}."""
    commands = [
        [
            server + path,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(LIGHTHOUSE_BARS),
            "--output=json",
            f"--output-path={report}",
            *LIGHTHOUSE_PRESETS[preset],
        ]
        for (path, preset), report in runs.items()
    ]
    result = run(
        ["node", LIGHTHOUSE_SCRIPT, json.dumps(commands)],
        timeout=300 * len(commands),
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    done = {
        entry["output"]: entry["error"]
        for entry in (json.loads(line) for line in result.stdout.splitlines() if line[:1] == "{")
    }
    # A run the script did not get to fails with what the script printed.
    failed = f"lighthouse.mjs exit {result.returncode}: {result.stdout[-1000:]}{result.stderr}"
    return {key: done.get(str(report), failed) for key, report in runs.items()}


def _lighthouse(server, path, preset, browser_notes, first=None, report=None):
    """One Lighthouse report on `path` with the `preset`'s settings, as data: the `first` run's
    (report, error) if given, else a run of its own into `report`."""
    # Lighthouse sometimes loses the trace of a page load on a loaded machine (NO_NAVSTART,
    # NO_FCP): that is the tool failing, not the page, so such a run is repeated, twice at most.
    for attempt in range(1, 4):
        if attempt == 1 and first is not None:
            report, error = first
        else:
            error = _run_lighthouse(server, {(path, preset): report})[path, preset]
        if error is None or "Runtime error encountered" not in error or attempt == 3:
            break
        browser_notes.append(f"lighthouse {path}: run {attempt} failed, repeated: {error[-200:]}")
    assert error is None, error
    data = json.loads(report.read_text())
    assert not data.get("runtimeError"), data["runtimeError"]
    return data, report


def _score(data, category, left_out: set[str]) -> float | None:
    """The category's score, or its weighted mean without the audits `left_out`."""
    if not left_out:
        return data["categories"][category]["score"]
    refs = [ref for ref in data["categories"][category]["auditRefs"] if ref["weight"]]
    kept = [
        (ref["weight"], data["audits"][ref["id"]]["score"])
        for ref in refs
        if ref["id"] not in left_out and data["audits"][ref["id"]]["score"] is not None
    ]
    return round(sum(w * score for w, score in kept) / sum(w for w, _ in kept), 2)


def _lost_points(data, category):
    """The weighted audits that did not score 1 in a category, with the elements they name."""
    for ref in data["categories"][category]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            nodes = [item["node"].get("selector", "") for item in items if "node" in item]
            yield (
                f"{category}: {ref['id']} scored {audit['score']}: {audit['title']}"
                f" {audit.get('displayValue', '')} {' | '.join(nodes[:5])}"
            )


def test_the_layout_has_no_holes_and_the_footer_sits_at_the_bottom(server, browser_notes):
    """tests/e2e/layout.mjs: section rows fill their width, the footer sits at the bottom of a
    short page and lines up, and many header sections wrap instead of scrolling out of sight."""
    result = run(["node", Path(__file__).with_name("layout.mjs"), server], timeout=300)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    problems = [line for line in lines if line["step"] == "problem"]
    browser_notes.append(f"layout: {len(lines)} checks, {len(problems)} problems")
    assert result.returncode == 0 and not problems, problems or result.stderr[-2000:]


def test_the_site_settings_logo_field_is_usable_at_desktop_and_phone_widths(server, browser_notes):
    """tests/e2e/admin_layout.mjs: the logo's "Upload an image" is a button beside "Choose an
    image" at 1366 and 390 px, with its file input hidden inside it."""
    result = run(["node", Path(__file__).with_name("admin_layout.mjs"), server], timeout=300)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    problems = [line for line in lines if line["step"] == "problem"]
    browser_notes.append(f"admin layout: {len(lines)} checks, {len(problems)} problems")
    assert result.returncode == 0 and not problems, problems or result.stderr[-2000:]
