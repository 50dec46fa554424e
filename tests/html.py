"""Reading a page in a test: by element, class and attribute, the way a browser or a screen reader sees it,
rather than by regular expressions over the markup or by where a string happens to start.

Small functions over BeautifulSoup. What they return are its elements, so `link["href"]`,
`cell.get("colspan")` and `option.has_attr("selected")` work on them too. Attributes that HTML allows
several values in (class, rel) come as lists from BeautifulSoup; `elements()` compares them as written.
"""

from bs4 import BeautifulSoup, Tag

# What a browser leaves out of a form it sends (unless it is the button pressed).
_NOT_SENT = {"submit", "button", "file", "image", "reset"}


def parse(page) -> BeautifulSoup:
    """A response, or its content (bytes or text), as an element tree."""
    return BeautifulSoup(getattr(page, "content", page), "html.parser")


def _attribute(element: Tag, name: str):
    value = element.get(name)
    return " ".join(value) if isinstance(value, list) else value


def _matcher(tag, cls, attrs):
    wanted = {name.replace("_", "-"): value for name, value in attrs.items()}

    def matches(element: Tag) -> bool:
        return (
            (tag is None or element.name == tag)
            and (cls is None or cls in element.get_attribute_list("class"))
            and all(
                element.has_attr(name) if value is True else _attribute(element, name) == value
                for name, value in wanted.items()
            )
        )

    return matches


def elements(node, tag=None, cls=None, **attrs) -> list[Tag]:
    """Every `tag` (any, when None) below `node` with the class `cls` among its classes and the attributes
    `attrs`, in document order. An attribute's name is written with "_" for "-" (aria_hidden="true");
    True asks only that the attribute is there (selected=True)."""
    return node.find_all(_matcher(tag, cls, attrs))


def by_id(node, identifier: str) -> Tag | None:
    """The element with the id `identifier` below `node`, or None."""
    found = elements(node, id=identifier)
    assert len(found) <= 1, f"{len(found)} elements with the id {identifier!r}"
    return found[0] if found else None


def ancestor(node: Tag, tag=None, cls=None, **attrs) -> Tag | None:
    """The nearest element around `node` with the `tag`, class and attributes `elements()` would ask."""
    matches = _matcher(tag, cls, attrs)
    return next((parent for parent in node.parents if matches(parent)), None)


def text_of(node) -> str:
    """The text of `node` as it reads: every run of white space (line breaks included) as one space."""
    text = node if isinstance(node, str) else node.get_text(" ")
    return " ".join(text.split())


def links(node) -> list[str]:
    """The addresses of the links (`<a href>`) below `node`, in document order."""
    return [link["href"] for link in elements(node, "a", href=True)]


def form_fields(form: Tag) -> dict[str, list[str]]:
    """What a browser sends for `form` when nobody changes a thing: each named field's values, ticked
    checkboxes and radio buttons only, the selected options of a list, no buttons or files."""
    data: dict[str, list[str]] = {}
    for field in elements(form):
        name = field.get("name")
        if field.name not in {"input", "select", "textarea"} or not name:
            continue
        if field.name == "input":
            kind = field.get("type", "text")
            if kind in _NOT_SENT or (kind in {"checkbox", "radio"} and not field.has_attr("checked")):
                continue
            values = [field.get("value") or ("on" if kind == "checkbox" else "")]
        elif field.name == "select":
            values = [option.get("value", "") for option in elements(field, "option", selected=True)]
        else:
            # The line break right after <textarea> is not part of the text (the HTML standard says so).
            values = [field.get_text().removeprefix("\n")]
        if values:  # a list with nothing selected sends nothing
            data.setdefault(name, []).extend(values)
    return data
