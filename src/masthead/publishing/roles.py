"""The newsroom's roles and what each may do: the one table the groups are built from.

Role groups carry the site-wide rights (the admin, people and tags, curation, user accounts);
desk groups carry the page rights within one section (see desks.py); the Chief editor's page
rights cover the whole site.
"""

CONTRIBUTOR = "Contributor"
REPORTER = "Reporter"
COPY_EDITOR = "Copy editor"
EDITOR = "Editor"
CHIEF_EDITOR = "Chief editor"
ROLES = [CONTRIBUTOR, REPORTER, COPY_EDITOR, EDITOR, CHIEF_EDITOR]

_WRITE = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
_SUBMIT = [("publishing", "submit_for_review")]
_PEOPLE_AND_TAGS = [
    ("people", "add_person"),
    ("people", "change_person"),
    ("people", "delete_person"),
    ("taggit", "add_tag"),
    ("taggit", "change_tag"),
    ("taggit", "delete_tag"),
]
_EDIT_OTHERS_MEDIA = [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")]
_CURATE = [("curation", "change_curation")]
_SITE = [
    ("core", "change_sitesettings"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
_USERS = [("auth", "add_user"), ("auth", "change_user"), ("auth", "delete_user")]
# Shortening or lifting an embargo: the chief editor only (see docs/workflow.md). Granted by the
# migration publishing/0006 (the permission is newer than the role groups).
LIFT_EMBARGO = ("articles", "lift_embargo")
LIFT_EMBARGO_ROLES = [CHIEF_EDITOR]

# Adding a person or an organisation (a contributor, an agency) from the story's person chooser:
# the writers too. Granted by the migration newsroom/0003 (the chooser's "Add" is newer).
ADD_PERSON = ("people", "add_person")
ADD_PERSON_ROLES = [CONTRIBUTOR, REPORTER, COPY_EDITOR]

# Importing from WordPress in the admin ("Import from WordPress"): the chief editor only.
# Granted by the migration wordpress/0004 (the permission is newer than the role groups).
IMPORT_WORDPRESS = ("wordpress", "import_wordpress")
IMPORT_WORDPRESS_ROLES = [CHIEF_EDITOR]

# Site-wide (model) permissions of each role group.
ROLE_PERMISSIONS = {
    CONTRIBUTOR: _WRITE + _SUBMIT,
    REPORTER: _WRITE + _SUBMIT,
    COPY_EDITOR: _WRITE + _SUBMIT + _EDIT_OTHERS_MEDIA,
    EDITOR: _WRITE + _SUBMIT + _EDIT_OTHERS_MEDIA + _PEOPLE_AND_TAGS + _CURATE,
    CHIEF_EDITOR: _WRITE
    + _SUBMIT
    + _EDIT_OTHERS_MEDIA
    + _PEOPLE_AND_TAGS
    + _CURATE
    + _SITE
    + _USERS,
}

# Page permissions a role holds within its desk's section (Wagtail's page permission codenames).
DESK_PAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add_page"],
    REPORTER: ["add_page"],
    COPY_EDITOR: ["add_page", "change_page"],
    EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# The Chief editor's page permissions, on the site's front page (so on every section).
SITE_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]

# Image and document rights are granted per collection in Wagtail: on the root collection, so
# they cover every collection.
_MEDIA_WRITE = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
_MEDIA_EDIT = [("wagtailimages", "change_image"), ("wagtaildocs", "change_document")]
ROLE_COLLECTION_PERMISSIONS = {
    CONTRIBUTOR: _MEDIA_WRITE,
    REPORTER: _MEDIA_WRITE,
    COPY_EDITOR: _MEDIA_WRITE + _MEDIA_EDIT,
    EDITOR: _MEDIA_WRITE + _MEDIA_EDIT,
    CHIEF_EDITOR: _MEDIA_WRITE
    + _MEDIA_EDIT
    + [("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document")],
}
