"""Markdown extension: content becomes inert HTML.

Directive bodies come from editors and from imported documents; a stray
``<script>``, ``<img onerror=…>`` or ``[link](javascript:…)`` must reach
readers as inert text. Raw HTML is shown as text; links keep only what
``bantin.urls`` allows; images come only from the site itself.
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


def makeExtension(**kwargs: object) -> EscapeHtmlExtension:  # noqa: N802 - Markdown's API
    return EscapeHtmlExtension(**kwargs)
