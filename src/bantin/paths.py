"""Where bantin's pages live and the anchors other pages link to, spelled once.

A source URI ("khau-hieu/index.md") is what bantin hands MkDocs and what the
templates' ``doc_url`` filter takes; MkDocs turns it into the page's URL
("khau-hieu/"). URLs are ASCII, lowercase and stable: a reader's bookmark or
a printed link must keep working, so change none of these lightly.
Templates read this module as ``bantin_paths``.
"""

from __future__ import annotations

from .icons import file_name as _icon_name
from .records import UNDATED_FOLDER

HOME_URI = "index.md"
ARCHIVE = "van-ban"  # /van-ban/: every directive, by year (/van-ban/2024/), kind and issuer
ARCHIVE_URI = f"{ARCHIVE}/index.md"
KINDS = f"{ARCHIVE}/loai"  # /van-ban/loai/<kind>/
ISSUERS = f"{ARCHIVE}/co-quan"  # /van-ban/co-quan/<issuer>/
BULLETINS = "ban-tin"  # /ban-tin/<yyyy>-<mm>/ and its print copy .../ban-in/
BULLETINS_URI = f"{BULLETINS}/index.md"
PRINT = "ban-in"
TIMELINE = "dong-thoi-gian"  # /dong-thoi-gian/<yyyy>/<mm>/
TIMELINE_URI = f"{TIMELINE}/index.md"
SLOGANS = "khau-hieu"
SLOGANS_URI = f"{SLOGANS}/index.md"
CITED = "dan-chieu"  # /dan-chieu/<number>/: a document the directives cite, not in the bulletin
SEARCH_URI = "tim-kiem.md"  # the site's own page (docs/tim-kiem.md), filled in by search.js
OFFLINE_NOTICE_URI = "ngoai-tuyen/index.md"
UNDATED_URI = f"{ARCHIVE}/{UNDATED_FOLDER}/index.md"  # the listing of directives without a date

# Files at the site's root that pages name.
FEED = "van-ban-moi.xml"  # the Atom feed of new directives
FEED_INDEX = "van-ban.json"  # every directive, for other tools
MANIFEST = "manifest.webmanifest"  # the web app manifest (add to home screen)
WORKER = "sw.js"  # the service worker, at the root so its scope is the whole site

# Anchors: ids in a page that links from elsewhere point at.
BULLETIN_SLOGANS = "khau-hieu"  # a bulletin's section of slogans in use


def index_uri(folder: str) -> str:
    return f"{folder}/index.md"


def directive_uri(folder: str, slug: str) -> str:
    """A directive's page: ``van-ban/2024/02-kh-btgduk.md`` (folder: its year or UNDATED_FOLDER)."""
    return f"{ARCHIVE}/{folder}/{slug}.md"


def listing_page_uri(first_uri: str, n: int) -> str:
    """Page ``n`` (from 2) of a listing cut into pages: ``…/trang-2/index.md``."""
    return f"{first_uri.removesuffix('index.md')}trang-{n}/index.md"


def bulletin_uri(slug: str) -> str:
    return f"{BULLETINS}/{slug}/index.md"


def bulletin_print_uri(slug: str) -> str:
    return f"{BULLETINS}/{slug}/{PRINT}/index.md"


def app_icon(size: int) -> str:
    """The app icon of ``size`` pixels, as the theme ships it (bantin.icons draws it)."""
    return f"assets/images/{_icon_name(size)}"


def bulletin_document_anchor(n: int) -> str:
    """The ``n``-th directive of a bulletin, in the order of its contents: ``van-ban-1``."""
    return f"{ARCHIVE}-{n}"


def slogan_set_anchor(slug: str) -> str:
    """A slogan set on the slogans page: ``bo-<file name>``."""
    return f"bo-{slug}"


def citation_anchor(n: int) -> str:
    """A passage of a directive that cites a document, first link in its section: ``dc-<n>``."""
    return f"dc-{n}"
