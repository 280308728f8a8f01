"""The newsroom's admin pieces, plugged into Wagtail."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead.newsroom import (
    action_menu,
    image_defaults,
    image_uploads,
    live_checks,
    notify,
    panels,
    sections_rule,
    views,
    words,
)
from masthead.newsroom.preferences import NewsroomPreferencesPanel
from masthead.newsroom.scheduling import PublishAtMenuItem
from masthead.newsroom.section_listing import SectionListingViewSet


@hooks.register("construct_homepage_panels")
def newsroom_home(request, home_panels):
    panels.build_home(request, home_panels)


@hooks.register("before_edit_page")
def read_on_opening(request, page):
    """Opening a story marks the opener's notifications about it read."""
    notify.mark_read(request.user, page.pk)


@hooks.register("construct_homepage_summary_items")
def no_generic_counts(request, items):
    """The counts of pages, images and documents tell a desk nothing: the pipeline does."""
    items[:] = []


@hooks.register("register_admin_urls")
def notification_urls():
    return [
        path("newsroom/notifications/", views.notification_list, name="newsroom_notifications"),
        path(
            "newsroom/notifications/<int:pk>/",
            views.open_notification,
            name="newsroom_notification_open",
        ),
        path("newsroom/checks/", live_checks.check_story, name="newsroom_live_checks"),
        path(
            "newsroom/image-defaults/<int:image_id>/",
            image_defaults.image_defaults_json,
            name="newsroom_image_defaults",
        ),
        path(
            "newsroom/images/upload/",
            image_uploads.upload_view(),
            name="newsroom_image_upload",
        ),
        path(
            "newsroom/notifications/read/",
            views.mark_all_read,
            name="newsroom_notifications_read",
        ),
    ]


@hooks.register("construct_main_menu")
def notifications_menu_item(request, menu_items):
    """ "Notifications (3)": the unread count on every admin page."""
    count = views.unread_count(request.user)
    label = f"Notifications ({count})" if count else "Notifications"
    menu_items.insert(
        0,
        MenuItem(
            label,
            reverse("newsroom_notifications"),
            name="newsroom-notifications",
            icon_name="mail",
            order=1,
            attrs={"data-unread-count": str(count)},
        ),
    )


@hooks.register("register_account_settings_panel")
def newsroom_preferences_panel(request, user, profile):
    return NewsroomPreferencesPanel(request, user, profile)


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}" defer></script>', static("newsroom/editor.js"))


@hooks.register("insert_global_admin_css")
def admin_css():
    """Wagtail 8 has no insert_editor_css hook: the newsroom's styles go on every admin page."""
    return format_html('<link rel="stylesheet" href="{}">', static("newsroom/newsroom.css"))


hooks.register("construct_page_action_menu", action_menu.lead_with_the_next_step)
hooks.register("construct_page_action_menu", action_menu.name_the_release)


@hooks.register("register_page_action_menu_item")
def publish_at_menu_item():
    return PublishAtMenuItem()


@hooks.register("after_create_page")
def newsroom_words_after_create(request, page):
    image_defaults.remember_story_images(request, page)
    words.rewrite_messages(request, page)


@hooks.register("after_edit_page")
def newsroom_words_after_edit(request, page):
    image_defaults.remember_story_images(request, page)
    words.rewrite_messages(request, page)


hooks.register("before_create_page", sections_rule.refuse_sections_to_writers)


@hooks.register("register_admin_viewset")
def section_listing_viewset():
    """The section listing (page explorer) with each story's go-live time."""
    return SectionListingViewSet()
