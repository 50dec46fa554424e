"""Shared by the PostgreSQL concurrency tests: calls released together in threads, and the reference data
that a transactional test empties away with every other table."""

import threading

from django.db import connections

from accounts.roles import sync_role_groups
from flywheels.reference_data import load_concept_questions, load_flywheels
from knowledgebase.reference_data import load_pages
from places.reference_data import load_areas


def load_reference_data():
    """What the data migrations load, by the same idempotent loaders."""
    load_areas()
    load_flywheels()
    load_concept_questions()
    load_pages()
    sync_role_groups()


def at_the_same_moment(*calls):
    """Run each call in its own thread (its own connection), released together; their results, or the
    exceptions they raised, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # the test looks at what each call raised
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a call did not finish: a deadlock?"
    return results


def errors_of(results):
    return [result for result in results if isinstance(result, Exception)]
