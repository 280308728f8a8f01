"""The person chooser tells people from organisations and adds one without leaving the story."""

import json
import re

import pytest
from django.urls import reverse

from masthead.people.models import Person
from tests.factories import STAFF_PASSWORD, newsroom_staff
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


def chooser_url(name="choose"):
    return reverse(f"wagtailsnippetchoosers_people_person:{name}")


def rows(html):
    """(name, kind) of each row of the chooser's results."""
    found = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split())
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if len(cells) >= 2:
            found.append((cells[0], cells[-1]))
    return found


def test_each_row_says_person_or_organisation_and_the_kind_filters(client):
    Person.objects.create(name="Zed Agency", slug="zed-agency", kind=Person.Kind.ORGANISATION)
    Person.objects.create(name="Zed Writer", slug="zed-writer", kind=Person.Kind.PERSON)
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = json.loads(client.get(chooser_url(), {"q": "Zed"}).content)["html"]
    assert 'name="kind"' in html  # the filter
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id used twice in the chooser"
    listed = dict(rows(html))
    assert listed["Zed Agency"].startswith("Organisation")
    assert listed["Zed Writer"] == "Person"
    results = client.get(chooser_url("choose_results"), {"q": "Zed", "kind": "organisation"})
    assert [name for name, _ in rows(results.content.decode())] == ["Zed Agency"]


def test_a_reporter_adds_an_agency_from_the_chooser(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = json.loads(client.get(chooser_url()).content)["html"]
    assert "Add a person or organisation" in html and 'name="name"' in html
    response = client.post(
        chooser_url("create"), {"name": "Harbour News Agency", "kind": "organisation"}
    )
    answer = json.loads(response.content)
    assert answer["step"] == "chosen", answer
    agency = Person.objects.get(name="Harbour News Agency")
    assert (agency.kind, agency.slug, agency.user) == ("organisation", "harbour-news-agency", None)
    assert str(agency.pk) == str(answer["result"]["id"])
    refused = json.loads(client.post(chooser_url("create"), {"name": ""}).content)
    assert refused["step"] != "chosen" and "This field is required" in refused["htmlFragment"]
