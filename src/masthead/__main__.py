"""The `masthead` command: Django's manage.py with Masthead's settings.

Product commands (`masthead demo`, ...) are Django management commands in the domain apps.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = argv if argv is not None else sys.argv
    if argv[1:] == ["--version"]:  # Django's own --version would print Django's
        import masthead

        print(f"masthead {masthead.__version__}")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
