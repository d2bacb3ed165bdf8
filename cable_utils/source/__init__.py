"""Getting the text: bytes → text → normalised text with an offset map. Standard library only.

- :mod:`.paths`: where ``data/`` is, and safe resolution of cable IDs.
- :mod:`.loading`: decoding bytes and resolving IDs, paths and pasted text.
- :mod:`.normalise`: removing web-scrape artifacts while keeping a map back to the raw text.
"""
