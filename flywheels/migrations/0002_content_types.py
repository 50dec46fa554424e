from django.db import migrations

MOVED = ["flywheel", "concept"]


def content_types_follow(apps, schema_editor):
    """The content types (and with them the permissions, the role groups' grants and the management
    site's history) of the moved models now name this app. A content type this app got already, before
    this ran, holds nothing yet and makes way."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        old = ContentType.objects.filter(app_label="knowledgebase", model=model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label="flywheels", model=model).delete()
        old.app_label = "flywheels"
        old.save(update_fields=["app_label"])


def content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="flywheels", model__in=MOVED).update(app_label="knowledgebase")


class Migration(migrations.Migration):
    dependencies = [
        ("flywheels", "0001_initial"),
        ("knowledgebase", "0008_flywheels_moved_out"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # The role groups get the permissions' new names in accounts 0005 (accounts builds on this app).
    operations = [migrations.RunPython(content_types_follow, content_types_back)]
