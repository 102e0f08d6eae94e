"""Material's navigation, rendered once per folder, not per page.

Material renders the navigation sidebar for every page, about half a
millisecond each; on an archive that is thousands of renders of the same
few links. For a page the navigation does not list (every directive, cited
document, bulletin and listing), nothing in it depends on the page but its
relative links, so pages whose links come out the same share one render
(the theme's ``partials/nav.html``). Pages the navigation lists render it
themselves, with their own link marked active.

Material's own template stays in use unchanged: it is reached as
``material/partials/nav.html`` through a prefix added to the loader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup
from mkdocs.utils import get_relative_url

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def install(env: Environment) -> None:
    """Give ``env`` the prefix and a new cache (a new environment every build,
    ``mkdocs serve`` too)."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})])
    renders: dict[tuple[str, ...], Markup] = {}

    def shared(key: tuple[str, ...], render: Callable[[], Markup]) -> Markup:
        if key not in renders:
            renders[key] = render()
        return renders[key]

    env.globals["bantin_nav_key"] = _key
    env.globals["bantin_nav_shared"] = shared


@pass_context
def _key(context) -> tuple[str, ...] | None:
    """What the navigation's HTML depends on for this page: the relative
    links to the site root and to every page it lists; None for a page it
    lists (its render marks that page active)."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None or page in nav.pages:
        return None
    return (str(context.get("base_url")), *(get_relative_url(p.url, page.url) for p in nav.pages))
