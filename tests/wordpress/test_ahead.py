"""The export is read ahead of the writes in a thread of its own (wordpress/ahead.py): the
import sees the same records in the same order, an error reading the file stops the import as
before, and the thread never touches the database."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType

from masthead.wordpress import wxr
from masthead.wordpress.ahead import read_ahead
from masthead.wordpress.importer import Options, import_export
from masthead.wordpress.outcome import IMPORTED
from tests.wordpress.conftest import FIXTURES


def reading_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "wordpress-read"]


def test_records_come_in_file_order_with_what_the_thread_made_of_them():
    seen = list(read_ahead(range(1000), lambda n: n * n, ahead=100))
    assert seen == [(n, n * n) for n in range(1000)]
    assert reading_threads() == []


def test_a_record_the_thread_cannot_prepare_is_left_to_the_caller():
    def prepare(n):
        if n % 3 == 0:
            raise ValueError(n)
        return n

    assert list(read_ahead(range(7), prepare, ahead=4)) == [
        (0, None),
        (1, 1),
        (2, 2),
        (3, None),
        (4, 4),
        (5, 5),
        (6, None),
    ]


@pytest.mark.django_db
def test_the_reading_thread_never_queries_the_database():
    def prepare(n):
        return ContentType.objects.filter(pk=n).exists()

    assert list(read_ahead(range(3), prepare, ahead=2)) == [(0, None), (1, None), (2, None)]


def test_an_error_in_the_file_is_raised_where_its_record_would_have_come():
    def records():
        yield 1
        yield 2
        raise wxr.NotAnExport("not well-formed XML at line 3")

    seen = []
    with pytest.raises(wxr.NotAnExport, match="line 3"):
        for record, _prepared in read_ahead(records(), lambda n: n, ahead=1):
            seen.append(record)
    assert seen == [1, 2]
    assert reading_threads() == []


def test_a_caller_that_stops_early_ends_the_thread():
    for record, _prepared in read_ahead(range(100_000), lambda n: n, ahead=50):
        if record == 10:
            break
    assert reading_threads() == []


@pytest.mark.django_db
def test_an_import_reads_ahead_and_leaves_no_thread_behind(home, uploads):
    result = import_export(Options(FIXTURES / "newsroom.xml", uploads))
    assert result.outcome.counts[("post", IMPORTED)] > 0
    assert reading_threads() == []
