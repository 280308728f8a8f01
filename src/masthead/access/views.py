"""Page passwords with a throttle and a hashed check; the lockout answer for logins."""

from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.models import Page, PageViewRestriction

from masthead.access import throttle
from masthead.access.forms import PagePasswordForm, PagePrivacyForm

LOCKED = 429


@require_http_methods(["GET", "HEAD", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view of the same name, with the password checked against its hash and
    guesses throttled per page and per address."""
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    status = 200
    form = PagePasswordForm(instance=restriction)
    if request.method == "POST":
        locked = throttle.is_locked(request, restriction)
        message = throttle.lockout_message() if locked else ""
        form = PagePasswordForm(request.POST, instance=restriction, locked_message=message)
        if form.is_valid():
            restriction.mark_as_passed(request)
            return redirect(safe_return_url(request, form.cleaned_data["return_url"]))
        if not locked and throttle.record_failure(request, restriction):
            locked = True
            form = PagePasswordForm(
                request.POST, instance=restriction, locked_message=throttle.lockout_message()
            )
        if locked:
            throttle.log_lockout(request, f"page password of page {page.pk}")
            status = LOCKED
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = status
    return response


def safe_return_url(request, url: str) -> str:
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return settings.LOGIN_REDIRECT_URL


def login_locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a login refused for too many failures. An answer that already
    says so (the page-password form, 429) stays as it is."""
    if original_response is not None and original_response.status_code == LOCKED:
        return original_response
    username = get_client_username(request, credentials)
    throttle.log_lockout(request, f"login as {str(username)[:150]!r}")
    context = {"message": throttle.lockout_message(), "retry": request.get_full_path()}
    return render(request, "access/locked_out.html", context, status=LOCKED)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: Django's own page has an inline style that the site's CSP blocks."""
    return render(request, "403_csrf.html", status=403)


set_page_privacy = SetPrivacyView.as_view(form_class=PagePrivacyForm)
