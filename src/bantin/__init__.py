"""bantin: the publishing system behind Bản tin Thông tin nội bộ.

Content files become validated records (``corpus``), records become a
citation graph (``refs``, ``links``), and the graph becomes pages. Nothing in
this package imports MkDocs; the adapters in ``hooks/`` do.
"""
