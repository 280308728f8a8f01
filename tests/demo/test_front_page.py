"""The demo's front page as an editor arranged it: its pins, and its live story leading Latest."""

import pytest

from masthead.demo import content
from tests.sections.test_front_page import front

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]

# The demo's newest story: dated at the moment the demo loads (content.LIVE_STORY).
LIVE = content.LIVE_STORY["headline"]


def test_the_demo_pins_its_lead_and_top_stories_and_the_newest_story_leads_latest(client):
    lead, top, latest, _ = front(client)
    assert lead == ["54 killed in overnight airstrikes in Gaza"]
    assert top == [
        "No Military Fix for Ukraine War, Says Rubio",
        "BNP seeks non-interference with India",
        "Taiwan tests new missile system",
        "Regional airline orders twenty new jets",
    ]
    assert latest[:2] == [LIVE, "Coastal cities draw up plans for higher seas"]
    assert not set(latest) & set(lead + top)
