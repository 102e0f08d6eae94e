"""MkDocs hooks: give every built page its Content-Security-Policy.

Runs last (priority -100) so the policy hashes the inline scripts that
every other hook and template put on the page. The offline copy opened from
disk sets ``extra.bantin.csp: false``: file:// pages have no origin that
'self' could match.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bantin.csp import with_policy


def _enabled(config: MkDocsConfig) -> bool:
    return config.extra["bantin"].csp  # validated by the site hook's on_config


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Insert the policy into each page, after all else has changed it."""
    return with_policy(output) if _enabled(config) else output


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages built from theme templates alone (404.html)."""
    if template_name.endswith(".html") and _enabled(config):
        return with_policy(output_content)
    return output_content
