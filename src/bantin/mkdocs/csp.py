"""Every built page's Content-Security-Policy (``bantin.csp`` computes it)."""

from __future__ import annotations

from bantin.csp import with_policy

from .config import BantinConfig


def page(output: str, options: BantinConfig) -> str:
    """The policy inserted into a page, which must be final: it hashes the
    page's inline scripts. The copy opened from disk sets ``csp: false``:
    file:// pages have no origin that 'self' could match."""
    return with_policy(output) if options.csp else output


def template(output: str, template_name: str, options: BantinConfig) -> str:
    """The same for pages built from theme templates alone (404.html)."""
    return page(output, options) if template_name.endswith(".html") else output
