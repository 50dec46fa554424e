"""Markdown people write is rendered, then sanitised: only harmless tags, attributes and link schemes."""

import pytest

from core.markdown import render_markdown


def test_ordinary_markdown_becomes_html():
    html = render_markdown("Een **vet** woord, een *schuin* woord.\n\n- een\n- twee")

    assert "<strong>vet</strong>" in html
    assert "<em>schuin</em>" in html
    assert "<li>een</li>" in html


def test_script_tags_are_removed():
    html = render_markdown("Hallo <script>alert('xss')</script> daar")

    assert "<script" not in html
    assert "</script>" not in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> en <p onclick="alert(2)">tekst</p>')

    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html


@pytest.mark.parametrize(
    "text",
    [
        "[klik hier](javascript:alert(1))",
        '<a href="javascript:alert(1)">klik</a>',
        "[klik](JaVaScRiPt:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_dangerous_link_schemes_are_removed(text):
    html = render_markdown(text)

    assert "javascript:" not in html.lower()
    assert "data:" not in html


def test_safe_links_stay_and_get_rel_nofollow():
    html = render_markdown("[Gemeente](https://www.doetinchem.nl)")

    assert 'href="https://www.doetinchem.nl"' in html
    assert "nofollow" in html
    assert "noopener" in html


def test_headings_start_at_level_two():
    html = render_markdown("# Titel\n\n## Kop\n\n### Subkop")

    assert "<h1" not in html
    assert "<h2>Titel</h2>" in html
    assert "<h2>Kop</h2>" in html
    assert "<h3>Subkop</h3>" in html


def test_raw_html_headings_are_demoted_too():
    html = render_markdown("<h1>Schreeuw</h1>")

    assert "<h1" not in html


def test_style_and_iframe_do_not_survive():
    html = render_markdown('<style>body{display:none}</style><iframe src="https://example.org"></iframe>')

    assert "<style" not in html
    assert "<iframe" not in html


def test_empty_and_missing_text_render_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
