"""Markdown extension: raw HTML in content is shown as text, never run.

Directive bodies come from editors and from imported documents; a stray
``<script>`` or ``<img onerror=…>`` must reach readers as inert text.
"""

from __future__ import annotations

from markdown import Extension, Markdown


class EscapeHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def makeExtension(**kwargs: object) -> EscapeHtmlExtension:  # noqa: N802 - Markdown's API
    return EscapeHtmlExtension(**kwargs)
