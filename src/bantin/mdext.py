"""Markdown extension: content becomes inert HTML.

Directive bodies come from editors and from imported documents; a stray
``<script>``, ``<img onerror=…>`` or ``[link](javascript:…)`` must reach
readers as inert text. Raw HTML is shown as text; links keep only what
``bantin.urls`` allows; images come only from the site itself. An id from
content never takes one of the theme's: Material finds its configuration,
search and drawer by ids that start with ``__`` (``{: #__config }`` would
replace the configuration and stop every script), so such an id gets a
prefix, and links to it within the page follow.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from . import urls

# What Markdown, footnotes and the table of contents write, and the ids and
# classes of attribute lists ({: #id }); an attribute list would also take an
# event handler or a style from content: those go.
_ATTRIBUTES = frozenset({"id", "class", "href", "src", "alt", "title", "start", "colspan", "rowspan", "align"})


THEME_ID_PREFIX = "__"  # Material's: __config, __search, __drawer, __toc, __nav_1…
ID_PREFIX = "muc"  # "section": "__config" becomes "muc__config"


def theme_id(value: str) -> bool:
    return value.startswith(THEME_ID_PREFIX)


class _OwnIds(Treeprocessor):
    """Renames ids that would collide with the theme's, before the table of
    contents reads them (so its links follow) and again after every other
    processor (ids it made itself from headings such as "__config")."""

    def run(self, root: etree.Element) -> None:
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        renamed = {}
        for element in root.iter():
            value = element.get("id")
            if value is None and toc is not None and element.tag in _HEADINGS:
                made = toc.slugify("".join(element.itertext()), toc.sep)  # what toc would name it
                value = made if theme_id(made) else None
            if value is not None and theme_id(value):
                renamed[value] = element.attrib["id"] = ID_PREFIX + value
        if renamed:
            for element in root.iter():
                href = element.get("href")
                if href and href.startswith("#") and href[1:] in renamed:
                    element.set("href", "#" + renamed[href[1:]])


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _InertLinks(Treeprocessor):
    """Drops attributes outside the list, links to other schemes and images from other hosts."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in [name for name in element.attrib if name not in _ATTRIBUTES]:
                del element.attrib[name]
            href = element.get("href")
            if href is not None and not urls.link_allowed(href):
                del element.attrib["href"]
            src = element.get("src")
            if src is not None and not urls.image_allowed(src):
                del element.attrib["src"]


class EscapeHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Last of all tree processors, after every one that writes attributes.
        md.treeprocessors.register(_InertLinks(md), "bantin_inert_links", -10)
        # attr_list runs at 8, toc at 5; -11 catches whatever else wrote an id.
        md.treeprocessors.register(_OwnIds(md), "bantin_own_ids", 6)
        md.treeprocessors.register(_OwnIds(md), "bantin_own_ids_last", -11)


def makeExtension(**kwargs: object) -> EscapeHtmlExtension:  # noqa: N802 - Markdown's API
    return EscapeHtmlExtension(**kwargs)
