"""An admin import queued in a `masthead` subprocess's own database, and its state, for the
process test (tests/wordpress/test_admin_worker.py), run through `masthead shell -c`:

    IMPORT_EXPORT=/path/export.xml IMPORT_MEDIA_BASE_URL=http://... masthead shell -c \
        "from tests.wordpress.admin_runs import queue; queue()"
"""

import json
import os
from pathlib import Path

from django.core.files.base import ContentFile

from masthead.wordpress import running
from masthead.wordpress.runs import ImportRun


def queue() -> None:
    """Store the export in media storage and queue its import, as the admin's form does."""
    path = Path(os.environ["IMPORT_EXPORT"])
    run = ImportRun(
        export_name=path.name,
        export_size=path.stat().st_size,
        media_base_url=os.environ.get("IMPORT_MEDIA_BASE_URL", ""),
    )
    run.export.save(path.name, ContentFile(path.read_bytes()), save=False)
    running.enqueue(run)
    print("RUN " + json.dumps(run.pk))


def state() -> None:
    run = ImportRun.objects.get(pk=int(os.environ["IMPORT_RUN"]))
    fields = ("status", "stage", "done", "total", "counts", "error", "report_rows")
    print("STATE " + json.dumps({name: getattr(run, name) for name in fields}))
