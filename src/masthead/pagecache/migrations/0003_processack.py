from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pagecache", "0002_pendinginvalidation"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProcessAck",
            fields=[
                ("process", models.CharField(max_length=200, primary_key=True, serialize=False)),
                ("seq", models.BigIntegerField(default=0)),
                ("seen_at", models.DateTimeField()),
            ],
        ),
    ]
