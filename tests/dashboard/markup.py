"""A small element tree of an HTML page (the standard library has no HTML tree builder), enough to look
at charts, tables and links by their attributes rather than by their wording."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    parent: "Element | None" = None
    children: list = field(default_factory=list)
    texts: list = field(default_factory=list)

    def iter(self, tag=None):
        for child in self.children:
            if tag is None or child.tag == tag:
                yield child
            yield from child.iter(tag)

    def find_all(self, tag=None, **attrs):
        """Descendants with `tag` whose attributes contain `attrs` (class_="x" matches one of the classes)."""
        return [element for element in self.iter(tag) if element.matches(**attrs)]

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def matches(self, **attrs):
        for name, wanted in attrs.items():
            name = name.rstrip("_").replace("_", "-")
            value = self.attrs.get(name)
            if value is None:
                return False
            if name == "class":
                if wanted not in value.split():
                    return False
            elif value != wanted:
                return False
        return True

    def has_class(self, name):
        return name in self.attrs.get("class", "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def text(self):
        return "".join([*self.texts, *(child.text for child in self.children)]).strip()

    def own_text(self):
        return "".join(self.texts)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(
            tag, {name: (value if value is not None else "") for name, value in attrs}, self.current
        )
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        element = Element(
            tag, {name: (value if value is not None else "") for name, value in attrs}, self.current
        )
        self.current.children.append(element)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def parse(content) -> Element:
    builder = _Builder()
    builder.feed(content.decode() if isinstance(content, bytes) else content)
    builder.close()
    return builder.root
