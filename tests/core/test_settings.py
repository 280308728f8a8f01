import pytest
from django.core.exceptions import ImproperlyConfigured

from masthead.settings import environment


@pytest.mark.parametrize(
    "value",
    ["news.example.org", "ftp://news.example.org", "https://news.example.org/path", "http://"],
)
def test_a_base_url_that_is_not_an_origin_is_refused_with_the_reason(monkeypatch, value):
    monkeypatch.setenv("MASTHEAD_BASE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="MASTHEAD_BASE_URL"):
        environment.base_url()


def test_the_base_url_defaults_to_loopback_on_port(monkeypatch):
    monkeypatch.delenv("MASTHEAD_BASE_URL", raising=False)
    monkeypatch.setenv("PORT", "8123")
    assert environment.base_url() == "http://127.0.0.1:8123"
    monkeypatch.setenv("MASTHEAD_BASE_URL", "https://news.example.org/")
    assert environment.base_url() == "https://news.example.org"


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("off", False), ("Yes", True)])
def test_boolean_settings(monkeypatch, raw, value):
    monkeypatch.setenv("DEBUG", raw)
    assert environment.env_bool("DEBUG", not value) is value


def test_a_boolean_setting_that_is_not_one_says_so(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe'"):
        environment.env_bool("DEBUG", False)


def test_the_secret_key_is_generated_once_into_the_home(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = environment.secret_key(tmp_path)
    assert len(first) >= 50
    assert environment.secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
