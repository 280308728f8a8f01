"""Packaging truths: every environment variable the code reads is documented, and the version
is written in one place."""

import ast
import re
import tomllib
from pathlib import Path

from masthead.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "masthead"

# Keys of a WSGI environ (PEP 3333), which `environ.get(...)` also reads: not configuration.
WSGI_KEY = re.compile(
    r"^(HTTP_|SERVER_|REMOTE_|CONTENT_|wsgi\.)|^(REQUEST_METHOD|PATH_INFO|QUERY_STRING|SCRIPT_NAME)$"
)


def dotted(node) -> str:
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def first_string(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def read_name(node) -> str | None:
    """The variable an `os.environ.get("X")`, `environ["X"]`, `os.getenv("X")` or
    `env_*("X", ...)` helper reads, if `node` is one of those."""
    if isinstance(node, ast.Subscript) and dotted(node.value).endswith("environ"):
        key = node.slice
        return key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
    if not isinstance(node, ast.Call):
        return None
    name = dotted(node.func)
    reads_environ = name.rsplit(".", 1)[0].endswith("environ") and name.endswith(
        (".get", ".setdefault", ".pop")
    )
    helper = name.split(".")[-1].startswith("env_") or name.split(".")[-1] == "getenv"
    return first_string(node) if reads_environ or helper else None


def variables_read(source: str) -> set[str]:
    found = {read_name(node) for node in ast.walk(ast.parse(source))}
    return {name for name in found if name and not WSGI_KEY.search(name)}


def variables_read_in_src() -> set[str]:
    names = set()
    for path in SOURCE.rglob("*.py"):
        names |= variables_read(path.read_text())
    return names


def documented_variables() -> set[str]:
    """The names in the first column of the README's configuration table."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def test_every_environment_variable_read_in_src_is_in_the_readme():
    undocumented = variables_read_in_src() - documented_variables()
    assert not undocumented, f"add to the README's configuration table: {sorted(undocumented)}"


def test_the_scan_finds_each_way_of_reading_the_environment():
    source = """
import os
a = os.environ.get("MASTHEAD_A", "1")
b = os.environ["MASTHEAD_B"]
c = env_bool("MASTHEAD_C", False)
d = os.getenv("MASTHEAD_D")
e = environ.get("MASTHEAD_E")
os.environ.setdefault("MASTHEAD_F", "x")
path = environ.get("PATH_INFO", "/")
agent = environ.get("HTTP_USER_AGENT")
other = options.get("NOT_THE_ENVIRONMENT")
"""
    assert variables_read(source) == {f"MASTHEAD_{x}" for x in "ABCDEF"}


def test_the_scan_sees_the_settings_variables():
    names = variables_read_in_src()
    assert {"MASTHEAD_HOME", "DATABASE_URL", "MASTHEAD_S3_BUCKET", "DEBUG", "PORT"} <= names


def test_the_version_is_pyprojects(capsys):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    main(["masthead", "--version"])
    assert capsys.readouterr().out == f"masthead {pyproject['project']['version']}\n"
