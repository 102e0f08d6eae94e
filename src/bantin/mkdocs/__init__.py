"""bantin's MkDocs side: one plugin (``BantinPlugin``) and the modules it hands work to.

The rest of the ``bantin`` package never imports MkDocs; everything here does.
Sites install the package and write ``plugins: [bantin]``; this repository
reaches the same object through ``hooks/bantin_hooks.py``.
"""
