"""The newsroom's role groups and its review workflow: Draft → Copy edit → Publish."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from masthead.publishing.roles import CHIEF_EDITOR, ROLE_PERMISSIONS, ROLES, SITE_PAGE_PERMISSIONS

WORKFLOW_NAME = "Newsroom review"
TASKS = [("Copy edit", "change"), ("Publish", "publish")]


def ensure_permissions_exist(apps):
    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_role_groups(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in ROLE_PERMISSIONS[role]:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def create_review_workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    DeskApprovalTask = apps.get_model("publishing", "DeskApprovalTask")
    HomePage = apps.get_model("sections", "HomePage")

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="publishing", model="deskapprovaltask"
    )
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    for order, (name, permission) in enumerate(TASKS):
        task = DeskApprovalTask.objects.create(
            name=name, permission=permission, active=True, content_type=task_type
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    for home in HomePage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


def retire_wagtail_defaults(apps):
    """Wagtail's starter "Moderators"/"Editors" groups and workflow, replaced by the newsroom's
    (kept if anyone was already put in them)."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name="Moderators approval").delete()
    Task.objects.filter(name="Moderators approval").delete()
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()


def grant_chief_editor_every_site(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HomePage = apps.get_model("sections", "HomePage")
    chief = Group.objects.get(name=CHIEF_EDITOR)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=SITE_PAGE_PERMISSIONS
    )
    for home in HomePage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=chief, page_id=home.pk, permission=permission
            )


def forwards(apps, schema_editor):
    retire_wagtail_defaults(apps)
    ensure_permissions_exist(apps)
    create_role_groups(apps)
    create_review_workflow(apps)
    grant_chief_editor_every_site(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_desks_and_review_task"),
        ("sections", "0002_create_front_page"),
        ("curation", "0002_front_page_and_identity"),
        ("core", "0002_front_page_and_identity"),
        ("people", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailadmin", "0006_formstate"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
