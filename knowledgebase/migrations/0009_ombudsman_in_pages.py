from django.db import migrations

# The pages' own sentences that named the samenwerkingslab's ombuds otherwise ("ombudsfunctie", "een soort
# ombudsrol", "de medewerkers van het lab"), as data/pages/ had them until this migration, and as they read
# now. A sentence an editor has changed since is not found, and stays as the editor wrote it.
REWORDED = {
    "gids-ambtenaren": {
        "body_nl": [
            (
                "- **ombudsfunctie**: je handelt meldingen af voor het samenwerkingslab.",
                "- **ombudsman**: je handelt de signalen aan het samenwerkingslab af.",
            )
        ],
        "body_en": [
            (
                "- **ombuds**: you handle reports for the samenwerkingslab.",
                "- **ombuds**: you handle the signals to the samenwerkingslab.",
            )
        ],
    },
    "over-het-loket": {
        "body_nl": [
            ("moderator, redacteur, raad of ombudsfunctie.", "moderator, redacteur, raad of ombudsman.")
        ]
    },
    "privacy": {
        "body_nl": [("alleen jij en de ombudsfunctie lezen het.", "alleen jij en de ombudsman lezen het.")]
    },
    "samenwerkingslab": {
        "body_nl": [
            (
                "Het lab heeft dan ook een soort ombudsrol. Een onafhankelijke medewerker luistert naar je verhaal, "
                "kijkt met je mee en zoekt met jou en de gemeente naar een oplossing.",
                "Daarom heeft het lab ook een ombudsman. Dat is een onafhankelijke medewerker. De ombudsman luistert "
                "naar je verhaal, kijkt met je mee en zoekt met jou en de gemeente naar een oplossing.",
            ),
            (
                "Alleen jij en de medewerkers van het lab weten ervan,",
                "Alleen jij en de ombudsman weten ervan,",
            ),
        ],
        "body_en": [
            (
                "So the lab also has a kind of ombuds role. An independent staff member listens to your story, "
                "looks at it with you and looks for a solution with you and the municipality.",
                "So the lab also has an ombuds: an independent staff member. The ombuds listens to your story, "
                "looks at it with you and looks for a solution with you and the municipality.",
            ),
            ("Only you and the staff of the lab know about it,", "Only you and the ombuds know about it,"),
        ],
    },
}


def reword(apps, schema_editor, backwards=False):
    Page = apps.get_model("knowledgebase", "Page")
    for page in Page.objects.filter(slug__in=REWORDED):
        changed = []
        for field, sentences in REWORDED[page.slug].items():
            text = getattr(page, field)
            for before, after in sentences:
                old, new = (after, before) if backwards else (before, after)
                if old in text:
                    text = text.replace(old, new)
                    changed.append(field)
            setattr(page, field, text)
        if changed:
            page.save(update_fields=sorted(set(changed)))


def reword_back(apps, schema_editor):
    reword(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    """One word for the samenwerkingslab's ombuds throughout the site: "ombudsman" in Dutch (see
    tests/lab/test_ombuds_wording.py for why), also in the pages loaded from data/pages/ before."""

    dependencies = [("knowledgebase", "0008_flywheels_moved_out")]

    operations = [migrations.RunPython(reword, reword_back)]
