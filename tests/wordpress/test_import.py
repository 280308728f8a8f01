"""`masthead import-wordpress`: the shared files import, our fixture maps every case, a second
run changes nothing, an editor's change is kept, a dry run writes nothing, old URLs answer."""

import csv
import re

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from masthead.articles.models import ArticlePage
from masthead.curation.models import FrontPagePin
from masthead.people.models import Person
from masthead.wordpress.models import ImportedObject
from tests.wordpress.commands import run, story
from tests.wordpress.conftest import FIXTURES, MALFORMED, NOT_AN_EXPORT, shared, shared_files

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", [n for n in shared_files() if n not in {*MALFORMED, *NOT_AN_EXPORT}]
)
def test_each_well_formed_shared_file_imports_and_its_posts_answer_at_their_old_urls(
    name, home, client
):
    output = run(shared(name))
    assert "failed" not in output, output
    for row in ImportedObject.objects.filter(kind="post"):
        page = ArticlePage.objects.get(pk=row.object_id)
        response = client.get(f"/?p={row.wp_id}")
        if page.live:
            assert response.status_code == 301 and response["Location"] == page.url
            assert client.get(page.url).status_code == 200
        else:
            assert response.status_code == 404
    second = run(shared(name))
    assert not re.search(r"\d+ (imported|updated)", second), second


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_file_stops_before_anything_is_written(name, home):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match=r"line \d+, column \d+.*Nothing was imported"):
        run(shared(name))
    assert Page.objects.count() == pages
    assert not ImportedObject.objects.exists()


def test_our_fixture_maps_every_case(home, uploads, client):
    output = run(FIXTURES / "newsroom.xml", "--uploads", str(uploads))
    river = story(101)
    assert river.live and river.url == "/local/valley/river-rises/"  # primary category: Valley
    assert river.get_parent().get_parent().slug == "local"  # hierarchy kept
    assert {t.name for t in river.tags.all()} == {"Floods", "Local"}
    assert river.bylines.get().person == Person.objects.get(name="Amina Qureshi")
    assert river.standfirst == "The water reached the bridge at dawn."
    assert river.lead_image is not None
    assert river.lead_image_alt == "Brown water over the old bridge"
    assert river.lead_image_caption == "The river at dawn"
    assert river.lead_image_credit == "Photo: Bilal Shah"
    assert river.seo_title == "River rises over the old bridge – The Valley Courier"
    assert river.search_description == "Flood waters reached the old bridge."
    assert river.canonical_url == "https://partner.example/river"
    assert str(river.published_at) == "2024-05-03 09:00:00+00:00"
    assert FrontPagePin.objects.filter(story=river).exists()  # sticky
    council = story(104)
    assert council.seo_title == "Budget vote: what it means"  # Rank Math
    assert council.search_description == "The council's budget in five points."
    assert council.standfirst.startswith("The council met on Tuesday.")
    pending = story(105)
    assert not pending.live and pending.current_workflow_task.name == "Copy edit"
    future = story(106)
    assert not future.live and future.get_latest_revision().approved_go_live_at.year == 2099
    for wp_id in (107, 108, 109, 110):  # missed schedule, private, password, unknown status
        assert not story(wp_id).live
        assert client.get(f"/?p={wp_id}").status_code == 404
    assert "unknown status 'hasnocategories'" in output
    assert "unknown author 'ghost'" in output
    assert "not a readable image" in output and "leaves the uploads folder" in output
    assert client.get("/about/").status_code == 200  # page 111: a standard page
    page = client.get(river.url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "We have never seen it this high" in body
    assert "javascript:" not in body and "steal()" not in body
    assert 'href="https://www.youtube.com/watch?v=abc123"' in body


def test_old_urls_answer_with_one_redirect_and_made_up_ones_stay_404(
    home, uploads, client, tmp_path
):
    report = tmp_path / "report.csv"
    run(FIXTURES / "newsroom.xml", "--uploads", str(uploads), "--report", str(report))
    river = story(101)
    for old in (
        "/2024/05/03/river-rises/",
        "/?p=101",
        "/some/other/path/?p=101",
        "/2024/05/03/river-rises/flood-photo/",  # attachment page
        "/?attachment_id=100",
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, river.url), old
    assert client.get("/category/local/valley/")["Location"] == river.get_parent().url
    assert (
        client.get("/category/local/valley/feed/")["Location"] == river.get_parent().url + "feed/"
    )
    assert client.get("/tag/floods/")["Location"] == "/tags/floods/"
    assert client.get("/author/amina/")["Location"] == "/authors/amina-qureshi/"
    assert client.get("/?author=7")["Location"] == "/authors/amina-qureshi/"
    assert client.get("/?cat=31")["Location"] == river.get_parent().url
    assert client.get("/?s=flood")["Location"] == "/search/?q=flood"
    assert client.get("/wp-content/uploads/2024/05/flood.png").status_code == 301
    assert client.get("/?p=999999").status_code == 404
    assert client.get("/2024/05/03/made-up/").status_code == 404
    assert client.get("/2024/05/").status_code == 410  # date archives: no date listing
    assert client.get("/2024/05/03/").status_code == 410
    with report.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_url = {row["old_url"]: row for row in rows}
    assert by_url["https://courier.example/2024/05/03/river-rises/"]["status"] == "301"
    assert by_url["https://courier.example/2024/05/03/river-rises/"]["location"] == river.url
    assert by_url["/?p=108"]["status"] == "404"


def test_a_second_run_changes_nothing_and_an_edited_export_updates_only_what_changed(
    home, uploads, tmp_path
):
    run(FIXTURES / "newsroom.xml", "--uploads", str(uploads))
    pages, redirects = Page.objects.count(), Redirect.objects.count()
    revisions = {wp: story(wp).latest_revision_id for wp in (101, 104)}
    second = run(FIXTURES / "newsroom.xml", "--uploads", str(uploads))
    assert "post: 8 unchanged" in second
    assert (Page.objects.count(), Redirect.objects.count()) == (pages, redirects)
    edited = tmp_path / "edited.xml"
    edited.write_text(
        (FIXTURES / "newsroom.xml")
        .read_text()
        .replace("Council votes on budget", "Council passes budget")
    )
    third = run(edited, "--uploads", str(uploads))
    assert "post: 1 updated, 7 unchanged" in third
    assert story(104).title == "Council passes budget"
    assert story(101).latest_revision_id == revisions[101]
    assert Page.objects.count() == pages


def test_an_editors_change_is_kept_unless_forced(home, uploads, tmp_path):
    run(FIXTURES / "newsroom.xml", "--uploads", str(uploads))
    council = story(104)
    council.title = "Edited by the desk"
    council.save_revision().publish()
    edited = tmp_path / "edited.xml"
    edited.write_text(
        (FIXTURES / "newsroom.xml").read_text().replace("Council votes on budget", "From WordPress")
    )
    output = run(edited, "--uploads", str(uploads))
    assert "edited in Masthead since the import" in output
    assert story(104).title == "Edited by the desk"
    run(edited, "--uploads", str(uploads), "--force")
    assert story(104).title == "From WordPress"


def test_a_dry_run_writes_nothing(home, uploads):
    pages, people = Page.objects.count(), Person.objects.count()
    output = run(FIXTURES / "newsroom.xml", "--uploads", str(uploads), "--dry-run")
    assert output.startswith("Dry run (nothing written)")
    assert "post: 8 imported" in output
    assert (Page.objects.count(), Person.objects.count()) == (pages, people)
    assert not ImportedObject.objects.exists() and not Redirect.objects.exists()


def test_a_dry_run_of_an_edited_export_names_each_update_and_what_changed(home, uploads, tmp_path):
    run(FIXTURES / "newsroom.xml", "--uploads", str(uploads))
    edited = tmp_path / "edited.xml"
    edited.write_text(
        (FIXTURES / "newsroom.xml")
        .read_text()
        .replace("Council votes on budget", "Council passes budget")
    )
    output = run(edited, "--uploads", str(uploads), "--dry-run")
    assert "post: 1 updated, 7 unchanged" in output
    updates = [line.strip() for line in output.splitlines() if line.strip().startswith("updated:")]
    assert updates == [
        "updated: post 104 (Council passes budget): changed in the export: headline"
    ], output
    assert story(104).title == "Council votes on budget"


def test_drafts_without_a_gmt_date_take_the_local_date_in_the_time_zone(home):
    run(FIXTURES / "newsroom.xml", "--time-zone", "Asia/Karachi")
    pending = story(105)
    assert str(pending.published_at) == "2024-05-05 04:00:00+00:00"


def test_an_unknown_time_zone_is_refused(home):
    with pytest.raises(CommandError, match="Unknown time zone"):
        run(FIXTURES / "newsroom.xml", "--time-zone", "Mars/Olympus")


def test_an_old_url_on_one_of_masthead_routes_keeps_masthead_and_is_reported(
    home, client, tmp_path
):
    from tests.wordpress.generate import HEAD, post

    export = tmp_path / "collide.xml"
    export.write_text(
        HEAD
        + post(0).replace("/2024/01/01/story-0/", "/search/")
        + post(1).replace("/2024/01/02/story-1/", "/city/")
        + "</channel></rss>\n"
    )
    report = tmp_path / "report.csv"
    run(export, "--report", str(report))
    assert not Redirect.objects.filter(old_path__in=["/search", "/city"]).exists()
    assert client.get("/search/").status_code == 200  # Masthead's search
    assert client.get("/?p=1000")["Location"] == story(1000).url  # the old content stays reachable
    with report.open(encoding="utf-8") as handle:
        kinds = {row["old_url"]: row["kind"] for row in csv.DictReader(handle)}
    assert kinds["/search"] == kinds["/city"] == "collision"
