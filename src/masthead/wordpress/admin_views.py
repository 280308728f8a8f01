"""The admin's "Import from WordPress" (docs/wordpress-import.md): upload an export, follow the
run on the worker, read its report, run it again. For those with `wordpress.import_wordpress`
(the chief editor)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from masthead.core.dates import in_newsroom
from masthead.wordpress import running
from masthead.wordpress.admin_forms import ImportForm, LimitedUpload
from masthead.wordpress.runs import ImportRun

PERMISSION = "wordpress.import_wordpress"
LISTED = 30
REFRESH_SECONDS = 2


@csrf_exempt  # (checked by `_index`, once the upload handler is in place)
@permission_required(PERMISSION)
def index(request):
    """The form and the past runs. The size limit is enforced while the file comes in."""
    limited = LimitedUpload(request)
    request.upload_handlers.insert(0, limited)
    return _index(request, limited)


@csrf_protect
def _index(request, limited: LimitedUpload):
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, too_large=limited.too_large)
        if form.is_valid():
            run = _start(request, form)
            return redirect("wordpress_import_run", run.pk)
    else:
        form = ImportForm()
    runs = list(ImportRun.objects.select_related("started_by")[:LISTED])
    for run in runs:
        run.created_local = in_newsroom(run.created_at)
    return TemplateResponse(
        request,
        "wordpress/admin/index.html",
        {"form": form, "runs": runs, "page_title": "Import from WordPress"},
    )


def _start(request, form) -> ImportRun:
    export = form.cleaned_data["export"]
    run = ImportRun(
        export=export,
        export_name=export.name,
        export_size=export.size,
        dry_run=form.cleaned_data["dry_run"],
        force=form.cleaned_data["force"],
        time_zone=form.cleaned_data["time_zone"],
        media_base_url=form.cleaned_data["media_base_url"],
        started_by=request.user,
    )
    return running.enqueue(run)


@permission_required(PERMISSION)
def run_detail(request, pk: int):
    run = get_object_or_404(ImportRun.objects.select_related("started_by", "rerun_of"), pk=pk)
    return TemplateResponse(
        request,
        "wordpress/admin/run.html",
        {
            "run": run,
            "page_title": f"Import of {run.export_name}",
            "refresh": None if run.finished else REFRESH_SECONDS,
            "created": in_newsroom(run.created_at),
            "finished_local": in_newsroom(run.finished_at) if run.finished_at else None,
            "notes_left_out": max(0, run.notes_total - len(run.notes)),
        },
    )


@require_POST
@permission_required(PERMISSION)
def rerun(request, pk: int):
    run = get_object_or_404(ImportRun, pk=pk)
    if run.file_refused:
        messages.error(request, "This file cannot be read: upload a corrected one.")
        return redirect("wordpress_import_run", run.pk)
    again = running.rerun(
        run,
        request.user,
        dry_run=bool(request.POST.get("dry_run")),
        force=bool(request.POST.get("force")),
    )
    messages.success(request, f"Queued again: {run.export_name}.")
    return redirect("wordpress_import_run", again.pk)


@permission_required(PERMISSION)
def download(request, pk: int, which: str):
    """The run's old-URL report or its notes, as CSV (media storage is not served to readers)."""
    run = get_object_or_404(ImportRun, pk=pk)
    stored = {"report": run.report, "notes": run.notes_file}.get(which)
    if not stored:
        raise Http404("No such report for this run.")
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=stored.name.rsplit("/", 1)[-1],
        content_type="text/csv",
    )
