"""A person's website is a web link or nothing: the model refuses other schemes, and a value
stored without the model's checks (an import) never reaches a reader as a link."""

import pytest
from django.core.exceptions import ValidationError

from masthead.people.models import Person
from tests.factories import ArticlePageFactory, PersonFactory
from tests.pages import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("credited")]

PERSON = "amara-okafor"


@pytest.fixture
def credited(db):
    """A person credited on a public story; the story's address."""
    person = PersonFactory(name="Amara Okafor", slug=PERSON)
    return ArticlePageFactory(bylines=[person], published=True).url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/", "data:,x"])
def test_the_model_refuses_a_website_that_is_not_a_web_address(url):
    person = Person.objects.get(slug=PERSON)
    person.website = url
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "starting with https:// or http://" in str(error.value.message_dict["website"])


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)"])
def test_a_stored_script_link_is_shown_nowhere(client, url, credited):
    Person.objects.filter(slug=PERSON).update(website=url)
    page = client.get(f"/authors/{PERSON}/").content.decode()
    assert "Website of" not in page
    assert "javascript:" not in page.lower()
    assert client.get(f"/api/people/{PERSON}/").json()["website"] == ""
    assert "javascript:" not in client.get(credited).content.decode().lower()


def test_a_web_address_is_linked(client):
    Person.objects.filter(slug=PERSON).update(website="https://amara.example.org/")
    page = parse(client.get(f"/authors/{PERSON}/"))
    assert page.xpath("//a[@rel='me']/@href") == ["https://amara.example.org/"]
    assert client.get(f"/api/people/{PERSON}/").json()["website"] == "https://amara.example.org/"
