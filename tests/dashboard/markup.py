"""A page as an element tree, to look at charts, tables and links by their attributes rather than by their
wording."""

from bs4 import BeautifulSoup


def parse(content):
    return BeautifulSoup(content, "html.parser")
