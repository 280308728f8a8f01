"""Each kind of change refreshes exactly the cached pages that showed what changed: the page Y
that shows it is fresh at the next request, the page Z that does not is still a cache hit."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from masthead.articles.models import ArticlePage, Correction
from masthead.core.models import SiteSettings
from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.pagecache import deps
from masthead.publishing import scheduling
from tests import factories
from tests.factories import OrganisationFactory, PersonFactory, section_named
from tests.pagecache.conftest import stories_in
from tests.publishing.stories import scheduled_story
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]


def _newsroom():
    """Opinion's four stories, the oldest (two of them credited to agencies), then eight in
    Business and eight bylined ones in World: more than the front page shows, so that the
    oldest stories are on no page but their own and their section's."""
    opinion = section_named("opinion")
    for agency in (OrganisationFactory(), OrganisationFactory()):
        factories.stories_in(opinion, 1, credit_organisation=agency)
    factories.stories_in(opinion, 2)
    factories.stories_in(section_named("business"), 8)
    factories.stories_in(section_named("world"), 8, bylines=[PersonFactory()])


newsroom = module_world(_newsroom)


@pytest.fixture
def world():
    return section_named("world")


@pytest.fixture
def business():
    return section_named("business")


def unseen_story(*replies):
    """A live story that none of these pages shows."""
    for story in ArticlePage.objects.live().order_by("published_at"):
        if all(deps.page_tag(story.pk) not in reply.tags for reply in replies):
            return story
    pytest.fail("every story is shown on one of the pages")


def test_an_edited_story_refreshes_where_it_shows_and_nowhere_else(warm, wsgi, business):
    home = warm("/", business.url, "/sitemap.xml")
    elsewhere = stories_in(business)[0]
    others = warm(elsewhere.url)
    story = unseen_story(
        home.replies["/"], home.replies[business.url], others.replies[elsewhere.url]
    )
    section = story.get_parent().specific
    pages = warm(story.url, section.url)

    story.standfirst = "A corrected standfirst, shown wherever the story is listed."
    story.minor_edit = True
    story.save_revision().publish()

    assert wsgi.get(story.url).cache == "miss"
    assert "A corrected standfirst" in wsgi.get(story.url).text
    assert others.state(elsewhere.url) == "hit"
    assert home.state(business.url) == "hit"
    assert home.state("/") == "hit"
    assert home.state("/sitemap.xml") == "miss"  # every story's last change is listed there
    # Its section page refreshes if it listed the story, and only then.
    listed = deps.page_tag(story.pk) in pages.tags(section.url)
    section_page = wsgi.get(section.url)
    assert section_page.cache == ("miss" if listed else "hit")
    assert ("A corrected standfirst" in section_page.text) == listed


def test_a_new_story_refreshes_its_lists_and_its_sections_stories(warm, wsgi, world, business):
    neighbour = stories_in(world)[0]
    other = stories_in(business)[0]
    pages = warm("/", world.url, neighbour.url, "/feed/", f"{world.url}feed/", other.url)

    story = ArticlePage(
        title="Ceasefire talks resume in Doha",
        slug="ceasefire-talks-resume-in-doha",
        standfirst="Negotiators return to the table after a week of strikes.",
        body=[("paragraph", "<p>Talks resumed on Monday.</p>")],
        published_at=timezone.now(),
    )
    world.add_child(instance=story)
    story.save_revision().publish()

    for path in ("/", world.url, neighbour.url, "/feed/", f"{world.url}feed/"):
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert "Ceasefire talks resume in Doha" in reply.text, path
    assert pages.state(other.url) == "hit"
    assert wsgi.get(story.url).status == 200


def test_an_unpublished_story_leaves_every_cached_list(warm, wsgi, world, business):
    story = stories_in(world)[0]
    other = stories_in(business)[-1]
    pages = warm(story.url, "/", world.url, "/feed/", other.url)
    assert story.title in wsgi.get("/").text

    story.unpublish()

    assert wsgi.get(story.url).status in (404, 410)
    for path in ("/", world.url, "/feed/"):
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert f">{story.title}<" not in reply.text, path
    assert pages.state(other.url) == "hit"


def test_a_correction_refreshes_the_story_and_the_corrections_list(warm, wsgi, business):
    other = stories_in(business)[0]
    pages = warm(other.url, "/corrections/")
    story = unseen_story(pages.replies[other.url])
    warm(story.url)

    Correction.objects.create(
        page=story, kind="correction", text="An earlier version misspelt the minister's name."
    )

    reply = wsgi.get(story.url)
    assert reply.cache == "miss"
    assert "misspelt the minister" in reply.text
    assert pages.state(other.url) == "hit"
    corrections = wsgi.get("/corrections/")
    assert corrections.cache == "miss"
    assert "misspelt the minister" in corrections.text


def test_a_pin_refreshes_the_front_page_only(warm, wsgi, world, business):
    story = stories_in(business)[-1]
    reader = stories_in(world)[0]
    pages = warm("/", reader.url, world.url)
    curation = Curation.for_site(story.get_site())

    FrontPagePin.objects.create(curation=curation, story=story, slot="lead", sort_order=-1)

    reply = wsgi.get("/")
    assert reply.cache == "miss"
    assert story.title in reply.text
    assert pages.state(reader.url) == "hit"
    assert pages.state(world.url) == "hit"


def test_a_dont_miss_pick_refreshes_the_pages_that_show_dont_miss(warm, wsgi, world, business):
    story = stories_in(business)[-1]
    reader = stories_in(world)[0]
    pages = warm(reader.url, world.url)
    curation = Curation.for_site(story.get_site())

    DontMissPick.objects.create(curation=curation, story=story, sort_order=-1)

    reply = wsgi.get(reader.url)
    assert reply.cache == "miss"
    assert story.title in reply.text
    assert pages.state(world.url) == ("miss" if deps.PICKS in pages.tags(world.url) else "hit")


def test_the_breaking_news_banner_refreshes_every_page(warm, wsgi, world, business):
    reader = stories_in(world)[0]
    paths = ["/", world.url, reader.url, business.url]
    warm(*paths)
    curation = Curation.for_site(reader.get_site())
    curation.banner_text = "Polls close in one hour"
    curation.save()

    for path in paths:
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert "Polls close in one hour" in reply.text, path


def test_a_saved_curation_screen_that_changes_nothing_keeps_pages_cached(warm, world):
    reader = stories_in(world)[0]
    pages = warm("/", reader.url)
    curation = Curation.for_site(reader.get_site())
    curation.save()
    for pin in curation.front_page_pins.all():
        pin.save()
    assert pages.state("/") == "hit"
    assert pages.state(reader.url) == "hit"


def test_an_expiring_pin_leaves_the_front_page_on_time(warm, wsgi, business, world):
    story = stories_in(business)[-1]
    curation = Curation.for_site(story.get_site())
    with freeze_time(timezone.now()) as clock:
        FrontPagePin.objects.create(
            curation=curation,
            story=story,
            slot="lead",
            sort_order=-1,  # before any other lead pin
            expires_at=timezone.now() + timedelta(seconds=2),
        )
        reader = stories_in(world)[0]
        pages = warm("/", reader.url)
        assert story.title in pages.replies["/"].text
        assert "max-age=2" in pages.replies["/"].headers["Cache-Control"]

        clock.tick(timedelta(seconds=1.9))
        assert wsgi.get("/").cache == "hit"
        clock.tick(timedelta(seconds=0.2))  # nothing changes but the clock
        assert wsgi.get("/").cache == "miss"
        assert pages.state(reader.url) == "hit"


def test_a_persons_new_name_refreshes_their_bylines(warm, wsgi, world, business):
    story = next(s for s in stories_in(world) if s.bylines.exists())
    person = story.bylines.first().person
    unrelated = next(
        s for s in stories_in(business) if not s.bylines.filter(person=person).exists()
    )
    pages = warm(story.url, person.get_absolute_url(), unrelated.url)

    person.name = "Renamed Reporter"
    person.save()

    assert "Renamed Reporter" in wsgi.get(story.url).text
    assert wsgi.get(person.get_absolute_url()).cache == "miss"
    assert pages.state(unrelated.url) == "hit"


def test_site_settings_refresh_every_page(warm, wsgi, world):
    pages = warm("/", world.url)
    settings = SiteSettings.for_site(world.get_site())
    settings.footer_text = "Published by the Masthead Cooperative"
    settings.save()
    for path in pages.replies:
        reply = wsgi.get(path)
        assert reply.cache == "miss"
        assert "Masthead Cooperative" in reply.text


def test_a_scheduled_run_refreshes_the_lists_the_story_joins(warm, wsgi, world, business):
    other = stories_in(business)[0]
    pages = warm("/", world.url, other.url)
    scheduled_story(world, "Scheduled: the budget in ten charts", timezone.now())

    scheduling.run_due()

    for path in ("/", world.url):
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert "the budget in ten charts" in reply.text, path
    assert pages.state(other.url) == "hit"


def test_a_source_credit_refreshes_the_organisations_page_and_feeds(warm, wsgi):
    """Issue 10, item 4: crediting a story to an organisation, and moving the credit to another,
    refreshes both organisations' author pages and feeds."""
    from masthead.people.models import Person

    credited = ArticlePage.objects.live().exclude(credit_organisation=None)
    first, second = Person.objects.filter(pk__in=credited.values("credit_organisation"))[:2]
    story = ArticlePage.objects.live().filter(credit_organisation=None).order_by("-published_at")[0]
    urls = {
        agency: [agency.get_absolute_url(), f"{agency.get_absolute_url()}feed/"]
        for agency in (first, second)
    }
    warm(*urls[first], *urls[second])

    story.credit_organisation = first
    story.save_revision().publish()
    for url in urls[first]:
        reply = wsgi.get(url)
        assert reply.cache == "miss" and deps.page_tag(story.pk) in reply.tags, url

    warm(*urls[first], *urls[second])
    story.credit_organisation = second
    story.save_revision().publish()
    for url in urls[second]:
        reply = wsgi.get(url)
        assert reply.cache == "miss" and deps.page_tag(story.pk) in reply.tags, url
    for url in urls[first]:
        reply = wsgi.get(url)
        assert reply.cache == "miss" and deps.page_tag(story.pk) not in reply.tags, url


def test_a_headline_fixed_in_latest_from_refreshes_the_cached_stories_around_it(warm, wsgi, world):
    """ "Latest from" is kept by the process between renders; the pages showing it still carry
    the tags of the stories it lists, so that a fix to one of them refreshes them."""
    newest, *_, oldest = stories_in(world)
    pages = warm(oldest.url)
    assert deps.page_tag(newest.pk) in pages.tags(oldest.url)

    newest.title = "A headline fixed after publication"
    newest.save_revision().publish()

    reply = wsgi.get(oldest.url)
    assert reply.cache == "miss"
    assert "A headline fixed after publication" in reply.text
