"""MkDocs hooks for this repository: every event goes to one ``BantinPlugin``.

A site that installs bantin writes ``plugins: [bantin]`` instead; this
repository uses the hook so the sample site builds from the working tree
without the entry point. No logic here: see ``bantin.mkdocs.plugin``.
Named ``bantin_hooks`` rather than ``bantin``: MkDocs puts this folder first
on ``sys.path`` while loading hooks, and a ``bantin.py`` would shadow the package.
"""

from bantin.mkdocs.plugin import BantinPlugin

_plugin = BantinPlugin()
_plugin.load_config({})

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_serve = _plugin.on_serve
on_pre_build = _plugin.on_pre_build
on_files = _plugin.on_files
on_nav = _plugin.on_nav
on_env = _plugin.on_env
on_page_markdown = _plugin.on_page_markdown
on_page_content = _plugin.on_page_content
on_page_context = _plugin.on_page_context
on_post_page = _plugin.on_post_page
on_post_template = _plugin.on_post_template
on_post_build = _plugin.on_post_build
on_shutdown = _plugin.on_shutdown
