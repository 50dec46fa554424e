"""The benchmark's database: created when missing, migrated, and filled with the scale data set unless it
already holds that data set at the size asked for."""

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from psycopg import sql

from demo.scale import has_content, is_scale_data, scale_fill, scale_flush
from initiatives.models import Initiative


def database_ensure() -> bool:
    """Create the database when it is not there (through the server's `postgres` database); True if made."""
    db = settings.DATABASES["default"]
    params = {"user": db["USER"], "password": db.get("PASSWORD") or None, "host": db.get("HOST") or None}
    if db.get("PORT"):
        params["port"] = db["PORT"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as server:
        if server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            return False
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        return True


def filled_at(size: int) -> bool:
    return (
        Initiative.objects.count() == size
        and is_scale_data()
        and not Initiative.objects.filter(search_vector__isnull=True).exists()  # a run cut off at the end
    )


def dataset_ensure(*, initiatives: int, seed: int, say) -> bool:
    """Migrate, then fill unless already filled at this size; True when it filled."""
    call_command("migrate", interactive=False, verbosity=0)
    if filled_at(initiatives):
        say(f"The database already holds the scale data set of {initiatives} initiatives.")
        return False
    if has_content():
        if not is_scale_data():
            raise CommandError(
                "This database has content that loket_scale did not make; the benchmark will not empty it. "
                "Point DATABASE_URL at an empty database or at an earlier benchmark's."
            )
        say("The database holds the scale data set at another size: emptying it.")
        scale_flush()
    scale_fill(initiatives=initiatives, seed=seed, say=say)
    return True
