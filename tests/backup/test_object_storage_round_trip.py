"""`masthead backup` and `masthead restore` with media on object storage (moto's S3 server on
127.0.0.1; the real django-storages and boto3 code runs in the `masthead` processes): the media
come out of one bucket into the archive and go back into another, empty one, byte for byte.
"""

import boto3
import pytest

from tests.backup.test_backup import database_env, masthead, migrated_source, run, snapshot
from tests.storage.test_object_storage import s3_server  # noqa: F401 (a fixture)

pytestmark = pytest.mark.process


def client(s3_server: str):  # noqa: F811
    return boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 (moto's)
        region_name="us-east-1",
    )


def bucket_env(s3_server: str, bucket: str) -> dict:  # noqa: F811
    client(s3_server).create_bucket(Bucket=bucket)
    return {
        "MASTHEAD_S3_BUCKET": bucket,
        "MASTHEAD_S3_ENDPOINT_URL": s3_server,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }


def objects(s3_server: str, bucket: str) -> list[str]:  # noqa: F811
    listed = client(s3_server).list_objects_v2(Bucket=bucket).get("Contents", [])
    return sorted(item["Key"] for item in listed)


def test_restore_puts_the_media_back_into_an_empty_bucket(request, s3_server, tmp_path):  # noqa: F811
    import sys

    source_home, restored_home = tmp_path / "source", tmp_path / "restored"
    restored_home.mkdir()
    source = {**migrated_source(request, source_home), **bucket_env(s3_server, "newsroom-source")}
    snapshot_module = (sys.executable, "-m", "tests.backup.snapshot")
    populated = run(source_home, *snapshot_module, "populate", env=source)
    assert populated.returncode == 0, populated.stderr
    archive = tmp_path / "newsroom.tar"
    backup = masthead(source_home, "backup", "--output", str(archive), env=source)
    assert backup.returncode == 0, backup.stderr
    before = snapshot(source_home, source)

    restored = {**database_env("restored"), **bucket_env(s3_server, "newsroom-restored")}
    assert objects(s3_server, "newsroom-restored") == []
    result = masthead(restored_home, "restore", str(archive), env=restored)
    assert result.returncode == 0, result.stderr
    assert objects(s3_server, "newsroom-restored") == objects(s3_server, "newsroom-source")
    assert len(before["files"]) >= 4  # images, renditions and the document
    assert snapshot(restored_home, restored) == before  # every row, every file's bytes

    # A bucket that holds files is not an empty home, even with an empty database: refused.
    again_home = tmp_path / "again"
    again_home.mkdir()
    again_env = {**database_env("again"), **{k: v for k, v in restored.items() if "S3" in k}}
    again_env |= {k: v for k, v in restored.items() if k.startswith("AWS_")}
    again = masthead(again_home, "restore", str(archive), env=again_env)
    assert again.returncode != 0
    assert "media storage holds files" in again.stderr
