"""The admin's "Import from WordPress" form, and the upload handler that keeps an export over
the size limit (settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT) out of the server's disk."""

from __future__ import annotations

import functools
import zoneinfo
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat

FIELD = "export"
SNIFFED = 1024  # bytes read to tell XML from something else before the file is queued


def limit_text() -> str:
    return filesizeformat(settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT)


def too_large_message(size: int | None = None) -> str:
    got = f" (this one is {filesizeformat(size)})" if size else ""
    return (
        f"This export is over the upload limit of {limit_text()}{got}. Nothing was uploaded. "
        "Import it with the command `masthead import-wordpress`, or raise "
        "MASTHEAD_WORDPRESS_UPLOAD_LIMIT_MB."
    )


class LimitedUpload(FileUploadHandler):
    """First of the request's upload handlers: passes the export on to Django's own handlers
    until it goes over the limit, then skips the rest of it (read and dropped, never stored)."""

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT
        self.too_large = False
        self.received = 0

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received = start + len(raw_data)
        if self.received > self.limit:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # (Django's own handler that follows keeps the file)


AREAS = ("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/")
AREAS += ("Europe/", "Indian/", "Pacific/")


@functools.cache
def canonical_zones() -> tuple[str, ...]:
    """The IANA database's canonical Area/City zones (its `zone.tab`, one line a zone), plus
    UTC: not its legacy aliases ("US/Pacific", "W-SU", "Zulu", "Asia/Calcutta") nor "localtime".
    Where no `zone.tab` is found, the available zones whose names start with an area."""
    available = zoneinfo.available_timezones()
    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            lines = table.read_text(encoding="utf-8").splitlines()
            names = {line.split("\t")[2] for line in lines if line and not line.startswith("#")}
            break
    else:
        names = {name for name in available if name.startswith(AREAS)}
    return tuple(sorted(names & available)) + ("UTC",)


def _zones():
    return [("", f"The newsroom's ({settings.TIME_ZONE})")] + [
        (name, name) for name in canonical_zones()
    ]


class ImportForm(forms.Form):
    export = forms.FileField(
        label="WordPress export (WXR)",
        help_text="WordPress: Tools → Export → All content. At most {limit}.",
    )
    dry_run = forms.BooleanField(
        required=False, label="Dry run", help_text="Check and count everything; write nothing."
    )
    force = forms.BooleanField(
        required=False,
        label="Overwrite editors' changes",
        help_text="A story edited in Masthead since the last import is kept unless this is on.",
    )
    time_zone = forms.ChoiceField(
        required=False,
        choices=_zones,
        label="Time zone of dates without GMT",
        help_text="Drafts' dates (0000-00-00 in GMT) are read in this zone.",
    )
    media_base_url = forms.URLField(
        required=False,
        assume_scheme="https",
        label="Fetch images from the old site",
        help_text="e.g. https://old.example/ — only files below this address are fetched.",
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:  # (the file was dropped on the way in: say why, not "required")
            self.fields[FIELD].required = False
        self.fields[FIELD].help_text = self.fields[FIELD].help_text.format(limit=limit_text())
        self.fields[FIELD].widget.attrs.update(
            {
                "accept": ".xml,application/xml,text/xml",
                "data-limit": settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT,
            }
        )

    def clean_export(self):
        export = self.cleaned_data.get(FIELD)
        if self.too_large:
            raise forms.ValidationError(too_large_message())
        if export is None:
            return export
        if export.size > settings.MASTHEAD_WORDPRESS_UPLOAD_LIMIT:
            raise forms.ValidationError(too_large_message(export.size))
        head = export.read(SNIFFED)
        export.seek(0)
        start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        if not start.startswith(b"<"):
            raise forms.ValidationError(
                f"“{export.name}” is not an XML file: a WordPress export begins with "
                "<?xml …> (WordPress: Tools → Export). Nothing was uploaded."
            )
        return export

    def clean(self):
        cleaned = super().clean()
        url = cleaned.get("media_base_url") or ""
        if url and not url.startswith(("http://", "https://")):
            self.add_error("media_base_url", "The address must start with http:// or https://.")
        return cleaned
