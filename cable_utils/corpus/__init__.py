"""Many cables at once: a folder of cable files or a Cablegate ``cables.csv``.

- :mod:`.rows`: one row per cable (``load_corpus``, the ``corpus`` command), streamed.
- :mod:`.thread`: the REF trail, which cable answers which.
"""

from .rows import (
    CORPUS_COLUMNS,
    CorpusRow,
    iter_corpus_rows,
    load_corpus,
    reference_edges,
    write_corpus_csv,
)

__all__ = [
    "CORPUS_COLUMNS",
    "CorpusRow",
    "iter_corpus_rows",
    "load_corpus",
    "reference_edges",
    "write_corpus_csv",
]
