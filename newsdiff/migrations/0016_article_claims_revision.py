from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsdiff", "0015_article_reading_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="claims_revision",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
