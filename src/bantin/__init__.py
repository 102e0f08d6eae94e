"""bantin: the publishing system behind Bản tin Thông tin nội bộ.

Content files become validated records (``corpus``), records become a
citation graph (``refs``, ``links``), and the graph becomes pages. Only
``bantin.mkdocs`` (the plugin) imports MkDocs; the rest works without it.
"""

__version__ = "0.2.0"
