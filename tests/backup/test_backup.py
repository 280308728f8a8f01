"""`masthead backup` and `masthead restore`, run as an operator runs them, in fresh processes.

The round trip backs up a populated home and restores it into an empty one, then compares every
story, revision, image (and its file's bytes), rendition, document and setting. It runs on the
suite's database engine: SQLite, or PostgreSQL when DATABASE_URL names a PostgreSQL server (the
copy is restored into another database on the same server).
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.homes import copy_home
from tests.test_commands import BIN, ROOT, bare_env

SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = SUITE_DATABASE.startswith("postgres")

pytestmark = [pytest.mark.process, pytest.mark.postgresql]


def database_env(role: str, template: str | None = None) -> dict:
    """DATABASE_URL for a newsroom of its own (`source` or `restored`) on the suite's engine:
    an empty database, or a copy of the database `template`."""
    if not ON_POSTGRES:
        return {}
    parts = urlsplit(SUITE_DATABASE)
    name = f"{parts.path.strip('/') or 'masthead'}_backup_{role}"
    for command in ("dropdb", "createdb"):
        argv = [command, "-h", parts.hostname, "-p", str(parts.port or 5432)]
        argv += ["-U", parts.username or "postgres"]
        if command == "dropdb":
            argv += ["--if-exists", name]
        else:
            argv += [*(["--template", template] if template else []), name]
        subprocess.run(argv, check=True, capture_output=True, timeout=60)
    return {"DATABASE_URL": parts._replace(path=f"/{name}").geturl()}


def migrated_source(request, home: Path) -> dict:
    """A copy of the session's migrated database in `home` (tests/homes.py): its environment."""
    if not ON_POSTGRES:
        copy_home(request.getfixturevalue("sqlite_template"), home)
        return database_env("source")
    template_home, template = request.getfixturevalue("postgres_template")
    copy_home(template_home, home)
    return database_env("source", template=template)


def run(home: Path, *argv: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        argv,
        cwd=ROOT,
        env=bare_env(home, **env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def masthead(home: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return run(home, str(BIN / "masthead"), *args, env=env)


def snapshot(home: Path, env: dict) -> dict:
    result = run(home, sys.executable, "-m", "tests.backup.snapshot", "dump", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def backed_up(request, tmp_path_factory):
    """A migrated, populated home and its backup archive."""
    home = tmp_path_factory.mktemp("source-home")
    env = migrated_source(request, home)
    populated = run(home, sys.executable, "-m", "tests.backup.snapshot", "populate", env=env)
    assert populated.returncode == 0, populated.stderr
    archive = tmp_path_factory.mktemp("backups") / "newsroom.tar"
    result = masthead(home, "backup", "--output", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    before = snapshot(home, env)
    return {"home": home, "env": env, "archive": archive, "output": result, "before": before}


def test_round_trip_restores_every_story_revision_image_document_and_setting(backed_up, tmp_path):
    before = backed_up["before"]
    assert len(before["rows"]["wagtailcore.Revision"]) >= 9
    assert len(before["rows"]["wagtailimages.Image"]) == 3
    assert len(before["rows"]["wagtailimages.Rendition"]) == 3
    assert len(before["rows"]["wagtaildocs.Document"]) == 1
    assert "database: " in backed_up["output"].stderr  # progress
    assert "media: 7 files" in backed_up["output"].stderr

    env = database_env("restored")
    result = masthead(tmp_path, "restore", str(backed_up["archive"]), env=env)
    assert result.returncode == 0, result.stderr
    assert snapshot(tmp_path, env) == before
    assert (tmp_path / "secret_key").read_text() == (backed_up["home"] / "secret_key").read_text()


def test_backups_and_the_database_are_owner_only(backed_up):
    home = backed_up["home"]
    assert backed_up["archive"].stat().st_mode & 0o777 == 0o600
    assert (home / "secret_key").stat().st_mode & 0o777 == 0o600
    if not ON_POSTGRES:
        for name in ("masthead.sqlite3", "masthead.sqlite3-wal", "masthead.sqlite3-shm"):
            if (home / name).exists():
                assert (home / name).stat().st_mode & 0o777 == 0o600, name


def test_manifest_names_schema_versions_counts_and_checksums(backed_up):
    with tarfile.open(backed_up["archive"]) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert "0001_initial" in manifest["migrations"]["articles"]
    assert manifest["counts"]["wagtailimages.image"] == 3
    assert manifest["versions"]["django"].startswith("5.2")
    assert manifest["created_at"]


def refused(archive: Path, home: Path, env: dict, reason: str) -> None:
    """`restore` exits non-zero with `reason`, and the home holds no database and no media."""
    result = masthead(home, "restore", str(archive), env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert reason in result.stderr
    assert "Nothing was changed." in result.stderr
    assert not any((home / "media").rglob("*.*"))


def rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of the archive with `change(name, data) -> data` applied to each member."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as copy:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def test_restore_refuses_a_home_that_holds_data(backed_up):
    home, env = backed_up["home"], backed_up["env"]
    result = masthead(home, "restore", str(backed_up["archive"]), env=env)
    assert result.returncode == 1
    assert "restore refused: the database is not empty" in result.stderr
    assert snapshot(home, env) == backed_up["before"]


@pytest.mark.skipif(ON_POSTGRES, reason="the archive checks do not depend on the engine")
def test_restore_refuses_a_truncated_archive(backed_up, tmp_path):
    truncated = tmp_path / "truncated.tar"
    data = backed_up["archive"].read_bytes()
    truncated.write_bytes(data[: len(data) * 2 // 3])
    home = tmp_path / "home"
    refused(truncated, home, {}, "not a readable tar archive (unexpected end of data: truncated?)")
    assert not (home / "masthead.sqlite3").stat().st_size


@pytest.mark.skipif(ON_POSTGRES, reason="the archive checks do not depend on the engine")
def test_restore_refuses_an_altered_archive(backed_up, tmp_path):
    def alter(name, data):
        return data.replace(b"Signed", b"Forged") if name.startswith("media/documents/") else data

    altered = rewrite(backed_up["archive"], tmp_path / "altered.tar", alter)
    home = tmp_path / "home"
    refused(altered, home, {}, "checksum mismatch (the archive was altered or damaged)")
    assert not (home / "masthead.sqlite3").stat().st_size


@pytest.mark.skipif(ON_POSTGRES, reason="the archive checks do not depend on the engine")
def test_restore_refuses_an_archive_from_a_newer_schema(backed_up, tmp_path):
    def newer(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["migrations"]["articles"].append("9999_from_the_future")
        return json.dumps(manifest).encode()

    archive = rewrite(backed_up["archive"], tmp_path / "newer.tar", newer)
    home = tmp_path / "home"
    refused(archive, home, {}, "newer schema: 1 migration(s) unknown to this code")
    assert "articles.9999_from_the_future" in masthead(home, "restore", str(archive), env={}).stderr


@pytest.mark.skipif(ON_POSTGRES, reason="a new home's SQLite files: the SQLite pass checks them")
def test_a_new_home_is_owner_only(tmp_path):
    home = tmp_path / "new-home"
    assert masthead(home, "check", env={}).returncode == 0
    assert home.stat().st_mode & 0o777 == 0o700
    assert (home / "masthead.sqlite3").stat().st_mode & 0o777 == 0o600
    assert (home / "secret_key").stat().st_mode & 0o777 == 0o600
