import pytest
from wagtail.models import Site

from masthead.demo.loader import DemoLoader

REFERENCE_URL = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo newsroom, loaded once; each test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        DemoLoader(log=lambda line: None).load()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture(autouse=True)
def fresh_page_cache_state():
    """Tests roll back their transactions, which no invalidation sees: every test starts with
    empty per-process caches."""
    from masthead.pagecache import runtime

    runtime.reset_for_tests()
    yield
    runtime.reset_for_tests()
