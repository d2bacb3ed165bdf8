"""The collection's own tables on disk, and the student's work.

- :mod:`.codes`: the reference tables in ``data/reference/`` (TAGS, routing indicators,
  precedence, markings, classification reasons).
- :mod:`.glossary`: ``data/glossary.csv``.
- :mod:`.storage`: atomic saving of student work; a file that could not be read is never
  overwritten.
"""
