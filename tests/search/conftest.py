import pytest

from tests.factories import SectionPageFactory


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Islands", slug="islands")
