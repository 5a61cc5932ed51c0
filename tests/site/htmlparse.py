"""A small reader of the built HTML: links, anchors, images, title and meta tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class PageFacts:
    links: list[str] = field(default_factory=list)  # href/src of a, link, script, img
    ids: set[str] = field(default_factory=set)
    images: list[dict] = field(default_factory=list)
    title: str = ""
    description: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a and a["id"]:
            self.facts.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.facts.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.facts.links.append(a[key])
        if tag == "img":
            self.facts.images.append(a)
        if tag == "meta" and a.get("name") == "description":
            self.facts.description = a.get("content") or ""
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.facts.title += data


def read_page(path: Path) -> PageFacts:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.facts.title = " ".join(reader.facts.title.split())
    return reader.facts
