"""The newsroom's review and scheduling flows, clicked through Wagtail's admin in Chromium.

The demo is served as an operator serves it (`masthead runserver` with nothing but PATH,
MASTHEAD_HOME and PORT, in a copy of the home that `masthead migrate` and `masthead demo` made once
for the run: tests/homes.py) with `masthead worker` beside it, and
tests/e2e/newsroom.mjs (playwright-core in Debian's Chromium) plays the newsroom:

- review: the reporter writes a story in Top News (paragraph, quote, an image uploaded through the
  chooser) and submits it; the copy editor approves "Copy edit", the editor approves "Publish";
  logged out, the story is on /, /top-news/ and /feed/ within 5 s;
- scheduling: the editor sets a go-live time in the "Set publishing schedule" dialog and clicks
  Publish a few seconds before it; the worker makes it live, and it is on /top-news/ within 5 s
  of its time (the lateness is printed).

Run with MASTHEAD_BROWSER_CHECKS=1 after `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci
--ignore-scripts`, with Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.homes import copy_demo_home
from tests.test_commands import free_port, wait_for_page

pytestmark = [pytest.mark.browser, pytest.mark.process]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCRIPT = Path(__file__).with_name("newsroom.mjs")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def run(args, timeout, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
    )


def start(args, env, log: Path) -> subprocess.Popen:
    with log.open("wb") as output:  # a file, not a pipe that nobody reads
        return subprocess.Popen(
            [str(arg) for arg in args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, demo_home_template):
    """The demo on a free loopback port and a running worker, with nothing but PATH, home, PORT."""
    missing = [str(p) for p in (ROOT / "node_modules" / "playwright-core",) if not p.exists()]
    missing += [] if Path(CHROME).exists() else [CHROME]
    if missing:
        pytest.fail(f"the newsroom flow needs playwright-core and Chromium; missing: {missing}")
    home = tmp_path_factory.mktemp("newsroom-home")
    port = free_port()
    env = {"PATH": os.environ["PATH"], "MASTHEAD_HOME": str(home), "PORT": str(port)}
    if os.environ.get("PYTHONPATH"):  # a git worktree's own src/ over the editable install
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    copy_demo_home(demo_home_template, home, env)
    shell = run(
        [
            BIN / "masthead",
            "shell",
            "-c",
            "from masthead.sections.models import SectionPage;"
            "print(SectionPage.objects.get(slug='top-news').pk)",
        ],
        timeout=120,
        env=env,
    )
    assert shell.returncode == 0, shell.stdout + shell.stderr
    top_news = shell.stdout.strip().splitlines()[-1]
    server = start(
        [BIN / "masthead", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env,
        home / "runserver.log",
    )
    worker = start([BIN / "masthead", "worker"], env, home / "worker.log")
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_page(f"{base}/", timeout=120)
        except OSError:
            pytest.fail(f"the server did not answer on {base}/:\n{_tail(home / 'runserver.log')}")
        yield {"base": base, "home": home, "top_news": top_news, "worker": worker}
    finally:
        stop(worker)
        stop(server)


def _tail(path: Path, size: int = 3000) -> str:
    return path.read_text(errors="replace")[-size:] if path.exists() else "(no log)"


@pytest.fixture
def image(tmp_path) -> Path:
    """A small PNG, different on every run so that Wagtail does not call it a duplicate."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (640, 400), (180, 30, 40))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((320, 0, 640, 400), fill=(30, 60, 180))
    draw.ellipse((260, 140, 380, 260), fill=tuple(random.randrange(256) for _ in range(3)))  # noqa: S311
    path = tmp_path / "newsroom-photo.png"
    picture.save(path)
    return path


def play(newsroom, mode: str, image: Path, headline: str, timeout: int = 300) -> dict:
    """Run newsroom.mjs; {step: details} from its JSON lines. Fails with what the page showed."""
    assert newsroom["worker"].poll() is None, "the worker died:\n" + _tail(
        newsroom["home"] / "worker.log"
    )
    result = run(
        ["node", SCRIPT, mode, newsroom["base"], newsroom["top_news"], image, headline],
        timeout=timeout,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    steps = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            steps[entry["step"]] = entry
    if result.returncode != 0:
        pytest.fail(
            f"newsroom.mjs {mode} failed:\n{result.stderr}\nsteps done: {list(steps)}"
            f"\nworker log:\n{_tail(newsroom['home'] / 'worker.log', 1500)}"
        )
    return steps


def test_review_flow_from_reporter_to_front_page(newsroom, image, browser_notes):
    headline = f"Council approves night buses {int(time.time())}"
    steps = play(newsroom, "review", image, headline)

    assert steps["image-chosen"]["title"], steps["image-chosen"]
    assert steps["add-form"]["offered"] == [], steps["add-form"]  # no "Section or Story?"
    assert steps["add-form"]["corrections"] == 0, steps["add-form"]  # none on a first draft
    assert "Sent to copy edit: “" in steps["submitted"]["message"], steps["submitted"]
    assert "in review: copy edit" in steps["reporter-listing"]["row"].lower(), steps
    assert headline in steps["copyeditor-dashboard"]["panel"], steps["copyeditor-dashboard"]
    assert "in review" in steps["copyeditor-edit-view"]["status"].lower(), steps  # no "moderation"
    assert "Passed to the editor: “" in steps["copy-edit-approved"]["message"], steps
    assert "in review: publish" in steps["copyeditor-listing"]["row"].lower(), steps
    assert headline in steps["editor-dashboard"]["panel"], steps["editor-dashboard"]
    # The review steps are labelled: copy edit done, the editor's step in progress.
    labels = steps["editor-dashboard"]["steps"]
    assert len(labels) == 2 and labels[1].endswith(": In progress"), steps["editor-dashboard"]
    assert "Published: “" in steps["publish-approved"]["message"], steps
    assert "live" in steps["editor-listing"]["row"].lower(), steps["editor-listing"]

    found = steps["public"]["found"]
    missing = [path for path in ("/", "/top-news/", "/feed/") if path not in found]
    assert not missing, f"not public within 5 s on {missing}; found {found}"
    story = steps["story-page"]
    assert story == {
        "step": "story-page",
        "at": story["at"],
        "status": 200,
        "quote": True,
        "speaker": True,
        "image_alt": True,
    }, story
    browser_notes.append(f"review flow: public after approval on {found} (seconds)")


def test_scheduled_story_goes_live_with_the_worker(newsroom, image, browser_notes):
    headline = f"Scheduled briefing on the budget {int(time.time())}"
    steps = play(newsroom, "schedule", image, headline)

    dialog = steps["schedule-dialog"]  # Escape keeps the typed time; the picker covers nothing
    assert dialog["closed"] and dialog["kept"] == dialog["typed"], dialog
    assert dialog["picker_open"] and dialog["save_uncovered"], dialog
    scheduled = steps["scheduled"]
    assert "Scheduled for " in scheduled["message"], scheduled
    assert scheduled["seconds_ahead_at_publish_click"] > 0, scheduled
    appeared = steps["appeared"]
    assert appeared["seen_at"] is not None, (
        f"not on /top-news/ within 5 s of {scheduled['go_live_local']}:\n"
        + _tail(newsroom["home"] / "worker.log", 1500)
    )
    assert not appeared["early"], f"live before its time: {appeared}"
    lateness = appeared["lateness"]
    worker_lines = [
        line
        for line in _tail(newsroom["home"] / "worker.log", 20000).splitlines()
        if headline in line
    ]
    note = (
        f"scheduling: go-live {scheduled['go_live_local']} set in the schedule dialog, Publish"
        f" clicked {scheduled['seconds_ahead_at_publish_click']:.1f} s before it; on /top-news/"
        f" {lateness:.2f} s after its time; worker: {' | '.join(worker_lines) or '(no line)'}"
    )
    print(note)
    browser_notes.append(note)
    assert 0 <= lateness <= 5, note


DESK_SCRIPT = Path(__file__).with_name("desk.mjs")


def test_only_the_chief_lifts_an_embargo_and_the_unpublish_dialog_names_the_pick(
    newsroom, browser_notes
):
    """tests/e2e/desk.mjs: the section listing says when the embargoed story goes live; the
    editor's Publish with the embargo cleared is refused; the chief's, confirmed and with a
    reason, publishes the story and logs the reason; the unpublish dialog of a Don't Miss pick
    says it is referenced and its usage names the curation."""
    shell = run(
        [
            BIN / "masthead",
            "shell",
            "-c",
            "from masthead.articles.models import ArticlePage as A;"
            "e = A.objects.get(slug='unpublished-embargoed-report');"
            "p = A.objects.filter(dont_miss_entries__isnull=False).order_by('pk').first();"
            "print(e.pk, p.pk, e.get_parent().pk)",
        ],
        timeout=120,
        env={"PATH": os.environ["PATH"], "MASTHEAD_HOME": str(newsroom["home"])},
    )
    assert shell.returncode == 0, shell.stdout + shell.stderr
    embargoed, picked, section = shell.stdout.split()[-3:]
    result = run(
        ["node", DESK_SCRIPT, newsroom["base"], embargoed, picked, section],
        timeout=180,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    steps = {
        entry["step"]: entry
        for entry in (json.loads(line) for line in result.stdout.splitlines() if line[:1] == "{")
    }
    assert result.returncode == 0, f"desk.mjs failed:\n{result.stderr}\nsteps: {steps}"
    listing = steps["section-listing"]  # the go-live time in the admin's section listing
    assert listing["header"] == 1 and listing["cell"].startswith("Embargoed until "), listing
    assert steps["editor-refused"]["said"], steps
    assert steps["chief-unconfirmed"]["said"], steps
    lifted = steps["chief-lifted"]
    assert "Published: “" in lifted["message"], lifted
    assert lifted["status"] == 200, lifted
    assert steps["history"] == {"step": "history", "reason": True, "lifted": True}, steps
    dialog = steps["unpublish-dialog"]
    assert dialog["referenced"] == "This story is referenced 1 time.", dialog
    assert "curation" in dialog["usage"].lower(), dialog
    browser_notes.append(f"desk rules: {dialog['referenced']} usage: {dialog['usage'][:120]}")


HOME_SCRIPT = Path(__file__).with_name("newsroom_home.mjs")


def test_newsroom_home_starts_a_story_and_tells_the_copy_editor(newsroom, browser_notes, tmp_path):
    """tests/e2e/newsroom_home.mjs: "New story in Top News" is one click to the story form; sent
    to copy edit, the story tells the copy editor (menu count, list) and sits on the desk board
    in "Copy edit", one click from its edit form; the desk filter leaves other desks out."""
    headline = f"Night buses return to the harbour {int(time.time())}"
    result = run(
        ["node", HOME_SCRIPT, newsroom["base"], newsroom["top_news"], headline, tmp_path],
        timeout=240,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    steps = {
        entry["step"]: entry
        for entry in (json.loads(line) for line in result.stdout.splitlines() if line[:1] == "{")
    }
    assert result.returncode == 0, f"newsroom_home.mjs failed:\n{result.stderr}\nsteps: {steps}"
    live = steps["live-checks"]
    assert "needs a headline" in live["empty"] and "needs a standfirst" in live["empty"], live
    assert "Ready to publish" not in live["partial"], live  # no body text yet (issue 13)
    assert "needs body text" in live["partial"], live
    assert "Ready to publish" in live["typed"], live
    agency = steps["agency-added"]  # the chooser tells kinds apart and adds in place
    assert "Kind" in agency["headers"] and agency["chosen"] == agency["name"], agency
    new_story = steps["new-story"]
    assert new_story["label"] == "New story in Top News", new_story
    # the headline is labelled, with its required mark, not only a placeholder (issue 13)
    assert new_story["headline_label"] == "Headline*", new_story
    assert new_story["headline_label_width"] > 40, new_story
    assert new_story["url"] == f"/admin/pages/add/articles/articlepage/{newsroom['top_news']}/"
    assert "Notifications (" in steps["menu"]["notifications"], steps["menu"]
    home = steps["home"]
    layout = home["awaiting_layout"]  # headlines not squeezed, rows not clipped (issue 13)
    assert layout["desktop"]["title_width"] >= 240, layout
    assert layout["phone"]["title_width"] >= 160 and not layout["phone"]["clipped"], layout
    assert "Riley Reporter" in home["row"] and "Top News" in home["row"], home
    assert home["pipeline"]["copy_edit"] >= 1, home
    assert home["awaiting_links_to_edit"] and home["generic_panels"] == 0, home
    assert f"Riley Reporter sent “{headline}” to copy edit." in steps["notifications"]["text"]
    assert steps["row-opens"]["title"] == headline, steps["row-opens"]
    assert steps["filtered"]["shows_top_news_story"] == 0, steps["filtered"]
    assert steps["publish-at"] == {
        "step": "publish-at",
        "label": "Publish at…",
        "dialog_open": True,
    }
    assert (tmp_path / "newsroom-home.png").stat().st_size > 10_000
    browser_notes.append(f"newsroom home: pipeline {home['pipeline']} ({tmp_path})")


WRITE_SCRIPT = Path(__file__).with_name("write_story.mjs")
FLOWS_SCRIPT = Path(__file__).with_name("desk_flows.mjs")
# Further actions (beyond one per value), measured on the desk branch (docs/newsroom.md): the
# reporter's full story 20 → 8 (the aim: 8), the copy editor's pass with one
# correction 6 → 5, the editor's "Publish at…" and approval 9 → 8. CI fails above these.
MAX_FURTHER_ACTIONS = 8
MAX_COPY_EDITOR_FURTHER = 6
MAX_EDITOR_FURTHER = 9


def run_steps(args, timeout=240) -> tuple[subprocess.CompletedProcess, dict]:
    result = run(args, timeout=timeout, env={**os.environ, "CHROME_PATH": CHROME})
    steps = {
        entry["step"]: entry
        for entry in (json.loads(line) for line in result.stdout.splitlines() if line[:1] == "{")
    }
    return result, steps


def in_the_library(newsroom, picture: Path) -> str:
    """Puts a copy of `picture` in the image library, as an earlier upload would: its id."""
    shell = run(
        [
            BIN / "masthead",
            "shell",
            "-c",
            "from django.core.files import File\n"
            "from wagtail.images import get_image_model\n"
            f"with open({str(picture)!r}, 'rb') as f:\n"
            "    image = get_image_model()(title='Depot', file=File(f, name='depot.png'))\n"
            "    image._set_image_file_metadata()\n"
            "    image.save()\n"
            "print(image.pk)",
        ],
        timeout=120,
        env={
            "PATH": os.environ["PATH"],
            "MASTHEAD_HOME": str(newsroom["home"]),
            **({"PYTHONPATH": os.environ["PYTHONPATH"]} if os.environ.get("PYTHONPATH") else {}),
        },
    )
    assert shell.returncode == 0, shell.stdout + shell.stderr
    return shell.stdout.strip().splitlines()[-1]


def test_the_desks_three_roles_take_few_actions(newsroom, tmp_path, browser_notes):
    """tests/e2e/write_story.mjs, then desk_flows.mjs on the same story, count every click,
    fill, key press and file pick: the reporter writes the full story of issue 13 (images
    uploaded in place, the body pasted) and sends it to copy edit; the copy editor corrects it
    once and passes it; the editor sets its go-live time and approves it."""
    from PIL import Image

    pictures = []
    for n, colour in enumerate([(200, 40, 40), (40, 90, 200)]):
        path = tmp_path / f"photo-{n}-{int(time.time())}.png"
        Image.new("RGB", (640, 400), (colour[0], colour[1], random.randrange(256))).save(path)  # noqa: S311
        pictures.append(path)
    headline = f"Night buses return to the city {int(time.time())}"
    base = newsroom["base"]
    library_copy = in_the_library(newsroom, pictures[0])
    result, steps = run_steps(
        ["node", WRITE_SCRIPT, base, newsroom["top_news"], *pictures, headline]
    )
    assert result.returncode == 0, f"write_story.mjs failed:\n{result.stderr}\nsteps: {steps}"
    # The lead picture is in the library already: the upload chooses the library's copy, and
    # nothing speaks of deleting anything (issue 13: "Image 'lead' deleted." after submit).
    assert steps["lead-image-chosen"] == {
        "step": "lead-image-chosen",
        "id": library_copy,
        "said": "",
    }, steps["lead-image-chosen"]
    assert steps["byline"]["by_default"], "the byline is not the writer's by default"
    assert "Sent to copy edit" in steps["submitted"]["message"], steps["submitted"]
    # Its images may be in the library already (a duplicate is answered with the library's
    # copy): nothing tells the reporter of a deletion (issue 13: "Image 'lead' deleted.").
    assert "deleted" not in steps["submitted"]["message"].lower(), steps["submitted"]
    counted = steps["counted"]
    browser_notes.append(
        f"reporter's full story: {counted['values']} values in {counted['value_actions']}"
        f" actions + {counted['further']} further = {counted['total']} actions"
    )
    assert counted["values"] == 17, counted["actions"]
    assert counted["further"] <= MAX_FURTHER_ACTIONS, counted["actions"]
    # The pasted body: its paragraphs, then the quote with its speaker, then the figure.
    blocks = steps["body-blocks"]
    assert blocks["types"] == ["paragraph", "quote", "image"], blocks
    assert (blocks["quote"], blocks["speaker"]) == ("Night workers need a way home", "Tahir Khan")
    # The body image, chosen again in a new story, brings what it was described with.
    assert steps["defaults-offered"] == {
        "step": "defaults-offered",
        "alt": "Passengers board at midnight",
        "caption": "Passengers board at midnight.",
        "credit": "Photo: Sam Lee",
    }, steps["defaults-offered"]
    # A file that is no picture is refused under the chooser, saying why; the chosen one stays.
    refused = steps["upload-refused"]
    assert "not-a-picture.png could not be uploaded: " in refused["said"], refused
    assert refused["kept"], refused

    result, steps = run_steps(["node", FLOWS_SCRIPT, "copyedit", base, headline])
    assert result.returncode == 0, f"desk_flows.mjs copyedit failed:\n{result.stderr}\n{steps}"
    assert "Passed to the editor: “" in steps["passed"]["message"], steps["passed"]
    copy_editor = steps["counted"]
    assert copy_editor["values"] == 1, copy_editor["actions"]
    assert copy_editor["further"] <= MAX_COPY_EDITOR_FURTHER, copy_editor["actions"]

    result, steps = run_steps(["node", FLOWS_SCRIPT, "schedule", base, headline])
    assert result.returncode == 0, f"desk_flows.mjs schedule failed:\n{result.stderr}\n{steps}"
    # The go-live time is named as the newsroom's zone names it, on save, on the button that
    # schedules and in the message after it (the demo's zone: Europe/London).
    at = re.compile(r"14:35 (GMT|BST), \w{3} \d{1,2} \w{3}")
    saved = steps["schedule-saved"]["message"]
    assert saved.startswith("Draft saved, to go live at ") and at.search(saved), saved
    assert re.fullmatch(r"Approve and schedule for " + at.pattern, steps["scheduled"]["label"])
    assert re.match(r"Scheduled for " + at.pattern + ": “", steps["scheduled"]["message"]), steps
    # The schedule dialog names the zone; its picker, opened by a click or by Tab, sits inside
    # the dialog over nothing; a time typed key by key survives Escape and reopening.
    dialog = steps["schedule-dialog"]
    assert "24-hour" in dialog["zone"] and "Europe/London (GMT or BST)" in dialog["zone"], dialog
    for opened in (dialog["by_click"], dialog["by_tab"]):
        assert opened == {"open": True, "inside": True, "covered": []}, dialog
    assert dialog["closed"] and dialog["kept"] == dialog["typed"], dialog
    # ... and Publish then says it schedules, at that time; the time cleared, it publishes.
    assert dialog["after_close"] == "Schedule for 09:30 BST, Sun 4 May", dialog
    assert dialog["after_clear"] == "Publish", dialog
    editor = steps["counted"]
    assert editor["values"] == 1, editor["actions"]
    assert editor["further"] <= MAX_EDITOR_FURTHER, editor["actions"]
    browser_notes.append(
        f"copy editor: {copy_editor['values']} value + {copy_editor['further']} further;"
        f" editor: {editor['values']} value + {editor['further']} further"
    )
