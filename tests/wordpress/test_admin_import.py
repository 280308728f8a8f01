"""The admin's "Import from WordPress": who may, the upload limit, the queued task, the run's
progress and report pages, a bad file, and running it again (real database, real files on disk:
the export and the reports are in media storage)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from masthead.articles.models import ArticlePage
from masthead.publishing import roles
from masthead.wordpress.models import ImportedObject, ImportRun
from masthead.wordpress.tasks import import_run
from tests.factories.staff import staff_member
from tests.pages import parse, visible_text
from tests.wordpress.conftest import FIXTURES, MALFORMED, shared

pytestmark = pytest.mark.django_db

URL = "/admin/wordpress-import/"
EXPORT = FIXTURES / "newsroom.xml"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def chief(client, home):
    user = staff_member("chief", roles.CHIEF_EDITOR)
    client.force_login(user)
    return user


def upload(client, path: Path, **options):
    export = SimpleUploadedFile(path.name, path.read_bytes(), "text/xml")
    return client.post(URL, {"export": export, **options})


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def run_on_the_worker(run: ImportRun) -> ImportRun:
    """What `masthead worker` does with the queued task (tests/wordpress/test_admin_worker.py
    runs a real one): the task's own function, by the path the queue recorded."""
    row = DBTaskResult.objects.get(pk=run.task_result_id)
    assert row.task_path == "masthead.wordpress.tasks.import_run"
    assert row.args_kwargs["args"] == [run.pk]
    import_run.call(*row.args_kwargs["args"])
    run.refresh_from_db()
    return run


def test_the_chief_editor_has_the_screen_and_the_menu_item(client, chief):
    response = client.get(URL)
    assert response.status_code == 200
    text = page_text(response)
    assert "Upload and import" in text
    assert "At most 512.0 MB" in text
    assert "/admin/wordpress-import/" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", [roles.EDITOR, roles.REPORTER])
def test_other_roles_are_turned_away_and_can_queue_nothing(client, home, role):
    client.force_login(staff_member("someone", role))
    assert client.get(URL).status_code == 302  # Wagtail's "you do not have permission"
    response = upload(client, EXPORT)
    assert response.status_code == 302
    assert not ImportRun.objects.exists()
    assert "/admin/wordpress-import/" not in client.get("/admin/").content.decode()


def test_an_export_over_the_limit_is_refused_with_the_limit_and_nothing_is_stored(
    client, chief, settings, media
):
    settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT = 2048
    response = upload(client, EXPORT)  # some 30 KB
    assert response.status_code == 200
    assert "over the upload limit of 2.0 KB" in page_text(response)
    assert not ImportRun.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not list(Path(media).rglob("*.xml"))


def test_a_file_that_is_not_xml_is_refused_at_the_upload(client, chief, tmp_path):
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    response = upload(client, picture)
    assert "“photo.png” is not an XML file" in page_text(response)
    assert not ImportRun.objects.exists()


def test_an_upload_is_stored_in_media_storage_and_queued_on_the_worker(client, chief, media):
    response = upload(client, EXPORT, dry_run="", time_zone="America/New_York")
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wordpress_import_run", args=[run.pk])
    assert (Path(media) / run.export.name).read_bytes() == EXPORT.read_bytes()
    assert run.export_name == "newsroom.xml"
    assert (run.status, run.time_zone, run.started_by) == ("queued", "America/New_York", chief)
    task = DBTaskResult.objects.get(pk=run.task_result_id)
    assert (task.backend_name, task.queue_name, task.status) == ("masthead", "imports", "READY")
    page = client.get(response["Location"])
    text = page_text(page)
    assert "Waiting for the worker" in text
    assert '<meta http-equiv="refresh" content="2">' in page.content.decode()


def test_the_run_page_shows_the_progress_while_it_runs(client, chief):
    upload(client, EXPORT)
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(status="running", stage="Importing", done=3, total=8)
    page = client.get(reverse("wordpress_import_run", args=[run.pk]))
    text = page_text(page)
    assert "Running: Importing" in text
    assert "3 of 8 items (posts, pages, media), 37 %" in text
    assert 'value="3"' in page.content.decode()
    assert "Run again" not in text  # (not while it runs)


def test_at_the_end_the_report_lists_what_was_done_and_links_the_csv(client, chief):
    upload(client, EXPORT)
    run = run_on_the_worker(ImportRun.objects.get())
    assert run.status == "done", run.error
    stories = ArticlePage.objects.count()
    assert stories >= 5
    page = client.get(reverse("wordpress_import_run", args=[run.pk]))
    text = page_text(page)
    assert "refresh" not in page.content.decode().split("<body")[0]
    assert f"{run.counts['imported']} imported, 0 updated" in text
    assert "items in the file" not in text  # (a total of every kind against items alone)
    kinds = {
        row.get("data-kind"): [visible_text(cell) for cell in row.xpath("./*")]
        for row in parse(page).xpath("//table[@data-run-kinds]/tbody/tr")
    }
    # What the file holds and what became of it, kind by kind (newsroom.xml: 8 posts).
    assert kinds["post"] == ["Posts (→ stories)", "8", "8", "0", "0", "0", "0"]
    assert kinds["category"][0] == "Categories (→ sections)"
    assert sum(int(row[2]) for row in kinds.values()) == run.counts["imported"]
    assert "Warnings and reasons" in text
    report = client.get(reverse("wordpress_import_download", args=[run.pk, "report"]))
    rows = b"".join(report.streaming_content).decode().splitlines()
    assert rows[0] == "old_url,kind,status,location"
    assert len(rows) == run.report_rows + 1 > stories
    listing = page_text(client.get(URL))
    assert f"{run.counts['imported']} imported, 0 updated" in listing


def test_run_again_imports_the_same_file_and_changes_nothing(client, chief):
    upload(client, EXPORT)
    first = run_on_the_worker(ImportRun.objects.get())
    stories = ArticlePage.objects.count()
    response = client.post(reverse("wordpress_import_rerun", args=[first.pk]))
    again = ImportRun.objects.exclude(pk=first.pk).get()
    assert response["Location"] == reverse("wordpress_import_run", args=[again.pk])
    assert (again.rerun_of, again.export.name, again.status) == (first, first.export.name, "queued")
    again = run_on_the_worker(again)
    assert again.status == "done"
    assert again.counts["imported"] == 0 and again.counts["unchanged"] > 0
    listing = page_text(client.get(URL))
    assert f"0 imported, 0 updated, {again.counts['unchanged']} unchanged," in listing
    assert ArticlePage.objects.count() == stories


def test_a_dry_run_writes_nothing_and_says_so(client, chief):
    upload(client, EXPORT, dry_run="on")
    run = run_on_the_worker(ImportRun.objects.get())
    assert run.status == "done" and run.counts["imported"] > 0
    assert not ArticlePage.objects.exists() and not ImportedObject.objects.exists()
    text = page_text(client.get(reverse("wordpress_import_run", args=[run.pk])))
    assert "Report (dry run: nothing was written)" in text


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_export_fails_with_its_line_and_column_and_loses_nothing(
    client, chief, media, name
):
    line, column = MALFORMED[name]
    upload(client, shared(name))
    run = run_on_the_worker(ImportRun.objects.get())
    assert run.status == "failed"
    assert not ImportedObject.objects.exists() and not ArticlePage.objects.exists()
    text = page_text(client.get(reverse("wordpress_import_run", args=[run.pk])))
    assert f"{name}: not well-formed XML at line {line}, column {column}" in text
    assert "Nothing was imported." in text
    # The same broken file cannot do better: a corrected one can.
    assert "Run again" not in text and "Only what changed is written" not in text
    assert "Upload a corrected file" in text
    refused = client.post(reverse("wordpress_import_rerun", args=[run.pk]))
    assert refused.status_code == 302 and ImportRun.objects.count() == 1
    assert (Path(media) / run.export.name).read_bytes() == shared(name).read_bytes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # (the worker's claim is a
# transaction of its own; the flush after it would leave later tests no default site)
def test_a_purge_queued_behind_an_import_is_taken_by_the_other_task_thread(client, chief):
    """The worker runs the "imports" queue in a thread of its own: an import that runs for an
    hour never keeps a purge of Varnish waiting (publishing/background.py)."""
    from masthead.pagecache.tasks import purge_tags
    from masthead.publishing.background import Background

    upload(client, EXPORT)
    run = ImportRun.objects.get()
    purge = purge_tags.enqueue(["page-1"])
    worker = Background()
    short = worker.next_task()
    assert short is not None and str(short.pk) == str(purge.id)
    assert worker.next_task() is None  # the import is not the short tasks' thread's
    long = worker.next_task(long=True)
    assert long is not None and str(long.pk) == run.task_result_id


def test_an_import_that_stops_says_why_and_can_be_run_again(client, chief, media):
    """Anything else that stops a run (here its stored file is gone) is on the run's page, and
    the task is recorded as failed with its traceback."""
    upload(client, EXPORT)
    run = ImportRun.objects.get()
    (Path(media) / run.export.name).unlink()
    with pytest.raises(FileNotFoundError):
        run_on_the_worker(run)
    run.refresh_from_db()
    assert run.status == "failed"
    text = page_text(client.get(reverse("wordpress_import_run", args=[run.pk])))
    assert "The import stopped: FileNotFoundError" in text
    assert "running it again finishes the job" in text and "Run again" in text


def test_the_time_zones_are_canonical_and_the_newsrooms_is_named(client, chief, settings):
    page = parse(client.get(URL))
    options = {
        o.get("value"): visible_text(o) for o in page.xpath("//select[@name='time_zone']/option")
    }
    assert options[""] == f"The newsroom's ({settings.TIME_ZONE})"
    assert {"Europe/London", "America/New_York", "Asia/Kolkata", "UTC"} <= set(options)
    assert not {"localtime", "US/Pacific", "Zulu", "W-SU", "Asia/Calcutta"} & set(options)
    assert upload(client, EXPORT, time_zone="US/Pacific").status_code == 200  # refused
    assert not ImportRun.objects.exists()
