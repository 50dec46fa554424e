from django.db import migrations


class Migration(migrations.Migration):
    """The flywheels and concepts move to their own app (reference data, below both initiatives and the
    knowledge base). Step 1 of 3: their tables get the new app's names; rows, keys and links stay as they
    are. Step 2 is flywheels.0001 (the models there, in Django's state only), step 3 is 0008 here."""

    dependencies = [("knowledgebase", "0006_article_hideable")]

    operations = [
        migrations.AlterModelTable(name="flywheel", table="flywheels_flywheel"),
        migrations.AlterModelTable(name="concept", table="flywheels_concept"),
    ]
