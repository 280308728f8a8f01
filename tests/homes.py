"""Demo newsroom homes for the process tier: made once per test run, copied for each test.

`masthead migrate` and `masthead demo` in a fresh home cost tens of seconds of CPU (more under
coverage); six modules of the process tier need a demo newsroom of their own for their servers
and workers. The `demo_home_template` fixture (tests/conftest.py) makes one with the real commands
once; `copy_home` gives a test its own copy (database file, media and secret key), so what each
test changes stays its own. The tests about the commands themselves (tests/test_commands.py,
`make demo`) still run them in a fresh home.
"""

import shutil
from pathlib import Path

from tests.publishing.processes import run_masthead
from tests.test_commands import bare_env


def make_demo_home(home: Path) -> Path:
    """`masthead migrate` then `masthead demo` in `home`, as an operator runs them."""
    for args in (("migrate", "--noinput"), ("demo",)):
        run_masthead(bare_env(home), *args)
    return home


def copy_home(template: Path, home: Path) -> Path:
    """A copy of a home made by `make_demo_home` (no process has its database open by then)."""
    shutil.copytree(template, home, dirs_exist_ok=True)
    return home
