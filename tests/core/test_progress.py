"""Long commands draw a rich progress bar on a terminal, and keep their logs plain elsewhere."""

import io

from django.core.management import call_command

from masthead.core.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_gets_a_bar_with_the_count():
    screen = Terminal()
    with progress_bar(screen, "Seeding stories", 40) as update:
        update(40)
    assert "Seeding stories" in screen.getvalue()
    assert "40/40" in screen.getvalue()


def test_a_log_gets_the_commands_lines_and_no_bar():
    log, lines = io.StringIO(), []
    with progress_bar(log, "media", 3, lambda done, total: lines.append((done, total))) as update:
        for done in range(1, 4):
            update(done)
    assert log.getvalue() == ""
    assert lines == [(1, 3), (2, 3), (3, 3)]


def test_seed_corpus_shows_its_bar_only_on_a_terminal(db):
    screen, log = Terminal(), io.StringIO()
    call_command("seed-corpus", "--stories", "2", "--seed", "bar", stderr=screen, stdout=log)
    call_command("seed-corpus", "--stories", "2", "--seed", "log", stderr=log, stdout=log)
    assert "Seeding stories" in screen.getvalue()
    assert "2/2" in screen.getvalue()
    assert "Seeding stories" not in log.getvalue()
    assert "Added 2 stories" in log.getvalue()
