from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "masthead.backup"
    label = "backup"
    verbose_name = "Backup"
