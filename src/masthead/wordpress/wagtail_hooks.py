"""The admin's "Import from WordPress", plugged into Wagtail (admin_views.py)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead.wordpress import admin_views


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("wordpress-import/", admin_views.index, name="wordpress_import"),
        path("wordpress-import/<int:pk>/", admin_views.run_detail, name="wordpress_import_run"),
        path("wordpress-import/<int:pk>/again/", admin_views.rerun, name="wordpress_import_rerun"),
        path(
            "wordpress-import/<int:pk>/<str:which>.csv",
            admin_views.download,
            name="wordpress_import_download",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        "Import from WordPress",
        reverse("wordpress_import"),
        name="wordpress-import",
        icon_name="download",
        order=9000,
    )
