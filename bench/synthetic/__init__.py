"""The pieces of the benchmark's synthetic archive (``bench/generate.py``)."""
