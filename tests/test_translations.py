"""The Dutch catalogue is complete and the committed .mo file matches it.

Source strings are English and Dutch is the default language, so an untranslated string would show
English on the Dutch site.
"""

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"


def _unquote(lines):
    return "".join(ast.literal_eval(line) for line in lines)


def read_po(path):
    """(msgid, msgstrs, flags, context) for each entry of a .po file; a small reader for what makemessages
    writes. The context is "" for entries without a msgctxt."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        flags = {flag.strip() for line in lines if line.startswith("#,") for flag in line[2:].split(",")}
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif current and line.startswith('"'):
                fields[current].append(line)
        if "msgid" not in fields:
            continue
        msgid = _unquote(fields["msgid"])
        msgstrs = [_unquote(value) for key, value in fields.items() if key.startswith("msgstr")]
        context = _unquote(fields["msgctxt"]) if "msgctxt" in fields else ""
        if msgid:
            entries.append((msgid, msgstrs, flags, context))
    return entries


def test_every_dutch_string_is_translated_and_none_is_fuzzy():
    entries = read_po(CATALOGUE / "django.po")

    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstrs, _flags, _context in entries if not all(msgstrs)]
    fuzzy = [msgid for msgid, _msgstrs, flags, _context in entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []


def test_the_compiled_catalogue_matches_the_po_file():
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    stale = [
        msgid
        for msgid, msgstrs, _flags, context in read_po(CATALOGUE / "django.po")
        if len(msgstrs) == 1
        and (compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)) != msgstrs[0]
    ]
    assert stale == [], "run `make messages` to compile the catalogue"


def test_the_catalogue_has_every_string_of_the_source(tmp_path):
    """`make messages` was run after the last change of a string: a copy of the source gets no new entry.

    Without this, a new string is simply missing from the catalogue and shows in English on the Dutch site.
    """
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "loket"
    shutil.copytree(
        base,
        copy,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "node_modules",
            "staticfiles",
            "media",
            "__pycache__",
            "*.sqlite3",
            "test-results",
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--ignore=staticfiles"],
        cwd=copy,
        env={**os.environ, "DEBUG": "true", "DATABASE_URL": "sqlite:///unused.sqlite3"},
        check=True,
        capture_output=True,
    )

    fresh = read_po(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po")
    missing = [msgid for msgid, msgstrs, flags, _context in fresh if not all(msgstrs) or "fuzzy" in flags]
    assert missing == [], "run `make messages` and translate the new strings"
